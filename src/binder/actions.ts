import type { ActionEntry } from '../catalog/schema.js';
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';

/** An action name resolved to the identifier stored in the shortcut. */
export interface ResolvedAction {
  readonly identifier: string;
  /** The catalog's entry, when the catalog knows the action. */
  readonly entry?: ActionEntry;
}

/** WorkflowLLM's rule: the function name is the identifier with `.` → `_`; read backwards, every `_` is a `.`. */
export function identifierByRule(name: string): string {
  return name.replaceAll('_', '.');
}

/**
 * The identifier a function name stands for:
 *   1. the header's `__actions__` table (canonical code names there every
 *      action whose identifier the rule cannot give back);
 *   2. model code only: the catalog's exact Python name, then its loose form
 *      (case, `-`, `_`, `.` alike; with a warning);
 *   3. the rule `_` → `.` (model code: a warning when the catalog does not
 *      know the result — the checker reports unknown actions as errors).
 */
export function resolveActionName(ctx: BindContext, name: string, span: SourceSpan | undefined): ResolvedAction {
  const catalog = ctx.catalog;
  const fromHeader = ctx.header.actions.get(name);
  if (fromHeader !== undefined) return withEntry(ctx, fromHeader);
  if (ctx.canonical) return withEntry(ctx, identifierByRule(name));

  const exact = catalog?.byPythonName(name);
  if (exact !== undefined) return { identifier: exact.identifier, entry: exact };
  const byIdentifier = catalog?.byIdentifier(name);
  if (byIdentifier !== undefined) return { identifier: byIdentifier.identifier, entry: byIdentifier };
  const loose = catalog?.byNormalizedName(name);
  if (loose !== undefined) {
    ctx.report(D.looseActionName, `\`${name}\` is not a catalog name; read as \`${loose.pythonName}\` (${loose.identifier})`, span, `write \`${loose.pythonName}\``);
    return { identifier: loose.identifier, entry: loose };
  }
  const identifier = identifierByRule(name);
  const suggestions = catalog?.suggestActions(name, 3) ?? [];
  const hint = suggestions.length === 0 ? undefined : `did you mean ${suggestions.map((s) => `\`${s.action.pythonName}\``).join(', ')}?`;
  ctx.report(D.unknownAction, `the catalog does not know the action \`${name}\`; compiled as identifier ${identifier}`, span, hint);
  return { identifier };
}

function withEntry(ctx: BindContext, identifier: string): ResolvedAction {
  const entry = ctx.catalog?.byIdentifier(identifier);
  return entry === undefined ? { identifier } : { identifier, entry };
}
