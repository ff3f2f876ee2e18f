import { isUuidLike } from '../ir/identity.js';
import type * as ast from '../syntax/ast.js';

/**
 * The string literals of a module that a derived identifier could equal
 * (derived identifiers are upper-case UUIDs, `src/ir/identity.ts`). The
 * compiler reserves them, so a literal UUID — a shared UUID's `UUID='…'`, a
 * reference in the header, a flat block's `GroupingIdentifier` — never
 * coincides with one it derives (which a file compiled by shortcutc and
 * decompiled again would otherwise hit: its UUIDs are the derived ones).
 *
 * Walks every node generically and iteratively (the tree may nest deeply in
 * hostile code); only `string` nodes can hold such a value.
 */
export function literalIdentifiers(module: ast.Module): Set<string> {
  const found = new Set<string>();
  const stack: unknown[] = [module.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const record = node as { readonly kind?: unknown; readonly value?: unknown };
    if (record.kind === 'string') {
      const value = record.value;
      if (typeof value === 'string' && value.length === 36 && isUuidLike(value) && value === value.toUpperCase()) found.add(value);
      continue;
    }
    // for…in rather than Object.entries: no array of pairs per node (this walk meets every node of every file).
    const fields = node as Record<string, unknown>;
    for (const key in fields) {
      if (key === 'span') continue;
      const child = fields[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return found;
}
