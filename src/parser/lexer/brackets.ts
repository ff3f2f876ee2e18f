/**
 * Operators and brackets: one-, two- and three-character operators, opening and closing brackets
 * (with the element and keyword-value bookkeeping that unquoted-text recovery needs), and the nesting limit.
 */
import type { TokenType } from 'chevrotain';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { position, span } from '../reporter.js';
import * as T from '../tokens.js';
import type { Token } from '../tokens.js';
import { tryBareText, tryKeywordValueText } from './bare-text.js';
import { invalid, invalidRun } from './code.js';
import { recoverInInterpolation } from './interpolation-recovery.js';
import { type BracketContext, CLOSE_BRACE, CLOSE_BRACKET, CLOSE_PAREN, type Context, type LexerState } from './state.js';
import { looksLikeStatement, maybeCheckpoint, reportUnclosed, restoreCheckpoint } from './unclosed-brackets.js';

export const SINGLE_CHAR_TOKENS: ReadonlyMap<number, TokenType> = new Map([
  [charCode('('), T.LParen],
  [charCode(')'), T.RParen],
  [charCode('['), T.LBracket],
  [charCode(']'), T.RBracket],
  [charCode('{'), T.LBrace],
  [charCode('}'), T.RBrace],
  [charCode(','), T.Comma],
  [charCode(':'), T.Colon],
  [charCode(';'), T.Semicolon],
  [charCode('.'), T.Dot],
  [charCode('='), T.Assign],
  [charCode('+'), T.Plus],
  [charCode('-'), T.Minus],
  [charCode('*'), T.Star],
  [charCode('/'), T.Slash],
  [charCode('%'), T.Percent],
  [charCode('@'), T.At],
  [charCode('&'), T.Ampersand],
  [charCode('|'), T.Pipe],
  [charCode('^'), T.Caret],
  [charCode('~'), T.Tilde],
  [charCode('<'), T.Less],
  [charCode('>'), T.Greater],
]);

const TWO_CHAR: ReadonlyMap<number, TokenType> = new Map(
  (
    [
      ['**', T.DoubleStar],
      ['//', T.DoubleSlash],
      ['<<', T.LeftShift],
      ['>>', T.RightShift],
      ['<=', T.LessEqual],
      ['>=', T.GreaterEqual],
      ['==', T.EqualEqual],
      ['!=', T.NotEqual],
      ['->', T.Arrow],
      [':=', T.Walrus],
      ['+=', T.PlusAssign],
      ['-=', T.MinusAssign],
      ['*=', T.StarAssign],
      ['/=', T.SlashAssign],
      ['%=', T.PercentAssign],
      ['@=', T.AtAssign],
      ['&=', T.AmpersandAssign],
      ['|=', T.PipeAssign],
      ['^=', T.CaretAssign],
    ] as const
  ).map(([s, t]) => [charCode(s) * 256 + s.charCodeAt(1), t]),
);

const THREE_CHAR: ReadonlyMap<number, TokenType> = new Map(
  (
    [
      ['**=', T.DoubleStarAssign],
      ['//=', T.DoubleSlashAssign],
      ['<<=', T.LeftShiftAssign],
      ['>>=', T.RightShiftAssign],
      ['...', T.Ellipsis],
    ] as const
  ).map(([s, t]) => [charCode(s) * 65536 + s.charCodeAt(1) * 256 + s.charCodeAt(2), t]),
);

export function operator(lx: LexerState, c: number, width: number): void {
  const src = lx.src;
  const p = lx.pos;
  if (c === 40 || c === 91 || c === 123) {
    open(lx, c, p, width);
    return;
  }
  if (c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
    close(lx, c, p, width);
    return;
  }
  if (width === 1) {
    const c1 = src.charCodeAt(p + 1);
    const c2 = src.charCodeAt(p + 2);
    const three = THREE_CHAR.get(c * 65536 + c1 * 256 + c2);
    if (three !== undefined && c2 < 256 && c1 < 256) {
      lx.push(three, p, p + 3);
      lx.pos = p + 3;
      return;
    }
    const two = c1 < 256 ? TWO_CHAR.get(c * 256 + c1) : undefined;
    if (two !== undefined) {
      lx.push(two, p, p + 2);
      lx.pos = p + 2;
      return;
    }
  }
  const one = SINGLE_CHAR_TOKENS.get(c);
  if (one === undefined) {
    invalidRun(lx, p);
    return;
  }
  lx.push(one, p, p + width);
  lx.pos = p + width;
  const top = lx.contexts[lx.contexts.length - 1];
  if (top !== undefined && top.kind === 'bracket') {
    if (top.literal) {
      if (c === 44) startElement(lx, top, top.close === CLOSE_BRACE);
      else if (c === 58 && top.close === CLOSE_BRACE && top.isKey) startElement(lx, top, false);
    } else if (top.close === CLOSE_PAREN) {
      if (c === 44) top.valueStart = -1;
      else if (c === 61) startKeywordValue(lx, top);
    }
  }
}

/** After `(Name=` or `, Name=`: remember where the value starts (for `tryKeywordValueText`). */
function startKeywordValue(lx: LexerState, ctx: BracketContext): void {
  const n = lx.tokens.length;
  const name = lx.tokens[n - 2];
  const before = lx.tokens[n - 3];
  if (name === undefined || name.tokenType !== T.Name || (before?.tokenType !== T.LParen && before?.tokenType !== T.Comma)) return;
  let p = lx.pos;
  while (lx.src.charCodeAt(p) === 32 || lx.src.charCodeAt(p) === 9) p++;
  ctx.valueStart = p;
  ctx.valueToken = n;
  ctx.valueLine = lx.line;
  ctx.valueLineStart = lx.lineStart;
}

export function startElement(lx: LexerState, ctx: BracketContext, isKey: boolean): void {
  ctx.elementToken = lx.tokens.length;
  ctx.elementOffset = lx.pos;
  ctx.elementLine = lx.line;
  ctx.elementLineStart = lx.lineStart;
  ctx.isKey = isKey;
  ctx.elementComments = lx.comments.length;
  ctx.hashInElement = -1;
}

function open(lx: LexerState, c: number, p: number, width: number): void {
  if (lx.contexts.length >= lx.options.maxNesting) {
    tooDeep(lx, p);
    return;
  }
  const prev = lx.tokens[lx.tokens.length - 1];
  const type = c === 40 ? T.LParen : c === 91 ? T.LBracket : T.LBrace;
  // `x[…]` is a subscript, `[…]` after an operator a list: only literals hold bare text.
  const literal = c === 123 || (c === 91 && (prev === undefined || !lx.lineHasTokens || !endsOperand(prev)));
  const startLine = lx.line;
  const startColumn = p - lx.lineStart + 1;
  const openToken = lx.tokens.length;
  lx.push(type, p, p + width);
  lx.pos = p + width;
  const ctx: BracketContext = {
    kind: 'bracket',
    close: c === 40 ? CLOSE_PAREN : c === 91 ? CLOSE_BRACKET : CLOSE_BRACE,
    openOffset: p,
    openLine: startLine,
    openColumn: startColumn,
    openLineStart: lx.lineStart,
    openToken,
    openComments: lx.comments.length,
    literal,
    elementToken: 0,
    elementOffset: 0,
    elementLine: 0,
    elementLineStart: 0,
    isKey: c === 123,
    elementComments: 0,
    hashInElement: -1,
    valueStart: -1,
    valueToken: 0,
    valueLine: 0,
    valueLineStart: 0,
  };
  startElement(lx, ctx, c === 123);
  lx.pushContext(ctx);
}

function close(lx: LexerState, c: number, p: number, width: number): void {
  const type = c === CLOSE_PAREN ? T.RParen : c === CLOSE_BRACKET ? T.RBracket : T.RBrace;
  let match = -1;
  for (let i = lx.contexts.length - 1; i >= 0; i--) {
    const ctx = lx.contexts[i] as Context;
    if (ctx.kind !== 'bracket') break;
    if (ctx.close === c) {
      match = i;
      break;
    }
  }
  if (match < 0 && c === CLOSE_BRACE) {
    let i = lx.contexts.length - 1;
    while (i >= 0 && (lx.contexts[i] as Context).kind === 'bracket') i--;
    if (i >= 0 && (lx.contexts[i] as Context).kind === 'interp') {
      // `f'{x[1}'`: the interpolation ends; the brackets inside it were never closed.
      if (recoverInInterpolation(lx, 'a bracket in it is never closed')) return;
      reportUnclosed(lx, lx.contexts.slice(i + 1) as BracketContext[]);
      while (lx.contexts.length - 1 > i) lx.push(closerType((lx.popContext() as BracketContext).close), p, p);
      lx.popContext();
      lx.push(T.FExprEnd, p, p + width);
      lx.pos = p + width;
      return;
    }
  }
  if (match !== lx.contexts.length - 1 && lx.contexts.every((ctx) => ctx.kind === 'bracket') && restoreCheckpoint(lx, p)) return;
  if (match < 0) {
    if (tryBareText(lx)) return;
    invalid(lx, p, p + width, D.unmatchedBracket, `'${String.fromCharCode(c)}' does not close any open bracket`, 'remove it');
    return;
  }
  if (lx.contexts.length - 1 > match && (tryKeywordValueText(lx) || recoverInInterpolation(lx, 'a bracket in it is never closed'))) return;
  while (lx.contexts.length - 1 > match) {
    const inner = lx.popContext() as BracketContext;
    lx.reporter.add(
      D.unclosedBracket,
      `'${String.fromCharCode(openerOf(inner.close))}' is never closed: '${String.fromCharCode(c)}' closes an outer bracket first`,
      span(
        position(inner.openLine, inner.openColumn, inner.openOffset),
        position(inner.openLine, inner.openColumn + 1, inner.openOffset + 1),
      ),
      `add '${String.fromCharCode(inner.close)}' before '${String.fromCharCode(c)}'`,
    );
    lx.push(closerType(inner.close), p, p);
  }
  lx.popContext();
  lx.push(type, p, p + width);
  lx.pos = p + width;
  if (lx.contexts.length === 0) lx.checkpoint = undefined;
}

/** Past the nesting limit: one diagnostic, and the whole bracketed text becomes one Invalid token. */
export function tooDeep(lx: LexerState, p: number): void {
  const src = lx.src;
  const startLine = lx.line;
  const startColumn = p - lx.lineStart + 1;
  let depth = 0;
  let q = p;
  let atStatement = false;
  while (q < lx.end) {
    const c = src.charCodeAt(q);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) {
        q++;
        break;
      }
    } else if (c === 10 || (c === 13 && src.charCodeAt(q + 1) !== 10)) {
      lx.newPhysicalLine(q + 1);
      // Never closed: the rest of the statement ends where a new statement seems to begin.
      if (looksLikeStatement(lx, q + 1)) {
        q++;
        atStatement = true;
        break;
      }
    }
    q++;
  }
  lx.reporter.add(
    D.tooDeep,
    `brackets and f-strings nested more than ${lx.options.maxNesting} deep`,
    span(position(startLine, startColumn, p), position(startLine, startColumn + 1, p + 1)),
    'flatten the expression',
  );
  lx.push(T.Invalid, p, q, undefined, startLine, startColumn);
  lx.pos = q;
  if (atStatement) maybeCheckpoint(lx);
}

/** Closes every open context with zero-width tokens, without reporting (the line's problem is reported). */
export function closeAllSilently(lx: LexerState, at: number): void {
  while (lx.contexts.length > 0) {
    const ctx = lx.popContext() as Context;
    if (ctx.kind === 'bracket') lx.push(closerType(ctx.close), at, at);
    else if (ctx.kind === 'fstring') lx.push(T.FStringEnd, at, at);
    else if (ctx.kind === 'spec') {
      lx.popContext();
      lx.push(T.FExprEnd, at, at);
    } else lx.push(T.FExprEnd, at, at);
  }
  lx.checkpoint = undefined;
}

function charCode(s: string): number {
  return s.charCodeAt(0);
}

function endsOperand(token: Token): boolean {
  const t = token.tokenType;
  return (
    t === T.Name ||
    t === T.NumberToken ||
    t === T.StringToken ||
    t === T.FStringEnd ||
    t === T.RParen ||
    t === T.RBracket ||
    t === T.RBrace ||
    t === T.True ||
    t === T.False ||
    t === T.None ||
    t === T.BareText
  );
}

export function openerOf(close: number): number {
  return close === CLOSE_PAREN ? 40 : close === CLOSE_BRACKET ? 91 : 123;
}

export function closerType(close: number): TokenType {
  return close === CLOSE_PAREN ? T.RParen : close === CLOSE_BRACKET ? T.RBracket : T.RBrace;
}
