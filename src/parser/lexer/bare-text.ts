/**
 * Unquoted text, read again as one BareText token: a list or dictionary element (`[Mastodon API List]`),
 * the value of a `Key=value` argument (`WFTextCustomSeparator=", "`), or a condition operand (`if { in x:`),
 * where the code as written cannot be read and WorkflowLLM's converter wrote text without quotes.
 */
import type { TokenType } from 'chevrotain';
import type { Comment } from '../../syntax/ast.js';
import { codePointAt, codePointLength, isUnusualSpace } from '../chars.js';
import { rawConditionEnd, rawValueEnd, startsRawText } from '../raw-values.js';
import * as T from '../tokens.js';
import type { Token } from '../tokens.js';
import { startElement } from './brackets.js';
import { type BracketContext, CLOSE_PAREN, type Context, type LexerState } from './state.js';
import { STRING_PREFIXES } from './strings.js';

const COMPARISONS = new Set<TokenType>([T.EqualEqual, T.NotEqual, T.Less, T.Greater, T.LessEqual, T.GreaterEqual, T.In]);

/**
 * Called where the lexer meets something it cannot read inside the value of
 * a `Key=value` argument that starts with `"`, `'`, `[` or `{`: text
 * WorkflowLLM's converter wrote unquoted (`WFTextCustomSeparator=", …`,
 * `WFReplaceTextFind={, …`). The value is read again as one BareText token
 * up to the next `, Name=` on its line or the call's closing `)` at the end
 * of the line (`raw-values.ts`). Returns false (and changes nothing) when
 * not inside such a value or when no such end is on the line.
 */
export function tryKeywordValueText(lx: LexerState): boolean {
  let index = lx.contexts.length - 1;
  for (; index >= 0; index--) {
    const ctx = lx.contexts[index] as Context;
    if (ctx.kind !== 'bracket') return false;
    if (ctx.close === CLOSE_PAREN && !ctx.literal && ctx.valueStart >= 0) break;
  }
  if (index < 0) return false;
  const paren = lx.contexts[index] as BracketContext;
  const s = paren.valueStart;
  if (!startsRawText(lx.src, s)) return false;
  const e = rawValueEnd(lx.src, s);
  if (e <= s) return false;
  const cost = Math.max(lx.pos, e) - s;
  if (lx.budget < cost) return false;
  lx.budget -= cost;
  lx.truncateContexts(index + 1);
  lx.tokens.length = paren.valueToken;
  if (lx.checkpoint !== undefined && lx.checkpoint.pos > s) lx.checkpoint = undefined;
  lx.reporter.withdrawFrom(s);
  lx.bareTextRangesFrom(s);
  while (lx.comments.length > 0 && ((lx.comments[lx.comments.length - 1] as Comment).span?.start.offset ?? 0) >= s) {
    lx.comments.pop();
    lx.ownLine.pop();
  }
  lx.abandonLine = false;
  lx.line = paren.valueLine;
  lx.lineStart = paren.valueLineStart;
  lx.push(T.BareText, s, e, { kind: 'text', value: lx.src.slice(s, e) });
  lx.bareTextRanges.push([s, e]);
  lx.pos = e;
  paren.valueStart = -1;
  return true;
}

/**
 * `if { in new_entry_value:` — WorkflowLLM's converter wrote a condition's
 * value unquoted when it started with `"`, `'`, `[` or `{`
 * (`if {value} in {input}:`, `if {input} == {value}:`). When a bracket opened
 * as such an operand (right after `if`/`elif`, or after a comparison
 * operator) is never closed and its line ends with `:`, the operand is read
 * again as unquoted text: up to the comparison operator that follows it
 * (` in `, ` not in `, ` == `, …), or up to the line's final `:`.
 */
export function tryConditionText(lx: LexerState): boolean {
  const outer = lx.contexts[0];
  if (outer === undefined || outer.kind !== 'bracket') return false;
  const src = lx.src;
  const before = lx.tokens[outer.openToken - 1];
  const afterKeyword = before?.tokenType === T.If || before?.tokenType === T.Elif;
  const afterComparison = before !== undefined && COMPARISONS.has(before.tokenType);
  if (!afterKeyword && !afterComparison) return false;
  // The statement must be an `if`/`elif` header (its first token).
  let head = outer.openToken - 1;
  while (head > 0) {
    const t = (lx.tokens[head - 1] as Token).tokenType;
    if (t === T.Newline || t === T.Indent || t === T.Dedent) break;
    head--;
  }
  const keyword = lx.tokens[head];
  if (keyword === undefined || (keyword.tokenType !== T.If && keyword.tokenType !== T.Elif)) return false;
  const e = rawConditionEnd(src, outer.openOffset, afterKeyword);
  if (e <= outer.openOffset) return false;
  const cost = lx.pos - outer.openOffset;
  if (lx.budget < cost) return false;
  lx.budget -= cost;
  lx.discardFrom(outer.openOffset, outer.openToken, outer.openComments);
  lx.truncateContexts(0);
  lx.checkpoint = undefined;
  lx.abandonLine = false;
  lx.line = outer.openLine;
  lx.lineStart = outer.openLineStart;
  lx.push(T.BareText, outer.openOffset, e, { kind: 'text', value: src.slice(outer.openOffset, e) });
  lx.bareTextRanges.push([outer.openOffset, e]);
  lx.pos = e;
  return true;
}

export function currentElementStart(lx: LexerState): number {
  const top = lx.contexts[lx.contexts.length - 1];
  return top !== undefined && top.kind === 'bracket' && top.literal ? top.elementOffset : Number.MAX_SAFE_INTEGER;
}

/**
 * Called where the lexer meets something it cannot read (a stray character,
 * a malformed number, an apostrophe in a word, an unterminated string, a
 * full-width comma) inside a list or dictionary literal: the whole element,
 * from its start to the next `,`, closing bracket or (for a key) `:` on the
 * same line, is read as one BareText token instead. Returns false (and
 * changes nothing) when not inside such an element.
 */
export function tryBareText(lx: LexerState): boolean {
  // The innermost list or dictionary element, even from inside brackets within it
  // (`[Undefined creature (ideas welcome!)]`), but never from inside an f-string.
  let index = lx.contexts.length - 1;
  while (index >= 0) {
    const ctx = lx.contexts[index] as Context;
    if (ctx.kind !== 'bracket') return false;
    if (ctx.literal) break;
    index--;
  }
  const top = lx.contexts[index];
  if (top === undefined || top.kind !== 'bracket') return false;
  const src = lx.src;
  let s = top.elementOffset;
  let line = top.elementLine;
  let lineStart = top.elementLineStart;
  for (;;) {
    const c = src.charCodeAt(s);
    if (c === 32 || c === 9 || c === 12) s++;
    else if (c === 10 || c === 13) {
      s += c === 13 && src.charCodeAt(s + 1) === 10 ? 2 : 1;
      line++;
      lineStart = s;
    } else if (c > 127 && isUnusualSpace(codePointAt(src, s))) s += codePointLength(codePointAt(src, s));
    else break;
  }
  if (startsString(src, s)) return false;
  let depth = 0;
  let p = s;
  while (p < lx.end) {
    const c = src.charCodeAt(p);
    if (c === 10 || c === 13) break;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === 44 || (c === 58 && top.isKey))) break;
    p++;
  }
  let e = p;
  while (e > s) {
    const c = src.charCodeAt(e - 1);
    if (c === 32 || c === 9) e--;
    else break;
  }
  if (e <= s || e <= lx.pos) return false;
  lx.truncateContexts(index + 1);
  lx.tokens.length = top.elementToken;
  if (lx.checkpoint !== undefined && lx.checkpoint.pos > s) lx.checkpoint = undefined;
  lx.reporter.withdrawFrom(s);
  while (lx.comments.length > 0 && ((lx.comments[lx.comments.length - 1] as Comment).span?.start.offset ?? 0) >= s) {
    lx.comments.pop();
    lx.ownLine.pop();
  }
  lx.abandonLine = false;
  lx.line = line;
  lx.lineStart = lineStart;
  const text = src.slice(s, e);
  lx.push(T.BareText, s, e, { kind: 'text', value: text });
  lx.bareTextRanges.push([s, e]);
  lx.pos = e;
  // The element is read; whatever stops the lexer next is not part of it.
  startElement(lx, top, top.isKey);
  return true;
}

function startsString(src: string, at: number): boolean {
  let p = at;
  while (p < at + 2 && /[rRbBfFuU]/.test(src[p] ?? '')) p++;
  const c = src.charCodeAt(p);
  return (c === 39 || c === 34) && (p === at || STRING_PREFIXES.has(src.slice(at, p).toLowerCase()));
}
