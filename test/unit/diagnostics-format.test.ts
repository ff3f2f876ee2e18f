import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';

describe('diagnostic formatting', () => {
  it('writes file:line:col, a code frame and the suggestion', () => {
    const source = 'a = 1\nb = is_workflow_actions_ur(WFURL=a)\n';
    const text = formatDiagnostic(
      {
        code: 'SC6001',
        severity: 'error',
        message: 'unknown action `is_workflow_actions_ur`',
        file: 'x.py',
        location: { kind: 'source', span: { start: { line: 2, column: 5, offset: 10 }, end: { line: 2, column: 27, offset: 32 } } },
        suggestion: 'did you mean `is_workflow_actions_url`?',
      },
      { source },
    );
    expect(text.split('\n')).toEqual([
      'x.py:2:5: error SC6001: unknown action `is_workflow_actions_ur`',
      '  1 | a = 1',
      '> 2 | b = is_workflow_actions_ur(WFURL=a)',
      '    |     ^^^^^^^^^^^^^^^^^^^^^^',
      '  3 | ',
      '  help: did you mean `is_workflow_actions_url`?',
    ]);
  });

  it('writes byte offsets for binary input', () => {
    expect(
      formatDiagnostic({ code: 'SC1001', severity: 'error', message: 'truncated', file: 'a.shortcut', location: { kind: 'bytes', offset: 12 } }),
    ).toBe('a.shortcut: error SC1001: truncated (at byte 12)');
  });
});
