import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkerDiagnostics } from '../../src/checker/diagnostics.js';
import { allDiagnosticDefinitions } from '../../src/diagnostics/registry.js';
import { repoPath } from '../support/shared.js';

describe('checker diagnostics table', () => {
  const definitions = Object.values(checkerDiagnostics);

  it('has unique SC6xxx codes, all registered', () => {
    const codes = definitions.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^SC6\d{3}$/);
    const registered = allDiagnosticDefinitions().map((d) => d.code);
    for (const code of codes) expect(registered.filter((c) => c === code)).toHaveLength(1);
  });

  it('never makes a shortcut file fail: nothing is an error there', () => {
    for (const d of definitions) expect(d.onShortcut).not.toBe('error');
  });

  it('is documented row for row in the README, with both severities', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (SC6\d{3}) \| ([^|]+) \| ([^|]+) \|/gm)].map((m) => ({ code: m[1]!, inCode: m[2]!.trim(), inShortcut: m[3]!.trim() }));
    expect(rows.map((r) => r.code)).toEqual(definitions.map((d) => d.code));
    for (const d of definitions) {
      const row = rows.find((r) => r.code === d.code)!;
      // The table may name a gentler second severity ("error / warning"); the first is the definition's.
      expect(row.inCode.split(' / ')[0], d.code).toBe(d.severity);
      if (row.inShortcut !== '—') expect(row.inShortcut.split(' / ')[0], d.code).toBe(d.onShortcut);
    }
  });
});
