import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/index.js';
import { printWorkflowLlm } from '../support/workflowllm-printer.js';

/** The test printer of WorkflowLLM's converter spelling (used by test/corpus/model-code-corpus.test.ts). */
describe('workflowllm printer', () => {
  const reprint = (code: string): string => {
    const result = compile(code, {});
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return printWorkflowLlm(result.workflow!);
  };

  it('prints calls, Set Variable, Text, magic values in text, conditions, loops and menus as the converter did', () => {
    const code = [
      "url = is_workflow_actions_url(WFURLActionURL='''https://a.b''', Show-text=True)",
      'Site = url',
      "is_workflow_actions_showresult(Text=f'''{Site.Name} at datetime.datetime.now()''')",
      "if Site == '''x''':",
      '    pass',
      'else:',
      "    is_workflow_actions_alert(WFAlertActionMessage='''no''')",
      "for Repeat_Index in range(int(3)):",
      "    match input(prompt='''Pick'''):",
      '        case "One":',
      '            pass',
      '',
    ].join('\n');
    expect(reprint(code)).toBe(
      [
        "url = is_workflow_actions_url( WFURLActionURL='''https://a.b''', Show-text=True)",
        'Site = url',
        "is_workflow_actions_showresult( Text=f'''{Site.Name} at datetime.datetime.now()''')",
        "if Site == '''x''':",
        '    pass',
        'else:',
        "    is_workflow_actions_alert( WFAlertActionMessage='''no''')",
        'for Repeat_Index in range(int(3)):',
        "    match input(prompt='''Pick'''):",
        '        case "One":',
        '            pass',
        '',
      ].join('\n'),
    );
  });

  it('prints plain dictionaries and dictionary parameters with their text unquoted, a Dictionary action quoted', () => {
    const printed = reprint("d = {'''k''': '''v'''}\nis_workflow_actions_runworkflow(WFWorkflow={\"workflowName\": '''Other'''}, WFInput=d)\n");
    expect(printed).toBe("dictionary = {'''k''': '''v'''}\nis_workflow_actions_runworkflow( WFWorkflow={\"workflowName\": Other}, WFInput=dictionary)\n");
  });
});
