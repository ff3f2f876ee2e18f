import { describe, expect, it } from 'vitest';
import { action, d, int, named, output, real, text, tokenAttachment } from '../support/shortcut-build.js';
import { at, codes, compiled, expectActions, identifierOf, ok, parametersOf } from './helpers.js';

/**
 * Model code (no header), statement by statement: what each of WorkflowLLM's
 * spellings compiles to (grammars/model-code.md), checked as plists up to
 * renamed UUIDs.
 */
describe('model code: statements', () => {
  it('x = call(...) binds the action output; later uses are ActionOutput attachments', () => {
    const { actions } = ok("url = is_workflow_actions_url(WFURLActionURL='''https://example.com''')\nis_workflow_actions_openurl(WFInput=url)\n");
    expectActions(actions, [
      action('is.workflow.actions.url', { UUID: 'A', WFURLActionURL: 'https://example.com' }),
      // openurl's WFInput is a text field in the catalog: the variable is stored as text holding it.
      action('is.workflow.actions.openurl', { WFInput: text('\uFFFC', [['{0, 1}', output('A', 'URL')]]) }),
    ]);
  });

  it('a call on its own is an action without UUID', () => {
    const { actions } = ok("is_workflow_actions_alert(WFAlertActionMessage='''Hi''')\n");
    expectActions(actions, [action('is.workflow.actions.alert', { WFAlertActionMessage: 'Hi' })]);
  });

  it('X = y is Set Variable; later uses of X are the named variable', () => {
    const { actions } = ok("n = is_workflow_actions_number(WFNumberActionNumber=3)\nCount = n\nis_workflow_actions_showresult(Text=f'{Count}')\n");
    expectActions(actions, [
      action('is.workflow.actions.number', { UUID: 'A', WFNumberActionNumber: int(3) }),
      action('is.workflow.actions.setvariable', { WFInput: tokenAttachment(output('A', 'Number')), WFVariableName: 'Count' }),
      action('is.workflow.actions.showresult', { Text: text('\uFFFC', [['{0, 1}', named('Count')]]) }),
    ]);
  });

  it('X = None is Set Variable without input', () => {
    const { actions } = ok('Result = None\n');
    expectActions(actions, [action('is.workflow.actions.setvariable', { WFVariableName: 'Result' })]);
  });

  it('X += v and X.append(v) are Append to Variable', () => {
    const { actions, warnings } = ok("t = '''a'''\nAll += t\nAll.append(t)\n");
    expect(actions.slice(1).map(identifierOf)).toEqual(['is.workflow.actions.appendvariable', 'is.workflow.actions.appendvariable']);
    expect(parametersOf(actions[1]!).get('WFVariableName')).toBe('All');
    expect(codes(warnings)).toContain('SC5508');
  });

  it("x = '''text''' and x = f'''…''' are Text actions", () => {
    const { actions } = ok("a = '''plain'''\nb = f'''Hello {a}!'''\n");
    expectActions(actions, [
      action('is.workflow.actions.gettext', { UUID: 'A', WFTextActionText: 'plain' }),
      action('is.workflow.actions.gettext', { UUID: 'B', WFTextActionText: text('Hello \uFFFC!', [['{6, 1}', output('A', 'Text')]]) }),
    ]);
  });

  it('x = {…} is a Dictionary action with typed items', () => {
    const { actions } = ok("d = {'''name''': '''Ann''', '''age''': 42, '''ok''': True, '''tags''': ['''a'''], '''inner''': {'''k''': '''v'''}}\n");
    const items = ((parametersOf(actions[0]!).get('WFItems') as Map<string, unknown>).get('Value') as Map<string, unknown>).get('WFDictionaryFieldValueItems') as Map<string, unknown>[];
    expect(items.map((item) => (item.get('WFItemType') as { value: bigint }).value)).toEqual([0n, 3n, 4n, 2n, 1n]);
    expect(identifierOf(actions[0]!)).toBe('is.workflow.actions.dictionary');
  });

  it("x = d['''key'''] is Get Dictionary Value; X = d[\"key\"] is Set Variable with a dictionary key", () => {
    const { actions } = ok("d = {'''a''': '''1'''}\nv = d['''a''']\nV = d[\"a\"]\n");
    expect(identifierOf(actions[1]!)).toBe('is.workflow.actions.getvalueforkey');
    expect(parametersOf(actions[1]!).get('WFDictionaryKey')).toBe('a');
    expect(identifierOf(actions[2]!)).toBe('is.workflow.actions.setvariable');
    const input = (parametersOf(actions[2]!).get('WFInput') as Map<string, Map<string, unknown>>).get('Value')!;
    expect(input.get('Aggrandizements')).toEqual([d({ DictionaryKey: 'a', Type: 'WFDictionaryValueVariableAggrandizement' })]);
  });

  it("x = input('''prompt''') is Ask for Input", () => {
    const { actions } = ok("name = input('''Your name?''')\nis_workflow_actions_showresult(Text=f'{name}')\n");
    expectActions(actions.slice(0, 1), [action('is.workflow.actions.ask', { UUID: 'A', WFAskActionPrompt: 'Your name?' })]);
  });

  it('a number or a list assigned to a name is a Number or List action, with a warning', () => {
    const { actions, warnings } = ok("n = 5\nl = ['''a''', '''b''']\n");
    expectActions(actions, [
      action('is.workflow.actions.number', { UUID: 'A', WFNumberActionNumber: int(5) }),
      action('is.workflow.actions.list', { UUID: 'B', WFItems: ['a', 'b'] }),
    ]);
    expect(codes(warnings).filter((c) => c === 'SC5506')).toHaveLength(2);
  });

  it('Set Variable from a magic value: X = f\'{input("Please enter the value:")}\' is the Shortcut Input', () => {
    const { actions, warnings, plist } = ok('Input = f\'{input("Please enter the value:")}\'\n');
    expectActions(actions, [action('is.workflow.actions.setvariable', { WFInput: tokenAttachment(d({ Type: 'ExtensionInput' })), WFVariableName: 'Input' })]);
    expect(codes(warnings)).toContain('SC5510');
    expect((plist as Map<string, unknown>).get('WFWorkflowHasShortcutInputVariables')).toBe(true);
  });

  it('comments are not actions', () => {
    const { actions } = ok("# a comment\nis_workflow_actions_comment(WFCommentActionText='''kept''')\n");
    expect(actions.map(identifierOf)).toEqual(['is.workflow.actions.comment']);
  });

  it('a bare name statement does nothing and says so', () => {
    const { warnings, actions } = ok("x = '''a'''\nx\n");
    expect(actions).toHaveLength(1);
    expect(codes(warnings)).toContain('SC5104');
  });

  it('statements with no meaning in a shortcut are errors with line, column and a fix', () => {
    const { errors } = compiled('import os\nwhile True:\n    pass\ndef f():\n    pass\nx, y = 1, 2\na = b = 3\nn -= 1\n');
    expect(codes(errors)).toEqual(['SC5101', 'SC5101', 'SC5101', 'SC5102', 'SC5102', 'SC5105']);
    for (const e of errors) {
      expect(at(e)).not.toBe('nowhere');
      expect(e.suggestion).toBeTruthy();
    }
  });

  it('reports every error of a file, not the first only', () => {
    const { errors } = compiled("x = 1 + 2\ny = is_workflow_actions_gettext(WFTextActionText=a < b)\nwhile x:\n    pass\nif x and y:\n    pass\n");
    expect(codes(errors)).toEqual(['SC5103', 'SC5301', 'SC5101', 'SC5401']);
    expect(errors.map(at)).toEqual(['1:5', '2:50', '3:1', '5:4']);
  });

  it('an action call nested in a value runs just before the action using it', () => {
    const { actions, warnings } = ok("is_workflow_actions_showresult(Text=is_workflow_actions_gettext(WFTextActionText='''a'''))\n");
    expect(actions.map(identifierOf)).toEqual(['is.workflow.actions.gettext', 'is.workflow.actions.showresult']);
    expect(parametersOf(actions[0]!).get('UUID')).toBeTypeOf('string');
    expect(codes(warnings)).toContain('SC5504');
  });

  it('is_workflow_actions_getclipboard() inside a value is the Clipboard; on its own it is the Get Clipboard action', () => {
    const { actions } = ok('c = is_workflow_actions_getclipboard()\nis_workflow_actions_setclipboard(WFInput=is_workflow_actions_getclipboard())\n');
    expectActions(actions, [
      action('is.workflow.actions.getclipboard', { UUID: 'A' }),
      action('is.workflow.actions.setclipboard', { WFInput: tokenAttachment(d({ Type: 'Clipboard' })) }),
    ]);
  });

  it('outputs keep their CustomOutputName, and references carry it', () => {
    const { actions } = ok("t = is_workflow_actions_gettext(WFTextActionText='''a''', CustomOutputName='''Mine''')\nis_workflow_actions_setclipboard(WFInput=t)\n");
    expectActions(actions, [
      action('is.workflow.actions.gettext', { CustomOutputName: 'Mine', UUID: 'A', WFTextActionText: 'a' }),
      action('is.workflow.actions.setclipboard', { WFInput: tokenAttachment(output('A', 'Mine')) }),
    ]);
  });

  it('Show-* keywords and other plist keys that are not identifiers are kept', () => {
    const { actions } = ok("is_workflow_actions_openurl(WFInput='''https://a.b''', Show-WFInput=True)\n");
    expect(parametersOf(actions[0]!).get('Show-WFInput')).toBe(true);
  });

  it('a positional argument is the action\'s input when the catalog names one', () => {
    const { actions, warnings } = ok("x = '''a'''\nis_workflow_actions_setclipboard(x)\n");
    expect(parametersOf(actions[1]!).has('WFInput')).toBe(true);
    expect(codes(warnings)).toContain('SC5508');
  });

  it('an output used before its action runs is read with a warning (inside a loop: the previous iteration, silently)', () => {
    const top = ok("is_workflow_actions_showresult(Text=f'{later}')\nlater = '''x'''\n");
    expect(codes(top.warnings)).toContain('SC5206');
    const loop = ok("for Repeat_Index in range(int(3)):\n    is_workflow_actions_showresult(Text=f'{later}')\n    later = '''x'''\n");
    expect(codes(loop.warnings)).not.toContain('SC5206');
    const refs = (parametersOf(loop.actions[1]!).get('Text') as Map<string, Map<string, Map<string, Map<string, unknown>>>>).get('Value')!.get('attachmentsByRange')!;
    expect([...refs.values()][0]!.get('OutputUUID')).toBe(parametersOf(loop.actions[2]!).get('UUID'));
  });

  it('a name nothing assigns is read as a named variable with a warning and a suggestion', () => {
    const { warnings } = ok("userName = '''a'''\nis_workflow_actions_showresult(Text=f'{username}')\n");
    const w = warnings.find((x) => x.code === 'SC5202')!;
    expect(w.suggestion).toContain('userName');
  });

  it('numbers written as text go to number parameters as numbers', () => {
    const { actions, warnings } = ok("x = is_workflow_actions_number(WFNumberActionNumber='''2.5''')\ny = is_workflow_actions_getitemfromlist(WFInput=x, WFItemIndex='''2''')\n");
    expect(parametersOf(actions[0]!).get('WFNumberActionNumber')).toEqual(real(2.5));
    expect(parametersOf(actions[1]!).get('WFItemIndex')).toEqual(int(2));
    expect(codes(warnings).filter((c) => c === 'SC5502')).toHaveLength(2);
  });
});
