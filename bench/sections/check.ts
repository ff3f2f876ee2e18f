/**
 * `check` over the unsigned corpus (actions/s), on workflows already lifted,
 * with the full catalog imported from the shared WorkflowLLM files. Target:
 * checking must not double the cost of compiling, i.e. check ≤ compile. Until
 * the code front end is in, compile is stood in for by its back half alone
 * (IR → plist → binary bytes), which is a lower bound of compile's cost: a
 * check cheaper than that is cheaper than compile.
 *
 * `check (warm)` is the steady state of a run over many files (the
 * catalog's indexes are built, suggestions for recurring unknown actions
 * are remembered); `check (cold)` checks the corpus once with a catalog
 * built just before, so it pays for every index and every suggestion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../src/catalog/catalog.js';
import { importCatalogDir } from '../../src/catalog/import.js';
import { readCatalogFile } from '../../src/catalog/load.js';
import { check } from '../../src/checker/index.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import type { Workflow } from '../../src/ir/types.js';
import { flatActions } from '../../src/ir/walk.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { findRepoRoot, race, table, type BenchSection } from '../harness.js';

export const CHECK_TO_COMPILE_TARGET = 1;

export const checkSection: BenchSection = {
  name: 'check',
  description: 'check over the unsigned corpus with the full catalog (actions/s), against compile (target: check ≤ compile)',
  run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    // The compiled bench lives under build/, away from api-catalog/: hand the importer the core itself.
    const core = readCatalogFile(join(findRepoRoot(), 'api-catalog', 'core.json'));
    if (!core.ok) throw new Error(`the core catalog cannot be read: ${core.diagnostics.map((d) => d.message).join('; ')}`);
    const imported = importCatalogDir(join(sharedDir, 'workflowllm'), { core: core.value });
    if (!imported.ok) throw new Error(`the catalog import failed: ${imported.diagnostics.map((d) => d.message).join('; ')}`);
    const document = imported.value.document;
    const folder = join(sharedDir, 'corpus', 'unsigned');
    const workflows: Workflow[] = [];
    for (const name of readdirSync(folder).filter((n) => !n.startsWith('.')).sort()) {
      const read = readShortcutFile(new Uint8Array(readFileSync(join(folder, name))));
      if (!read.ok) continue;
      const lifted = liftWorkflow(read.value.plist);
      if (lifted.ok) workflows.push(lifted.value);
    }
    let actions = 0;
    for (const w of workflows) for (const _ of flatActions(w.body)) actions++;

    const coldStart = process.hrtime.bigint();
    const fresh = new Catalog(document);
    let findings = 0;
    for (const w of workflows) findings += check(w, fresh, { origin: 'shortcut' }).length;
    const cold = Number(process.hrtime.bigint() - coldStart) / 1e9;

    const catalog = new Catalog(document);
    const timings = race({
      'check (warm)': () => workflows.forEach((w) => check(w, catalog, { origin: 'shortcut' })),
      'compile back half (lower + write)': () => workflows.forEach((w) => writeBinaryPlist(lowerWorkflow(w))),
    });
    const rows: string[][] = [['phase', 'files', 'actions', 'actions/s', 'files/s', 'rounds']];
    rows.push(['check (cold)', String(workflows.length), String(actions), (actions / cold).toFixed(0), (workflows.length / cold).toFixed(0), '1']);
    for (const [name, timing] of Object.entries(timings)) {
      rows.push([name, String(workflows.length), String(actions), (actions / timing.seconds).toFixed(0), (workflows.length / timing.seconds).toFixed(0), String(timing.rounds)]);
    }
    table(rows).forEach((line) => print(line));
    const ratio = timings['check (warm)']!.seconds / timings['compile back half (lower + write)']!.seconds;
    const verdict = ratio <= CHECK_TO_COMPILE_TARGET ? 'meets' : 'MISSES';
    print(`check costs ${ratio.toFixed(2)}× compile's back half (${verdict} the target check ≤ compile); ${findings} findings per pass`);
    return ratio <= CHECK_TO_COMPILE_TARGET;
  },
};
