import type { Aggrandizement, Entry, Value, VariableReference } from '../ir/types.js';
import { lowerReference } from '../lift/lower-values.js';
import type { PlistValue } from '../plist/value.js';
import type { Expression, Keyword } from '../syntax/ast.js';
import { DERIVED_PROPERTY_USER_INFO } from '../syntax/property-user-info.js';
import type { Analysis } from './analysis.js';
import { attr, call, dotted, kw, list, name, none, str, subscript } from './build.js';
import { MAGIC, propertyAttribute } from './names.js';

/**
 * Variable references (grammars/dialect.md §6.2): a source, its
 * aggrandizements as a chain, and — where the attachment differs from the
 * shape its variable expression implies — `attachment(x, Key=…)` overrides,
 * or the whole attachment key by key when its source has no name.
 */
export interface ReferenceEnvironment {
  readonly analysis: Analysis;
  /** The value grammar, for override values and aggrandizement fields. */
  value(value: Value): Expression;
  /** A plist value lifted (reference-free fields, lowered attachments) and spelled in the value grammar. */
  plist(value: PlistValue): Expression;
}

export interface SpelledReference {
  /** A variable expression, or an `attachment(...)` call when `details`. */
  readonly expression: Expression;
  /** Whether `expression` is an `attachment(...)` call rather than a plain variable expression. */
  readonly details: boolean;
}

export function spellReference(reference: VariableReference, env: ReferenceEnvironment): SpelledReference {
  const source = sourceExpression(reference, env);
  if (source === undefined) return { expression: genericAttachment(reference, env), details: true };
  let expression = source.expression;
  reference.aggrandizements.slice(source.absorbed).forEach((a) => {
    expression = applyAggrandizement(expression, a, env);
  });
  const overrides = attachmentOverrides(reference, env);
  if (overrides.length === 0) return { expression, details: false };
  return { expression: call('attachment', [expression], overrides), details: true };
}

/** The source's spelling, and how many leading aggrandizements it already says; undefined when it has no name. */
function sourceExpression(reference: VariableReference, env: ReferenceEnvironment): { expression: Expression; absorbed: number } | undefined {
  const source = reference.source;
  const plain = (expression: Expression): { expression: Expression; absorbed: number } => ({ expression, absorbed: 0 });
  switch (source.kind) {
    case 'actionOutput': {
      const output = env.analysis.outputs.get(source.outputUuid);
      return output === undefined ? undefined : plain(name(output.identifier));
    }
    case 'variable': {
      const variable = env.analysis.variables.get(source.name);
      return variable === undefined ? undefined : plain(name(variable.identifier));
    }
    case 'shortcutInput':
      return plain(name(MAGIC.shortcutInput));
    case 'ask':
      return plain(name(MAGIC.ask));
    case 'input':
      return plain(name(MAGIC.input));
    case 'currentDate':
      return plain(call(dotted('datetime.datetime.now')));
    case 'clipboard':
      return plain(call(MAGIC.clipboard));
    case 'deviceDetails': {
      // WorkflowLLM's form names the property in a list: getdevicedetails(['Device Name']).
      const first = reference.aggrandizements[0];
      if (first?.kind === 'property' && first.extra.length === 0) {
        return { expression: call(MAGIC.deviceDetails, [list([str(first.name, '"')])]), absorbed: 1 };
      }
      return plain(call(MAGIC.deviceDetails));
    }
    case 'other':
      return undefined;
  }
}

function applyAggrandizement(base: Expression, a: Aggrandizement, env: ReferenceEnvironment): Expression {
  const fields = (entries: readonly Entry<PlistValue>[], rename: ReadonlyMap<string, string> = new Map()): Keyword[] =>
    entries.map((e) => kw(rename.get(e.key) ?? e.key, env.plist(e.value)));
  const clashes = (entries: readonly Entry<PlistValue>[], reserved: readonly string[]): boolean => entries.some((e) => reserved.includes(e.key));
  switch (a.kind) {
    case 'property': {
      // `x.Name` carries the PropertyUserInfo its name derives (dialect §6.2.1); getattr lists what differs.
      const derived = DERIVED_PROPERTY_USER_INFO.get(a.name);
      const userInfo = a.extra.find((e) => e.key === 'PropertyUserInfo')?.value;
      const asDerived = derived === undefined ? userInfo === undefined : userInfo === derived;
      const rest = asDerived ? a.extra.filter((e) => e.key !== 'PropertyUserInfo') : a.extra;
      const attribute = propertyAttribute(a.name);
      if (attribute !== undefined && asDerived && rest.length === 0) return attr(base, attribute);
      const keywords = fields(rest);
      if (derived !== undefined && userInfo === undefined) keywords.push(kw('PropertyUserInfo', none));
      return call('getattr', [base, str(a.name, '"')], keywords);
    }
    case 'dictionaryKey':
      if (a.extra.length === 0) return subscript(base, str(a.key, '"'));
      break;
    case 'coercion':
      if (!clashes(a.extra, ['value', 'coercion_class'])) {
        return call('coerce_variable', [], [kw('value', base), kw('coercion_class', str(a.itemClass, '"')), ...fields(a.extra)]);
      }
      break;
    case 'dateFormat':
      if (!clashes(a.fields, ['value', ...DATE_FORMAT_NAMES.values()])) {
        return call('format_date', [], [kw('value', base), ...fields(a.fields, DATE_FORMAT_NAMES)]);
      }
      break;
    case 'unit':
      if (!clashes(a.fields, ['value', ...UNIT_NAMES.values()])) {
        return call('unit_variable_transform', [], [kw('value', base), ...fields(a.fields, UNIT_NAMES)]);
      }
      break;
    case 'other':
      return call('aggrandize', [], [kw('value', base), kw('aggrandizement', env.value(a.value))]);
  }
  return call('aggrandize', [], [kw('value', base), kw('aggrandizement', env.plist(aggrandizementPlist(a)))]);
}

/** WorkflowLLM's keyword names for the date-format aggrandizement's keys. */
export const DATE_FORMAT_NAMES: ReadonlyMap<string, string> = new Map([
  ['WFDateFormatStyle', 'date_format'],
  ['WFTimeFormatStyle', 'time_format'],
  ['WFISO8601IncludeTime', 'iso_include_time'],
]);

export const UNIT_NAMES: ReadonlyMap<string, string> = new Map([
  ['WFMeasurementUnitType', 'unit_type'],
  ['WFUnitSymbol', 'unit_symbol'],
]);

/** A typed aggrandizement as the dictionary lowering writes (its own keys first, then the rest). */
function aggrandizementPlist(a: Exclude<Aggrandizement, { kind: 'other' }>): PlistValue {
  const out = new Map<string, PlistValue>();
  switch (a.kind) {
    case 'coercion':
      out.set('Type', 'WFCoercionVariableAggrandizement').set('CoercionItemClass', a.itemClass);
      break;
    case 'dictionaryKey':
      out.set('Type', 'WFDictionaryValueVariableAggrandizement').set('DictionaryKey', a.key);
      break;
    case 'property':
      out.set('Type', 'WFPropertyVariableAggrandizement').set('PropertyName', a.name);
      break;
    case 'dateFormat':
      out.set('Type', 'WFDateFormatVariableAggrandizement');
      break;
    case 'unit':
      out.set('Type', 'WFUnitVariableAggrandizement');
      break;
  }
  const rest = a.kind === 'dateFormat' || a.kind === 'unit' ? a.fields : a.extra;
  for (const e of rest) if (!out.has(e.key)) out.set(e.key, e.value);
  return out;
}

/**
 * How the attachment differs from the shape its variable expression implies
 * (dialect §6.2.3): OutputName and VariableUUID other than the derived ones,
 * an empty `Aggrandizements` array, keys the IR does not type.
 */
function attachmentOverrides(reference: VariableReference, env: ReferenceEnvironment): Keyword[] {
  const out: Keyword[] = [];
  const extraKeys = new Set(reference.extra.map((e) => e.key));
  const source = reference.source;
  const optionalString = (value: string | undefined): Expression => (value === undefined ? none : str(value, '"'));
  if (source.kind === 'actionOutput' && !extraKeys.has('OutputName')) {
    const expected = env.analysis.outputs.get(source.outputUuid)?.effectiveOutputName;
    if (source.outputName !== expected) out.push(kw('OutputName', optionalString(source.outputName)));
  }
  if (source.kind === 'variable' && !extraKeys.has('VariableUUID')) {
    const expected = env.analysis.variables.get(source.name)?.derivedUuid;
    if (source.variableUuid !== expected) out.push(kw('VariableUUID', optionalString(source.variableUuid)));
  }
  if (reference.hasAggrandizementsKey && reference.aggrandizements.length === 0 && !extraKeys.has('Aggrandizements')) {
    out.push(kw('Aggrandizements', list([])));
  }
  for (const e of reference.extra) out.push(kw(e.key, env.value(e.value)));
  return out;
}

/** `attachment(Type='…', Key=…)`: the attachment dictionary key by key, for sources without a name. */
function genericAttachment(reference: VariableReference, env: ReferenceEnvironment): Expression {
  const dict = lowerReference(reference);
  return call(
    'attachment',
    [],
    [...dict].map(([key, value]) => kw(key, env.plist(value))),
  );
}
