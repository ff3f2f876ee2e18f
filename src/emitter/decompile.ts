import { readShortcutFile } from '../container/shortcut-file.js';
import { hasErrors, inFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Workflow } from '../ir/types.js';
import { liftWorkflow } from '../lift/workflow.js';
import type { Module } from '../syntax/ast.js';
import { emitModule, type EmitOptions } from './emit.js';

export interface DecompileOptions extends EmitOptions {
  /** The file's name, for diagnostics. */
  readonly file?: string;
}

/**
 * A shortcut file's bytes (binary, XML or signed) or a lifted workflow → the
 * syntax tree of its canonical code. Reading and lifting problems come back
 * as diagnostics (errors leave `module` undefined); emitting never fails.
 */
export function decompileModule(input: Uint8Array | Workflow, options: DecompileOptions = {}): { module?: Module; diagnostics: Diagnostic[] } {
  const named = (diagnostics: readonly Diagnostic[]): Diagnostic[] => (options.file === undefined ? [...diagnostics] : inFile(options.file, diagnostics));
  let workflow: Workflow;
  const diagnostics: Diagnostic[] = [];
  if (input instanceof Uint8Array) {
    const read = readShortcutFile(input, options.file);
    diagnostics.push(...read.diagnostics);
    if (!read.ok) return { diagnostics };
    const lifted = liftWorkflow(read.value.plist);
    diagnostics.push(...named(lifted.diagnostics));
    if (!lifted.ok || hasErrors(lifted.diagnostics)) return { diagnostics };
    workflow = lifted.value;
  } else {
    workflow = input;
  }
  const emitted = emitModule(workflow, options);
  diagnostics.push(...named(emitted.diagnostics));
  return { module: emitted.module, diagnostics };
}
