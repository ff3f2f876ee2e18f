import { CONTROL_FLOW_IDENTIFIERS } from '../../lift/control-flow.js';
import type { CheckContext } from '../context.js';
import { checkerDiagnostics as D } from '../diagnostics.js';
import type { FlowFacts } from '../flow.js';

/**
 * Action outputs (SC6007–SC6010). A reference to an output UUID no action
 * carries is dangling (shortcut files get SC3009 from lifting instead, so it
 * is not reported twice); one to an action that runs later is used before
 * set; one to an action inside a branch is `info` (empty when the branch did
 * not run); one to an action the catalog says has no output is a warning.
 * Control-flow ends always have an output (If Result, Menu Result, Repeat
 * Results), whatever the catalog says of the start action; so do the
 * content-item actions below.
 */
/**
 * Action classes whose output WFActions.plist leaves to the class: Find/Filter
 * … actions output the items they find, Get Details of … the property they
 * get, yet their definitions (and so the catalog) list no output. Using their
 * output is normal (real shortcuts do it 60 times in the corpus).
 */
const OUTPUT_BY_CLASS: ReadonlySet<string> = new Set(['WFContentItemFilterAction', 'WFContentItemPropertiesAction']);

export function checkOutputUses(ctx: CheckContext, facts: FlowFacts): void {
  for (const use of facts.uses) {
    const source = use.reference.source;
    if (source.kind !== 'actionOutput') continue;
    const site = { action: use.action, parameter: use.parameter, reference: use.reference, focus: 'value' as const };
    const written = ctx.written(use.reference);
    const shown =
      written !== undefined ? `\`${written}\`` : source.outputName === undefined ? 'an action output' : `the output ${JSON.stringify(source.outputName)}`;
    const owner = facts.owners.get(source.outputUuid);
    if (owner === undefined) {
      if (ctx.origin === 'shortcut') continue;
      ctx.report(D.danglingOutput, `${shown} belongs to no action in this workflow (UUID ${source.outputUuid})`, site, {
        suggestion: 'use the output of an action that comes before this one',
      });
      continue;
    }
    const entry = ctx.entry(owner.identifier);
    const outputless =
      entry !== undefined && entry.output === undefined && !(entry.actionClass !== undefined && OUTPUT_BY_CLASS.has(entry.actionClass));
    if (owner.role === 'action' && outputless && !Object.hasOwn(CONTROL_FLOW_IDENTIFIERS, owner.identifier)) {
      ctx.report(D.noOutput, `${shown} is used, but ${ctx.describeAction(owner)} has no output; it is empty`, site, {
        suggestion: 'use the output of an action that produces one, or a variable set before this point',
      });
    }
    if (use.state === 'unset') {
      ctx.report(D.usedBeforeSet, `${shown} of ${ctx.describeAction(owner)} is used before that action runs`, site, {
        suggestion: 'move the action before this use',
      });
    } else if (use.state === 'maybe') {
      ctx.report(D.maybeUnset, `${shown} of ${ctx.describeAction(owner)} may be empty here: that action does not run on every path to this point`, site);
    }
  }
}
