import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decompile } from '../../src/emitter/decompile.js';
import type { Statement, Value } from '../../src/ir/types.js';
import { parseWithPython, python3Version } from '../support/python-ast.js';
import { repoPath } from '../support/shared.js';

/** Bad input never crashes the decompiler: it reports and returns empty code, or writes code. */
describe('decompile on hostile input', () => {
  const examples = ['hello-world.shortcut', 'legacy-workflow.wflow', 'odd-corners.shortcut'].map((name) => new Uint8Array(readFileSync(repoPath('examples', name))));

  it('random byte mutations of the examples', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (bytes, edits) => {
        const mutated = bytes.slice();
        for (const [at, value] of edits) mutated[at % mutated.length] = value;
        const result = decompile(mutated);
        if (result.code === '') expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        else expect(result.code.startsWith('__workflow__ = ')).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('empty input, text, truncated files', () => {
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('print("hi")'), examples[1]!.subarray(0, 40)]) {
      const result = decompile(bytes);
      expect(result.code).toBe('');
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('values nested deeper than CPython parses are written and warned about', () => {
    let value: Value = { kind: 'string', value: 'deep' };
    for (let i = 0; i < 400; i++) value = { kind: 'list', items: [value] };
    const body: Statement[] = [{ kind: 'action', identifier: 'is.workflow.actions.showresult', parameters: [{ key: 'Text', value }], extraKeys: [] }];
    const result = decompile({ metadata: { extra: [] }, body });
    expect(result.diagnostics.map((d) => d.code)).toContain('SC8001');
    expect(result.code.split('[').length - 1).toBe(400);
  });

  it('blocks nested far beyond the indentation limit are written flat', () => {
    let body: Statement[] = [];
    for (let depth = 0; depth < 300; depth++) {
      const part = { parameters: [], extraKeys: [] };
      body = [{ kind: 'if', groupingIdentifier: `G${depth}`, start: part, end: part, then: body }];
    }
    const result = decompile({ metadata: { extra: [] }, body });
    // Statement lines (not continuation lines inside brackets) stay within 95 levels.
    const statementIndents = result.code.split('\n').filter((l) => /^ *(if |else:|pass|is_workflow_actions_conditional\()/.test(l)).map((l) => l.length - l.trimStart().length);
    expect(Math.max(...statementIndents)).toBe(95 * 4);
    expect(result.diagnostics.filter((d) => d.code === 'SC8002')).toHaveLength(300 - 95);
    if (python3Version() !== undefined) expect(parseWithPython([{ name: 'deep', code: result.code }])).toEqual([]);
  });
});
