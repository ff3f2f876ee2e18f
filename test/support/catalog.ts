import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog } from '../../src/catalog/catalog.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { importCatalogDir, writeCatalogFile, type ImportReport } from '../../src/catalog/import.js';
import { sharedPath } from './shared.js';

/**
 * The full catalog for corpus tests (checker, decompiler, compiler): imports
 * ../shared/workflowllm once per test process into a temporary folder and
 * returns the Catalog plus the file's path (for CLI tests: `--catalog <path>`
 * or SHORTCUTC_CATALOG). Call it inside `describeShared` suites only.
 */
export interface SharedCatalog {
  readonly catalog: Catalog;
  readonly path: string;
  readonly report: ImportReport;
  /** What the import said (warnings and notes). */
  readonly diagnostics: readonly Diagnostic[];
}

let cached: SharedCatalog | undefined;

export function sharedCatalog(): SharedCatalog {
  if (cached !== undefined) return cached;
  const result = importCatalogDir(sharedPath('workflowllm'));
  if (!result.ok) throw new Error(`importing ${sharedPath('workflowllm')} failed: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const path = join(mkdtempSync(join(tmpdir(), 'shortcutc-catalog-')), 'catalog.json');
  const written = writeCatalogFile(result.value.document, path);
  if (!written.ok) throw new Error(written.diagnostics.map((d) => d.message).join('; '));
  cached = { catalog: new Catalog(result.value.document, { kind: 'flag', path }), path, report: result.value, diagnostics: result.diagnostics };
  return cached;
}
