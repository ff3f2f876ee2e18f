import { describe, expect, it } from 'vitest';
import type { TextValue, Value, VariableReference } from '../../src/ir/types.js';
import { referencesIn } from '../../src/ir/walk.js';
import { liftParameterValue, lowerValue } from '../../src/lift/index.js';
import { firstDifference } from '../../src/plist/equal.js';
import { data, date, uid, type PlistValue } from '../../src/plist/value.js';
import { d, int, liftParameter, named, output, real, text, tokenAttachment, wrapper } from '../support/shortcut-build.js';

function variableOf(value: Value): VariableReference {
  if (value.kind !== 'variable' && value.kind !== 'attachment') throw new Error(`expected a variable, got ${value.kind}`);
  return value.variable;
}

describe('plain values', () => {
  it('keeps strings, integers, reals, booleans, dates and data with their kinds', () => {
    expect(liftParameter('hello')).toEqual({ kind: 'string', value: 'hello' });
    expect(liftParameter(int(3))).toEqual({ kind: 'integer', value: 3n });
    expect(liftParameter(int(-1263359489))).toEqual({ kind: 'integer', value: -1263359489n });
    expect(liftParameter(int(2n ** 64n - 1n))).toEqual({ kind: 'integer', value: 2n ** 64n - 1n });
    expect(liftParameter(real(3))).toEqual({ kind: 'real', value: 3 });
    expect(liftParameter(real(Number.NaN))).toEqual({ kind: 'real', value: Number.NaN });
    expect(liftParameter(true)).toEqual({ kind: 'boolean', value: true });
    expect(liftParameter(date(12.5))).toEqual({ kind: 'date', secondsSince2001: 12.5 });
    expect(liftParameter(data(new Uint8Array([1, 2, 3])))).toMatchObject({ kind: 'data' });
  });

  it('lifts arrays and dictionaries item by item, keeping dictionary order', () => {
    const value = liftParameter([d([['b', 'x'], ['a', int(1)]]), 'y']);
    expect(value).toEqual({
      kind: 'list',
      items: [
        { kind: 'map', entries: [{ key: 'b', value: { kind: 'string', value: 'x' } }, { key: 'a', value: { kind: 'integer', value: 1n } }] },
        { kind: 'string', value: 'y' },
      ],
    });
  });

  it('keeps a keyed-archiver UID as a raw value', () => {
    expect(liftParameter(uid(7))).toEqual({ kind: 'raw', value: { kind: 'uid', value: 7 } });
  });
});

describe('text with variables (WFTextTokenString)', () => {
  it('splits text into literal runs and variables', () => {
    const value = liftParameter(text('Hi \uFFFC, bye \uFFFC', [['{3, 1}', output('A-1', 'Name')], ['{10, 1}', named('X')]])) as TextValue;
    expect(value.kind).toBe('text');
    expect(value.parts.map((p) => (typeof p === 'string' ? p : p.source.kind))).toEqual(['Hi ', 'actionOutput', ', bye ', 'variable']);
  });

  it('counts locations in UTF-16 units, so astral characters before a variable count twice', () => {
    // 😀 is two UTF-16 units: the variable sits at 2, not 1.
    const value = liftParameter(text('😀\uFFFC𝄞', [['{2, 1}', named('X')]])) as TextValue;
    expect(value.kind).toBe('text');
    expect(value.parts).toHaveLength(3);
    expect(value.parts[0]).toBe('😀');
    expect(value.parts[2]).toBe('𝄞');
  });

  it('keeps a U+FFFC that no attachment points at as a literal character', () => {
    const value = liftParameter(text('a\uFFFCb\uFFFC', [['{3, 1}', named('X')]])) as TextValue;
    expect(value.kind).toBe('text');
    expect(value.parts[0]).toBe('a\uFFFCb');
    expect(typeof value.parts[1]).toBe('object');
  });

  it('remembers whether attachmentsByRange was there at all', () => {
    const value = liftParameter(wrapper('WFTextTokenString', d({ string: 'plain' }))) as TextValue;
    expect(value).toEqual({ kind: 'text', parts: ['plain'], hasAttachmentsKey: false });
    expect((liftParameter(text('plain')) as TextValue).hasAttachmentsKey).toBe(true);
  });

  it('keeps the order of attachmentsByRange when it is not sorted', () => {
    const value = liftParameter(text('\uFFFC \uFFFC', [['{2, 1}', named('B')], ['{0, 1}', named('A')]])) as TextValue;
    expect(value.layout?.ranges).toEqual([1, 0]);
  });

  it.each([
    ['a range of length 2', [['{0, 2}', named('X')]]],
    ['a range past the end', [['{5, 1}', named('X')]]],
    ['a range on a character other than U+FFFC', [['{1, 1}', named('X')]]],
    ['a range key with a leading zero', [['{00, 1}', named('X')]]],
    ['an attachment without Type', [['{0, 1}', d({ VariableName: 'X' })]]],
  ] as const)('lifts %s to a serialized value that lowers back exactly', (_label, ranges) => {
    const value = liftParameter(text('\uFFFCab', ranges));
    expect(value.kind).toBe('serialized');
  });

  it('still types the variables inside a text it cannot type', () => {
    const value = liftParameter(text('\uFFFC', [['{0, 2}', output('U-1')]]));
    expect(value.kind).toBe('serialized');
    expect([...referencesIn(value)].map((r) => r.source)).toEqual([{ kind: 'actionOutput', outputUuid: 'U-1' }]);
  });
});

describe('variables (WFTextTokenAttachment) and their sources', () => {
  it.each([
    ['ActionOutput', output('U-1', 'Result'), { kind: 'actionOutput', outputUuid: 'U-1', outputName: 'Result' }],
    ['ActionOutput without a name', output('U-1'), { kind: 'actionOutput', outputUuid: 'U-1' }],
    ['Variable', named('Count'), { kind: 'variable', name: 'Count' }],
    ['Variable with a UUID', named('Count', { VariableUUID: 'V-1' }), { kind: 'variable', name: 'Count', variableUuid: 'V-1' }],
    ['ExtensionInput', d({ Type: 'ExtensionInput' }), { kind: 'shortcutInput' }],
    ['Ask', d({ Type: 'Ask' }), { kind: 'ask' }],
    ['Clipboard', d({ Type: 'Clipboard' }), { kind: 'clipboard' }],
    ['CurrentDate', d({ Type: 'CurrentDate' }), { kind: 'currentDate' }],
    ['DeviceDetails', d({ Type: 'DeviceDetails' }), { kind: 'deviceDetails' }],
    ['Input', d({ Type: 'Input' }), { kind: 'input' }],
    ['an unknown Type', d({ Type: 'FutureThing', Extra: int(1) }), { kind: 'other', type: 'FutureThing' }],
    ['ActionOutput without OutputUUID', d({ Type: 'ActionOutput' }), { kind: 'other', type: 'ActionOutput' }],
  ] as const)('%s', (_label, attachment, source) => {
    const variable = variableOf(liftParameter(tokenAttachment(attachment)));
    expect(variable.source).toEqual(source);
  });

  it('keeps keys it does not type as lifted values, so a nested reference stays typed', () => {
    const variable = variableOf(liftParameter(tokenAttachment(named('X', { Nested: tokenAttachment(output('U-9')) }))));
    expect(variable.extra.map((e) => e.key)).toEqual(['Nested']);
    const nested = [...referencesIn({ kind: 'variable', variable })];
    expect(nested.map((r) => r.source.kind)).toEqual(['variable', 'actionOutput']);
  });

  it('keeps the attachment key order when it is not canonical', () => {
    const attachment = d([['VariableName', 'X'], ['Type', 'Variable']]);
    const variable = variableOf(liftParameter(tokenAttachment(attachment)));
    expect(variable.keyOrder).toEqual(['VariableName', 'Type']);
  });

  it('keeps a wrapper written type first', () => {
    const value = liftParameter(d([['WFSerializationType', 'WFTextTokenAttachment'], ['Value', d({ Type: 'Ask' })]]));
    expect(value).toMatchObject({ kind: 'variable', layout: { wrapper: ['WFSerializationType', 'Value'] } });
  });
});

describe('aggrandizements', () => {
  const aggrandizements: PlistValue[] = [
    d({ CoercionItemClass: 'WFDictionaryContentItem', Type: 'WFCoercionVariableAggrandizement' }),
    d({ DictionaryKey: 'name', Type: 'WFDictionaryValueVariableAggrandizement' }),
    d({ PropertyName: 'File Extension', PropertyUserInfo: 'WFFileExtension', Type: 'WFPropertyVariableAggrandizement' }),
    d({ Type: 'WFDateFormatVariableAggrandizement', WFDateFormatStyle: 'Custom', WFDateFormat: 'yyyy', WFISO8601IncludeTime: false }),
    d({ Type: 'WFUnitVariableAggrandizement', WFUnit: 'km' }),
    d({ Type: 'WFFutureAggrandizement', Anything: int(2) }),
  ];

  it('lifts each kind, in order', () => {
    const variable = variableOf(liftParameter(tokenAttachment(named('X', { Aggrandizements: aggrandizements }))));
    expect(variable.hasAggrandizementsKey).toBe(true);
    expect(variable.aggrandizements.map((a) => a.kind)).toEqual(['coercion', 'dictionaryKey', 'property', 'dateFormat', 'unit', 'other']);
    expect(variable.aggrandizements[0]).toEqual({ kind: 'coercion', itemClass: 'WFDictionaryContentItem', extra: [] });
    expect(variable.aggrandizements[1]).toEqual({ kind: 'dictionaryKey', key: 'name', extra: [] });
    expect(variable.aggrandizements[2]).toEqual({ kind: 'property', name: 'File Extension', extra: [{ key: 'PropertyUserInfo', value: 'WFFileExtension' }] });
    const dateFormat = variable.aggrandizements[3]!;
    expect(dateFormat.kind === 'dateFormat' && dateFormat.fields.map((f) => f.key)).toEqual(['WFDateFormatStyle', 'WFDateFormat', 'WFISO8601IncludeTime']);
  });

  it('keeps an empty Aggrandizements array apart from none', () => {
    expect(variableOf(liftParameter(tokenAttachment(named('X', { Aggrandizements: [] })))).hasAggrandizementsKey).toBe(true);
    expect(variableOf(liftParameter(tokenAttachment(named('X')))).hasAggrandizementsKey).toBe(false);
  });

  it('lifts a typed aggrandizement whose extra key holds a variable generically, keeping the variable typed', () => {
    const odd = d({ DictionaryKey: 'k', Type: 'WFDictionaryValueVariableAggrandizement', Hidden: tokenAttachment(output('U-2')) });
    const variable = variableOf(liftParameter(tokenAttachment(named('X', { Aggrandizements: [odd] }))));
    expect(variable.aggrandizements[0]!.kind).toBe('other');
    expect([...referencesIn({ kind: 'variable', variable })].some((r) => r.source.kind === 'actionOutput')).toBe(true);
  });

  it('keeps an Aggrandizements key that is not an array verbatim', () => {
    const variable = variableOf(liftParameter(tokenAttachment(named('X', { Aggrandizements: 'nope' }))));
    expect(variable.hasAggrandizementsKey).toBe(false);
    expect(variable.extra).toEqual([{ key: 'Aggrandizements', value: { kind: 'string', value: 'nope' } }]);
  });
});

describe('dictionaries (WFDictionaryFieldValue)', () => {
  const item = (type: number, key: PlistValue, value: PlistValue): PlistValue => d({ WFItemType: int(type), WFKey: key, WFValue: value });
  const nested = wrapper(
    'WFDictionaryFieldValue',
    d({
      WFDictionaryFieldValueItems: [
        item(0, text('name'), text('Ann')),
        item(1, text('inner'), wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: [item(3, text('n'), text('1'))] }))),
        item(2, text('list'), wrapper('WFArrayParameterState', ['a', d({ WFItemType: int(0), WFValue: text('b') })])),
        item(3, text('age'), text('42')),
        item(4, text('ok'), wrapper('WFNumberSubstitutableState', true)),
        item(5, text('file'), wrapper('WFTokenAttachmentParameterState', tokenAttachment(d({ Type: 'ExtensionInput' })))),
      ],
    }),
  );

  it('lifts items of every type, nesting recursively', () => {
    const value = liftParameter(nested, 'WFItems');
    expect(value.kind).toBe('dictionary');
    if (value.kind !== 'dictionary') return;
    expect(value.items.map((i) => i.itemType)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(value.items[1]!.value?.kind).toBe('dictionary');
    expect(value.items[2]!.value?.kind).toBe('arrayState');
    expect(value.items[4]!.value).toEqual({ kind: 'serialized', serializationType: 'WFNumberSubstitutableState', value: { kind: 'boolean', value: true } });
  });

  it('keeps an item without WFValue and an item with the key first', () => {
    const value = liftParameter(
      wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: [d({ WFItemType: int(5), WFKey: text('k') }), d([['WFKey', 'k'], ['WFItemType', int(0)], ['WFValue', 'v']])] })),
      'WFItems',
    );
    if (value.kind !== 'dictionary') throw new Error(value.kind);
    expect(value.items[0]!.value).toBeUndefined();
    expect(value.items[1]!.keyOrder).toEqual(['WFKey', 'WFItemType', 'WFValue']);
  });

  it('lifts a dictionary wrapped twice (as one generator writes it) as a serialized dictionary', () => {
    const value = liftParameter(wrapper('WFDictionaryFieldValue', wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: [] }))), 'WFItems');
    expect(value).toEqual({ kind: 'serialized', serializationType: 'WFDictionaryFieldValue', value: { kind: 'dictionary', items: [] } });
  });

  it('lifts an item type that is not an integer as a serialized value', () => {
    const value = liftParameter(wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: [d({ WFItemType: 'zero', WFKey: 'k', WFValue: 'v' })] })), 'WFItems');
    expect(value.kind).toBe('serialized');
  });
});

describe('array states, quantities and other wrappers', () => {
  it('lifts WFArrayParameterState items as plain or typed', () => {
    const value = liftParameter(wrapper('WFArrayParameterState', ['plain', d({ WFItemType: int(0), WFValue: text('typed') }), d({ Other: 'map' })]));
    if (value.kind !== 'arrayState') throw new Error(value.kind);
    expect(value.items.map((i) => i.kind)).toEqual(['plain', 'typed', 'plain']);
  });

  it('lifts WFQuantityFieldValue with a variable, a string, a number or only a unit', () => {
    const variableMagnitude = liftParameter(wrapper('WFQuantityFieldValue', d([['Unit', 'km'], ['Magnitude', output('U-3')]])));
    expect(variableMagnitude).toMatchObject({ kind: 'quantity', unit: 'km', magnitude: { kind: 'attachment' }, layout: { keys: ['Unit', 'Magnitude'] } });
    expect(liftParameter(wrapper('WFQuantityFieldValue', d({ Magnitude: '5', Unit: 'kg' })))).toEqual({
      kind: 'quantity',
      magnitude: { kind: 'string', value: '5' },
      unit: 'kg',
    });
    expect(liftParameter(wrapper('WFQuantityFieldValue', d({ Magnitude: int(5), Unit: 'kg' })))).toMatchObject({ magnitude: { kind: 'integer' } });
    expect(liftParameter(wrapper('WFQuantityFieldValue', d({ Unit: 'kg' })))).toEqual({ kind: 'quantity', unit: 'kg' });
    expect(liftParameter(wrapper('WFQuantityFieldValue', d({ Unit: int(1) }))).kind).toBe('serialized');
  });

  it('keeps other wrappers as serialized values with their insides lifted', () => {
    const offset = liftParameter(wrapper('WFTimeOffsetValue', d({ Operation: 'Add', Unit: 'Minute', Value: named('Minutes') })));
    expect(offset).toMatchObject({ kind: 'serialized', serializationType: 'WFTimeOffsetValue', value: { kind: 'map' } });
    expect([...referencesIn(offset)].map((r) => r.source)).toEqual([{ kind: 'variable', name: 'Minutes' }]);
  });

  it('treats a dictionary with a wrapper key but extra keys as a plain map', () => {
    expect(liftParameter(d({ Value: 'x', WFSerializationType: 'WFTextTokenString', Extra: true })).kind).toBe('map');
  });

  it('recognises bare attachments only when their source is complete', () => {
    expect(liftParameter(output('U-4')).kind).toBe('attachment');
    expect(liftParameter(d({ Type: 'Variable', Variable: tokenAttachment(output('U-5')) })).kind).toBe('map');
  });
});

describe('liftParameterValue', () => {
  it('lowers back to the same value', () => {
    const value = text('x \uFFFC', [['{2, 1}', named('Y')]]);
    const lifted = liftParameterValue(value);
    expect(lifted.ok && firstDifference(lowerValue(lifted.value), value, { keyOrder: true })).toBeUndefined();
  });

  it('fails with SC3002, without throwing, on a value nested beyond the limit', () => {
    let deep: PlistValue = 'x';
    for (let i = 0; i < 5000; i++) deep = [deep];
    const lifted = liftParameterValue(deep);
    expect(lifted.ok).toBe(false);
    expect(lifted.diagnostics[0]!.code).toBe('SC3002');
  });
});
