/**
 * `compile --dataset` end to end at WorkflowBench's scale as far as this
 * machine allows: a JSON-lines dataset of the 50 samples repeated to at least
 * 300 MB (`SHORTCUTC_BENCH_DATASET_MB` to change it), written to a temporary
 * folder and removed afterwards, compiled with one worker thread per core,
 * shortcuts and report written. Prints MB/s and the projected time for
 * WorkflowBench's 3.3 GB, by the wall clock and by CPU time (which a machine
 * loaded by other work does not stretch).
 *
 * Target: WorkflowBench (106,763 programs, about 3.3 GB) in under two minutes
 * on this machine's cores, i.e. about 27.5 MB/s on two.
 */
import { describeDatasetRun, meetsDatasetTarget, runSyntheticDataset } from '../dataset-run.js';
import type { BenchSection } from '../harness.js';
import { loadMaterial } from './compile.js';

export const datasetSection: BenchSection = {
  name: 'dataset',
  description: 'compile --dataset on a WorkflowBench-sized JSON-lines file (the samples repeated to ≥ 300 MB), one worker per core; projected time for 3.3 GB (target < 2 min)',
  async run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const { catalog, samples } = loadMaterial(sharedDir);
    const megabytes = Number(process.env.SHORTCUTC_BENCH_DATASET_MB ?? 300);
    const once = samples.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
    const copies = Math.max(1, Math.ceil((megabytes * 1e6) / once));
    const figures = await runSyntheticDataset(samples, copies, catalog);
    for (const line of describeDatasetRun(figures)) print(line);
    const met = meetsDatasetTarget(figures);
    print(`target (WorkflowBench in under 2 minutes on this machine's cores, by CPU time): ${met ? 'met' : 'MISSED'}`);
    return met;
  },
};
