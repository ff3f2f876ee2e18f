import type { ActionEntry, ParameterEntry } from '../../catalog/schema.js';
import type { Severity } from '../../diagnostics/diagnostic.js';
import type { Entry, Value } from '../../ir/types.js';
import type { ActionSite, CheckContext } from '../context.js';
import { checkerDiagnostics as D } from '../diagnostics.js';
import { codeList, didYouMean } from '../wording.js';

/**
 * Actions the app implements by handing a custom intent to another app: the
 * intent definition, not WFActions.plist, lists their parameters, so the
 * catalog's list is incomplete and an unknown key is only a warning.
 */
const CUSTOM_INTENT_CLASS = 'WFHandleCustomIntentAction';

/**
 * Unknown parameter (SC6002). A declared key, or one real shortcuts carry
 * (a wild key: other app versions, editor state), is fine. Any other key is
 * reported; how strongly depends on whether it looks like a misspelling:
 *  - in code, a key one to three edits (by length) from a known one, or
 *    differing only in case, is an error: a misspelling, whose setting the
 *    app silently ignores; the known key comes first in the suggestion;
 *  - a key farther from every known one may be a key of another app version
 *    (real shortcuts carry 150 such pairs: `WFRoundType` beside `WFRoundTo`),
 *    so it is a warning, still with the nearest keys;
 *  - custom-intent actions have incomplete lists: one level gentler;
 *  - in a shortcut file every unknown key is a warning (info for custom intents).
 * Returns the declared parameter, for the value checks.
 */
/** Edits a misspelling of a key this long plausibly has. */
function typoBound(length: number): number {
  return length <= 4 ? 1 : length <= 12 ? 2 : 3;
}

export function checkParameterKey(ctx: CheckContext, action: ActionSite, entry: ActionEntry, parameter: Entry<Value>): ParameterEntry | undefined {
  const status = ctx.catalog.keyStatus(entry, parameter.key);
  if (status.kind === 'declared') return status.parameter;
  if (status.kind === 'wild') return undefined;
  const lenient = entry.actionClass === CUSTOM_INTENT_CLASS;
  const near = ctx.catalog.suggestParameters(entry, parameter.key, 3);
  const misspelling = near[0] !== undefined && near[0].distance <= typoBound(parameter.key.length);
  let severity: Severity;
  if (ctx.origin === 'code') severity = misspelling && !lenient ? 'error' : 'warning';
  else severity = lenient ? 'info' : 'warning';
  const name = ctx.actionName(entry.identifier, entry);
  const note = lenient ? ' (it is a custom intent, whose parameter list the catalog may not have in full)' : '';
  const declared = entry.parameters.map((p) => p.key);
  let suggestion: string | undefined;
  if (near.length > 0) {
    suggestion = didYouMean(
      near.map((n) => n.key),
      (key) => ctx.catalog.parameter(entry, key)?.label,
    );
  } else if (declared.length > 0) {
    suggestion = `its parameters are ${codeList(declared, 12, 'and')}`;
  } else {
    suggestion = 'the catalog lists no parameters for it';
  }
  ctx.report(D.unknownParameter, `\`${name}\` has no parameter \`${parameter.key}\`${note}`, { action, parameter, focus: 'key' }, { suggestion, severity });
  return undefined;
}
