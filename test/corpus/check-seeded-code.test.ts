import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { checkFile } from '../../src/checker/index.js';
import { decompile } from '../../src/emitter/index.js';
import { sharedCatalog } from '../support/catalog.js';
import { describeShared } from '../support/corpus.js';
import { readManifest } from '../support/manifest.js';
import { sharedAvailable, sharedPath } from '../support/shared.js';
import { codeInjections, type CodeInjection } from '../support/seeded-code-defects.js';
import { DEFECT_KINDS, type DefectKind } from '../support/seeded-defects.js';

/** At least this share of the injections of each kind is reported with the right code, line, column and first suggestion. */
const TARGET = 0.95;
const CAP_PER_FILE = 3;

/**
 * Seeded defects in real decompiled code: each distinct unsigned corpus
 * shortcut is decompiled, one defect at a time is written into the code
 * (test/support/seeded-code-defects.ts), and `check` reads the code as a
 * user's file would be read (parse, bind, check).
 */
describeShared('check finds seeded defects in decompiled corpus code', () => {
  const distinct = new Map<string, string>();
  if (sharedAvailable) {
    for (const row of readManifest()) {
      if (row.file.startsWith('unsigned/') && !distinct.has(row.semanticSha256)) distinct.set(row.semanticSha256, sharedPath('corpus', row.file));
    }
  }

  it('reports each kind with the right code, place and suggestion for at least 95% of injections', () => {
    const { catalog } = sharedCatalog();
    const tally = new Map<DefectKind, { total: number; found: number; misses: string[] }>(DEFECT_KINDS.map((k) => [k, { total: 0, found: 0, misses: [] }]));
    for (const file of distinct.values()) {
      const { code } = decompile(new Uint8Array(readFileSync(file)), { catalog });
      if (code === '') continue;
      const name = `${basename(file)}.py`;
      for (const injection of codeInjections(name, code, catalog, CAP_PER_FILE)) {
        const entry = tally.get(injection.kind)!;
        entry.total++;
        const verdict = judge(injection, checkFile(new TextEncoder().encode(injection.code), name, catalog).diagnostics);
        if (verdict === undefined) entry.found++;
        else entry.misses.push(`${name}: ${injection.description}: ${verdict}`);
      }
    }
    const lines = [...tally].map(([kind, t]) => `${kind.padEnd(20)} ${String(t.found).padStart(5)} / ${String(t.total).padStart(5)}  ${((100 * t.found) / Math.max(1, t.total)).toFixed(1)}%`);
    console.info(`seeded defects in decompiled code (code, line:column and first suggestion):\n${lines.join('\n')}`);
    for (const [kind, t] of tally) {
      expect(t.total, kind).toBeGreaterThan(100);
      expect(t.found / t.total, `${kind}: ${t.misses.slice(0, 12).join('\n')}`).toBeGreaterThanOrEqual(TARGET);
    }
  });
});

function judge(injection: CodeInjection, found: readonly import('../../src/diagnostics/diagnostic.js').Diagnostic[]): string | undefined {
  const here = found.filter((d) => d.location?.kind === 'source' && d.location.span.start.line === injection.line && d.location.span.start.column === injection.column);
  const hit = here.find((d) => d.code === injection.expectedCode);
  if (hit === undefined) return `no ${injection.expectedCode} at ${injection.line}:${injection.column} (found ${here.map((d) => d.code).join(', ') || 'nothing there'})`;
  const suggestion = hit.suggestion ?? '';
  if ('first' in injection.expected) {
    const first = /`([^`]*)`/.exec(suggestion)?.[1];
    return first === injection.expected.first ? undefined : `first suggestion ${JSON.stringify(first)}, expected ${JSON.stringify(injection.expected.first)}`;
  }
  return suggestion.startsWith(injection.expected.prefix) ? undefined : `suggestion ${JSON.stringify(suggestion)}`;
}
