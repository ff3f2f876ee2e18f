import type { Expression } from '../syntax/ast.js';
import { APPLE_EPOCH_OFFSET_SECONDS, plistKind, type PlistDict, type PlistValue } from '../plist/value.js';
import { call, dotted, int, list, negate, str } from './build.js';

/**
 * Spellings shared by the value grammar and the plain-plist grammar
 * (grammars/dialect.md §6.1, §6.3): reals, dates, data, and whole plain
 * plist values for the header and `plist(...)`.
 */

/** The shortest text that reads back as the same double, always with `.` or `e`; NaN, ±∞ and -0.0 spelled out. */
export function realLiteral(value: number): Expression {
  if (Number.isNaN(value)) return call('float', [str('nan', "'")]);
  if (value === Infinity) return call('float', [str('inf', "'")]);
  if (value === -Infinity) return negate(call('float', [str('inf', "'")]));
  if (value < 0 || Object.is(value, -0)) return negate(realLiteral(-value));
  let text = String(value);
  if (!/[.e]/.test(text)) text += '.0';
  return { kind: 'number', text, isFloat: true, value };
}

const MICROSECONDS_PER_SECOND = 1_000_000n;
const EPOCH_OFFSET_MICROSECONDS = BigInt(APPLE_EPOCH_OFFSET_SECONDS) * MICROSECONDS_PER_SECOND;

/**
 * The whole number of microseconds since 2001 that the compiler turns back
 * into exactly this double (`Number(µs) / 1e6`), if there is one.
 */
export function wholeMicroseconds(secondsSince2001: number): bigint | undefined {
  if (!Number.isFinite(secondsSince2001)) return undefined;
  const rounded = Math.round(secondsSince2001 * 1e6);
  for (const candidate of [rounded - 1, rounded, rounded + 1]) {
    if (!Number.isSafeInteger(candidate)) continue;
    // As the compiler computes it; Object.is, so that -0.0 (whose µs count is +0) keeps its own spelling.
    const micros = BigInt(candidate);
    if (Object.is(Number(micros) / 1e6, secondsSince2001)) return micros;
  }
  return undefined;
}

/** `datetime.datetime(Y, M, D, h, m[, s[, µs]])` (UTC, as Python's repr), or `plist_date(seconds)`. */
export function dateLiteral(secondsSince2001: number): Expression {
  const fallback = (): Expression => call('plist_date', [realLiteral(secondsSince2001)]);
  const micros = wholeMicroseconds(secondsSince2001);
  if (micros === undefined) return fallback();
  const sinceUnix = micros + EPOCH_OFFSET_MICROSECONDS;
  const milliseconds = floorDiv(sinceUnix, 1000n);
  const extraMicros = Number(sinceUnix - milliseconds * 1000n);
  const date = new Date(Number(milliseconds));
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) return fallback();
  const fields = [year, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
  const seconds = date.getUTCSeconds();
  const microsecond = date.getUTCMilliseconds() * 1000 + extraMicros;
  if (seconds !== 0 || microsecond !== 0) fields.push(seconds);
  if (microsecond !== 0) fields.push(microsecond);
  return call(dotted('datetime.datetime'), fields.map((n) => int(BigInt(n))));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function bytesLiteral(bytes: Uint8Array): Expression {
  return { kind: 'bytes', value: bytes, quote: "'" };
}

/**
 * The plain-plist grammar (dialect §6.3): `{"key": …}` dictionaries, `"…"`
 * strings, `plistlib.UID(n)`; no serialization wrapper is interpreted.
 * Iterative, so a hostile value nested deeply cannot exhaust the stack here.
 */
export function plainLiteral(root: PlistValue): Expression {
  interface Frame {
    readonly value: PlistValue;
    readonly items: readonly PlistValue[];
    readonly children: Expression[];
    next: number;
  }
  const scalar = (value: PlistValue): Expression | undefined => {
    switch (plistKind(value)) {
      case 'string':
        return str(value as string, '"');
      case 'boolean':
        return { kind: 'boolean', value: value as boolean };
      case 'integer':
        return int((value as { value: bigint }).value);
      case 'real':
        return realLiteral((value as { value: number }).value);
      case 'date':
        return dateLiteral((value as { secondsSince2001: number }).secondsSince2001);
      case 'data':
        return bytesLiteral((value as { bytes: Uint8Array }).bytes);
      case 'uid':
        return call(dotted('plistlib.UID'), [int(BigInt((value as { value: number }).value))]);
      default:
        return undefined;
    }
  };
  const itemsOf = (value: PlistValue): PlistValue[] => (Array.isArray(value) ? value : [...(value as PlistDict).values()]);
  const finish = (frame: Frame): Expression => {
    if (Array.isArray(frame.value)) return list(frame.children);
    const keys = [...(frame.value as PlistDict).keys()];
    return { kind: 'dict', entries: keys.map((key, i) => ({ kind: 'entry', key: str(key, '"'), value: frame.children[i]! })) };
  };
  const direct = scalar(root);
  if (direct !== undefined) return direct;
  const frameOf = (value: PlistValue): Frame => ({ value, items: itemsOf(value), children: [], next: 0 });
  const stack: Frame[] = [frameOf(root)];
  for (;;) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.items.length) {
      const child = frame.items[frame.next++]!;
      const simple = scalar(child);
      if (simple !== undefined) frame.children.push(simple);
      else stack.push(frameOf(child));
      continue;
    }
    stack.pop();
    const done = finish(frame);
    if (stack.length === 0) return done;
    stack[stack.length - 1]!.children.push(done);
  }
}

