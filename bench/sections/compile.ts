/**
 * The compiler over the 50 WorkflowBench samples (1.4 MB of model code, with
 * the full catalog imported from the shared WorkflowLLM files): parsing alone,
 * the front end (parse + bind: what `check` uses), and the whole compile
 * (parse, bind, lower, write the binary plist); then the whole compile of the
 * canonical code the decompiler writes for the unsigned corpus. Figures per
 * core, by the wall clock and by CPU time (the machine may be loaded by other
 * work): MB/s of code and programs/s. The `dataset` section runs
 * `compile --dataset` end to end on a WorkflowBench-sized file (a small
 * dataset would measure mostly each worker's JIT warm-up).
 *
 * Target: compile ≥ 15 MB/s per core (CPU time), so WorkflowBench (106,763
 * programs, about 3.3 GB) compiles in under two minutes on this machine's
 * two cores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../src/catalog/catalog.js';
import { codeToIr, compile } from '../../src/compile/index.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { catalogAdapter, decompile } from '../../src/emitter/index.js';
import { liftWorkflow } from '../../src/lift/index.js';
import { parseModule } from '../../src/parser/index.js';
import { race, table, type BenchSection } from '../harness.js';
import { coreCatalogDocument, fullCatalogDocument, unsignedCorpus } from '../material.js';

export const COMPILE_TARGET_MB_PER_S = 15;

export interface BenchMaterial {
  readonly catalog: Catalog;
  readonly coreCatalog: Catalog;
  /** The 50 samples' `annotated_code`. */
  readonly samples: readonly string[];
}

/** The full catalog (core + the shared WorkflowLLM files) and the 50 samples. */
export function loadMaterial(sharedDir: string): BenchMaterial {
  const core = coreCatalogDocument();
  return { catalog: new Catalog(fullCatalogDocument(sharedDir, core)), coreCatalog: new Catalog(core), samples: loadSamples(sharedDir) };
}

/** The 50 samples' `annotated_code`, without the catalog (for sections that hand the compiling to another process). */
export function loadSamples(sharedDir: string): string[] {
  return (JSON.parse(readFileSync(join(sharedDir, 'workflowllm', 'data_samples.json'), 'utf8')) as { annotated_code: string }[]).map((s) => s.annotated_code);
}

/** The canonical code of every unsigned corpus file that decompiles. */
function corpusCode(sharedDir: string, coreCatalog: Catalog): string[] {
  const core = catalogAdapter(coreCatalog);
  const codes: string[] = [];
  for (const bytes of unsignedCorpus(sharedDir)) {
    const read = readShortcutFile(bytes);
    if (!read.ok) continue;
    const workflow = liftWorkflow(read.value.plist);
    if (workflow.ok) codes.push(decompile(workflow.value, { catalog: coreCatalog, core }).code);
  }
  return codes;
}

export const compileSection: BenchSection = {
  name: 'compile',
  description: `compile the 50 WorkflowBench samples and the corpus's canonical code (MB/s of code and programs/s per core, wall and CPU; target ≥ ${COMPILE_TARGET_MB_PER_S} MB/s)`,
  async run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const { catalog, coreCatalog, samples } = loadMaterial(sharedDir);
    const corpus = corpusCode(sharedDir, coreCatalog);
    const bytesOf = (codes: readonly string[]): number => codes.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
    const bytes = bytesOf(samples);
    const corpusBytes = bytesOf(corpus);
    const compiled = samples.filter((s) => compile(s, { catalog }).shortcut !== undefined).length;
    const corpusCompiled = corpus.filter((s) => compile(s, { catalog }).shortcut !== undefined).length;

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
      'compile, corpus code': () => {
        for (const s of corpus) compile(s, { catalog });
      },
    });
    const rows = [['', 'programs', 'MB', 'MB/s (wall)', 'MB/s (CPU)', 'programs/s (CPU)', 'rounds']];
    for (const [name, t] of Object.entries(timings)) {
      const [n, b] = name.includes('corpus') ? [corpus.length, corpusBytes] : [samples.length, bytes];
      rows.push([
        name,
        String(n),
        (b / 1e6).toFixed(2),
        (b / 1e6 / t.seconds).toFixed(1),
        (b / 1e6 / t.cpuSeconds).toFixed(1),
        (n / t.cpuSeconds).toFixed(0),
        String(t.rounds),
      ]);
    }
    for (const line of table(rows)) print(line);
    const compileTiming = timings['compile']!;
    const rate = bytes / 1e6 / compileTiming.cpuSeconds;
    const wallRate = bytes / 1e6 / compileTiming.seconds;
    const met = rate >= COMPILE_TARGET_MB_PER_S;
    print(
      `samples: ${compiled} of ${samples.length} compile without errors; corpus code: ${corpusCompiled} of ${corpus.length}; ` +
        `compile ${rate.toFixed(1)} MB/s per core by CPU time (${wallRate.toFixed(1)} by the wall clock): target ≥ ${COMPILE_TARGET_MB_PER_S} MB/s ${met ? 'met' : 'MISSED'}`,
    );
    return met;
  },
};
