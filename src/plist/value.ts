/**
 * The lossless property-list value model.
 *
 * Every phase above the codec speaks these types. They keep what a JavaScript
 * `number` or a plain object would lose in a shortcut:
 *  - integers and reals are different kinds (`1` vs `1.0`), integers are exact
 *    over the whole signed and unsigned 64-bit range (bigint);
 *  - reals keep NaN and the infinities;
 *  - dictionaries keep key order (a `Map`, never a plain object: a key such as
 *    "1" would be moved to the front of a plain object);
 *  - dates, data and UIDs are their own kinds.
 *
 * Strings, booleans, arrays and dictionaries use JavaScript's own `string`,
 * `boolean`, arrays and `Map`; the other kinds are small tagged objects.
 */

export type PlistValue =
  | string
  | boolean
  | PlistInteger
  | PlistReal
  | PlistDate
  | PlistData
  | PlistUid
  | PlistArray
  | PlistDict;

export type PlistArray = PlistValue[];
export type PlistDict = Map<string, PlistValue>;

/** A signed or unsigned 64-bit integer: -2^63 ≤ value < 2^64. */
export interface PlistInteger {
  readonly kind: 'integer';
  readonly value: bigint;
}

/** An IEEE-754 double. Stays a real when whole (`1.0`); NaN and ±Infinity allowed. */
export interface PlistReal {
  readonly kind: 'real';
  readonly value: number;
}

/** Seconds since 2001-01-01T00:00:00Z (Apple's reference date), fractional in binary plists. */
export interface PlistDate {
  readonly kind: 'date';
  readonly secondsSince2001: number;
}

export interface PlistData {
  readonly kind: 'data';
  readonly bytes: Uint8Array;
}

/** A keyed-archiver object reference (binary plists only). */
export interface PlistUid {
  readonly kind: 'uid';
  readonly value: number;
}

export type PlistKind =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'real'
  | 'date'
  | 'data'
  | 'uid'
  | 'array'
  | 'dict';

export const INT64_MIN = -(2n ** 63n);
export const UINT64_MAX = 2n ** 64n - 1n;

/** Seconds between the Unix epoch and Apple's reference date 2001-01-01. */
export const APPLE_EPOCH_OFFSET_SECONDS = 978_307_200;

export function plistKind(value: PlistValue): PlistKind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Map) return 'dict';
  return value.kind;
}

export function integer(value: bigint | number): PlistInteger {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  if (big < INT64_MIN || big > UINT64_MAX) {
    throw new RangeError(`integer ${big} is outside the 64-bit range a property list can hold`);
  }
  return { kind: 'integer', value: big };
}

export function real(value: number): PlistReal {
  return { kind: 'real', value };
}

export function date(secondsSince2001: number): PlistDate {
  return { kind: 'date', secondsSince2001 };
}

export function dateFromJs(value: Date): PlistDate {
  return date(value.getTime() / 1000 - APPLE_EPOCH_OFFSET_SECONDS);
}

export function dateToJs(value: PlistDate): Date {
  return new Date((value.secondsSince2001 + APPLE_EPOCH_OFFSET_SECONDS) * 1000);
}

export function data(bytes: Uint8Array): PlistData {
  return { kind: 'data', bytes };
}

export function uid(value: number): PlistUid {
  return { kind: 'uid', value };
}

export function dict(entries: Iterable<readonly [string, PlistValue]> = []): PlistDict {
  return new Map(entries);
}

export function isDict(value: PlistValue | undefined): value is PlistDict {
  return value instanceof Map;
}

export function isArray(value: PlistValue | undefined): value is PlistArray {
  return Array.isArray(value);
}

export function isInteger(value: PlistValue | undefined): value is PlistInteger {
  return typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map) && value.kind === 'integer';
}

export function isReal(value: PlistValue | undefined): value is PlistReal {
  return typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map) && value.kind === 'real';
}

/** An integer that fits a JavaScript number exactly, else undefined. */
export function safeIntegerValue(value: PlistValue | undefined): number | undefined {
  if (!isInteger(value)) return undefined;
  const n = Number(value.value);
  return Number.isSafeInteger(n) ? n : undefined;
}
