/** The API checker: `check(workflow, catalog, { origin, sourceMap })` → diagnostics (SC6xxx). */
export { check } from './check.js';
export type { CheckOptions, Origin } from './context.js';
export { checkerDiagnostics, type CheckerDiagnosticDefinition } from './diagnostics.js';
export { checkFile, codeFrontEnd, frontEndFor, frontEnds, shortcutFrontEnd, type CheckInput, type FileCheck, type FrontEnd } from './front-ends.js';
