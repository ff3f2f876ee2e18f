/**
 * Names and keywords, with the dialect's two readings of text Python would split: the hyphen rule
 * (`is_workflow_actions_display_always-on_set(`, `Show-text=True`) and property names with spaces after a dot.
 */
import { codePointAt, codePointLength, isIdentifierContinue } from '../chars.js';
import * as T from '../tokens.js';
import { tryBareText } from './bare-text.js';
import { keywordAsName } from './keyword-names.js';
import { CLOSE_PAREN, type LexerState } from './state.js';
import { string, STRING_PREFIXES } from './strings.js';

/** What may follow a property name with spaces: closing brackets, separators, operators. */
const SPACED_PROPERTY_FOLLOWERS = ')]},:!.[=<>+-*/%&|^;';

export function word(lx: LexerState): void {
  const src = lx.src;
  const start = lx.pos;
  // ASCII names (nearly all of them) are scanned here; the rest through the Unicode tables.
  let end = start + 1;
  let ascii = src.charCodeAt(start) < 128;
  // Keywords are lower-case letters (False/None/True: one capital first); anything else cannot be one.
  let maybeKeyword = true;
  if (ascii) {
    for (;;) {
      const c = src.charCodeAt(end);
      if (c >= 97 && c <= 122) end++;
      else if ((c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57)) {
        maybeKeyword = false;
        end++;
      } else break;
    }
    if (src.charCodeAt(end) > 127) {
      end = lx.scanIdentifier(end);
      ascii = false;
    }
  } else {
    end = lx.scanIdentifier(start + codePointLength(codePointAt(src, start)));
  }
  // (A quote at the end of an f-string's text closes the f-string; it starts nothing.)
  const next = end < lx.end ? src.charCodeAt(end) : -1;
  if ((next === 39 || next === 34) && end - start <= 2) {
    const prefix = src.slice(start, end).toLowerCase();
    if (STRING_PREFIXES.has(prefix)) {
      string(lx, start, end, prefix);
      return;
    }
  }
  const image = src.slice(start, end);
  const first = src.charCodeAt(start);
  const keyword =
    maybeKeyword && ascii && end - start <= 8 && ((first >= 97 && first <= 121) || first === 70 || first === 78 || first === 84)
      ? T.KEYWORDS.get(image)
      : undefined;
  if (keyword !== undefined) {
    if (keywordAsName(lx, image, start, end)) return;
    lx.push(keyword, start, end, undefined, lx.line, start - lx.lineStart + 1, image);
    lx.pos = end;
    return;
  }
  if ((next === 39 || next === 34) && tryBareText(lx)) return;
  if (next === 45) {
    const joined = hyphenatedEnd(lx, end);
    if (joined > end) {
      const text = src.slice(start, joined);
      lx.push(T.Name, start, joined, { kind: 'name', name: text.normalize('NFKC'), hyphenated: true });
      lx.pos = joined;
      return;
    }
  }
  if (next === 32 && first >= 65 && first <= 90 && lx.tokens[lx.tokens.length - 1]?.tokenType === T.Dot) {
    const joined = spacedPropertyEnd(lx, end);
    if (joined > end) {
      const text = src.slice(start, joined);
      lx.push(T.Name, start, joined, { kind: 'name', name: text.normalize('NFKC'), hyphenated: false, spaced: true });
      lx.pos = joined;
      return;
    }
  }
  const normalized = ascii ? image : image.normalize('NFKC');
  lx.push(
    T.Name,
    start,
    end,
    normalized === image ? undefined : { kind: 'name', name: normalized, hyphenated: false },
    lx.line,
    start - lx.lineStart + 1,
    image,
  );
  lx.pos = end;
}

/**
 * The hyphen rule. `a-b` is one name only where subtraction cannot be meant
 * in this dialect: directly before `(` (`is_workflow_actions_display_always-on_set(`)
 * or, inside parentheses, before a lone `=` (`Show-text=True`). The hyphens
 * must touch both words; anywhere else `-` is minus.
 */
function hyphenatedEnd(lx: LexerState, end: number): number {
  const src = lx.src;
  if (T.KEYWORDS.has(src.slice(lx.pos, end))) return end;
  let p = end;
  while (src.charCodeAt(p) === 45 && p + 1 < src.length && isIdentifierContinue(codePointAt(src, p + 1))) {
    p = lx.scanIdentifier(p + 1);
  }
  if (p === end) return end;
  if (src.charCodeAt(p) === 40) return p;
  const top = lx.contexts[lx.contexts.length - 1];
  if (top !== undefined && top.kind === 'bracket' && top.close === CLOSE_PAREN) {
    let q = p;
    while (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9) q++;
    if (src.charCodeAt(q) === 61 && src.charCodeAt(q + 1) !== 61) return p;
  }
  return end;
}

/**
 * Property names with spaces after a dot (`contact.Last Name`,
 * `app.Store URL`), as WorkflowLLM writes Shortcuts' property names: after
 * `.Word`, more space-separated words that start with a capital letter or a
 * digit and are not keywords, up to a delimiter, an operator or the end of
 * the line. A name followed by a word is never valid Python, so this reading
 * changes nothing that parses.
 */
function spacedPropertyEnd(lx: LexerState, end: number): number {
  const src = lx.src;
  let p = end;
  while (src.charCodeAt(p) === 32) {
    const c = src.charCodeAt(p + 1);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
    const wordEnd = lx.scanIdentifier(p + 2);
    if (T.KEYWORDS.has(src.slice(p + 1, wordEnd))) break;
    p = wordEnd;
  }
  if (p === end) return end;
  let q = p;
  while (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9) q++;
  const c = src.charCodeAt(q);
  const ends = q >= lx.end || c === 10 || c === 13 || c === 35 || SPACED_PROPERTY_FOLLOWERS.includes(src[q] as string);
  return ends ? p : end;
}
