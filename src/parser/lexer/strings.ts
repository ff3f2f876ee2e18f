/**
 * Plain string and bytes literals in all four quote styles, with escapes decoded exactly as Python
 * decodes them, and the lenient `\'…\'` form inside f-string interpolations.
 */
import type { QuoteStyle } from '../../syntax/ast.js';
import { codePointAt, showCharacter } from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { decodeEscape } from '../escapes.js';
import * as T from '../tokens.js';
import type { TokenPayload } from '../tokens.js';
import { currentElementStart, tryBareText, tryKeywordValueText } from './bare-text.js';
import { openFString } from './fstrings.js';
import { recoverInInterpolation } from './interpolation-recovery.js';
import { quotesInAnnotation, runawayString, tripleCloseVerdict } from './runaway-strings.js';
import type { LexerState } from './state.js';
import { resumeAfterOpeningLine } from './unclosed-brackets.js';

export const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);

/** Characters that stop a run of plain string content (the rest is copied as it is). */
const STRING_STOP_SINGLE = /[\\\r\n\0']/g;

const STRING_STOP_DOUBLE = /[\\\r\n\0"]/g;

/** `run` backslashes and then `quote` at `at`: the end of a lenient `\'…\'` string. */
function escapedQuoteAt(lx: LexerState, at: number, run: number, quote: number): boolean {
  for (let k = 0; k < run; k++) if (lx.src.charCodeAt(at + k) !== 92) return false;
  return lx.src.charCodeAt(at + run) === quote && lx.src.charCodeAt(at - 1) !== 92;
}

export function string(lx: LexerState, start: number, prefixEnd: number, prefix: string): void {
  const src = lx.src;
  const quote = src.charCodeAt(prefixEnd);
  const triple = src.charCodeAt(prefixEnd + 1) === quote && src.charCodeAt(prefixEnd + 2) === quote;
  const bodyStart = prefixEnd + (triple ? 3 : 1);
  const raw = prefix.includes('r');
  if (prefix.includes('f')) {
    openFString(lx, start, bodyStart, quote, triple, raw);
    return;
  }
  scanString(lx, start, bodyStart, quote, triple, raw, prefix.includes('b'), 0);
}

/**
 * Reads a plain string or bytes literal, decoding escapes exactly like Python.
 * `escapeRun` > 0: the lenient `\'…\'` (or `\\'…\\'`) form inside an
 * f-string interpolation, which ends at the same run of backslashes and the quote.
 */
export function scanString(
  lx: LexerState,
  start: number,
  bodyStart: number,
  quote: number,
  triple: boolean,
  raw: boolean,
  bytes: boolean,
  escapeRun: number,
): void {
  const src = lx.src;
  const tokensBefore = lx.tokens.length;
  const len = lx.end;
  const startLine = lx.line;
  const startColumn = start - lx.lineStart + 1;
  const openLineStart = lx.lineStart;
  let p = bodyStart;
  let seg = p;
  let out: string | undefined;
  let warnedNul = false;
  let warnedAscii = false;
  let end = -1;
  let bodyEnd = -1;
  const stop = bytes ? undefined : quote === 39 ? STRING_STOP_SINGLE : STRING_STOP_DOUBLE;
  while (p < len) {
    if (stop !== undefined) {
      // Jump over plain text (base64 blobs, HTML) to the next character that matters.
      stop.lastIndex = p;
      p = stop.test(src) ? stop.lastIndex - 1 : src.length;
      if (p >= len) {
        p = len;
        break;
      }
    }
    const c = src.charCodeAt(p);
    if (c === quote) {
      if (!triple) {
        bodyEnd = p;
        end = p + 1;
        break;
      }
      if (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
        if (lx.line > startLine && escapeRun === 0) {
          // A multi-line string cannot close where code cannot go on: WorkflowLLM's annotation
          // lost closing quotes, and its comment lines inside strings quote `'''`.
          const verdict = tripleCloseVerdict(lx, p, lx.lineStart, bytes);
          if (verdict === 'content') {
            quotesInAnnotation(lx, p, lx.line, lx.lineStart);
            p += 3;
            continue;
          }
          if (verdict === 'runaway' && runawayString(lx, start, startLine, openLineStart, p, quote, tokensBefore)) return;
        }
        bodyEnd = p;
        end = p + 3;
        break;
      }
      p++;
    } else if (c === 92) {
      if (escapeRun > 0 && escapedQuoteAt(lx, p, escapeRun, quote)) {
        bodyEnd = p;
        end = p + escapeRun + 1;
        break;
      }
      const next = src.charCodeAt(p + 1);
      if (raw) {
        // In raw strings a backslash keeps the next character (so `\'` does not end the string).
        if (next === 10 || next === 13) {
          out = (out ?? '') + src.slice(seg, p) + '\\\n';
          p += next === 13 && src.charCodeAt(p + 2) === 10 ? 3 : 2;
          seg = p;
          lx.newPhysicalLine(p);
        } else p += p + 1 < len ? 2 : 1;
        continue;
      }
      const r = decodeEscape(src, p, bytes, len);
      if (r.error !== undefined) lx.report(D.invalidEscape, r.error, p, r.next, 'write the character itself, or escape the backslash as \\\\');
      out = (out ?? '') + src.slice(seg, p) + r.text;
      p = r.next;
      seg = p;
      if (r.newline === true) lx.newPhysicalLine(p);
    } else if (c === 10 || c === 13) {
      if (!triple) break;
      if (c === 13) {
        out = (out ?? '') + src.slice(seg, p) + '\n';
        p += src.charCodeAt(p + 1) === 10 ? 2 : 1;
        seg = p;
      } else p++;
      lx.newPhysicalLine(p);
    } else {
      if (c === 0 && !warnedNul) {
        warnedNul = true;
        lx.report(D.nulByte, 'NUL byte inside a string: kept as the character U+0000', p, p + 1, 'write \\x00 instead');
      } else if (bytes && c > 127 && !warnedAscii) {
        warnedAscii = true;
        lx.report(
          D.bytesNonAscii,
          `bytes literals can only hold ASCII characters, not ${showCharacter(codePointAt(src, p))}`,
          p,
          p + 1,
          'write the byte as \\xHH',
        );
      }
      p++;
    }
  }
  if (end < 0) {
    if (triple) {
      if (
        len === src.length &&
        resumeAfterOpeningLine(lx, 
          start,
          startLine,
          openLineStart,
          lx.tokens.length,
          D.unterminatedTripleString,
          `this ${String.fromCharCode(quote).repeat(3)} string is never closed`,
          lx.contexts.length,
        )
      )
        return;
      lx.report(
        D.unterminatedTripleString,
        `this ${String.fromCharCode(quote).repeat(3)} string is never closed`,
        start,
        start + 3,
        tripleSuggestion(src, start),
        startLine,
        startColumn,
      );
      lx.push(T.Invalid, start, p, undefined, startLine, startColumn);
      lx.pos = p;
      return;
    }
    // Single-line string cut by the end of the line.
    if (start > currentElementStart(lx) && tryBareText(lx)) return;
    if (tryKeywordValueText(lx)) return;
    if (recoverInInterpolation(lx, 'a string in it is not closed')) return;
    lx.report(
      D.unterminatedString,
      'string not closed before the end of the line',
      start,
      p,
      `close it with ${String.fromCharCode(quote)}, or use ${String.fromCharCode(quote).repeat(3)} for text spanning lines`,
      startLine,
      startColumn,
    );
    lx.push(T.Invalid, start, p, undefined, startLine, startColumn);
    lx.pos = p;
    lx.abandonLine = true;
    return;
  }
  const text = out === undefined ? src.slice(seg, bodyEnd) : out + src.slice(seg, bodyEnd);
  const quoteStyle = quoteStyleOf(quote, triple);
  let payload: TokenPayload;
  if (bytes) {
    const value = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) value[i] = text.charCodeAt(i) & 0xff;
    payload = { kind: 'bytes', value, quote: quoteStyle };
  } else {
    payload = { kind: 'string', value: text, quote: quoteStyle, raw };
  }
  lx.push(T.StringToken, start, end, payload, startLine, startColumn);
  lx.pos = end;
}

export function quoteStyleOf(quote: number, triple: boolean): QuoteStyle {
  if (quote === 39) return triple ? "'''" : "'";
  return triple ? '"""' : '"';
}

export function tripleSuggestion(src: string, start: number): string {
  let p = start;
  while (/[rRbBfFuU]/.test(src[p] ?? '')) p++;
  const q = src[p] ?? "'";
  return `close it with ${q.repeat(3)}, or escape a quote inside it as \\${q}`;
}
