/** A growable byte buffer for the writers (one allocation per doubling, not per value). */
export class ByteSink {
  private buffer: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialCapacity = 4096) {
    this.buffer = new Uint8Array(Math.max(64, initialCapacity));
    this.view = new DataView(this.buffer.buffer);
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
    this.ensure(s.length);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buffer[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** Writes the UTF-16 code units of `s`, big-endian. */
  utf16be(s: string): void {
    this.ensure(s.length * 2);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < s.length; i++) {
      const unit = s.charCodeAt(i);
      buffer[at++] = unit >> 8;
      buffer[at++] = unit & 0xff;
    }
    this.length = at;
  }

  /** The bytes written, in a buffer of exactly that size. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
