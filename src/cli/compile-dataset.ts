import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/catalog.js';
import { readDatasetTexts } from '../compile/dataset.js';
import { diagnostic } from '../diagnostics/codes.js';
import { cliDiagnostics } from './diagnostics.js';
import { compileSample, outcomeOf, type SampleJob, type SampleOutcome, type SampleSettings } from './compile-sample.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './compile-worker.js';
import { ReportWriter, type DatasetSummary } from './dataset-report.js';
import { ExitCode, reportDiagnostics, type CliIO } from './io.js';

export interface DatasetRun {
  readonly dataset: string;
  readonly field: string;
  readonly outDir: string;
  readonly report?: string;
  readonly format: 'binary' | 'xml';
  /** Worker threads; 1 compiles in the main thread. */
  readonly jobs: number;
  readonly json?: boolean;
}

const BATCH = 32;
/** Each worker's young generation (V8 semi-spaces), in megabytes. */
const YOUNG_GENERATION_MB = 128;

/** The number of worker threads `--jobs` defaults to: one per core. */
export function defaultJobs(): number {
  return Math.max(1, cpus().length);
}

/**
 * `shortcutc compile --dataset`: compiles every sample of a WorkflowBench-style
 * dataset into `--out-dir` (`000042.shortcut` for sample 42), with a progress
 * bar on a terminal, and writes the report (summary first, then one line per
 * sample, in order). Samples are compiled by `jobs` worker threads when the
 * CLI runs from its built files, else in this thread.
 */
export async function runDataset(io: CliIO, run: DatasetRun, catalog: Catalog): Promise<ExitCode> {
  const outDir = resolve(io.cwd, run.outDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    reportDiagnostics(io, [diagnostic(cliDiagnostics.cannotWrite, `cannot create the output folder: ${error instanceof Error ? error.message : String(error)}`, { file: run.outDir })]);
    return ExitCode.failure;
  }
  const datasetPath = resolve(io.cwd, run.dataset);
  const size = fileSize(datasetPath);
  const settings: SampleSettings = { outDir: run.outDir, format: run.format, dataset: run.dataset, field: run.field };
  const summary = { total: 0, compiled: 0, failed: 0, byCode: {} as Record<string, number>, failedSamplesByCode: {} as Record<string, number> };
  let report: ReportWriter | undefined;
  if (run.report !== undefined) {
    try {
      report = new ReportWriter(resolve(io.cwd, run.report));
    } catch (error) {
      reportDiagnostics(io, [diagnostic(cliDiagnostics.cannotWrite, `cannot write the report: ${error instanceof Error ? error.message : String(error)}`, { file: run.report })]);
      return ExitCode.failure;
    }
  }
  const progress = new Progress(io, size);
  let fatal = false;

  const take = (sample: SampleOutcome): void => {
    summary.total++;
    if (sample.compiled) summary.compiled++;
    else summary.failed++;
    const stopping = new Set<string>();
    for (const [code, error] of sample.codes) {
      summary.byCode[code] = (summary.byCode[code] ?? 0) + 1;
      if (!sample.compiled && error) stopping.add(code);
    }
    for (const code of stopping) summary.failedSamplesByCode[code] = (summary.failedSamplesByCode[code] ?? 0) + 1;
    report?.sample(sample.line);
    progress.update(summary.compiled, summary.failed);
  };

  // This thread only splits the file into entries' bytes; whoever compiles a sample decodes and reads them.
  const entries = readDatasetTexts(datasetPath, run.dataset);
  const jobsOf = function* (): Generator<SampleJob[]> {
    let batch: SampleJob[] = [];
    for (const entry of entries) {
      progress.position = entry.position ?? progress.position;
      if (entry.problem !== undefined && entry.bytes === undefined && /^SC930[12]$/.test(entry.problem.code)) {
        // The dataset itself is unreadable or broken: say so; the samples read so far still count.
        reportDiagnostics(io, [entry.problem]);
        fatal = true;
        continue;
      }
      batch.push({ index: entry.index, ...(entry.bytes === undefined ? {} : { bytes: entry.bytes }), ...(entry.problem === undefined ? {} : { problem: entry.problem }) });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  };

  const workerFile = workerModule();
  if (run.jobs > 1 && workerFile !== undefined) {
    await runPool(workerFile, run, settings, io, catalog, jobsOf(), take);
  } else {
    for (const batch of jobsOf()) for (const job of batch) take(outcomeOf(compileSample(job, settings, catalog, io)));
  }
  progress.done();

  const final: DatasetSummary = summary;
  if (report !== undefined) {
    const written = report.finish(final);
    if (written !== undefined) {
      reportDiagnostics(io, [diagnostic(cliDiagnostics.cannotWrite, `cannot write the report: ${written}`, { file: run.report! })]);
      fatal = true;
    }
  }
  const line = `${summary.total} samples: ${summary.compiled} compiled, ${summary.failed} failed`;
  if (run.json === true) io.stdout(`${JSON.stringify(final, null, 2)}\n`);
  else io.stdout(`${line}\n`);
  return fatal || summary.failed > 0 ? ExitCode.failure : ExitCode.ok;
}

/** The worker module beside this one, when the CLI runs from its built `.js` files. */
function workerModule(): URL | undefined {
  const url = new URL('./compile-worker.js', import.meta.url);
  try {
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Sends batches to `run.jobs` workers, at most two batches each in flight, and hands reports back in order. */
async function runPool(
  file: URL,
  run: DatasetRun,
  settings: SampleSettings,
  io: CliIO,
  catalog: Catalog,
  batches: Generator<SampleJob[]>,
  take: (sample: SampleOutcome) => void,
): Promise<void> {
  const setup: WorkerSetup = { settings, cwd: io.cwd, catalog: catalog.document };
  // A young generation larger than V8's default: a sample's tokens, tree and IR all die young, so fewer
  // scavenges run and less garbage is promoted (measured: about 13% less CPU per sample).
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const workers = Array.from({ length: run.jobs }, () => new Worker(file, { workerData: setup, resourceLimits }));
  const done = new Map<number, readonly SampleOutcome[]>();
  let nextToTake = 0;
  let nextBatch = 0;
  let exhausted = false;
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      let inFlight = 0;
      const feed = (worker: Worker): void => {
        if (exhausted) return;
        const next = batches.next();
        if (next.done === true) {
          exhausted = true;
          if (inFlight === 0) resolvePool();
          return;
        }
        inFlight++;
        // Each entry's bytes have a buffer of their own: moved to the worker, not copied.
        const transfer = next.value.flatMap((job) => (job.bytes?.buffer instanceof ArrayBuffer ? [job.bytes.buffer] : []));
        worker.postMessage({ batch: nextBatch++, jobs: next.value } satisfies WorkerRequest, transfer);
      };
      for (const worker of workers) {
        worker.on('message', (reply: WorkerReply) => {
          if ('failed' in reply) {
            rejectPool(new Error(`a worker could not load the catalog: ${reply.failed}`));
            return;
          }
          inFlight--;
          done.set(reply.batch, reply.outcomes);
          while (done.has(nextToTake)) {
            for (const sample of done.get(nextToTake)!) take(sample);
            done.delete(nextToTake);
            nextToTake++;
          }
          feed(worker);
          if (exhausted && inFlight === 0) resolvePool();
        });
        worker.on('error', rejectPool);
        feed(worker);
        feed(worker);
      }
    });
  } finally {
    for (const worker of workers) {
      worker.postMessage({ stop: true } satisfies WorkerRequest);
      void worker.terminate();
    }
  }
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/** A progress bar on stderr, only when stderr is a terminal, redrawn at most ten times a second. */
class Progress {
  position = 0;
  private last = 0;
  private shown = false;

  constructor(
    private readonly io: CliIO,
    private readonly size: number | undefined,
  ) {}

  update(compiled: number, failed: number): void {
    if (!this.io.isTTY) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const share = this.size === undefined || this.size === 0 ? 0 : Math.min(1, this.position / this.size);
    const filled = Math.round(share * width);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
    this.io.stderr(`\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${compiled} compiled, ${failed} failed`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.io.stderr('\n');
  }
}
