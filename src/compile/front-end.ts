import type { Catalog } from '../catalog/catalog.js';
import { bindModule } from '../binder/bind.js';
import type { ReadingMode } from '../binder/context.js';
import { inFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../ir/source-map.js';
import type { Workflow } from '../ir/types.js';
import { parseModule } from '../parser/index.js';

export interface FrontEndOptions {
  /**
   * The catalog model code is read with (action names, parameter classes).
   * Canonical code depends only on the built-in core; model code read without
   * the full catalog gets more unknown-action warnings and fewer fixes.
   */
  readonly catalog?: Catalog;
  /** The file name diagnostics carry. */
  readonly file?: string;
  /** Separates derived UUIDs of different workflows (default none: the same code always gives the same bytes). */
  readonly seed?: string;
}

export interface FrontEndResult {
  /** The workflow, when the code parsed and bound without errors. */
  readonly workflow?: Workflow;
  /** What binding built even with errors (for tools that want to look further). */
  readonly partial: Workflow;
  /** Where each IR node came from in the code (the checker reports lines and columns with it). */
  readonly sourceMap: SourceMap;
  /** Syntax (SC4xxx) then binding (SC5xxx) diagnostics: every problem found, not the first only. */
  readonly diagnostics: readonly Diagnostic[];
  readonly mode: ReadingMode;
}

/**
 * Code → IR: parses (recovering, so one mistake does not hide the next) and
 * binds. Binding runs even when the parser reported errors, on what it could
 * read, so a file's problems come out together. Never throws.
 */
export function codeToIr(code: string, options: FrontEndOptions = {}): FrontEndResult {
  const parsed = parseModule(code);
  const bound = bindModule(parsed.module, {
    source: code,
    ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const syntax = options.file === undefined ? parsed.diagnostics : inFile(options.file, parsed.diagnostics);
  const diagnostics = [...syntax, ...bound.diagnostics];
  const failed = diagnostics.some((d) => d.severity === 'error');
  return {
    ...(failed || bound.workflow === undefined ? {} : { workflow: bound.workflow }),
    partial: bound.partial,
    sourceMap: bound.sourceMap,
    diagnostics,
    mode: bound.mode,
  };
}
