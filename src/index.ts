/**
 * shortcutc's library API. Each phase is importable on its own; the three jobs
 * (`decompile`, `compile`, `check`) are exported here as they land.
 */
export * from './diagnostics/index.js';
export * from './plist/value.js';
export * from './plist/equal.js';
export * from './plist/index.js';
export * from './container/index.js';
export type * from './ir/types.js';
export type * as ast from './syntax/ast.js';
export * from './ir/walk.js';
export * from './ir/equal.js';
export * from './ir/identity.js';
export * from './lift/index.js';
export * from './roundtrip/index.js';
export * from './catalog/index.js';
export * from './signed/index.js';
export * from './checker/index.js';
export * from './emitter/index.js';
export * from './compile/index.js';
export { bindModule, binderDiagnostics, type BindOptions, type BindResult, type ReadingMode } from './binder/index.js';
export { parseModule, syntaxDiagnostics, type ParseOptions, type ParseResult } from './parser/index.js';
export { printModule, printStatements, printExpression, type PrintOptions } from './syntax/printer/index.js';
