import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { repoPath } from '../support/shared.js';

/** The README's first example shows what `check` says about examples/model-output.py; keep the two in step. */
describe("README's first example", () => {
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  const code = readFileSync(repoPath('examples', 'model-output.py'), 'utf8');

  it('lists exactly the diagnostics check reports for examples/model-output.py', () => {
    const found = check(code, { file: 'model-output.py' }).diagnostics;
    expect(found.map((d) => d.severity)).toEqual(['error', 'error', 'error']);
    for (const d of found) {
      const span = d.location?.kind === 'source' ? d.location.span.start : undefined;
      expect(readme).toContain(`model-output.py:${span?.line}:${span?.column}: error ${d.code}: ${d.message}`);
      const firstSuggestion = d.suggestion?.split('?')[0];
      expect(readme).toContain(`help: ${firstSuggestion}?`);
    }
  });
});
