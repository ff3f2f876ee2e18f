/**
 * Assembles binary plists byte by byte for tests, so hostile and unusual
 * files (odd widths, bad offsets, cycles, huge counts) can be written exactly.
 */
export interface BplistLayout {
  /** Each object's bytes, in object-index order. */
  readonly objects: readonly (readonly number[])[];
  readonly top?: number;
  /** Width of object references inside collections (the bytes in `objects` must agree). */
  readonly refSize?: number;
  readonly offsetSize?: number;
  /** Overrides written into the trailer instead of the true values. */
  readonly declaredCount?: bigint;
  readonly declaredTableOffset?: bigint;
  readonly declaredTop?: bigint;
  /** Overrides for individual offset-table entries. */
  readonly offsets?: Readonly<Record<number, number>>;
  readonly header?: string;
}

export function buildBplist(layout: BplistLayout): Uint8Array {
  const header = layout.header ?? 'bplist00';
  const bytes: number[] = [...header].map((c) => c.charCodeAt(0));
  const offsets: number[] = [];
  for (const object of layout.objects) {
    offsets.push(bytes.length);
    bytes.push(...object);
  }
  const tableOffset = bytes.length;
  const offsetSize = layout.offsetSize ?? (tableOffset < 256 ? 1 : tableOffset < 65_536 ? 2 : 4);
  offsets.forEach((offset, i) => bytes.push(...be(BigInt(layout.offsets?.[i] ?? offset), offsetSize)));
  bytes.push(0, 0, 0, 0, 0, 0, offsetSize, layout.refSize ?? 1);
  bytes.push(...be(layout.declaredCount ?? BigInt(layout.objects.length), 8));
  bytes.push(...be(layout.declaredTop ?? BigInt(layout.top ?? 0), 8));
  bytes.push(...be(layout.declaredTableOffset ?? BigInt(tableOffset), 8));
  return new Uint8Array(bytes);
}

/** Big-endian bytes of `value` in `width` bytes (two's complement for negatives). */
export function be(value: bigint, width: number): number[] {
  const out: number[] = [];
  let v = BigInt.asUintN(width * 8, value);
  for (let i = 0; i < width; i++) {
    out.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
}

/** An ASCII string object. */
export function ascii(s: string): number[] {
  const head = s.length < 15 ? [0x50 | s.length] : [0x5f, 0x10, s.length];
  return [...head, ...[...s].map((c) => c.charCodeAt(0))];
}

/** A UTF-16BE string object from code units. */
export function utf16(units: readonly number[]): number[] {
  return [0x60 | units.length, ...units.flatMap((u) => [u >> 8, u & 0xff])];
}
