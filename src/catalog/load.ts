import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir as osHomedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { Catalog, type CatalogOrigin } from './catalog.js';
import { catalogDiagnostics as D } from './diagnostics.js';
import { mergeActions, mergeWildKeys } from './merge.js';
import { CATALOG_FORMAT, CATALOG_VERSION, type CatalogDocument, type CatalogSourceInfo } from './schema.js';
import { validateCatalog } from './validate.js';

/**
 * Finding and loading the catalog every command uses:
 *   1. `--catalog <path>`;
 *   2. else `$SHORTCUTC_CATALOG`;
 *   3. else `catalog.json` in the user data folder, when it exists
 *      ($XDG_DATA_HOME/shortcutc, ~/.local/share/shortcutc; macOS
 *      ~/Library/Application Support/shortcutc; Windows %LOCALAPPDATA%\shortcutc);
 *   4. else the built-in core (`api-catalog/core.json` in the package).
 * A catalog named by 1–3 that cannot be read is an error, not a silent
 * fallback to the core. The current core is merged over every loaded file,
 * so its hand-written facts (and wild keys) always apply.
 */

export const CATALOG_ENV = 'SHORTCUTC_CATALOG';
export const CATALOG_FILE_NAME = 'catalog.json';
/** Larger files are refused before reading (the full catalog is about 2 MB). */
export const MAX_CATALOG_BYTES = 256 * 1024 * 1024;

export interface LocateOptions {
  /** The `--catalog` value. */
  readonly flag?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Relative paths resolve against this folder. */
  readonly cwd?: string;
  readonly platform?: NodeJS.Platform;
  readonly homedir?: string;
}

/** The user-level data folder for shortcutc on this platform. */
export function userDataDir(options: LocateOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.homedir ?? osHomedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'shortcutc');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'shortcutc');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.local', 'share'), 'shortcutc');
}

export function userCatalogPath(options: LocateOptions = {}): string {
  return join(userDataDir(options), CATALOG_FILE_NAME);
}

/** Which catalog the options select (does not read it). */
export function locateCatalog(options: LocateOptions = {}): CatalogOrigin {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  if (options.flag !== undefined && options.flag !== '') return { kind: 'flag', path: resolve(cwd, options.flag) };
  const fromEnv = env[CATALOG_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { kind: 'env', path: resolve(cwd, fromEnv) };
  const user = userCatalogPath(options);
  if (existsSync(user)) return { kind: 'user', path: user };
  return { kind: 'builtin', path: corePath() };
}

/** Locates, reads, validates and indexes the catalog. */
export function loadCatalog(options: LocateOptions = {}): Result<Catalog> {
  const origin = locateCatalog(options);
  const core = loadCoreDocument();
  if (!core.ok) return fail(core.diagnostics);
  if (origin.kind === 'builtin') return ok(new Catalog(core.value, origin), core.diagnostics);
  const file = readCatalogFile(origin.path as string);
  if (!file.ok) return fail(file.diagnostics);
  const catalog = new Catalog(overlayCore(file.value, core.value), origin);
  return ok(catalog, [...file.diagnostics, ...duplicateDiagnostics(catalog, origin.path as string)]);
}

/** SC7035 for names two entries share (the first entry is used). */
export function duplicateDiagnostics(catalog: Catalog, file?: string): Diagnostic[] {
  if (catalog.duplicates.length === 0) return [];
  const shown = catalog.duplicates.slice(0, 5).join(', ');
  const more = catalog.duplicates.length > 5 ? ` and ${catalog.duplicates.length - 5} more` : '';
  return [diagnostic(D.catalogDuplicate, `${catalog.duplicates.length} identifier(s) or Python name(s) are used by more than one entry; the first entry is used: ${shown}${more}`, file === undefined ? {} : { file })];
}

/** Reads and validates one catalog file. */
export function readCatalogFile(path: string): Result<CatalogDocument> {
  let text: string;
  try {
    const stat = statSync(path);
    // A pipe or device (a FIFO blocks on open, /dev/zero never ends): only regular files are read.
    if (!stat.isFile()) throw new Error('it is not a regular file');
    const size = stat.size;
    if (size > MAX_CATALOG_BYTES) {
      return fail([diagnostic(D.catalogUnreadable, `the catalog is ${size} bytes, more than the ${MAX_CATALOG_BYTES} a catalog may have`, { file: path })]);
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail([
      diagnostic(D.catalogUnreadable, `cannot read the catalog: ${reason}`, {
        file: path,
        suggestion: 'build one with `shortcutc catalog import <dir>`, or leave out --catalog/SHORTCUTC_CATALOG to use the built-in core',
      }),
    ]);
  }
  return parseCatalogText(text, path);
}

/** Parses and validates catalog JSON text. */
export function parseCatalogText(text: string, file?: string): Result<CatalogDocument> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse recurses: absurd nesting ends in a RangeError, reported the same way.
    const reason = error instanceof Error ? error.message : String(error);
    return fail([diagnostic(D.catalogNotJson, `the catalog is not valid JSON: ${reason}`, file === undefined ? {} : { file })]);
  }
  return validateCatalog(value, file);
}

/** The current core merged over a loaded document (core facts win; the file's other actions stay). */
export function overlayCore(document: CatalogDocument, core: CatalogDocument): CatalogDocument {
  const sources: CatalogSourceInfo[] = [...document.sources];
  if (!sources.some((s) => s.kind === 'core')) sources.push(...core.sources);
  const wildKeys = mergeWildKeys([core.wildKeys, document.wildKeys]);
  const merged: { -readonly [K in keyof CatalogDocument]: CatalogDocument[K] } = {
    format: CATALOG_FORMAT,
    version: CATALOG_VERSION,
    sources,
    actions: mergeActions([core.actions, document.actions]),
  };
  if (document.description !== undefined) merged.description = document.description;
  if (wildKeys.length > 0) merged.wildKeys = wildKeys;
  return merged;
}

/** `api-catalog/core.json` beside `src/` or `dist/` (the package ships the folder). */
export function corePath(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'api-catalog', 'core.json');
}

let coreCache: Result<CatalogDocument> | undefined;

/** The built-in core catalog, read once per process. */
export function loadCoreDocument(): Result<CatalogDocument> {
  coreCache ??= readCore();
  return coreCache;
}

function readCore(): Result<CatalogDocument> {
  const result = readCatalogFile(corePath());
  if (!result.ok) return result;
  // The core is ours: any schema problem in it is a bug worth failing on.
  const problems: Diagnostic[] = result.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length > 0) return fail(problems);
  return result;
}

/** The built-in core as a Catalog (for callers that never want an imported one). */
export function coreCatalog(): Result<Catalog> {
  const core = loadCoreDocument();
  return core.ok ? ok(new Catalog(core.value, { kind: 'builtin', path: corePath() })) : fail(core.diagnostics);
}
