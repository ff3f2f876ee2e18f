import type { ActionEntry } from '../catalog/schema.js';
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';

/** An action name resolved to the identifier stored in the shortcut. */
export interface ResolvedAction {
  readonly identifier: string;
  /** The catalog's entry, when the catalog knows the action. */
  readonly entry?: ActionEntry;
  /** How the name was found (for the warning model code gets). */
  readonly via?: 'header' | 'rule' | 'pythonName' | 'identifier' | 'normalized' | 'unknown';
}

/** WorkflowLLM's rule: the function name is the identifier with `.` → `_`; read backwards, every `_` is a `.`. */
export function identifierByRule(name: string): string {
  return name.replaceAll('_', '.');
}

/**
 * The identifier a function name stands for, without reporting:
 *   1. the header's `__actions__` table (canonical code names there every
 *      action whose identifier the rule cannot give back);
 *   2. canonical code: the rule `_` → `.` (dialect §7.1);
 *   3. model code: the catalog's exact Python name, a dotted identifier, the
 *      catalog's loose form (case, `-`, `_`, `.` alike), else the rule.
 */
export function lookupActionName(ctx: BindContext, name: string): ResolvedAction {
  const catalog = ctx.catalog;
  const fromHeader = ctx.header.actions.get(name);
  if (fromHeader !== undefined) return withEntry(ctx, fromHeader, 'header');
  if (ctx.canonical) return withEntry(ctx, identifierByRule(name), 'rule');
  const exact = catalog?.byPythonName(name);
  if (exact !== undefined) return { identifier: exact.identifier, entry: exact, via: 'pythonName' };
  const byIdentifier = catalog?.byIdentifier(name);
  if (byIdentifier !== undefined) return { identifier: byIdentifier.identifier, entry: byIdentifier, via: 'identifier' };
  const loose = catalog?.byNormalizedName(name);
  if (loose !== undefined) return { identifier: loose.identifier, entry: loose, via: 'normalized' };
  return { identifier: identifierByRule(name), via: 'unknown' };
}

/** `lookupActionName`, reporting what model code should know: a loose match (SC5204), an unknown action (SC5203). */
export function resolveActionName(ctx: BindContext, name: string, span: SourceSpan | undefined): ResolvedAction {
  const resolved = lookupActionName(ctx, name);
  if (resolved.via === 'normalized') {
    const entry = resolved.entry!;
    ctx.report(D.looseActionName, `\`${name}\` is not a catalog name; read as \`${entry.pythonName}\` (${entry.identifier})`, span, `write \`${entry.pythonName}\``);
  } else if (resolved.via === 'unknown') {
    const suggested = ctx.hint(`action:${name}`, () => {
      const suggestions = ctx.catalog?.suggestActions(name, 3) ?? [];
      return suggestions.length === 0 ? undefined : `did you mean ${suggestions.map((s) => `\`${s.action.pythonName}\``).join(', ')}?`;
    });
    const hint = suggested ?? 'check the name against `shortcutc catalog search`';
    ctx.report(D.unknownAction, `the catalog does not know the action \`${name}\`; compiled as identifier ${resolved.identifier}`, span, hint);
  }
  return resolved;
}

function withEntry(ctx: BindContext, identifier: string, via: ResolvedAction['via']): ResolvedAction {
  const entry = ctx.catalog?.byIdentifier(identifier);
  return entry === undefined ? { identifier, via } : { identifier, entry, via };
}
