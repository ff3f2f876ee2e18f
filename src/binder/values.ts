import { valueKindOf, type ValueKind } from '../catalog/parameter-kinds.js';
import type { ParameterEntry } from '../catalog/schema.js';
import type { Entry, ListValue, TextValue, Value } from '../ir/types.js';
import type { Expression, ListExpression } from '../syntax/ast.js';
import type { ResolvedAction } from './actions.js';
import { hoistCall } from './calls.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { bindDictionaryItems, convertedTokenString } from './dictionaries.js';
import type { Env } from './env.js';
import { bindReference, isReferenceForm } from './references.js';
import { describeExpression, literalText } from './syntax.js';
import { bindText, hasInterpolation } from './text.js';

/** Where a value goes: which action's which parameter, and what the catalog says it takes. */
export interface Slot {
  readonly identifier: string;
  readonly key: string;
  readonly parameter?: ParameterEntry;
  /** `unknown` when the catalog does not describe the parameter. */
  readonly kind: ValueKind;
  /** The parameter's class (`WFDictionaryParameter`, …) when known. */
  readonly parameterClass?: string;
}

export function slotFor(env: Env, action: ResolvedAction, key: string): Slot {
  const parameter = action.entry?.parameters.find((p) => p.key === key) ?? env.ctx.catalog?.parameter(action.identifier, key);
  if (parameter === undefined) return { identifier: action.identifier, key, kind: 'unknown' };
  return {
    identifier: action.identifier,
    key,
    parameter,
    kind: valueKindOf(parameter),
    ...(parameter.class === undefined ? {} : { parameterClass: parameter.class }),
  };
}

/** A slot with no catalog knowledge (values in generic positions). */
export function genericSlot(identifier: string, key: string): Slot {
  return { identifier, key, kind: 'unknown' };
}

/** `None` given to a parameter: the parameter is left out. */
export const OMIT: unique symbol = Symbol('omit');

/**
 * A parameter value from an expression. The spelling decides the plist form
 * (dialect decisions 3–5): `'text'` a plain string, `f'…{x}…'` text with
 * variables, `x` one variable, `3` / `3.0` integer / real, `True` a boolean,
 * `[…]` an array, `{…}` a dictionary (a `WFDictionaryFieldValue` for
 * dictionary parameters, else a plain dictionary).
 *
 * Model code, with the catalog: a number written as text for a number
 * parameter becomes a number; a variable given to a text parameter becomes
 * text holding the variable; an action call inside a value runs just before
 * the action that uses it. Returns undefined after reporting an error.
 */
export function bindValue(env: Env, expr: Expression, slot: Slot): Value | typeof OMIT | undefined {
  return env.ctx.deeper(expr.span, () => {
    const value = bindValueInner(env, expr, slot);
    if (value !== undefined && value !== OMIT && expr.span !== undefined) env.ctx.sourceMap.setValue(value, expr.span);
    return value;
  });
}

function bindValueInner(env: Env, expr: Expression, slot: Slot): Value | typeof OMIT | undefined {
  const ctx = env.ctx;
  switch (expr.kind) {
    case 'string':
      return stringValue(env, expr.value, expr, slot);
    case 'bareText':
      return stringValue(env, expr.text, expr, slot);
    case 'fstring':
      if (!hasInterpolation(expr) && !ctx.canonical) return stringValue(env, literalText(expr) ?? '', expr, slot);
      return bindText(env, expr);
    case 'number':
      return numberValue(env, expr);
    case 'boolean':
      return { kind: 'boolean', value: expr.value };
    case 'bytes':
      return { kind: 'data', bytes: expr.value };
    case 'none':
      ctx.lenient(D.droppedNone, `\`${slot.key}=None\` leaves the parameter out`, expr.span, `remove \`${slot.key}=None\``);
      return OMIT;
    case 'list':
      return listValue(env, expr, slot);
    case 'dict': {
      const text = convertedTokenString(expr);
      if (text !== undefined && !ctx.canonical) {
        ctx.report(D.looseValue, '`{"string": …}` is WorkflowLLM\'s print of a text; read as that text', expr.span);
        return bindValue(env, text, slot);
      }
      if (isDictionaryParameter(slot)) return { kind: 'dictionary', items: bindDictionaryItems(env, expr) };
      return plainMap(env, expr, slot);
    }
    case 'call':
      if (!isReferenceForm(expr)) {
        if (ctx.canonical) {
          ctx.report(D.notCanonical, 'an action call inside a value is not canonical: each action is its own statement', expr.span, 'bind the action\'s output first (`x = …`) and pass `x`');
          return undefined;
        }
        const reference = hoistCall(env, expr);
        return reference === undefined ? undefined : variableValue(env, reference, expr, slot);
      }
      break;
    default:
      break;
  }
  if (isReferenceForm(expr)) {
    const reference = bindReference(env, expr);
    return reference === undefined ? undefined : variableValue(env, reference, expr, slot);
  }
  ctx.report(D.badValue, `${describeExpression(expr)} is not a value a parameter can hold`, expr.span, valueFix(expr));
  return undefined;
}

function valueFix(expr: Expression): string {
  switch (expr.kind) {
    case 'binary':
      return 'compute it with an action (is_workflow_actions_math, is_workflow_actions_calculateexpression) and pass its output';
    case 'compare':
    case 'boolOp':
    case 'unary':
      return 'test it with an `if` statement; parameters take values, not conditions';
    default:
      return 'pass text, a number, a boolean, a list, a dictionary or a variable';
  }
}

/** A variable where a value belongs; model code wraps it in text for text parameters. */
function variableValue(env: Env, reference: import('../ir/types.js').VariableReference, expr: Expression, slot: Slot): Value {
  if (!env.ctx.canonical && slot.kind === 'text') {
    env.ctx.report(D.textForVariable, `\`${slot.key}\` is a text parameter: the variable is stored as text holding it`, expr.span, `write ${slot.key}=f'{…}' to say so`);
    return { kind: 'text', parts: [reference], hasAttachmentsKey: true };
  }
  return { kind: 'variable', variable: reference };
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function stringValue(env: Env, text: string, expr: Expression, slot: Slot): Value {
  if (!env.ctx.canonical && slot.kind === 'number' && NUMBER_TEXT.test(text.trim())) {
    const trimmed = text.trim();
    env.ctx.report(D.numberFromString, `\`${slot.key}\` takes a number: '${text}' is stored as the number ${trimmed}`, expr.span, `write ${slot.key}=${trimmed}`);
    if (/^[+-]?\d+$/.test(trimmed)) {
      const value = BigInt(trimmed);
      if (value >= -(2n ** 63n) && value < 2n ** 64n) return { kind: 'integer', value };
    }
    return { kind: 'real', value: Number(trimmed) };
  }
  return { kind: 'string', value: text };
}

function numberValue(env: Env, expr: Extract<Expression, { kind: 'number' }>): Value | undefined {
  if (typeof expr.value === 'bigint') {
    if (expr.value < -(2n ** 63n) || expr.value >= 2n ** 64n) {
      env.ctx.report(D.badNumber, `${expr.text} does not fit in a plist integer (64 bits)`, expr.span, 'write it as a real (with a decimal point) or as text');
      return undefined;
    }
    return { kind: 'integer', value: expr.value };
  }
  return { kind: 'real', value: expr.value };
}

/** Dictionary parameters (Dictionary action items, JSON bodies, headers) take `WFDictionaryFieldValue`. */
function isDictionaryParameter(slot: Slot): boolean {
  return slot.parameterClass === 'WFDictionaryParameter';
}

/**
 * A list parameter: plain strings stay strings; an item with variables is
 * `{WFItemType: 0, WFValue: text}` (how Shortcuts stores menu items and list
 * items that hold variables).
 */
function listValue(env: Env, list: ListExpression, slot: Slot): ListValue {
  return env.ctx.deeper(list.span, () => {
    const items: Value[] = [];
    for (const element of list.elements) {
      const item = listItem(env, element, slot);
      if (item !== undefined) items.push(item);
    }
    return { kind: 'list', items };
  });
}

function listItem(env: Env, element: Expression, slot: Slot): Value | undefined {
  const ctx = env.ctx;
  if (element.kind === 'fstring' && hasInterpolation(element)) return textItem(bindText(env, element));
  if (!ctx.canonical && (element.kind === 'number' || element.kind === 'boolean') && slot.kind === 'list') {
    const text = element.kind === 'number' ? element.text : element.value ? 'True' : 'False';
    ctx.report(D.looseValue, `list items are text: ${text} is stored as '${text}'`, element.span, `write '${text}'`);
    return { kind: 'string', value: text };
  }
  if (isReferenceForm(element) && element.kind !== 'dict') {
    const reference = bindReference(env, element);
    if (reference === undefined) return undefined;
    return ctx.canonical ? { kind: 'variable', variable: reference } : textItem({ kind: 'text', parts: [reference], hasAttachmentsKey: true });
  }
  const value = bindValue(env, element, { identifier: slot.identifier, key: slot.key, kind: 'unknown' });
  return value === OMIT ? undefined : value;
}

function textItem(text: TextValue): Value {
  return {
    kind: 'map',
    entries: [
      { key: 'WFItemType', value: { kind: 'integer', value: 0n } },
      { key: 'WFValue', value: text },
    ],
  };
}

/** A plain plist dictionary (app pickers, file locations, workflow references, unknown parameters). */
function plainMap(env: Env, dict: Extract<Expression, { kind: 'dict' }>, slot: Slot): Value {
  return env.ctx.deeper(dict.span, () => {
    const entries: Entry<Value>[] = [];
    for (const entry of dict.entries) {
      const key = literalText(entry.key);
      if (key === undefined || entry.key.kind === 'fstring') {
        env.ctx.report(D.badDictionaryKey, `${describeExpression(entry.key)} cannot be a key of a plain dictionary: its keys are fixed text`, entry.key.span, 'write the key as a string');
        continue;
      }
      if (entries.some((e) => e.key === key)) {
        env.ctx.report(D.duplicateKeyword, `the key ${JSON.stringify(key)} is given twice`, entry.key.span, 'remove one of them');
        continue;
      }
      const value = bindValue(env, entry.value, genericSlot(slot.identifier, `${slot.key}.${key}`));
      if (value === undefined || value === OMIT) continue;
      entries.push({ key, value });
    }
    return { kind: 'map', entries };
  });
}
