import { describe, expect, it } from 'vitest';
import { action, d, int, named, output, real, text, tokenAttachment, wrapper } from '../support/shortcut-build.js';
import type { PlistDict, PlistValue } from '../../src/plist/value.js';
import { body } from './helpers.js';

/** The code of one Show Result action whose `WFInput` is `value` (after a Text action named `x`). */
function spelled(value: PlistValue): string {
  const lines = body([
    action('is.workflow.actions.gettext', { UUID: 'A1', WFTextActionText: 'x' }),
    action('is.workflow.actions.showresult', { WFInput: value }),
  ]).split('\n');
  const line = lines.find((l) => l.startsWith('is_workflow_actions_showresult('))!;
  return line.slice('is_workflow_actions_showresult(WFInput='.length, -1);
}

const x = (extra: Record<string, PlistValue> = {}): PlistDict => output('A1', 'Text', extra);

describe('plain values (dialect §6.1)', () => {
  it('strings, numbers, booleans', () => {
    expect(spelled('hello')).toBe("'''hello'''");
    expect(spelled('')).toBe("''");
    expect(spelled(int(3))).toBe('3');
    expect(spelled(int(-3))).toBe('-3');
    expect(spelled(int(2n ** 64n - 1n))).toBe('18446744073709551615');
    expect(spelled(real(3))).toBe('3.0');
    expect(spelled(real(-2.5))).toBe('-2.5');
    expect(spelled(real(1e21))).toBe('1e+21');
    expect(spelled(real(1e20))).toBe('100000000000000000000.0');
    expect(spelled(real(-0))).toBe('-0.0');
    expect(spelled(real(Number.NaN))).toBe("float('nan')");
    expect(spelled(real(Infinity))).toBe("float('inf')");
    expect(spelled(real(-Infinity))).toBe("-float('inf')");
    expect(spelled(true)).toBe('True');
  });

  it('dates as Python writes them, or seconds since 2001', () => {
    expect(spelled({ kind: 'date', secondsSince2001: 0 })).toBe('datetime.datetime(2001, 1, 1, 0, 0)');
    expect(spelled({ kind: 'date', secondsSince2001: 466883990.000917 })).toBe('datetime.datetime(2015, 10, 18, 17, 59, 50, 917)');
    expect(spelled({ kind: 'date', secondsSince2001: 1.5 })).toBe('datetime.datetime(2001, 1, 1, 0, 0, 1, 500000)');
    expect(spelled({ kind: 'date', secondsSince2001: 0.1234567 })).toBe('plist_date(0.1234567)');
    expect(spelled({ kind: 'date', secondsSince2001: -1e13 })).toBe('plist_date(-10000000000000.0)');
    expect(spelled({ kind: 'date', secondsSince2001: -0 })).toBe('plist_date(-0.0)');
  });

  it('data, lists, plain dictionaries, keyed-archiver UIDs', () => {
    expect(spelled({ kind: 'data', bytes: new Uint8Array([0x89, 0x50, 0x27]) })).toBe("b'\\x89P\\''");
    expect(spelled(['a', int(1)])).toBe("['''a''', 1]");
    expect(spelled(d({ BundleIdentifier: 'com.apple.Maps', 'Show-it': true, class: int(1) }))).toBe(
      "dict(BundleIdentifier='''com.apple.Maps''', **{'Show-it': True}, **{'class': 1})",
    );
    expect(spelled(d({}))).toBe('dict()');
    expect(spelled({ kind: 'uid', value: 3 })).toBe('plist(plistlib.UID(3))');
  });
});

describe('text and variables (dialect §6.2)', () => {
  it('a token attachment is a variable expression; text holding only it is an f-string', () => {
    expect(spelled(tokenAttachment(x()))).toBe('text');
    expect(spelled(text('\uFFFC', [['{0, 1}', x()]]))).toBe("f'''{text}'''");
    expect(spelled(text('a {b} \uFFFC!', [['{6, 1}', x()]]))).toBe("f'''a {{b}} {text}!'''");
    expect(spelled(text('plain'))).toBe("f'''plain'''");
  });

  it('a text without attachmentsByRange is written generically', () => {
    expect(spelled(wrapper('WFTextTokenString', d({ string: 'old' })))).toBe("WFTextTokenString(string='''old''')");
  });

  it('aggrandizements chain in order', () => {
    const agg = (...a: PlistValue[]): PlistValue => tokenAttachment(x({ Aggrandizements: a }));
    expect(spelled(agg(d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'Width' })))).toBe('text.Width');
    // Name, File Extension and File Size carry the PropertyUserInfo Shortcuts always gives them; getattr says what differs.
    expect(spelled(agg(d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'File Extension', PropertyUserInfo: 'WFFileExtensionProperty' })))).toBe('text.File_Extension');
    expect(spelled(agg(d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'Name', PropertyUserInfo: 'WFItemName' })))).toBe('text.Name');
    expect(spelled(agg(d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'File Extension' })))).toBe('getattr(text, "File Extension", PropertyUserInfo=None)');
    expect(spelled(agg(d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'file-name' })))).toBe('getattr(text, "file-name")');
    expect(spelled(agg(d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'Name', PropertyUserInfo: int(4) })))).toBe(
      'getattr(text, "Name", PropertyUserInfo=4)',
    );
    expect(spelled(agg(d({ Type: 'WFDictionaryValueVariableAggrandizement', DictionaryKey: 'a b' })))).toBe('text["a b"]');
    expect(
      spelled(
        agg(
          d({ Type: 'WFCoercionVariableAggrandizement', CoercionItemClass: 'WFDictionaryContentItem' }),
          d({ Type: 'WFDictionaryValueVariableAggrandizement', DictionaryKey: 'k' }),
          d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'Width' }),
        ),
      ),
    ).toBe('coerce_variable(value=text, coercion_class="WFDictionaryContentItem")["k"].Width');
    expect(spelled(agg(d({ Type: 'WFDateFormatVariableAggrandizement', WFDateFormatStyle: 'Custom', WFDateFormat: 'yyyy', WFISO8601IncludeTime: false })))).toBe(
      "format_date(value=text, date_format='''Custom''', WFDateFormat='''yyyy''', iso_include_time=False)",
    );
    expect(spelled(agg(d({ Type: 'WFUnitVariableAggrandizement', WFUnitSymbol: 'km', WFMeasurementUnitType: 'Length' })))).toBe(
      "unit_variable_transform(value=text, unit_symbol='''km''', unit_type='''Length''')",
    );
    expect(spelled(agg(d({ Type: 'WFMysteryAggrandizement', Depth: int(2) })))).toBe(
      "aggrandize(value=text, aggrandizement=dict(Type='''WFMysteryAggrandizement''', Depth=2))",
    );
    expect(spelled(agg(d({ Type: 'WFDictionaryValueVariableAggrandizement', DictionaryKey: 'k', Extra: true })))).toBe(
      "aggrandize(value=text, aggrandizement=dict(Type='''WFDictionaryValueVariableAggrandizement''', DictionaryKey='''k''', Extra=True))",
    );
  });

  it('magic sources', () => {
    const source = (type: string, extra: Record<string, PlistValue> = {}): string => spelled(tokenAttachment(d({ Type: type, ...extra })));
    expect(source('ExtensionInput')).toBe('Shortcut_Input');
    expect(source('Ask')).toBe('Ask_Each_Time');
    expect(source('Input')).toBe('Action_Input');
    expect(source('CurrentDate')).toBe('datetime.datetime.now()');
    expect(source('Clipboard')).toBe('is_workflow_actions_getclipboard()');
    expect(source('DeviceDetails')).toBe('is_workflow_actions_getdevicedetails()');
    expect(source('DeviceDetails', { Aggrandizements: [d({ Type: 'WFPropertyVariableAggrandizement', PropertyName: 'Device Name' })] })).toBe(
      'is_workflow_actions_getdevicedetails(["Device Name"])',
    );
    expect(source('HomeAccessory', { HomeService: 'Lamp' })).toBe(
      "WFTextTokenAttachment(attachment(Type='''HomeAccessory''', HomeService='''Lamp'''))",
    );
  });

  it('references that differ from their variable expression carry overrides', () => {
    // Two references carry OutputName "Text" (the usual value); the third differs.
    const twice = (odd: PlistValue): string => {
      const lines = body([
        action('is.workflow.actions.gettext', { UUID: 'A1', WFTextActionText: 'x' }),
        action('is.workflow.actions.showresult', { WFInput: tokenAttachment(x()) }),
        action('is.workflow.actions.showresult', { WFInput: tokenAttachment(x()) }),
        action('is.workflow.actions.showresult', { WFInput: odd }),
      ]).split('\n');
      return lines.filter((l) => l.startsWith('is_workflow_actions_showresult(')).map((l) => l.slice('is_workflow_actions_showresult(WFInput='.length, -1))[2]!;
    };
    expect(twice(tokenAttachment(output('A1', 'Other')))).toBe('WFTextTokenAttachment(attachment(text, OutputName="Other"))');
    expect(twice(tokenAttachment(output('A1')))).toBe('WFTextTokenAttachment(attachment(text, OutputName=None))');
    expect(twice(text('\uFFFC', [['{0, 1}', output('A1', 'Other')]]))).toBe(`f'''{attachment(text, OutputName="Other")}'''`);
    expect(spelled(tokenAttachment(x({ Aggrandizements: [] })))).toBe('WFTextTokenAttachment(attachment(text, Aggrandizements=[]))');
    expect(spelled(tokenAttachment(x({ Serial: int(7) })))).toBe('WFTextTokenAttachment(attachment(text, Serial=7))');
    expect(spelled(tokenAttachment(output('MISSING', 'Gone')))).toBe(
      "WFTextTokenAttachment(attachment(OutputName='''Gone''', OutputUUID='''MISSING''', Type='''ActionOutput'''))",
    );
  });

  it('a bare attachment is attachment(...)', () => {
    const quantity = wrapper('WFQuantityFieldValue', d({ Magnitude: named('Minutes'), Unit: 'min' }));
    expect(spelled(quantity)).toBe("WFQuantityFieldValue(Magnitude=attachment(Minutes), Unit='''min''')");
  });

  it('interpolations that CPython 3.11 cannot hold make the text generic', () => {
    const key = (k: string): PlistDict => x({ Aggrandizements: [d({ Type: 'WFDictionaryValueVariableAggrandizement', DictionaryKey: k })] });
    expect(spelled(text('\uFFFC', [['{0, 1}', key("it's")]]))).toBe(`f'''{text["it's"]}'''`);
    expect(spelled(text('\uFFFC', [['{0, 1}', key('say "hi"')]]))).toBe(`f'''{text['say "hi"']}'''`);
    expect(spelled(text('\uFFFC', [['{0, 1}', key(`both ' and "`)]]))).toMatch(/^WFTextTokenString\(/);
    expect(spelled(text('\uFFFC', [['{0, 1}', key("three '''")]]))).toMatch(/^WFTextTokenString\(/);
    expect(spelled(text('\uFFFC', [['{0, 1}', key('a\nb')]]))).toBe(
      "WFTextTokenString(attachmentsByRange=dict(**{'{0, 1}': attachment(text[\"a\\nb\"])}), string='''\uFFFC''')",
    );
  });
});

describe('dictionaries (dialect §6.5)', () => {
  const item = (type: number, key: PlistValue, value: PlistValue): PlistValue => d({ WFItemType: int(type), WFKey: key, WFValue: value });
  const dictionary = (...items: PlistValue[]): PlistValue => wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: items }));
  const array = (...items: PlistValue[]): PlistValue => wrapper('WFArrayParameterState', items);

  it('items spell their type', () => {
    const value = dictionary(
      item(0, text('name'), text('Ann \uFFFC', [['{4, 1}', x()]])),
      item(0, 'plain', 'string'),
      item(3, text('age'), text('42')),
      item(3, text('t'), text('-0.50')),
      item(4, text('ok'), wrapper('WFNumberSubstitutableState', true)),
      item(1, text('inner'), wrapper('WFDictionaryFieldValue', dictionary(item(0, text('k'), text('v'))))),
      item(2, text('list'), array('a', d({ WFItemType: int(0), WFValue: text('b') }), d({ WFItemType: int(3), WFValue: text('1') }))),
    );
    expect(spelled(value)).toBe(
      `{"name": f'''Ann {text}''', plist("plain"): plist("string"), "age": 42, "t": -0.50, "ok": True, "inner": {"k": '''v'''}, "list": ['''a''', f'''b''', 1]}`,
    );
  });

  it('inside a display the undecorated string is a token string; f only where there are variables', () => {
    expect(spelled(dictionary(item(0, text('username'), text('')), item(0, text('\uFFFC', [['{0, 1}', x()]]), text('password'))))).toBe(
      `{"username": '', f"{text}": '''password'''}`,
    );
    // In arrays Shortcuts writes plain strings, so there the undecorated string stays plain and a token string keeps its f.
    expect(spelled(dictionary(item(2, text('l'), array('plain', d({ WFItemType: int(0), WFValue: text('token') })))))).toBe(`{"l": ['''plain''', f'''token''']}`);
  });

  it('a key the display cannot say is written in the value grammar in place', () => {
    // A token string without variables and without attachmentsByRange, in a file whose default has the key.
    const bare = wrapper('WFTextTokenString', d({ string: 'k' }));
    expect(spelled(dictionary(item(0, bare, text('v'))))).toBe(`{WFTextTokenString(string='''k'''): '''v'''}`);
  });

  it('an item the item grammar cannot say is written in place as its own dictionary', () => {
    expect(spelled(dictionary(item(3, text('n'), text('\uFFFC', [['{0, 1}', x()]])), item(0, text('k'), text('v'))))).toBe(
      `{"n": dict(WFItemType=3, WFValue=f'''{text}'''), "k": '''v'''}`,
    );
    expect(spelled(dictionary(d({ WFItemType: int(5), WFKey: text('k') })))).toBe(`{"k": dict(WFItemType=5)}`);
    expect(spelled(dictionary(d({ WFItemType: int(0), WFKey: text('k'), WFValue: text('v'), Note: 'x' })))).toBe(`{"k": dict(WFItemType=0, WFValue=f'''v''', Note='''x''')}`);
    // In an array too, so that one odd item does not make the array generic.
    expect(spelled(dictionary(item(2, text('l'), array('a', d({ WFItemType: int(3), WFValue: text('\uFFFC', [['{0, 1}', x()]]) })))))).toBe(
      `{"l": ['''a''', dict(WFItemType=3, WFValue=f'''{text}''')]}`,
    );
  });

  it('only an item without a key makes the whole dictionary generic', () => {
    expect(spelled(dictionary(d({ WFItemType: int(0), WFValue: text('v') })))).toBe(
      "WFDictionaryFieldValue(WFDictionaryFieldValueItems=[dict(WFItemType=0, WFValue=f'''v''')])",
    );
  });

  it('other wrappers are constructor calls named by their type', () => {
    expect(spelled(wrapper('WFTimeOffsetValue', d({ Operation: 'Add', Unit: 'Minute', Value: int(6) })))).toBe(
      "WFTimeOffsetValue(Operation='''Add''', Unit='''Minute''', Value=6)",
    );
    expect(spelled(wrapper('WFNumberSubstitutableState', false))).toBe('WFNumberSubstitutableState(False)');
    expect(spelled(wrapper('WFContactFieldValue', d({})))).toBe('WFContactFieldValue()');
    expect(spelled(wrapper('not a name', int(1)))).toBe('serialized("not a name", 1)');
    expect(spelled(wrapper('dict', int(1)))).toBe('serialized("dict", 1)');
    expect(spelled(array('a', 'b'))).toBe("WFArrayParameterState(['''a''', '''b'''])");
  });
});
