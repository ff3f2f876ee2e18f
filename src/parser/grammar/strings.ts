/**
 * Adjacent string literals (concatenated), f-strings and their parts, and interpolations (`{x!r:>5}`,
 * `{x=}`), recovering at the `}`.
 */
import type { IToken } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Expression, FStringInterpolation, FStringPart, QuoteStyle } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import * as T from '../tokens.js';
import type { ParserHost } from './host.js';
import { error, expected, isCaught, reportCaught, skipUntil, textOf } from './recovery.js';
import { joinSpans, payloadOf, spanOf } from './token-spans.js';

/** An f-string as read: its parts, its quotes and where it is. */
export interface FStringLiteral {
  parts: FStringPart[];
  quote: QuoteStyle;
  raw: boolean;
  span: SourceSpan;
}

/** Adjacent string literals, concatenated (`'a' f'{x}' "b"`). */
export function strings($: ParserHost): Expression {
  if ($.RECORDING_PHASE) {
    $.AT_LEAST_ONE(() => {
      $.OR<unknown>([{ ALT: () => $.CONSUME(T.StringToken) }, { ALT: () => $.SUBRULE($.fstring) }]);
    });
    return { kind: 'error', text: '' };
  }
  const pieces: { token: IToken; fstring?: FStringLiteral }[] = [];
  for (;;) {
    const t = $.LA(1);
    if (t.tokenType === T.StringToken) {
      $.SKIP_TOKEN();
      pieces.push({ token: t });
    } else if (t.tokenType === T.FStringStart) {
      pieces.push({ token: t, fstring: $.SUBRULE($.fstring) });
    } else break;
  }
  if (pieces.length === 0) throw expected($, 'a string');
  return concatenate($, pieces);
}

function concatenate(
  $: ParserHost,
  pieces: readonly { token: IToken; fstring?: FStringLiteral }[],
): Expression {
  const first = pieces[0] as (typeof pieces)[number];
  const where = joinSpans(first.fstring?.span ?? spanOf(first.token, first.token), spanOf($.LA(0), $.LA(0))) as SourceSpan;
  if (pieces.length === 1 && first.fstring !== undefined) {
    return {
      kind: 'fstring',
      parts: first.fstring.parts,
      quote: first.fstring.quote,
      ...(first.fstring.raw ? { raw: true } : {}),
      span: where,
    };
  }
  if (pieces.length === 1) {
    const p = payloadOf(first.token);
    if (p?.kind === 'bytes') return { kind: 'bytes', value: p.value, quote: p.quote, span: where };
    if (p?.kind === 'string') return { kind: 'string', value: p.value, quote: p.quote, ...(p.raw ? { raw: true } : {}), span: where };
  }
  const bytes = pieces.filter((piece) => payloadOf(piece.token)?.kind === 'bytes');
  if (bytes.length > 0 && bytes.length < pieces.length) {
    error($, D.mixedBytes, 'bytes and text literals cannot be joined', where, "make both bytes (b'…') or both text");
    return { kind: 'error', text: $.state.src.slice(where.start.offset, where.end.offset), span: where };
  }
  if (bytes.length > 0) {
    const arrays = bytes.map((piece) => (payloadOf(piece.token) as Extract<T.TokenPayload, { kind: 'bytes' }>).value);
    const value = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
    let offset = 0;
    for (const a of arrays) {
      value.set(a, offset);
      offset += a.length;
    }
    return { kind: 'bytes', value, quote: (payloadOf(first.token) as Extract<T.TokenPayload, { kind: 'bytes' }>).quote, span: where };
  }
  const quote = first.fstring?.quote ?? (payloadOf(first.token) as Extract<T.TokenPayload, { kind: 'string' }>).quote;
  const raw = pieces.every((piece) =>
    piece.fstring !== undefined ? piece.fstring.raw : (payloadOf(piece.token) as { raw?: boolean }).raw === true,
  );
  if (pieces.every((piece) => piece.fstring === undefined)) {
    const value = pieces.map((piece) => (payloadOf(piece.token) as Extract<T.TokenPayload, { kind: 'string' }>).value).join('');
    return { kind: 'string', value, quote, ...(raw ? { raw: true } : {}), span: where };
  }
  const parts: FStringPart[] = [];
  for (const piece of pieces) {
    const more: readonly FStringPart[] = piece.fstring?.parts ?? [
      (payloadOf(piece.token) as Extract<T.TokenPayload, { kind: 'string' }>).value,
    ];
    for (const part of more) appendPart(parts, part);
  }
  return { kind: 'fstring', parts, quote, ...(raw ? { raw: true } : {}), span: where };
}

export function fstring($: ParserHost): FStringLiteral {
  const start = $.CONSUME(T.FStringStart);
  const parts = $.SUBRULE($.fstringParts);
  const end = $.CONSUME(T.FStringEnd);
  return $.ACTION(() => {
    const p = payloadOf(start) as Extract<T.TokenPayload, { kind: 'fstringStart' }>;
    return { parts, quote: p.quote, raw: p.raw, span: spanOf(start, end) };
  }) as FStringLiteral;
}

export function fstringParts($: ParserHost): FStringPart[] {
  if ($.RECORDING_PHASE) {
    $.MANY(() => {
      $.OR([{ ALT: () => $.CONSUME(T.FStringMiddle) }, { ALT: () => $.CONSUME(T.FExprStart) }]);
    });
    return [];
  }
  const parts: FStringPart[] = [];
  for (;;) {
    const t = $.LA(1);
    if (t.tokenType === T.FStringMiddle) {
      $.SKIP_TOKEN();
      appendPart(parts, (payloadOf(t) as Extract<T.TokenPayload, { kind: 'text' }>).value);
    } else if (t.tokenType === T.FExprStart) {
      $.SKIP_TOKEN();
      interpolation($, parts);
    } else return parts;
  }
}

/** After `{`: expression, `=`, `!r`, `:spec`, `}` — recovering at the `}`. */
function interpolation($: ParserHost, parts: FStringPart[]): void {
  const open = $.LA(0);
  const start = $.LA(1);
  try {
    const expression = $.SUBRULE($.starExpressions);
    let debug: IToken | undefined;
    if ($.LA(1).tokenType === T.FDebug) {
      debug = $.LA(1);
      $.SKIP_TOKEN();
    }
    let conversion: 'r' | 's' | 'a' | undefined;
    if ($.LA(1).tokenType === T.FConversion) {
      conversion = $.LA(1).image.slice(1) as 'r' | 's' | 'a';
      $.SKIP_TOKEN();
    }
    let formatSpec: FStringPart[] | undefined;
    if ($.LA(1).tokenType === T.FSpecStart) {
      $.SKIP_TOKEN();
      formatSpec = $.SUBRULE($.fstringParts);
    }
    const close = $.CONSUME(T.FExprEnd);
    if (debug !== undefined) {
      // `{x=}`: the expression's text (with the `=` and spaces) then its repr, as Python does.
      appendPart(parts, $.state.src.slice((open.endOffset ?? open.startOffset) + 1, (debug.endOffset ?? debug.startOffset) + 1));
      if (conversion === undefined && formatSpec === undefined) conversion = 'r';
    }
    const node: { -readonly [K in keyof FStringInterpolation]: FStringInterpolation[K] } = {
      kind: 'interpolation',
      expression,
      span: spanOf(open, close),
    };
    if (conversion !== undefined) node.conversion = conversion;
    if (formatSpec !== undefined) node.formatSpec = formatSpec;
    parts.push(node);
  } catch (e) {
    if (!isCaught($, e)) throw e;
    const before = $.LA(0);
    const last = skipUntil($, new Set([T.FExprEnd]), false);
    reportCaught($, e, before, start.startOffset, (last ?? start).startOffset + 1);
    const close = $.LA(1).tokenType === T.FExprEnd ? $.LA(1) : undefined;
    if (close !== undefined) $.SKIP_TOKEN();
    const text = textOf($, start, last);
    parts.push({
      kind: 'interpolation',
      expression: { kind: 'error', text, span: spanOf(start, last ?? start) },
      span: spanOf(open, close ?? last ?? open),
    });
  }
}

function appendPart(parts: FStringPart[], part: FStringPart): void {
  if (typeof part === 'string') {
    if (part.length === 0) return;
    const last = parts[parts.length - 1];
    if (typeof last === 'string') {
      parts[parts.length - 1] = last + part;
      return;
    }
  }
  parts.push(part);
}
