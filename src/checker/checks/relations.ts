import type { ActionEntry, ParameterEntry, ParameterRelation } from '../../catalog/schema.js';
import type { Entry, Value } from '../../ir/types.js';
import type { ActionSite, CheckContext } from '../context.js';
import { checkerDiagnostics as D } from '../diagnostics.js';
import { literalOf } from '../values.js';
import { enumItemMatches } from './enums.js';
import { codeList, showScalar } from '../wording.js';

type Scalar = string | number | boolean;

/** What the other parameter is: a literal (given or the default), absent with no default, or unknowable (a variable). */
type Controlling = { readonly kind: 'literal'; readonly value: Scalar; readonly fromDefault: boolean } | { readonly kind: 'absent' } | { readonly kind: 'unknown' };

function controlling(entry: ActionEntry, parameters: readonly Entry<Value>[], key: string, catalog: CheckContext['catalog']): Controlling {
  const given = parameters.find((p) => p.key === key);
  if (given !== undefined) {
    const literal = literalOf(given.value);
    if (literal === undefined) return { kind: 'unknown' };
    if (literal === '') return { kind: 'absent' };
    // A value outside the other parameter's own enum is reported there (SC6003); what was meant is unclear.
    const items = catalog.parameter(entry, key)?.enum ?? [];
    if (items.length > 0 && !items.some((item) => enumItemMatches(item, literal))) return { kind: 'unknown' };
    return { kind: 'literal', value: literal, fromDefault: false };
  }
  const fallback = catalog.parameter(entry, key)?.default;
  if (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean') {
    return { kind: 'literal', value: fallback, fromDefault: true };
  }
  return { kind: 'absent' };
}

/** Equal as Shortcuts compares stored values: numbers by value, everything else by its text. */
function same(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isNaN(x) && !Number.isNaN(y) && String(a).trim() !== '' && String(b).trim() !== '') return x === y;
  }
  return String(a) === String(b);
}

/** True / false when the relation decidedly holds or fails; undefined when it cannot be told. */
function holds(relation: ParameterRelation, other: Controlling): boolean | undefined {
  if (other.kind === 'unknown') return undefined;
  const values = relation.values ?? [];
  switch (relation.relation) {
    // A default counts as a value for hasValue and is undecided for hasNoValue: no false alarms either way.
    case 'hasValue':
      return other.kind === 'literal';
    case 'hasNoValue':
      return other.kind === 'absent' ? true : other.fromDefault ? undefined : false;
    case 'equals':
      return other.kind === 'literal' ? values.some((v) => same(other.value, v)) : undefined;
    case 'notEquals':
      return other.kind === 'literal' ? !values.some((v) => same(other.value, v)) : undefined;
    default: {
      if (other.kind !== 'literal') return undefined;
      const x = Number(other.value);
      const y = Number(values[0]);
      if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
      switch (relation.relation) {
        case '<':
          return x < y;
        case '<=':
          return x <= y;
        case '>':
          return x > y;
        case '>=':
          return x >= y;
      }
    }
  }
}

function condition(relation: ParameterRelation): string {
  const values = (relation.values ?? []).map(String);
  switch (relation.relation) {
    case 'hasValue':
      return `\`${relation.key}\` is set`;
    case 'hasNoValue':
      return `\`${relation.key}\` is not set`;
    case 'equals':
      return `\`${relation.key}\` is ${codeList(values)}`;
    case 'notEquals':
      return `\`${relation.key}\` is not ${codeList(values)}`;
    default:
      return `\`${relation.key}\` ${relation.relation} ${codeList(values)}`;
  }
}

function fix(relation: ParameterRelation, origin: 'code' | 'shortcut'): string | undefined {
  const first = relation.values?.[0];
  if (relation.relation !== 'equals' || first === undefined) return undefined;
  return origin === 'code' ? `\`${relation.key}=${showScalar(first)}\`` : `\`${relation.key}\` to ${showScalar(first)}`;
}

/** A relation of a parameter that decidedly fails, and what the other parameter is. */
export interface FailedRelation {
  readonly relation: ParameterRelation;
  readonly other: Controlling;
}

/**
 * The first relation of a parameter that decidedly fails: the catalog's
 * relations say when the app shows (and uses) a parameter, e.g. `WFItemIndex`
 * only when `WFItemSpecifier` is "Item At Index". A relation is judged only
 * when the other parameter's value is known — given literally or taken from
 * its default — never when it is a variable. Empty values never fail (the
 * app keeps hidden fields around).
 */
export function failedRelation(ctx: CheckContext, action: ActionSite, entry: ActionEntry, parameter: Entry<Value>, declared: ParameterEntry): FailedRelation | undefined {
  const relations = declared.relations ?? [];
  if (relations.length === 0) return undefined;
  if (literalOf(parameter.value) === '') return undefined;
  for (const relation of relations) {
    const other = controlling(entry, action.core.parameters, relation.key, ctx.catalog);
    if (holds(relation, other) === false) return { relation, other };
  }
  return undefined;
}

/**
 * A parameter that only applies under another value (SC6005, a warning in
 * code). The app ignores such a parameter, so the flow checks also ignore
 * the variables inside it (real files keep stale references there).
 */
export function reportInapplicable(ctx: CheckContext, action: ActionSite, parameter: Entry<Value>, failed: FailedRelation): void {
  const { relation, other } = failed;
  const actual = other.kind === 'literal' ? `it is ${showScalar(other.value)}${other.fromDefault ? ' (the default)' : ''}` : 'it is not set';
  const remedy = fix(relation, ctx.origin);
  ctx.report(
    D.inapplicableParameter,
    `\`${parameter.key}\` only applies when ${condition(relation)}, but ${actual}; the app ignores it`,
    { action, parameter, focus: 'key' },
    { suggestion: remedy === undefined ? `remove \`${parameter.key}\`` : `set ${remedy}, or remove \`${parameter.key}\`` },
  );
}
