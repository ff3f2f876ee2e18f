/**
 * One `compile --dataset` run in a process of its own: the `dataset` section
 * starts this script with node and reads the figures it prints (JSON).
 *
 * Why a fresh process: a user runs `shortcutc compile --dataset` as one, and
 * measured inside the bench process, after the other sections had filled
 * its heap, the same run took a quarter longer (125 s against 100 s): the
 * main isolate's garbage collection competes with the workers for the two
 * cores.
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
