import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../ir/source-map.js';
import type { Workflow } from '../ir/types.js';
import type * as ast from '../syntax/ast.js';
import { removeAnnotationLines } from './annotations.js';
import { BindContext, ExpressionTooDeep, type ReadingMode } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { headerNameOf, readHeader } from './header.js';
import { literalIdentifiers } from './literal-identifiers.js';
import { modelCodeMetadata } from './metadata.js';
import { NameResolver } from './names.js';
import { scanNames } from './prescan.js';
import { Scope } from './scope.js';
import { bindStatements } from './statements.js';

export interface BindOptions {
  /** The catalog model code is read with (action names, parameter classes); canonical code needs only the built-in core. */
  readonly catalog?: Catalog;
  /** The file name diagnostics carry. */
  readonly file?: string;
  /** Separates derived UUIDs of different workflows (default: none, so the same code gives the same bytes). */
  readonly seed?: string;
  /** The code text the module was parsed from: model code's unquoted text in dictionaries and lists is read from it. */
  readonly source?: string;
}

export interface BindResult {
  /** Present when binding finished without errors. */
  readonly workflow?: Workflow;
  /** The IR built so far, even with errors (for the checker and tools). */
  readonly partial: Workflow;
  readonly sourceMap: SourceMap;
  readonly diagnostics: readonly Diagnostic[];
  readonly mode: ReadingMode;
}

/**
 * Syntax tree → workflow IR. A file whose header sets `__workflow__` is read
 * as canonical code (grammars/dialect.md), any other as model code
 * (grammars/model-code.md). Reports every problem it finds (one bad statement
 * does not stop the rest) and never throws on any tree.
 */
export function bindModule(module: ast.Module, options: BindOptions = {}): BindResult {
  const ctx = new BindContext(options.catalog, options.file, options.seed ?? '', options.source, literalIdentifiers(module, options.source));
  let body: readonly ast.Statement[] = module.body;
  try {
    const read = readHeader(ctx, module.body);
    ctx.header = read.header;
    ctx.mode = read.header.metadata !== undefined ? 'canonical' : 'model';
    body = read.rest;
  } catch (error) {
    if (!(error instanceof ExpressionTooDeep)) throw error;
    ctx.report(D.tooDeep, `${error.message}; the header cannot be read`, error.span, 'flatten the header value');
  }
  if (ctx.mode === 'model') body = removeAnnotationLines(ctx, body);
  for (const statement of body) {
    const name = headerNameOf(statement);
    if (name !== undefined) ctx.report(D.badHeader, `\`${name}\` belongs to the header at the top of the file`, statement.span, 'move it above the first statement');
  }
  const env: Env = {
    ctx,
    names: new NameResolver(ctx, new Scope(), scanNames(ctx, body)),
    repeatLevel: 0,
    blockDepth: 0,
    body: [],
  };
  bindStatements(env, body.filter((s) => headerNameOf(s) === undefined));
  if (env.body.length === 0 && !hasErrors(ctx.diagnostics) && ctx.mode === 'model') {
    ctx.report(D.nothingToCompile, 'the file holds no actions: the shortcut will be empty', module.span, 'write at least one action call');
  }
  ctx.finish();
  const metadata = ctx.header.metadata ?? modelCodeMetadata(env.body);
  const partial: Workflow = { metadata, body: env.body };
  return {
    ...(hasErrors(ctx.diagnostics) ? {} : { workflow: partial }),
    partial,
    sourceMap: ctx.sourceMap,
    diagnostics: ctx.diagnostics,
    mode: ctx.mode,
  };
}
