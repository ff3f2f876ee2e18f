import { describe, expect, it } from 'vitest';
import { bindModule, binderDiagnostics } from '../../src/binder/index.js';
import type * as ast from '../../src/syntax/ast.js';
import { at, compiled } from './helpers.js';

const CANONICAL = '__workflow__ = {"WFWorkflowClientVersion": "1146.11.1"}\n';

/**
 * Every error the binder can report, each from code that shows it: it comes
 * with the line and column of the problem and a fix.
 */
const CASES: readonly (readonly [string, string])[] = [
  ['SC5001', '__workflow__ = {}\n__workflow__ = {}\n'],
  ['SC5002', `${CANONICAL}__names__ = {"a": 1}\n`],
  ['SC5101', 'import os\n'],
  ['SC5102', 'a.b = 1\n'],
  ['SC5103', 'x = 1 + 2\n'],
  ['SC5105', 'x -= 1\n'],
  ['SC5106', `${CANONICAL}X += 1\n`],
  ['SC5107', `${CANONICAL}x: int = is_workflow_actions_x()\n`],
  ['SC5205', 'a.b()\n'],
  ['SC5207', `${CANONICAL}x = '''a'''\nx = '''b'''\n`],
  ['SC5301', 'is_workflow_actions_x(A=a + b)\n'],
  ['SC5302', 'is_workflow_actions_x(A=str(1 + 2))\n'],
  ['SC5303', 'is_workflow_actions_x(A=x[y])\n'],
  ['SC5304', `${CANONICAL}is_workflow_actions_x(A=f'''{x!r}''')\n`],
  ['SC5305', "d = is_workflow_actions_x(B=dict(A=1, **{'A': 2}))\n"],
  ['SC5306', 'is_workflow_actions_x(1)\n'],
  ['SC5307', "d = {[1]: '''a'''}\n"],
  ['SC5308', 'is_workflow_actions_x(A=coerce_variable(value=x))\n'],
  ['SC5309', 'is_workflow_actions_x(A=99999999999999999999999)\n'],
  ['SC5401', 'if x and y:\n    pass\n'],
  ['SC5402', 'match x:\n    case "a":\n        pass\n'],
  ['SC5403', 'for a, b, c in x:\n    pass\n'],
  ['SC5404', 'for i in range(3):\n    pass\nelse:\n    pass\n'],
  ['SC5405', 'x = _\n'],
];

describe('binder errors', () => {
  for (const [code, source] of CASES) {
    it(`${code} comes with a line, a column and a fix`, () => {
      const error = compiled(source).errors.find((d) => d.code === code);
      expect(error, `no ${code} for ${JSON.stringify(source)}`).toBeDefined();
      expect(at(error!)).toMatch(/^\d+:\d+$/);
      expect(error!.suggestion).toBeTruthy();
    });
  }

  it('SC5003: a tree deeper than the parser builds (a hand-built one) is refused, not recursed into', () => {
    const span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
    let value: ast.Expression = { kind: 'name', name: 'a', span };
    for (let i = 0; i < 100_000; i++) value = { kind: 'attribute', object: value, name: 'b', span };
    const module: ast.Module = { kind: 'module', body: [{ kind: 'assign', targets: [{ kind: 'name', name: 'x', span }], value, span }], comments: [], span };
    const result = bindModule(module);
    const error = result.diagnostics.find((d) => d.code === 'SC5003');
    expect(error?.suggestion).toBeTruthy();
    expect(error?.location?.kind).toBe('source');
    let body: ast.Statement[] = [{ kind: 'pass', span }];
    for (let i = 0; i < 100_000; i++) body = [{ kind: i % 2 === 0 ? 'while' : 'unsupported', keyword: 'try', test: { kind: 'name', name: 'x', span }, body, span } as ast.Statement];
    expect(bindModule({ kind: 'module', body, comments: [], span }).diagnostics.some((d) => d.code === 'SC5003')).toBe(true);
  });

  it('the cases cover every error the binder defines', () => {
    const errors = Object.values(binderDiagnostics).filter((d) => d.severity === 'error').map((d) => d.code);
    const covered = new Set([...CASES.map(([code]) => code), 'SC5003', 'SC5008']);
    expect(errors.filter((code) => !covered.has(code))).toEqual([]);
  });
});
