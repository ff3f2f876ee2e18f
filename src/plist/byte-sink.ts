/**
 * A growable byte buffer for the writers (one allocation per doubling, not
 * per value). A sink can be reset and reused, so a writer called once per
 * shortcut (a dataset of a hundred thousand) does not allocate and grow a
 * fresh buffer each time: only `finish` copies the bytes out.
 */
export class ByteSink {
  private buffer: Uint8Array;
  private view: DataView;
  /** The buffer as a Node `Buffer`, for its native string writes (made when first needed). */
  private native: Buffer | undefined;
  length = 0;

  constructor(initialCapacity = 4096) {
    this.buffer = new Uint8Array(Math.max(64, initialCapacity));
    this.view = new DataView(this.buffer.buffer);
  }

  /** Bytes the sink holds room for. */
  get capacity(): number {
    return this.buffer.length;
  }

  /** Empties the sink, keeping its buffer. */
  reset(): void {
    this.length = 0;
  }

  ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
    this.view = new DataView(next.buffer);
    this.native = undefined;
  }

  byte(value: number): void {
    this.ensure(1);
    this.buffer[this.length++] = value;
  }

  bytes(values: Uint8Array): void {
    this.ensure(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  /** Big-endian unsigned integer of 1, 2, 4 or 8 bytes (8-byte values are below 2^53 here). */
  uint(value: number, width: number): void {
    this.ensure(width);
    const at = this.length;
    switch (width) {
      case 1:
        this.buffer[at] = value;
        break;
      case 2:
        this.view.setUint16(at, value);
        break;
      case 4:
        this.view.setUint32(at, value);
        break;
      default:
        this.view.setUint32(at, Math.floor(value / 2 ** 32));
        this.view.setUint32(at + 4, value >>> 0);
    }
    this.length += width;
  }

  /** `count` big-endian unsigned integers from `values[from]` on, each `width` bytes (1, 2, 4 or 8): object references or offsets. */
  uints(values: ArrayLike<number>, from: number, count: number, width: number): void {
    const end = from + count;
    if (width > 2) {
      for (let i = from; i < end; i++) this.uint(values[i]!, width);
      return;
    }
    this.ensure(count * width);
    const buffer = this.buffer;
    let at = this.length;
    if (width === 1) {
      for (let i = from; i < end; i++) buffer[at++] = values[i]!;
    } else {
      for (let i = from; i < end; i++) {
        const v = values[i]!;
        buffer[at++] = v >>> 8;
        buffer[at++] = v & 0xff;
      }
    }
    this.length = at;
  }

  bigInt64(value: bigint): void {
    this.ensure(8);
    this.view.setBigInt64(this.length, value);
    this.length += 8;
  }

  bigUint64(value: bigint): void {
    this.ensure(8);
    this.view.setBigUint64(this.length, value);
    this.length += 8;
  }

  float64(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, value);
    this.length += 8;
  }

  /** Writes the 7-bit characters of `s` as single bytes. */
  ascii(s: string): void {
    const n = s.length;
    this.ensure(n);
    if (n > NATIVE_FROM) {
      // Long text (a script, an encoded image): one native copy instead of a loop over its characters.
      this.nativeBuffer().write(s, this.length, n, 'latin1');
      this.length += n;
      return;
    }
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) buffer[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** Writes the UTF-16 code units of `s`, big-endian. */
  utf16be(s: string): void {
    const n = s.length;
    this.ensure(n * 2);
    if (n > NATIVE_FROM) {
      const native = this.nativeBuffer();
      native.write(s, this.length, n * 2, 'utf16le');
      native.subarray(this.length, this.length + n * 2).swap16();
      this.length += n * 2;
      return;
    }
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const unit = s.charCodeAt(i);
      buffer[at++] = unit >> 8;
      buffer[at++] = unit & 0xff;
    }
    this.length = at;
  }

  /** The bytes written, in a buffer of exactly that size (the sink may then be reset and reused). */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private nativeBuffer(): Buffer {
    this.native ??= Buffer.from(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength);
    return this.native;
  }
}

/** Strings longer than this are copied natively; shorter ones (most keys and values) in a loop, which costs less than the call. */
const NATIVE_FROM = 32;

/** Whether every character of `s` is 7-bit (for long strings one native UTF-8 length count: any other character takes more than one byte). */
export function isAscii(s: string): boolean {
  const n = s.length;
  if (n > NATIVE_FROM) return Buffer.byteLength(s, 'utf8') === n;
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
