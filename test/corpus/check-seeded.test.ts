import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { checkWorkflow } from '../../src/checker/index.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { formatPath } from '../../src/plist/equal.js';
import { liftWorkflow } from '../../src/lift/index.js';
import { sharedCatalog } from '../support/catalog.js';
import { describeShared } from '../support/corpus.js';
import { readManifest } from '../support/manifest.js';
import { sharedAvailable, sharedPath } from '../support/shared.js';
import { DEFECT_KINDS, injections, type DefectKind, type Injection } from '../support/seeded-defects.js';

/** At least this share of the injections of each kind is reported with the right code, place and first suggestion. */
const TARGET = 0.95;
const CAP_PER_FILE = 4;

/**
 * Seeded defects on real workflows: each distinct corpus shortcut is lifted,
 * then one defect at a time is injected (`test/support/seeded-defects.ts`
 * picks the sites and the slips systematically) and the workflow is checked
 * as code. Until the decompiler and the binder are in, the defects go into
 * the lifted IR, which is what compiled code becomes.
 */
describeShared('check finds seeded defects in corpus workflows', () => {
  const distinct = new Map<string, string>();
  if (sharedAvailable) {
    for (const row of readManifest()) {
      if (row.file.startsWith('unsigned/') && !distinct.has(row.semanticSha256)) distinct.set(row.semanticSha256, sharedPath('corpus', row.file));
    }
  }

  it('reports each kind with the right code and suggestion for at least 95% of injections', () => {
    const { catalog } = sharedCatalog();
    const tally = new Map<DefectKind, { total: number; found: number; misses: string[] }>(DEFECT_KINDS.map((k) => [k, { total: 0, found: 0, misses: [] }]));
    for (const file of distinct.values()) {
      const read = readShortcutFile(new Uint8Array(readFileSync(file)));
      if (!read.ok) continue;
      const lifted = liftWorkflow(read.value.plist);
      if (!lifted.ok) continue;
      for (const injection of injections(basename(file), lifted.value, catalog, { cap: CAP_PER_FILE })) {
        const entry = tally.get(injection.kind)!;
        entry.total++;
        const verdict = judge(injection, checkWorkflow(injection.workflow, catalog, { origin: 'code' }));
        if (verdict === undefined) entry.found++;
        else entry.misses.push(`${basename(file)}: ${injection.description}: ${verdict}`);
      }
    }
    const lines = [...tally].map(([kind, t]) => `${kind.padEnd(20)} ${String(t.found).padStart(5)} / ${String(t.total).padStart(5)}  ${((100 * t.found) / Math.max(1, t.total)).toFixed(1)}%`);
    console.info(`seeded defects (code, right place and first suggestion):\n${lines.join('\n')}`);
    for (const [kind, t] of tally) {
      expect(t.total, kind).toBeGreaterThan(100);
      expect(t.found / t.total, `${kind}: ${t.misses.slice(0, 10).join('\n')}`).toBeGreaterThanOrEqual(TARGET);
    }
  });
});

/** Undefined when the checker reported the injection as expected; else what went wrong. */
function judge(injection: Injection, found: ReturnType<typeof checkWorkflow>): string | undefined {
  const at = formatPath(injection.path);
  const here = found.filter((d) => d.location?.kind === 'plist' && formatPath(d.location.path) === at);
  const hit = here.find((d) => d.code === injection.code);
  if (hit === undefined) return `no ${injection.code} at ${at} (found ${here.map((d) => d.code).join(', ') || 'nothing there'})`;
  const suggestion = hit.suggestion ?? '';
  if ('first' in injection.expected) {
    const first = /`([^`]*)`/.exec(suggestion)?.[1];
    return first === injection.expected.first ? undefined : `first suggestion ${JSON.stringify(first)}, expected ${JSON.stringify(injection.expected.first)}`;
  }
  return suggestion.startsWith(injection.expected.prefix) ? undefined : `suggestion ${JSON.stringify(suggestion)}`;
}
