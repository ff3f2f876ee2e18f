import type { Aggrandizement, Entry, VariableReference, VariableSource } from '../ir/types.js';
import type { PlistValue } from '../plist/value.js';
import type { CallExpression, Expression } from '../syntax/ast.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { argumentOf, calleeName, describeExpression, literalText } from './syntax.js';

/**
 * Variable references: a name, optionally transformed by aggrandizements, or
 * a magic value.
 *
 *   x                                  output or named variable
 *   x.Name                             property (WFPropertyVariableAggrandizement)
 *   x["key"]                           dictionary value (WFDictionaryValueVariableAggrandizement)
 *   coerce_variable(value=x, coercion_class="WFDictionaryContentItem")
 *   str(x) / float(x) / dict(x)        coercions WorkflowLLM writes for three classes
 *   format_date(value=x, date_format='Short', time_format='None', iso_include_time=False)
 *   unit_variable_transform(value=x, unit_type="…", unit_symbol="…")
 *   datetime.datetime.now()            Current Date
 *   is_workflow_actions_getclipboard() Clipboard (inside a value)
 *   is_workflow_actions_getdevicedetails(['Device Name'])   Device Details
 *   input("Please enter the value:")   Shortcut Input (WorkflowLLM's placeholder)
 *
 * Aggrandizements apply inside out: `str(x)["k"]` coerces, then takes "k".
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
const CLIPBOARD = 'is_workflow_actions_getclipboard';
const DEVICE_DETAILS = 'is_workflow_actions_getdevicedetails';

/** The form of a call that is a reference, or undefined when the call is something else (an action). */
export function referenceCallKind(call: CallExpression): 'coerce' | 'shorthand' | 'formatDate' | 'unit' | 'currentDate' | 'clipboard' | 'deviceDetails' | 'shortcutInput' | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  if (name === 'coerce_variable') return 'coerce';
  if (name === 'format_date') return 'formatDate';
  if (name === 'unit_variable_transform') return 'unit';
  if (Object.hasOwn(COERCION_SHORTHANDS, name) && call.args.length === 1 && call.keywords.length === 0) return 'shorthand';
  if (CURRENT_DATE.has(name) && call.args.length === 0 && call.keywords.length === 0) return 'currentDate';
  if (name === CLIPBOARD && call.args.length === 0 && call.keywords.length === 0) return 'clipboard';
  if (name === DEVICE_DETAILS) return 'deviceDetails';
  if (name === 'input' && isShortcutInputCall(call)) return 'shortcutInput';
  return undefined;
}

/** `input()`, `input("Please enter the value:")`: the shortcut's input in WorkflowLLM's spelling. */
export function isShortcutInputCall(call: CallExpression): boolean {
  if (calleeName(call) !== 'input' || call.keywords.some((k) => k.name !== 'prompt')) return false;
  const prompt = argumentOf(call, 'prompt', 0);
  if (call.args.length + call.keywords.length > 1) return false;
  if (prompt === undefined) return true;
  const text = literalText(prompt);
  return text !== undefined && SHORTCUT_INPUT_PROMPTS.includes(text);
}

/** Whether `expr` has the shape of a reference (without resolving anything). */
export function isReferenceForm(expr: Expression): boolean {
  switch (expr.kind) {
    case 'name':
      return true;
    case 'attribute':
    case 'subscript':
      return isReferenceForm(expr.object);
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

/**
 * Binds a reference form. Reports and returns undefined when `expr` is not
 * one (or is one with bad parts).
 */
export function bindReference(env: Env, expr: Expression): VariableReference | undefined {
  return env.ctx.deeper(expr.span, () => {
    const ref = bindReferenceInner(env, expr);
    if (ref !== undefined && expr.span !== undefined) env.ctx.sourceMap.setValue(ref, expr.span);
    return ref;
  });
}

function bindReferenceInner(env: Env, expr: Expression): VariableReference | undefined {
  const ctx = env.ctx;
  switch (expr.kind) {
    case 'name':
      return reference(env.names.resolve(expr.name, expr.span));
    case 'attribute': {
      const object = bindReference(env, expr.object);
      if (object === undefined) return undefined;
      return withAggrandizement(object, { kind: 'property', name: expr.name, extra: [] });
    }
    case 'subscript': {
      const object = bindReference(env, expr.object);
      if (object === undefined) return undefined;
      const key = literalText(expr.index);
      if (key === undefined) {
        ctx.report(D.badAggrandizement, `a variable's dictionary key must be written as text, not ${describeExpression(expr.index)}`, expr.index.span, 'write the key as a string: x["key"]');
        return undefined;
      }
      if (expr.index.kind !== 'string' || expr.index.quote !== '"') {
        if (ctx.canonical) ctx.lenient(D.looseValue, 'a dictionary key on a variable is written in double quotes', expr.index.span, `write x[${JSON.stringify(key)}]`);
      }
      return withAggrandizement(object, { kind: 'dictionaryKey', key, extra: [] });
    }
    case 'call':
      return bindReferenceCall(env, expr);
    case 'fstring': {
      const inner = soleInterpolation(expr);
      if (inner === undefined) break;
      if (inner.kind === 'call' && referenceCallKind(inner) === 'shortcutInput') return bindReference(env, inner);
      ctx.lenient(D.looseValue, 'an f-string holding only a variable, where a variable belongs: read as the variable', expr.span, 'write the variable without f-string quotes');
      return bindReference(env, inner);
    }
    default: {
      const element = setElement(expr);
      if (element !== undefined) {
        ctx.lenient(D.looseValue, '`{x}` (a one-element set, WorkflowLLM\'s spelling in format_date) read as the variable x', expr.span, 'write the variable without braces');
        return bindReference(env, element);
      }
    }
  }
  ctx.report(D.badReference, `${describeExpression(expr)} is not a variable, an action output or a magic value`, expr.span, 'use a name bound by an assignment, e.g. `x = is_workflow_actions_…(…)` and then `x`');
  return undefined;
}

function bindReferenceCall(env: Env, call: CallExpression): VariableReference | undefined {
  const ctx = env.ctx;
  const kind = referenceCallKind(call);
  const name = calleeName(call) ?? 'the call';
  switch (kind) {
    case 'coerce': {
      const value = argumentOf(call, 'value', 0);
      const itemClass = argumentOf(call, 'coercion_class', 1);
      const className = itemClass === undefined ? undefined : literalText(itemClass);
      if (value === undefined || className === undefined || call.args.length + call.keywords.length !== 2) {
        ctx.report(D.badSpecialCall, 'coerce_variable takes `value=` (a variable) and `coercion_class=` (a content item class as a string)', call.span, 'write coerce_variable(value=x, coercion_class="WFStringContentItem")');
        return undefined;
      }
      const object = bindReference(env, value);
      return object === undefined ? undefined : withAggrandizement(object, { kind: 'coercion', itemClass: className, extra: [] });
    }
    case 'shorthand': {
      const object = bindReference(env, call.args[0]!);
      const itemClass = COERCION_SHORTHANDS[name]!;
      if (name === 'int' || ctx.canonical) {
        ctx.lenient(D.looseValue, `\`${name}(x)\` read as a coercion of x to ${itemClass}`, call.span, `write coerce_variable(value=x, coercion_class="${itemClass}")`);
      }
      return object === undefined ? undefined : withAggrandizement(object, { kind: 'coercion', itemClass, extra: [] });
    }
    case 'formatDate':
      return bindFormatDate(env, call);
    case 'unit':
      return bindUnit(env, call);
    case 'currentDate':
      return reference({ kind: 'currentDate' });
    case 'clipboard':
      return reference({ kind: 'clipboard' });
    case 'deviceDetails':
      return bindDeviceDetails(env, call);
    case 'shortcutInput':
      ctx.lenient(D.shortcutInputPlaceholder, '`input("Please enter the value:")` is WorkflowLLM\'s spelling of the Shortcut Input; read as the Shortcut Input', call.span, 'write the shortcut input as the canonical dialect spells it');
      return reference({ kind: 'shortcutInput' });
    case undefined:
      break;
  }
  ctx.report(D.badReference, `\`${name}(…)\` is not a variable, an action output or a magic value`, call.span, 'bind the action\'s output to a name first (`x = …`) and use the name');
  return undefined;
}

/** `format_date(value=x, date_format='Short', time_format='None', iso_include_time=False, custom_format='…')`. */
function bindFormatDate(env: Env, call: CallExpression): VariableReference | undefined {
  const ctx = env.ctx;
  const value = argumentOf(call, 'value', 0);
  if (value === undefined) {
    ctx.report(D.badSpecialCall, 'format_date needs the date to format as `value=`', call.span, 'write format_date(value=x, date_format=\'Short\')');
    return undefined;
  }
  const placeholder = setElement(value);
  if (placeholder?.kind === 'name' && placeholder.name === 'value' && env.names.scope.lookup('value') === undefined) {
    // WorkflowLLM's converter printed the literal text `{value}` here: the variable is lost.
    ctx.report(
      D.badSpecialCall,
      'format_date(value={value}) names no variable: WorkflowLLM\'s converter wrote the placeholder `{value}` where the formatted variable belongs',
      value.span,
      'write the variable to format, e.g. format_date(value=my_date, date_format=\'Short\')',
    );
    return undefined;
  }
  const object = bindReference(env, value);
  if (object === undefined) return undefined;
  const fields: Entry<PlistValue>[] = [];
  const keys: Readonly<Record<string, string>> = {
    date_format: 'WFDateFormatStyle',
    time_format: 'WFTimeFormatStyle',
    iso_include_time: 'WFISO8601IncludeTime',
    custom_format: 'WFDateFormat',
    relative: 'WFRelativeDateFormatStyle',
  };
  for (const keyword of call.keywords) {
    if (keyword.name === 'value') continue;
    const key = keys[keyword.name];
    const plain = plainArgument(keyword.value);
    if (key === undefined || plain === undefined) {
      ctx.report(
        D.badSpecialCall,
        key === undefined ? `format_date has no option \`${keyword.name}\`` : `format_date's \`${keyword.name}\` must be a string or a boolean`,
        keyword.span,
        `options: ${Object.keys(keys).join(', ')}`,
      );
      continue;
    }
    fields.push({ key, value: plain });
  }
  if (call.args.length > 1) ctx.report(D.badSpecialCall, 'format_date takes its options by name', call.args[1]!.span, 'write date_format=\'…\', time_format=\'…\'');
  return withAggrandizement(object, { kind: 'dateFormat', fields });
}

/** `unit_variable_transform(value=x, unit_type="…", unit_symbol="…")`. */
function bindUnit(env: Env, call: CallExpression): VariableReference | undefined {
  const ctx = env.ctx;
  const value = argumentOf(call, 'value', 0);
  if (value === undefined) {
    ctx.report(D.badSpecialCall, 'unit_variable_transform needs the measurement as `value=`', call.span, 'write unit_variable_transform(value=x, unit_type="Length", unit_symbol="km")');
    return undefined;
  }
  const object = bindReference(env, value);
  if (object === undefined) return undefined;
  const fields: Entry<PlistValue>[] = [];
  const keys: Readonly<Record<string, string>> = { unit_type: 'WFMeasurementUnitType', unit_symbol: 'WFUnitSymbol' };
  for (const keyword of call.keywords) {
    if (keyword.name === 'value') continue;
    const key = keys[keyword.name];
    const plain = plainArgument(keyword.value);
    if (key === undefined || typeof plain !== 'string') {
      ctx.report(D.badSpecialCall, `unit_variable_transform takes unit_type= and unit_symbol= as strings, not \`${keyword.name}\``, keyword.span, 'write unit_type="Length", unit_symbol="km"');
      continue;
    }
    fields.push({ key, value: plain });
  }
  return withAggrandizement(object, { kind: 'unit', fields });
}

/** `is_workflow_actions_getdevicedetails(['Device Name'])`: Device Details with the listed properties. */
function bindDeviceDetails(env: Env, call: CallExpression): VariableReference | undefined {
  const list = call.args[0];
  if (list === undefined && call.keywords.length === 0) return reference({ kind: 'deviceDetails' });
  const names = list?.kind === 'list' ? list.elements.map(literalText) : undefined;
  if (names === undefined || names.some((n) => n === undefined) || call.args.length !== 1 || call.keywords.length > 0) {
    env.ctx.report(D.badSpecialCall, 'device details in a value are written is_workflow_actions_getdevicedetails([\'Device Name\']) with a list of property names', call.span, 'list the properties as strings');
    return undefined;
  }
  return reference(
    { kind: 'deviceDetails' },
    names.map((name): Aggrandizement => ({ kind: 'property', name: name!, extra: [] })),
  );
}

/** A string, boolean or number literal as a plist value (aggrandizement options). */
function plainArgument(expr: Expression): PlistValue | undefined {
  if (expr.kind === 'boolean') return expr.value;
  if (expr.kind === 'number') return typeof expr.value === 'bigint' ? { kind: 'integer', value: expr.value } : { kind: 'real', value: expr.value };
  return literalText(expr);
}
