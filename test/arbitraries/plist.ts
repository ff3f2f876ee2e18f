/**
 * fast-check arbitraries for the plist value model, for every phase's property
 * tests. `plistValue()` covers all kinds (deep, unicode with astral characters,
 * extreme numbers, NaN, ±0, the whole 64-bit integer range); `{ xmlSafe: true }`
 * limits it to what an XML plist can say exactly.
 */
import fc from 'fast-check';
import {
  APPLE_EPOCH_OFFSET_SECONDS,
  INT64_MIN,
  UINT64_MAX,
  data,
  date,
  integer,
  real,
  uid,
  type PlistDict,
  type PlistValue,
} from '../../src/plist/value.js';

export interface PlistArbitraryOptions {
  /** Only values an XML plist holds exactly: no UIDs, whole-second dates in years 1–9999, XML characters. */
  readonly xmlSafe?: boolean;
  /** Deepest nesting of arrays and dictionaries (default 6). */
  readonly maxDepth?: number;
  /** Most items per array or dictionary (default 6). */
  readonly maxItems?: number;
}

/** Integers at the edges of each width a binary plist uses, and of the whole range. */
const integerEdges = [
  0n, 1n, -1n, 255n, 256n, 65_535n, 65_536n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n, 2n ** 63n - 1n, 2n ** 63n, UINT64_MAX, INT64_MIN,
  -(2n ** 31n), 4_282_601_983n, -1_263_359_489n,
];

export const plistInteger = (): fc.Arbitrary<PlistValue> =>
  fc.oneof(fc.constantFrom(...integerEdges), fc.bigInt({ min: INT64_MIN, max: UINT64_MAX }), fc.bigInt({ min: -1000n, max: 100_000n })).map(integer);

export const plistReal = (): fc.Arbitrary<PlistValue> =>
  fc
    .oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, 0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1, 3, 0.1, 1e21, 1e-7),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
    )
    .map(real);

/** Seconds since 2001 of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the dates XML can say. */
const FIRST_XML_SECOND = secondsSince2001(1, 0, 1, 0, 0, 0);
const LAST_XML_SECOND = secondsSince2001(9999, 11, 31, 23, 59, 59);
function secondsSince2001(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  // setUTCFullYear, because Date.UTC maps the years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime() / 1000 - APPLE_EPOCH_OFFSET_SECONDS;
}

export const plistDate = (xmlSafe = false): fc.Arbitrary<PlistValue> =>
  xmlSafe
    ? fc.oneof(fc.integer({ min: FIRST_XML_SECOND, max: LAST_XML_SECOND }), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })).map(date)
    : fc.oneof(fc.double(), fc.double({ min: -1e10, max: 1e10, noNaN: true })).map(date);

export const plistData = (): fc.Arbitrary<PlistValue> => fc.uint8Array({ maxLength: 300 }).map((bytes) => data(bytes));

export const plistUid = (): fc.Arbitrary<PlistValue> =>
  fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0, 255, 256, 65_535, 65_536, 2 ** 32, Number.MAX_SAFE_INTEGER)).map(uid);

/** Characters XML can hold, weighted toward the ones codecs get wrong. */
const xmlCharacter = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }).filter((c) => /[\t\n\r\x20-\x7e]/.test(c)) },
  { weight: 2, arbitrary: fc.constantFrom('\r', '\n', '\t', '&', '<', '>', '"', "'", ']]>', '\r\n', ' ', '\u00e9', '\u2028', '\ufeff', '\ufffd') },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0x80, max: 0x10ffff })
      .filter((cp) => (cp < 0xd800 || cp > 0xdfff) && cp !== 0xfffe && cp !== 0xffff)
      .map((cp) => String.fromCodePoint(cp)),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u{1F600}', '\u{10FFFF}', '\u{1F1EB}\u{1F1F7}', '\u{20000}') },
);

export const plistString = (xmlSafe = false, maxLength = 24): fc.Arbitrary<string> =>
  xmlSafe
    ? fc.string({ unit: xmlCharacter, maxLength })
    : fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: xmlCharacter, maxLength }), fc.string({ unit: 'binary-ascii', maxLength }));

export function plistScalar(options: PlistArbitraryOptions = {}): fc.Arbitrary<PlistValue> {
  const xmlSafe = options.xmlSafe ?? false;
  const kinds: fc.Arbitrary<PlistValue>[] = [plistString(xmlSafe), fc.boolean(), plistInteger(), plistReal(), plistDate(xmlSafe), plistData()];
  if (!xmlSafe) kinds.push(plistUid());
  return fc.oneof(...kinds);
}

export function plistDict(value: fc.Arbitrary<PlistValue>, options: PlistArbitraryOptions = {}): fc.Arbitrary<PlistDict> {
  return fc
    .uniqueArray(fc.tuple(plistString(options.xmlSafe ?? false, 12), value), { maxLength: options.maxItems ?? 6, selector: (entry) => entry[0] })
    .map((entries) => new Map(entries));
}

/** Any plist value: scalars, and arrays and dictionaries nested up to `maxDepth`. */
export function plistValue(options: PlistArbitraryOptions = {}): fc.Arbitrary<PlistValue> {
  const maxDepth = options.maxDepth ?? 6;
  const maxItems = options.maxItems ?? 6;
  const { tree } = fc.letrec<{ tree: PlistValue }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      plistScalar(options),
      fc.array(tie('tree'), { maxLength: maxItems }),
      plistDict(tie('tree'), options),
    ),
  }));
  return tree;
}

/** A shortcut-shaped top level: a dictionary (what every shortcut file holds). */
export function plistDocument(options: PlistArbitraryOptions = {}): fc.Arbitrary<PlistDict> {
  return plistDict(plistValue(options), { ...options, maxItems: options.maxItems ?? 8 });
}

/**
 * Deeply nested values: a chain of `minDepth`–`maxDepth` arrays and dictionaries
 * (each level may carry scalar siblings) around a scalar leaf.
 */
export function deepPlistValue(options: PlistArbitraryOptions & { minDepth?: number } = {}): fc.Arbitrary<PlistValue> {
  const level = fc.tuple(fc.boolean(), fc.array(plistScalar(options), { maxLength: 2 }), plistString(options.xmlSafe ?? false, 6));
  return fc
    .tuple(fc.array(level, { minLength: options.minDepth ?? 20, maxLength: options.maxDepth ?? 200 }), plistScalar(options))
    .map(([levels, leaf]) => {
      let value: PlistValue = leaf;
      for (const [isArray, siblings, key] of levels) {
        if (isArray) value = [...siblings, value];
        else value = new Map<string, PlistValue>([...siblings.map((s, i): [string, PlistValue] => [`${key}${i + 1}`, s]), [key, value]]);
      }
      return value;
    });
}

/** A chain of arrays and dictionaries `depth` levels deep around a scalar. */
export function deepValue(depth: number, leaf: PlistValue = 'leaf'): PlistValue {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : new Map([[`k${i}`, value]]);
  return value;
}
