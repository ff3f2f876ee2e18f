import { valueKindOf, type ValueKind } from '../catalog/parameter-kinds.js';
import type { ParameterEntry } from '../catalog/schema.js';
import type { Entry, ListValue, TextValue, Value, VariableReference } from '../ir/types.js';
import type { CallExpression, Expression, ListExpression } from '../syntax/ast.js';
import type { ResolvedAction } from './actions.js';
import { hoistCall } from './calls.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { bindModelDictionary, convertedTokenString } from './dictionaries.js';
import type { Env } from './env.js';
import { bindGrammarValue } from './grammar.js';
import { bindReferenceWithDetails, isReferenceForm, referenceCallKind } from './references.js';
import { calleeName, describeExpression, literalText } from './syntax.js';
import { bindText, hasInterpolation } from './text.js';
import { unquotedText } from './unquoted.js';

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

/** `None` given to a parameter in model code: the parameter is left out. */
export const OMIT: unique symbol = Symbol('omit');

/**
 * A parameter value. Canonical code: the value grammar alone decides
 * (`bindGrammarValue`, dialect §6). Model code reads WorkflowLLM's spellings
 * with the catalog's help (grammars/model-code.md):
 *
 *   - a number written as text for a number parameter is a number;
 *   - an f-string without variables is a plain string (Shortcuts stores text
 *     without variables that way);
 *   - a variable given to a text parameter is text holding the variable;
 *   - `{…}` is a `WFDictionaryFieldValue` for dictionary parameters, a plain
 *     dictionary for every other parameter (app pickers, file locations);
 *   - list items with variables are `{WFItemType: 0, WFValue: text}`;
 *   - an action call inside a value runs just before the action using it;
 *   - `None` leaves the parameter out.
 *
 * Returns undefined after reporting an error.
 */
export function bindValue(env: Env, expr: Expression, slot: Slot): Value | typeof OMIT | undefined {
  if (env.ctx.canonical) return bindGrammarValue(env, expr);
  return env.ctx.deeper(expr.span, () => {
    const value = modelValue(env, expr, slot);
    if (value !== undefined && value !== OMIT && expr.span !== undefined) env.ctx.sourceMap.setValue(value, expr.span);
    return value;
  });
}

function modelValue(env: Env, expr: Expression, slot: Slot): Value | typeof OMIT | undefined {
  const ctx = env.ctx;
  if (expr.kind === 'error') return undefined;
  switch (expr.kind) {
    case 'string':
      return stringValue(env, expr.value, expr, slot);
    case 'bareText':
      return stringValue(env, expr.text, expr, slot);
    case 'fstring': {
      if (isReferenceForm(expr)) return referenceValue(env, expr, slot);
      // Text without variables is a plain string (how Shortcuts stores it); WorkflowLLM's brace-less magic values count as variables.
      const text = bindText(env, expr);
      return text.parts.every((p) => typeof p === 'string') ? stringValue(env, text.parts.join(''), expr, slot) : text;
    }
    case 'number':
      // `1 = x` set the variable named "1" (SC4030): an integer given to an action's content input is that variable.
      if (!expr.isFloat && (slot.kind === 'content' || slot.key === 'WFInput') && env.names.isKnown(expr.text) && /^[0-9]+$/.test(expr.text)) {
        ctx.report(D.looseValue, `\`${slot.key}=${expr.text}\`: the file sets a variable named "${expr.text}", and \`${slot.key}\` takes content: read as that variable`, expr.span, `rename the variable so that it starts with a letter`);
        return referenceValue(env, { kind: 'name', name: expr.text, ...(expr.span === undefined ? {} : { span: expr.span }) }, slot);
      }
      return bindGrammarValue(env, expr);
    case 'none':
      ctx.report(D.droppedNone, `\`${slot.key}=None\` leaves the parameter out`, expr.span, `remove \`${slot.key}=None\``);
      return OMIT;
    case 'list':
      return listValue(env, expr, slot);
    case 'dict': {
      const text = convertedTokenString(expr);
      if (text !== undefined) {
        ctx.report(D.looseValue, '`{"string": …}` is WorkflowLLM\'s print of a text; read as that text', expr.span, 'write the text as a string');
        return bindValue(env, text, slot);
      }
      if (slot.parameterClass === 'WFDictionaryParameter') return bindModelDictionary(env, expr);
      return plainMap(env, expr, slot);
    }
    case 'call': {
      const kind = referenceCallKind(expr);
      if (kind !== undefined && kind !== 'attachment') return referenceValue(env, expr, slot);
      if (kind === undefined && isActionCall(expr)) {
        const reference = hoistCall(env, expr);
        return reference === undefined ? undefined : variableValue(env, reference, expr, slot);
      }
      return bindGrammarValue(env, expr);
    }
    default:
      if (isReferenceForm(expr)) return referenceValue(env, expr, slot);
      return bindGrammarValue(env, expr);
  }
}

/**
 * Model code: whether a call in a value is an action (run just before) rather
 * than a value form. Serialization wrappers are named by their `WF…` type;
 * the value forms are `dict`, `plist`, `serialized`, dates and special floats.
 */
export function isActionCall(call: CallExpression): boolean {
  const name = calleeName(call);
  if (name === undefined || call.callee.kind !== 'name') return false;
  if (['dict', 'plist', 'serialized', 'plist_date', 'float', 'raw_action'].includes(name)) return false;
  return !/^WF[A-Z]/.test(name);
}

function referenceValue(env: Env, expr: Expression, slot: Slot): Value | undefined {
  const bound = bindReferenceWithDetails(env, expr);
  return bound === undefined ? undefined : variableValue(env, bound.reference, expr, slot);
}

/** A variable where a value belongs; model code wraps it in text for text parameters. */
function variableValue(env: Env, reference: VariableReference, expr: Expression, slot: Slot): Value {
  if (slot.kind === 'text') {
    env.ctx.report(D.textForVariable, `\`${slot.key}\` is a text parameter: the variable is stored as text holding it`, expr.span, `write ${slot.key}=f'{…}' to say so`);
    return { kind: 'text', parts: [reference], hasAttachmentsKey: true };
  }
  return { kind: 'variable', variable: reference };
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text in model code; a number written as text for a number parameter is stored as the number. */
function stringValue(env: Env, text: string, expr: Expression, slot: Slot): Value {
  const trimmed = text.trim();
  if (slot.kind === 'number' && NUMBER_TEXT.test(trimmed)) {
    env.ctx.report(D.numberFromString, `\`${slot.key}\` takes a number: '${text}' is stored as the number ${trimmed}`, expr.span, `write ${slot.key}=${trimmed}`);
    const number = numberFromText(trimmed);
    if (number !== undefined) return number;
  }
  return { kind: 'string', value: text };
}

/** `'3'` → integer 3, `'2.5'` → real 2.5 (integers beyond 64 bits stay reals). */
export function numberFromText(text: string): Value | undefined {
  if (/^[+-]?\d+$/.test(text)) {
    const value = BigInt(text);
    if (value >= -(2n ** 63n) && value < 2n ** 64n) return { kind: 'integer', value };
  }
  const real = Number(text);
  return Number.isFinite(real) ? { kind: 'real', value: real } : undefined;
}

/**
 * A list in model code: plain text items stay strings; an item with
 * variables is `{WFItemType: 0, WFValue: text}` (how Shortcuts stores list
 * and menu items that hold variables); numbers in a list parameter are text.
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
  if (element.kind === 'error') return undefined;
  const unquoted = unquotedText(env, element);
  if (unquoted !== undefined) return { kind: 'string', value: unquoted };
  if (element.kind === 'fstring' && hasInterpolation(element) && !isReferenceForm(element)) return textItem(bindText(env, element));
  const plain = literalText(element);
  if (plain !== undefined) return { kind: 'string', value: plain };
  if ((element.kind === 'number' || element.kind === 'boolean') && slot.kind === 'list') {
    const text = element.kind === 'number' ? element.text : element.value ? 'True' : 'False';
    ctx.report(D.looseValue, `list items are text: ${text} is stored as '${text}'`, element.span, `write '${text}'`);
    return { kind: 'string', value: text };
  }
  if (isReferenceForm(element)) {
    const bound = bindReferenceWithDetails(env, element);
    return bound === undefined ? undefined : textItem({ kind: 'text', parts: [bound.reference], hasAttachmentsKey: true });
  }
  if (element.kind === 'call' && isActionCall(element)) {
    const reference = hoistCall(env, element);
    return reference === undefined ? undefined : textItem({ kind: 'text', parts: [reference], hasAttachmentsKey: true });
  }
  const value = bindValue(env, element, genericSlot(slot.identifier, slot.key));
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
      if (entry.key.kind === 'error' || entry.value.kind === 'error') continue;
      const key = entry.key.kind === 'fstring' ? undefined : (literalText(entry.key) ?? unquotedText(env, entry.key));
      if (key === undefined) {
        env.ctx.report(D.badDictionaryKey, `${describeExpression(entry.key)} cannot be a key of a plain dictionary: its keys are fixed text`, entry.key.span, 'write the key as a string');
        continue;
      }
      if (entries.some((e) => e.key === key)) {
        env.ctx.report(D.duplicateKeyword, `the key ${JSON.stringify(key)} is given twice`, entry.key.span, 'remove one of them');
        continue;
      }
      const unquoted = unquotedText(env, entry.value);
      const value = unquoted !== undefined ? { kind: 'string' as const, value: unquoted } : bindValue(env, entry.value, genericSlot(slot.identifier, `${slot.key}.${key}`));
      if (value === undefined || value === OMIT) continue;
      entries.push({ key, value });
    }
    return { kind: 'map', entries };
  });
}
