import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diagnostic } from '../diagnostics/codes.js';
import { fail, hasErrors, inFile, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { readPlist } from '../plist/read.js';
import type { PlistValue } from '../plist/value.js';
import { catalogDiagnostics as D } from './diagnostics.js';
import { loadCoreDocument, overlayCore } from './load.js';
import { mergeActions } from './merge.js';
import { readPickle } from './pickle/reader.js';
import type { PickleValue } from './pickle/value.js';
import { CATALOG_FORMAT, CATALOG_VERSION, type ActionEntry, type CatalogDocument, type CatalogSourceInfo } from './schema.js';
import { importWfActions } from './wfactions.js';
import { importWorkflowLlm, type WorkflowLlmPickles } from './workflowllm.js';

/** The files `catalog import` looks for in a folder. */
export const SOURCE_FILES = {
  json: 'identifier2json.pkl',
  python: 'identifier2python.pkl',
  category: 'identifier2category.pkl',
  keyparams: 'identifier2keyparams.pkl',
  output: 'identifier2output.pkl',
  wfactions: 'WFActions.plist',
} as const;

/** Reads a property list (binary or XML) — the plist phase's `readPlist`. */
export type PlistReader = (bytes: Uint8Array) => Result<PlistValue>;

export interface CatalogInputs {
  readonly workflowllm?: WorkflowLlmPickles;
  readonly wfactions?: PlistValue;
  /** Defaults to the built-in core. */
  readonly core?: CatalogDocument;
  /** Recorded in `sources` (informational). */
  readonly paths?: { readonly workflowllm?: string; readonly wfactions?: string };
}

/**
 * Builds a full catalog from already-read sources: WorkflowLLM and WFActions
 * entries merged (WFActions first for the built-ins it defines), with the
 * core merged over them. Pure: no file access.
 */
export function buildCatalog(inputs: CatalogInputs): Result<CatalogDocument> {
  const diagnostics: Diagnostic[] = [];
  const sources: CatalogSourceInfo[] = [];
  let fromWorkflowLlm: ActionEntry[] = [];
  let fromWfActions: ActionEntry[] = [];
  if (inputs.workflowllm !== undefined) {
    const result = importWorkflowLlm(inputs.workflowllm);
    diagnostics.push(...result.diagnostics);
    if (result.ok) {
      fromWorkflowLlm = result.value;
      sources.push(withPath({ kind: 'workflowllm', actions: fromWorkflowLlm.length }, inputs.paths?.workflowllm));
    }
  }
  if (inputs.wfactions !== undefined) {
    const result = importWfActions(inputs.wfactions);
    diagnostics.push(...result.diagnostics);
    if (result.ok) {
      fromWfActions = result.value;
      sources.push(withPath({ kind: 'wfactions', actions: fromWfActions.length }, inputs.paths?.wfactions));
    }
  }
  if (sources.length === 0) {
    return fail(diagnostics.length > 0 ? diagnostics : [diagnostic(D.importNoSources, 'nothing to import: neither WorkflowLLM pickles nor WFActions.plist were given')]);
  }
  let core = inputs.core;
  if (core === undefined) {
    const loaded = loadCoreDocument();
    if (!loaded.ok) return fail([...diagnostics, ...loaded.diagnostics]);
    core = loaded.value;
  }
  const imported: CatalogDocument = {
    format: CATALOG_FORMAT,
    version: CATALOG_VERSION,
    description: 'shortcutc API catalog imported from ' + sources.map((s) => (s.kind === 'workflowllm' ? "WorkflowLLM's release pickles" : 'WFActions.plist')).join(' and '),
    sources,
    actions: mergeActions([fromWfActions, fromWorkflowLlm]),
  };
  return ok(overlayCore(imported, core), diagnostics);
}

export interface ImportOptions {
  /** How WFActions.plist is read; the plist phase's reader (binary or XML) unless given. */
  readonly readPlist?: PlistReader;
  readonly core?: CatalogDocument;
  /** Source files above this size are refused. Default 256 MiB. */
  readonly maxFileBytes?: number;
}

export interface ImportReport {
  readonly document: CatalogDocument;
  /** Source files found and read. */
  readonly found: readonly string[];
  /** Source files not in the folder. */
  readonly missing: readonly string[];
  readonly milliseconds: { readonly read: number; readonly build: number };
}

/**
 * Imports a folder holding the WorkflowLLM pickles and/or WFActions.plist.
 * Either source alone is enough (`identifier2json.pkl` is the one pickle
 * WorkflowLLM's side needs; the others add types, categories and outputs).
 */
export function importCatalogDir(dir: string, options: ImportOptions = {}): Result<ImportReport> {
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const found: string[] = [];
  const missing: string[] = [];
  const maxBytes = options.maxFileBytes ?? 256 * 1024 * 1024;

  const readBytes = (name: string): Uint8Array | undefined => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      missing.push(name);
      return undefined;
    }
    try {
      const stat = statSync(path);
      // A pipe or device (a FIFO blocks on open, /dev/zero never ends): only regular files are read.
      if (!stat.isFile()) {
        diagnostics.push(diagnostic(D.catalogUnreadable, `cannot read ${name}: it is not a regular file`, { file: path }));
        return undefined;
      }
      const size = stat.size;
      if (size > maxBytes) {
        diagnostics.push(diagnostic(D.pickleTooLarge, `${name} is ${size} bytes, more than the ${maxBytes} accepted`, { file: path }));
        return undefined;
      }
      const bytes = readFileSync(path);
      found.push(name);
      return bytes;
    } catch (error) {
      diagnostics.push(diagnostic(D.catalogUnreadable, `cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`, { file: path }));
      return undefined;
    }
  };
  const readPickleFile = (name: string): PickleValue | undefined => {
    const bytes = readBytes(name);
    if (bytes === undefined) return undefined;
    const result = readPickle(bytes);
    diagnostics.push(...inFile(join(dir, name), result.diagnostics));
    return result.ok ? result.value : undefined;
  };

  const json = readPickleFile(SOURCE_FILES.json);
  let workflowllm: WorkflowLlmPickles | undefined;
  if (json !== undefined) {
    const pickles: { -readonly [K in keyof WorkflowLlmPickles]: WorkflowLlmPickles[K] } = { json };
    const python = readPickleFile(SOURCE_FILES.python);
    if (python !== undefined) pickles.python = python;
    const category = readPickleFile(SOURCE_FILES.category);
    if (category !== undefined) pickles.category = category;
    const keyparams = readPickleFile(SOURCE_FILES.keyparams);
    if (keyparams !== undefined) pickles.keyparams = keyparams;
    const output = readPickleFile(SOURCE_FILES.output);
    if (output !== undefined) pickles.output = output;
    workflowllm = pickles;
  }
  let wfactions: PlistValue | undefined;
  const plistBytes = readBytes(SOURCE_FILES.wfactions);
  if (plistBytes !== undefined) {
    const result = (options.readPlist ?? ((bytes: Uint8Array) => readPlist(bytes)))(plistBytes);
    if (result.ok) {
      wfactions = result.value;
      diagnostics.push(...inFile(join(dir, SOURCE_FILES.wfactions), result.diagnostics));
    } else {
      diagnostics.push(diagnostic(D.wfactionsUnreadable, 'WFActions.plist is not a readable property list; see the diagnostics that follow', { file: join(dir, SOURCE_FILES.wfactions) }));
      diagnostics.push(...inFile(join(dir, SOURCE_FILES.wfactions), result.diagnostics));
    }
  }
  const read = performance.now() - started;
  // A source that is present but unreadable fails the import: a catalog silently missing
  // half its sources would make the checker report real actions as unknown.
  if (hasErrors(diagnostics) && (workflowllm !== undefined || wfactions !== undefined)) return fail(diagnostics);
  if (workflowllm === undefined && wfactions === undefined) {
    if (!hasErrors(diagnostics)) {
      diagnostics.push(
        diagnostic(D.importNoSources, `${dir} holds neither ${SOURCE_FILES.json} nor ${SOURCE_FILES.wfactions}`, {
          suggestion: "point it at WorkflowLLM's release folder (with the .pkl files) or at a folder holding WFActions.plist",
        }),
      );
    }
    return fail(diagnostics);
  }
  for (const name of missing) diagnostics.push(diagnostic(D.importMissingSource, `${name} is not in ${dir}; the catalog is built without it`));

  const inputs: { -readonly [K in keyof CatalogInputs]: CatalogInputs[K] } = { paths: { workflowllm: dir, wfactions: join(dir, SOURCE_FILES.wfactions) } };
  if (workflowllm !== undefined) inputs.workflowllm = workflowllm;
  if (wfactions !== undefined) inputs.wfactions = wfactions;
  if (options.core !== undefined) inputs.core = options.core;
  const built = buildCatalog(inputs);
  diagnostics.push(...built.diagnostics);
  if (!built.ok) return fail(diagnostics);
  return ok({ document: built.value, found, missing, milliseconds: { read, build: performance.now() - started - read } }, diagnostics);
}

/** Writes a catalog as JSON (to a temporary file first, so a reader never sees half a file). */
export function writeCatalogFile(document: CatalogDocument, path: string): Result<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(document, null, 1)}\n`);
    renameSync(temporary, path);
    return ok(undefined);
  } catch (error) {
    return fail([diagnostic(D.importWriteFailed, `cannot write the catalog: ${error instanceof Error ? error.message : String(error)}`, { file: path })]);
  }
}

function withPath(info: CatalogSourceInfo, path: string | undefined): CatalogSourceInfo {
  return path === undefined ? info : { ...info, path };
}
