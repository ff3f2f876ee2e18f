import type { Catalog } from '../catalog/catalog.js';
import { readShortcutFile } from '../container/shortcut-file.js';
import { diagnostic } from '../diagnostics/codes.js';
import { hasErrors, inFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Workflow } from '../ir/types.js';
import { checkWorkflowDepth } from '../lift/depth-guard.js';
import { liftWorkflow } from '../lift/workflow.js';
import type { Module } from '../syntax/ast.js';
import { printModule } from '../syntax/printer/index.js';
import { catalogAdapter } from './catalog.js';
import { emitterDiagnostics } from './diagnostics.js';
import { emitModule, type EmitOptions } from './emit.js';

export interface DecompileOptions extends Omit<EmitOptions, 'catalog'> {
  /** The file's name, for diagnostics. */
  readonly file?: string;
  /**
   * The catalog readable names come from (`loadCatalog()`: the full one when
   * installed). It never changes what the code compiles to; default: the core.
   */
  readonly catalog?: Catalog;
  /** Lines longer than this break their calls, lists and dictionaries (default 100; `Infinity`: never). */
  readonly lineWidth?: number;
}

export interface Decompiled {
  /** The canonical code; empty when the input could not be read. */
  readonly code: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A shortcut file's bytes (binary, XML or signed) or a lifted workflow → its
 * canonical code in the dialect (grammars/dialect.md). Never throws on bad
 * input: reading and lifting problems come back as error diagnostics with
 * empty code.
 */
export function decompile(input: Uint8Array | Workflow, options: DecompileOptions = {}): Decompiled {
  try {
    const { module, diagnostics } = decompileModule(input, options);
    if (module === undefined) return { code: '', diagnostics };
    return { code: printModule(module, options.lineWidth === undefined ? {} : { lineWidth: options.lineWidth }), diagnostics };
  } catch (error) {
    // The last line of defence behind the depth limits: a shape they did not foresee (a hand-built chain of
    // references within MAX_IR_DEPTH, code past JavaScript's string limit) is a diagnostic, never a crash.
    if (!(error instanceof RangeError)) throw error;
    const problem = diagnostic(emitterDiagnostics.tooLargeToWrite, `The code cannot be written: ${error.message}.`, {
      suggestion: 'nest the workflow less deeply (blocks and values), or split it',
      ...(options.file === undefined ? {} : { file: options.file }),
    });
    return { code: '', diagnostics: [problem] };
  }
}

/**
 * A shortcut file's bytes (binary, XML or signed) or a lifted workflow → the
 * syntax tree of its canonical code. Reading and lifting problems come back
 * as diagnostics (errors leave `module` undefined); emitting never fails.
 */
export function decompileModule(input: Uint8Array | Workflow, options: DecompileOptions = {}): { module?: Module; diagnostics: Diagnostic[] } {
  const named = (diagnostics: readonly Diagnostic[]): Diagnostic[] => (options.file === undefined ? [...diagnostics] : inFile(options.file, diagnostics));
  let workflow: Workflow;
  let diagnostics: Diagnostic[] = [];
  if (input instanceof Uint8Array) {
    const read = readShortcutFile(input, options.file);
    // concat, not push(...): a file can carry 200,000 warnings, more than a call's arguments may be.
    diagnostics = diagnostics.concat(read.diagnostics);
    if (!read.ok) return { diagnostics };
    const lifted = liftWorkflow(read.value.plist);
    diagnostics = diagnostics.concat(named(lifted.diagnostics));
    if (!lifted.ok || hasErrors(lifted.diagnostics)) return { diagnostics };
    workflow = lifted.value;
  } else {
    const tooDeep = checkWorkflowDepth(input);
    if (tooDeep !== undefined) return { diagnostics: named([tooDeep]) };
    workflow = input;
  }
  const { catalog, ...rest } = options;
  const emitted = emitModule(workflow, { ...rest, ...(catalog === undefined ? {} : { catalog: catalogAdapter(catalog) }) });
  return { module: emitted.module, diagnostics: diagnostics.concat(named(emitted.diagnostics)) };
}
