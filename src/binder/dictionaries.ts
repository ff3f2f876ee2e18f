import type { ArrayStateItem, DictionaryItem, DictionaryValue, Entry, StringValue, TextValue, Value } from '../ir/types.js';
import type { PlistValue } from '../plist/value.js';
import type { DictExpression, Expression, FStringLiteral, ListExpression, StringLiteral } from '../syntax/ast.js';
import { lowerValue } from '../lift/lower-values.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { bindGrammarValue } from './grammar.js';
import type { Env } from './env.js';
import { bindReference, isReferenceForm } from './references.js';
import { describeExpression, literalText } from './syntax.js';
import { bindText, hasInterpolation } from './text.js';
import { unquotedText } from './unquoted.js';

/**
 * Dictionary displays as `WFDictionaryFieldValue` (the Dictionary action's
 * items, JSON bodies, headers).
 *
 * Canonical code (dialect §6.5). Inside a display a token string is the norm
 * (Shortcuts writes keys and text values as `WFTextTokenString`), so there
 * the undecorated string means one:
 *
 *   key    "text", f"…{x}…"        a token string
 *          plist("text")           a plain string
 *   item   '''…''', f'''…{x}…'''    0  a token string
 *          plist("text")           0  a plain string
 *          42, -3.50               3  a token string: the literal's source
 *          True / False            4  WFNumberSubstitutableState(bool)
 *          {…}                     1  a nested WFDictionaryFieldValue
 *          […]                     2  a WFArrayParameterState, whose items follow
 *                                     what Shortcuts writes in arrays: '''…''' a
 *                                     plain item, f'''…''' a type-0 token string,
 *                                     the rest as above, dict(…) the item dictionary
 *          dict(WFItemType=n, …)   n  any other item, by its keys besides WFKey
 *   key    any other value         the key in the value grammar (a token string in
 *                                  its generic form, a variable, …)
 *
 * Model code: the form Shortcuts itself writes — keys and text values are
 * text (`WFTextTokenString`), a nested dictionary is wrapped twice as the app
 * does, a variable is text holding it; WorkflowLLM's print of a text without
 * attachments, `{"string": X}`, is read as X. Both readings give `{"k": "v"}`
 * the same meaning.
 */
export function bindCanonicalDictionary(env: Env, dict: DictExpression): DictionaryValue | undefined {
  return env.ctx.deeper(dict.span, () => {
    const items: DictionaryItem[] = [];
    let ok = true;
    for (const entry of dict.entries) {
      const key = canonicalKey(env, entry.key);
      const item = explicitItem(env, entry.value) ?? canonicalItem(env, entry.value, false);
      if (key === undefined || item === undefined || item === 'error') {
        ok = false;
        continue;
      }
      items.push({ extra: [], ...item, key });
    }
    return ok ? { kind: 'dictionary', items } : undefined;
  });
}

/** A text inside a display: without variables, its `attachmentsByRange` key follows `__defaults__["item_text_attachments"]`. */
function itemText(env: Env, expr: StringLiteral | FStringLiteral): TextValue {
  const text = bindText(env, expr);
  const hasVariables = text.parts.some((p) => typeof p !== 'string');
  return hasVariables ? text : { ...text, hasAttachmentsKey: env.ctx.header.defaults.itemTextAttachments };
}

function numberItem(env: Env, text: string): TextValue {
  return { kind: 'text', parts: [text], hasAttachmentsKey: env.ctx.header.defaults.itemTextAttachments };
}

/**
 * `plist("text")` in a display: the explicit spelling of a plain string key
 * or type-0 value (rare in real files: 7 of 511 keys, 3 of 392 text values).
 * Undefined when `expr` is not a `plist(…)` call; `'error'` after reporting
 * one that does not hold a string.
 */
function plainString(env: Env, expr: Expression): StringValue | 'error' | undefined {
  if (expr.kind !== 'call' || expr.callee.kind !== 'name' || expr.callee.name !== 'plist') return undefined;
  const argument = expr.args.length === 1 && expr.keywords.length === 0 ? expr.args[0]! : undefined;
  if (argument?.kind !== 'string') {
    env.ctx.report(D.badValue, 'in a dictionary display, plist(…) holds a plain string key or value: plist("text")', expr.span, 'write plist("text"), or "text" for a token string');
    return 'error';
  }
  return { kind: 'string', value: argument.value };
}

/**
 * A key: `"text"`, `f"…{x}…"`, `plist("text")`; any other spelling is the
 * key in the value grammar (the decompiler writes one only where those three
 * cannot say the key: `WFTextTokenString(string='''k''')` for a token string
 * in the file's other encoding, a variable, …).
 */
function canonicalKey(env: Env, expr: Expression): Value | undefined {
  if (expr.kind === 'error') return undefined;
  if (expr.kind === 'string' || expr.kind === 'fstring') return itemText(env, expr);
  const plain = plainString(env, expr);
  if (plain !== undefined) return plain === 'error' ? undefined : plain;
  if (expr.kind === 'dict') {
    env.ctx.report(D.badDictionaryKey, 'a dictionary display cannot be a dictionary key', expr.span, 'write the key as a string');
    return undefined;
  }
  return bindGrammarValue(env, expr);
}

/**
 * `key: dict(WFItemType=n, WFValue=v, …)`: an item the item grammar cannot
 * say, written as its own keys besides `WFKey` in the value grammar.
 * Undefined when `expr` is no `dict(…)` call; `'error'` after reporting.
 */
function explicitItem(env: Env, expr: Expression): Omit<DictionaryItem, 'key'> | 'error' | undefined {
  if (!isDictCall(expr)) return undefined;
  const bound = bindGrammarValue(env, expr);
  if (bound === undefined) return 'error';
  const fix = 'write dict(WFItemType=0, WFValue=…) with the item type as an integer';
  if (bound.kind !== 'map') {
    env.ctx.report(D.badValue, 'an explicit dictionary item is dict(WFItemType=n, WFValue=v, …)', expr.span, fix);
    return 'error';
  }
  let itemType: number | undefined;
  let value: Value | undefined;
  const extra: Entry<PlistValue>[] = [];
  for (const entry of bound.entries) {
    if (entry.key === 'WFItemType' && entry.value.kind === 'integer' && isSafeInteger(entry.value.value)) {
      itemType = Number(entry.value.value);
    } else if (entry.key === 'WFValue') {
      value = entry.value;
    } else if (entry.key === 'WFKey' || entry.key === 'WFItemType') {
      env.ctx.report(D.badValue, entry.key === 'WFKey' ? 'an explicit dictionary item takes its key from the display, not from WFKey' : 'WFItemType is an integer', expr.span, fix);
      return 'error';
    } else {
      extra.push({ key: entry.key, value: lowerValue(entry.value) });
    }
  }
  if (itemType === undefined) {
    env.ctx.report(D.badValue, 'an explicit dictionary item needs WFItemType, an integer', expr.span, fix);
    return 'error';
  }
  return { itemType, ...(value === undefined ? {} : { value }), extra };
}

function isDictCall(expr: Expression): boolean {
  return expr.kind === 'call' && expr.callee.kind === 'name' && expr.callee.name === 'dict';
}

function isSafeInteger(n: bigint): boolean {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER);
}


/** The number literal's source text (`42`, `-3.50`) for a type-3 item, or undefined. */
function numberText(expr: Expression): string | undefined {
  if (expr.kind === 'number') return expr.text;
  if (expr.kind === 'unary' && expr.operator === '-' && expr.operand.kind === 'number') return `-${expr.operand.text}`;
  return undefined;
}

function canonicalItem(env: Env, expr: Expression, inArray: boolean): { itemType: number; value: Value } | 'plain' | undefined;
function canonicalItem(env: Env, expr: Expression, inArray: false): { itemType: number; value: Value } | undefined;
function canonicalItem(env: Env, expr: Expression, inArray: boolean): { itemType: number; value: Value } | 'plain' | undefined {
  if (expr.kind === 'error') return undefined;
  const number = numberText(expr);
  if (number !== undefined) return { itemType: 3, value: numberItem(env, number) };
  switch (expr.kind) {
    case 'string':
      // Array items are plain strings where Shortcuts writes them; display values are token strings.
      return inArray ? 'plain' : { itemType: 0, value: itemText(env, expr) };
    case 'fstring':
      return { itemType: 0, value: itemText(env, expr) };
    case 'boolean':
      return { itemType: 4, value: { kind: 'serialized', serializationType: 'WFNumberSubstitutableState', value: { kind: 'boolean', value: expr.value } } };
    case 'dict': {
      // Shortcuts wraps a nested dictionary twice: a WFDictionaryFieldValue around a WFDictionaryFieldValue.
      const nested = bindCanonicalDictionary(env, expr);
      return nested === undefined ? undefined : { itemType: 1, value: { kind: 'serialized', serializationType: 'WFDictionaryFieldValue', value: nested } };
    }
    case 'list': {
      const items = canonicalArray(env, expr);
      return items === undefined ? undefined : { itemType: 2, value: { kind: 'arrayState', items } };
    }
    default: {
      const plain = inArray ? undefined : plainString(env, expr);
      if (plain !== undefined) return plain === 'error' ? undefined : { itemType: 0, value: plain };
      env.ctx.report(
        D.notCanonical,
        `${describeExpression(expr)} is not an item spelling of a dictionary display`,
        expr.span,
        inArray
          ? 'array items are \'\'\'text\'\'\' (plain), f\'\'\'text\'\'\' (a token string), numbers, True/False, {…} and […]; for anything else write the item as dict(WFItemType=n, WFValue=…)'
          : 'items are \'\'\'text\'\'\', f\'\'\'…{x}…\'\'\', plist("text"), numbers, True/False, {…} and […]; for anything else write the item as dict(WFItemType=n, WFValue=…)',
      );
      return undefined;
    }
  }
}

function canonicalArray(env: Env, list: ListExpression): ArrayStateItem[] | undefined {
  return env.ctx.deeper(list.span, () => {
    const items: ArrayStateItem[] = [];
    for (const element of list.elements) {
      if (isDictCall(element)) {
        // An item the array spellings cannot say, as its dictionary; lifting types it again (dialect principle 7).
        const map = bindGrammarValue(env, element);
        if (map === undefined) return undefined;
        items.push({ kind: 'plain', value: map });
        continue;
      }
      const item = canonicalItem(env, element, true);
      if (item === undefined) return undefined;
      if (item === 'plain') items.push({ kind: 'plain', value: { kind: 'string', value: (element as { value: string }).value } });
      else items.push({ kind: 'typed', itemType: item.itemType, value: item.value, extra: [] });
    }
    return items;
  });
}

// ─── Model code ──────────────────────────────────────────────────────────────

export function bindModelDictionary(env: Env, dict: DictExpression): DictionaryValue {
  return env.ctx.deeper(dict.span, () => {
    const items: DictionaryItem[] = [];
    for (const entry of dict.entries) {
      const key = modelText(env, entry.key, 'key');
      // The canonical spelling of an item the display cannot say (`dict(WFItemType=n, WFValue=v)`) means the same here.
      const explicit = explicitItem(env, entry.value);
      if (explicit === 'error') continue;
      const item = explicit ?? modelItem(env, entry.value);
      if (key === undefined || item === undefined) continue;
      items.push({ itemType: item.itemType, key, ...(item.value === undefined ? {} : { value: item.value }), extra: 'extra' in item ? item.extra : [] });
    }
    return { kind: 'dictionary', items };
  });
}

/** `{"string": X}`: WorkflowLLM's print of a token string without attachments. */
export function convertedTokenString(expr: Expression): Expression | undefined {
  if (expr.kind !== 'dict' || expr.entries.length !== 1) return undefined;
  const entry = expr.entries[0]!;
  return entry.key.kind === 'string' && entry.key.value === 'string' ? entry.value : undefined;
}

function modelText(env: Env, expr: Expression, role: 'key' | 'value'): TextValue | StringValue | undefined {
  if (expr.kind === 'error') return undefined;
  // The canonical spelling of a plain string key or value means the same here.
  const plain = plainString(env, expr);
  if (plain !== undefined) return plain === 'error' ? undefined : plain;
  const unquoted = unquotedText(env, expr);
  if (unquoted !== undefined) return { kind: 'text', parts: unquoted === '' ? [] : [unquoted], hasAttachmentsKey: true };
  const unwrapped = convertedTokenString(expr);
  if (unwrapped !== undefined) {
    env.ctx.report(D.looseValue, `\`{"string": …}\` as a dictionary ${role} is WorkflowLLM's print of a text; read as that text`, expr.span, 'write the text as a string');
    return modelText(env, unwrapped, role);
  }
  switch (expr.kind) {
    case 'string':
    case 'fstring':
      return bindText(env, expr);
    case 'bareText':
      return { kind: 'text', parts: expr.text === '' ? [] : [expr.text], hasAttachmentsKey: true };
    case 'number':
      if (role === 'key') env.ctx.report(D.looseValue, 'a number as a dictionary key is read as its text', expr.span, `write the key as a string: '${expr.text}'`);
      return { kind: 'text', parts: [expr.text], hasAttachmentsKey: true };
    case 'dict':
      if (expr.entries.length === 0) {
        env.ctx.report(D.looseValue, '`{}` read as empty text', expr.span, "write ''");
        return { kind: 'text', parts: [], hasAttachmentsKey: true };
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

function modelItem(env: Env, expr: Expression): { itemType: number; value: Value } | undefined {
  if (expr.kind === 'error') return undefined;
  const unquoted = unquotedText(env, expr);
  if (unquoted !== undefined) return { itemType: 0, value: { kind: 'text', parts: unquoted === '' ? [] : [unquoted], hasAttachmentsKey: true } };
  if (convertedTokenString(expr) !== undefined) {
    const text = modelText(env, expr, 'value');
    return text === undefined ? undefined : { itemType: 0, value: text };
  }
  const number = numberText(expr);
  if (number !== undefined) return { itemType: 3, value: { kind: 'text', parts: [number], hasAttachmentsKey: true } };
  const plain = plainString(env, expr);
  if (plain !== undefined) return plain === 'error' ? undefined : { itemType: 0, value: plain };
  switch (expr.kind) {
    case 'string':
    case 'fstring':
    case 'bareText': {
      const text = modelText(env, expr, 'value');
      return text === undefined ? undefined : { itemType: 0, value: text };
    }
    case 'boolean':
      return { itemType: 4, value: { kind: 'serialized', serializationType: 'WFNumberSubstitutableState', value: { kind: 'boolean', value: expr.value } } };
    case 'dict':
      // Shortcuts wraps a nested dictionary twice (its WFValue is a WFDictionaryFieldValue around one).
      return { itemType: 1, value: { kind: 'serialized', serializationType: 'WFDictionaryFieldValue', value: bindModelDictionary(env, expr) } };
    case 'list':
      return { itemType: 2, value: { kind: 'arrayState', items: modelArray(env, expr) } };
    case 'none':
      env.ctx.report(D.looseValue, '`None` as a dictionary value is read as empty text', expr.span, "write ''");
      return { itemType: 0, value: { kind: 'text', parts: [], hasAttachmentsKey: true } };
    default:
      if (isReferenceForm(expr)) {
        const text = modelText(env, expr, 'value');
        return text === undefined ? undefined : { itemType: 0, value: text };
      }
  }
  env.ctx.report(D.badValue, `${describeExpression(expr)} cannot be a dictionary value`, expr.span, 'use text, a number, a boolean, a dictionary, a list or a variable');
  return undefined;
}

function modelArray(env: Env, list: ListExpression): ArrayStateItem[] {
  return env.ctx.deeper(list.span, () => {
    const items: ArrayStateItem[] = [];
    for (const element of list.elements) {
      const plain = literalText(element);
      if (plain !== undefined && !(element.kind === 'fstring' && hasInterpolation(element))) {
        items.push({ kind: 'plain', value: { kind: 'string', value: plain } });
        continue;
      }
      if (isDictCall(element)) {
        // The canonical spelling of an item the array spellings cannot say: its dictionary, as in canonical code.
        const map = bindGrammarValue(env, element);
        if (map !== undefined) items.push({ kind: 'plain', value: map });
        continue;
      }
      const item = modelItem(env, element);
      if (item !== undefined) items.push({ kind: 'typed', itemType: item.itemType, value: item.value, extra: [] });
    }
    return items;
  });
}
