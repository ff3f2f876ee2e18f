import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/catalog.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { readPickle } from '../../src/catalog/pickle/reader.js';
import { stringKeyedEntries } from '../../src/catalog/pickle/value.js';
import { runCli } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';
import { sharedCatalog } from '../support/catalog.js';
import { describeShared } from '../support/corpus.js';
import { sharedPath } from '../support/shared.js';

/** Every identifier WorkflowLLM's JSON pickle lists, read independently of the importer's entry code. */
function workflowLlmIdentifiers(): string[] {
  const result = readPickle(readFileSync(sharedPath('workflowllm', 'identifier2json.pkl')));
  return [...(stringKeyedEntries(result.value)?.keys() ?? [])];
}

function captureIO(env: Record<string, string | undefined>): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: process.cwd(), env, out, err };
}

describeShared('catalog import of ../shared/workflowllm', () => {
  it('imports 1,503 WorkflowLLM APIs and 1,530 actions in all, without errors or warnings', () => {
    const { catalog, report, diagnostics } = sharedCatalog();
    expect(diagnostics).toEqual([]);
    expect(report.found).toHaveLength(6);
    expect(report.document.sources.find((s) => s.kind === 'workflowllm')?.actions).toBe(1503);
    expect(report.document.sources.find((s) => s.kind === 'wfactions')?.actions).toBe(385);
    const stats = catalog.stats();
    expect(stats.bySource.workflowllm).toBe(1503);
    expect(stats.actions).toBe(1530);
    expect(stats.notInWorkflowLlm).toBe(27);
    expect(stats.apps).toBe(90);
    expect(stats.appCounts[0]).toEqual({ name: 'is.workflow.actions', count: 367 });
    expect(stats.appCounts.reduce((sum, r) => sum + r.count, 0)).toBe(1530);
    expect(catalog.duplicates).toEqual([]);
  });

  it('resolves every WorkflowLLM identifier by dotted name, exact Python name and loose name', () => {
    const { catalog } = sharedCatalog();
    const ids = workflowLlmIdentifiers();
    expect(ids).toHaveLength(1503);
    let dashed = 0;
    for (const id of ids) {
      const action = catalog.byIdentifier(id);
      expect(action, id).toBeDefined();
      const pythonName = id.replaceAll('.', '_');
      if (pythonName.includes('-')) dashed++;
      expect(catalog.byPythonName(pythonName)).toBe(action);
      expect(catalog.byNormalizedName(pythonName.toUpperCase().replaceAll('-', '_'))).toBe(action);
    }
    expect(dashed).toBe(135);
    for (const action of catalog.actions) expect(catalog.resolve(action.pythonName)?.action).toBe(action);
  });

  it('has the 27 WFActions-only actions, named the same way', () => {
    const { catalog } = sharedCatalog();
    const only = catalog.actions.filter((a) => !a.sources.includes('workflowllm'));
    expect(only).toHaveLength(27);
    expect(catalog.byPythonName('is_workflow_actions_text_match')?.identifier).toBe('is.workflow.actions.text.match');
    expect(catalog.byPythonName('com_apple_TVRemoteUIService_SleepAppleTVIntent')).toBeDefined();
  });

  it('keeps WFActions facts for the built-ins: enum items, defaults, relations, output names', () => {
    const { catalog } = sharedCatalog();
    expect(catalog.parameter('is.workflow.actions.getitemfromlist', 'WFItemIndex')?.relations).toEqual([{ key: 'WFItemSpecifier', relation: 'equals', values: ['Item At Index'] }]);
    expect(catalog.parameter('is_workflow_actions_downloadurl', 'WFHTTPMethod')?.enum?.map((e) => e.value)).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    expect(catalog.outputName('is.workflow.actions.downloadurl')).toBe('Contents of URL');
    expect(catalog.parameter('is.workflow.actions.speaktext', 'WFSpeakTextRate')?.default).toBe(0.5);
    expect(catalog.byIdentifier('is.workflow.actions.format.date')?.summaries?.length).toBeGreaterThan(0);
  });

  it('ranks search results sensibly', () => {
    const { catalog } = sharedCatalog();
    const top = (q: string): string | undefined => catalog.search(q, 3)[0]?.action.identifier;
    expect(top('download url')).toBe('is.workflow.actions.downloadurl');
    expect(top('split text')).toBe('is.workflow.actions.text.split');
    expect(top('set variable')).toBe('is.workflow.actions.setvariable');
    expect(top('regular expression match')).toBe('is.workflow.actions.text.match');
    expect(top('dictionary value')).toBe('is.workflow.actions.getvalueforkey');
    expect(catalog.search('toggl time entry', 5).every((h) => h.action.app === 'com.joehribar.toggl')).toBe(true);
  });

  it('suggests the intended action for misspelt names', () => {
    const { catalog } = sharedCatalog();
    const first = (name: string): string | undefined => catalog.suggestActions(name, 3)[0]?.action.pythonName;
    expect(first('is_workflow_actions_dowloadurl')).toBe('is_workflow_actions_downloadurl');
    expect(first('is_workflow_actions_text_matches')).toBe('is_workflow_actions_text_match');
    expect(first('is_workflow_actions_gettxt')).toBe('is_workflow_actions_gettext');
    expect(first('com_joehribar_toggl_StartTimeEntry')).toBe('com_joehribar_toggl_StartTimeEntryIntent');
  });

  it('loads the written file through --catalog / SHORTCUTC_CATALOG and the CLI reports both counts', async () => {
    const { path } = sharedCatalog();
    const loaded = loadCatalog({ env: { SHORTCUTC_CATALOG: path } });
    expect(loaded.ok).toBe(true);
    expect(loaded.value).toBeInstanceOf(Catalog);
    expect(loaded.value?.size).toBe(1530);
    expect(loaded.value?.origin).toEqual({ kind: 'env', path });
    const io = captureIO({ SHORTCUTC_CATALOG: path });
    expect(await runCli(['catalog', 'stats', '--verbose'], io)).toBe(0);
    const text = io.out.join('');
    expect(text).toContain('APIs: 1,530 actions');
    expect(text).toContain('from WorkflowLLM: 1,503');
    expect(text).toContain('not in WorkflowLLM: 27');
    expect(text).toMatch(/^\s+367 {2}is\.workflow\.actions$/m);
    expect(io.err.join('')).toContain('from $SHORTCUTC_CATALOG');
  });
});
