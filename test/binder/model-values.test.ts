import { describe, expect, it } from 'vitest';
import { d, int, named, output, text, tokenAttachment } from '../support/shortcut-build.js';
import type { PlistDict } from '../../src/plist/value.js';
import { codes, compiled, ok, parametersOf } from './helpers.js';

/** Model code: values given to parameters, and WorkflowLLM's loose spellings of them. */
describe('model code: values', () => {
  const show = (value: string, prefix = ''): PlistDict => {
    const result = ok(`${prefix}is_workflow_actions_showresult(Text=${value})\n`);
    return parametersOf(result.actions[result.actions.length - 1]!);
  };

  it('plain text is a plain string; text with variables a WFTextTokenString (UTF-16 locations)', () => {
    expect(show("'''hi'''").get('Text')).toBe('hi');
    expect(show("f'''no variables'''").get('Text')).toBe('no variables');
    expect(show("f'''😀 {V}'''", "V = Shortcut_Input\n").get('Text')).toEqual(text('😀 \uFFFC', [['{3, 1}', named('V')]]));
  });

  it('aggrandizements: properties, dictionary keys, coercions (also str/float/dict), dates, units', () => {
    const params = show(
      "f'''{x.File_Extension}{x[\"k\"]}{coerce_variable(value=x, coercion_class=\"WFStringContentItem\")}{float(x)}{format_date(value=x, date_format='Short', iso_include_time=False)}{unit_variable_transform(value=x, unit_type=\"Length\", unit_symbol=\"km\")}'''",
      "x = is_workflow_actions_number(WFNumberActionNumber=1)\n",
    );
    const ranges = ((params.get('Text') as PlistDict).get('Value') as PlistDict).get('attachmentsByRange') as PlistDict;
    const aggrandizements = [...ranges.values()].map((a) => ((a as PlistDict).get('Aggrandizements') as PlistDict[])[0]!);
    expect(aggrandizements).toEqual([
      d({ PropertyName: 'File Extension', Type: 'WFPropertyVariableAggrandizement' }),
      d({ DictionaryKey: 'k', Type: 'WFDictionaryValueVariableAggrandizement' }),
      d({ CoercionItemClass: 'WFStringContentItem', Type: 'WFCoercionVariableAggrandizement' }),
      d({ CoercionItemClass: 'WFNumberContentItem', Type: 'WFCoercionVariableAggrandizement' }),
      d({ Type: 'WFDateFormatVariableAggrandizement', WFDateFormatStyle: 'Short', WFISO8601IncludeTime: false }),
      d({ Type: 'WFUnitVariableAggrandizement', WFMeasurementUnitType: 'Length', WFUnitSymbol: 'km' }),
    ]);
  });

  it('magic values: datetime.datetime.now(), clipboard, device details, Shortcut_Input, Ask_Each_Time', () => {
    const params = show("f'''{datetime.datetime.now()}{is_workflow_actions_getclipboard()}{is_workflow_actions_getdevicedetails(['Device Name'])}{Shortcut_Input}{Ask_Each_Time}'''");
    const ranges = ((params.get('Text') as PlistDict).get('Value') as PlistDict).get('attachmentsByRange') as PlistDict;
    expect([...ranges.values()].map((a) => (a as PlistDict).get('Type'))).toEqual(['CurrentDate', 'Clipboard', 'DeviceDetails', 'ExtensionInput', 'Ask']);
  });

  it("WorkflowLLM's brace-less magic values inside f-strings are read as those values, with a warning", () => {
    const result = ok("is_workflow_actions_showresult(Text=f'''Now: datetime.datetime.now() for input(\"Please enter the value: \")''')\n");
    const value = (parametersOf(result.actions[0]!).get('Text') as PlistDict).get('Value') as PlistDict;
    expect(value.get('string')).toBe('Now: \uFFFC for \uFFFC');
    expect(codes(result.warnings).filter((c) => c === 'SC5503')).toHaveLength(2);
  });

  it('a variable given to a text parameter is text holding it; to a variable picker, an attachment', () => {
    const prefix = "t = '''a'''\n";
    expect(show('t', prefix).get('Text')).toEqual(text('\uFFFC', [['{0, 1}', output(anyUuid(show('t', prefix)), 'Text')]]));
    const picker = ok(`${prefix}is_workflow_actions_setclipboard(WFInput=t)\n`);
    expect(((parametersOf(picker.actions[1]!).get('WFInput') as PlistDict).get('WFSerializationType'))).toBe('WFTextTokenAttachment');
  });

  it('dictionary parameters take a WFDictionaryFieldValue; other parameters a plain dictionary', () => {
    const body = ok("r = is_workflow_actions_downloadurl(WFURL='''https://a.b''', WFJSONValues={'''k''': '''v'''})\n");
    expect((parametersOf(body.actions[0]!).get('WFJSONValues') as PlistDict).get('WFSerializationType')).toBe('WFDictionaryFieldValue');
    const picker = ok('is_workflow_actions_runworkflow(WFWorkflow={"workflowName": "Other", "isSelf": False})\n');
    expect(parametersOf(picker.actions[0]!).get('WFWorkflow')).toEqual(d({ workflowName: 'Other', isSelf: false }));
  });

  it('unquoted text in dictionaries and lists is read as the text written', () => {
    const result = ok('is_workflow_actions_runworkflow(WFWorkflow={"workflowIdentifier": wf_id, "workflowName": Mastodon Token, "font": Palatino-Roman})\n');
    expect(parametersOf(result.actions[0]!).get('WFWorkflow')).toEqual(d({ workflowIdentifier: 'wf_id', workflowName: 'Mastodon Token', font: 'Palatino-Roman' }));
    expect(codes(result.warnings)).toContain('SC5508');
  });

  it('unquoted comparisons, subscripts and calls of plain words are the text written', () => {
    // WorkflowLLM printed these texts unquoted: `Bewaar in Fotos`, form field names, `Clipboard (Album)`.
    const result = ok('k = is_workflow_actions_number(WFNumberActionNumber=1)\nd = {{"string": nl}: {"string": Bewaar in Fotos}, {"string": a}: {"string": Clipboard (Album)}, {"string": s}: {"string": substring(0, 5)}}\nr = is_workflow_actions_downloadurl(WFURL=\'\'\'https://a.b\'\'\', WFHTTPBodyType=\'\'\'Form\'\'\', WFFormValues={card[number]: f\'\'\'{k}\'\'\', card[k]: x})\n');
    const items = (action: number, key: string) => (((parametersOf(result.actions[action]!).get(key) as PlistDict).get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistDict[]);
    expect(items(1, 'WFItems').map((i) => i.get('WFValue'))).toEqual([text('Bewaar in Fotos'), text('Clipboard (Album)'), text('substring(0, 5)')]);
    // `card` is nothing the file defines: the brackets hold no key of a variable, even around the defined `k`.
    expect(items(2, 'WFFormValues').map((i) => i.get('WFKey'))).toEqual([text('card[number]'), text('card[k]')]);
    expect(codes(result.warnings)).toContain('SC5508');
  });

  it('a comparison, subscript or call involving what the file defines (or an action) stays an error or a value', () => {
    // `k in Fotos` tests a variable; `is_workflow_actions_x(…)` and `str(…)` are no plain words.
    expect(codes(compiled('k = is_workflow_actions_number(WFNumberActionNumber=1)\nd = {\'\'\'a\'\'\': k in Fotos}\n').errors)).toEqual(['SC5301']);
    expect(codes(compiled("d = {'''a''': str(Fotos, 1)}\n").errors).length).toBeGreaterThan(0);
  });

  it("{\"string\": X} (WorkflowLLM's print of a text without attachments) is read as X", () => {
    const result = ok('d = {{"string": a1}: {"string": 1000}}\n');
    const items = (((parametersOf(result.actions[0]!).get('WFItems') as PlistDict).get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistDict[])[0]!;
    expect(items.get('WFKey')).toEqual(text('a1'));
    expect(items.get('WFValue')).toEqual(text('1000'));
  });

  it('lists: plain items are strings, items with variables {WFItemType: 0, WFValue: text}', () => {
    const result = ok("v = '''x'''\nl = is_workflow_actions_list(WFItems=['''a''', f'''{v}!''', v])\n");
    const items = parametersOf(result.actions[1]!).get('WFItems') as unknown[];
    expect(items[0]).toBe('a');
    expect((items[1] as PlistDict).get('WFItemType')).toEqual(int(0));
    expect((items[2] as PlistDict).get('WFItemType')).toEqual(int(0));
  });

  it('None leaves a parameter out, with a warning', () => {
    const result = ok('is_workflow_actions_documentpicker_open(WFFile=None)\n');
    expect(parametersOf(result.actions[0]!).size).toBe(0);
    expect(codes(result.warnings)).toContain('SC5509');
  });

  it('JSON or CSS inside f-strings keeps its braces as text', () => {
    const result = ok("S = Shortcut_Input\nt = f'''{\"Sum\":{S},\"Up\":{\"k\":{S}}} body {font-family:arial}'''\n");
    const value = (parametersOf(result.actions[1]!).get('WFTextActionText') as PlistDict).get('Value') as PlistDict;
    expect(value.get('string')).toBe('{"Sum":\uFFFC,"Up":{"k":\uFFFC}} body {font-family:arial}');
  });

  it('format_date(value={value}) — the converter lost the variable — is an error naming the fix', () => {
    const result = compiled("is_workflow_actions_showresult(Text=f'''{format_date(value={value}, date_format='Short')}''')\n");
    expect(codes(result.errors)).toEqual(['SC5308']);
    expect(result.errors[0]!.suggestion).toContain('format_date(value=');
  });

  it('expressions that are no value are errors with a fix', () => {
    const result = compiled("x = '''a'''\nis_workflow_actions_showresult(Text=x + x)\nis_workflow_actions_showresult(Text=x == x)\n");
    expect(codes(result.errors)).toEqual(['SC5301', 'SC5301']);
    expect(result.errors.every((e) => e.suggestion !== undefined)).toBe(true);
  });

  it('integers keep 64 bits, reals stay reals, bytes are data', () => {
    const result = ok('is_workflow_actions_x(A=18446744073709551615, B=-9223372036854775808, C=1.0, D=b"\\x00\\xff")\n');
    const params = parametersOf(result.actions[0]!);
    expect(params.get('A')).toEqual(int(18446744073709551615n));
    expect(params.get('B')).toEqual(int(-9223372036854775808n));
    expect(params.get('C')).toEqual({ kind: 'real', value: 1 });
    expect(params.get('D')).toEqual({ kind: 'data', bytes: new Uint8Array([0, 255]) });
    expect(codes(compiled('is_workflow_actions_x(A=18446744073709551616)\n').errors)).toEqual(['SC5309']);
  });

  it('an attachment given directly (model code may use the canonical spellings too)', () => {
    const result = ok('is_workflow_actions_setclipboard(WFInput=Shortcut_Input)\n');
    expect(parametersOf(result.actions[0]!).get('WFInput')).toEqual(tokenAttachment(d({ Type: 'ExtensionInput' })));
  });

  it("canonical spellings inside dictionary displays mean the same in model code: plist('…') keys and values, dict(WFItemType=…) items", () => {
    const code = "is_workflow_actions_dictionary(WFItems={plist('k'): plist('v'), 'n': dict(WFItemType=3, WFValue='''7'''), 'l': ['''a''', dict(WFItemType=0, WFValue='''b''')]})\n";
    const model = ok(code);
    const items = ((parametersOf(model.actions[0]!).get('WFItems') as PlistDict).get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistDict[];
    expect(items[0]).toEqual(d({ WFItemType: int(0), WFKey: 'k', WFValue: 'v' }));
    expect(items[1]!.get('WFItemType')).toEqual(int(3));
    const list = (items[2]!.get('WFValue') as PlistDict).get('Value') as PlistDict[];
    expect(list[0]).toBe('a');
    expect((list[1] as PlistDict).get('WFItemType')).toEqual(int(0));
    expect(codes(model.diagnostics)).toEqual([]);
  });
});

function anyUuid(params: PlistDict): string {
  const value = (params.get('Text') as PlistDict).get('Value') as PlistDict;
  return ([...(value.get('attachmentsByRange') as PlistDict).values()][0] as PlistDict).get('OutputUUID') as string;
}
