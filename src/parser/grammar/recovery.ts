/**
 * Reporting and recovery: errors and warnings (one per stretch of text, none where the lexer already
 * reported one), what caught exceptions mean, skipping to a synchronisation token, the nesting limit.
 */
import { EOF, type IRecognitionException, isRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { span } from '../reporter.js';
import * as T from '../tokens.js';
import type { Token } from '../tokens.js';
import type { ParserHost } from './host.js';
import { describeToken } from './messages.js';
import { CLOSERS, LAYOUT, OPENERS } from './token-sets.js';
import { spanOf } from './token-spans.js';

/** Thrown when nesting passes the limit; reported where it is thrown. */
export class NestingLimit {
  readonly reason = 'nesting limit';
}

/**
 * A syntax error found by a quick check before chevrotain would have found it
 * (chevrotain's own "no viable alternative" error computes every expected
 * path, which is costly on model output full of mistakes).
 */
export class Expected {
  constructor(
    readonly token: IToken,
    readonly message: string,
  ) {}
}

export function error($: ParserHost, definition: (typeof D)[keyof typeof D], message: string, where: SourceSpan, suggestion?: string): void {
  $.state.reporter.add(definition, message, where, suggestion);
  if (definition.severity === 'error') $.lastError = Math.max($.lastError, where.start.offset);
}

export function warn($: ParserHost, definition: (typeof D)[keyof typeof D], message: string, where: SourceSpan, suggestion?: string): void {
  $.state.reporter.add(definition, message, where, suggestion);
}

export function lexErrorIn($: ParserHost, from: number, to: number): boolean {
  const offsets = $.state.lexErrors;
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && (offsets[lo] as number) < to;
}

/** Reports a caught parse error unless this stretch of text already has one. */
export function reportCaught($: ParserHost, e: unknown, before: IToken, unitStart: number, resyncEnd: number): void {
  if (e instanceof NestingLimit) return;
  const err = e as IRecognitionException | Expected;
  const token = err.token;
  if (token.tokenType === T.Invalid) return;
  if ($.lastError >= unitStart || lexErrorIn($, unitStart, Math.max(resyncEnd, unitStart + 1))) return;
  const at = token.tokenType === EOF ? endOfInputSpan($) : spanOf(token, token);
  error($, D.syntaxError, err.message, at, suggestionFor($, token, before) ?? genericSuggestion(err.message));
}

function endOfInputSpan($: ParserHost): SourceSpan {
  return span($.state.end, $.state.end);
}

function suggestionFor($: ParserHost, token: IToken, before: IToken): string | undefined {
  const previous = before as Token;
  const opened =
    previous.tokenType === T.StringToken && previous.startLine < previous.endLine
      ? previous.startLine
      : previous.payload?.kind === 'end'
        ? previous.payload.startLine
        : undefined;
  if (opened !== undefined && opened < previous.endLine) {
    return `the multi-line string that ends just before this opened on line ${opened}: check that its closing quotes are where you meant`;
  }
  const type = token.tokenType;
  if (type === T.Assign) return "use '==' to compare; 'name=value' only passes an argument inside a call";
  if ((type === T.Name || type === T.NumberToken || type === T.StringToken) && previous.tokenType !== T.Newline) {
    return "separate items with ',', or put text in quotes";
  }
  if (type === T.Newline && previous.tokenType !== T.Colon) return undefined;
  return undefined;
}

export function isCaught($: ParserHost, e: unknown): boolean {
  return e instanceof NestingLimit || e instanceof Expected || (e instanceof Error && isRecognitionException(e));
}

export function expected($: ParserHost, what: string): Expected {
  const token = $.LA(1);
  return new Expected(token, `expected ${what}, found ${describeToken(token)}`);
}

/**
 * Skips tokens until one of `stops` at bracket depth 0 (not consumed), or
 * the end of the line or input. Returns the last skipped token.
 */
export function skipUntil($: ParserHost, stops: ReadonlySet<TokenType>, stopAtNewline = true, stopAtCloser = true): IToken | undefined {
  let depth = 0;
  let last: IToken | undefined;
  for (;;) {
    const t = $.LA(1);
    const type = t.tokenType;
    if (type === EOF) return last;
    if (depth === 0 && stops.has(type)) return last;
    if (depth === 0 && stopAtNewline && LAYOUT.has(type)) return last;
    if (OPENERS.has(type)) depth++;
    else if (CLOSERS.has(type)) {
      if (depth === 0 && stopAtCloser) return last;
      depth = Math.max(0, depth - 1);
    }
    last = t;
    $.SKIP_TOKEN();
  }
}

export function textOf($: ParserHost, first: IToken, last: IToken | undefined): string {
  if (last === undefined || last.startOffset < first.startOffset) return '';
  return $.state.src.slice(first.startOffset, (last.endOffset ?? last.startOffset) + 1);
}

export function enter($: ParserHost, at: IToken): void {
  if (++$.depth > $.state.maxDepth) {
    $.depth--;
    if ($.lastError < at.startOffset) {
      error($, D.tooDeep, `expression nested more than ${$.state.maxDepth} levels deep`, spanOf(at, at), 'flatten the expression');
    }
    throw new NestingLimit();
  }
}

/** A fix for a syntax error no more specific rule explains, from what was expected. */
function genericSuggestion(message: string): string {
  if (message.startsWith('expected a statement')) return 'this line is not code: if it is text, move it inside the string it belongs to (check the quotes of the lines above); otherwise remove it';
  if (message.startsWith('expected an expression')) return 'write a value here (a variable, a string in quotes, a number), or remove what stands here';
  if (message.startsWith('expected the end of the line')) return "end the statement before this: separate items with ',', or put text in quotes";
  const expected = /^expected ('[^']+')/.exec(message);
  if (expected !== null) return `write ${expected[1]} here`;
  return 'correct the code at this point';
}
