/**
 * F-strings, tokenised like PEP 701: the start token, literal text (FSTRING_MIDDLE), interpolations
 * (`{`, code, `=`, `!r`, `:spec`, `}`) as a stack of contexts, and where each f-string's text ends.
 */
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { decodeEscape } from '../escapes.js';
import { position, span } from '../reporter.js';
import * as T from '../tokens.js';
import { closeAllSilently, closerType, tooDeep } from './brackets.js';
import { recoverInInterpolation } from './interpolation-recovery.js';
import { quotesInAnnotation, runawayString, tripleCloseVerdict } from './runaway-strings.js';
import { CLOSE_BRACE, type Context, type FStringContext, type InterpolationContext, type LexerState, type SpecContext } from './state.js';
import { quoteStyleOf } from './strings.js';

export function inInterpolation(lx: LexerState): boolean {
  for (let i = lx.contexts.length - 1; i >= 0; i--) {
    const k = (lx.contexts[i] as Context).kind;
    if (k === 'interp') return true;
    if (k === 'fstring' || k === 'spec') return false;
  }
  return false;
}

export function hasSingleLineFString(lx: LexerState): boolean {
  return lx.contexts.some((ctx) => ctx.kind === 'fstring' && !ctx.triple);
}

/**
 * At the top level of an interpolation: `}` ends it, `!x` is a conversion,
 * `:` starts the format spec, a lone `=` before those is the
 * self-documenting form, and the f-string's own closing quote means the `}`
 * is missing.
 */
export function interpolationDelimiter(lx: LexerState, ctx: InterpolationContext, c: number): boolean {
  const src = lx.src;
  const p = lx.pos;
  if (c === CLOSE_BRACE) {
    lx.popContext();
    lx.push(T.FExprEnd, p, p + 1);
    lx.pos = p + 1;
    return true;
  }
  if (c === 33 && src.charCodeAt(p + 1) !== 61) {
    const letter = src[p + 1];
    if (letter === 'r' || letter === 's' || letter === 'a') {
      lx.push(T.FConversion, p, p + 2);
      lx.pos = p + 2;
    } else {
      if (recoverInInterpolation(lx, "'!' is no conversion (!r, !s or !a)")) return true;
      lx.report(D.fstringInvalid, "invalid conversion after '!' in an f-string: expected !r, !s or !a", p, p + 1, "remove the '!…', or write '!r', '!s' or '!a'");
      lx.push(T.Invalid, p, p + 1);
      lx.pos = p + 1;
    }
    return true;
  }
  if (c === 58) {
    lx.push(T.FSpecStart, p, p + 1);
    lx.pos = p + 1;
    lx.pushContext({ kind: 'spec', fstring: ctx.fstring });
    return true;
  }
  if (c === 61 && src.charCodeAt(p + 1) !== 61) {
    let q = p + 1;
    while (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9) q++;
    const after = src.charCodeAt(q);
    if (after === CLOSE_BRACE || after === 58 || (after === 33 && src.charCodeAt(q + 1) !== 61)) {
      lx.push(T.FDebug, p, q);
      lx.pos = q;
      return true;
    }
    return false;
  }
  return false;
}

/**
 * Code inside an interpolation reached the end of its f-string's text: the
 * `}` is missing (the f-string's closing quote comes next), or the f-string
 * itself is unterminated.
 */
export function interpolationCut(lx: LexerState): void {
  const p = lx.pos;
  let i = lx.contexts.length - 1;
  while (i >= 0 && (lx.contexts[i] as Context).kind !== 'fstring') i--;
  const fs = lx.contexts[i] as FStringContext;
  if (!fs.terminated) {
    unterminatedFString(lx, fs, p);
    closeAllSilently(lx, p);
    return;
  }
  if (recoverInInterpolation(lx, "no '}' closes it before the end of the f-string")) return;
  missingBrace(lx, lx.contexts[i + 1] as InterpolationContext);
  while (lx.contexts.length - 1 > i) {
    const ctx = lx.popContext() as Context;
    if (ctx.kind === 'bracket') lx.push(closerType(ctx.close), p, p);
    else if (ctx.kind === 'interp') lx.push(T.FExprEnd, p, p);
  }
}

/** SC4004 at the interpolation's `{`: the f-string's text ended (at its closing quote) before a `}`. */
function missingBrace(lx: LexerState, interp: InterpolationContext): void {
  lx.reporter.add(
    D.fstringMissingBrace,
    "f-string interpolation is missing its closing '}'",
    span(
      position(interp.openLine, interp.openColumn, interp.openOffset),
      position(interp.openLine, interp.openColumn + 1, interp.openOffset + 1),
    ),
    "add '}' before the closing quote",
  );
}

export function unterminatedFString(lx: LexerState, fs: FStringContext, at: number): void {
  if (lx.abandonLine) return;
  void at;
  const width = fs.bodyStart - fs.startOffset;
  lx.reporter.add(
    D.unterminatedFString,
    fs.triple ? 'this f-string is never closed' : 'f-string not closed before the end of the line',
    span(position(fs.startLine, fs.startColumn, fs.startOffset), position(fs.startLine, fs.startColumn + width, fs.bodyStart)),
    fs.triple
      ? `close it with ${String.fromCharCode(fs.quote).repeat(3)}`
      : `close it with ${String.fromCharCode(fs.quote)} on the same line, or use ${String.fromCharCode(fs.quote).repeat(3)} for text spanning lines`,
  );
}

export function openFString(lx: LexerState, start: number, bodyStart: number, quote: number, triple: boolean, raw: boolean): void {
  if (lx.contexts.length >= lx.options.maxNesting) {
    tooDeep(lx, start);
    return;
  }
  const { limit, terminated, runaway } = fstringExtent(lx, bodyStart, quote, triple);
  if (runaway === true && runawayString(lx, start, lx.line, lx.lineStart, limit, quote, lx.tokens.length)) return;
  const ctx: FStringContext = {
    kind: 'fstring',
    quote,
    triple,
    raw,
    limit,
    terminated,
    startOffset: start,
    startLine: lx.line,
    startColumn: start - lx.lineStart + 1,
    bodyStart,
    lineStart: lx.lineStart,
    tokenIndex: lx.tokens.length,
    openLiteral: 0,
  };
  lx.push(T.FStringStart, start, bodyStart, { kind: 'fstringStart', quote: quoteStyleOf(quote, triple), raw });
  lx.pushContext(ctx);
  lx.pos = bodyStart;
}

/**
 * Where an f-string's text ends (see `FStringContext.limit`). For a
 * multi-line triple-quoted f-string, closing quotes are checked as in
 * `scanString`: inside a `#` annotation line they are text, and where code
 * could not go on after them they are `runaway` (the f-string's own closing
 * quotes were lost).
 */
function fstringExtent(lx: LexerState, bodyStart: number, quote: number, triple: boolean): { limit: number; terminated: boolean; runaway?: boolean } {
  const src = lx.src;
  const end = lx.end;
  let p = bodyStart;
  let line = lx.line;
  let lineStart = lx.lineStart;
  while (p < end) {
    const c = src.charCodeAt(p);
    if (c === 92) {
      const next = src.charCodeAt(p + 1);
      p += next === 13 && src.charCodeAt(p + 2) === 10 ? 3 : 2;
      if (next === 10 || next === 13) {
        line++;
        lineStart = p;
      }
    } else if (c === quote) {
      if (!triple) return { limit: p, terminated: true };
      if (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
        if (line > lx.line && !inInterpolation(lx)) {
          const verdict = tripleCloseVerdict(lx, p, lineStart);
          if (verdict === 'content') {
            quotesInAnnotation(lx, p, line, lineStart);
            p += 3;
            continue;
          }
          if (verdict === 'runaway') return { limit: p, terminated: true, runaway: true };
        }
        return { limit: p, terminated: true };
      }
      p++;
    } else if (c === 10 || c === 13) {
      if (!triple) return { limit: p, terminated: false };
      p += c === 13 && src.charCodeAt(p + 1) === 10 ? 2 : 1;
      line++;
      lineStart = p;
    } else p++;
  }
  return { limit: Math.min(p, end), terminated: false };
}

/** Literal text of an f-string up to `{`, the closing quote, or trouble. */
export function fstringText(lx: LexerState, ctx: FStringContext): void {
  literalText(lx, ctx, false);
}

/** A format spec after `:` up to `}` (its `{…}` are nested interpolations). */
export function specText(lx: LexerState, ctx: SpecContext): void {
  literalText(lx, ctx.fstring, true);
}

function literalText(lx: LexerState, fs: FStringContext, inSpec: boolean): void {
  const src = lx.src;
  const limit = fs.limit;
  let p = lx.pos;
  let seg = p;
  let out = '';
  const segLine = lx.line;
  const segColumn = p - lx.lineStart + 1;
  const segStart = p;
  let warnedNul = false;
  const flush = (upTo: number): void => {
    const value = out + src.slice(seg, upTo);
    if (upTo > segStart) lx.push(T.FStringMiddle, segStart, upTo, { kind: 'text', value }, segLine, segColumn);
  };
  while (p < limit) {
    const c = src.charCodeAt(p);
    if (c === 123) {
      if (!inSpec && src.charCodeAt(p + 1) === 123) {
        out += src.slice(seg, p + 1);
        p += 2;
        seg = p;
        continue;
      }
      if (lx.literalBraces.has(p)) {
        if (!inSpec) fs.openLiteral++;
        p++;
        continue;
      }
      let q = p + 1;
      while (q < limit && (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9)) q++;
      if (q < limit && src.charCodeAt(q) === CLOSE_BRACE) {
        lx.report(
          D.fstringEmptyBraces,
          `empty '${src.slice(p, q + 1)}' in an f-string: read as text`,
          p,
          q + 1,
          "write '{{}}' for literal braces",
        );
        p = q + 1;
        continue;
      }
      flush(p);
      if (lx.contexts.length >= lx.options.maxNesting) {
        lx.pos = p;
        tooDeep(lx, p);
        return;
      }
      const tokenIndex = lx.tokens.length;
      lx.push(T.FExprStart, p, p + 1);
      lx.pushContext({
        kind: 'interp',
        fstring: fs,
        openOffset: p,
        openLine: lx.line,
        openColumn: p - lx.lineStart + 1,
        lineStart: lx.lineStart,
        tokenIndex,
        commentCount: lx.comments.length,
      });
      lx.pos = p + 1;
      return;
    }
    if (c === CLOSE_BRACE) {
      if (inSpec) {
        flush(p);
        lx.truncateContexts(lx.contexts.length - 2);
        lx.push(T.FExprEnd, p, p + 1);
        lx.pos = p + 1;
        return;
      }
      if (src.charCodeAt(p + 1) === CLOSE_BRACE && p + 1 < limit) {
        out += src.slice(seg, p + 1);
        p += 2;
        seg = p;
        continue;
      }
      if (fs.openLiteral > 0) {
        // The partner of a `{` read as text.
        fs.openLiteral--;
        p++;
        continue;
      }
      lx.report(D.fstringSingleBrace, "single '}' in an f-string: read as text", p, p + 1, "write '}}' for a literal brace");
      p++;
      continue;
    }
    if (c === 92) {
      if (fs.raw) {
        // A raw backslash stays; it only keeps the next quote or backslash from ending anything.
        const next = src.charCodeAt(p + 1);
        p += next === fs.quote || next === 92 ? 2 : 1;
        continue;
      }
      const r = decodeEscape(src, p, false, limit);
      if (r.error !== undefined) lx.report(D.invalidEscape, r.error, p, r.next, 'write the character itself, or escape the backslash as \\\\');
      out += src.slice(seg, p) + r.text;
      p = r.next;
      seg = p;
      if (r.newline === true) lx.newPhysicalLine(p);
      continue;
    }
    if (c === 10 || c === 13) {
      // Only in triple-quoted f-strings (a one-line f-string's text ends before its line does).
      if (c === 13) {
        out += src.slice(seg, p) + '\n';
        p += src.charCodeAt(p + 1) === 10 ? 2 : 1;
        seg = p;
      } else p++;
      lx.newPhysicalLine(p);
      continue;
    }
    if (c === 0 && !warnedNul) {
      warnedNul = true;
      lx.report(D.nulByte, 'NUL byte inside an f-string: kept as the character U+0000', p, p + 1, 'write \\x00 instead');
    }
    p++;
  }
  flush(p);
  lx.pos = p;
  if (!fs.terminated) {
    // Unterminated: a one-line f-string is reported and closed here; a
    // triple-quoted one at the end of the input is recovered by `endOfInput`.
    if (!fs.triple || p < src.length) {
      unterminatedFString(lx, fs, p);
      closeAllSilently(lx, p);
    }
    return;
  }
  if (inSpec) {
    // `f'{x:>5'`: the format spec runs into the closing quote.
    if (recoverInInterpolation(lx, "no '}' closes it before the end of the f-string", true)) return;
    missingBrace(lx, lx.contexts[lx.contexts.length - 2] as InterpolationContext);
    lx.truncateContexts(lx.contexts.length - 2);
    lx.push(T.FExprEnd, p, p);
    return;
  }
  const width = fs.triple ? 3 : 1;
  lx.push(T.FStringEnd, p, p + width, { kind: 'end', startLine: fs.startLine });
  lx.popContext();
  lx.pos = p + width;
}
