/**
 * Triple-quoted strings whose closing quotes were lost: a closing `'''` in the middle of a line where
 * code cannot go on, or inside a `#` annotation line of the string, does not end it. Judged from the rest of
 * the closing line; the string is then reported and lexing resumes at a line that looks like a statement.
 */
import {
  codePointAt,
  codePointLength,
  fullWidthPunctuation,
  isDigit,
  isIdentifierContinue,
  isIdentifierStart,
  isUnusualSpace,
} from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { position, span } from '../reporter.js';
import * as T from '../tokens.js';
import type { Token } from '../tokens.js';
import type { LexerState } from './state.js';
import { STRING_PREFIXES } from './strings.js';
import { looksLikeStatement } from './unclosed-brackets.js';

/** Keywords that may follow an operand (`'a' if x else 'b'`, `'a' in x`). */
const KEYWORDS_AFTER_OPERAND = new Set(['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']);

const OPERATOR_CHARS = '+-*/%@&|^~<>!=';

/**
 * Closing quotes of a multi-line triple-quoted string at `at`, on a line that
 * starts at `lineStart`: where the string really ends ('close'); quotes inside
 * a `#` annotation line of the string, followed by text no code could go on
 * with ('content'); or quotes that close it in the middle of code, because
 * its own closing quotes were lost ('runaway'). Python rejects both of the
 * latter, so no valid program is read differently.
 */
export function tripleCloseVerdict(lx: LexerState, at: number, lineStart: number, bytes = false): 'close' | 'content' | 'runaway' {
  if (closesPlausibly(lx, at + 3, bytes)) return 'close';
  let p = lineStart;
  while (p < at && (lx.src.charCodeAt(p) === 32 || lx.src.charCodeAt(p) === 9)) p++;
  return lx.src.charCodeAt(p) === 35 && p < at ? 'content' : 'runaway';
}

/**
 * Whether code can go on after a string ending at `at`, judged from the
 * rest of its line: operands and operators must alternate (a string may be
 * followed by another string), keywords other than those an expression can
 * hold (`if`, `else`, `for`, `in`, `not`, `is`, `and`, `or`, `lambda`, …)
 * cannot appear, and `{` cannot follow an operand. Only what is certainly
 * invalid Python counts: brackets are skipped, and anything after a `,`,
 * `:`, `=`, `;` or closing bracket, or beyond the first 1,000 characters,
 * is taken as plausible.
 */
function closesPlausibly(lx: LexerState, at: number, bytes: boolean): boolean {
  const src = lx.src;
  const limit = Math.min(src.length, at + 1000);
  let p = at;
  let expectOperand = false;
  let afterString = true;
  let lastWord = '';
  while (p < limit) {
    let c = src.charCodeAt(p);
    if (c === 32 || c === 9 || c === 12) {
      p++;
      continue;
    }
    if (c > 127) {
      const cp = codePointAt(src, p);
      if (isUnusualSpace(cp)) {
        p += codePointLength(cp);
        continue;
      }
      const ascii = fullWidthPunctuation(cp);
      if (ascii !== undefined) c = ascii;
      else if (!isIdentifierStart(cp)) return false;
    }
    if (c === 10 || c === 13 || c === 35) return true;
    if (c === 92) {
      const next = src.charCodeAt(p + 1);
      return next === 10 || next === 13;
    }
    if (c === 39 || c === 34) {
      // Another string: joins the one before (`'''a''' 'b'`), or is an operand after an operator.
      if (!expectOperand && !afterString) return false;
      const after = skipStringOnLine(src, p, limit);
      if (after < 0) return true;
      p = after;
      expectOperand = false;
      afterString = true;
      continue;
    }
    afterString = false;
    if (c === 41 || c === 93 || c === 125 || c === 44 || c === 58 || c === 59) return true;
    if (c === 61 && src.charCodeAt(p + 1) !== 61) return true;
    if (c === 40 || c === 91 || c === 123) {
      if (c === 123 && !expectOperand) return false;
      // A bracketed group: an operand, or a call or subscript after one. Its inside is not judged.
      p = skipBrackets(src, p, limit);
      if (p < 0) return true;
      expectOperand = false;
      continue;
    }
    if (c === 46) {
      if (expectOperand) return isDigit(src.charCodeAt(p + 1)) || (src.charCodeAt(p + 1) === 46 && src.charCodeAt(p + 2) === 46);
      p++;
      while (src.charCodeAt(p) === 32) p++;
      if (!isIdentifierStart(codePointAt(src, p))) return false;
      p = lx.scanIdentifier(p);
      continue;
    }
    if (isDigit(c)) {
      if (!expectOperand) return false;
      while (p < limit && (isIdentifierContinue(codePointAt(src, p)) || src.charCodeAt(p) === 46)) p++;
      expectOperand = false;
      continue;
    }
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127) {
      const end = lx.scanIdentifier(p);
      const word = src.slice(p, end);
      const after = src.charCodeAt(end);
      p = end;
      const previousWord = lastWord;
      lastWord = word;
      if ((after === 39 || after === 34) && STRING_PREFIXES.has(word.toLowerCase())) {
        // A prefixed string follows: the quote is judged next. Bytes never join text (`'''a''' b'c'` is invalid).
        if (!bytes && !expectOperand && word.toLowerCase().includes('b')) return false;
        afterString = true;
        continue;
      }
      if (word === 'True' || word === 'False' || word === 'None') {
        if (!expectOperand) return false;
        expectOperand = false;
      } else if (KEYWORDS_AFTER_OPERAND.has(word)) {
        // `not` may also start an operand; `in` may follow `not` (`not in`).
        if (expectOperand && word !== 'not' && !(word === 'in' && previousWord === 'not')) return false;
        expectOperand = true;
      } else if (word === 'lambda' || word === 'await' || word === 'yield') {
        if (!expectOperand) return false;
      } else if (word === 'as') {
        // `case '''a''' as x:` and `with '''a''' as x:` are valid; nowhere else may `as` follow a string.
        const first = firstTokenOfLogicalLine(lx);
        return !expectOperand && first !== undefined && (first.image === 'case' || first.image === 'with');
      } else if (word === 'async') {
        if (expectOperand) return false;
      } else if (T.KEYWORDS.has(word)) {
        return false;
      } else {
        if (!expectOperand) return false;
        expectOperand = false;
      }
      continue;
    }
    // Operators; the unary ones (and `*` of `*args`) may stand where an operand is expected.
    if (c === 33 && src.charCodeAt(p + 1) !== 61) return false;
    if (!OPERATOR_CHARS.includes(String.fromCharCode(c))) return false;
    if (expectOperand && c !== 45 && c !== 43 && c !== 126 && c !== 42) return false;
    p++;
    while (p < limit && OPERATOR_CHARS.includes(src[p] as string)) p++;
    expectOperand = true;
  }
  return true;
}

function firstTokenOfLogicalLine(lx: LexerState): Token | undefined {
  let first: Token | undefined;
  for (let i = lx.tokens.length - 1; i >= 0; i--) {
    const t = lx.tokens[i] as Token;
    if (t.tokenType === T.Newline || t.tokenType === T.Indent || t.tokenType === T.Dedent) break;
    first = t;
  }
  return first;
}

export function quotesInAnnotation(lx: LexerState, at: number, line: number, lineStart: number): void {
  const where = span(position(line, at - lineStart + 1, at), position(line, at - lineStart + 4, at + 3));
  lx.reporter.add(
    D.quotesInAnnotation,
    "these quotes are inside a '#' annotation line of a multi-line string and what follows them is no code: read as text, not as the end of the string",
    where,
    "write the quotes differently inside the comment (e.g. 'z' instead of 'z''')",
  );
}

/**
 * A triple-quoted string opened at `start` closes at `closeAt` in the middle
 * of code: its own closing quotes were lost. Reports it at its opening
 * quotes and lexes on from the first line after the opening line that looks
 * like a statement (at or left of the statement's indentation, and not at
 * column 0 inside a block, where the text's own lines are; else the line
 * after the opening line), so what follows is still checked. False (nothing
 * changed) when the re-reading budget is spent.
 */
export function runawayString(lx: LexerState, start: number, startLine: number, openLineStart: number, closeAt: number, quote: number, tokens: number): boolean {
  const cost = closeAt - start;
  if (lx.budget < cost) return false;
  lx.budget -= cost;
  const src = lx.src;
  let line = startLine;
  let lineStart = openLineStart;
  let eol = lx.endOfLine(start);
  let resumeLine = 0;
  let closeLine = startLine;
  for (let s = eol; s < closeAt; ) {
    const next = s + (src.charCodeAt(s) === 13 && src.charCodeAt(s + 1) === 10 ? 2 : 1);
    if (next > closeAt) break;
    closeLine++;
    if (resumeLine === 0) {
      // Lines of a string's text start at column 0: inside a block, a line there is text, not the code that resumes.
      if (looksLikeStatement(lx, next) && (lx.statementIndent === 0 || !startsAtColumnZero(src, next))) resumeLine = closeLine;
      else {
        line = closeLine;
        lineStart = next;
        eol = lx.endOfLine(next);
      }
    }
    s = lx.endOfLine(next);
  }
  if (resumeLine === 0) {
    // No line in between looks like code: go on after the opening line.
    line = startLine;
    lineStart = openLineStart;
    eol = lx.endOfLine(start);
  }
  lx.tokens.length = tokens;
  lx.reporter.withdrawFrom(start);
  lx.bareTextRangesFrom(start);
  const q = String.fromCharCode(quote).repeat(3);
  const startColumn = start - openLineStart + 1;
  const prefix = src.slice(start, src.indexOf(q, start) + 3).length;
  lx.reporter.add(
    D.unterminatedTripleString,
    `this ${q} string is never closed: the ${q} on line ${closeLine} that would close it is followed by code, so its own closing quotes are missing`,
    span(position(startLine, startColumn, start), position(startLine, startColumn + prefix, start + prefix)),
    resumeLine > 0
      ? `close it with ${q} where its text ends, before line ${resumeLine}`
      : `close it with ${q} where its text ends`,
  );
  lx.line = line;
  lx.lineStart = lineStart;
  lx.push(T.Invalid, start, eol, undefined, startLine, startColumn);
  lx.pos = eol;
  lx.abandonLine = true;
  lx.checkpoint = undefined;
  return true;
}

/** After the bracket at `at`, skipping nested brackets and quoted runs on the same line; -1 if it does not close there. */
function skipBrackets(src: string, at: number, limit: number): number {
  let depth = 0;
  for (let p = at; p < limit; p++) {
    const c = src.charCodeAt(p);
    if (c === 10 || c === 13) return -1;
    if (c === 39 || c === 34) {
      const after = skipStringOnLine(src, p, limit);
      if (after < 0) return -1;
      p = after - 1;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) return p + 1;
    }
  }
  return -1;
}

/** After the string whose opening quote is at `at` (one or three quotes, backslashes escaping), if it closes on this line before `limit`; else -1. */
function skipStringOnLine(src: string, at: number, limit: number): number {
  const quote = src.charCodeAt(at);
  const triple = src.charCodeAt(at + 1) === quote && src.charCodeAt(at + 2) === quote;
  for (let p = at + (triple ? 3 : 1); p < limit; p++) {
    const c = src.charCodeAt(p);
    if (c === 10 || c === 13) return -1;
    if (c === 92) p++;
    else if (c === quote && (!triple || (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote))) return p + (triple ? 3 : 1);
  }
  return -1;
}

function startsAtColumnZero(src: string, lineStart: number): boolean {
  const c = src.charCodeAt(lineStart);
  return c !== 32 && c !== 9 && c !== 12;
}
