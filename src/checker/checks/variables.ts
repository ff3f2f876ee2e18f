import { editDistance } from '../../catalog/suggest.js';
import type { CheckContext } from '../context.js';
import { checkerDiagnostics as D } from '../diagnostics.js';
import type { FlowFacts, Use } from '../flow.js';
import { didYouMean } from '../wording.js';

/** `Repeat Item`, `Repeat Index`, and the numbered names nested repeats use (`Repeat Item 2` in the second level). */
const REPEAT_VARIABLE = /^Repeat (Item|Index)(?: (\d+))?$/;

/**
 * Named variables (SC6006, SC6007, SC6008, SC6011). A name nothing sets is
 * undefined (in code, usually a misspelling: the nearest name set in the
 * workflow comes first); a name used where no path has set it yet is used
 * before set; a name set on some paths only (a branch, a later loop
 * iteration — the accumulator pattern) is only `info`, since an unset
 * variable reads as empty and real shortcuts rely on that. `Repeat Item` and
 * `Repeat Index` are set by the enclosing repeat blocks. When a Set Variable
 * takes its name from a variable, no name can be judged and none is reported.
 */
export function checkVariableUses(ctx: CheckContext, facts: FlowFacts): void {
  for (const use of facts.uses) {
    if (use.reference.source.kind !== 'variable') continue;
    const name = use.reference.source.name;
    const site = { action: use.action, parameter: use.parameter, reference: use.reference, focus: 'value' as const };
    const repeat = REPEAT_VARIABLE.exec(name);
    if (repeat !== null && !facts.defined.has(use.symbol)) {
      const level = repeat[2] === undefined ? 1 : Number(repeat[2]);
      if (use.loopDepth >= level) continue;
      const where = level === 1 ? 'inside a repeat block' : `inside ${level} nested repeat blocks`;
      ctx.report(D.repeatVariableOutsideLoop, `\`${ctx.variableName(name)}\` is only set ${where}, and this use is ${use.loopDepth === 0 ? 'outside any' : `inside ${use.loopDepth}`}`, site, {
        suggestion:
          use.loopDepth > 0
            ? `did you mean \`${ctx.variableName(`Repeat ${repeat[1]!}${use.loopDepth > 1 ? ` ${use.loopDepth}` : ''}`)}\`?`
            : 'move it into the repeat block, or save the value with Set Variable inside the loop',
      });
      continue;
    }
    if (facts.dynamicNames || use.state === 'set') continue;
    if (use.state === 'maybe') {
      ctx.report(D.maybeUnset, `\`${ctx.variableName(name)}\` may not be set here (it is set on some paths or in a later loop iteration only); it is then empty`, site);
      continue;
    }
    if (facts.defined.has(use.symbol)) {
      ctx.report(D.usedBeforeSet, `\`${ctx.variableName(name)}\` is used before it is set: no path to this point sets it`, site, {
        suggestion: `set \`${ctx.variableName(name)}\` before this point`,
      });
      continue;
    }
    const shown = ctx.variableName(name);
    if (ctx.origin === 'code' && ctx.assignedInSource(shown)) continue;
    const near = nearestNames(shown, candidateNames(ctx, facts, use));
    ctx.report(D.undefinedVariable, `\`${shown}\` is never set in this workflow`, site, {
      suggestion: near.length > 0 ? didYouMean(near) : `set it first (${ctx.origin === 'code' ? `\`${shown} = …\`` : 'Set Variable'})`,
    });
  }
}

/**
 * Names a misspelled variable may have meant, as the reader writes them:
 * variables set anywhere, the repeat variables in scope, and in code the
 * names outputs are bound to (`x = is_workflow_…(…)`) and every name the
 * text assigns, since a model's misspelt name is as often an output as a
 * variable.
 */
function candidateNames(ctx: CheckContext, facts: FlowFacts, use: Use): string[] {
  const names = facts.variableNames.map((n) => ctx.variableName(n));
  for (let level = 1; level <= use.loopDepth; level++) {
    const suffix = level === 1 ? '' : ` ${level}`;
    names.push(ctx.variableName(`Repeat Item${suffix}`), ctx.variableName(`Repeat Index${suffix}`));
  }
  if (ctx.origin === 'code') {
    for (const owner of facts.owners.values()) {
      const bound = ctx.boundName(owner);
      if (bound !== undefined && !names.includes(bound)) names.push(bound);
    }
    // What the text itself assigns: exactly the identifiers the writer used.
    for (const assigned of ctx.namesAssignedInSource()) if (!names.includes(assigned)) names.push(assigned);
  }
  return names;
}

/** Names within a few edits (case-insensitive; at most a quarter of the name), closest first. */
export function nearestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const query = name.toLowerCase();
  const bound = Math.max(2, Math.floor(query.length / 4));
  return candidates
    .map((candidate, order) => ({ candidate, order, distance: editDistance(query, candidate.toLowerCase(), bound) }))
    .filter((c) => c.distance <= bound && c.candidate !== name)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, limit)
    .map((c) => c.candidate);
}
