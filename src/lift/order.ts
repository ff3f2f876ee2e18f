import type { PlistDict, PlistValue } from '../plist/value.js';

/**
 * Key order, as the IR's conventions define it (see `src/ir/types.ts`): a
 * dictionary's canonical order is its untyped (`Entry[]`) keys in list order
 * with the typed keys merged in sorted order. Lifting records a file's order
 * only when it differs from that, so IR built from code lifts back identically.
 */

/** Code-unit comparison (what `Array.prototype.sort` does, spelled out). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Merges `typedKeys` (in sorted order) into `entryKeys` (kept in their order):
 * before each entry key go the pending typed keys that sort before it.
 * With sorted entry keys the result is fully sorted.
 */
export function canonicalOrder(typedKeys: readonly string[], entryKeys: readonly string[] = []): string[] {
  const typed = [...typedKeys].sort(compareKeys);
  const out: string[] = [];
  let t = 0;
  for (const key of entryKeys) {
    while (t < typed.length && compareKeys(typed[t]!, key) < 0) out.push(typed[t++]!);
    out.push(key);
  }
  while (t < typed.length) out.push(typed[t++]!);
  return out;
}

/**
 * The dictionary's actual key order, or undefined when it is the canonical
 * one. `canonical` is computed only when needed: keys already in sorted order
 * are always canonical (a sorted subsequence merged with sorted typed keys
 * stays sorted), which is every XML file and most dictionaries.
 */
export function recordOrder(dict: PlistDict, canonical: () => readonly string[]): string[] | undefined {
  let previous: string | undefined;
  let sorted = true;
  for (const key of dict.keys()) {
    if (previous !== undefined && compareKeys(previous, key) > 0) {
      sorted = false;
      break;
    }
    previous = key;
  }
  if (sorted) return undefined;
  const actual = [...dict.keys()];
  const expected = canonical();
  if (actual.length === expected.length && actual.every((key, i) => key === expected[i])) return undefined;
  return actual;
}

/**
 * Builds a dictionary from `values` in `order` when given, else in
 * `canonical` order. Keys the order does not mention (IR edited after
 * lifting) follow in canonical order; keys it mentions that are absent are
 * skipped.
 */
export function orderedDict(values: ReadonlyMap<string, PlistValue>, canonical: readonly string[], order?: readonly string[]): PlistDict {
  const out: PlistDict = new Map();
  if (order !== undefined) {
    for (const key of order) {
      const value = values.get(key);
      if (value !== undefined && !out.has(key)) out.set(key, value);
    }
  }
  for (const key of canonical) {
    const value = values.get(key);
    if (value !== undefined && !out.has(key)) out.set(key, value);
  }
  // Anything neither list names (cannot happen when `canonical` lists every key; kept as a guard).
  for (const [key, value] of values) if (!out.has(key)) out.set(key, value);
  return out;
}
