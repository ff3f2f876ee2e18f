import { describe, expect, it } from 'vitest';
import { check, compile, decompile, liftWorkflow, MAX_IR_DEPTH, readShortcutFile, type Statement, type Value, type Workflow } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { repoPath } from '../support/shared.js';

/** The three jobs as a library user meets them: `import { decompile, compile, check } from 'shortcutc'`. */
describe('library API', () => {
  const bytes = new Uint8Array(readFileSync(repoPath('examples', 'hello-world.shortcut')));

  it('decompiles, compiles and checks the first example', () => {
    const { code, diagnostics } = decompile(bytes);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = compile(code);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(compiled.shortcut).toBeInstanceOf(Uint8Array);
    expect(decompile(compiled.shortcut!).code).toBe(code);
    expect(check(code).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(check(bytes).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('checks code, shortcut bytes and IR alike', () => {
    const code = "x = is_workflow_actions_ur(WFURLActionURL='''https://example.com''')\n";
    const fromCode = check(code, { file: 'model.py' }).diagnostics;
    const unknown = fromCode.find((d) => d.code === 'SC6001');
    expect(unknown?.severity).toBe('error');
    expect(unknown?.file).toBe('model.py');
    expect(unknown?.location?.kind).toBe('source');
    expect(unknown?.suggestion).toContain('is_workflow_actions_url');

    const read = readShortcutFile(bytes);
    const lifted = read.ok ? liftWorkflow(read.value.plist) : undefined;
    expect(lifted?.ok).toBe(true);
    expect(check(lifted!.value!).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('takes hand-built workflows up to MAX_IR_DEPTH deep', () => {
    const part = { parameters: [], extraKeys: [] };
    let body: Workflow['body'] = [];
    for (let i = 0; i < MAX_IR_DEPTH; i++) body = [{ kind: 'if', groupingIdentifier: `G${i}`, start: part, then: body, end: part }];
    let value: Value = { kind: 'string', value: 'leaf' };
    for (let i = 1; i < MAX_IR_DEPTH; i++) value = { kind: 'list', items: [value] };
    const deepValue: Statement = { kind: 'action', identifier: 'is.workflow.actions.showresult', parameters: [{ key: 'Text', value }], extraKeys: [] };
    for (const workflow of [{ metadata: { extra: [] }, body }, { metadata: { extra: [] }, body: [deepValue] }] as Workflow[]) {
      expect(decompile(workflow).code).not.toBe('');
      expect(check(workflow).diagnostics.every((d) => d.code !== 'SC3013')).toBe(true);
    }
  });

  it('a hand-built chain of references as deep as MAX_IR_DEPTH allows: code or a diagnostic, never an exception', () => {
    let value: Value = { kind: 'string', value: 'leaf' };
    for (let i = 1; i < MAX_IR_DEPTH; i++) {
      value = { kind: 'variable', variable: { source: { kind: 'variable', name: 'V' }, aggrandizements: [{ kind: 'other', value }], hasAggrandizementsKey: true, extra: [] } };
    }
    const workflow: Workflow = { metadata: { extra: [] }, body: [{ kind: 'action', identifier: 'is.workflow.actions.showresult', parameters: [{ key: 'Text', value }], extraKeys: [] }] };
    const decompiled = decompile(workflow);
    expect(decompiled.code !== '' || decompiled.diagnostics.some((d) => d.code === 'SC8004')).toBe(true);
    expect(() => check(workflow)).not.toThrow();
  });

  it('refuses a hand-built workflow nested deeper than MAX_IR_DEPTH, without throwing', () => {
    let body: Workflow['body'] = [];
    const part = { parameters: [], extraKeys: [] };
    for (let i = 0; i < 20_000; i++) {
      body = [{ kind: 'repeatCount', groupingIdentifier: `G${i}`, start: part, body, end: part }];
    }
    const deep: Workflow = { metadata: { extra: [] }, body };
    const decompiled = decompile(deep);
    expect(decompiled.code).toBe('');
    expect(decompiled.diagnostics.map((d) => d.code)).toEqual(['SC3013']);
    expect(check(deep).diagnostics.map((d) => d.code)).toEqual(['SC3013']);
  });
});
