import { describe, expect, it } from 'vitest';
import { checkWorkflow, type Origin } from '../../src/checker/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Value, Workflow } from '../../src/ir/types.js';
import { checkerCatalog } from '../support/checker-catalog.js';
import {
  act,
  bool,
  ifBlock,
  int,
  list,
  menu,
  named,
  outputOf,
  repeatCount,
  repeatEach,
  setVariable,
  str,
  table,
  text,
  variable,
  workflow,
} from '../support/ir-build.js';

const catalog = checkerCatalog();

function run(w: Workflow, origin: Origin = 'code'): Diagnostic[] {
  return checkWorkflow(w, catalog, { origin });
}

function only(w: Workflow, code: string, origin: Origin = 'code'): Diagnostic[] {
  return run(w, origin).filter((d) => d.code === code);
}

/** The first backticked name of a suggestion: the best candidate. */
function firstSuggestion(d: Diagnostic | undefined): string | undefined {
  return /`([^`]*)`/.exec(d?.suggestion ?? '')?.[1];
}

describe('unknown action (SC6001)', () => {
  it('names the nearest action first, as the reader writes names', () => {
    const [inCode] = only(workflow(act('is.workflow.actions.dowloadurl', { WFURL: str('https://x') })), 'SC6001');
    expect(inCode).toMatchObject({ severity: 'error', message: expect.stringContaining('`is_workflow_actions_dowloadurl`') });
    expect(firstSuggestion(inCode)).toBe('is_workflow_actions_downloadurl');
    const [inFile] = only(workflow(act('is.workflow.actions.dowloadurl')), 'SC6001', 'shortcut');
    expect(inFile).toMatchObject({ severity: 'warning', location: { kind: 'plist', path: ['WFWorkflowActions', 0] } });
    expect(firstSuggestion(inFile)).toBe('is.workflow.actions.downloadurl');
  });

  it('treats a match up to case or separators as unknown (Shortcuts looks identifiers up exactly)', () => {
    const [d] = only(workflow(act('Is.Workflow.Actions.Comment')), 'SC6001');
    expect(firstSuggestion(d)).toBe('is_workflow_actions_comment');
  });

  it('offers actions sharing words when nothing is spelled alike', () => {
    const [d] = only(workflow(act('com.nowhere.Tool.DownloadTheWebPageIntent')), 'SC6001');
    expect(d?.suggestion).toMatch(/similar words: .*`is_workflow_actions_downloadurl`/);
  });

  it('does not look at the parameters of an unknown action', () => {
    expect(run(workflow(act('com.nowhere.Tool.Intent', { anything: table({ a: 'b' }) })))).toHaveLength(1);
  });

  it('reports nothing for known actions', () => {
    expect(run(workflow(act('is.workflow.actions.comment', { WFCommentActionText: str('hi') })))).toEqual([]);
  });
});

describe('unknown parameter (SC6002)', () => {
  it('is an error with the known key first when the key looks misspelled', () => {
    const [d] = only(workflow(act('is.workflow.actions.downloadurl', { WFURLL: str('https://x') })), 'SC6002');
    expect(d).toMatchObject({
      severity: 'error',
      message: '`is_workflow_actions_downloadurl` has no parameter `WFURLL`',
      location: { kind: 'plist', path: ['WFWorkflowActions', 0, 'WFWorkflowActionParameters', 'WFURLL'] },
    });
    expect(firstSuggestion(d)).toBe('WFURL');
  });

  it('catches a key that differs only in case', () => {
    expect(firstSuggestion(only(workflow(act('is.workflow.actions.downloadurl', { wfurl: str('x') })), 'SC6002')[0])).toBe('WFURL');
  });

  it('accepts the keys real shortcuts carry without a declaration (wild keys)', () => {
    const w = workflow(
      act('is.workflow.actions.downloadurl', { 'Show-WFURL': bool(true), WFVariable: variable(named('x')), Advanced: bool(false) }),
      act('is.workflow.actions.runworkflow', { WFWorkflowName: str('Other'), WFShowWorkflow: bool(false) }),
    );
    expect(only(w, 'SC6002')).toEqual([]);
  });

  it('only warns about a key close to no known one (it may belong to another app version), listing the keys', () => {
    const [d] = only(workflow(act('is.workflow.actions.round', { WFRoundType: str('Decimal Places') })), 'SC6002');
    expect(d?.severity).toBe('warning');
    const [far] = only(workflow(act('is.workflow.actions.number', { Timeout: int(3) })), 'SC6002');
    expect(far).toMatchObject({ severity: 'warning', suggestion: 'its parameters are `WFNumberActionNumber`' });
  });

  it('is lenient with custom-intent actions, whose parameter lists are incomplete', () => {
    const w = workflow(act('is.workflow.actions.flashlight', { stat: str('on'), WFFlashlightSetting: str('On') }));
    expect(only(w, 'SC6002').map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(only(w, 'SC6002', 'shortcut').map((d) => d.severity)).toEqual(['info', 'info']);
  });

  it('is a warning in a shortcut file', () => {
    expect(only(workflow(act('is.workflow.actions.downloadurl', { WFURLL: str('x') })), 'SC6002', 'shortcut')[0]?.severity).toBe('warning');
  });
});

describe('enum value not allowed (SC6003)', () => {
  it('lists the allowed values and suggests the nearest', () => {
    const [d] = only(workflow(act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('Frist Item') })), 'SC6003');
    expect(d?.severity).toBe('error');
    expect(d?.message).toBe(
      '`WFItemSpecifier` does not take "Frist Item"; it takes `First Item`, `Last Item`, `Random Item`, `Item At Index` or `Items in Range`',
    );
    expect(firstSuggestion(d)).toBe('First Item');
  });

  it('accepts items, variables, empty values and the old-version values the catalog lists', () => {
    const w = workflow(
      act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('Last Item') }),
      act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: variable(named('x')) }),
      act('is.workflow.actions.count', { WFCountType: str('') }),
      ifBlock({ WFCondition: int(4), WFConditionalActionString: str('a') }, []),
      ifBlock({ WFCondition: str('Equals') }, []),
      ifBlock({ WFCondition: str('Is Less Than') }, []),
    );
    expect(only(w, 'SC6003')).toEqual([]);
  });

  it('is a warning in a shortcut file (another app version may allow it)', () => {
    const w = workflow(ifBlock({ WFCondition: str('Is Not Equal') }, []));
    expect(only(w, 'SC6003', 'shortcut')[0]?.severity).toBe('warning');
  });
});

describe('value of the wrong kind (SC6004)', () => {
  const item = (index: Value) => ({ WFItemSpecifier: str('Item At Index'), WFItemIndex: index });

  it('reports a dictionary where a number belongs, saying what to give', () => {
    const [d] = only(workflow(act('is.workflow.actions.getitemfromlist', item(table({ a: '1' })))), 'SC6004');
    expect(d).toMatchObject({ severity: 'error', message: '`WFItemIndex` takes a number, not a dictionary' });
    expect(d?.suggestion).toMatch(/^give a number, e\.g\. `1`/);
  });

  it('accepts numbers written as text, variables, text with variables, and cleared fields', () => {
    const w = workflow(
      act('is.workflow.actions.getitemfromlist', item(str('2'))),
      act('is.workflow.actions.getitemfromlist', item(str(' 1,5 '))),
      act('is.workflow.actions.getitemfromlist', item(str(''))),
      act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('Item At Index'), WFItemIndex: variable(named('n')) }),
      act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('Item At Index'), WFItemIndex: text(named('n')) }),
      act('is.workflow.actions.number', { WFNumberActionNumber: int(3) }),
    );
    expect(only(w, 'SC6004')).toEqual([]);
  });

  it('reports text that is no number in a number field', () => {
    expect(only(workflow(act('is.workflow.actions.number', { WFNumberActionNumber: str('three') })), 'SC6004')).toHaveLength(1);
  });

  it('reports text a switch cannot read, and structures in switches and dictionaries', () => {
    const w = workflow(
      act('is.workflow.actions.ask', { WFAllowsMultilineText: str('maybe') }),
      act('is.workflow.actions.ask', { WFAllowsMultilineText: str('yes') }),
      act('is.workflow.actions.ask', { WFAllowsMultilineText: list(bool(true)) }),
      act('is.workflow.actions.dictionary', { WFItems: str('a=b') }),
      act('is.workflow.actions.dictionary', { WFItems: table({ a: 'b' }) }),
    );
    expect(only(w, 'SC6004').map((d) => d.message)).toEqual([
      '`WFAllowsMultilineText` takes a boolean, not the text "maybe"',
      '`WFAllowsMultilineText` takes a boolean, not a list',
      '`WFItems` takes a dictionary, not the text "a=b"',
    ]);
  });

  it("trusts WorkflowLLM's classes for app intents only as far as real files bear them out", () => {
    const w = workflow(
      act('com.example.Files.WriteFileIntent', { mode: str('overwrite'), path: list(str('a')) }),
      act('com.example.Files.WriteFileIntent', { mode: table({ a: 'b' }) }),
    );
    expect(only(w, 'SC6004').map((d) => d.message)).toEqual(['`mode` takes a number, not a dictionary']);
  });

  it('is only information in a shortcut file', () => {
    expect(only(workflow(act('is.workflow.actions.number', { WFNumberActionNumber: table({}) })), 'SC6004', 'shortcut')[0]?.severity).toBe('info');
  });
});

describe('parameter that only applies under another value (SC6005)', () => {
  it('warns when the other value is given and does not match', () => {
    const [d] = only(workflow(act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('First Item'), WFItemIndex: int(2) })), 'SC6005');
    expect(d).toMatchObject({
      severity: 'warning',
      message: '`WFItemIndex` only applies when `WFItemSpecifier` is `Item At Index`, but it is "First Item"; the app ignores it',
      suggestion: 'set `WFItemSpecifier="Item At Index"`, or remove `WFItemIndex`',
    });
  });

  it('uses the default when the other parameter is absent', () => {
    const [d] = only(workflow(act('is.workflow.actions.getitemfromlist', { WFItemIndex: int(2) })), 'SC6005');
    expect(d?.message).toContain('but it is "First Item" (the default)');
  });

  it('says nothing when the other value is a variable, or matches, or the parameter is empty', () => {
    const w = workflow(
      act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: variable(named('how')), WFItemIndex: int(2) }),
      act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('Item At Index'), WFItemIndex: int(2) }),
      act('is.workflow.actions.getitemfromlist', { WFItemIndex: str('') }),
      act('is.workflow.actions.downloadurl', { WFHTTPMethod: str('POST'), WFHTTPBodyType: str('JSON'), WFJSONValues: table({ a: 'b' }) }),
    );
    expect(only(w, 'SC6005')).toEqual([]);
  });

  it('leaves the relation alone when the other value is itself not allowed (SC6003 says so)', () => {
    const w = workflow(act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('Item At Indx'), WFItemIndex: int(2) }));
    expect(run(w).map((d) => d.code)).toEqual(['SC6003']);
  });

  it('ignores stale variables inside a parameter the app ignores', () => {
    const w = workflow(act('is.workflow.actions.downloadurl', { WFHTTPMethod: str('POST'), WFHTTPBodyType: str('Form'), WFJSONValues: variable(outputOf('GONE')) }));
    expect(run(w).map((d) => d.code)).toEqual(['SC6005']);
  });
});

describe('variables (SC6006, SC6007, SC6008, SC6011)', () => {
  const show = (ref: ReturnType<typeof named>) => act('is.workflow.actions.showresult', { Text: text('value: ', ref) });

  it('reports a name nothing sets, with the nearest name set in the workflow first', () => {
    const w = workflow(setVariable('total', int(1)), setVariable('title', str('x')), show(named('totl')));
    const [d] = only(w, 'SC6006');
    expect(d).toMatchObject({ severity: 'error', message: '`totl` is never set in this workflow' });
    expect(firstSuggestion(d)).toBe('total');
  });

  it('reports a use before every setting as used before set', () => {
    const [d] = only(workflow(show(named('total')), setVariable('total', int(1))), 'SC6007');
    expect(d).toMatchObject({ severity: 'error', message: '`total` is used before it is set: no path to this point sets it' });
  });

  it('knows a variable set in every branch is set afterwards', () => {
    const w = workflow(
      ifBlock({ WFCondition: int(100) }, [setVariable('a', int(1))], [setVariable('a', int(2))]),
      menu({ One: [setVariable('b', int(1))], Two: [setVariable('b', int(2))] }),
      repeatCount(int(3), [setVariable('c', int(1))]),
      show(named('a')),
      show(named('b')),
      show(named('c')),
    );
    expect(run(w)).toEqual([]);
  });

  it('only informs about a variable set on some paths (an unset variable reads as empty)', () => {
    const w = workflow(
      ifBlock({ WFCondition: int(100) }, [setVariable('a', int(1))]),
      repeatEach(variable(named('a')), [setVariable('b', int(1))]),
      show(named('a')),
      show(named('b')),
    );
    // `a` in the repeat's input and after it, `b` after the loop (it may run zero times).
    expect(run(w).map((d) => `${d.code} ${d.severity}`)).toEqual(['SC6008 info', 'SC6008 info', 'SC6008 info']);
  });

  it('sees that a loop body may set a variable before a later iteration reads it (accumulators)', () => {
    const w = workflow(repeatEach(variable(named('x')), [show(named('sum')), setVariable('sum', text(named('sum'), named('Repeat Item')))]), setVariable('x', int(0)));
    const codes = run(w).map((d) => d.code);
    expect(codes.filter((c) => c === 'SC6008')).toHaveLength(2);
    expect(codes).toContain('SC6007'); // `x` is read by the repeat before it is set
    expect(codes).not.toContain('SC6006');
  });

  it('knows Repeat Item and Repeat Index by loop depth', () => {
    const w = workflow(
      show(named('Repeat Item')),
      repeatEach(list(str('a')), [show(named('Repeat Item')), show(named('Repeat Index')), show(named('Repeat Item 2')), repeatCount(int(2), [show(named('Repeat Index 2'))])]),
    );
    const found = only(w, 'SC6011');
    expect(found.map((d) => d.message)).toEqual([
      '`Repeat_Item` is only set inside a repeat block, and this use is outside any',
      '`Repeat_Item_2` is only set inside 2 nested repeat blocks, and this use is inside 1',
    ]);
    expect(firstSuggestion(found[1])).toBe('Repeat_Item');
  });

  it('judges no name when a Set Variable takes its name from a variable', () => {
    expect(run(workflow(act('is.workflow.actions.setvariable', { WFVariableName: variable(named('which')), WFInput: int(1) }), show(named('anything'))))).toEqual(
      only(workflow(act('is.workflow.actions.setvariable', { WFVariableName: variable(named('which')) })), 'SC6006'),
    );
  });

  it('writes names as the code does, and leaves everything but catalog gaps at info in a shortcut file', () => {
    const w = workflow(show(named('My Var')));
    expect(only(w, 'SC6006')[0]?.message).toBe('`My_Var` is never set in this workflow');
    expect(only(w, 'SC6006', 'shortcut')[0]).toMatchObject({ severity: 'info', message: '`My Var` is never set in this workflow' });
  });
});

describe('action outputs (SC6007–SC6010)', () => {
  it('warns when the output of an action that has none is used', () => {
    const w = workflow(act('is.workflow.actions.comment', { WFCommentActionText: str('x') }, 'C1'), act('is.workflow.actions.showresult', { Text: variable(outputOf('C1', 'Comment')) }));
    const [d] = only(w, 'SC6009');
    expect(d).toMatchObject({ severity: 'warning', message: 'the output "Comment" is used, but `is_workflow_actions_comment` (action 0) has no output; it is empty' });
  });

  it('knows content-item actions output what they find, though their definitions list no output', () => {
    const w = workflow(act('is.workflow.actions.filter.files', {}, 'F1'), act('is.workflow.actions.showresult', { Text: variable(outputOf('F1')) }));
    expect(run(w)).toEqual([]);
  });

  it('counts a block end as having an output (If Result, Menu Result)', () => {
    const w = workflow(ifBlock({ WFCondition: int(100) }, [act('is.workflow.actions.gettext', { WFTextActionText: str('a') })], undefined, 'END'), act('is.workflow.actions.showresult', { Text: variable(outputOf('END')) }));
    expect(run(w)).toEqual([]);
  });

  it('reports a dangling output in code only (lifting reports it for files)', () => {
    const w = workflow(act('is.workflow.actions.showresult', { Text: variable(outputOf('NOPE', 'Text')) }));
    expect(only(w, 'SC6010')[0]).toMatchObject({ severity: 'error', message: 'the output "Text" belongs to no action in this workflow (UUID NOPE)' });
    expect(run(w, 'shortcut')).toEqual([]);
  });

  it('reports an output used before its action runs, and one from a branch as maybe empty', () => {
    const w = workflow(
      act('is.workflow.actions.showresult', { Text: variable(outputOf('T1')) }),
      act('is.workflow.actions.gettext', { WFTextActionText: str('a') }, 'T1'),
      ifBlock({ WFCondition: int(100) }, [act('is.workflow.actions.gettext', { WFTextActionText: str('b') }, 'T2')]),
      act('is.workflow.actions.showresult', { Text: text(outputOf('T2'), outputOf('T1')) }),
    );
    expect(run(w).map((d) => `${d.code} ${d.severity}`)).toEqual(['SC6007 error', 'SC6008 info']);
  });
});

describe('robustness', () => {
  it('checks an empty workflow and raw entries without complaint', () => {
    expect(run(workflow())).toEqual([]);
    expect(run(workflow({ kind: 'raw', action: str('junk'), reason: 'the entry is not a dictionary' }))).toEqual([]);
  });

  it('is not fooled by identifiers and keys named like object properties', () => {
    const w = workflow(
      { kind: 'action', identifier: 'constructor', parameters: [{ key: '__proto__', value: str('x') }], extraKeys: [] },
      { kind: 'action', identifier: 'is.workflow.actions.number', parameters: [{ key: 'constructor', value: str('1') }], extraKeys: [] },
    );
    expect(run(w).map((d) => d.code)).toEqual(['SC6001', 'SC6002']);
  });
});
