/** Code → IR: name resolution and lowering of the syntax tree into the workflow IR. */
export { bindModule, type BindOptions, type BindResult } from './bind.js';
export { binderDiagnostics } from './diagnostics.js';
export type { ReadingMode } from './context.js';
export { emptyHeader, type HeaderTables } from './header.js';
export { DEFAULT_DEFAULTS, type Defaults } from '../syntax/header-defaults.js';
export { identifierByRule } from './actions.js';
export { DEFAULT_INPUT_CLASSES, MODEL_CODE_CLIENT_VERSION, modelCodeMetadata } from './metadata.js';
