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
export function literalIdentifiers(module: ast.Module, source?: string): Set<string> {
  // Without an upper-case UUID in its text the code has none to reserve: the one way a literal can equal a
  // derived identifier is code printed from a shortcut shortcutc compiled, and the printer writes every UUID
  // as it is (never escaped or split). Most model code has none, and is spared the walk.
  if (source !== undefined && !containsUpperCaseUuid(source)) return new Set();
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

/**
 * Whether the text holds `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX` in upper-case
 * hexadecimal. A scan from dash to dash (a regular expression tried at every
 * position cost more than the walk it spares).
 */
function containsUpperCaseUuid(text: string): boolean {
  for (let dash = text.indexOf('-', 8); dash >= 0 && dash + 28 <= text.length; dash = text.indexOf('-', dash + 1)) {
    if (text.charCodeAt(dash + 5) !== 45 || text.charCodeAt(dash + 10) !== 45 || text.charCodeAt(dash + 15) !== 45) continue;
    if (upperHex(text, dash - 8, dash) && upperHex(text, dash + 1, dash + 5) && upperHex(text, dash + 6, dash + 10) && upperHex(text, dash + 11, dash + 15) && upperHex(text, dash + 16, dash + 28)) {
      return true;
    }
  }
  return false;
}

function upperHex(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}
