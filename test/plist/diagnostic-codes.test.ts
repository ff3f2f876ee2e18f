import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliDiagnostics } from '../../src/cli/diagnostics.js';
import { containerDiagnostics } from '../../src/container/diagnostics.js';
import { allDiagnosticDefinitions } from '../../src/diagnostics/registry.js';
import { plistDiagnostics } from '../../src/plist/diagnostics.js';
import { repoPath } from '../support/shared.js';

describe('diagnostic codes', () => {
  it('are unique across every registered table', () => {
    const codes = allDiagnosticDefinitions().map((d) => d.code);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });

  it('of the plist codec, the container and the CLI files are in their ranges and documented in the README', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const tables: [Record<string, { code: string }>, RegExp][] = [
      [plistDiagnostics, /^SC1\d{3}$/],
      [containerDiagnostics, /^SC90\d{2}$/],
      [cliDiagnostics, /^SC91\d{2}$/],
    ];
    for (const [table, range] of tables) {
      for (const { code } of Object.values(table)) {
        expect(code).toMatch(range);
        expect(readme).toContain(`| ${code} |`);
      }
    }
  });
});
