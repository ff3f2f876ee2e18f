import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/load.js';
import { compileSample, type SampleJob, type SampleReport, type SampleSettings } from './compile-sample.js';
import type { CliIO } from './io.js';

/**
 * A worker thread of `shortcutc compile --dataset --jobs n`: loads the same
 * catalog as the main thread, then compiles the batches of samples it is
 * sent and writes their shortcuts; it answers each batch with its reports.
 */
export interface WorkerSetup {
  readonly settings: SampleSettings;
  /** The catalog file the main thread uses; undefined for the built-in core. */
  readonly catalogPath?: string;
  readonly cwd: string;
}

export type WorkerRequest = { readonly batch: number; readonly jobs: readonly SampleJob[] } | { readonly stop: true };
export type WorkerReply = { readonly batch: number; readonly reports: readonly SampleReport[] } | { readonly failed: string };

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port !== null) {
  const loaded = loadCatalog({ ...(setup.catalogPath === undefined ? {} : { flag: setup.catalogPath }), env: {}, cwd: setup.cwd });
  if (!loaded.ok) {
    port.postMessage({ failed: loaded.diagnostics.map((d) => d.message).join('; ') } satisfies WorkerReply);
  } else {
    const catalog = loaded.value;
    const io: CliIO = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: setup.cwd, env: {} };
    port.on('message', (request: WorkerRequest) => {
      if ('stop' in request) {
        port.close();
        return;
      }
      const reports = request.jobs.map((job) => compileSample(job, setup.settings, catalog, io));
      port.postMessage({ batch: request.batch, reports } satisfies WorkerReply);
    });
  }
}
