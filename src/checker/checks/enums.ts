import type { EnumItem, ParameterEntry } from '../../catalog/schema.js';
import { editDistance } from '../../catalog/suggest.js';
import type { Entry, Value } from '../../ir/types.js';
import type { ActionSite, CheckContext } from '../context.js';
import { checkerDiagnostics as D } from '../diagnostics.js';
import { literalOf } from '../values.js';
import { codeList, didYouMean, showScalar } from '../wording.js';

/** Whether an enum item is this value: its stored value, or an app intent enum's numeric case. */
export function enumItemMatches(item: EnumItem, value: string | number | boolean): boolean {
  if (String(item.value) === String(value)) return true;
  return typeof value === 'number' && item.code === value;
}

/**
 * Orders the catalog's near items (all within its bound) so that a stored
 * value close to what was written beats a display title equally close, and
 * an item of the written type (text for text) beats one of another: "Is
 * Greter Than" means the old text value "Is Greater Than" rather than the
 * number 2 titled "is greater than".
 */
function rank(near: readonly EnumItem[], literal: string | number | boolean): EnumItem[] {
  const query = String(literal).toLowerCase();
  const score = (item: EnumItem): number => {
    const byValue = editDistance(query, String(item.value).toLowerCase(), 12);
    const byTitle = item.title === undefined ? Number.POSITIVE_INFINITY : editDistance(query, item.title.toLowerCase(), 12) + 0.5;
    return Math.min(byValue, byTitle) + (typeof item.value === typeof literal ? 0 : 0.25);
  };
  return near
    .map((item, order) => ({ item, order, score: score(item) }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map((s) => s.item);
}

/**
 * Enum value not allowed (SC6003): a value written out literally that is
 * none of the parameter's items. Variables are never judged (their value is
 * known only at run time), nor an empty value (a cleared field). The message
 * lists the allowed values; the suggestion puts the nearest first.
 */
export function checkEnumValue(ctx: CheckContext, action: ActionSite, parameter: Entry<Value>, declared: ParameterEntry): void {
  const items = declared.enum ?? [];
  if (items.length === 0) return;
  const literal = literalOf(parameter.value);
  if (literal === undefined || literal === '') return;
  if (items.some((item) => enumItemMatches(item, literal))) return;
  const allowed = items.map((item) => String(item.value));
  const nearest = rank(ctx.catalog.suggestEnumValues(declared, String(literal), items.length), literal).slice(0, 3);
  const titleOf = (value: string): string | undefined => items.find((item) => String(item.value) === value)?.title;
  const suggestion =
    nearest.length > 0
      ? didYouMean(
          nearest.map((item) => String(item.value)),
          titleOf,
        )
      : `use one of ${codeList(allowed, 12)}`;
  ctx.report(
    D.enumValue,
    `\`${parameter.key}\` does not take ${showScalar(literal)}; it takes ${codeList(allowed, 12)}`,
    { action, parameter, value: parameter.value, focus: 'value' },
    { suggestion },
  );
}
