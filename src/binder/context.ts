import type { Catalog } from '../catalog/catalog.js';
import { diagnostic, type DiagnosticDefinition } from '../diagnostics/codes.js';
import type { Diagnostic, Severity, SourceSpan } from '../diagnostics/diagnostic.js';
import { IdentitySource } from '../ir/identity.js';
import { SourceMap } from '../ir/source-map.js';
import { binderDiagnostics } from './diagnostics.js';
import type { HeaderTables } from './header.js';

const NOT_CANONICAL = binderDiagnostics.notCanonical;

/**
 * How a file is read. `canonical`: the file starts with the decompiler's
 * header and every spelling means exactly what `grammars/dialect.md` says; a
 * deviation is an error. `model`: code a model (or a person) wrote in
 * WorkflowLLM's dialect, read by the rules of `grammars/model-code.md`.
 */
export type ReadingMode = 'canonical' | 'model';

/** How deep statements may nest and expressions may recurse (the lifter structures 256 block levels). */
export const MAX_BLOCK_DEPTH = 200;
export const MAX_EXPRESSION_DEPTH = 200;

/** Thrown when an expression nests beyond `MAX_EXPRESSION_DEPTH`; the statement binder turns it into SC5003. */
export class ExpressionTooDeep extends Error {
  constructor(readonly span: SourceSpan | undefined) {
    super(`an expression nests more than ${MAX_EXPRESSION_DEPTH} levels deep`);
    this.name = 'ExpressionTooDeep';
  }
}

/**
 * Everything the binder's modules share while they read one file: where
 * diagnostics go, the source map, identifiers, the catalog and the header.
 */
export class BindContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly sourceMap = new SourceMap();
  readonly identity: IdentitySource;
  /** Position of the next flat action in `WFWorkflowActions` (derived UUIDs use it). */
  private nextIndex = 0;
  private expressionDepth = 0;

  constructor(
    readonly mode: ReadingMode,
    readonly catalog: Catalog | undefined,
    readonly header: HeaderTables,
    readonly file: string | undefined,
    seed: string,
  ) {
    this.identity = new IdentitySource(seed);
  }

  get canonical(): boolean {
    return this.mode === 'canonical';
  }

  /** Claims the next flat action position. */
  claimIndex(): number {
    return this.nextIndex++;
  }

  /** A derived UUID for the action at `index`. */
  uuidFor(index: number, identifier: string): string {
    return this.identity.uuid('action', index, identifier);
  }

  report(definition: DiagnosticDefinition, message: string, span: SourceSpan | undefined, suggestion?: string, severity?: Severity): void {
    this.diagnostics.push(
      diagnostic(definition, message, {
        ...(span === undefined ? {} : { location: { kind: 'source', span } }),
        ...(suggestion === undefined ? {} : { suggestion }),
        ...(this.file === undefined ? {} : { file: this.file }),
        ...(severity === undefined ? {} : { severity }),
      }),
    );
  }

  /**
   * A loose spelling: model code gets `definition` (a warning saying how it
   * was read); canonical code, where every spelling is exact, gets SC5106.
   */
  lenient(definition: DiagnosticDefinition, message: string, span: SourceSpan | undefined, canonicalFix: string): void {
    if (this.canonical) this.report(NOT_CANONICAL, `${message} — not a canonical spelling`, span, canonicalFix);
    else this.report(definition, message, span);
  }

  /** Runs `f` one expression level deeper; throws `ExpressionTooDeep` beyond the limit. */
  deeper<T>(span: SourceSpan | undefined, f: () => T): T {
    if (this.expressionDepth >= MAX_EXPRESSION_DEPTH) throw new ExpressionTooDeep(span);
    this.expressionDepth++;
    try {
      return f();
    } finally {
      this.expressionDepth--;
    }
  }
}
