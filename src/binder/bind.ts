import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../ir/source-map.js';
import type { Statement, Workflow } from '../ir/types.js';
import type * as ast from '../syntax/ast.js';
import { BindContext, type ReadingMode } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { emptyHeader, type HeaderTables } from './header.js';
import { modelCodeMetadata } from './metadata.js';
import { NameResolver } from './names.js';
import { Scope } from './scope.js';
import { assignmentForm, bindStatements } from './statements.js';

export interface BindOptions {
  /** The catalog model code is read with (action names, parameter classes); canonical code needs only the core. */
  readonly catalog?: Catalog;
  /** The file name diagnostics carry. */
  readonly file?: string;
  /** Separates derived UUIDs of different workflows (default: none, so the same code gives the same bytes). */
  readonly seed?: string;
  /** Forces a reading mode; by default a file with the canonical header is canonical, any other is model code. */
  readonly mode?: ReadingMode;
  /** The header tables (read by `readHeader` from the module); model code has none. */
  readonly header?: HeaderTables;
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
 * Syntax tree → workflow IR. Reports every problem it finds (one bad
 * statement does not stop the rest) and never throws on any tree.
 */
export function bindModule(module: ast.Module, options: BindOptions = {}): BindResult {
  const header = options.header ?? emptyHeader;
  const mode: ReadingMode = options.mode ?? (header.metadata !== undefined ? 'canonical' : 'model');
  const ctx = new BindContext(mode, options.catalog, header, options.file, options.seed ?? '');
  const scan = scanAssignments(module.body);
  const env: Env = {
    ctx,
    names: new NameResolver(ctx, new Scope(), scan.variables, scan.outputs),
    repeatLevel: 0,
    blockDepth: 0,
    body: [],
  };
  bindStatements(env, module.body);
  const body: Statement[] = env.body;
  if (body.length === 0 && !hasErrors(ctx.diagnostics)) {
    ctx.report(D.nothingToCompile, 'the file holds no actions: the shortcut will be empty', module.span, 'write at least one action call');
  }
  const metadata = header.metadata ?? modelCodeMetadata(body);
  const partial: Workflow = { metadata, body };
  return {
    ...(hasErrors(ctx.diagnostics) ? {} : { workflow: partial }),
    partial,
    sourceMap: ctx.sourceMap,
    diagnostics: ctx.diagnostics,
    mode,
  };
}

/**
 * Names the file assigns, by kind: named variables (Set/Append Variable) and
 * action outputs. A use of a variable before the Set Variable that assigns it
 * is normal in a loop; an output used before its action is an error of order.
 * Iterative, so hostile nesting cannot exhaust the stack.
 */
function scanAssignments(body: readonly ast.Statement[]): { variables: Set<string>; outputs: Set<string> } {
  const variables = new Set<string>();
  const outputs = new Set<string>();
  const pending: (readonly ast.Statement[])[] = [body];
  while (pending.length > 0) {
    for (const statement of pending.pop()!) {
      switch (statement.kind) {
        case 'assign': {
          const target = statement.targets.length === 1 ? statement.targets[0] : undefined;
          if (target?.kind !== 'name') break;
          if (assignmentForm(statement.value) === 'setVariable') variables.add(target.name);
          else outputs.add(target.name);
          break;
        }
        case 'augAssign':
          if (statement.target.kind === 'name') variables.add(statement.target.name);
          break;
        case 'if':
          pending.push(statement.body, ...statement.elifs.map((e) => e.body));
          if (statement.orelse !== undefined) pending.push(statement.orelse);
          break;
        case 'match':
          for (const arm of statement.cases) pending.push(arm.body);
          break;
        case 'for':
        case 'while':
        case 'unsupported':
          pending.push(statement.body);
          break;
        default:
          break;
      }
    }
  }
  return { variables, outputs };
}
