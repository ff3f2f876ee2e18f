/**
 * One `compile --dataset` run in a process of its own: the `dataset` section
 * starts this script with node and reads the figures it prints (JSON).
 *
 * Why a fresh process: a user runs `shortcutc compile --dataset` as one, and
 * the bench process carries the other sections' heap. (Measured after the
 * other sections on this machine: 125 s inside the bench process, 118 s in a
 * fresh one; run alone, 94–100 s — the host's speed drifts with its load, so
 * compare runs made back to back.)
 *
 * Arguments: the shared material's folder, and how many times to repeat the
 * 50 samples.
 */
import { runSyntheticDataset } from './dataset-run.js';
import { loadMaterial } from './sections/compile.js';

const [sharedDir, copies] = process.argv.slice(2);
if (sharedDir === undefined || copies === undefined || !(Number(copies) >= 1)) {
  process.stderr.write('usage: dataset-child <shared folder> <copies>\n');
  process.exitCode = 2;
} else {
  const { catalog, samples } = loadMaterial(sharedDir);
  const figures = await runSyntheticDataset(samples, Number(copies), catalog);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
