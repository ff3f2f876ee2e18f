/** IR → code in the dialect (grammars/dialect.md): the emitter behind `decompile`. */
export { emitModule, type EmitOptions } from './emit.js';
export { catalogAdapter, coreEmitterCatalog, emptyCatalog, type EmitterCatalog } from './catalog.js';
export { emitterDiagnostics } from './diagnostics.js';
export { decompile, decompileModule, type DecompileOptions, type Decompiled } from './decompile.js';
