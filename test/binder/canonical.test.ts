import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/index.js';
import type { PlistDict, PlistValue } from '../../src/plist/value.js';
import { action, control, d, int, named, output, real, text, tokenAttachment, wrapper } from '../support/shortcut-build.js';
import { codes, compiled, expectActions, identifierOf, ok, parametersOf } from './helpers.js';

/** Canonical code: a file with the header; every spelling means exactly what grammars/dialect.md says. */
const HEADER = '__workflow__ = {"WFWorkflowClientVersion": "1146.11.1", "WFWorkflowMinimumClientVersion": 900}\n';

function canonical(body: string, header = HEADER): ReturnType<typeof ok> {
  return ok(`${header}${body}`);
}

function only(body: string, header = HEADER): PlistDict {
  const result = canonical(body, header);
  expect(result.actions).toHaveLength(1);
  return result.actions[0]!;
}

/** Canonical code that must compile, with its actions and error codes (for `...`, an absent input, dialect §8). */
function withEllipsis(body: string): { actions: PlistDict[]; errors: string[] } {
  const result = compiled(`${HEADER}${body}`);
  return { actions: [...result.actions], errors: codes(result.errors) };
}

function param(value: string, key = 'K'): PlistValue {
  return parametersOf(only(`is_workflow_actions_x(${key}=${value})\n`)).get(key)!;
}

describe('canonical code: header', () => {
  it('__workflow__ gives exactly its top-level keys (and marks the file canonical)', () => {
    const result = compile(`${HEADER}pass\n`);
    expect([...(result.plist as PlistDict).keys()].sort()).toEqual(['WFWorkflowActions', 'WFWorkflowClientVersion', 'WFWorkflowMinimumClientVersion']);
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps icon data, dates, nested dictionaries and unknown keys of the header', () => {
    const result = compile(
      '__workflow__ = {"WFWorkflowIcon": {"WFWorkflowIconStartColor": -1263359489, "WFWorkflowIconImageData": b"\\x89PNG"}, "WFWorkflowNoInputBehavior": {"Name": "WFWorkflowNoInputBehaviorAskForInput"}, "Custom": [plistlib.UID(3), datetime.datetime(2015, 10, 18, 17, 59, 50, 917)]}\npass\n',
    );
    const root = result.plist as PlistDict;
    expect(root.get('WFWorkflowIcon')).toEqual(d({ WFWorkflowIconStartColor: int(-1263359489), WFWorkflowIconImageData: { kind: 'data', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) } }));
    expect(root.get('Custom')).toEqual([{ kind: 'uid', value: 3 }, { kind: 'date', secondsSince2001: 466883990.000917 }]);
  });

  it('__actions__ maps names that do not reverse by rule; __names__ maps identifiers to variable names', () => {
    const result = canonical('com_Christopher_Hannah_Text_Case_TextCaseIntent(text=My_Var)\nMy_Var = Shortcut_Input\n', `${HEADER}__actions__ = {"com_Christopher_Hannah_Text_Case_TextCaseIntent": "com.Christopher-Hannah.Text-Case.TextCaseIntent"}\n__names__ = {"My_Var": "My Var 2"}\n`);
    expect(identifierOf(result.actions[0]!)).toBe('com.Christopher-Hannah.Text-Case.TextCaseIntent');
    expect(parametersOf(result.actions[0]!).get('text')).toEqual(tokenAttachment(named('My Var 2')));
    expect(parametersOf(result.actions[1]!).get('WFVariableName')).toBe('My Var 2');
  });

  it('__defaults__ chooses the encodings sugar compiles to', () => {
    const header = `${HEADER}__defaults__ = {"condition_codes": "strings", "condition_input": "direct", "start_mode": "implicit", "variable_uuids": True, "item_text_attachments": False}\n`;
    const result = canonical("if X == '''a''':\n    pass\nd = {\"k\": f'''v'''}\n", header);
    const start = parametersOf(result.actions[0]!);
    expect(start.get('WFCondition')).toBe('Equals');
    expect(start.has('WFControlFlowMode')).toBe(false);
    const input = start.get('WFInput') as PlistDict;
    expect(input.get('WFSerializationType')).toBe('WFTextTokenAttachment');
    expect(((input.get('Value') as PlistDict).get('VariableUUID'))).toBeTypeOf('string');
    const item = (((parametersOf(result.actions[2]!).get('WFItems') as PlistDict).get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistDict[])[0]!;
    expect(item.get('WFValue')).toEqual(wrapper('WFTextTokenString', d({ string: 'v' })));
  });

  it('malformed headers are errors', () => {
    const bad = compiled('__workflow__ = {"A": 1}\n__defaults__ = {"condition_codes": "words"}\n__names__ = {"a": 1}\n__workflow__ = {}\npass\n');
    expect(codes(bad.errors)).toEqual(['SC5002', 'SC5002', 'SC5001']);
  });
});

describe('canonical code: values (dialect §6)', () => {
  it('plain values', () => {
    expect(param("'''text'''")).toBe('text');
    expect(param('3')).toEqual(int(3));
    expect(param('-3')).toEqual(int(-3));
    expect(param('3.0')).toEqual(real(3));
    expect(param('-0.0')).toEqual(real(-0));
    expect(param("float('nan')")).toEqual(real(Number.NaN));
    expect(param("-float('inf')")).toEqual(real(-Infinity));
    expect(param('True')).toBe(true);
    expect(param("b'\\x00'")).toEqual({ kind: 'data', bytes: new Uint8Array([0]) });
    expect(param('datetime.datetime(2001, 1, 1, 0, 0, 1)')).toEqual({ kind: 'date', secondsSince2001: 1 });
    expect(param('plist_date(0.25)')).toEqual({ kind: 'date', secondsSince2001: 0.25 });
    expect(param("[1, '''a''']")).toEqual([int(1), 'a']);
    expect(param("dict(A=1, **{'Show-text': True})")).toEqual(d({ A: int(1), 'Show-text': true }));
    expect(param('plist({"Type": "ExtensionInput"})')).toEqual(d({ Type: 'ExtensionInput' }));
  });

  it("an f-string is always a WFTextTokenString; a string never is", () => {
    expect(param("f'''plain'''")).toEqual(text('plain'));
    expect(param("f'''{Shortcut_Input}'''")).toEqual(text('\uFFFC', [['{0, 1}', d({ Type: 'ExtensionInput' })]]));
  });

  it('variable expressions and their aggrandizements', () => {
    expect(param('x.Width')).toEqual(tokenAttachment(d({ Aggrandizements: [d({ PropertyName: 'Width', Type: 'WFPropertyVariableAggrandizement' })], Type: 'Variable', VariableName: 'x' })));
    // Name, File Extension and File Size carry the PropertyUserInfo their name derives (dialect §6.2.1).
    const property = (p: PlistDict): PlistValue => tokenAttachment(d({ Aggrandizements: [d({ ...Object.fromEntries(p), Type: 'WFPropertyVariableAggrandizement' })], Type: 'Variable', VariableName: 'x' }));
    expect(param('x.File_Extension')).toEqual(property(d({ PropertyName: 'File Extension', PropertyUserInfo: 'WFFileExtensionProperty' })));
    expect(param('getattr(x, "Name")')).toEqual(property(d({ PropertyName: 'Name', PropertyUserInfo: 'WFItemName' })));
    expect(param('getattr(x, "Name", PropertyUserInfo=None)')).toEqual(property(d({ PropertyName: 'Name' })));
    expect(param('getattr(x, "Name", PropertyUserInfo="u")')).toEqual(
      tokenAttachment(d({ Aggrandizements: [d({ PropertyName: 'Name', PropertyUserInfo: 'u', Type: 'WFPropertyVariableAggrandizement' })], Type: 'Variable', VariableName: 'x' })),
    );
    expect(param('format_date(value=x, date_format="Custom", WFDateFormat="yyyy")')).toEqual(
      tokenAttachment(d({ Aggrandizements: [d({ Type: 'WFDateFormatVariableAggrandizement', WFDateFormat: 'yyyy', WFDateFormatStyle: 'Custom' })], Type: 'Variable', VariableName: 'x' })),
    );
    expect(param("aggrandize(value=x, aggrandizement=dict(Type='WFOther', A=1))")).toEqual(
      tokenAttachment(d({ Aggrandizements: [d({ A: int(1), Type: 'WFOther' })], Type: 'Variable', VariableName: 'x' })),
    );
    expect(param('is_workflow_actions_getdevicedetails(["Device Name"])')).toEqual(
      tokenAttachment(d({ Aggrandizements: [d({ PropertyName: 'Device Name', Type: 'WFPropertyVariableAggrandizement' })], Type: 'DeviceDetails' })),
    );
    expect(param('Action_Input')).toEqual(tokenAttachment(d({ Type: 'Input' })));
  });

  it('attachment(...): bare attachments and per-reference details', () => {
    expect(param('attachment(x)')).toEqual(named('x'));
    expect(param("WFTextTokenAttachment(attachment(x, VariableUUID='V', Aggrandizements=[]))")).toEqual(tokenAttachment(d({ Aggrandizements: [], Type: 'Variable', VariableName: 'x', VariableUUID: 'V' })));
    expect(param("attachment(Type='ActionOutput', OutputUUID='AAAA', OutputName='Gone')")).toEqual(output('AAAA', 'Gone'));
    expect(param("f'''{attachment(x, OutputName=None, Extra=1)}'''")).toEqual(text('\uFFFC', [['{0, 1}', d({ Extra: int(1), Type: 'Variable', VariableName: 'x' })]]));
  });

  it('serialization wrappers come back as the typed kinds lifting reads', () => {
    expect(param("WFQuantityFieldValue(Magnitude=5, Unit='''min''')")).toEqual(wrapper('WFQuantityFieldValue', d({ Magnitude: int(5), Unit: 'min' })));
    expect(param('WFNumberSubstitutableState(True)')).toEqual(wrapper('WFNumberSubstitutableState', true));
    expect(param("serialized('my type', 1)")).toEqual(wrapper('my type', int(1)));
    expect(param('WFEmpty()')).toEqual(wrapper('WFEmpty', d({})));
  });

  it('dictionary displays with the item grammar (§6.5)', () => {
    const value = param("{plist(\"plain\"): plist(\"a\"), \"token\": '''b''', f\"{X}\": f'''c{X}''', \"n\": -3.50, \"t\": True, \"d\": {\"k\": '''v'''}, \"l\": ['''p''', f'''q''', 1]}");
    const items = ((value as PlistDict).get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistDict[];
    expect(items.map((i) => [i.get('WFKey'), (i.get('WFItemType') as { value: bigint }).value])).toEqual([
      ['plain', 0n],
      [text('token'), 0n],
      [text('\uFFFC', [['{0, 1}', named('X')]]), 0n],
      [text('n'), 3n],
      [text('t'), 4n],
      [text('d'), 1n],
      [text('l'), 2n],
    ]);
    expect(items[0]!.get('WFValue')).toBe('a');
    expect(items[1]!.get('WFValue')).toEqual(text('b'));
    expect(items[2]!.get('WFValue')).toEqual(text('c\uFFFC', [['{1, 1}', named('X')]]));
    expect(items[3]!.get('WFValue')).toEqual(text('-3.50'));
    expect(items[5]!.get('WFValue')).toEqual(wrapper('WFDictionaryFieldValue', wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: [d({ WFItemType: int(0), WFKey: text('k'), WFValue: text('v') })] }))));
    // Array items: the undecorated string is a plain item (what Shortcuts writes in arrays), an f-string a type-0 token string.
    expect(items[6]!.get('WFValue')).toEqual(wrapper('WFArrayParameterState', ['p', d({ WFItemType: int(0), WFValue: text('q') }), d({ WFItemType: int(3), WFValue: text('1') })]));
  });

  it('an item the item grammar cannot say: dict(WFItemType=n, WFValue=v, …) in place; a key in the value grammar', () => {
    const value = param("{\"n\": dict(WFItemType=3, WFValue=f'''{X}'''), \"m\": dict(WFItemType=5, Note='''x'''), WFTextTokenString(string='''k'''): '''v''', \"l\": ['''a''', dict(WFItemType=3, WFValue=f'''{X}''')]}");
    const items = ((value as PlistDict).get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistDict[];
    expect(items[0]).toEqual(d({ WFItemType: int(3), WFKey: text('n'), WFValue: text('\uFFFC', [['{0, 1}', named('X')]]) }));
    expect(items[1]).toEqual(d({ WFItemType: int(5), WFKey: text('m'), Note: 'x' }));
    expect(items[2]).toEqual(d({ WFItemType: int(0), WFKey: wrapper('WFTextTokenString', d({ string: 'k' })), WFValue: text('v') }));
    expect(items[3]!.get('WFValue')).toEqual(wrapper('WFArrayParameterState', ['a', d({ WFItemType: int(3), WFValue: text('\uFFFC', [['{0, 1}', named('X')]]) })]));
    const bad = compiled(`${HEADER}is_workflow_actions_x(K={"a": dict(WFValue='''v'''), "b": dict(WFItemType='''0'''), "c": dict(WFItemType=0, WFKey='''k''')})\n`);
    expect(codes(bad.errors)).toEqual(['SC5301', 'SC5301', 'SC5301']);
  });

  it('an f-string without variables in a display means the same token string as the undecorated one', () => {
    expect(param("{f\"k\": f'''v'''}")).toEqual(param("{\"k\": '''v'''}"));
  });

  it('model code (no header) reads a display the same way: {"k": "v"}, numbers, booleans, nested dictionaries and arrays', () => {
    const code = "d = {\"k\": '''v''', \"e\": '''''', \"n\": 2, \"b\": False, \"inner\": {\"x\": '''y'''}, \"l\": ['''a''', 1]}\n";
    const items = (actions: readonly PlistDict[]): PlistValue | undefined => parametersOf(actions[0]!).get('WFItems');
    const model = ok(code);
    expect(model.warnings).toEqual([]);
    expect(items(model.actions)).toEqual(items(canonical(code).actions));
  });

  it('token strings in displays follow __defaults__["item_text_attachments"]; plist("…") holds only a string', () => {
    const header = `${HEADER}__defaults__ = {"item_text_attachments": False}\n`;
    const value = parametersOf(only("is_workflow_actions_x(K={\"k\": '''v'''})\n", header)).get('K') as PlistDict;
    const item = ((value.get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistDict[])[0]!;
    expect(item.get('WFKey')).toEqual(wrapper('WFTextTokenString', d({ string: 'k' })));
    expect(item.get('WFValue')).toEqual(wrapper('WFTextTokenString', d({ string: 'v' })));
    const bad = compiled(`${HEADER}is_workflow_actions_x(K={plist(1): plist(['''a'''])})\n`);
    expect(codes(bad.errors)).toEqual(['SC5301', 'SC5301']);
  });
});

describe('canonical code: statements (dialect §7–§9)', () => {
  it('explicit calls: extra action keys, literal UUIDs, CustomOutputName, keys that are not identifiers', () => {
    const a = only("is_workflow_actions_x(dict(SCPLData=1), A=1, **{'Show-text': True}, UUID='1234', CustomOutputName='''Out''')\n");
    expect(a.get('SCPLData')).toEqual(int(1));
    expect(parametersOf(a)).toEqual(d({ A: int(1), 'Show-text': true, UUID: '1234', CustomOutputName: 'Out' }));
  });

  it('sugar: Text, Dictionary, Get Dictionary Value (also from the implicit input), Ask, Set and Append Variable', () => {
    const result = withEllipsis("t = '''a'''\nd = {\"k\": '''v'''}\nv = d[\"k\"]\nw = ...['''k''']\nq = input('''Name?''', WFInputType='''Text''')\nX = t.Name\nY = ...\nX.append(...)\nz = X.append(t)\n");
    expect(result.errors).toEqual([]);
    expect(result.actions.map((a) => identifierOf(a).replace('is.workflow.actions.', ''))).toEqual(['gettext', 'dictionary', 'getvalueforkey', 'getvalueforkey', 'ask', 'setvariable', 'setvariable', 'appendvariable', 'appendvariable']);
    expect(parametersOf(result.actions[3]!).has('WFInput')).toBe(false);
    expect(parametersOf(result.actions[4]!)).toEqual(d({ UUID: parametersOf(result.actions[4]!).get('UUID')!, WFAskActionPrompt: 'Name?', WFInputType: 'Text' }));
    expect(parametersOf(result.actions[6]!)).toEqual(d({ WFVariableName: 'Y' }));
    expect(parametersOf(result.actions[7]!)).toEqual(d({ WFVariableName: 'X' }));
    expect(parametersOf(result.actions[8]!).get('UUID')).toBeTypeOf('string');
  });

  it('names resolve file-wide: an output may be used before its binding (a loop)', () => {
    const result = canonical("for Repeat_Index in range(int(2)):\n    is_workflow_actions_showresult(Text=later)\n    later = '''x'''\n");
    expect(result.warnings).toEqual([]);
    const uuid = parametersOf(result.actions[2]!).get('UUID') as string;
    expect(parametersOf(result.actions[1]!).get('Text')).toEqual(tokenAttachment(output(uuid, 'Text')));
  });

  it('OutputName: derived from the core catalog, else the annotation (None: no key)', () => {
    const result = canonical("a = is_workflow_actions_gettext(WFTextActionText='''x''')\nb: 'Custom' = is_workflow_actions_unknown()\nc: None = is_workflow_actions_gettext()\nis_workflow_actions_y(A=a, B=b, C=c)\n");
    const p = parametersOf(result.actions[3]!);
    expect(((p.get('A') as PlistDict).get('Value') as PlistDict).get('OutputName')).toBe('Text');
    expect(((p.get('B') as PlistDict).get('Value') as PlistDict).get('OutputName')).toBe('Custom');
    expect(((p.get('C') as PlistDict).get('Value') as PlistDict).has('OutputName')).toBe(false);
  });

  it('OutputName: without a core name or an annotation, the identifier in title case', () => {
    const result = canonical('battery_level = is_workflow_actions_getbatterylevel()\ndetails_of_images_2 = is_workflow_actions_properties_images()\nmain_image_url = is_workflow_actions_x()\nis_workflow_actions_y(A=battery_level, B=details_of_images_2, C=main_image_url)\n');
    const p = parametersOf(result.actions[3]!);
    const name = (key: string): PlistValue | undefined => ((p.get(key) as PlistDict).get('Value') as PlistDict).get('OutputName');
    expect([name('A'), name('B'), name('C')]).toEqual(['Battery Level', 'Details of Images', 'Main Image URL']);
  });

  it('x = _ binds the output of the block above to its End action', () => {
    const result = canonical("if X:\n    pass\nr: 'If Result' = _\nis_workflow_actions_showresult(Text=r)\n");
    const end = parametersOf(result.actions[1]!);
    expect(end.get('WFControlFlowMode')).toEqual(int(2));
    expect(parametersOf(result.actions[2]!).get('Text')).toEqual(tokenAttachment(output(end.get('UUID') as string, 'If Result')));
  });

  it('x = _ derives the OutputName the core catalog gives the block (If Result, Menu Result); `x: None = _` carries none', () => {
    const outputNameOf = (action: PlistDict): PlistValue | undefined => ((parametersOf(action).get('A') as PlistDict).get('Value') as PlistDict).get('OutputName');
    const ifResult = canonical('if X:\n    pass\nr = _\nis_workflow_actions_y(A=r)\n').actions[2]!;
    expect(outputNameOf(ifResult)).toBe('If Result');
    const menuResult = canonical('match input():\n    case "a":\n        pass\nr = _\nis_workflow_actions_y(A=r)\n').actions[3]!;
    expect(outputNameOf(menuResult)).toBe('Menu Result');
    const none = canonical('if X:\n    pass\nr: None = _\nis_workflow_actions_y(A=r)\n').actions[2]!;
    expect(outputNameOf(none)).toBeUndefined();
  });

  it('explicit control parts: if is_workflow_actions_conditional(...), match/case _ if …choosefrommenu(...)', () => {
    const result = canonical(
      "if is_workflow_actions_conditional(WFCondition=4, WFConditionalLegacyComparisonBehavior=True):\n    pass\nmatch is_workflow_actions_choosefrommenu(WFMenuItems=['''a''']):\n    case _ if is_workflow_actions_choosefrommenu(WFMenuItemTitle=f'''a'''):\n        pass\n",
    );
    expectActions(result.actions, [
      control('if', 'G', 0, { WFCondition: int(4), WFConditionalLegacyComparisonBehavior: true }),
      control('if', 'G', 2, { UUID: 'E1' }),
      control('menu', 'M', 0, { WFMenuItems: ['a'] }),
      control('menu', 'M', 1, { WFMenuItemTitle: text('a') }),
      control('menu', 'M', 2, { UUID: 'E2' }),
    ]);
  });

  it('an explicit If test may put the comparison first and further parameters after it', () => {
    const result = canonical("if is_workflow_actions_conditional(X == '''a''', WFNumberValue=3, CustomOutputName='''C'''):\n    pass\n");
    const start = parametersOf(result.actions[0]!);
    expect(start.get('WFCondition')).toEqual(int(4));
    expect(start.get('WFConditionalActionString')).toBe('a');
    expect(start.get('WFNumberValue')).toEqual(int(3));
    expect(start.get('CustomOutputName')).toBe('C');
  });

  it('blocks: menus with title cases derive WFMenuItems; loops ignore their variable names; Repeat Results', () => {
    const result = canonical(
      "match input(prompt='''Pick'''):\n    case \"A\":\n        pass\n    case \"B\":\n        pass\nfor Repeat_Index, Repeat_Item in enumerate(L, start=1):\n    for Repeat_Index_2 in range(int(3)):\n        is_workflow_actions_y(A=Repeat_Item, B=Repeat_Index_2)\nr = _\nfor Repeat_Index, Repeat_Item in enumerate(..., start=1):\n    pass\n",
    );
    expectActions(result.actions, [
      control('menu', 'M', 0, { WFMenuItems: ['A', 'B'], WFMenuPrompt: 'Pick' }),
      control('menu', 'M', 1, { WFMenuItemTitle: 'A' }),
      control('menu', 'M', 1, { WFMenuItemTitle: 'B' }),
      control('menu', 'M', 2, { UUID: 'E1' }),
      control('each', 'E', 0, { WFInput: tokenAttachment(named('L')) }),
      control('count', 'C', 0, { WFRepeatCount: int(3) }),
      action('is.workflow.actions.y', { A: tokenAttachment(named('Repeat Item')), B: tokenAttachment(named('Repeat Index 2')) }),
      control('count', 'C', 2, { UUID: 'E2' }),
      control('each', 'E', 2, { UUID: 'R' }),
      control('each', 'F', 0),
      control('each', 'F', 2, { UUID: 'E3' }),
    ]);
    const reference = canonical('for Repeat_Index in range(int(2)):\n    pass\nr = _\nis_workflow_actions_y(A=r)\n').actions[2]!;
    expect(((parametersOf(reference).get('A') as PlistDict).get('Value') as PlistDict).get('OutputName')).toBe('Repeat Results');
  });

  it('block ends: a UUID by __defaults__["block_outputs"]; `_ = None` takes it away; `_(…)` gives the End its keys', () => {
    const result = canonical(
      "if X:\n    pass\nif X:\n    pass\n_ = None\nif X:\n    pass\nr = _(CustomOutputName='''Mine''', WFShowWorkflow=False)\nis_workflow_actions_y(A=r)\nfor Repeat_Index in range(int(2)):\n    pass\n_(dict(Extra=1), WFShowWorkflow=True)\n",
    );
    expectActions(result.actions, [
      control('if', 'A', 0, { WFInput: d({ Type: 'Variable', Variable: tokenAttachment(named('X')) }), WFCondition: int(100) }),
      control('if', 'A', 2, { UUID: 'U1' }),
      control('if', 'B', 0, { WFInput: d({ Type: 'Variable', Variable: tokenAttachment(named('X')) }), WFCondition: int(100) }),
      control('if', 'B', 2),
      control('if', 'C', 0, { WFInput: d({ Type: 'Variable', Variable: tokenAttachment(named('X')) }), WFCondition: int(100) }),
      control('if', 'C', 2, { UUID: 'R', CustomOutputName: 'Mine', WFShowWorkflow: false }),
      action('is.workflow.actions.y', { A: tokenAttachment(output('R', 'Mine')) }),
      control('count', 'D', 0, { WFRepeatCount: int(2) }),
      d({ WFWorkflowActionIdentifier: 'is.workflow.actions.repeat.count', WFWorkflowActionParameters: d({ GroupingIdentifier: 'D', WFControlFlowMode: int(2), WFShowWorkflow: true }), Extra: int(1) }),
    ]);
    const off = canonical('if X:\n    pass\nif X:\n    pass\nr = _\n', `${HEADER}__defaults__ = {"block_outputs": False}\n`);
    expect(parametersOf(off.actions[1]!).has('UUID')).toBe(false);
    expect(parametersOf(off.actions[3]!).has('UUID')).toBe(true);
    expect(codes(compiled(`${HEADER}_ = None\nif X:\n    pass\n_ = 1\nx = _\n_(A=1)\n`).errors)).toEqual(['SC5405', 'SC5102', 'SC5405', 'SC5405']);
  });

  it('a comparison with the parameters it does not say: is_workflow_actions_conditional(<comparison>, Key=value)', () => {
    const result = withEllipsis("if is_workflow_actions_conditional(... == '''a''', WFNumberValue=1):\n    pass\n");
    expect(result.errors).toEqual([]);
    expect(parametersOf(result.actions[0]!).get('WFConditionalActionString')).toBe('a');
    expect(parametersOf(result.actions[0]!).get('WFNumberValue')).toEqual(int(1));
    expect(parametersOf(result.actions[0]!).get('WFCondition')).toEqual(int(4));
    // Only the If's explicit test takes a comparison; a menu's lists keywords only.
    expect(withEllipsis("match is_workflow_actions_choosefrommenu(X):\n    case \"a\":\n        pass\n").errors).toEqual(['SC5306']);
  });

  it('flat control calls compile to the same actions', () => {
    const result = canonical("is_workflow_actions_conditional(WFControlFlowMode=0, GroupingIdentifier='''G1''', WFCondition=100)\nis_workflow_actions_conditional(WFControlFlowMode=2, GroupingIdentifier='''G1''')\n");
    expectActions(result.actions, [control('if', 'G1', 0, { WFCondition: int(100) }), control('if', 'G1', 2)]);
  });

  it('condition markers: float(S) == V stores V in WFNumberValue, str(S) < V in WFConditionalActionString', () => {
    const result = withEllipsis("if float(X) == 3:\n    pass\nif str(X) < '''b''':\n    pass\nif '''x''' in float(...):\n    pass\n");
    expect(result.errors).toEqual([]);
    expect(parametersOf(result.actions[4]!).has('WFInput')).toBe(false);
    expect(parametersOf(result.actions[4]!).get('WFNumberValue')).toBe('x');
    expect(parametersOf(result.actions[0]!).get('WFNumberValue')).toEqual(int(3));
    expect(parametersOf(result.actions[2]!).get('WFConditionalActionString')).toBe('b');
    expect(codes(compiled(`${HEADER}if str(X) == 1:\n    pass\n`).errors)).toEqual(['SC5106']);
  });

  it('raw_action(...) is an entry that is not an action dictionary', () => {
    const result = canonical("raw_action('''just a string''')\n");
    expect(result.actions[0]).toBe('just a string');
  });

  it('loose spellings are errors in canonical code', () => {
    const bad = compiled(`${HEADER}X += 1\nif X:\n    pass\nelif X:\n    pass\nis_workflow_actions_y(A=str(X), B={"k": X})\nY = input("Please enter the value:")\n`);
    expect(codes(bad.errors)).toEqual(['SC5106', 'SC5106', 'SC5106', 'SC5106']);
    expect(bad.errors.every((e) => e.suggestion !== undefined)).toBe(true);
  });

  it('a call of a reserved name is no wrapper in a value and no action in a statement', () => {
    const bad = compiled(`${HEADER}is_workflow_actions_y(A=range(3), B=input('''x'''))\nx = attachment(Y)\n`);
    expect(codes(bad.errors)).toEqual(['SC5106', 'SC5106', 'SC5106']);
  });

  it('X = coerce_variable(…), getattr(…), format_date(…): Set Variable (no action has those names)', () => {
    const result = canonical('X = coerce_variable(value=Y, coercion_class="C")\nZ = getattr(Y, "Width", K=1)\n');
    expect(result.actions.map((a) => identifierOf(a))).toEqual(['is.workflow.actions.setvariable', 'is.workflow.actions.setvariable']);
    expect(parametersOf(result.actions[0]!).get('WFInput')).toEqual(
      tokenAttachment(d({ Aggrandizements: [d({ CoercionItemClass: 'C', Type: 'WFCoercionVariableAggrandizement' })], Type: 'Variable', VariableName: 'Y' })),
    );
  });

  it('a block output binding with no block above is an error; an output bound twice too', () => {
    expect(codes(compiled(`${HEADER}x = _\n`).errors)).toEqual(['SC5405']);
    expect(codes(compiled(`${HEADER}x = '''a'''\nx = '''b'''\n`).errors)).toEqual(['SC5207']);
  });
});
