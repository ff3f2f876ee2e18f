import type { Workflow } from './types.js';

/**
 * Structural equality of IR values (workflows, statements, values): plain
 * objects compare by their defined properties (a property set to undefined
 * counts as absent), arrays by items, bigints and strings by value, numbers
 * with `Object.is` (NaN equals NaN, -0 differs from 0, as in plists), byte
 * arrays by bytes and `Map`s (plist dictionaries inside `extra`) by entries
 * in order. Iterative, with the path of the first difference for messages.
 */
export interface IrDifference {
  readonly path: readonly (string | number)[];
  readonly reason: string;
}

export function firstIrDifference(a: unknown, b: unknown): IrDifference | undefined {
  const stack: { a: unknown; b: unknown; path: (string | number)[] }[] = [{ a, b, path: [] }];
  while (stack.length > 0) {
    const { a: x, b: y, path } = stack.pop()!;
    const at = (reason: string): IrDifference => ({ path, reason });
    if (typeof x !== typeof y) return at(`${typeof x} vs ${typeof y}`);
    if (typeof x === 'number') {
      if (!Object.is(x, y)) return at(`${x} vs ${String(y)}`);
      continue;
    }
    if (typeof x !== 'object' || x === null || y === null) {
      if (x !== y) return at(`${String(x)} vs ${String(y)}`);
      continue;
    }
    const yo = y as object;
    if (Array.isArray(x) !== Array.isArray(yo)) return at('array vs non-array');
    if (x instanceof Uint8Array || yo instanceof Uint8Array) {
      if (!(x instanceof Uint8Array && yo instanceof Uint8Array)) return at('bytes vs non-bytes');
      if (x.length !== yo.length || x.some((byte, i) => byte !== yo[i])) return at('bytes differ');
      continue;
    }
    if (x instanceof Map || yo instanceof Map) {
      if (!(x instanceof Map && yo instanceof Map)) return at('map vs non-map');
      const kx = [...x.keys()];
      const ky = [...yo.keys()];
      if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) return at(`map keys ${JSON.stringify(kx)} vs ${JSON.stringify(ky)}`);
      for (let i = kx.length - 1; i >= 0; i--) stack.push({ a: x.get(kx[i]), b: yo.get(kx[i]), path: [...path, String(kx[i])] });
      continue;
    }
    if (Array.isArray(x)) {
      const ya = yo as unknown[];
      if (x.length !== ya.length) return at(`${x.length} items vs ${ya.length}`);
      for (let i = x.length - 1; i >= 0; i--) stack.push({ a: x[i], b: ya[i], path: [...path, i] });
      continue;
    }
    const defined = (o: object): string[] => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined).sort();
    const kx = defined(x);
    const ky = defined(yo);
    const missing = kx.find((k) => !ky.includes(k)) ?? ky.find((k) => !kx.includes(k));
    if (missing !== undefined) return at(`property ${missing} only on the ${kx.includes(missing) ? 'left' : 'right'}`);
    for (let i = kx.length - 1; i >= 0; i--) {
      const k = kx[i]!;
      stack.push({ a: (x as Record<string, unknown>)[k], b: (yo as Record<string, unknown>)[k], path: [...path, k] });
    }
  }
  return undefined;
}

export function irEqual(a: unknown, b: unknown): boolean {
  return firstIrDifference(a, b) === undefined;
}

export function workflowsEqual(a: Workflow, b: Workflow): boolean {
  return irEqual(a, b);
}
