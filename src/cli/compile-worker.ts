import { parentPort, workerData } from 'node:worker_threads';
import { Catalog } from '../catalog/catalog.js';
import type { CatalogDocument } from '../catalog/schema.js';
import { compileSample, outcomeOf, type SampleJob, type SampleOutcome, type SampleSettings } from './compile-sample.js';
import type { CliIO } from './io.js';

/**
 * A worker thread of `shortcutc compile --dataset --jobs n`: builds the
 * main thread's catalog from its document (so both use the very same one),
 * then compiles the batches of samples it is sent and writes their
 * shortcuts; it answers each batch with its reports.
 */
export interface WorkerSetup {
  readonly settings: SampleSettings;
  /** The catalog the main thread uses. */
  readonly catalog: CatalogDocument;
  readonly cwd: string;
}

export type WorkerRequest = { readonly batch: number; readonly jobs: readonly SampleJob[] } | { readonly stop: true };
export type WorkerReply = { readonly batch: number; readonly outcomes: readonly SampleOutcome[] } | { readonly failed: string };

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port !== null) {
  let catalog: Catalog | undefined;
  try {
    catalog = new Catalog(setup.catalog);
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
  if (catalog !== undefined) {
    const io: CliIO = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: setup.cwd, env: {} };
    port.on('message', (request: WorkerRequest) => {
      if ('stop' in request) {
        port.close();
        return;
      }
      const outcomes = request.jobs.map((job) => outcomeOf(compileSample(job, setup.settings, catalog, io)));
      port.postMessage({ batch: request.batch, outcomes } satisfies WorkerReply);
    });
  }
}
