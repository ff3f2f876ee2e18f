import type { Aggrandizement, Entry, VariableReference, VariableSource } from '../ir/types.js';
import { noSink } from '../lift/context.js';
import { liftReference } from '../lift/lift-values.js';
import { lowerReference, lowerValue } from '../lift/lower-values.js';
import { isDict, type PlistDict, type PlistValue } from '../plist/value.js';
import type { CallExpression, Expression, Keyword } from '../syntax/ast.js';
import { DERIVED_PROPERTY_USER_INFO } from '../syntax/property-user-info.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { bindGrammarValue } from './grammar.js';
import { argumentOf, calleeName, describeExpression, literalText } from './syntax.js';

/**
 * Variable expressions (grammars/dialect.md §6.2): a source, then its
 * aggrandizements applied in order, inside out.
 *
 *   x / Shortcut_Input / Ask_Each_Time / Action_Input        sources
 *   datetime.datetime.now(), is_workflow_actions_getclipboard(),
 *   is_workflow_actions_getdevicedetails(["Device Name"])     magic sources
 *   x.File_Extension                 property (`_` read as a space)
 *   getattr(x, "Name", K=v)          property with other keys
 *   x["key"]                         dictionary value
 *   coerce_variable(value=x, coercion_class="…", K=v)
 *   format_date(value=x, date_format=…, time_format=…, iso_include_time=…, K=v)
 *   unit_variable_transform(value=x, unit_type=…, unit_symbol=…, K=v)
 *   aggrandize(value=x, aggrandizement=dict(Type=…, …))
 *   attachment(x, K=v|None), attachment(Type=…, K=v)          attachments with details
 *
 * Model code also (WorkflowLLM's spellings, grammars/model-code.md):
 * `str(x)`, `float(x)`, `int(x)`, `dict(x)` coercions, `input("Please enter
 * the value:")` and `f'{input(…)}'` for the Shortcut Input, `{x}` (a set).
 */

/** WorkflowLLM's prompt for the shortcut's input (its converter writes it for ExtensionInput, Ask and Input). */
export const SHORTCUT_INPUT_PROMPTS: readonly string[] = ['Please enter the value:', 'Please enter the value: '];

const COERCION_SHORTHANDS: Readonly<Record<string, string>> = {
  str: 'WFStringContentItem',
  float: 'WFNumberContentItem',
  int: 'WFNumberContentItem',
  dict: 'WFDictionaryContentItem',
};

const CURRENT_DATE = new Set(['datetime.datetime.now', 'datetime.now']);
/** The longest name among CURRENT_DATE and COERCION_SHORTHANDS. */
const MAX_SPECIAL_NAME = Math.max(...[...CURRENT_DATE, ...Object.keys(COERCION_SHORTHANDS)].map((n) => n.length));
export const CLIPBOARD = 'is_workflow_actions_getclipboard';
export const DEVICE_DETAILS = 'is_workflow_actions_getdevicedetails';

export type ReferenceCall =
  | 'coerce'
  | 'getattr'
  | 'formatDate'
  | 'unit'
  | 'aggrandize'
  | 'attachment'
  | 'currentDate'
  | 'clipboard'
  | 'deviceDetails'
  | 'shorthand'
  | 'shortcutInput';

/** The reference form a call is, or undefined when the call is something else (an action, a wrapper). */
export function referenceCallKind(call: CallExpression): ReferenceCall | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  const bare = call.args.length === 0 && call.keywords.length === 0;
  switch (name) {
    case 'coerce_variable':
      return 'coerce';
    case 'getattr':
      return 'getattr';
    case 'format_date':
      return 'formatDate';
    case 'unit_variable_transform':
      return 'unit';
    case 'aggrandize':
      return 'aggrandize';
    case 'attachment':
      return 'attachment';
    case CLIPBOARD:
      return bare ? 'clipboard' : undefined;
    case DEVICE_DETAILS:
      return 'deviceDetails';
    case 'input':
      return isShortcutInputCall(call) ? 'shortcutInput' : undefined;
    default:
      // Most calls are actions (long names): the length test spares them the set and table lookups.
      if (name.length > MAX_SPECIAL_NAME) return undefined;
      if (CURRENT_DATE.has(name)) return bare ? 'currentDate' : undefined;
      if (Object.hasOwn(COERCION_SHORTHANDS, name) && call.args.length === 1 && call.keywords.length === 0 && !isSpecialFloat(call)) return 'shorthand';
      return undefined;
  }
}

/** `float('nan')`, `float('inf')`: numbers, not coercions. */
function isSpecialFloat(call: CallExpression): boolean {
  return calleeName(call) === 'float' && call.args[0]?.kind === 'string';
}

/** `input()`, `input("Please enter the value:")`: the shortcut's input in WorkflowLLM's spelling. */
export function isShortcutInputCall(call: CallExpression): boolean {
  if (calleeName(call) !== 'input' || call.keywords.some((k) => k.name !== 'prompt')) return false;
  if (call.args.length + call.keywords.length > 1) return false;
  const prompt = argumentOf(call, 'prompt', 0);
  if (prompt === undefined) return false;
  const text = literalText(prompt);
  return text !== undefined && SHORTCUT_INPUT_PROMPTS.includes(text);
}

/** Whether `expr` has the shape of a variable expression (without resolving anything). */
export function isReferenceForm(root: Expression): boolean {
  // Down the chain of properties and keys iteratively (a hostile chain may be long).
  let expr = root;
  while (expr.kind === 'attribute' || expr.kind === 'subscript') expr = expr.object;
  switch (expr.kind) {
    case 'name':
      return expr.name !== '_';
    case 'call':
      return referenceCallKind(expr) !== undefined;
    case 'fstring': {
      // Only WorkflowLLM's `f'{input("Please enter the value:")}'`: any other
      // `f'{x}'` is text holding a variable (decision 4 of the dialect).
      const inner = soleInterpolation(expr);
      return inner?.kind === 'call' && referenceCallKind(inner) === 'shortcutInput';
    }
    default:
      return setElement(expr) !== undefined;
  }
}

/** `f'{x}'`: the one interpolated expression of an f-string with no literal text. */
export function soleInterpolation(expr: Expression): Expression | undefined {
  if (expr.kind !== 'fstring' || expr.parts.length !== 1) return undefined;
  const part = expr.parts[0]!;
  return typeof part === 'string' || part.conversion !== undefined || part.formatSpec !== undefined ? undefined : part.expression;
}

/** `{x}`: a one-element set, as WorkflowLLM writes `format_date(value={x})`. */
export function setElement(expr: Expression): Expression | undefined {
  const node = expr as unknown as { kind: string; elements?: readonly Expression[] };
  return node.kind === 'set' && node.elements?.length === 1 ? node.elements[0] : undefined;
}

function reference(source: VariableSource, aggrandizements: Aggrandizement[] = []): VariableReference {
  return { source, aggrandizements, hasAggrandizementsKey: aggrandizements.length > 0, extra: [] };
}

function withAggrandizement(ref: VariableReference, aggrandizement: Aggrandizement): VariableReference {
  return { ...ref, aggrandizements: [...ref.aggrandizements, aggrandizement], hasAggrandizementsKey: true };
}

/** Whether a reference was written with details (`attachment(…)`), which some positions do not allow. */
export interface BoundReference {
  readonly reference: VariableReference;
  readonly details: boolean;
}

/** Binds a reference form; reports and returns undefined when `expr` is not one (or has bad parts). */
export function bindReference(env: Env, expr: Expression): VariableReference | undefined {
  return bindReferenceWithDetails(env, expr)?.reference;
}

export function bindReferenceWithDetails(env: Env, expr: Expression): BoundReference | undefined {
  return env.ctx.deeper(expr.span, () => {
    const bound = bindInner(env, expr);
    if (bound !== undefined && expr.span !== undefined) env.ctx.sourceMap.setValue(bound.reference, expr.span);
    return bound;
  });
}

const plain = (ref: VariableReference | undefined): BoundReference | undefined => (ref === undefined ? undefined : { reference: ref, details: false });

function bindInner(env: Env, expr: Expression): BoundReference | undefined {
  const ctx = env.ctx;
  switch (expr.kind) {
    case 'error':
      // The parser reported it.
      return undefined;
    case 'name':
      if (expr.name === '_' && ctx.canonical) break;
      return plain(reference(env.names.resolve(expr.name, expr.span, env.repeatLevel > 0)));
    case 'attribute': {
      const object = bindReferenceWithDetails(env, expr.object);
      if (object === undefined) return undefined;
      if (object.details) return detailsInChain(env, expr.object);
      // `File_Extension` is the property `File Extension` (dialect §6.2.1), with the PropertyUserInfo its name derives.
      const property = expr.name.replaceAll('_', ' ');
      return plain(withAggrandizement(object.reference, { kind: 'property', name: property, extra: derivedUserInfo(env, property) }));
    }
    case 'subscript': {
      const object = bindReferenceWithDetails(env, expr.object);
      if (object === undefined) return undefined;
      if (object.details) return detailsInChain(env, expr.object);
      const key = literalText(expr.index);
      if (key === undefined || (ctx.canonical && expr.index.kind !== 'string')) {
        ctx.report(D.badAggrandizement, `a variable's dictionary key is written as a string, not ${describeExpression(expr.index)}`, expr.index.span, 'write x["key"]');
        return undefined;
      }
      return plain(withAggrandizement(object.reference, { kind: 'dictionaryKey', key, extra: [] }));
    }
    case 'call':
      return bindReferenceCall(env, expr);
    case 'fstring': {
      const inner = soleInterpolation(expr);
      if (inner === undefined || ctx.canonical) break;
      if (!(inner.kind === 'call' && referenceCallKind(inner) === 'shortcutInput')) {
        ctx.report(D.looseValue, 'an f-string holding only a variable, where a variable belongs: read as the variable', expr.span, 'write the variable without f-string quotes');
      }
      return bindReferenceWithDetails(env, inner);
    }
    default: {
      const element = setElement(expr);
      if (element !== undefined) {
        ctx.lenient(D.looseValue, '`{x}` (a one-element set, WorkflowLLM\'s spelling in format_date) read as the variable x', expr.span, 'write the variable without braces');
        return bindReferenceWithDetails(env, element);
      }
    }
  }
  ctx.report(D.badReference, `${describeExpression(expr)} is not a variable, an action output or a magic value`, expr.span, 'use a name bound by an assignment (`x = is_workflow_actions_…(…)`, then `x`)');
  return undefined;
}

function detailsInChain(env: Env, at: Expression): undefined {
  env.ctx.report(D.badAggrandizement, '`attachment(…)` ends a variable expression: nothing can be applied to it', at.span, 'apply the property, key or coercion inside: attachment(x.Name, …)');
  return undefined;
}

function bindReferenceCall(env: Env, call: CallExpression): BoundReference | undefined {
  const ctx = env.ctx;
  const kind = referenceCallKind(call);
  const name = calleeName(call) ?? 'the call';
  switch (kind) {
    case 'coerce': {
      const value = valueArgument(env, call, 1);
      const classExpr = argumentOf(call, 'coercion_class', 1);
      const itemClass = classExpr === undefined || classExpr.kind === 'fstring' ? undefined : literalText(classExpr);
      if (value === undefined || itemClass === undefined) {
        ctx.report(D.badSpecialCall, 'coerce_variable takes `value=` (a variable) and `coercion_class=` (a content item class as a string)', call.span, 'write coerce_variable(value=x, coercion_class="WFStringContentItem")');
        return undefined;
      }
      const extra = fieldEntries(env, call.keywords, ['value', 'coercion_class']);
      return chain(env, value, (ref) => withAggrandizement(ref, { kind: 'coercion', itemClass, extra }));
    }
    case 'getattr': {
      const property = call.args[1] === undefined || call.args[1].kind !== 'string' ? undefined : call.args[1].value;
      if (call.args.length !== 2 || property === undefined) {
        ctx.report(D.badSpecialCall, 'getattr takes the variable and the property name as a string', call.span, 'write getattr(x, "File Extension")');
        return undefined;
      }
      // Canonical: the keys beside the PropertyUserInfo the name derives; `PropertyUserInfo=None`: without one.
      const removed = ctx.canonical && call.keywords.some((k) => k.name === 'PropertyUserInfo' && k.value.kind === 'none');
      const given = fieldEntries(env, removed ? call.keywords.filter((k) => k.name !== 'PropertyUserInfo') : call.keywords, []);
      const extra = removed || given.some((e) => e.key === 'PropertyUserInfo') ? given : [...derivedUserInfo(env, property), ...given];
      return chain(env, call.args[0]!, (ref) => withAggrandizement(ref, { kind: 'property', name: property, extra }));
    }
    case 'formatDate':
      return bindFormatDate(env, call);
    case 'unit': {
      const value = valueArgument(env, call, 1);
      if (value === undefined) {
        ctx.report(D.badSpecialCall, 'unit_variable_transform needs the measurement as `value=`', call.span, 'write unit_variable_transform(value=x, unit_type="Length", unit_symbol="km")');
        return undefined;
      }
      const fields = fieldEntries(env, call.keywords, ['value'], UNIT_KEYS);
      return chain(env, value, (ref) => withAggrandizement(ref, { kind: 'unit', fields }));
    }
    case 'aggrandize': {
      const value = argumentOf(call, 'value', 0);
      const aggrandizement = argumentOf(call, 'aggrandizement', 1);
      if (value === undefined || aggrandizement === undefined || call.args.length + call.keywords.length !== 2) {
        ctx.report(D.badSpecialCall, 'aggrandize takes `value=` (a variable) and `aggrandizement=` (the aggrandizement dictionary)', call.span, "write aggrandize(value=x, aggrandizement=dict(Type='…'))");
        return undefined;
      }
      const bound = bindGrammarValue(env, aggrandizement);
      if (bound === undefined) return undefined;
      return chain(env, value, (ref) => normalizeReference(withAggrandizement(ref, { kind: 'other', value: bound })));
    }
    case 'attachment':
      return bindAttachment(env, call);
    case 'currentDate':
      return plain(reference({ kind: 'currentDate' }));
    case 'clipboard':
      return plain(reference({ kind: 'clipboard' }));
    case 'deviceDetails':
      return plain(bindDeviceDetails(env, call));
    case 'shorthand': {
      const itemClass = COERCION_SHORTHANDS[name]!;
      ctx.lenient(D.looseValue, `\`${name}(x)\` read as a coercion of x to ${itemClass}`, call.span, `write coerce_variable(value=x, coercion_class="${itemClass}")`);
      return chain(env, call.args[0]!, (ref) => withAggrandizement(ref, { kind: 'coercion', itemClass, extra: [] }));
    }
    case 'shortcutInput':
      ctx.lenient(D.shortcutInputPlaceholder, '`input("Please enter the value:")` is WorkflowLLM\'s placeholder for the Shortcut Input; read as the Shortcut Input', call.span, 'write Shortcut_Input');
      return plain(reference({ kind: 'shortcutInput' }));
    case undefined:
      break;
  }
  ctx.report(D.badReference, `\`${name}(…)\` is not a variable, an action output or a magic value`, call.span, 'bind the action\'s output to a name first (`x = …`) and use the name');
  return undefined;
}

/** The `value=` argument (keyword, or positional in model code). */
function valueArgument(env: Env, call: CallExpression, others: number): Expression | undefined {
  const keyword = call.keywords.find((k) => k.name === 'value')?.value;
  if (keyword !== undefined) return keyword;
  if (env.ctx.canonical || call.args.length === 0 || call.args.length > others + 1) return undefined;
  return call.args[0];
}

/** Applies `f` to the reference `expr` binds (which must be plain: details end a chain). */
function chain(env: Env, expr: Expression, f: (ref: VariableReference) => VariableReference): BoundReference | undefined {
  const object = bindReferenceWithDetails(env, expr);
  if (object === undefined) return undefined;
  if (object.details) return detailsInChain(env, expr);
  return plain(f(object.reference));
}

const DATE_FORMAT_KEYS: Readonly<Record<string, string>> = {
  date_format: 'WFDateFormatStyle',
  time_format: 'WFTimeFormatStyle',
  iso_include_time: 'WFISO8601IncludeTime',
};
const UNIT_KEYS: Readonly<Record<string, string>> = { unit_type: 'WFMeasurementUnitType', unit_symbol: 'WFUnitSymbol' };

/**
 * Keyword arguments of an aggrandizement form as plist entries, in order:
 * values in the value grammar, lowered; `renames` maps WorkflowLLM's names to
 * the plist keys (`date_format` → `WFDateFormatStyle`).
 */
/** Canonical code: the `PropertyUserInfo` a property's name derives (`Name` → `WFItemName`, dialect §6.2.1); model code: none. */
function derivedUserInfo(env: Env, property: string): Entry<PlistValue>[] {
  const derived = env.ctx.canonical ? DERIVED_PROPERTY_USER_INFO.get(property) : undefined;
  return derived === undefined ? [] : [{ key: 'PropertyUserInfo', value: derived }];
}

function fieldEntries(env: Env, keywords: readonly Keyword[], skip: readonly string[], renames: Readonly<Record<string, string>> = {}): Entry<PlistValue>[] {
  const out: Entry<PlistValue>[] = [];
  for (const keyword of keywords) {
    if (skip.includes(keyword.name)) continue;
    const key = renames[keyword.name] ?? keyword.name;
    if (out.some((e) => e.key === key)) {
      env.ctx.report(D.duplicateKeyword, `\`${keyword.name}\` is given twice`, keyword.nameSpan ?? keyword.span, 'keep one of them');
      continue;
    }
    const value = bindGrammarValue(env, keyword.value);
    if (value === undefined) continue;
    out.push({ key, value: lowerValue(value) });
  }
  return out;
}

/** `format_date(value=x, date_format='Short', time_format='None', iso_include_time=False, WFDateFormat='…')`. */
function bindFormatDate(env: Env, call: CallExpression): BoundReference | undefined {
  const ctx = env.ctx;
  const value = valueArgument(env, call, 0);
  if (value === undefined) {
    ctx.report(D.badSpecialCall, 'format_date needs the date to format as `value=`', call.span, "write format_date(value=x, date_format='Short')");
    return undefined;
  }
  const placeholder = setElement(value);
  if (!ctx.canonical && placeholder?.kind === 'name' && placeholder.name === 'value' && env.names.scope.lookup('value') === undefined) {
    // WorkflowLLM's converter printed the literal text `{value}` here: the variable is lost.
    ctx.report(
      D.badSpecialCall,
      'format_date(value={value}) names no variable: WorkflowLLM\'s converter wrote the placeholder `{value}` where the formatted variable belongs',
      value.span,
      "write the variable to format, e.g. format_date(value=my_date, date_format='Short')",
    );
    return undefined;
  }
  const fields = fieldEntries(env, call.keywords, ['value'], DATE_FORMAT_KEYS);
  if (call.args.length > (call.keywords.some((k) => k.name === 'value') ? 0 : 1)) {
    ctx.report(D.badSpecialCall, 'format_date takes its options by name', call.span, "write date_format='…', time_format='…'");
  }
  return chain(env, value, (ref) => withAggrandizement(ref, { kind: 'dateFormat', fields }));
}

/** `is_workflow_actions_getdevicedetails(["Device Name"])`: Device Details with the listed properties. */
function bindDeviceDetails(env: Env, call: CallExpression): VariableReference | undefined {
  const list = call.args[0];
  if (list === undefined && call.keywords.length === 0) return reference({ kind: 'deviceDetails' });
  const names = list?.kind === 'list' ? list.elements.map((e) => (e.kind === 'string' || e.kind === 'bareText' ? literalText(e) : undefined)) : undefined;
  const canonicalShape = names?.length === 1;
  if (names === undefined || names.some((n) => n === undefined) || call.args.length !== 1 || call.keywords.length > 0 || (env.ctx.canonical && !canonicalShape)) {
    env.ctx.report(D.badSpecialCall, 'device details are written is_workflow_actions_getdevicedetails() or with one property: is_workflow_actions_getdevicedetails(["Device Name"])', call.span, 'write the property as a one-element list of a string');
    return undefined;
  }
  return reference(
    { kind: 'deviceDetails' },
    names.map((name): Aggrandizement => ({ kind: 'property', name: name!, extra: [] })),
  );
}

/**
 * `attachment(x, Key=value, …)`: the attachment of `x` with keys set (`None`
 * removes one); `attachment(Type='…', Key=value, …)`: an attachment written
 * key by key (dialect §6.2.3). The result is what lifting reads from the
 * dictionary.
 */
function bindAttachment(env: Env, call: CallExpression): BoundReference | undefined {
  const ctx = env.ctx;
  if (call.args.length > 1) {
    ctx.report(D.badSpecialCall, 'attachment takes one variable expression and keywords', call.args[1]!.span, 'write attachment(x, Key=value)');
    return undefined;
  }
  let dict: PlistDict;
  if (call.args.length === 1) {
    const base = bindReferenceWithDetails(env, call.args[0]!);
    if (base === undefined) return undefined;
    if (base.details) return detailsInChain(env, call.args[0]!);
    dict = lowerReference(base.reference);
  } else {
    dict = new Map();
  }
  for (const keyword of call.keywords) {
    if (keyword.value.kind === 'none') {
      dict.delete(keyword.name);
      continue;
    }
    const value = bindGrammarValue(env, keyword.value);
    if (value === undefined) return undefined;
    dict.set(keyword.name, lowerValue(value));
  }
  if (typeof dict.get('Type') !== 'string') {
    ctx.report(D.badSpecialCall, 'an attachment needs a `Type` (ActionOutput, Variable, ExtensionInput, …)', call.span, "write attachment(Type='Variable', VariableName='…') or attachment(x, …)");
    return undefined;
  }
  return { reference: liftReference(dict, 0, noSink), details: true };
}

/** A reference as lifting reads its dictionary (typed aggrandizements where the shape allows). */
export function normalizeReference(ref: VariableReference): VariableReference {
  const dict = lowerReference(ref);
  return isDict(dict) ? liftReference(dict, 0, noSink) : ref;
}
