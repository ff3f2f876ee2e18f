import type {
  Aggrandizement,
  ArrayStateItem,
  DictionaryItem,
  Entry,
  Layout,
  TextPart,
  Value,
  VariableReference,
  VariableSource,
} from '../ir/types.js';
import { isDict, plistKind, type PlistDict, type PlistValue } from '../plist/value.js';
import { MAX_VALUE_DEPTH, ValueTooDeepError, noSink, type ValueSink } from './context.js';
import { canonicalOrder, compareKeys, recordOrder } from './order.js';
import { isBareAttachment, isWrapper, mayHoldReference, safeInteger } from './shape.js';

/**
 * plist → IR for parameter values. Total: every plist value lifts to some
 * `Value` (typed where the shape is exactly canonical, `serialized`/`map`/
 * `list` otherwise), and `lowerValue` gives the same plist back. Throws only
 * `ValueTooDeepError`, which the workflow lifter reports.
 */
export function liftValue(value: PlistValue, sink: ValueSink = noSink): Value {
  return lift(value, 0, sink);
}

/** The canonical order of a `{WFSerializationType, Value}` wrapper. */
export const WRAPPER_ORDER: readonly string[] = ['Value', 'WFSerializationType'];

function lift(value: PlistValue, depth: number, sink: ValueSink): Value {
  if (depth > MAX_VALUE_DEPTH) throw new ValueTooDeepError();
  switch (plistKind(value)) {
    case 'string':
      return { kind: 'string', value: value as string };
    case 'boolean':
      return { kind: 'boolean', value: value as boolean };
    case 'array':
      return { kind: 'list', items: (value as PlistValue[]).map((item) => lift(item, depth + 1, sink)) };
    case 'dict':
      return liftDict(value as PlistDict, depth, sink);
    default: {
      const v = value as Exclude<PlistValue, string | boolean | PlistValue[] | PlistDict>;
      switch (v.kind) {
        case 'integer':
          return { kind: 'integer', value: v.value };
        case 'real':
          return { kind: 'real', value: v.value };
        case 'date':
          return { kind: 'date', secondsSince2001: v.secondsSince2001 };
        case 'data':
          return { kind: 'data', bytes: v.bytes };
        case 'uid':
          return { kind: 'raw', value: v };
      }
    }
  }
}

function liftDict(dict: PlistDict, depth: number, sink: ValueSink): Value {
  if (isWrapper(dict)) return liftWrapper(dict, depth, sink);
  if (isBareAttachment(dict)) return { kind: 'attachment', variable: liftReference(dict, depth, sink) };
  return { kind: 'map', entries: liftEntries(dict, depth, sink) };
}

function liftEntries(dict: PlistDict, depth: number, sink: ValueSink, skip?: ReadonlySet<string>): Entry<Value>[] {
  const entries: Entry<Value>[] = [];
  for (const [key, item] of dict) {
    if (skip?.has(key)) continue;
    entries.push({ key, value: lift(item, depth + 1, sink) });
  }
  return entries;
}

/** Adds `layout` only when it records something (absent means canonical). */
function withLayout<const T extends Value>(node: T, layout: Layout): T {
  return Object.keys(layout).length === 0 ? node : { ...node, layout };
}

function liftWrapper(dict: PlistDict, depth: number, sink: ValueSink): Value {
  const type = dict.get('WFSerializationType') as string;
  const inner = dict.get('Value')!;
  const wrapperOrder = recordOrder(dict, () => WRAPPER_ORDER);
  const layout: { wrapper?: readonly string[] } = wrapperOrder === undefined ? {} : { wrapper: wrapperOrder };
  const d = depth + 1;
  let typed: Value | undefined;
  switch (type) {
    case 'WFTextTokenString':
      typed = liftText(inner, d, sink, layout);
      break;
    case 'WFTextTokenAttachment':
      if (isDict(inner) && typeof inner.get('Type') === 'string') {
        typed = withLayout({ kind: 'variable', variable: liftReference(inner, d, sink) }, layout);
      }
      break;
    case 'WFDictionaryFieldValue':
      typed = liftDictionary(inner, d, sink, layout);
      break;
    case 'WFArrayParameterState':
      typed = liftArrayState(inner, d, sink, layout);
      break;
    case 'WFQuantityFieldValue':
      typed = liftQuantity(inner, d, sink, layout);
      break;
  }
  return typed ?? withLayout({ kind: 'serialized', serializationType: type, value: lift(inner, d, sink) }, layout);
}

// ─── Text with variables ─────────────────────────────────────────────────────

const TEXT_KEYS: ReadonlySet<string> = new Set(['string', 'attachmentsByRange']);
/** `{location, 1}` exactly as Apple writes it: no leading zeros, one space. */
const RANGE_KEY = /^\{(0|[1-9][0-9]{0,15}), 1\}$/;

function liftText(inner: PlistValue, depth: number, sink: ValueSink, layout: Layout): Value | undefined {
  if (!isDict(inner)) return undefined;
  for (const key of inner.keys()) if (!TEXT_KEYS.has(key)) return undefined;
  const text = inner.get('string');
  if (typeof text !== 'string') return undefined;
  const ranges = inner.get('attachmentsByRange');
  const hasAttachmentsKey = ranges !== undefined;
  const byLocation = new Map<number, PlistDict>();
  const locationsInFileOrder: number[] = [];
  if (ranges !== undefined) {
    if (!isDict(ranges)) return undefined;
    for (const [key, attachment] of ranges) {
      const match = RANGE_KEY.exec(key);
      if (match === null) return undefined;
      // JavaScript strings are UTF-16, so plist locations are string indexes.
      const location = Number(match[1]);
      if (location >= text.length || text.charCodeAt(location) !== 0xfffc) return undefined;
      if (!isDict(attachment) || typeof attachment.get('Type') !== 'string') return undefined;
      byLocation.set(location, attachment);
      locationsInFileOrder.push(location);
    }
  }
  const parts: TextPart[] = [];
  const variableLocations = [...byLocation.keys()].sort((a, b) => a - b);
  let from = 0;
  for (const location of variableLocations) {
    if (location > from) parts.push(text.slice(from, location));
    parts.push(liftReference(byLocation.get(location)!, depth + 2, sink));
    from = location + 1;
  }
  if (from < text.length) parts.push(text.slice(from));

  const valueOrder = recordOrder(inner, () => canonicalOrder(hasAttachmentsKey ? ['string', 'attachmentsByRange'] : ['string']));
  const full: { -readonly [K in keyof Layout]: Layout[K] } = { ...layout };
  if (valueOrder !== undefined) full.keys = valueOrder;
  if (ranges !== undefined && isDict(ranges)) {
    if (recordOrder(ranges, () => [...ranges.keys()].sort(compareKeys)) !== undefined) {
      const indexOf = new Map(variableLocations.map((location, i) => [location, i]));
      full.ranges = locationsInFileOrder.map((location) => indexOf.get(location)!);
    }
  }
  return withLayout({ kind: 'text', parts, hasAttachmentsKey }, full);
}

// ─── Attachments ─────────────────────────────────────────────────────────────

/** Lifts an attachment dictionary (its `Type` is a string). Never fails. */
export function liftReference(dict: PlistDict, depth: number, sink: ValueSink): VariableReference {
  if (depth > MAX_VALUE_DEPTH) throw new ValueTooDeepError();
  const type = dict.get('Type') as string;
  const typed = new Set<string>(['Type']);
  const str = (key: string): string | undefined => {
    const v = dict.get(key);
    if (typeof v !== 'string') return undefined;
    typed.add(key);
    return v;
  };
  let source: VariableSource | undefined;
  switch (type) {
    case 'ActionOutput': {
      const outputUuid = str('OutputUUID');
      if (outputUuid !== undefined) {
        const outputName = str('OutputName');
        source = outputName === undefined ? { kind: 'actionOutput', outputUuid } : { kind: 'actionOutput', outputUuid, outputName };
      }
      break;
    }
    case 'Variable': {
      const name = str('VariableName');
      if (name !== undefined) {
        const variableUuid = str('VariableUUID');
        source = variableUuid === undefined ? { kind: 'variable', name } : { kind: 'variable', name, variableUuid };
      }
      break;
    }
    case 'ExtensionInput':
      source = { kind: 'shortcutInput' };
      break;
    case 'Ask':
      source = { kind: 'ask' };
      break;
    case 'Clipboard':
      source = { kind: 'clipboard' };
      break;
    case 'CurrentDate':
      source = { kind: 'currentDate' };
      break;
    case 'DeviceDetails':
      source = { kind: 'deviceDetails' };
      break;
    case 'Input':
      source = { kind: 'input' };
      break;
  }
  source ??= { kind: 'other', type };

  const rawAggrandizements = dict.get('Aggrandizements');
  let aggrandizements: Aggrandizement[] = [];
  let hasAggrandizementsKey = false;
  if (Array.isArray(rawAggrandizements)) {
    typed.add('Aggrandizements');
    hasAggrandizementsKey = true;
    aggrandizements = rawAggrandizements.map((item) => liftAggrandizement(item, depth + 2, sink));
  }
  const extra = liftEntries(dict, depth, sink, typed);
  const keyOrder = recordOrder(dict, () => canonicalOrder([...typed], extra.map((e) => e.key)));
  const reference: VariableReference = {
    source,
    aggrandizements,
    hasAggrandizementsKey,
    extra,
    ...(keyOrder === undefined ? {} : { keyOrder }),
  };
  sink.reference?.(reference);
  return reference;
}

/** Aggrandizement `Type` → the IR kind and the one string key it types. */
const KEYED_AGGRANDIZEMENTS: ReadonlyMap<string, { kind: 'coercion' | 'dictionaryKey' | 'property'; key: string }> = new Map([
  ['WFCoercionVariableAggrandizement', { kind: 'coercion', key: 'CoercionItemClass' }],
  ['WFDictionaryValueVariableAggrandizement', { kind: 'dictionaryKey', key: 'DictionaryKey' }],
  ['WFPropertyVariableAggrandizement', { kind: 'property', key: 'PropertyName' }],
]);
const FIELD_AGGRANDIZEMENTS: ReadonlyMap<string, 'dateFormat' | 'unit'> = new Map([
  ['WFDateFormatVariableAggrandizement', 'dateFormat'],
  ['WFUnitVariableAggrandizement', 'unit'],
]);

function liftAggrandizement(item: PlistValue, depth: number, sink: ValueSink): Aggrandizement {
  const other = (): Aggrandizement => ({ kind: 'other', value: lift(item, depth, sink) });
  if (!isDict(item)) return other();
  const type = item.get('Type');
  if (typeof type !== 'string') return other();
  const keyed = KEYED_AGGRANDIZEMENTS.get(type);
  const fieldKind = FIELD_AGGRANDIZEMENTS.get(type);
  if (keyed === undefined && fieldKind === undefined) return other();
  const typedKeys = ['Type'];
  let keyValue: string | undefined;
  if (keyed !== undefined) {
    const v = item.get(keyed.key);
    if (typeof v !== 'string') return other();
    keyValue = v;
    typedKeys.push(keyed.key);
  }
  const rest: Entry<PlistValue>[] = [];
  for (const [key, v] of item) {
    if (typedKeys.includes(key)) continue;
    // Verbatim keys must not hide a reference; such an aggrandizement is lifted generically.
    if (mayHoldReference(v)) return other();
    rest.push({ key, value: v });
  }
  const keyOrder = recordOrder(item, () => canonicalOrder(typedKeys, rest.map((e) => e.key)));
  const order = keyOrder === undefined ? {} : { keyOrder };
  if (keyed !== undefined) {
    const v = keyValue!;
    switch (keyed.kind) {
      case 'coercion':
        return { kind: 'coercion', itemClass: v, extra: rest, ...order };
      case 'dictionaryKey':
        return { kind: 'dictionaryKey', key: v, extra: rest, ...order };
      case 'property':
        return { kind: 'property', name: v, extra: rest, ...order };
    }
  }
  return { kind: fieldKind!, fields: rest, ...order };
}

// ─── Dictionaries, arrays, quantities ────────────────────────────────────────

const ITEM_KEYS: readonly string[] = ['WFItemType', 'WFKey', 'WFValue'];

function liftDictionary(inner: PlistValue, depth: number, sink: ValueSink, layout: Layout): Value | undefined {
  if (!isDict(inner) || inner.size !== 1) return undefined;
  const rawItems = inner.get('WFDictionaryFieldValueItems');
  if (!Array.isArray(rawItems)) return undefined;
  const items: DictionaryItem[] = [];
  for (const raw of rawItems) {
    if (!isDict(raw)) return undefined;
    const itemType = safeInteger(raw.get('WFItemType'));
    if (itemType === undefined) return undefined;
    const extra: Entry<PlistValue>[] = [];
    for (const [key, v] of raw) {
      if (ITEM_KEYS.includes(key)) continue;
      if (mayHoldReference(v)) return undefined;
      extra.push({ key, value: v });
    }
    const rawKey = raw.get('WFKey');
    const rawValue = raw.get('WFValue');
    const typed = ITEM_KEYS.filter((key) => raw.has(key));
    const keyOrder = recordOrder(raw, () => canonicalOrder(typed, extra.map((e) => e.key)));
    items.push({
      itemType,
      ...(rawKey === undefined ? {} : { key: lift(rawKey, depth + 3, sink) }),
      ...(rawValue === undefined ? {} : { value: lift(rawValue, depth + 3, sink) }),
      extra,
      ...(keyOrder === undefined ? {} : { keyOrder }),
    });
  }
  return withLayout({ kind: 'dictionary', items }, layout);
}

function liftArrayState(inner: PlistValue, depth: number, sink: ValueSink, layout: Layout): Value | undefined {
  if (!Array.isArray(inner)) return undefined;
  const items: ArrayStateItem[] = inner.map((raw) => liftArrayStateItem(raw, depth + 1, sink));
  return withLayout({ kind: 'arrayState', items }, layout);
}

function liftArrayStateItem(raw: PlistValue, depth: number, sink: ValueSink): ArrayStateItem {
  const plain = (): ArrayStateItem => ({ kind: 'plain', value: lift(raw, depth, sink) });
  if (!isDict(raw)) return plain();
  const itemType = safeInteger(raw.get('WFItemType'));
  const rawValue = raw.get('WFValue');
  if (itemType === undefined || rawValue === undefined) return plain();
  const extra: Entry<PlistValue>[] = [];
  for (const [key, v] of raw) {
    if (key === 'WFItemType' || key === 'WFValue') continue;
    if (mayHoldReference(v)) return plain();
    extra.push({ key, value: v });
  }
  const keyOrder = recordOrder(raw, () => canonicalOrder(['WFItemType', 'WFValue'], extra.map((e) => e.key)));
  return {
    kind: 'typed',
    itemType,
    value: lift(rawValue, depth + 1, sink),
    extra,
    ...(keyOrder === undefined ? {} : { keyOrder }),
  };
}

function liftQuantity(inner: PlistValue, depth: number, sink: ValueSink, layout: Layout): Value | undefined {
  if (!isDict(inner)) return undefined;
  for (const key of inner.keys()) if (key !== 'Magnitude' && key !== 'Unit') return undefined;
  const unit = inner.get('Unit');
  if (unit !== undefined && typeof unit !== 'string') return undefined;
  const magnitude = inner.get('Magnitude');
  const keys = recordOrder(inner, () => canonicalOrder([...inner.keys()]));
  const full: Layout = keys === undefined ? layout : { ...layout, keys };
  return withLayout(
    {
      kind: 'quantity',
      ...(magnitude === undefined ? {} : { magnitude: lift(magnitude, depth + 1, sink) }),
      ...(unit === undefined ? {} : { unit }),
    },
    full,
  );
}
