import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitterDiagnostics } from '../../src/emitter/diagnostics.js';
import { repoPath } from '../support/shared.js';

describe('README', () => {
  const readme = readFileSync(repoPath('README.md'), 'utf8');

  it('documents every SC8xxx code', () => {
    for (const { code } of Object.values(emitterDiagnostics)) {
      expect(code).toMatch(/^SC8\d{3}$/);
      expect(readme).toContain(`| ${code} |`);
    }
  });

  it('shows the first example as decompile prints it', () => {
    expect(readme).toContain(readFileSync(repoPath('examples', 'hello-world.py'), 'utf8'));
  });
});
