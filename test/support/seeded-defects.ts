/**
 * Seeded defects for the checker: one defect injected at a time into a real
 * workflow, at sites chosen systematically (every site of a kind, thinned
 * evenly to a cap per file) and mutated by a hash of file, kind and site —
 * never hand-picked. Each injection says what the checker must report: the
 * code, where (a plist path), and the first suggestion.
 */
import { valueKindOf, type ValueKind } from '../../src/catalog/parameter-kinds.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { ActionEntry } from '../../src/catalog/schema.js';
import { enumItemMatches } from '../../src/checker/checks/enums.js';
import { identifierForm } from '../../src/checker/wording.js';
import type { ActionCore, Entry, Statement, Value, VariableReference, Workflow } from '../../src/ir/types.js';
import { flatActions, referencesIn, rewriteValue } from '../../src/ir/walk.js';
import { CONTROL_FLOW_IDENTIFIERS } from '../../src/lift/control-flow.js';
import type { PlistPath } from '../../src/plist/equal.js';

export type DefectKind = 'renamed action' | 'misspelled keyword' | 'enum value' | 'undefined variable' | 'wrong kind';
export const DEFECT_KINDS: readonly DefectKind[] = ['renamed action', 'misspelled keyword', 'enum value', 'undefined variable', 'wrong kind'];

export interface Injection {
  readonly kind: DefectKind;
  readonly workflow: Workflow;
  readonly code: string;
  readonly path: PlistPath;
  /** What the suggestion must start with: the best candidate in backticks, or a phrase for wrong kinds. */
  readonly expected: { readonly first: string } | { readonly prefix: string };
  /** For reports: what was changed. */
  readonly description: string;
}

/** FNV-1a: a stable hash, so the same corpus always gets the same injections. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A one-edit misspelling of `text` inside [from, to): delete, swap two
 * neighbours, double, or replace a letter (by another letter, never the same
 * one in another case) — the slips people and models make.
 */
export function misspell(text: string, seed: number, from = 0, to = text.length): string | undefined {
  const span = to - from;
  if (span < 2) return undefined;
  const op = seed % 4;
  const at = from + (Math.floor(seed / 4) % span);
  const c = text[at]!;
  switch (op) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1: {
      const i = Math.min(at, to - 2);
      if (text[i] === text[i + 1]) return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + text[i + 1]! + text[i]! + text.slice(i + 2);
    }
    case 2:
      return text.slice(0, at) + c + text.slice(at);
    default: {
      const lower = c.toLowerCase();
      const pool = LETTERS.replace(lower, '');
      const replacement = pool[Math.floor(seed / 97) % pool.length]!;
      return text.slice(0, at) + (c === lower ? replacement : replacement.toUpperCase()) + text.slice(at + 1);
    }
  }
}

/** A flat action with where it lives, for injections. */
interface Site {
  readonly index: number;
  readonly identifier: string;
  readonly role: 'action' | 'start' | 'middle' | 'end';
  readonly core: ActionCore;
  readonly entry: ActionEntry;
}

function sitesOf(workflow: Workflow, catalog: Catalog): Site[] {
  const out: Site[] = [];
  for (const flat of flatActions(workflow.body)) {
    if (flat.role === 'raw') continue;
    const entry = catalog.byIdentifier(flat.identifier);
    if (entry !== undefined) out.push({ index: flat.index, identifier: flat.identifier, role: flat.role, core: flat.core, entry });
  }
  return out;
}

/** Copies the statement list with the flat action at `index` changed. */
function replaceAt(body: readonly Statement[], index: number, change: (core: ActionCore, statement: Statement) => { core: ActionCore; identifier?: string }): Statement[] {
  let counter = 0;
  const visit = (list: readonly Statement[]): Statement[] =>
    list.map((statement): Statement => {
      if (statement.kind === 'raw') {
        counter++;
        return statement;
      }
      if (statement.kind === 'action') {
        if (counter++ !== index) return statement;
        const changed = change(statement, statement);
        return { ...statement, ...changed.core, kind: 'action', identifier: changed.identifier ?? statement.identifier };
      }
      const part = (core: ActionCore): ActionCore => (counter++ === index ? change(core, statement).core : core);
      switch (statement.kind) {
        case 'if': {
          const start = part(statement.start);
          const then = visit(statement.then);
          const otherwise = statement.otherwise === undefined ? undefined : { part: part(statement.otherwise.part), body: visit(statement.otherwise.body) };
          const end = part(statement.end);
          return { ...statement, start, then, ...(otherwise === undefined ? {} : { otherwise }), end };
        }
        case 'menu': {
          const start = part(statement.start);
          const cases = statement.cases.map((c) => ({ part: part(c.part), body: visit(c.body) }));
          return { ...statement, start, cases, end: part(statement.end) };
        }
        case 'repeatCount':
        case 'repeatEach': {
          const start = part(statement.start);
          const inner = visit(statement.body);
          return { ...statement, start, body: inner, end: part(statement.end) };
        }
      }
    });
  return visit(body);
}

function withParameter(core: ActionCore, key: string, change: (entry: Entry<Value>) => Entry<Value>): ActionCore {
  return { ...core, parameters: core.parameters.map((e) => (e.key === key ? change(e) : e)) };
}

const parameterPath = (index: number, key: string): PlistPath => ['WFWorkflowActions', index, 'WFWorkflowActionParameters', key];

/** Evenly spaced picks from a list, at most `cap`. */
function thin<T>(items: readonly T[], cap: number): T[] {
  if (items.length <= cap) return [...items];
  return Array.from({ length: cap }, (_, i) => items[Math.floor((i * items.length) / cap)]!);
}

const literalText = (value: Value): string | undefined =>
  value.kind === 'string' ? value.value : value.kind === 'text' && value.parts.every((p) => typeof p === 'string') ? value.parts.join('') : undefined;

/** What the checker's suggestion starts with for a parameter of each kind (the test's own wording of the contract; quantity fields say "a quantity"). */
const KIND_PREFIX: Partial<Record<ValueKind, string>> = {
  number: 'give a number',
  boolean: 'give a boolean',
  dictionary: 'give a dictionary',
  list: 'give a list',
  date: 'give a date',
  enum: 'give one of its values',
};

/** A value no parameter of this kind can take. */
function wrongValueFor(kind: ValueKind): Value {
  switch (kind) {
    case 'dictionary':
    case 'list':
      return { kind: 'integer', value: 42n };
    default:
      return { kind: 'dictionary', items: [{ itemType: 0, key: { kind: 'string', value: 'value' }, value: { kind: 'string', value: '1' }, extra: [] }] };
  }
}

export interface SeedOptions {
  /** Injections per file and kind at most. */
  readonly cap: number;
}

/** Every injection for one workflow. */
export function injections(file: string, workflow: Workflow, catalog: Catalog, options: SeedOptions): Injection[] {
  const sites = sitesOf(workflow, catalog);
  const out: Injection[] = [];
  const seed = (kind: DefectKind, n: number): number => hash(`${file}\u0000${kind}\u0000${n}`);
  const apply = (index: number, change: Parameters<typeof replaceAt>[2]): Workflow => ({ ...workflow, body: replaceAt(workflow.body, index, change) });

  // Renamed action: a slip in the action's own name (after its app's namespace).
  const plain = sites.filter((s) => s.role === 'action' && !Object.hasOwn(CONTROL_FLOW_IDENTIFIERS, s.identifier));
  for (const site of thin(plain, options.cap)) {
    const from = site.identifier.startsWith(`${site.entry.app}.`) ? site.entry.app.length + 1 : 0;
    const renamed = misspell(site.identifier, seed('renamed action', site.index), from);
    if (renamed === undefined || catalog.resolve(renamed) !== undefined) continue;
    out.push({
      kind: 'renamed action',
      workflow: apply(site.index, (core) => ({ core, identifier: renamed })),
      code: 'SC6001',
      path: ['WFWorkflowActions', site.index],
      expected: { first: site.entry.pythonName },
      description: `${site.identifier} → ${renamed}`,
    });
  }

  // Misspelled keyword: a declared key of a known action.
  const keyed = sites.flatMap((site) => site.core.parameters.filter((p) => catalog.keyStatus(site.entry, p.key).kind === 'declared').map((p) => ({ site, key: p.key })));
  for (const { site, key } of thin(keyed, options.cap)) {
    const from = key.startsWith('WF') ? 2 : 0;
    const wrong = misspell(key, seed('misspelled keyword', site.index * 1000 + key.length), from);
    if (wrong === undefined || catalog.keyStatus(site.entry, wrong).kind !== 'unknown' || site.core.parameters.some((p) => p.key === wrong)) continue;
    out.push({
      kind: 'misspelled keyword',
      workflow: apply(site.index, (core) => ({ core: withParameter(core, key, (e) => ({ key: wrong, value: e.value })) })),
      code: 'SC6002',
      path: parameterPath(site.index, wrong),
      expected: { first: key },
      description: `${site.identifier}.${key} → ${wrong}`,
    });
  }

  // Enum value outside the list: a literal allowed value, misspelled.
  const enums = sites.flatMap((site) =>
    site.core.parameters.flatMap((p) => {
      const declared = catalog.parameter(site.entry, p.key);
      const value = literalText(p.value);
      if (declared?.enum === undefined || declared.enum.length === 0 || value === undefined || value.length < 3) return [];
      return declared.enum.some((item) => String(item.value) === value) ? [{ site, key: p.key, value, items: declared.enum }] : [];
    }),
  );
  for (const { site, key, value, items } of thin(enums, options.cap)) {
    const wrong = misspell(value, seed('enum value', site.index * 1000 + key.length));
    if (wrong === undefined || items.some((item) => enumItemMatches(item, wrong) || String(item.value).toLowerCase() === wrong.toLowerCase())) continue;
    out.push({
      kind: 'enum value',
      workflow: apply(site.index, (core) => ({ core: withParameter(core, key, (e) => ({ key: e.key, value: { kind: 'string', value: wrong } })) })),
      code: 'SC6003',
      path: parameterPath(site.index, key),
      expected: { first: value },
      description: `${site.identifier}.${key}: ${JSON.stringify(value)} → ${JSON.stringify(wrong)}`,
    });
  }

  // Undefined variable: a use of a variable the workflow sets, misspelled.
  const setNames = new Set<string>();
  for (const site of sites) {
    if (site.identifier !== 'is.workflow.actions.setvariable' && site.identifier !== 'is.workflow.actions.appendvariable') continue;
    const name = site.core.parameters.find((p) => p.key === 'WFVariableName');
    const text = name === undefined ? undefined : literalText(name.value);
    if (text !== undefined && text !== '') setNames.add(text);
  }
  const uses = sites.flatMap((site) =>
    site.core.parameters.flatMap((p) => {
      const names = [...referencesIn(p.value)].flatMap((r) => (r.source.kind === 'variable' && setNames.has(r.source.name) ? [r.source.name] : []));
      return names.length > 0 ? [{ site, key: p.key, name: names[0]! }] : [];
    }),
  );
  for (const { site, key, name } of thin(uses, options.cap)) {
    const wrong = misspell(name, seed('undefined variable', site.index * 1000 + key.length));
    if (wrong === undefined || wrong.trim() === '' || setNames.has(wrong) || /^Repeat (Item|Index)/.test(wrong)) continue;
    const rename = (r: VariableReference): VariableReference =>
      r.source.kind === 'variable' && r.source.name === name ? { ...r, source: { ...r.source, name: wrong } } : r;
    out.push({
      kind: 'undefined variable',
      workflow: apply(site.index, (core) => ({ core: withParameter(core, key, (e) => ({ key: e.key, value: rewriteValue(e.value, { reference: rename }) })) })),
      code: 'SC6006',
      path: parameterPath(site.index, key),
      expected: { first: identifierForm(name) },
      description: `${site.identifier}.${key}: ${name} → ${wrong}`,
    });
  }

  // Wrong kind: a parameter of a kind the app's class fixes, given a value of another kind.
  const typed = sites.flatMap((site) =>
    site.core.parameters.flatMap((p) => {
      const declared = catalog.parameter(site.entry, p.key);
      if (declared === undefined || declared.class?.startsWith('WF') !== true) return [];
      const kind = valueKindOf(declared);
      const prefix = kind === 'number' && /Quantity|Duration/.test(declared.class) ? 'give a quantity' : KIND_PREFIX[kind];
      return prefix === undefined ? [] : [{ site, key: p.key, kind, prefix }];
    }),
  );
  for (const { site, key, kind, prefix } of thin(typed, options.cap)) {
    out.push({
      kind: 'wrong kind',
      workflow: apply(site.index, (core) => ({ core: withParameter(core, key, (e) => ({ key: e.key, value: wrongValueFor(kind) })) })),
      code: 'SC6004',
      path: parameterPath(site.index, key),
      expected: { prefix },
      description: `${site.identifier}.${key} (${kind}) ← ${wrongValueFor(kind).kind}`,
    });
  }
  return out;
}
