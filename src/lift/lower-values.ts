import type { Aggrandizement, ArrayStateItem, DictionaryItem, Entry, Layout, TextValue, Value, VariableReference } from '../ir/types.js';
import type { PlistDict, PlistValue } from '../plist/value.js';
import { WRAPPER_ORDER } from './lift-values.js';
import { canonicalOrder, compareKeys, orderedDict } from './order.js';

/**
 * IR → plist for parameter values: the exact inverse of `liftValue`. Total
 * on every IR value (an IR that contradicts itself, e.g. an `extra` key that
 * repeats a typed key, lowers deterministically: the typed key wins).
 */
export function lowerValue(value: Value): PlistValue {
  switch (value.kind) {
    case 'string':
    case 'boolean':
      return value.value;
    case 'integer':
      // Built directly, not with `integer()`: lowering never throws; a writer refuses out-of-range values with a diagnostic.
      return { kind: 'integer', value: value.value };
    case 'real':
      return { kind: 'real', value: value.value };
    case 'date':
      return { kind: 'date', secondsSince2001: value.secondsSince2001 };
    case 'data':
      return { kind: 'data', bytes: value.bytes };
    case 'list':
      return value.items.map(lowerValue);
    case 'map':
      return lowerEntries(value.entries);
    case 'raw':
      return value.value;
    case 'text':
      return wrap('WFTextTokenString', lowerText(value), value.layout);
    case 'variable':
      return wrap('WFTextTokenAttachment', lowerReference(value.variable), value.layout);
    case 'attachment':
      return lowerReference(value.variable);
    case 'dictionary':
      return wrap(
        'WFDictionaryFieldValue',
        new Map([['WFDictionaryFieldValueItems', value.items.map(lowerDictionaryItem)]]),
        value.layout,
      );
    case 'arrayState':
      return wrap('WFArrayParameterState', value.items.map(lowerArrayStateItem), value.layout);
    case 'quantity': {
      const fields = new Map<string, PlistValue>();
      if (value.magnitude !== undefined) fields.set('Magnitude', lowerValue(value.magnitude));
      if (value.unit !== undefined) fields.set('Unit', value.unit);
      return wrap('WFQuantityFieldValue', orderedDict(fields, canonicalOrder([...fields.keys()]), value.layout?.keys), value.layout);
    }
    case 'serialized':
      return wrap(value.serializationType, lowerValue(value.value), value.layout);
  }
}

function wrap(type: string, inner: PlistValue, layout: Layout | undefined): PlistDict {
  // The common case, built directly: no recorded order, so the keys go in WRAPPER_ORDER.
  if (layout?.wrapper === undefined && inner !== undefined) {
    const out: PlistDict = new Map();
    out.set('Value', inner);
    out.set('WFSerializationType', type);
    return out;
  }
  return orderedDict(
    new Map<string, PlistValue>([
      ['Value', inner],
      ['WFSerializationType', type],
    ]),
    WRAPPER_ORDER,
    layout?.wrapper,
  );
}

function lowerEntries(entries: readonly Entry<Value>[]): PlistDict {
  const out: PlistDict = new Map();
  for (const entry of entries) out.set(entry.key, lowerValue(entry.value));
  return out;
}

/** The `{string, attachmentsByRange}` dictionary of a `WFTextTokenString`. */
function lowerText(text: TextValue): PlistDict {
  let string = '';
  const locations: number[] = [];
  const attachments: PlistDict[] = [];
  for (const part of text.parts) {
    if (typeof part === 'string') {
      string += part;
    } else {
      locations.push(string.length);
      attachments.push(lowerReference(part));
      string += '\uFFFC';
    }
  }
  // A text with variables always needs the key, whatever the flag says.
  const withRanges = text.hasAttachmentsKey || attachments.length > 0;
  if (text.layout === undefined) {
    // The common case, built directly in canonical order: `attachmentsByRange` sorts before `string`,
    // and the ranges sort by their keys' text (as `orderedDict` would put them).
    const out: PlistDict = new Map();
    if (withRanges) out.set('attachmentsByRange', sortedRanges(locations, attachments));
    out.set('string', string);
    return out;
  }
  const fields = new Map<string, PlistValue>([['string', string]]);
  if (withRanges) {
    const ranges = new Map<string, PlistValue>();
    const keys = locations.map((location) => `{${location}, 1}`);
    keys.forEach((key, i) => ranges.set(key, attachments[i]!));
    const order = text.layout?.ranges?.map((i) => keys[i]).filter((key): key is string => key !== undefined);
    fields.set('attachmentsByRange', orderedDict(ranges, [...keys].sort(compareKeys), order));
  }
  return orderedDict(fields, canonicalOrder([...fields.keys()]), text.layout?.keys);
}

/** `{location, 1}` → attachment, in the order of the keys' text. */
function sortedRanges(locations: readonly number[], attachments: readonly PlistDict[]): PlistDict {
  const keys = locations.map((location) => `{${location}, 1}`);
  const out: PlistDict = new Map();
  if (keys.length <= 1) {
    if (keys.length === 1) out.set(keys[0]!, attachments[0]!);
    return out;
  }
  const order = keys.map((_, i) => i).sort((a, b) => compareKeys(keys[a]!, keys[b]!));
  for (const i of order) out.set(keys[i]!, attachments[i]!);
  return out;
}

/** An attachment dictionary. */
export function lowerReference(reference: VariableReference): PlistDict {
  const typed = new Map<string, PlistValue>();
  const source = reference.source;
  switch (source.kind) {
    case 'actionOutput':
      typed.set('Type', 'ActionOutput');
      typed.set('OutputUUID', source.outputUuid);
      if (source.outputName !== undefined) typed.set('OutputName', source.outputName);
      break;
    case 'variable':
      typed.set('Type', 'Variable');
      typed.set('VariableName', source.name);
      if (source.variableUuid !== undefined) typed.set('VariableUUID', source.variableUuid);
      break;
    case 'shortcutInput':
      typed.set('Type', 'ExtensionInput');
      break;
    case 'ask':
      typed.set('Type', 'Ask');
      break;
    case 'clipboard':
      typed.set('Type', 'Clipboard');
      break;
    case 'currentDate':
      typed.set('Type', 'CurrentDate');
      break;
    case 'deviceDetails':
      typed.set('Type', 'DeviceDetails');
      break;
    case 'input':
      typed.set('Type', 'Input');
      break;
    case 'other':
      typed.set('Type', source.type);
      break;
  }
  if (reference.hasAggrandizementsKey || reference.aggrandizements.length > 0) {
    typed.set('Aggrandizements', reference.aggrandizements.map(lowerAggrandizement));
  }
  return mergeTyped(typed, reference.extra.map((e) => ({ key: e.key, value: lowerValue(e.value) })), reference.keyOrder);
}

/** Typed keys and verbatim entries in one dictionary, in canonical or recorded order. */
export function mergeTyped(typed: Map<string, PlistValue>, extra: readonly Entry<PlistValue>[], keyOrder: readonly string[] | undefined): PlistDict {
  if (keyOrder === undefined) {
    const direct = mergeInCanonicalOrder(typed, extra);
    if (direct !== undefined) return direct;
  }
  const all = new Map<string, PlistValue>();
  const extraKeys: string[] = [];
  for (const entry of extra) {
    if (typed.has(entry.key)) continue;
    all.set(entry.key, entry.value);
    extraKeys.push(entry.key);
  }
  for (const [key, value] of typed) all.set(key, value);
  return orderedDict(all, canonicalOrder([...typed.keys()], extraKeys), keyOrder);
}

/**
 * `mergeTyped` without a recorded order, built in one pass: the typed keys
 * in sorted order merged into the entries' order, as `canonicalOrder` and
 * `orderedDict` would give. Undefined (use the general path) when an entry
 * key repeats or a value is missing, whose placement the general path decides.
 */
function mergeInCanonicalOrder(typed: Map<string, PlistValue>, extra: readonly Entry<PlistValue>[]): PlistDict | undefined {
  const typedKeys: string[] = [];
  for (const [key, value] of typed) {
    if (value === undefined) return undefined;
    typedKeys.push(key);
  }
  // Insertion sort: two to four keys (Array#sort's set-up costs more), all distinct.
  for (let i = 1; i < typedKeys.length; i++) {
    const key = typedKeys[i]!;
    let j = i - 1;
    for (; j >= 0 && compareKeys(typedKeys[j]!, key) > 0; j--) typedKeys[j + 1] = typedKeys[j]!;
    typedKeys[j + 1] = key;
  }
  const out: PlistDict = new Map();
  let t = 0;
  for (const entry of extra) {
    const key = entry.key;
    if (typed.has(key)) continue;
    if (entry.value === undefined || out.has(key)) return undefined;
    while (t < typedKeys.length && compareKeys(typedKeys[t]!, key) < 0) {
      const typedKey = typedKeys[t++]!;
      out.set(typedKey, typed.get(typedKey)!);
    }
    out.set(key, entry.value);
  }
  while (t < typedKeys.length) {
    const typedKey = typedKeys[t++]!;
    out.set(typedKey, typed.get(typedKey)!);
  }
  return out;
}

function lowerAggrandizement(aggrandizement: Aggrandizement): PlistValue {
  const typed = new Map<string, PlistValue>();
  switch (aggrandizement.kind) {
    case 'other':
      return lowerValue(aggrandizement.value);
    case 'coercion':
      typed.set('Type', 'WFCoercionVariableAggrandizement');
      typed.set('CoercionItemClass', aggrandizement.itemClass);
      return mergeTyped(typed, aggrandizement.extra, aggrandizement.keyOrder);
    case 'dictionaryKey':
      typed.set('Type', 'WFDictionaryValueVariableAggrandizement');
      typed.set('DictionaryKey', aggrandizement.key);
      return mergeTyped(typed, aggrandizement.extra, aggrandizement.keyOrder);
    case 'property':
      typed.set('Type', 'WFPropertyVariableAggrandizement');
      typed.set('PropertyName', aggrandizement.name);
      return mergeTyped(typed, aggrandizement.extra, aggrandizement.keyOrder);
    case 'dateFormat':
      typed.set('Type', 'WFDateFormatVariableAggrandizement');
      return mergeTyped(typed, aggrandizement.fields, aggrandizement.keyOrder);
    case 'unit':
      typed.set('Type', 'WFUnitVariableAggrandizement');
      return mergeTyped(typed, aggrandizement.fields, aggrandizement.keyOrder);
  }
}

function lowerDictionaryItem(item: DictionaryItem): PlistDict {
  const typed = new Map<string, PlistValue>([['WFItemType', itemTypeValue(item.itemType)]]);
  if (item.key !== undefined) typed.set('WFKey', lowerValue(item.key));
  if (item.value !== undefined) typed.set('WFValue', lowerValue(item.value));
  return mergeTyped(typed, item.extra, item.keyOrder);
}

function lowerArrayStateItem(item: ArrayStateItem): PlistValue {
  if (item.kind === 'plain') return lowerValue(item.value);
  const typed = new Map<string, PlistValue>([
    ['WFItemType', itemTypeValue(item.itemType)],
    ['WFValue', lowerValue(item.value)],
  ]);
  return mergeTyped(typed, item.extra, item.keyOrder);
}

/** `WFItemType` as the plist integer; a non-integer (only IR built by hand) stays a real rather than throwing. */
function itemTypeValue(itemType: number): PlistValue {
  return Number.isInteger(itemType) ? { kind: 'integer', value: BigInt(itemType) } : { kind: 'real', value: itemType };
}
