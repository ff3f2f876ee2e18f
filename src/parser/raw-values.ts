/**
 * WorkflowLLM's converter (`process_value` / `add_quotation` in its
 * `preprocess/utils.py`) wrapped text in `'''…'''`, except text that started
 * with `"`, `'`, `[` or `{`: that it wrote as it was, unquoted. In a call it
 * wrote ` Key=value,` for each parameter and replaced the last `,` by `)`, the
 * call being the whole line. So where such text does not read as a value, its
 * extent is the converter's own inverse: up to the next `, Name=` on the line,
 * or up to the call's closing `)` at the end of the line.
 */

/**
 * Whether text starting at `at` is one the converter wrote unquoted (`"`,
 * `'`, `[`, `{`). Not `'''`: that is how it quoted every other text, so a
 * value starting with it is a string (and any problem after it a real one).
 */
export function startsRawText(src: string, at: number): boolean {
  const c = src.charCodeAt(at);
  if (c === 39) return !(src.charCodeAt(at + 1) === 39 && src.charCodeAt(at + 2) === 39);
  return c === 34 || c === 91 || c === 123;
}

/**
 * End (exclusive, trailing spaces trimmed) of the unquoted keyword value that
 * starts at `start`: before the first `, Name=` after it on its line (`Name`
 * may hold `-`, as `Show-text`), else before the last `)` of the line when the
 * line ends with `)` or `):` (the call's own). -1 when neither is on the line.
 */
export function rawValueEnd(src: string, start: number): number {
  // One pass, stopping at the first `, Name=` (so a line of many such values costs linear time).
  let p = start + 1;
  for (; p < src.length; p++) {
    const c = src.charCodeAt(p);
    if (c === 10 || c === 13) break;
    if (c !== 44) continue;
    let q = p + 1;
    while (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9) q++;
    if (!isNameStart(src.charCodeAt(q))) continue;
    while (isNamePart(src.charCodeAt(q))) q++;
    while (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9) q++;
    if (src.charCodeAt(q) === 61 && src.charCodeAt(q + 1) !== 61) return trimEnd(src, start, p);
  }
  let last = p;
  while (last > start && isSpace(src.charCodeAt(last - 1))) last--;
  if (src.charCodeAt(last - 1) === 58) last--;
  if (last - 1 > start && src.charCodeAt(last - 1) === 41) return trimEnd(src, start, last - 1);
  return -1;
}

/**
 * End of an unquoted condition operand starting at `start` on an `if` line
 * that ends with `:` (`if {value} in {input}:`, `if {input} == {value}:`):
 * for the first operand (`first`), before the first ` in `, ` not in `,
 * ` == `, ` != `, ` < `, ` <= `, ` > ` or ` >= ` after it; otherwise, or when
 * there is none, before the line's final `:`. -1 when the line does not end
 * with `:`.
 */
export function rawConditionEnd(src: string, start: number, first: boolean): number {
  let eol = start;
  while (eol < src.length && src.charCodeAt(eol) !== 10 && src.charCodeAt(eol) !== 13) eol++;
  let colon = eol;
  while (colon > start && isSpace(src.charCodeAt(colon - 1))) colon--;
  if (src.charCodeAt(colon - 1) !== 58) return -1;
  colon--;
  if (first) {
    const line = src.slice(start, colon);
    const m = /\s(?:not\s+in|in|==|!=|<=|>=|<|>)\s/.exec(line.slice(1));
    if (m !== null) return trimEnd(src, start, start + 1 + m.index);
  }
  return trimEnd(src, start, colon);
}

function trimEnd(src: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(src.charCodeAt(e - 1))) e--;
  return e > start ? e : -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45;
}
