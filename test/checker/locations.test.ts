import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../../src/checker/index.js';
import type { SourceSpan } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { SourceMap } from '../../src/ir/source-map.js';
import type { Statement } from '../../src/ir/types.js';
import { irWorkflow } from '../arbitraries/ir.js';
import { checkerCatalog } from '../support/checker-catalog.js';
import { act, ifBlock, int, named, outputOf, repeatEach, str, table, text, variable, workflow } from '../support/ir-build.js';

const catalog = checkerCatalog();

function span(line: number, column: number, length = 1): SourceSpan {
  return { start: { line, column, offset: 0 }, end: { line, column: column + length, offset: length } };
}

describe('where diagnostics point', () => {
  // Line 1: is_workflow_actions_dowloadurl(WFURL='x')
  // Line 2: if …:  (an If whose start has a misspelt key)
  // Line 3:     is_workflow_actions_getitemfromlist(WFItemSpecifier='Frist Item', WFItemIndex={'a': '1'})
  // Line 4: is_workflow_actions_showresult(Text=f'{totl}')
  const unknown = act('is.workflow.actions.dowloadurl', { WFURL: str('x') });
  const inner = act('is.workflow.actions.getitemfromlist', { WFItemSpecifier: str('Frist Item'), WFItemIndex: table({ a: '1' }) });
  const block = ifBlock({ WFCondition: int(100), WFInputt: str('a') }, [inner]);
  const ref = named('totl');
  const show = act('is.workflow.actions.showresult', { Text: text(ref) });
  const w = workflow(unknown, block, show);

  const map = new SourceMap();
  map.setStatement(unknown, span(1, 1, 40));
  map.setCallee(unknown, span(1, 1, 30));
  map.setStatement(block.start, span(2, 1, 10));
  map.setStatement(inner, span(3, 5, 80));
  map.setKey(inner.parameters[0]!, span(3, 41, 15));
  map.setValue(inner.parameters[0]!.value, span(3, 57, 12));
  map.setValue(inner.parameters[1]!.value, span(3, 83, 10));
  map.setStatement(show, span(4, 1, 40));
  map.setValue(ref, span(4, 36, 4));

  it('uses the source map in code: the callee, the key, the value, the variable', () => {
    const found = checkWorkflow(w, catalog, { origin: 'code', sourceMap: map, file: 'x.py' });
    const where = found.map((d) => `${d.code} ${d.location?.kind === 'source' ? `${d.location.span.start.line}:${d.location.span.start.column}` : 'none'}`);
    expect(where).toEqual(['SC6001 1:1', 'SC6002 2:1', 'SC6003 3:57', 'SC6004 3:83', 'SC6006 4:36']);
    expect(formatDiagnostic(found[0]!)).toMatch(/^x\.py:1:1: error SC6001: unknown action `is_workflow_actions_dowloadurl`/);
  });

  it('falls back to plist paths without a source map, counting block parts as the flat actions they are', () => {
    const found = checkWorkflow(w, catalog, { origin: 'shortcut' });
    expect(found.map((d) => d.location)).toEqual([
      { kind: 'plist', path: ['WFWorkflowActions', 0] },
      { kind: 'plist', path: ['WFWorkflowActions', 1, 'WFWorkflowActionParameters', 'WFInputt'] },
      { kind: 'plist', path: ['WFWorkflowActions', 2, 'WFWorkflowActionParameters', 'WFItemSpecifier'] },
      { kind: 'plist', path: ['WFWorkflowActions', 2, 'WFWorkflowActionParameters', 'WFItemIndex'] },
      { kind: 'plist', path: ['WFWorkflowActions', 4, 'WFWorkflowActionParameters', 'Text'] },
    ]);
    expect(formatDiagnostic(found[0]!)).toContain('(at WFWorkflowActions[0])');
  });

  it('quotes what the code wrote for an output when it has the text', () => {
    const source = "note = is_workflow_actions_comment(WFCommentActionText='x')\nis_workflow_actions_showresult(Text=note)\n";
    const comment = act('is.workflow.actions.comment', { WFCommentActionText: str('x') }, 'C1');
    const use = outputOf('C1');
    const shown = act('is.workflow.actions.showresult', { Text: variable(use) });
    const m = new SourceMap();
    const at = source.indexOf('Text=note') + 5;
    m.setValue(use, { start: { line: 2, column: 37, offset: at }, end: { line: 2, column: 41, offset: at + 4 } });
    const [d] = checkWorkflow(workflow(comment, shown), catalog, { origin: 'code', sourceMap: m, source });
    expect(d?.message).toBe('`note` is used, but `is_workflow_actions_comment` (action 0) has no output; it is empty');
  });

  it('suggests the names outputs are bound to for a misspelt name in code', () => {
    const source = "response = is_workflow_actions_downloadurl(WFURL='https://x')\nis_workflow_actions_showresult(Text=respnse)\n";
    const download = act('is.workflow.actions.downloadurl', { WFURL: str('https://x') }, 'D1');
    const typo = named('respnse');
    const shown = act('is.workflow.actions.showresult', { Text: variable(typo) });
    const m = new SourceMap();
    m.setStatement(download, { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 62, offset: 61 } });
    const at = source.indexOf('respnse');
    m.setValue(typo, { start: { line: 2, column: 37, offset: at }, end: { line: 2, column: 44, offset: at + 7 } });
    const [d] = checkWorkflow(workflow(download, shown), catalog, { origin: 'code', sourceMap: m, source });
    expect(d).toMatchObject({ code: 'SC6006', message: '`respnse` is never set in this workflow', suggestion: 'did you mean `response`?' });
  });

  it('falls back to the statement when the map lacks a finer node', () => {
    const loop = repeatEach(variable(named('items')), []);
    const m = new SourceMap();
    m.setStatement(loop.start, span(7, 1, 30));
    const [d] = checkWorkflow(workflow(loop), catalog, { origin: 'code', sourceMap: m });
    expect(d).toMatchObject({ code: 'SC6006', location: { kind: 'source', span: { start: { line: 7, column: 1 } } } });
  });
});

describe('checking arbitrary IR', () => {
  it('never throws, and reports no error on a shortcut file', () => {
    fc.assert(
      fc.property(irWorkflow({ maxDepth: 4 }), (w) => {
        expect(checkWorkflow(w, catalog, { origin: 'shortcut' }).filter((d) => d.severity === 'error')).toEqual([]);
        for (const d of checkWorkflow(w, catalog, { origin: 'code' })) expect(d.code).toMatch(/^SC60\d\d$/);
      }),
      { numRuns: 300 },
    );
  });

  it('handles blocks nested as deep as the lifter allows', () => {
    let body: Statement[] = [act('is.workflow.actions.showresult', { Text: text(named('Repeat Item 256')) })];
    for (let depth = 0; depth < 256; depth++) body = [repeatEach(str('x'), body)];
    expect(checkWorkflow(workflow(...body), catalog, { origin: 'code' })).toEqual([]);
  });
});
