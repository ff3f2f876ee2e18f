/**
 * `compile --dataset` end to end at WorkflowBench's scale: a JSON-lines
 * dataset of the 50 samples repeated to 3.3 GB of code
 * (`SHORTCUTC_BENCH_DATASET_MB` to change it), written to a temporary folder
 * and removed afterwards, compiled in a fresh process (as a user runs it)
 * with one worker thread per core, shortcuts and report written. Prints MB/s and the time WorkflowBench's
 * 3.3 GB takes (measured, or projected for another size), by the wall clock
 * and by CPU time (which a machine loaded by other work does not stretch).
 *
 * The full size is the default because a smaller run misleads: each worker
 * spends its first few seconds compiling the compiler (V8's optimizing JIT),
 * which a 300 MB run counts against a fifteenth of the work. The run needs
 * about 8 GB of free space in the temporary folder (dataset, shortcuts,
 * report); with less, it runs at the size that fits and says so.
 *
 * Target: WorkflowBench (106,763 programs, about 3.3 GB) in under two minutes
 * on this machine's cores, i.e. about 27.5 MB/s on two.
 */
import { spawnSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describeDatasetRun, meetsDatasetTarget, type DatasetFigures } from '../dataset-run.js';
import type { BenchSection } from '../harness.js';
import { loadSamples } from './compile.js';

export const datasetSection: BenchSection = {
  name: 'dataset',
  description: 'compile --dataset on a WorkflowBench-sized JSON-lines file (the samples repeated to 3.3 GB of code), one worker per core (target < 2 min)',
  async run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const samples = loadSamples(sharedDir);
    const wanted = Number(process.env.SHORTCUTC_BENCH_DATASET_MB ?? 3300);
    // Dataset, shortcuts and report take about 2.4 times the code's size.
    const free = freeMegabytes(tmpdir());
    const megabytes = free === undefined ? wanted : Math.min(wanted, Math.floor(free / 2.4));
    if (megabytes < wanted) print(`only ${free!.toLocaleString('en-US')} MB free in ${tmpdir()}: running ${megabytes.toLocaleString('en-US')} MB instead of ${wanted.toLocaleString('en-US')} MB`);
    const once = samples.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
    const copies = Math.max(1, Math.ceil((megabytes * 1e6) / once));
    // In a process of its own, as a user runs it (bench/dataset-child.ts says why).
    const child = spawnSync(process.execPath, [fileURLToPath(new URL('../dataset-child.js', import.meta.url)), sharedDir, String(copies)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`the dataset run failed (exit status ${child.status ?? child.signal})`);
    const figures = JSON.parse(child.stdout) as DatasetFigures;
    for (const line of describeDatasetRun(figures)) print(line);
    const met = meetsDatasetTarget(figures);
    print(`target (WorkflowBench in under 2 minutes on this machine, by the wall clock): ${met ? 'met' : 'MISSED'}`);
    return met;
  },
};

/** Free space of the file system holding `folder`, in megabytes (undefined when it cannot be told). */
function freeMegabytes(folder: string): number | undefined {
  try {
    const stats = statfsSync(folder);
    return (stats.bavail * stats.bsize) / 1e6;
  } catch {
    return undefined;
  }
}
