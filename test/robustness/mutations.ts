/**
 * Byte mutations of whole shortcut files for the robustness fuzz test:
 * bit flips, truncation, insertion and deletion of bytes, splicing two files,
 * duplicating a range, and setting a length, count or offset field to an
 * extreme. The last one knows where each container keeps such fields
 * (binary plist trailer, offset table and object lengths; AEA auth size,
 * root header and segment headers; XML integers and `{location, 1}` range
 * keys), so it hits them instead of hoping to.
 */
import fc from 'fast-check';

export const MUTATION_KINDS = ['bitflip', 'truncate', 'insert', 'delete', 'splice', 'duplicate', 'extreme'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export type ByteMutation =
  | { readonly kind: 'bitflip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  /** The start of this file up to `at`, then another file (`other`) from `from` on. */
  | { readonly kind: 'splice'; readonly at: number; readonly other: number; readonly from: number }
  | { readonly kind: 'duplicate'; readonly from: number; readonly length: number; readonly at: number }
  /** `field` picks one of the container's length/count/offset fields; `extreme` one of the values below. */
  | { readonly kind: 'extreme'; readonly field: number; readonly extreme: number };

/** What a length, count or offset may be set to: the edges of each width and of the file. */
const EXTREMES = ['zero', 'one', 'max', 'signedMax', 'signedMin', 'fileLength', 'fileLengthPlusOne', 'half'] as const;

/** Interesting bytes to insert: format magic, markers of every binary plist object kind, XML and code punctuation. */
const INSERTIONS: readonly Uint8Array[] = [
  ...['bplist00', 'AEA1', '<?xml ', '<plist>', '<dict>', '</dict>', '<array/>', '<key>', '&amp;', '&lol;', ']]>', '<!--', '{0, 1}', '\uFFFC', 'AA01', 'bvx2', 'bvxn', 'bvx$'].map((s) =>
    new TextEncoder().encode(s),
  ),
  ...[0x00, 0x08, 0x09, 0x0f, 0x10, 0x13, 0x1f, 0x23, 0x33, 0x4f, 0x5f, 0x6f, 0x80, 0xa0, 0xaf, 0xd0, 0xdf, 0xff].map((b) => Uint8Array.of(b)),
];

/** An arbitrary per kind, so every kind is drawn equally often and each run can be labelled by its kind. */
const byKind: { readonly [K in MutationKind]: fc.Arbitrary<ByteMutation> } = {
  bitflip: fc.record({ kind: fc.constant('bitflip' as const), at: fc.nat(), bit: fc.nat(7) }),
  truncate: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  insert: fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(fc.constantFrom(...INSERTIONS), fc.uint8Array({ minLength: 1, maxLength: 16 })),
  }),
  delete: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  splice: fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), other: fc.nat(), from: fc.nat() }),
  duplicate: fc.record({ kind: fc.constant('duplicate' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 512 }), at: fc.nat() }),
  extreme: fc.record({ kind: fc.constant('extreme' as const), field: fc.nat(), extreme: fc.nat(EXTREMES.length - 1) }),
};

/** One to three mutations of one kind, with that kind (the coverage table's column). */
export const byteMutations: fc.Arbitrary<{ kind: MutationKind; mutations: ByteMutation[] }> = fc
  .constantFrom(...MUTATION_KINDS)
  .chain((kind) => fc.array(byKind[kind], { minLength: 1, maxLength: 3 }).map((mutations) => ({ kind, mutations })));

const wrap = (n: number, length: number): number => (length === 0 ? 0 : n % length);

/** Applies the mutations in order; `others` are the files a splice may take its tail from. */
export function applyMutations(bytes: Uint8Array, mutations: readonly ByteMutation[], others: readonly Uint8Array[]): Uint8Array {
  let out = bytes;
  for (const m of mutations) out = applyOne(out, m, others);
  return out;
}

function applyOne(bytes: Uint8Array, m: ByteMutation, others: readonly Uint8Array[]): Uint8Array {
  switch (m.kind) {
    case 'bitflip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      out[wrap(m.at, out.length)]! ^= 1 << m.bit;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, wrap(m.at, bytes.length));
    case 'insert': {
      const at = wrap(m.at, bytes.length + 1);
      return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    }
    case 'delete': {
      const at = wrap(m.at, bytes.length + 1);
      return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    }
    case 'splice': {
      const other = others.length === 0 ? bytes : others[wrap(m.other, others.length)]!;
      return concat(bytes.subarray(0, wrap(m.at, bytes.length + 1)), other.subarray(wrap(m.from, other.length + 1)));
    }
    case 'duplicate': {
      const from = wrap(m.from, bytes.length + 1);
      const range = bytes.subarray(from, from + m.length);
      const at = wrap(m.at, bytes.length + 1);
      return concat(bytes.subarray(0, at), range, bytes.subarray(at));
    }
    case 'extreme': {
      const fields = lengthFields(bytes);
      if (fields.length === 0) return bytes;
      return setField(bytes, fields[wrap(m.field, fields.length)]!, EXTREMES[m.extreme]!);
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A field that holds a length, count or offset: binary (width, endianness) or decimal text in XML. */
export type LengthField =
  | { readonly kind: 'binary'; readonly at: number; readonly width: 1 | 2 | 4 | 8; readonly littleEndian: boolean }
  | { readonly kind: 'text'; readonly at: number; readonly length: number };

function setField(bytes: Uint8Array, field: LengthField, extreme: (typeof EXTREMES)[number]): Uint8Array {
  if (field.kind === 'text') {
    const values: Record<typeof extreme, string> = {
      zero: '0',
      one: '1',
      max: '18446744073709551615',
      signedMax: '9223372036854775807',
      signedMin: '-9223372036854775808',
      fileLength: String(bytes.length),
      fileLengthPlusOne: String(bytes.length + 1),
      half: '99999999999999999999999999',
    };
    return concat(bytes.subarray(0, field.at), new TextEncoder().encode(values[extreme]), bytes.subarray(field.at + field.length));
  }
  const bits = BigInt(field.width * 8);
  const max = (1n << bits) - 1n;
  const values: Record<typeof extreme, bigint> = {
    zero: 0n,
    one: 1n,
    max,
    signedMax: max >> 1n,
    signedMin: 1n << (bits - 1n),
    fileLength: BigInt(bytes.length) & max,
    fileLengthPlusOne: BigInt(bytes.length + 1) & max,
    half: max / 2n + 1n,
  };
  const out = bytes.slice();
  let v = values[extreme];
  for (let i = 0; i < field.width; i++) {
    const index = field.littleEndian ? field.at + i : field.at + field.width - 1 - i;
    if (index < out.length) out[index] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** The length, count and offset fields of a file, by container (none when its layout cannot be followed). */
export function lengthFields(bytes: Uint8Array): LengthField[] {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head === 'bplist00') return binaryPlistFields(bytes);
  if (head.startsWith('AEA1')) return aeaFields(bytes);
  return xmlFields(bytes);
}

function binaryPlistFields(bytes: Uint8Array): LengthField[] {
  if (bytes.length < 40) return [];
  const t = bytes.length - 32;
  const fields: LengthField[] = [
    { kind: 'binary', at: t + 6, width: 1, littleEndian: false }, // offset size
    { kind: 'binary', at: t + 7, width: 1, littleEndian: false }, // reference size
    { kind: 'binary', at: t + 8, width: 8, littleEndian: false }, // object count
    { kind: 'binary', at: t + 16, width: 8, littleEndian: false }, // top object
    { kind: 'binary', at: t + 24, width: 8, littleEndian: false }, // offset table offset
  ];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsetSize = bytes[t + 6]!;
  const count = Number(view.getBigUint64(t + 8));
  const table = Number(view.getBigUint64(t + 24));
  if (![1, 2, 4, 8].includes(offsetSize) || !Number.isSafeInteger(count) || !Number.isSafeInteger(table) || table + count * offsetSize > t) return fields;
  for (let i = 0; i < count; i++) {
    const at = table + i * offsetSize;
    fields.push({ kind: 'binary', at, width: offsetSize as 1 | 2 | 4 | 8, littleEndian: false });
    let offset = 0;
    for (let k = 0; k < offsetSize; k++) offset = offset * 256 + bytes[at + k]!;
    const marker = bytes[offset];
    if (marker === undefined || offset >= table) continue;
    const type = marker >> 4;
    // Data, strings, arrays, sets and dictionaries: a length in the low nibble, or 0xF and an integer object after it.
    if ([0x4, 0x5, 0x6, 0x8, 0xa, 0xc, 0xd].includes(type) && (marker & 0xf) === 0xf) {
      const size = 1 << ((bytes[offset + 1] ?? 0) & 0xf);
      if (size <= 8) fields.push({ kind: 'binary', at: offset + 2, width: size as 1 | 2 | 4 | 8, littleEndian: false });
    } else if ([0x4, 0x5, 0x6, 0xa, 0xd].includes(type)) {
      fields.push({ kind: 'binary', at: offset, width: 1, littleEndian: false });
    }
  }
  return fields;
}

function aeaFields(bytes: Uint8Array): LengthField[] {
  if (bytes.length < 12) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const auth = view.getUint32(8, true);
  const fields: LengthField[] = [{ kind: 'binary', at: 8, width: 4, littleEndian: true }];
  const root = 12 + auth + 224;
  if (root + 48 > bytes.length) return fields;
  fields.push(
    { kind: 'binary', at: root, width: 8, littleEndian: true }, // original size
    { kind: 'binary', at: root + 8, width: 8, littleEndian: true }, // file size
    { kind: 'binary', at: root + 16, width: 4, littleEndian: true }, // segment size
    { kind: 'binary', at: root + 20, width: 4, littleEndian: true }, // segments per cluster
  );
  const perCluster = view.getUint32(root + 20, true);
  const headers = 12 + auth + 304;
  for (let j = 0; j < Math.min(perCluster, 64) && headers + j * 40 + 8 <= bytes.length; j++) {
    if (view.getUint32(headers + j * 40 + 4, true) === 0) break;
    fields.push({ kind: 'binary', at: headers + j * 40, width: 4, littleEndian: true }, { kind: 'binary', at: headers + j * 40 + 4, width: 4, littleEndian: true });
  }
  return fields;
}

function xmlFields(bytes: Uint8Array): LengthField[] {
  const text = new TextDecoder('latin1').decode(bytes);
  const fields: LengthField[] = [];
  for (const match of text.matchAll(/<integer>(-?[0-9]+)<\/integer>|<key>\{([0-9]+), 1\}<\/key>/g)) {
    const digits = match[1] ?? match[2]!;
    fields.push({ kind: 'text', at: match.index + match[0].indexOf(digits), length: digits.length });
  }
  return fields;
}
