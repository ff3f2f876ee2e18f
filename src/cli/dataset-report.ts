import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { allDiagnosticDefinitions } from '../diagnostics/registry.js';

/** The report's summary (`--report`): counts, and how often each diagnostic code occurred. */
export interface DatasetSummary {
  readonly total: number;
  readonly compiled: number;
  readonly failed: number;
  /** Diagnostics of every severity per code, over all samples. */
  readonly byCode: Record<string, number>;
  /** Per error code: how many failed samples it occurred in (what stopped them). */
  readonly failedSamplesByCode: Record<string, number>;
}

/** Report text gathered before one write (one write per many samples, not per sample). */
const FLUSH_CHARS = 1 << 20;

const HEAD = '{\n  "summary": ';

/**
 * The longest summary there can be: every registered diagnostic code in both
 * tables, every count at its largest. Every diagnostic is made from a
 * registered definition, so a real summary always fits in this much space.
 */
function summaryCapacity(): number {
  const most: Record<string, number> = {};
  for (const definition of allDiagnosticDefinitions()) most[definition.code] = Number.MAX_SAFE_INTEGER;
  const largest: DatasetSummary = { total: Number.MAX_SAFE_INTEGER, compiled: Number.MAX_SAFE_INTEGER, failed: Number.MAX_SAFE_INTEGER, byCode: most, failedSamplesByCode: most };
  return Buffer.byteLength(JSON.stringify(largest));
}

/**
 * The dataset report, streamed: a WorkflowBench report runs to gigabytes, so
 * samples are written as they come, straight into the report (under a
 * temporary name until it is complete). The summary comes first in the file
 * but is known only at the end: the writer leaves room for the longest
 * possible summary, writes it there at the end, and pads the rest with
 * spaces (JSON whitespace), so the samples are never copied.
 */
export class ReportWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly capacity = summaryCapacity();
  private count = 0;
  /** Lines not yet written: joined and written once they pass `FLUSH_CHARS`. */
  private pending: string[] = [];
  private pendingChars = 0;

  /** Opens the report's temporary file; throws the file system's error when it cannot. */
  constructor(private readonly path: string) {
    this.temporary = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temporary, 'w');
    try {
      writeSync(this.fd, `${HEAD}${' '.repeat(this.capacity)},\n  "samples": [\n`);
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  /** Appends one sample's report line (already serialized). */
  sample(line: string): void {
    const text = `${this.count === 0 ? '' : ',\n'}    ${line}`;
    this.pending.push(text);
    this.pendingChars += text.length;
    this.count++;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }

  /** Completes the report and moves it into place; returns a reason when it could not. */
  finish(summary: DatasetSummary): string | undefined {
    try {
      this.flush();
      writeSync(this.fd, '\n  ]\n}\n');
      const text = JSON.stringify(summary);
      if (Buffer.byteLength(text) > this.capacity) throw new Error('the summary is longer than the room left for it (a diagnostic code missing from the registry)');
      writeSync(this.fd, text, Buffer.byteLength(HEAD));
      closeSync(this.fd);
      renameSync(this.temporary, this.path);
      return undefined;
    } catch (error) {
      this.abandon();
      return error instanceof Error ? error.message : String(error);
    }
  }

  private abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed.
    }
    rmSync(this.temporary, { force: true });
  }
}
