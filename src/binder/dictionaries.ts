import type { ArrayStateItem, DictionaryItem, TextValue, Value } from '../ir/types.js';
import type { DictExpression, Expression, ListExpression } from '../syntax/ast.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { bindReference, isReferenceForm } from './references.js';
import { describeExpression, literalText } from './syntax.js';
import { bindText } from './text.js';

/**
 * Dictionary literals as `WFDictionaryFieldValue` (the Dictionary action's
 * items, JSON request bodies, headers): each entry becomes an item whose
 * `WFItemType` follows the value's spelling, the way Shortcuts writes them:
 *
 *   'text', f'…{x}…', x     0 text       (WFValue: text)
 *   {…}                      1 dictionary (WFValue: a WFDictionaryFieldValue wrapping one)
 *   […]                      2 array      (WFValue: WFArrayParameterState)
 *   3, 2.5                   3 number     (WFValue: the number as text)
 *   True, False              4 boolean    (WFValue: WFNumberSubstitutableState)
 *
 * Keys are text. WorkflowLLM printed token strings without an
 * `attachmentsByRange` key as `{"string": X}`; as a key or a value that
 * spelling is read as the text X (model code, with a warning).
 */
export function bindDictionaryItems(env: Env, dict: DictExpression): DictionaryItem[] {
  return env.ctx.deeper(dict.span, () => {
    const items: DictionaryItem[] = [];
    for (const entry of dict.entries) {
      const key = bindItemText(env, entry.key, 'key');
      const item = bindItemValue(env, entry.value);
      if (key === undefined || item === undefined) continue;
      items.push({ itemType: item.itemType, key, value: item.value, extra: [] });
    }
    return items;
  });
}

/** A list as the items of a `WFArrayParameterState` (inside dictionaries). */
export function bindArrayStateItems(env: Env, list: ListExpression): ArrayStateItem[] {
  return env.ctx.deeper(list.span, () => {
    const items: ArrayStateItem[] = [];
    for (const element of list.elements) {
      const plain = literalText(element);
      if (plain !== undefined && element.kind !== 'fstring') {
        items.push({ kind: 'plain', value: { kind: 'string', value: plain } });
        continue;
      }
      const item = bindItemValue(env, element);
      if (item !== undefined) items.push({ kind: 'typed', itemType: item.itemType, value: item.value, extra: [] });
    }
    return items;
  });
}

/** `{"string": X}`: WorkflowLLM's print of a token string without attachments. */
export function convertedTokenString(expr: Expression): Expression | undefined {
  if (expr.kind !== 'dict' || expr.entries.length !== 1) return undefined;
  const entry = expr.entries[0]!;
  return literalText(entry.key) === 'string' && entry.key.kind === 'string' ? entry.value : undefined;
}

function bindItemText(env: Env, expr: Expression, role: 'key' | 'value'): TextValue | undefined {
  const unwrapped = convertedTokenString(expr);
  if (unwrapped !== undefined) {
    env.ctx.lenient(D.looseValue, `\`{"string": …}\` as a dictionary ${role} is WorkflowLLM's print of a text; read as that text`, expr.span, 'write the text as a string');
    return bindItemText(env, unwrapped, role);
  }
  switch (expr.kind) {
    case 'string':
    case 'fstring':
      return bindText(env, expr);
    case 'bareText':
      return { kind: 'text', parts: expr.text === '' ? [] : [expr.text], hasAttachmentsKey: true };
    case 'number':
      if (role === 'key') {
        env.ctx.lenient(D.looseValue, 'a number as a dictionary key is read as its text', expr.span, `write the key as a string: '${expr.text}'`);
        return { kind: 'text', parts: [expr.text], hasAttachmentsKey: true };
      }
      break;
    default:
      if (isReferenceForm(expr)) {
        const reference = bindReference(env, expr);
        return reference === undefined ? undefined : { kind: 'text', parts: [reference], hasAttachmentsKey: true };
      }
  }
  env.ctx.report(D.badDictionaryKey, `${describeExpression(expr)} cannot be a dictionary ${role}: keys are text`, expr.span, 'write the key as a string');
  return undefined;
}

function bindItemValue(env: Env, expr: Expression): { itemType: number; value: Value } | undefined {
  const unwrapped = convertedTokenString(expr);
  if (unwrapped !== undefined) {
    const text = bindItemText(env, expr, 'value');
    return text === undefined ? undefined : { itemType: 0, value: text };
  }
  switch (expr.kind) {
    case 'string':
    case 'fstring':
    case 'bareText': {
      const text = bindItemText(env, expr, 'value');
      return text === undefined ? undefined : { itemType: 0, value: text };
    }
    case 'number':
      return { itemType: 3, value: { kind: 'text', parts: [expr.text], hasAttachmentsKey: true } };
    case 'boolean':
      return { itemType: 4, value: { kind: 'serialized', serializationType: 'WFNumberSubstitutableState', value: { kind: 'boolean', value: expr.value } } };
    case 'dict':
      return {
        itemType: 1,
        value: { kind: 'serialized', serializationType: 'WFDictionaryFieldValue', value: { kind: 'dictionary', items: bindDictionaryItems(env, expr) } },
      };
    case 'list':
      return { itemType: 2, value: { kind: 'arrayState', items: bindArrayStateItems(env, expr) } };
    case 'none':
      env.ctx.lenient(D.looseValue, '`None` as a dictionary value is read as empty text', expr.span, "write ''");
      return { itemType: 0, value: { kind: 'text', parts: [], hasAttachmentsKey: true } };
    default:
      if (isReferenceForm(expr)) {
        const text = bindItemText(env, expr, 'value');
        return text === undefined ? undefined : { itemType: 0, value: text };
      }
  }
  env.ctx.report(D.badValue, `${describeExpression(expr)} cannot be a dictionary value`, expr.span, 'use text, a number, a boolean, a dictionary, a list or a variable');
  return undefined;
}
