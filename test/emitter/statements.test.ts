import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/index.js';
import type { PlistDict } from '../../src/plist/value.js';
import { action, d, int, named, output, text, tokenAttachment, wrapper } from '../support/shortcut-build.js';
import { body, decompiled, headerLine } from './helpers.js';

const gettext = (uuid: string | undefined, value: string = 'hi'): ReturnType<typeof action> =>
  action('is.workflow.actions.gettext', { ...(uuid === undefined ? {} : { UUID: uuid }), WFTextActionText: value });

describe('actions and outputs (dialect §5, §7)', () => {
  it('an action with a UUID is bound, one without is not', () => {
    expect(
      body([
        action('is.workflow.actions.downloadurl', { UUID: 'U1', WFURL: 'https://example.com' }),
        action('is.workflow.actions.showresult', { Text: text('\uFFFC', [['{0, 1}', output('U1', 'Contents of URL')]]) }),
        action('is.workflow.actions.beep'),
      ]),
    ).toBe(
      [
        "contents_of_url = is_workflow_actions_downloadurl(WFURL='''https://example.com''')",
        "is_workflow_actions_showresult(Text=f'''{contents_of_url}''')",
        'is_workflow_actions_beep()',
        '',
      ].join('\n'),
    );
  });

  it("annotates the OutputName references carry when it is not the derived one (the core catalog's, else the identifier in title case)", () => {
    expect(
      body([
        action('is.workflow.actions.downloadurl', { UUID: 'U1' }),
        action('is.workflow.actions.detect.date', { UUID: 'U2' }),
        action('is.workflow.actions.getbatterylevel', { UUID: 'U3' }),
        action('is.workflow.actions.gettext', { UUID: 'U4', WFTextActionText: 'x' }),
        action('is.workflow.actions.properties.images', { UUID: 'U5' }),
        action('is.workflow.actions.properties.images', { UUID: 'U6' }),
        action('is.workflow.actions.showresult', { Text: text('\uFFFC\uFFFC\uFFFC', [['{0, 1}', output('U1', 'Page')], ['{1, 1}', output('U2', 'Dates')], ['{2, 1}', output('U3')]]) }),
        action('is.workflow.actions.showresult', { Text: tokenAttachment(output('U4')) }),
        action('is.workflow.actions.showresult', { Text: text('\uFFFC\uFFFC', [['{0, 1}', output('U5', 'Details of Images')], ['{1, 1}', output('U6', 'Details of Images')]]) }),
      ]),
    ).toBe(
      [
        // The core derives "Contents of URL" for downloadurl; it names none of the others here.
        "page: 'Page' = is_workflow_actions_downloadurl()",
        'dates = is_workflow_actions_detect_date()',
        'getbatterylevel: None = is_workflow_actions_getbatterylevel()',
        "text: None = '''x'''",
        'details_of_images = is_workflow_actions_properties_images()',
        'details_of_images_2 = is_workflow_actions_properties_images()',
        "is_workflow_actions_showresult(Text=f'''{page}{dates}{getbatterylevel}''')",
        'is_workflow_actions_showresult(Text=text)',
        "is_workflow_actions_showresult(Text=f'''{details_of_images}{details_of_images_2}''')",
        '',
      ].join('\n'),
    );
  });

  it('output names in snake case: camelCase and acronyms split, an acronym\'s plural stays one word', () => {
    const named = (label: string): string => body([action('is.workflow.actions.number', { UUID: 'U1', CustomOutputName: label })]).split(' = ')[0]!;
    expect(['URLs', 'Contents of URL', 'TextCaseIntent', 'PDFs from Pages', 'getURLsFromInput', 'HTMLParser', '3 Items'].map(named)).toEqual([
      'urls',
      'contents_of_url',
      'text_case_intent',
      'pdfs_from_pages',
      'get_urls_from_input',
      'html_parser',
      'output_3_items',
    ]);
    // Diacritics fall to their base letter and an apostrophe inside a word goes, rather than splitting it.
    expect(['Wörterbuch', 'Get What\u2019s On Screen', "Today's Date", 'Straße'].map(named)).toEqual(['worterbuch', 'get_whats_on_screen', 'todays_date', 'strasse']);
    const variable = body([action('is.workflow.actions.setvariable', { WFVariableName: 'Gerätename', WFInput: tokenAttachment(output('U9')) })]);
    expect(variable).toContain('__names__ = {"Geratename": "Gerätename"}');
  });

  it('names come from CustomOutputName, numbered when reused, never colliding with variables or reserved names', () => {
    const code = body([
      action('is.workflow.actions.url', { UUID: 'U1', WFURLActionURL: 'a' }),
      action('is.workflow.actions.url', { UUID: 'U2', WFURLActionURL: 'b' }),
      action('is.workflow.actions.number', { UUID: 'U3', CustomOutputName: 'My Value', WFNumberActionNumber: int(1) }),
      action('is.workflow.actions.setvariable', { WFVariableName: 'url', WFInput: tokenAttachment(output('U1', 'URL')) }),
      action('is.workflow.actions.number', { UUID: 'U4', CustomOutputName: 'input' }),
    ]);
    expect(code).toBe(
      [
        "url_2 = is_workflow_actions_url(WFURLActionURL='''a''')",
        "url_3 = is_workflow_actions_url(WFURLActionURL='''b''')",
        "my_value = is_workflow_actions_number(WFNumberActionNumber=1, CustomOutputName='''My Value''')",
        'url = url_2',
        "input_2 = is_workflow_actions_number(CustomOutputName='''input''')",
        '',
      ].join('\n'),
    );
  });

  it('keys that are not identifiers are written as ** unpacking in place', () => {
    expect(body([action('is.workflow.actions.showresult', [['Show-text', true], ['Text', 'x'], ['class', int(1)]])])).toBe(
      "is_workflow_actions_showresult(**{'Show-text': True}, Text='''x''', **{'class': 1})\n",
    );
  });

  it('names that do not reverse by rule go into __actions__', () => {
    const actions = [action('com.Christopher-Hannah.Text-Case.TextCaseIntent'), action('is.workflow.actions.display_always'), action('if'), action('9lives.App')];
    expect(body(actions)).toBe(
      ['__actions__ = {"com_Christopher_Hannah_Text_Case_TextCaseIntent": "com.Christopher-Hannah.Text-Case.TextCaseIntent", "is_workflow_actions_display_always": "is.workflow.actions.display_always", "if_2": "if", "_9lives_App": "9lives.App"}', 'com_Christopher_Hannah_Text_Case_TextCaseIntent()', 'is_workflow_actions_display_always()', 'if_2()', '_9lives_App()', ''].join('\n'),
    );
  });

  it('an action is never named like one of the dialect\'s own forms, so its call compiles back to it', () => {
    const identifiers = ['dict', 'plist', 'attachment', 'range', 'match', 'Shortcut.Input', 'coerce.variable', 'is.workflow.actions.getclipboard'];
    const code = body(identifiers.map((identifier) => action(identifier)));
    expect(code.split('\n').slice(1, -1)).toEqual(['dict_2()', 'plist_2()', 'attachment_2()', 'range_2()', 'match_2()', 'Shortcut_Input_2()', 'coerce_variable_2()', 'is_workflow_actions_getclipboard()']);
    const compiled = compile(`__workflow__ = {}\n${code}`);
    expect(compiled.diagnostics).toEqual([]);
    const actions = (compiled.plist as PlistDict).get('WFWorkflowActions') as PlistDict[];
    expect(actions.map((a) => a.get('WFWorkflowActionIdentifier'))).toEqual(identifiers);
  });

  it('an entry that is not an action dictionary is raw_action(...)', () => {
    expect(body(['just a string', d({ WFWorkflowActionParameters: d({}) })])).toBe(
      ["raw_action('''just a string''')", 'raw_action(dict(WFWorkflowActionParameters=dict()))', ''].join('\n'),
    );
  });

  it('actions sharing a UUID keep it literally', () => {
    const { text: code, codes } = decompiled([gettext('SAME'), gettext('SAME')]);
    expect(code).toContain("is_workflow_actions_gettext(WFTextActionText='''hi''', UUID='''SAME''')");
    expect(codes).toContain('SC8003');
  });
});

describe('sugar (dialect §8)', () => {
  it('Text, Dictionary, Get Dictionary Value, Ask', () => {
    const dictionary = wrapper('WFDictionaryFieldValue', d({ WFDictionaryFieldValueItems: [d({ WFItemType: int(0), WFKey: text('k'), WFValue: text('v') })] }));
    expect(
      body([
        gettext('T1', 'hello'),
        gettext(undefined, 'alone'),
        action('is.workflow.actions.gettext', { WFTextActionText: text('\uFFFC!', [['{0, 1}', output('T1', 'Text')]]) }),
        action('is.workflow.actions.dictionary', { UUID: 'D1', WFItems: dictionary }),
        action('is.workflow.actions.getvalueforkey', { UUID: 'G1', WFInput: tokenAttachment(output('D1', 'Dictionary')), WFDictionaryKey: 'k' }),
        action('is.workflow.actions.getvalueforkey', { WFDictionaryKey: text('\uFFFC', [['{0, 1}', output('G1', 'Dictionary Value')]]) }),
        action('is.workflow.actions.ask', { UUID: 'Q1', WFAskActionPrompt: 'Name?', WFInputType: 'Text', CustomOutputName: 'Answer' }),
        action('is.workflow.actions.ask', {}),
      ]),
    ).toBe(
      [
        "text = '''hello'''",
        "'''alone'''",
        "f'''{text}!'''",
        "dictionary = {\"k\": '''v'''}",
        "dictionary_value = dictionary['''k''']",
        "...[f'''{dictionary_value}''']",
        "answer = input('''Name?''', WFInputType='''Text''', CustomOutputName='''Answer''')",
        'input()',
        '',
      ].join('\n'),
    );
  });

  it('Set Variable and Append to Variable, with and without input', () => {
    expect(
      body([
        gettext('T1'),
        action('is.workflow.actions.setvariable', { WFVariableName: 'Greeting', WFInput: tokenAttachment(output('T1', 'Text')) }),
        action('is.workflow.actions.setvariable', { WFVariableName: 'Old Style' }),
        action('is.workflow.actions.appendvariable', { WFVariableName: 'Greeting', WFInput: tokenAttachment(named('Old Style')) }),
        action('is.workflow.actions.appendvariable', { WFVariableName: 'Greeting' }),
        action('is.workflow.actions.setvariable', { WFVariableName: 'Date', WFInput: tokenAttachment(d({ Type: 'CurrentDate' })) }),
      ]),
    ).toBe(
      [
        '__names__ = {"Old_Style": "Old Style"}',
        "text = '''hi'''",
        'Greeting = text',
        'Old_Style = ...',
        'Greeting.append(Old_Style)',
        'Greeting.append(...)',
        'Date = datetime.datetime.now()',
        '',
      ].join('\n'),
    );
  });

  it('Set Variable forms that would read as something else are explicit calls', () => {
    const keyed = output('T1', 'Text', { Aggrandizements: [d({ Type: 'WFDictionaryValueVariableAggrandizement', DictionaryKey: 'k' })] });
    expect(
      body([
        gettext('T1'),
        action('is.workflow.actions.setvariable', { WFVariableName: 'A', WFInput: tokenAttachment(keyed) }),
        action('is.workflow.actions.setvariable', { WFVariableName: 'B', WFInput: tokenAttachment(d({ Type: 'Clipboard' })) }),
        action('is.workflow.actions.setvariable', { WFVariableName: 'C', WFInput: text('x') }),
        action('is.workflow.actions.setvariable', { UUID: 'S1', WFVariableName: 'D' }),
      ]),
    ).toBe(
      [
        "text = '''hi'''",
        `is_workflow_actions_setvariable(WFVariableName='''A''', WFInput=text["k"])`,
        "is_workflow_actions_setvariable(WFVariableName='''B''', WFInput=is_workflow_actions_getclipboard())",
        "is_workflow_actions_setvariable(WFVariableName='''C''', WFInput=f'''x''')",
        "setvariable = is_workflow_actions_setvariable(WFVariableName='''D''')",
        '',
      ].join('\n'),
    );
  });

  it('Comment and Nothing are always calls; # lines are never written for them', () => {
    expect(body([action('is.workflow.actions.comment', { WFCommentActionText: 'note' }), action('is.workflow.actions.nothing')])).toBe(
      ["is_workflow_actions_comment(WFCommentActionText='''note''')", 'is_workflow_actions_nothing()', ''].join('\n'),
    );
  });

  it('variables whose names are not identifiers, or are reserved, are renamed in __names__', () => {
    expect(
      headerLine(
        [
          action('is.workflow.actions.setvariable', { WFVariableName: 'My Var' }),
          action('is.workflow.actions.setvariable', { WFVariableName: 'My_Var' }),
          action('is.workflow.actions.setvariable', { WFVariableName: 'input' }),
          action('is.workflow.actions.setvariable', { WFVariableName: '名字' }),
          action('is.workflow.actions.setvariable', { WFVariableName: 'Repeat_Item' }),
          action('is.workflow.actions.setvariable', { WFVariableName: 'Repeat Item 2' }),
        ],
        '__names__',
      ),
    ).toBe('__names__ = {"My_Var": "My Var", "My_Var_2": "My_Var", "input_2": "input", "var": "名字", "var_Repeat_Item": "Repeat_Item"}');
  });
});

describe('keys Python would not take as keyword names', () => {
  it('Unicode letters outside XID (and keywords) are written as ** unpacking', () => {
    expect(body([action('is.workflow.actions.showresult', [['\u037A', int(1)], ['名字', int(2)], ['None', int(3)]])])).toBe(
      "is_workflow_actions_showresult(**{'\u037A': 1}, 名字=2, **{'None': 3})\n",
    );
  });
});
