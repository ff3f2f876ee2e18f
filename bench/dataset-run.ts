/**
 * Runs `compile --dataset` end to end on a synthetic JSON-lines dataset of
 * the WorkflowBench samples repeated (written to a temporary folder, removed
 * afterwards; never committed), one worker thread per core, and measures it
 * by the wall clock and by the CPU time of the whole process (the main thread
 * and the workers), so a machine loaded by other work does not mislead.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../src/catalog/catalog.js';
import { runDataset } from '../src/cli/compile-dataset.js';
import type { CliIO } from '../src/cli/io.js';
import { cpuSecondsNow } from './harness.js';

/** WorkflowBench: 106,763 programs, about 3.3 GB. */
export const WORKFLOWBENCH_PROGRAMS = 106_763;
export const WORKFLOWBENCH_BYTES = 3.3e9;

export interface DatasetFigures {
  readonly programs: number;
  /** Bytes of code (UTF-8) and of the dataset file. */
  readonly codeBytes: number;
  readonly fileBytes: number;
  readonly jobs: number;
  readonly wallSeconds: number;
  /** CPU seconds of the whole process (all threads) during the run. */
  readonly cpuSeconds: number;
}

/** Writes `copies` copies of the samples as JSON lines, runs the dataset command on them, and deletes everything. */
export async function runSyntheticDataset(samples: readonly string[], copies: number, catalog: Catalog): Promise<DatasetFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'shortcutc-bench-dataset-'));
  try {
    const path = join(folder, 'data.jsonl');
    const fd = openSync(path, 'w');
    const lines = samples.map((s) => `${JSON.stringify({ annotated_code: s })}\n`).join('');
    try {
      for (let c = 0; c < copies; c++) writeSync(fd, lines);
      // On disk before the clock starts: else the kernel writes gigabytes back while the shortcuts are created.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const codeBytes = samples.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0) * copies;
    const fileBytes = statSync(path).size;
    const io: CliIO = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: folder, env: {} };
    const jobs = cpus().length;
    const cpuStart = cpuSecondsNow();
    const start = process.hrtime.bigint();
    await runDataset(io, { dataset: 'data.jsonl', field: 'annotated_code', outDir: 'out', report: 'report.json', format: 'binary', jobs }, catalog);
    const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuSeconds = cpuSecondsNow() - cpuStart;
    return { programs: samples.length * copies, codeBytes, fileBytes, jobs, wallSeconds, cpuSeconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The figures as lines: MB/s by wall clock and per core by CPU time, and the projected time for WorkflowBench. */
export function describeDatasetRun(f: DatasetFigures): string[] {
  const wallRate = f.codeBytes / f.wallSeconds;
  // CPU time spread over every core, as if the machine were otherwise idle.
  const cpuRate = (f.codeBytes / f.cpuSeconds) * f.jobs;
  const minutes = (seconds: number): string => `${(seconds / 60).toFixed(2)} min`;
  return [
    `${f.programs.toLocaleString('en-US')} programs, ${(f.codeBytes / 1e6).toFixed(1)} MB of code (${(f.fileBytes / 1e6).toFixed(1)} MB of JSON lines) on ${f.jobs} worker thread(s)`,
    `wall clock: ${f.wallSeconds.toFixed(2)} s, ${(wallRate / 1e6).toFixed(1)} MB/s, ${(f.programs / f.wallSeconds).toFixed(0)} programs/s`,
    `CPU time (all threads): ${f.cpuSeconds.toFixed(2)} s, ${(f.codeBytes / f.cpuSeconds / 1e6).toFixed(1)} MB/s per core, ` +
      `${(cpuRate / 1e6).toFixed(1)} MB/s on ${f.jobs} idle cores; parallel use ${((f.cpuSeconds / f.wallSeconds / f.jobs) * 100).toFixed(0)}% of ${f.jobs} cores`,
    `WorkflowBench (3.3 GB of code) at this rate: ${minutes(WORKFLOWBENCH_BYTES / wallRate)} by the wall clock, ` +
      `${minutes(WORKFLOWBENCH_BYTES / cpuRate)} by CPU time on ${f.jobs} idle cores (target < 2 min); ` +
      `${WORKFLOWBENCH_PROGRAMS.toLocaleString('en-US')} programs at this rate: ${minutes((WORKFLOWBENCH_PROGRAMS * f.wallSeconds) / f.programs)} (wall)`,
  ];
}

/**
 * Whether WorkflowBench's 3.3 GB compiles in under two minutes by the wall
 * clock at this run's rate (the CPU-time figure printed beside it tells a
 * machine loaded by other work from a slow compiler).
 */
export function meetsDatasetTarget(f: DatasetFigures): boolean {
  return WORKFLOWBENCH_BYTES / (f.codeBytes / f.wallSeconds) < 120;
}
