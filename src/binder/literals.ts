import { APPLE_EPOCH_OFFSET_SECONDS, integer, type PlistDict, type PlistValue } from '../plist/value.js';
import type { Expression } from '../syntax/ast.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { calleeName, describeExpression } from './syntax.js';

/**
 * Literal spellings shared by the value grammar and the header's plain-plist
 * grammar (grammars/dialect.md §6.1, §6.3): numbers (with `-`, `float('nan')`,
 * `float('inf')`), dates (`datetime.datetime(…)`, `plist_date(…)`), and whole
 * plain plist values (`{"key": …}`, `[…]`, `plistlib.UID(n)`).
 */

export const MIN_INTEGER = -(2n ** 63n);
/** Plists hold unsigned 64-bit integers too (icon colours such as 4282601983 in 32 bits, larger in the wild). */
export const MAX_INTEGER = 2n ** 64n - 1n;

export type NumberValue = { readonly kind: 'integer'; readonly value: bigint } | { readonly kind: 'real'; readonly value: number };

/**
 * `3`, `-3`, `2.5`, `-0.0`, `float('nan')`, `float('inf')`, `-float('inf')`.
 * Undefined when `expr` is not a number spelling; `'error'` after reporting an
 * integer a plist cannot hold.
 */
export function readNumber(ctx: BindContext, expr: Expression): NumberValue | 'error' | undefined {
  let negative = false;
  let inner = expr;
  while (inner.kind === 'unary' && (inner.operator === '-' || inner.operator === '+')) {
    if (inner.operator === '-') negative = !negative;
    inner = inner.operand;
  }
  if (inner.kind === 'number') {
    if (typeof inner.value === 'bigint' && !inner.isFloat) {
      const value = negative ? -inner.value : inner.value;
      if (value < MIN_INTEGER || value > MAX_INTEGER) {
        ctx.report(D.badNumber, `${negative ? '-' : ''}${inner.text} does not fit in a plist integer (64 bits)`, expr.span, 'write it as a real (with a decimal point) or as text');
        return 'error';
      }
      return { kind: 'integer', value };
    }
    const real = typeof inner.value === 'bigint' ? Number(inner.value) : inner.value;
    return { kind: 'real', value: negative ? -real : real };
  }
  if (inner.kind === 'call' && calleeName(inner) === 'float' && inner.args.length === 1 && inner.keywords.length === 0) {
    const argument = inner.args[0]!;
    const text = argument.kind === 'string' ? argument.value.trim().toLowerCase() : undefined;
    const special: Record<string, number> = { nan: Number.NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity };
    if (text !== undefined && Object.hasOwn(special, text)) {
      const value = special[text]!;
      return { kind: 'real', value: negative ? -value : value };
    }
  }
  return undefined;
}

const EPOCH_OFFSET_MICROSECONDS = BigInt(APPLE_EPOCH_OFFSET_SECONDS) * 1_000_000n;

/**
 * `datetime.datetime(Y, M, D, h, m[, s[, µs]])` (UTC) or `plist_date(seconds)`:
 * seconds since 2001-01-01 as the plist stores them. Undefined when `expr` is
 * neither form; `'error'` after reporting a malformed one.
 */
export function readDate(ctx: BindContext, expr: Expression): number | 'error' | undefined {
  if (expr.kind !== 'call') return undefined;
  const name = calleeName(expr);
  if (name === 'plist_date') {
    const seconds = expr.args.length === 1 && expr.keywords.length === 0 ? readNumber(ctx, expr.args[0]!) : undefined;
    if (seconds === undefined || seconds === 'error') {
      ctx.report(D.badValue, 'plist_date takes the seconds since 2001-01-01 as one number', expr.span, 'write plist_date(0.5)');
      return 'error';
    }
    return seconds.kind === 'integer' ? Number(seconds.value) : seconds.value;
  }
  if (name !== 'datetime.datetime') return undefined;
  const fields: number[] = [];
  for (const argument of expr.args) {
    const n = readNumber(ctx, argument);
    if (n === undefined || n === 'error' || n.kind !== 'integer') {
      fields.length = 0;
      break;
    }
    fields.push(Number(n.value));
  }
  const [year, month, day, hour = 0, minute = 0, second = 0, micro = 0] = fields;
  const valid =
    expr.keywords.length === 0 &&
    fields.length >= 3 &&
    fields.length <= 7 &&
    year! >= 1 &&
    year! <= 9999 &&
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= 31 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    micro >= 0 &&
    micro <= 999_999;
  if (!valid) {
    ctx.report(D.badValue, 'a date is written datetime.datetime(year, month, day, hour, minute[, second[, microsecond]]) in UTC', expr.span, 'write e.g. datetime.datetime(2024, 1, 31, 12, 0)');
    return 'error';
  }
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  date.setUTCHours(hour, minute, second, 0);
  if (date.getUTCDate() !== day) {
    ctx.report(D.badValue, `${year}-${month}-${day} is not a date`, expr.span, 'write a day that exists in that month');
    return 'error';
  }
  const micros = BigInt(date.getTime()) * 1000n + BigInt(micro) - EPOCH_OFFSET_MICROSECONDS;
  return Number(micros) / 1e6;
}

/**
 * The plain-plist grammar (header values, `plist(...)`): strings, numbers,
 * booleans, dates, bytes, `plistlib.UID(n)`, lists and `{"key": …}`
 * dictionaries, no serialization wrapper interpreted. Depth is bounded by
 * `ctx.deeper`. Undefined after reporting.
 */
export function readPlainLiteral(ctx: BindContext, expr: Expression): PlistValue | undefined {
  return ctx.deeper(expr.span, () => readPlainInner(ctx, expr));
}

function readPlainInner(ctx: BindContext, expr: Expression): PlistValue | undefined {
  switch (expr.kind) {
    case 'string':
      return expr.value;
    case 'boolean':
      return expr.value;
    case 'bytes':
      return { kind: 'data', bytes: expr.value };
    case 'list': {
      const out: PlistValue[] = [];
      for (const element of expr.elements) {
        const value = readPlainLiteral(ctx, element);
        if (value === undefined) return undefined;
        out.push(value);
      }
      return out;
    }
    case 'dict': {
      const out: PlistDict = new Map();
      for (const entry of expr.entries) {
        if (entry.key.kind !== 'string') {
          ctx.report(D.badHeaderEntry, `a plain dictionary's keys are strings, not ${describeExpression(entry.key)}`, entry.key.span, 'write the key in quotes');
          return undefined;
        }
        if (out.has(entry.key.value)) {
          ctx.report(D.duplicateKeyword, `the key ${JSON.stringify(entry.key.value)} is given twice`, entry.key.span, 'keep one of them');
          return undefined;
        }
        const value = readPlainLiteral(ctx, entry.value);
        if (value === undefined) return undefined;
        out.set(entry.key.value, value);
      }
      return out;
    }
    case 'call': {
      if (calleeName(expr) === 'plistlib.UID' && expr.args.length === 1 && expr.keywords.length === 0) {
        const n = readNumber(ctx, expr.args[0]!);
        if (n !== undefined && n !== 'error' && n.kind === 'integer' && n.value >= 0n && n.value <= 0xffffffffn) return { kind: 'uid', value: Number(n.value) };
        ctx.report(D.badValue, 'plistlib.UID takes a non-negative integer below 2³²', expr.span, 'write plistlib.UID(3)');
        return undefined;
      }
      const date = readDate(ctx, expr);
      if (date === 'error') return undefined;
      if (date !== undefined) return { kind: 'date', secondsSince2001: date };
      break;
    }
    default:
      break;
  }
  const number = readNumber(ctx, expr);
  if (number === 'error') return undefined;
  if (number !== undefined) return number.kind === 'integer' ? integer(number.value) : { kind: 'real', value: number.value };
  ctx.report(D.badValue, `${describeExpression(expr)} is not a plain plist value`, expr.span, 'write a string, number, boolean, date, bytes, list or {"key": value} dictionary');
  return undefined;
}
