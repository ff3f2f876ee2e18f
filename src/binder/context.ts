import type { Catalog } from '../catalog/catalog.js';
import { diagnostic, type DiagnosticDefinition, type DiagnosticDetails } from '../diagnostics/codes.js';
import type { Diagnostic, Severity, SourceSpan } from '../diagnostics/diagnostic.js';
import { IdentitySource } from '../ir/identity.js';
import { SourceMap } from '../ir/source-map.js';
import { binderDiagnostics } from './diagnostics.js';
import { emptyHeader, type HeaderTables } from './header.js';

const NOT_CANONICAL = binderDiagnostics.notCanonical;

/**
 * How a file is read. `canonical`: the file starts with the decompiler's
 * header (`__workflow__ = …`) and every spelling means exactly what
 * `grammars/dialect.md` says; a deviation is an error. `model`: code a model
 * (or a person) wrote in WorkflowLLM's dialect, read by the rules of
 * `grammars/model-code.md`.
 */
export type ReadingMode = 'canonical' | 'model';

/** Most diagnostics kept per file; the rest are counted in one SC5008 (a hostile file could otherwise exhaust memory). */
export const MAX_DIAGNOSTICS = 1000;

/** Most "did you mean" suggestions computed per file (see `BindContext.hint`). */
export const MAX_HINTS = 5;

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
 * diagnostics go, the source map, derived identifiers, the catalog and the
 * header.
 */
export class BindContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly sourceMap = new SourceMap();
  /** Derived UUIDs and GroupingIdentifiers. */
  private readonly identities: IdentitySource;
  mode: ReadingMode = 'model';
  header: HeaderTables = emptyHeader;
  /** Position of the next flat action in `WFWorkflowActions`. */
  private nextIndex = 0;
  private expressionDepth = 0;
  private readonly variableUuids = new Map<string, string>();
  private readonly hints = new Map<string, string | undefined>();
  private hintsComputed = 0;
  private suppressed: { errors: number; warnings: number; first?: SourceSpan } = { errors: 0, warnings: 0 };

  constructor(
    /** The catalog model code is read with; canonical code uses only the core catalog. */
    readonly catalog: Catalog | undefined,
    readonly file: string | undefined,
    seed: string,
    /** The code text, when known: model code's unquoted text is read from it. */
    readonly source?: string,
    /** Identifiers the code writes literally: no derived one may equal them. */
    reserved: Iterable<string> = [],
  ) {
    this.identities = new IdentitySource(seed, reserved);
  }

  /** The code an expression was written as (model code's unquoted text), when the source is known. */
  textOf(span: SourceSpan | undefined): string | undefined {
    if (span === undefined || this.source === undefined) return undefined;
    const { start, end } = span;
    if (start.offset < 0 || end.offset > this.source.length || end.offset < start.offset) return undefined;
    return this.source.slice(start.offset, end.offset);
  }

  get canonical(): boolean {
    return this.mode === 'canonical';
  }

  /** Claims the next flat action position. */
  claimIndex(): number {
    return this.nextIndex++;
  }

  /**
   * The UUID of the `occurrence`-th action bound to `name` (counting from 0).
   * Derived from the name, not the position, so that a reference can name an
   * output bound later in the file (canonical code resolves names file-wide)
   * and an edit elsewhere renames nothing.
   */
  outputUuid(name: string, occurrence: number): string {
    return this.identities.derive('output', name, occurrence);
  }

  /** The UUID of an action nothing names (model code's calls nested in values). */
  unnamedUuid(index: number, identifier: string): string {
    return this.identities.derive('action', index, identifier);
  }

  /** A block's GroupingIdentifier, from its kind and its start's position. */
  groupingIdentifier(kind: string, startIndex: number): string {
    return this.identities.derive('group', kind, startIndex);
  }

  /** The derived `VariableUUID` of a named variable (one per name). */
  variableUuid(name: string): string {
    let uuid = this.variableUuids.get(name);
    if (uuid === undefined) {
      uuid = this.identities.derive('variable', name);
      this.variableUuids.set(name, uuid);
    }
    return uuid;
  }

  /**
   * A "did you mean" hint, computed once per key and for at most
   * `MAX_HINTS` keys per file: suggestions cost edit distances against every
   * candidate, and a file with thousands of unknown names must stay fast.
   */
  hint(key: string, compute: () => string | undefined): string | undefined {
    if (this.hints.has(key)) return this.hints.get(key);
    if (this.hintsComputed >= MAX_HINTS) return undefined;
    this.hintsComputed++;
    const hint = compute();
    this.hints.set(key, hint);
    return hint;
  }

  report(definition: DiagnosticDefinition, message: string, span: SourceSpan | undefined, suggestion?: string, severity?: Severity): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      if ((severity ?? definition.severity) === 'error') this.suppressed.errors++;
      else this.suppressed.warnings++;
      this.suppressed.first ??= span;
      return;
    }
    // Built field by field, not by spreading: model code can produce a thousand diagnostics a file.
    const details: { -readonly [K in keyof DiagnosticDetails]: DiagnosticDetails[K] } = {};
    if (span !== undefined) details.location = { kind: 'source', span };
    if (suggestion !== undefined) details.suggestion = suggestion;
    if (this.file !== undefined) details.file = this.file;
    if (severity !== undefined) details.severity = severity;
    this.diagnostics.push(diagnostic(definition, message, details));
  }

  /** Adds the count of diagnostics beyond `MAX_DIAGNOSTICS`, if any (called once, at the end). */
  finish(): void {
    const { errors, warnings, first } = this.suppressed;
    if (errors + warnings === 0) return;
    this.diagnostics.push(
      diagnostic(binderDiagnostics.tooManyDiagnostics, `${errors + warnings} more problems from here on (${errors} errors, ${warnings} warnings) are not shown`, {
        ...(this.file === undefined ? {} : { file: this.file }),
        ...(first === undefined ? {} : { location: { kind: 'source' as const, span: first } }),
        severity: errors > 0 ? 'error' : 'warning',
        suggestion: 'fix the problems shown first',
      }),
    );
  }

  /**
   * A loose spelling: model code gets `definition` (a warning saying how it
   * was read); canonical code, where every spelling is exact, gets SC5106.
   */
  lenient(definition: DiagnosticDefinition, message: string, span: SourceSpan | undefined, canonicalFix: string): void {
    if (this.canonical) this.report(NOT_CANONICAL, `${message} — not a canonical spelling`, span, canonicalFix);
    else this.report(definition, message, span, canonicalFix);
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
