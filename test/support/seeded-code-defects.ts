/**
 * Seeded defects in code: real shortcuts are decompiled to canonical code,
 * and one defect at a time is written into that text — a slip in an action
 * name, a keyword, an enum value, a variable or output name, or a value of
 * the wrong kind — at sites found through the compiler's own source map
 * (so the edit lands exactly on what was written). Sites are every site of
 * a kind, thinned evenly to a cap per file; the slip is chosen by a hash of
 * file, kind and site (`misspell` in seeded-defects.ts), never by hand.
 * Each injection says where the checker must report (line and column of
 * the edited text), the code, and the first suggestion.
 */
import { valueKindOf, type ValueKind } from '../../src/catalog/parameter-kinds.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import { enumItemMatches } from '../../src/checker/checks/enums.js';
import type { SourceSpan } from '../../src/diagnostics/diagnostic.js';
import { codeToIr } from '../../src/compile/front-end.js';
import type { Value } from '../../src/ir/types.js';
import { flatActions, referencesIn } from '../../src/ir/walk.js';
import { CONTROL_FLOW_IDENTIFIERS } from '../../src/lift/control-flow.js';
import { hash, misspell, type DefectKind } from './seeded-defects.js';

export interface CodeInjection {
  readonly kind: DefectKind;
  /** The code with the one defect. */
  readonly code: string;
  readonly expectedCode: string;
  /** 1-based line and column where the defect was written. */
  readonly line: number;
  readonly column: number;
  readonly expected: { readonly first: string } | { readonly prefix: string };
  readonly description: string;
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*/u;

const KIND_PREFIX: Partial<Record<ValueKind, string>> = {
  number: 'give a number',
  boolean: 'give a boolean',
  dictionary: 'give a dictionary',
  list: 'give a list',
  date: 'give a date',
  enum: 'give one of its values',
};

/** Evenly spaced picks from a list, at most `cap`. */
function thin<T>(items: readonly T[], cap: number): T[] {
  if (items.length <= cap) return [...items];
  return Array.from({ length: cap }, (_, i) => items[Math.floor((i * items.length) / cap)]!);
}

function literalText(value: Value): string | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'text' && value.parts.every((p) => typeof p === 'string')) return value.parts.join('');
  return undefined;
}

/** Every injection for one decompiled file. */
export function codeInjections(file: string, code: string, catalog: Catalog, cap: number): CodeInjection[] {
  const front = codeToIr(code, { catalog, file });
  const map = front.sourceMap;
  const slice = (span: SourceSpan): string => code.slice(span.start.offset, span.end.offset);
  const splice = (from: number, to: number, text: string): string => code.slice(0, from) + text + code.slice(to);
  const seed = (kind: DefectKind, n: number): number => hash(`${file}\u0000${kind}\u0000${n}`);
  /** Names the text assigns: a slip must not land on one of them. */
  const assigned = new Set([...code.matchAll(/^\s*([\p{L}_][\p{L}\p{N}_]*)\s*(?::[^=\n]*)?\+?=(?!=)/gmu)].map((m) => m[1]!));
  for (const m of code.matchAll(/^\s*for\s+(.+?)\s+in\b/gmu)) for (const n of m[1]!.matchAll(/[\p{L}_][\p{L}\p{N}_]*/gu)) assigned.add(n[0]);

  const out: CodeInjection[] = [];
  const actions = [...flatActions(front.partial.body)].flatMap((a) => (a.role === 'raw' ? [] : [a]));

  // Renamed action: a slip in the function name's tail.
  const calls = actions.flatMap((a) => {
    const entry = catalog.byIdentifier(a.identifier);
    const span = a.role === 'action' ? map.callee(a.core) : undefined;
    if (entry === undefined || span === undefined || Object.hasOwn(CONTROL_FLOW_IDENTIFIERS, a.identifier) || slice(span) !== entry.pythonName) return [];
    return [{ entry, span }];
  });
  for (const { entry, span } of thin(calls, cap)) {
    const from = entry.pythonName.startsWith(`${entry.app.replaceAll('.', '_')}_`) ? entry.app.length + 1 : 0;
    const renamed = misspell(entry.pythonName, seed('renamed action', span.start.offset), from);
    if (renamed === undefined || catalog.resolve(renamed) !== undefined) continue;
    out.push({
      kind: 'renamed action',
      code: splice(span.start.offset, span.end.offset, renamed),
      expectedCode: 'SC6001',
      line: span.start.line,
      column: span.start.column,
      expected: { first: entry.pythonName },
      description: `${entry.pythonName} → ${renamed}`,
    });
  }

  // Misspelled keyword: a declared key, written as a plain keyword.
  const keys = actions.flatMap((a) => {
    const entry = catalog.byIdentifier(a.identifier);
    if (entry === undefined) return [];
    return a.core.parameters.flatMap((p) => {
      const span = map.key(p);
      return span !== undefined && slice(span) === p.key && catalog.keyStatus(entry, p.key).kind === 'declared' ? [{ entry, core: a.core, key: p.key, span }] : [];
    });
  });
  for (const { entry, core, key, span } of thin(keys, cap)) {
    const wrong = misspell(key, seed('misspelled keyword', span.start.offset), key.startsWith('WF') ? 2 : 0);
    if (wrong === undefined || !IDENTIFIER.test(wrong) || catalog.keyStatus(entry, wrong).kind !== 'unknown' || core.parameters.some((p) => p.key === wrong)) continue;
    out.push({
      kind: 'misspelled keyword',
      code: splice(span.start.offset, span.end.offset, wrong),
      expectedCode: 'SC6002',
      line: span.start.line,
      column: span.start.column,
      expected: { first: key },
      description: `${entry.pythonName}(${key}=…) → ${wrong}`,
    });
  }

  // Enum value outside the list: an allowed value written literally, misspelt inside its quotes.
  const enums = actions.flatMap((a) => {
    const entry = catalog.byIdentifier(a.identifier);
    if (entry === undefined) return [];
    return a.core.parameters.flatMap((p) => {
      const declared = catalog.parameter(entry, p.key);
      const value = literalText(p.value);
      const span = map.value(p.value);
      if (declared?.enum === undefined || value === undefined || value.length < 3 || span === undefined) return [];
      const at = slice(span).indexOf(value);
      if (at < 0 || !declared.enum.some((item) => String(item.value) === value)) return [];
      return [{ key: p.key, value, items: declared.enum, span, at: span.start.offset + at }];
    });
  });
  for (const { key, value, items, span, at } of thin(enums, cap)) {
    const wrong = misspell(value, seed('enum value', span.start.offset));
    if (wrong === undefined || /['"\\{}]/.test(wrong) || items.some((item) => enumItemMatches(item, wrong) || String(item.value).toLowerCase() === wrong.toLowerCase())) continue;
    out.push({
      kind: 'enum value',
      code: splice(at, at + value.length, wrong),
      expectedCode: 'SC6003',
      line: span.start.line,
      column: span.start.column,
      expected: { first: value },
      description: `${key}: ${JSON.stringify(value)} → ${JSON.stringify(wrong)}`,
    });
  }

  // Undefined variable: a use of a variable or an output, its name misspelt where it is written.
  const uses = actions.flatMap((a) =>
    a.core.parameters.flatMap((p) =>
      [...referencesIn(p.value)].flatMap((r) => {
        if (r.source.kind !== 'variable' && r.source.kind !== 'actionOutput') return [];
        const span = map.value(r);
        const name = span === undefined ? undefined : IDENTIFIER.exec(slice(span))?.[0];
        return span !== undefined && name !== undefined && assigned.has(name) ? [{ name, span }] : [];
      }),
    ),
  );
  for (const { name, span } of thin(uses, cap)) {
    const wrong = misspell(name, seed('undefined variable', span.start.offset));
    if (wrong === undefined || !IDENTIFIER.test(wrong) || IDENTIFIER.exec(wrong)?.[0] !== wrong || assigned.has(wrong) || /^(Repeat_|Shortcut_Input|Clipboard|Current_Date|Device_Details|Ask)/.test(wrong)) continue;
    out.push({
      kind: 'undefined variable',
      code: splice(span.start.offset, span.start.offset + name.length, wrong),
      expectedCode: 'SC6006',
      line: span.start.line,
      column: span.start.column,
      expected: { first: name },
      description: `${name} → ${wrong}`,
    });
  }

  // Wrong kind: the value of a parameter whose app class fixes its kind, replaced by a value of another kind.
  const typed = actions.flatMap((a) => {
    const entry = catalog.byIdentifier(a.identifier);
    if (entry === undefined) return [];
    return a.core.parameters.flatMap((p) => {
      const declared = catalog.parameter(entry, p.key);
      const span = map.value(p.value) ?? undefined;
      if (declared === undefined || declared.class?.startsWith('WF') !== true || span === undefined || map.key(p) === undefined) return [];
      const kind = valueKindOf(declared);
      const prefix = kind === 'number' && /Quantity|Duration/.test(declared.class) ? 'give a quantity' : KIND_PREFIX[kind];
      return prefix === undefined ? [] : [{ key: p.key, kind, prefix, span }];
    });
  });
  for (const { key, kind, prefix, span } of thin(typed, cap)) {
    const replacement = kind === 'dictionary' || kind === 'list' ? '42' : "{'value': '1'}";
    out.push({
      kind: 'wrong kind',
      code: splice(span.start.offset, span.end.offset, replacement),
      expectedCode: 'SC6004',
      line: span.start.line,
      column: span.start.column,
      expected: { prefix },
      description: `${key} (${kind}) = ${replacement}`,
    });
  }
  return out;
}
