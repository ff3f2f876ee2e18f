/**
 * The compiler over the 50 WorkflowBench samples (1.4 MB of model code, with
 * the full catalog imported from the shared WorkflowLLM files): parsing alone,
 * the front end (parse + bind: what `check` uses), and the whole compile
 * (parse, bind, lower, write the binary plist). Figures per core: MB/s of
 * code and programs/s. Then `compile --dataset` end to end on a dataset of the
 * samples repeated (JSON lines on disk, one worker thread per core, shortcuts
 * and report written): MB/s for the whole machine.
 *
 * Target: compile ≥ 15 MB/s per core, so WorkflowBench (106,763 programs,
 * about 3.3 GB) compiles in under two minutes on this machine's two cores.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog } from '../../src/catalog/catalog.js';
import { importCatalogDir } from '../../src/catalog/import.js';
import { readCatalogFile } from '../../src/catalog/load.js';
import { runDataset } from '../../src/cli/compile-dataset.js';
import type { CliIO } from '../../src/cli/io.js';
import { codeToIr, compile } from '../../src/compile/index.js';
import { parseModule } from '../../src/parser/index.js';
import { findRepoRoot, race, table, type BenchSection } from '../harness.js';

export const COMPILE_TARGET_MB_PER_S = 15;

export const compileSection: BenchSection = {
  name: 'compile',
  description: `compile the 50 WorkflowBench samples (MB/s of code and programs/s per core; target ≥ ${COMPILE_TARGET_MB_PER_S} MB/s), and compile --dataset on all cores`,
  async run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    // The compiled bench lives under build/, away from api-catalog/: hand the importer the core itself.
    const core = readCatalogFile(join(findRepoRoot(), 'api-catalog', 'core.json'));
    if (!core.ok) throw new Error(`the core catalog cannot be read: ${core.diagnostics.map((d) => d.message).join('; ')}`);
    const imported = importCatalogDir(join(sharedDir, 'workflowllm'), { core: core.value });
    if (!imported.ok) throw new Error(`the catalog import failed: ${imported.diagnostics.map((d) => d.message).join('; ')}`);
    const catalog = new Catalog(imported.value.document);
    const samples = (JSON.parse(readFileSync(join(sharedDir, 'workflowllm', 'data_samples.json'), 'utf8')) as { annotated_code: string }[]).map((s) => s.annotated_code);
    const bytes = samples.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
    const compiled = samples.filter((s) => compile(s, { catalog }).shortcut !== undefined).length;

    const timings = race({
      parse: () => {
        for (const s of samples) parseModule(s);
      },
      'parse + bind': () => {
        for (const s of samples) codeToIr(s, { catalog });
      },
      compile: () => {
        for (const s of samples) compile(s, { catalog });
      },
    });
    const rows = [['', 'MB/s', 'programs/s', 'rounds']];
    for (const [name, t] of Object.entries(timings)) {
      rows.push([name, (bytes / 1e6 / t.seconds).toFixed(1), (samples.length / t.seconds).toFixed(0), String(t.rounds)]);
    }
    for (const line of table(rows)) print(line);
    const rate = bytes / 1e6 / timings['compile']!.seconds;
    const met = rate >= COMPILE_TARGET_MB_PER_S;
    print(`${samples.length} programs, ${(bytes / 1e6).toFixed(2)} MB, ${compiled} compile without errors; compile ${rate.toFixed(1)} MB/s per core: target ≥ ${COMPILE_TARGET_MB_PER_S} MB/s ${met ? 'met' : 'MISSED'}`);

    // The dataset command end to end, on every core.
    const folder = mkdtempSync(join(tmpdir(), 'shortcutc-bench-dataset-'));
    try {
      const copies = 20;
      const lines: string[] = [];
      for (let c = 0; c < copies; c++) for (const s of samples) lines.push(JSON.stringify({ annotated_code: s }));
      writeFileSync(join(folder, 'data.jsonl'), `${lines.join('\n')}\n`);
      const io: CliIO = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: folder, env: {} };
      const jobs = cpus().length;
      const start = process.hrtime.bigint();
      await runDataset(io, { dataset: 'data.jsonl', field: 'annotated_code', outDir: 'out', report: 'report.json', format: 'binary', jobs }, catalog);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const total = bytes * copies;
      const perGb = 1e9 / (total / seconds);
      print(
        `compile --dataset: ${lines.length} programs (${(total / 1e6).toFixed(1)} MB) on ${jobs} worker thread(s) in ${seconds.toFixed(2)} s: ` +
          `${(total / 1e6 / seconds).toFixed(1)} MB/s, ${(lines.length / seconds).toFixed(0)} programs/s; 3.3 GB would take ${((3.3 * perGb) / 60).toFixed(1)} min`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    return met;
  },
};
