/**
 * How the checker words names, values and suggestions. Every suggestion that
 * proposes replacements starts with the best one in backticks ("did you mean
 * `WFInput`?"), so a reader (and a tool) finds the first choice first.
 */

/** `a`, `b` or `c`; `a`, `b`, `c` and 4 more. `and` for a listing, `or` for a choice. */
export function codeList(items: readonly string[], limit = 8, conjunction: 'and' | 'or' = 'or'): string {
  const shown = items.slice(0, limit).map((item) => `\`${item}\``);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]!}`;
}

/** "did you mean `best`? (also `b`, `c`)" — the best candidate always first. */
export function didYouMean(candidates: readonly string[], describe?: (candidate: string) => string | undefined): string {
  const [best, ...others] = candidates;
  if (best === undefined) return '';
  const note = describe?.(best);
  const head = `did you mean \`${best}\`${note === undefined ? '' : ` (${note})`}?`;
  return others.length === 0 ? head : `${head} Also close: ${codeList(others, 4, 'and')}.`;
}

/** A scalar as it would be written in code or shown from a plist. */
export function showScalar(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Identifier form of a variable name, as the code dialect writes names that are not identifiers. */
export function identifierForm(name: string): string {
  const replaced = name.replace(/[^\p{L}\p{N}_]+/gu, '_');
  return /^\p{N}/u.test(replaced) ? `_${replaced}` : replaced;
}
