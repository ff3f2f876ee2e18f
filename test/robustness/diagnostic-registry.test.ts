/**
 * Every diagnostic any phase can give is registered: each table defined with
 * `defineDiagnostics` is in src/diagnostics/registry.ts, every `SCnnnn`
 * written anywhere in src/ belongs to a registered table, codes are unique
 * and in their phase's range, and the documentation (README tables,
 * grammars/) names exactly the registered codes. The fuzz harness checks
 * the other half: every diagnostic given at run time has a registered code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticDefinition } from '../../src/diagnostics/codes.js';
import { allDiagnosticDefinitions, diagnosticTables } from '../../src/diagnostics/registry.js';
import { repoPath } from '../support/shared.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const SRC = repoPath('src');
const files = sourceFiles(SRC);
const registered = new Set(allDiagnosticDefinitions().map((d) => d.code));

/** Each phase's range (format: team notes; SC9xxx is split between the container, the CLI's files and datasets). */
const RANGES: Readonly<Record<string, RegExp>> = {
  plist: /^SC1\d{3}$/,
  signed: /^SC2\d{3}$/,
  lift: /^SC3\d{3}$/,
  syntax: /^SC4\d{3}$/,
  binder: /^SC5\d{3}$/,
  checker: /^SC6\d{3}$/,
  catalog: /^SC7\d{3}$/,
  emitter: /^SC8\d{3}$/,
  container: /^SC90\d{2}$/,
  cli: /^SC91\d{2}$/,
  dataset: /^SC93\d{2}$/,
};

const isDefinitionTable = (value: unknown): value is Record<string, DiagnosticDefinition> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).length > 0 &&
  Object.values(value).every((d) => typeof d === 'object' && d !== null && typeof (d as DiagnosticDefinition).code === 'string' && typeof (d as DiagnosticDefinition).severity === 'string');

describe('the diagnostic registry', () => {
  it('holds every table a module defines with defineDiagnostics', async () => {
    const tables = new Set(Object.values(diagnosticTables));
    const defining = files.filter((f) => /=\s*defineDiagnostics\(/.test(readFileSync(f, 'utf8')));
    expect(defining.length).toBeGreaterThanOrEqual(Object.keys(diagnosticTables).length);
    for (const file of defining) {
      const module = (await import(file)) as Record<string, unknown>;
      const exported = Object.entries(module).filter(([, value]) => isDefinitionTable(value));
      expect(exported.length, `${relative(SRC, file)} exports its table`).toBeGreaterThan(0);
      for (const [name, table] of exported) expect(tables.has(table as never), `${relative(SRC, file)}: ${name} is in diagnosticTables`).toBe(true);
    }
  });

  it('registers every code written anywhere in src/', () => {
    const unregistered: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bSC\d{4}\b/g)) if (!registered.has(match[0])) unregistered.push(`${relative(SRC, file)}: ${match[0]}`);
    }
    expect(unregistered).toEqual([]);
  });

  it('keeps codes unique, in their phase range, each with a severity and a title', () => {
    const seen = new Map<string, string>();
    for (const [phase, table] of Object.entries(diagnosticTables)) {
      const range = RANGES[phase];
      expect(range, `a range for the ${phase} table`).toBeDefined();
      for (const d of Object.values(table)) {
        expect(seen.get(d.code), `${d.code} is defined by ${seen.get(d.code)} and ${phase}`).toBeUndefined();
        seen.set(d.code, phase);
        expect(d.code).toMatch(range!);
        expect(['error', 'warning', 'info']).toContain(d.severity);
        expect(d.title.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('is what the documentation lists: every registered code documented, every documented code registered', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const grammars = readdirSync(repoPath('grammars'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(repoPath('grammars', f), 'utf8'))
      .join('\n');
    const documented = new Set([...`${readme}\n${grammars}`.matchAll(/^\|\s*(SC\d{4})\s*\|/gm)].map((m) => m[1]!));
    expect([...registered].filter((code) => !documented.has(code))).toEqual([]);
    expect([...documented].filter((code) => !registered.has(code))).toEqual([]);
  });
});
