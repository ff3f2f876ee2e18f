import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { compile } from '../compile/compile.js';
import { entryOf } from '../compile/dataset.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { jsonDiagnostic, type JsonDiagnostic } from './commands/check.js';
import { writeOutputFile } from './files.js';
import type { CliIO } from './io.js';

/** One sample's line in the dataset report. */
export interface SampleReport {
  readonly index: number;
  readonly status: 'compiled' | 'failed';
  /** The shortcut written, relative to the working folder as given; null when the sample failed. */
  readonly output: string | null;
  readonly diagnostics: readonly JsonDiagnostic[];
}

export interface SampleJob {
  readonly index: number;
  /** The entry's JSON as UTF-8 bytes, decoded and read into its code (or a problem) where the sample is compiled. */
  readonly bytes?: Uint8Array;
  /** A problem reading the entry (no code): the sample fails with it. */
  readonly problem?: Diagnostic;
}

export interface SampleSettings {
  readonly outDir: string;
  readonly format: 'binary' | 'xml';
  /** The dataset's name, for diagnostics (`data.json#12`). */
  readonly dataset: string;
  /** The field of each entry that holds the code (for jobs given as JSON text). */
  readonly field: string;
}

/**
 * A sample's report as it travels from a worker thread: the report line
 * already serialized (the work spreads over the threads; a string copies
 * cheaply between them) and what the summary counts.
 */
export interface SampleOutcome {
  readonly index: number;
  readonly compiled: boolean;
  /** Each diagnostic's code, and whether it is an error. */
  readonly codes: readonly (readonly [string, boolean])[];
  /** `JSON.stringify` of the `SampleReport`. */
  readonly line: string;
}

export function outcomeOf(report: SampleReport): SampleOutcome {
  return {
    index: report.index,
    compiled: report.status === 'compiled',
    codes: report.diagnostics.map((d) => [d.code, d.severity === 'error'] as const),
    line: JSON.stringify(report),
  };
}

/** The file name of sample `index` in the output folder (`000042.shortcut`). */
export function sampleFileName(index: number): string {
  return `${String(index).padStart(6, '0')}.shortcut`;
}

/** Compiles one dataset sample and writes its shortcut; used in process and by the worker threads alike. */
export function compileSample(job: SampleJob, settings: SampleSettings, catalog: Catalog, io: CliIO): SampleReport {
  // A job without bytes carries the reader's problem with the entry (too long to keep).
  const entry = job.bytes === undefined ? undefined : entryOf(job.bytes, job.index, settings.field, settings.dataset);
  if (entry?.code === undefined) {
    const problem = entry === undefined ? job.problem : entry.problem;
    return { index: job.index, status: 'failed', output: null, diagnostics: problem === undefined ? [] : [jsonDiagnostic(problem)] };
  }
  const file = `${settings.dataset}#${job.index}`;
  const result = compile(entry.code, { catalog, file, format: settings.format });
  const diagnostics = [...result.diagnostics];
  let output: string | null = null;
  if (result.shortcut !== undefined) {
    const path = join(settings.outDir, sampleFileName(job.index));
    const written = writeOutputFile(path, result.shortcut, io);
    if (written.ok) output = path;
    else diagnostics.push(...written.diagnostics);
  }
  return { index: job.index, status: output === null ? 'failed' : 'compiled', output, diagnostics: diagnostics.map(jsonDiagnostic) };
}
