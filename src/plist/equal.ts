import { plistKind, type PlistValue } from './value.js';

/** A path into a property list: dictionary keys and array indexes from the root. */
export type PlistPath = readonly (string | number)[];

export interface PlistDifference {
  readonly path: PlistPath;
  /** What differs, in words a person can act on. */
  readonly reason: string;
}

export interface CompareOptions {
  /**
   * Whether dictionaries must list their keys in the same order. Plist
   * dictionaries are unordered (Apple's XML writer sorts keys, its binary writer
   * does not), so semantic comparison ignores order; codec round trips check it.
   */
  readonly keyOrder?: boolean;
}

/**
 * The first difference between two values, or undefined when they are equal.
 * Kinds must match exactly (integer 1 ≠ real 1.0); NaN equals NaN; a real's
 * sign of zero counts (-0.0 ≠ 0.0), since both survive every codec.
 */
export function firstDifference(
  a: PlistValue,
  b: PlistValue,
  options: CompareOptions = {},
): PlistDifference | undefined {
  const path: (string | number)[] = [];
  // Iterative over an explicit stack: values from hostile files can nest deeply.
  const stack: { a: PlistValue; b: PlistValue; depth: number; key?: string | number }[] = [{ a, b, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    path.length = item.depth;
    if (item.key !== undefined) path[item.depth - 1] = item.key;
    const reason = shallowDifference(item.a, item.b, options);
    if (reason !== undefined) return { path: [...path], reason };
    const x = item.a;
    const y = item.b;
    if (Array.isArray(x) && Array.isArray(y)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push({ a: x[i]!, b: y[i]!, depth: item.depth + 1, key: i });
    } else if (x instanceof Map && y instanceof Map) {
      const keys = [...x.keys()];
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ a: x.get(key)!, b: y.get(key)!, depth: item.depth + 1, key });
      }
    }
  }
  return undefined;
}

export function plistEqual(a: PlistValue, b: PlistValue, options: CompareOptions = {}): boolean {
  return firstDifference(a, b, options) === undefined;
}

/** Compares everything but children; returns why two values differ at this node. */
function shallowDifference(a: PlistValue, b: PlistValue, options: CompareOptions): string | undefined {
  const kindA = plistKind(a);
  const kindB = plistKind(b);
  if (kindA !== kindB) return `${kindA} ${describe(a)} vs ${kindB} ${describe(b)}`;
  switch (kindA) {
    case 'string':
    case 'boolean':
      return a === b ? undefined : `${describe(a)} vs ${describe(b)}`;
    case 'array': {
      const x = a as PlistValue[];
      const y = b as PlistValue[];
      return x.length === y.length ? undefined : `array of ${x.length} items vs ${y.length} items`;
    }
    case 'dict': {
      const x = a as Map<string, PlistValue>;
      const y = b as Map<string, PlistValue>;
      for (const key of x.keys()) if (!y.has(key)) return `key ${JSON.stringify(key)} only on the left`;
      for (const key of y.keys()) if (!x.has(key)) return `key ${JSON.stringify(key)} only on the right`;
      if (options.keyOrder) {
        const keysA = [...x.keys()];
        const keysB = [...y.keys()];
        const at = keysA.findIndex((key, i) => key !== keysB[i]);
        if (at >= 0) return `key order differs at position ${at}: ${JSON.stringify(keysA[at])} vs ${JSON.stringify(keysB[at])}`;
      }
      return undefined;
    }
    default:
      return scalarEqual(a, b) ? undefined : `${describe(a)} vs ${describe(b)}`;
  }
}

function scalarEqual(a: PlistValue, b: PlistValue): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) return false;
  if (a instanceof Map || b instanceof Map) return false;
  switch (a.kind) {
    case 'integer':
      return b.kind === 'integer' && a.value === b.value;
    case 'real':
      return b.kind === 'real' && Object.is(a.value, b.value);
    case 'date':
      return b.kind === 'date' && Object.is(a.secondsSince2001, b.secondsSince2001);
    case 'uid':
      return b.kind === 'uid' && a.value === b.value;
    case 'data': {
      if (b.kind !== 'data' || a.bytes.length !== b.bytes.length) return false;
      for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
      return true;
    }
  }
}

/** A short, readable rendering of a value for difference messages. */
export function describe(value: PlistValue): string {
  switch (plistKind(value)) {
    case 'string': {
      const s = value as string;
      return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
    }
    case 'boolean':
      return String(value);
    case 'array':
      return `[${(value as PlistValue[]).length} items]`;
    case 'dict':
      return `{${(value as Map<string, PlistValue>).size} keys}`;
    default: {
      const v = value as Exclude<PlistValue, string | boolean | PlistValue[] | Map<string, PlistValue>>;
      switch (v.kind) {
        case 'integer':
          return v.value.toString();
        case 'real':
          return Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value);
        case 'date':
          return `date(${v.secondsSince2001})`;
        case 'data':
          return `<${v.bytes.length} bytes>`;
        case 'uid':
          return `uid(${v.value})`;
      }
    }
  }
}

/** Renders a path as `WFWorkflowActions[3].WFWorkflowActionParameters.WFInput`. */
export function formatPath(path: PlistPath): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
