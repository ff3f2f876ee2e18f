/**
 * The API catalog: schema, loading, importing and the query API.
 *
 *   const result = loadCatalog({ flag: options.catalog, env: io.env, cwd: io.cwd });
 *   const catalog = result.value;            // Catalog
 *   catalog.resolve('is_workflow_actions_downloadurl')?.action
 *   catalog.keyStatus(action, 'WFURL')       // declared | wild | unknown
 *   catalog.suggestActions('is_workflow_actions_dowloadurl')
 */
export * from './schema.js';
export { catalogDiagnostics } from './diagnostics.js';
export { Catalog, patternMatches } from './catalog.js';
export type { ActionSuggestion, CatalogOrigin, CatalogStats, CountRow, KeyStatus, KeySuggestion, Resolution } from './catalog.js';
export type { SearchHit } from './search.js';
export { valueKindOf, pythonTypeForClass, type ValueKind } from './parameter-kinds.js';
export { appOf, normalizeName, pythonNameOf, BUILTIN_NAMESPACE } from './names.js';
export {
  CATALOG_ENV,
  CATALOG_FILE_NAME,
  coreCatalog,
  corePath,
  loadCatalog,
  loadCoreDocument,
  locateCatalog,
  overlayCore,
  parseCatalogText,
  readCatalogFile,
  userCatalogPath,
  userDataDir,
  type LocateOptions,
} from './load.js';
export { buildCatalog, importCatalogDir, writeCatalogFile, SOURCE_FILES, type CatalogInputs, type ImportOptions, type ImportReport, type PlistReader } from './import.js';
export { mergeActions, mergeAction } from './merge.js';
export { validateCatalog } from './validate.js';
export { importWorkflowLlm, type WorkflowLlmPickles } from './workflowllm.js';
export { importWfActions } from './wfactions.js';
export { readPickle, type PickleReadOptions } from './pickle/reader.js';
export type { PickleValue } from './pickle/value.js';
export { formatSignature } from './signature.js';
