/**
 * The lexer's state and its primitives: the position, the tokens and comments read so far, the stack of open
 * contexts (brackets, f-strings, interpolations, format specs), the indentation levels, the recovery budget,
 * and pushing tokens and reporting problems at positions. The scanning itself lives in the other modules of
 * this folder, as functions taking the state.
 */
import type { TokenType } from 'chevrotain';
import type { SourcePosition } from '../../diagnostics/diagnostic.js';
import type { Comment } from '../../syntax/ast.js';
import { codePointAt, codePointLength, isIdentifierContinue } from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { position, type Reporter, span } from '../reporter.js';
import * as T from '../tokens.js';
import type { Token, TokenPayload } from '../tokens.js';

export interface LexOptions {
  /** Most tokens read before giving up with SC4191 (memory bound for huge inputs). */
  readonly maxTokens: number;
  /** Most brackets and f-string levels open at once (SC4190 beyond). */
  readonly maxNesting: number;
  /** Most indentation levels (Python allows 100). */
  readonly maxIndent: number;
}

export interface LexResult {
  readonly tokens: Token[];
  readonly comments: Comment[];
  /** Parallel to `comments`: the comment is alone on its line (not after code). */
  readonly ownLine: boolean[];
  /** Offsets of text read as unquoted text (bare text), as [from, to) ranges. */
  readonly bareTextRanges: [number, number][];
  /** Where the input ends (its last line and column). */
  readonly end: SourcePosition;
}

class LexToken implements Token {
  isInsertedInRecovery = false;
  /** Source positions, made once per token for the nodes that start or end at it. */
  startPosition: SourcePosition | undefined = undefined;
  endPosition: SourcePosition | undefined = undefined;
  constructor(
    public tokenType: TokenType,
    public tokenTypeIdx: number,
    public image: string,
    public startOffset: number,
    public endOffset: number,
    public startLine: number,
    public startColumn: number,
    public endLine: number,
    public endColumn: number,
    public payload: TokenPayload | undefined,
    public readonly index: number,
  ) {}
}

export interface BracketContext {
  readonly kind: 'bracket';
  /** Char code of the closing bracket. */
  readonly close: number;
  readonly openOffset: number;
  readonly openLine: number;
  readonly openColumn: number;
  readonly openLineStart: number;
  /** Index of the opening bracket's token. */
  readonly openToken: number;
  /** Comments before the opening bracket. */
  readonly openComments: number;
  /** A list, dictionary or set display (not a call, subscript or parenthesis): elements may be bare text. */
  readonly literal: boolean;
  /** Token index and position where the current element starts. */
  elementToken: number;
  elementOffset: number;
  elementLine: number;
  elementLineStart: number;
  /** In a `{…}`: the current element is a key (before its `:`). */
  isKey: boolean;
  /** Comments before the current element. */
  elementComments: number;
  /** Offset of a `#` stuck to the current element's text (`https://x.com/#part`), or -1. */
  hashInElement: number;
  /** In a call's `(…)`: where the value of the current `Key=value` argument starts (-1: none), and the lexer state there. */
  valueStart: number;
  valueToken: number;
  valueLine: number;
  valueLineStart: number;
}

export interface FStringContext {
  readonly kind: 'fstring';
  readonly quote: number;
  readonly triple: boolean;
  readonly raw: boolean;
  readonly startOffset: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly bodyStart: number;
  readonly lineStart: number;
  readonly tokenIndex: number;
  /**
   * Where the text ends, found first as Python 3.11 does (the first unescaped
   * closing quote; for one-line f-strings at the latest the end of the line),
   * so a broken interpolation cannot run past its f-string.
   */
  readonly limit: number;
  /** `limit` is the closing quote (not the end of the line or input). */
  readonly terminated: boolean;
  /** `{` read as text not yet matched by a `}` (which is then text too, without a warning). */
  openLiteral: number;
}

export interface InterpolationContext {
  readonly kind: 'interp';
  readonly fstring: FStringContext;
  readonly openOffset: number;
  readonly openLine: number;
  readonly openColumn: number;
  /** Where to restart if the interpolation cannot be read (its `{` is then text): lexer state at the `{`. */
  readonly lineStart: number;
  readonly tokenIndex: number;
  readonly commentCount: number;
}

export interface SpecContext {
  readonly kind: 'spec';
  readonly fstring: FStringContext;
}

export type Context = BracketContext | FStringContext | InterpolationContext | SpecContext;

interface Checkpoint {
  readonly pos: number;
  readonly line: number;
  readonly lineStart: number;
  readonly tokens: number;
  readonly comments: number;
  readonly contexts: Context[];
}

export interface IndentLevel {
  readonly col: number;
  readonly alt: number;
  /** Pushed without an INDENT token (recovery), so popped without a DEDENT. */
  readonly silent: boolean;
}

/** Char codes of the closing brackets. */
export const CLOSE_PAREN = 41;
export const CLOSE_BRACKET = 93;
export const CLOSE_BRACE = 125;

export class LexerState {
  pos = 0;
  line = 1;
  lineStart = 0;
  readonly tokens: Token[] = [];
  readonly comments: Comment[] = [];
  readonly ownLine: boolean[] = [];
  readonly bareTextRanges: [number, number][] = [];
  contexts: Context[] = [];
  readonly indents: IndentLevel[] = [{ col: 0, alt: 0, silent: false }];
  atLineStart = true;
  lineHasTokens = false;
  physicalLineHasCode = false;
  /** Indentation column of the current logical line. */
  statementIndent = 0;
  checkpoint: Checkpoint | undefined;
  /** Re-reading text (recovery) is paid from this; when it runs out, recovery stops re-reading. */
  budget: number;
  /** An unterminated string broke this line: close every open context at its end, silently. */
  abandonLine = false;
  truncated = false;
  reportedIndentLimit = false;
  /** Where the innermost f-string's text ends (its closing quote, or the end of its line or of the input): nothing is read past it. */
  end: number;
  /** Names starting with a digit that the file assigns at the start of a line (`1n = …`), found when first needed. */
  digitNames: Set<string> | undefined;
  /** Statement keywords the file assigns at the start of a line (`break = …`), found when first needed. */
  assignedKeywords: Set<string> | undefined;
  /** Offsets of `#` that are text inside unquoted list or dictionary elements (`retryHashAsText`). */
  readonly hashAsText = new Set<number>();
  /** Offsets of `{` in f-strings that start no readable interpolation: read as text (SC4027, SC4028). */
  readonly literalBraces = new Set<number>();

  constructor(
    readonly src: string,
    readonly reporter: Reporter,
    readonly options: LexOptions,
  ) {
    this.budget = 4 * src.length + 100_000;
    this.end = src.length;
  }

  pushContext(ctx: Context): void {
    this.contexts.push(ctx);
    if (ctx.kind === 'fstring') this.end = ctx.limit;
  }

  popContext(): Context | undefined {
    const ctx = this.contexts.pop();
    if (ctx !== undefined && ctx.kind === 'fstring') this.updateEnd();
    return ctx;
  }

  truncateContexts(length: number): void {
    this.contexts.length = length;
    this.updateEnd();
  }

  updateEnd(): void {
    this.end = this.src.length;
    for (let i = this.contexts.length - 1; i >= 0; i--) {
      const ctx = this.contexts[i] as Context;
      if (ctx.kind === 'fstring') {
        this.end = ctx.limit;
        return;
      }
    }
  }

  endPosition(): SourcePosition {
    const len = this.src.length;
    if (!this.truncated) return position(this.line, len - this.lineStart + 1, len);
    // Lexing stopped early: count the remaining lines.
    let line = this.line;
    let lineStart = this.lineStart;
    for (let i = this.pos; i < len; i++) {
      const c = this.src.charCodeAt(i);
      if (c === 10 || (c === 13 && this.src.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    return position(line, len - lineStart + 1, len);
  }

  push(
    type: TokenType,
    start: number,
    end: number,
    payload?: TokenPayload,
    startLine = this.line,
    startColumn = start - this.lineStart + 1,
    image = this.src.slice(start, end),
  ): Token {
    const token = new LexToken(
      type,
      type.tokenTypeIdx as number,
      image,
      start,
      end - 1,
      startLine,
      startColumn,
      this.line,
      end - this.lineStart,
      payload,
      this.tokens.length,
    );
    this.tokens.push(token);
    if (type !== T.Newline && type !== T.Indent && type !== T.Dedent) {
      this.lineHasTokens = true;
      this.physicalLineHasCode = true;
    }
    if (this.tokens.length + this.comments.length >= this.options.maxTokens && !this.truncated) this.tooManyTokens(end);
    return token;
  }

  tooManyTokens(at: number): void {
    this.truncated = true;
    this.report(
      D.tooLarge,
      `the input has more than ${this.options.maxTokens.toLocaleString('en')} tokens and comments; the rest of it is not read`,
      at,
      at,
      'split the program into smaller files',
    );
  }

  /** A span on the current line (or from an earlier remembered position). */
  here(start: number, end: number, startLine = this.line, startColumn = start - this.lineStart + 1) {
    return span(position(startLine, startColumn, start), position(this.line, end - this.lineStart + 1, end));
  }

  report(
    definition: (typeof D)[keyof typeof D],
    message: string,
    start: number,
    end: number,
    suggestion?: string,
    startLine?: number,
    startColumn?: number,
  ): void {
    this.reporter.add(definition, message, this.here(start, end, startLine, startColumn), suggestion);
  }

  newPhysicalLine(at: number): void {
    this.line++;
    this.lineStart = at;
    this.physicalLineHasCode = false;
  }

  /** Where the line holding `from` ends (its `\r` or `\n`, or the end of the input). */
  endOfLine(from: number): number {
    const src = this.src;
    for (let p = from; p < src.length; p++) {
      const c = src.charCodeAt(p);
      if (c === 10 || c === 13) return p;
    }
    return src.length;
  }

  scanIdentifier(from: number): number {
    const src = this.src;
    let p = from;
    while (p < src.length) {
      const c = src.charCodeAt(p);
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57)) {
          p++;
          continue;
        }
        break;
      }
      const cp = codePointAt(src, p);
      if (!isIdentifierContinue(cp)) break;
      p += codePointLength(cp);
    }
    return p;
  }

  /**
   * Forgets what was lexed from `offset` on, to read it again (recovery): the
   * tokens after the first `tokens`, the comments after the first `comments`,
   * and the reports and bare-text ranges from `offset`. The caller moves the
   * position and the contexts itself, each recovery in its own way.
   */
  discardFrom(offset: number, tokens: number, comments: number): void {
    this.tokens.length = tokens;
    this.comments.length = comments;
    this.ownLine.length = comments;
    this.reporter.withdrawFrom(offset);
    this.bareTextRangesFrom(offset);
  }

  bareTextRangesFrom(offset: number): void {
    while (this.bareTextRanges.length > 0 && (this.bareTextRanges[this.bareTextRanges.length - 1] as [number, number])[0] >= offset)
      this.bareTextRanges.pop();
  }
}
