import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allDiagnosticDefinitions, diagnosticTables } from '../../src/diagnostics/registry.js';
import { liftDiagnostics } from '../../src/lift/diagnostics.js';
import { repoPath } from '../support/shared.js';

describe('SC3xxx codes', () => {
  it('are unique, in range, registered and documented in the README', () => {
    const codes = Object.values(liftDiagnostics).map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^SC3\d{3}$/);
    expect(diagnosticTables.lift).toBe(liftDiagnostics);
    const everywhere = allDiagnosticDefinitions().map((d) => d.code);
    for (const code of codes) expect(everywhere.filter((c) => c === code)).toHaveLength(1);
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    for (const definition of Object.values(liftDiagnostics)) {
      expect(readme).toMatch(new RegExp(`\\| ${definition.code} \\| ${definition.severity} \\|`));
    }
  });
});
