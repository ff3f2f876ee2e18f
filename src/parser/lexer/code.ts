/**
 * The main loop and what one character of code starts: names, numbers, strings, operators and brackets,
 * line ends (NEWLINE, implicit joining inside brackets), comments, backslash continuations, and characters
 * that start no token.
 */
import {
  codePointAt,
  codePointLength,
  fullWidthPunctuation,
  isDigit,
  isIdentifierContinue,
  isIdentifierStart,
  isUnusualSpace,
  showCharacter,
} from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import * as T from '../tokens.js';
import { tryBareText, tryKeywordValueText } from './bare-text.js';
import { closeAllSilently, operator, SINGLE_CHAR_TOKENS } from './brackets.js';
import {
  fstringText,
  hasSingleLineFString,
  inInterpolation,
  interpolationCut,
  interpolationDelimiter,
  specText,
  unterminatedFString,
} from './fstrings.js';
import { lineStartIndentation } from './indentation.js';
import { recoverInInterpolation } from './interpolation-recovery.js';
import { word } from './names.js';
import { number } from './numbers.js';
import type { Context, FStringContext, LexResult, LexerState } from './state.js';
import { scanString, string } from './strings.js';
import { endOfInput, maybeCheckpoint } from './unclosed-brackets.js';

export function run(lx: LexerState): LexResult {
  if (lx.src.charCodeAt(0) === 0xfeff) lx.pos = 1;
  const len = lx.src.length;
  for (;;) {
    while (lx.pos < len && !lx.truncated) {
      if (lx.atLineStart) {
        lineStartIndentation(lx);
        continue;
      }
      const top = lx.contexts[lx.contexts.length - 1];
      if (top !== undefined && top.kind === 'fstring') fstringText(lx, top);
      else if (top !== undefined && top.kind === 'spec') specText(lx, top);
      else code(lx, top);
    }
    if (!endOfInput(lx)) break;
  }
  return {
    tokens: lx.tokens,
    comments: lx.comments,
    ownLine: lx.ownLine,
    bareTextRanges: lx.bareTextRanges,
    end: lx.endPosition(),
  };
}

function code(lx: LexerState, top: Context | undefined): void {
  const src = lx.src;
  const p = lx.pos;
  if (p >= lx.end) {
    interpolationCut(lx);
    return;
  }
  const c = src.charCodeAt(p);
  if (c === 32 || c === 9 || c === 12) {
    // The whole run of spaces at once (the main loop's checks need not run for each), within the f-string's end.
    let q = p + 1;
    const end = lx.end;
    while (q < end) {
      const d = src.charCodeAt(q);
      if (d !== 32 && d !== 9 && d !== 12) break;
      q++;
    }
    lx.pos = q;
    return;
  }
  if (c === 10 || c === 13) {
    newline(lx);
    return;
  }
  if (top !== undefined && top.kind === 'interp' && interpolationDelimiter(lx, top, c)) return;
  if (c === 35) {
    if (inInterpolation(lx)) {
      invalid(lx, p, p + 1, D.fstringInvalid, "'#' cannot appear inside an f-string interpolation", "write '{{' for a literal brace, or close the interpolation with '}' before the '#'");
      return;
    }
    if (lx.hashAsText.has(p) && tryBareText(lx)) return;
    if (top !== undefined && top.kind === 'bracket' && top.literal && top.hashInElement < 0 && top.elementLine === lx.line) {
      // Stuck to the element's text (`https://x.com/#part`), or starting it (`[#fffdeb, #f43f32]`,
      // `{"identifier": ##default##}`): text the converter wrote unquoted, if the brackets stay open (unclosed-brackets.ts).
      const before = src.charCodeAt(p - 1);
      if (lx.tokens.length === top.elementToken || isIdentifierContinue(before) || before === 47 || before === 46) top.hashInElement = p;
    }
    comment(lx);
    return;
  }
  if (c === 92) {
    backslash(lx);
    return;
  }
  if (c === 39 || c === 34) {
    string(lx, p, p, '');
    return;
  }
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
      word(lx);
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(p + 1)))) {
      number(lx);
      return;
    }
    if (c === 0) {
      lx.report(D.nulByte, 'NUL byte outside a string: ignored', p, p + 1);
      lx.pos = p + 1;
      return;
    }
    operator(lx, c, 1);
    return;
  }
  const cp = codePointAt(src, p);
  if (isIdentifierStart(cp)) {
    word(lx);
    return;
  }
  const width = codePointLength(cp);
  if (isUnusualSpace(cp)) {
    if (tryBareText(lx)) return;
    lx.report(D.unusualSpace, `${showCharacter(cp)} outside a string: read as a space`, p, p + width, 'use a plain space');
    lx.pos = p + width;
    return;
  }
  const ascii = fullWidthPunctuation(cp);
  if (ascii !== undefined && SINGLE_CHAR_TOKENS.has(ascii)) {
    if (tryBareText(lx)) return;
    lx.report(
      D.fullWidthPunctuation,
      `full-width ${showCharacter(cp)} outside a string: read as '${String.fromCharCode(ascii)}'`,
      p,
      p + width,
      `write '${String.fromCharCode(ascii)}'`,
    );
    operator(lx, ascii, width);
    return;
  }
  invalidRun(lx, p);
}

function newline(lx: LexerState): void {
  const src = lx.src;
  const p = lx.pos;
  const width = src.charCodeAt(p) === 13 && src.charCodeAt(p + 1) === 10 ? 2 : 1;
  if (lx.contexts.length > 0) {
    if (lx.abandonLine) {
      closeAllSilently(lx, p);
    } else if (hasSingleLineFString(lx)) {
      const fs = lx.contexts.find((ctx): ctx is FStringContext => ctx.kind === 'fstring' && !ctx.triple) as FStringContext;
      unterminatedFString(lx, fs, p);
      closeAllSilently(lx, p);
    } else {
      lx.pos = p + width;
      lx.newPhysicalLine(p + width);
      maybeCheckpoint(lx);
      return;
    }
  }
  lx.abandonLine = false;
  if (lx.lineHasTokens) lx.push(T.Newline, p, p + width);
  lx.lineHasTokens = false;
  lx.pos = p + width;
  lx.newPhysicalLine(p + width);
  lx.atLineStart = true;
}

function comment(lx: LexerState): void {
  const p = lx.pos;
  const end = lx.endOfLine(p + 1);
  const text = lx.src.slice(p + 1, end);
  lx.comments.push({ kind: 'comment', text, span: lx.here(p, end) });
  lx.ownLine.push(!lx.physicalLineHasCode);
  lx.pos = end;
  // Comments are kept like tokens, so they count against the same limit (a file of 25 million `#` lines is one token each).
  if (lx.tokens.length + lx.comments.length >= lx.options.maxTokens && !lx.truncated) lx.tooManyTokens(end);
}

function backslash(lx: LexerState): void {
  const src = lx.src;
  const p = lx.pos;
  const next = src.charCodeAt(p + 1);
  if (next === 10 || next === 13) {
    const width = next === 13 && src.charCodeAt(p + 2) === 10 ? 3 : 2;
    lx.pos = p + width;
    lx.newPhysicalLine(p + width);
    return;
  }
  if (inInterpolation(lx)) {
    // `f'''{format_date(value={v}, date_format=\'Custom\')}'''`: WorkflowLLM's converter escaped
    // every quote, inside braces too (and text escaped twice has `\\'`).
    let run = 1;
    while (run < 4 && src.charCodeAt(p + run) === 92) run++;
    const quote = src.charCodeAt(p + run);
    if (quote === 39 || quote === 34) {
      lx.report(
        D.fstringEscapedQuote,
        `backslash-escaped quote ${src.slice(p, p + run + 1)} inside an f-string interpolation: read as a plain quote`,
        p,
        p + run + 1,
        `write ${quote === 39 ? '"' : "'"} quotes inside the braces instead`,
      );
      scanString(lx, p, p + run + 1, quote, false, false, false, run);
      return;
    }
  }
  if (tryBareText(lx)) return;
  if (Number.isNaN(next)) {
    invalid(lx, p, p + 1, D.strayBackslash, 'backslash at the end of the file', 'remove it');
  } else {
    invalid(lx, 
      p,
      p + 1,
      D.strayBackslash,
      'backslash outside a string must end the line (line continuation)',
      'remove it, or put the text in quotes',
    );
  }
}

export function invalid(lx: LexerState, start: number, end: number, definition: (typeof D)[keyof typeof D], message: string, suggestion?: string): void {
  if (tryKeywordValueText(lx) || recoverInInterpolation(lx, message)) return;
  lx.report(definition, message, start, end, suggestion);
  lx.push(T.Invalid, start, end);
  lx.pos = end;
}

/** A run of characters that cannot start any token: one diagnostic, one Invalid token. */
export function invalidRun(lx: LexerState, start: number): void {
  if (tryBareText(lx)) return;
  const src = lx.src;
  const first = codePointAt(src, start);
  let p = start + codePointLength(first);
  while (p < src.length) {
    const cp = codePointAt(src, p);
    const invalid =
      cp < 128 ? isInvalidAscii(cp) : !(isIdentifierStart(cp) || isUnusualSpace(cp) || fullWidthPunctuation(cp) !== undefined);
    if (!invalid) break;
    p += codePointLength(cp);
  }
  const what =
    p - start > codePointLength(first) ? `characters starting with ${showCharacter(first)}` : `character ${showCharacter(first)}`;
  invalid(lx, start, p, D.invalidCharacter, `unexpected ${what} outside a string`, 'put the text in quotes');
}

/** ASCII characters that start no token: `$`, `?`, backtick, `!` alone, control characters. */
function isInvalidAscii(c: number): boolean {
  return c === 36 || c === 63 || c === 96 || c === 33 || (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 0) || c === 127;
}
