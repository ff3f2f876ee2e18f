import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binderDiagnostics } from '../../src/binder/index.js';
import { codeToIr, compile } from '../../src/compile/index.js';
import { datasetDiagnostics } from '../../src/compile/diagnostics.js';
import { flatActions } from '../../src/ir/walk.js';
import { readPlist } from '../../src/plist/index.js';
import type { PlistDict } from '../../src/plist/value.js';
import { repoPath } from '../support/shared.js';
import { core } from './helpers.js';

const MODEL = "url = is_workflow_actions_url(WFURLActionURL='''https://a.b''')\nr = is_workflow_actions_downloadurl(WFURL=url)\nis_workflow_actions_showresult(Text=f'''{r} {Shortcut_Input}''')\n";

/** The twelve top-level keys Apple's current export writes (format notes §3, §8). */
const TWELVE = [
  'WFQuickActionSurfaces',
  'WFWorkflowActions',
  'WFWorkflowClientVersion',
  'WFWorkflowHasOutputFallback',
  'WFWorkflowHasShortcutInputVariables',
  'WFWorkflowIcon',
  'WFWorkflowImportQuestions',
  'WFWorkflowInputContentItemClasses',
  'WFWorkflowMinimumClientVersion',
  'WFWorkflowMinimumClientVersionString',
  'WFWorkflowOutputContentItemClasses',
  'WFWorkflowTypes',
];

describe('compile()', () => {
  it('writes a binary plist by default, XML on request, both reading back to the same workflow', () => {
    const binary = compile(MODEL, { catalog: core() });
    const xml = compile(MODEL, { catalog: core(), format: 'xml' });
    expect(new TextDecoder().decode(binary.shortcut!.subarray(0, 8))).toBe('bplist00');
    expect(new TextDecoder().decode(xml.shortcut!.subarray(0, 5))).toBe('<?xml');
    const a = readPlist(binary.shortcut!);
    const b = readPlist(xml.shortcut!);
    expect(a.ok && b.ok).toBe(true);
    expect(a.value).toEqual(b.value);
  });

  it('gives model code all twelve top-level keys, with the types Apple uses', () => {
    const root = compile(MODEL, { catalog: core() }).plist as PlistDict;
    expect([...root.keys()].sort()).toEqual(TWELVE);
    expect(typeof root.get('WFWorkflowClientVersion')).toBe('string');
    expect(root.get('WFWorkflowMinimumClientVersion')).toEqual({ kind: 'integer', value: 900n });
    expect(root.get('WFWorkflowMinimumClientVersionString')).toBe('900');
    expect(root.get('WFWorkflowHasShortcutInputVariables')).toBe(true);
    const none = compile("is_workflow_actions_alert(WFAlertActionMessage='''x''')\n").plist as PlistDict;
    expect(none.get('WFWorkflowHasShortcutInputVariables')).toBe(false);
  });

  it('is deterministic: the same code gives the same bytes; a seed changes only the identifiers', () => {
    const a = compile(MODEL, { catalog: core() }).shortcut!;
    const b = compile(MODEL, { catalog: core() }).shortcut!;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const seeded = compile(MODEL, { catalog: core(), seed: 'other' }).shortcut!;
    expect(Buffer.from(a).equals(Buffer.from(seeded))).toBe(false);
    expect(seeded.length).toBe(a.length);
  });

  it('gives no shortcut when there are errors, and still every diagnostic', () => {
    const result = compile("x = 1 +\ny = is_workflow_actions_gettext(WFTextActionText=a < b)\n", { catalog: core() });
    expect(result.shortcut).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(2);
    expect(result.diagnostics.every((d) => d.file === undefined)).toBe(true);
    const named = compile('x = 1 +\n', { file: 'f.py' });
    expect(named.diagnostics.every((d) => d.file === 'f.py')).toBe(true);
  });

  it('reports what XML cannot hold instead of writing a broken file', () => {
    const result = compile("is_workflow_actions_x(A='''bell\\x07''')\n", { format: 'xml' });
    expect(result.shortcut).toBeUndefined();
    expect(result.diagnostics.some((d) => d.code.startsWith('SC1'))).toBe(true);
    expect(compile("is_workflow_actions_x(A='''bell\\x07''')\n").shortcut).toBeDefined();
  });

  it('the front end gives the checker the IR and where each node came from', () => {
    const front = codeToIr(MODEL, { catalog: core() });
    expect(front.workflow).toBeDefined();
    for (const action of flatActions(front.workflow!.body)) {
      if (action.role === 'raw') continue;
      const span = front.sourceMap.statement(action.core);
      expect(span?.start.line).toBe(action.index + 1);
      expect(front.sourceMap.callee(action.core)?.start.column).toBeGreaterThan(0);
      for (const entry of action.core.parameters) {
        expect(front.sourceMap.key(entry)?.start.line).toBe(action.index + 1);
        expect(front.sourceMap.value(entry.value)).toBeDefined();
      }
    }
  });

  it('documents every SC5xxx and SC93xx code in the README', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    for (const { code } of [...Object.values(binderDiagnostics), ...Object.values(datasetDiagnostics)]) expect(readme).toContain(`| ${code} |`);
    for (const { code } of Object.values(binderDiagnostics)) expect(code).toMatch(/^SC5\d{3}$/);
  });
});
