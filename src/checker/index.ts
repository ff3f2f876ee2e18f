/**
 * The API checker. `check(code | bytes | workflow, { catalog })` is the
 * library's entry point; `checkWorkflow(workflow, catalog, { origin, sourceMap })`
 * checks IR directly; `checkFile` reads one file by its name's extension.
 */
export { check, type CheckRequestOptions, type Checked } from './api.js';
export { checkWorkflow } from './check.js';
export type { CheckOptions, Origin } from './context.js';
export { checkerDiagnostics, type CheckerDiagnosticDefinition } from './diagnostics.js';
export { checkFile, codeFrontEnd, frontEndFor, frontEnds, shortcutFrontEnd, type CheckInput, type FileCheck, type FrontEnd } from './front-ends.js';
