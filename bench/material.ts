/**
 * What the sections measure on, loaded one way for all of them: the built-in
 * core catalog, the full catalog imported from the shared WorkflowLLM files,
 * and the unsigned corpus's files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCatalogDir } from '../src/catalog/import.js';
import { readCatalogFile } from '../src/catalog/load.js';
import type { CatalogDocument } from '../src/catalog/schema.js';
import { findRepoRoot } from './harness.js';

/** The core catalog's document. The compiled bench lives under build/, away from api-catalog/, so it is read from the repository. */
export function coreCatalogDocument(): CatalogDocument {
  const core = readCatalogFile(join(findRepoRoot(), 'api-catalog', 'core.json'));
  if (!core.ok) throw new Error(`the core catalog cannot be read: ${core.diagnostics.map((d) => d.message).join('; ')}`);
  return core.value;
}

/** The full catalog's document: the core merged with the shared WorkflowLLM files. */
export function fullCatalogDocument(sharedDir: string, core: CatalogDocument): CatalogDocument {
  const imported = importCatalogDir(join(sharedDir, 'workflowllm'), { core });
  if (!imported.ok) throw new Error(`the catalog import failed: ${imported.diagnostics.map((d) => d.message).join('; ')}`);
  return imported.value.document;
}

/** Every file of the unsigned corpus, in name order, as bytes. */
export function unsignedCorpus(sharedDir: string): Uint8Array[] {
  const folder = join(sharedDir, 'corpus', 'unsigned');
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => new Uint8Array(readFileSync(join(folder, name))));
}

/** The unsigned corpus split by format, with each part also in the form the third-party readers take. */
export function unsignedCorpusByFormat(sharedDir: string): {
  readonly binary: Uint8Array[];
  readonly xml: Uint8Array[];
  /** `binary` as Node buffers (bplist-parser). */
  readonly buffers: Buffer[];
  /** `xml` decoded (the plist package). */
  readonly xmlText: string[];
} {
  const all = unsignedCorpus(sharedDir);
  // Binary property lists start with `bplist`.
  const binary = all.filter((b) => b[0] === 0x62);
  const xml = all.filter((b) => b[0] !== 0x62);
  const decoder = new TextDecoder();
  return { binary, xml, buffers: binary.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)), xmlText: xml.map((b) => decoder.decode(b)) };
}
