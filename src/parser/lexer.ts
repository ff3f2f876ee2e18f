/**
 * The lexer: source text → chevrotain tokens, comments and lexical diagnostics.
 *
 * A hand-tuned scanner rather than chevrotain's regex-driven `Lexer`, because
 * almost every hard part of this dialect is context: indentation (INDENT /
 * DEDENT from a per-line pre-pass, Python's tab rules), implicit line joining
 * inside brackets, f-strings whose interpolations hold code with nested
 * strings (a mode stack, tokenised like PEP 701), the hyphen rule for
 * `is_workflow_actions_display_always-on_set(` and `Show-text=True`, unquoted
 * text inside list and dictionary literals, and recovery that re-reads text
 * (an unterminated `'''` string resumes at the end of its line; an unclosed
 * bracket closes before the first line that looks like a new statement).
 * It produces real chevrotain `IToken`s of the types in `tokens.ts`.
 *
 * Every loop advances `pos` or pops a context, every re-read is paid for from
 * a work budget proportional to the input, and nesting is capped, so hostile
 * input costs linear time and bounded stack.
 */
import type { TokenType } from 'chevrotain';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { Comment, QuoteStyle } from '../syntax/ast.js';
import {
  codePointAt,
  codePointLength,
  fullWidthPunctuation,
  isDigit,
  isHexDigit,
  isIdentifierContinue,
  isIdentifierStart,
  isUnusualSpace,
  showCharacter,
} from './chars.js';
import { syntaxDiagnostics as D } from './diagnostics.js';
import { decodeEscape } from './escapes.js';
import { rawConditionEnd, rawValueEnd, startsRawText } from './raw-values.js';
import { position, span, type Reporter } from './reporter.js';
import * as T from './tokens.js';
import type { Token, TokenPayload } from './tokens.js';

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

interface BracketContext {
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

interface FStringContext {
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

interface InterpolationContext {
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

interface SpecContext {
  readonly kind: 'spec';
  readonly fstring: FStringContext;
}

type Context = BracketContext | FStringContext | InterpolationContext | SpecContext;

interface Checkpoint {
  readonly pos: number;
  readonly line: number;
  readonly lineStart: number;
  readonly tokens: number;
  readonly comments: number;
  readonly contexts: Context[];
}

interface IndentLevel {
  readonly col: number;
  readonly alt: number;
  /** Pushed without an INDENT token (recovery), so popped without a DEDENT. */
  readonly silent: boolean;
}

const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
const LINE_END = /[\r\n]/g;
/** What may follow a property name with spaces: closing brackets, separators, operators. */
const SPACED_PROPERTY_FOLLOWERS = ')]},:!.[=<>+-*/%&|^;';
/** Characters that stop a run of plain string content (the rest is copied as it is). */
const STRING_STOP_SINGLE = /[\\\r\n\0']/g;
const STRING_STOP_DOUBLE = /[\\\r\n\0"]/g;
/** Keywords that may follow an operand (`'a' if x else 'b'`, `'a' in x`). */
const KEYWORDS_AFTER_OPERAND = new Set(['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']);
/** Keywords a number may be directly followed by (`1if x else 2` is valid Python). */
const KEYWORDS_AFTER_NUMBER = new Set(['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']);
const STATEMENT_KEYWORDS = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'match',
  'case',
  'def',
  'class',
  'return',
  'pass',
  'import',
  'from',
  'with',
  'try',
  'except',
  'finally',
  'raise',
  'del',
  'global',
  'nonlocal',
  'assert',
  'break',
  'continue',
  'async',
]);

const CLOSE_PAREN = 41;
const CLOSE_BRACKET = 93;
const CLOSE_BRACE = 125;

export function lex(src: string, reporter: Reporter, options: LexOptions): LexResult {
  return new Lexer(src, reporter, options).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly tokens: Token[] = [];
  private readonly comments: Comment[] = [];
  private readonly ownLine: boolean[] = [];
  private readonly bareTextRanges: [number, number][] = [];
  private contexts: Context[] = [];
  private readonly indents: IndentLevel[] = [{ col: 0, alt: 0, silent: false }];
  private atLineStart = true;
  private lineHasTokens = false;
  private physicalLineHasCode = false;
  /** Indentation column of the current logical line. */
  private statementIndent = 0;
  private checkpoint: Checkpoint | undefined;
  /** Re-reading text (recovery) is paid from this; when it runs out, recovery stops re-reading. */
  private budget: number;
  /** An unterminated string broke this line: close every open context at its end, silently. */
  private abandonLine = false;
  private truncated = false;
  private reportedIndentLimit = false;
  /** Where the innermost f-string's text ends (its closing quote, or the end of its line or of the input): nothing is read past it. */
  private end: number;
  /** Names starting with a digit that the file assigns at the start of a line (`1n = …`), found when first needed. */
  private digitNames: Set<string> | undefined;
  /** Offsets of `#` that are text inside unquoted list or dictionary elements (`retryHashAsText`). */
  private readonly hashAsText = new Set<number>();
  /** Offsets of `{` in f-strings that start no readable interpolation: read as text (SC4027, SC4028). */
  private readonly literalBraces = new Set<number>();

  constructor(
    private readonly src: string,
    private readonly reporter: Reporter,
    private readonly options: LexOptions,
  ) {
    this.budget = 4 * src.length + 100_000;
    this.end = src.length;
  }

  private pushContext(ctx: Context): void {
    this.contexts.push(ctx);
    if (ctx.kind === 'fstring') this.end = ctx.limit;
  }

  private popContext(): Context | undefined {
    const ctx = this.contexts.pop();
    if (ctx !== undefined && ctx.kind === 'fstring') this.updateEnd();
    return ctx;
  }

  private truncateContexts(length: number): void {
    this.contexts.length = length;
    this.updateEnd();
  }

  private updateEnd(): void {
    this.end = this.src.length;
    for (let i = this.contexts.length - 1; i >= 0; i--) {
      const ctx = this.contexts[i] as Context;
      if (ctx.kind === 'fstring') {
        this.end = ctx.limit;
        return;
      }
    }
  }

  run(): LexResult {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    const len = this.src.length;
    for (;;) {
      while (this.pos < len && !this.truncated) {
        if (this.atLineStart) {
          this.lineStartIndentation();
          continue;
        }
        const top = this.contexts[this.contexts.length - 1];
        if (top !== undefined && top.kind === 'fstring') this.fstringText(top);
        else if (top !== undefined && top.kind === 'spec') this.specText(top);
        else this.code(top);
      }
      if (!this.endOfInput()) break;
    }
    return {
      tokens: this.tokens,
      comments: this.comments,
      ownLine: this.ownLine,
      bareTextRanges: this.bareTextRanges,
      end: this.endPosition(),
    };
  }

  private endPosition(): SourcePosition {
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

  // ─── Tokens and positions ─────────────────────────────────────────────────

  private push(
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

  private tooManyTokens(at: number): void {
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
  private here(start: number, end: number, startLine = this.line, startColumn = start - this.lineStart + 1) {
    return span(position(startLine, startColumn, start), position(this.line, end - this.lineStart + 1, end));
  }

  private report(
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

  private newPhysicalLine(at: number): void {
    this.line++;
    this.lineStart = at;
    this.physicalLineHasCode = false;
  }

  private endOfLine(from: number): number {
    LINE_END.lastIndex = from;
    return LINE_END.test(this.src) ? LINE_END.lastIndex - 1 : this.src.length;
  }

  // ─── Indentation ──────────────────────────────────────────────────────────

  private lineStartIndentation(): void {
    const src = this.src;
    let p = this.pos;
    let col = 0;
    let alt = 0;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === 32) {
        col++;
        alt++;
      } else if (c === 9) {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else if (c === 12) {
        col = 0;
        alt = 0;
      } else if (c === 0) {
        this.report(D.nulByte, 'NUL byte outside a string: ignored', p, p + 1);
      } else if (c > 127 && isUnusualSpace(codePointAt(src, p))) {
        this.report(D.unusualSpace, `${showCharacter(codePointAt(src, p))} in the indentation: read as a space`, p, p + 1);
        col++;
        alt++;
      } else break;
      p++;
    }
    this.atLineStart = false;
    const c = src.charCodeAt(p);
    if (p >= src.length || c === 10 || c === 13 || c === 35) {
      // Blank or comment-only line: no tokens, no indentation change.
      this.pos = p;
      return;
    }
    this.pos = p;
    this.statementIndent = col;
    this.indent(col, alt, this.lineStart, p);
  }

  private indent(col: number, alt: number, from: number, to: number): void {
    let top = this.indents[this.indents.length - 1] as IndentLevel;
    let inconsistent = false;
    if (col === top.col) {
      inconsistent = alt !== top.alt;
    } else if (col > top.col) {
      inconsistent = alt <= top.alt;
      if (this.indents.length > this.options.maxIndent) {
        if (!this.reportedIndentLimit) {
          this.reportedIndentLimit = true;
          this.report(
            D.tooDeep,
            `more than ${this.options.maxIndent} levels of indentation: deeper lines are read as part of the block at that level`,
            from,
            to,
            'move the inner blocks into a separate shortcut',
          );
        }
        this.indents.push({ col, alt, silent: true });
      } else {
        this.indents.push({ col, alt, silent: false });
        this.push(T.Indent, from, to);
      }
    } else {
      while (this.indents.length > 1 && col < top.col) {
        this.indents.pop();
        if (!top.silent) this.push(T.Dedent, to, to);
        top = this.indents[this.indents.length - 1] as IndentLevel;
      }
      if (col !== top.col) {
        this.report(
          D.badDedent,
          'this line is indented less than the block it is in, but more than the block around it',
          from,
          to,
          `indent it by ${top.col} or by a level of an enclosing block`,
        );
        this.indents.push({ col, alt, silent: true });
      } else {
        inconsistent = alt !== top.alt;
      }
    }
    if (inconsistent) {
      this.report(
        D.inconsistentTabs,
        'indentation mixes tabs and spaces in a way that depends on the tab width: read with tabs as 8 columns',
        from,
        to,
        'indent with spaces only',
      );
    }
  }

  // ─── Code ─────────────────────────────────────────────────────────────────

  private code(top: Context | undefined): void {
    const src = this.src;
    const p = this.pos;
    if (p >= this.end) {
      this.interpolationCut();
      return;
    }
    const c = src.charCodeAt(p);
    if (c === 32 || c === 9 || c === 12) {
      this.pos = p + 1;
      return;
    }
    if (c === 10 || c === 13) {
      this.newline();
      return;
    }
    if (top !== undefined && top.kind === 'interp' && this.interpolationDelimiter(top, c)) return;
    if (c === 35) {
      if (this.inInterpolation()) {
        this.invalid(p, p + 1, D.fstringInvalid, "'#' cannot appear inside an f-string interpolation", "write '{{' for a literal brace, or close the interpolation with '}' before the '#'");
        return;
      }
      if (this.hashAsText.has(p) && this.tryBareText()) return;
      if (top !== undefined && top.kind === 'bracket' && top.literal && top.hashInElement < 0 && this.tokens.length > top.elementToken && top.elementLine === this.line) {
        const before = src.charCodeAt(p - 1);
        if (isIdentifierContinue(before) || before === 47 || before === 46) top.hashInElement = p;
      }
      this.comment();
      return;
    }
    if (c === 92) {
      this.backslash();
      return;
    }
    if (c === 39 || c === 34) {
      this.string(p, p, '');
      return;
    }
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) {
        this.word();
        return;
      }
      if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(p + 1)))) {
        this.number();
        return;
      }
      if (c === 0) {
        this.report(D.nulByte, 'NUL byte outside a string: ignored', p, p + 1);
        this.pos = p + 1;
        return;
      }
      this.operator(c, 1);
      return;
    }
    const cp = codePointAt(src, p);
    if (isIdentifierStart(cp)) {
      this.word();
      return;
    }
    const width = codePointLength(cp);
    if (isUnusualSpace(cp)) {
      if (this.tryBareText()) return;
      this.report(D.unusualSpace, `${showCharacter(cp)} outside a string: read as a space`, p, p + width, 'use a plain space');
      this.pos = p + width;
      return;
    }
    const ascii = fullWidthPunctuation(cp);
    if (ascii !== undefined && SINGLE_CHAR_TOKENS.has(ascii)) {
      if (this.tryBareText()) return;
      this.report(
        D.fullWidthPunctuation,
        `full-width ${showCharacter(cp)} outside a string: read as '${String.fromCharCode(ascii)}'`,
        p,
        p + width,
        `write '${String.fromCharCode(ascii)}'`,
      );
      this.operator(ascii, width);
      return;
    }
    this.invalidRun(p);
  }

  private inInterpolation(): boolean {
    for (let i = this.contexts.length - 1; i >= 0; i--) {
      const k = (this.contexts[i] as Context).kind;
      if (k === 'interp') return true;
      if (k === 'fstring' || k === 'spec') return false;
    }
    return false;
  }

  private hasSingleLineFString(): boolean {
    return this.contexts.some((ctx) => ctx.kind === 'fstring' && !ctx.triple);
  }

  /**
   * At the top level of an interpolation: `}` ends it, `!x` is a conversion,
   * `:` starts the format spec, a lone `=` before those is the
   * self-documenting form, and the f-string's own closing quote means the `}`
   * is missing.
   */
  private interpolationDelimiter(ctx: InterpolationContext, c: number): boolean {
    const src = this.src;
    const p = this.pos;
    if (c === CLOSE_BRACE) {
      this.popContext();
      this.push(T.FExprEnd, p, p + 1);
      this.pos = p + 1;
      return true;
    }
    if (c === 33 && src.charCodeAt(p + 1) !== 61) {
      const letter = src[p + 1];
      if (letter === 'r' || letter === 's' || letter === 'a') {
        this.push(T.FConversion, p, p + 2);
        this.pos = p + 2;
      } else {
        if (this.recoverInInterpolation("'!' is no conversion (!r, !s or !a)")) return true;
        this.report(D.fstringInvalid, "invalid conversion after '!' in an f-string: expected !r, !s or !a", p, p + 1, "remove the '!…', or write '!r', '!s' or '!a'");
        this.push(T.Invalid, p, p + 1);
        this.pos = p + 1;
      }
      return true;
    }
    if (c === 58) {
      this.push(T.FSpecStart, p, p + 1);
      this.pos = p + 1;
      this.pushContext({ kind: 'spec', fstring: ctx.fstring });
      return true;
    }
    if (c === 61 && src.charCodeAt(p + 1) !== 61) {
      let q = p + 1;
      while (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9) q++;
      const after = src.charCodeAt(q);
      if (after === CLOSE_BRACE || after === 58 || (after === 33 && src.charCodeAt(q + 1) !== 61)) {
        this.push(T.FDebug, p, q);
        this.pos = q;
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
  private interpolationCut(): void {
    const p = this.pos;
    let i = this.contexts.length - 1;
    while (i >= 0 && (this.contexts[i] as Context).kind !== 'fstring') i--;
    const fs = this.contexts[i] as FStringContext;
    if (!fs.terminated) {
      this.unterminatedFString(fs, p);
      this.closeAllSilently(p);
      return;
    }
    if (this.recoverInInterpolation("no '}' closes it before the end of the f-string")) return;
    const interp = this.contexts[i + 1] as InterpolationContext;
    this.reporter.add(
      D.fstringMissingBrace,
      "f-string interpolation is missing its closing '}'",
      span(
        position(interp.openLine, interp.openColumn, interp.openOffset),
        position(interp.openLine, interp.openColumn + 1, interp.openOffset + 1),
      ),
      "add '}' before the closing quote",
    );
    while (this.contexts.length - 1 > i) {
      const ctx = this.popContext() as Context;
      if (ctx.kind === 'bracket') this.push(closerType(ctx.close), p, p);
      else if (ctx.kind === 'interp') this.push(T.FExprEnd, p, p);
    }
  }

  private newline(): void {
    const src = this.src;
    const p = this.pos;
    const width = src.charCodeAt(p) === 13 && src.charCodeAt(p + 1) === 10 ? 2 : 1;
    if (this.contexts.length > 0) {
      if (this.abandonLine) {
        this.closeAllSilently(p);
      } else if (this.hasSingleLineFString()) {
        const fs = this.contexts.find((ctx): ctx is FStringContext => ctx.kind === 'fstring' && !ctx.triple) as FStringContext;
        this.unterminatedFString(fs, p);
        this.closeAllSilently(p);
      } else {
        this.pos = p + width;
        this.newPhysicalLine(p + width);
        this.maybeCheckpoint();
        return;
      }
    }
    this.abandonLine = false;
    if (this.lineHasTokens) this.push(T.Newline, p, p + width);
    this.lineHasTokens = false;
    this.pos = p + width;
    this.newPhysicalLine(p + width);
    this.atLineStart = true;
  }

  private comment(): void {
    const p = this.pos;
    const end = this.endOfLine(p + 1);
    const text = this.src.slice(p + 1, end);
    this.comments.push({ kind: 'comment', text, span: this.here(p, end) });
    this.ownLine.push(!this.physicalLineHasCode);
    this.pos = end;
    // Comments are kept like tokens, so they count against the same limit (a file of 25 million `#` lines is one token each).
    if (this.tokens.length + this.comments.length >= this.options.maxTokens && !this.truncated) this.tooManyTokens(end);
  }

  private backslash(): void {
    const src = this.src;
    const p = this.pos;
    const next = src.charCodeAt(p + 1);
    if (next === 10 || next === 13) {
      const width = next === 13 && src.charCodeAt(p + 2) === 10 ? 3 : 2;
      this.pos = p + width;
      this.newPhysicalLine(p + width);
      return;
    }
    if (this.inInterpolation()) {
      // `f'''{format_date(value={v}, date_format=\'Custom\')}'''`: WorkflowLLM's converter escaped
      // every quote, inside braces too (and text escaped twice has `\\'`).
      let run = 1;
      while (run < 4 && src.charCodeAt(p + run) === 92) run++;
      const quote = src.charCodeAt(p + run);
      if (quote === 39 || quote === 34) {
        this.report(
          D.fstringEscapedQuote,
          `backslash-escaped quote ${src.slice(p, p + run + 1)} inside an f-string interpolation: read as a plain quote`,
          p,
          p + run + 1,
          `write ${quote === 39 ? '"' : "'"} quotes inside the braces instead`,
        );
        this.scanString(p, p + run + 1, quote, false, false, false, run);
        return;
      }
    }
    if (this.tryBareText()) return;
    if (Number.isNaN(next)) {
      this.invalid(p, p + 1, D.strayBackslash, 'backslash at the end of the file', 'remove it');
    } else {
      this.invalid(
        p,
        p + 1,
        D.strayBackslash,
        'backslash outside a string must end the line (line continuation)',
        'remove it, or put the text in quotes',
      );
    }
  }

  private invalid(start: number, end: number, definition: (typeof D)[keyof typeof D], message: string, suggestion?: string): void {
    if (this.tryKeywordValueText() || this.recoverInInterpolation(message)) return;
    this.report(definition, message, start, end, suggestion);
    this.push(T.Invalid, start, end);
    this.pos = end;
  }

  /** A run of characters that cannot start any token: one diagnostic, one Invalid token. */
  private invalidRun(start: number): void {
    if (this.tryBareText()) return;
    const src = this.src;
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
    this.invalid(start, p, D.invalidCharacter, `unexpected ${what} outside a string`, 'put the text in quotes');
  }

  // ─── Names ────────────────────────────────────────────────────────────────

  private scanIdentifier(from: number): number {
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

  private word(): void {
    const src = this.src;
    const start = this.pos;
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
        end = this.scanIdentifier(end);
        ascii = false;
      }
    } else {
      end = this.scanIdentifier(start + codePointLength(codePointAt(src, start)));
    }
    // (A quote at the end of an f-string's text closes the f-string; it starts nothing.)
    const next = end < this.end ? src.charCodeAt(end) : -1;
    if ((next === 39 || next === 34) && end - start <= 2) {
      const prefix = src.slice(start, end).toLowerCase();
      if (STRING_PREFIXES.has(prefix)) {
        this.string(start, end, prefix);
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
      this.push(keyword, start, end, undefined, this.line, start - this.lineStart + 1, image);
      this.pos = end;
      return;
    }
    if ((next === 39 || next === 34) && this.tryBareText()) return;
    if (next === 45) {
      const joined = this.hyphenatedEnd(end);
      if (joined > end) {
        const text = src.slice(start, joined);
        this.push(T.Name, start, joined, { kind: 'name', name: text.normalize('NFKC'), hyphenated: true });
        this.pos = joined;
        return;
      }
    }
    if (next === 32 && first >= 65 && first <= 90 && this.tokens[this.tokens.length - 1]?.tokenType === T.Dot) {
      const joined = this.spacedPropertyEnd(end);
      if (joined > end) {
        const text = src.slice(start, joined);
        this.push(T.Name, start, joined, { kind: 'name', name: text.normalize('NFKC'), hyphenated: false, spaced: true });
        this.pos = joined;
        return;
      }
    }
    const normalized = ascii ? image : image.normalize('NFKC');
    this.push(
      T.Name,
      start,
      end,
      normalized === image ? undefined : { kind: 'name', name: normalized, hyphenated: false },
      this.line,
      start - this.lineStart + 1,
      image,
    );
    this.pos = end;
  }

  /**
   * The hyphen rule. `a-b` is one name only where subtraction cannot be meant
   * in this dialect: directly before `(` (`is_workflow_actions_display_always-on_set(`)
   * or, inside parentheses, before a lone `=` (`Show-text=True`). The hyphens
   * must touch both words; anywhere else `-` is minus.
   */
  private hyphenatedEnd(end: number): number {
    const src = this.src;
    if (T.KEYWORDS.has(src.slice(this.pos, end))) return end;
    let p = end;
    while (src.charCodeAt(p) === 45 && p + 1 < src.length && isIdentifierContinue(codePointAt(src, p + 1))) {
      p = this.scanIdentifier(p + 1);
    }
    if (p === end) return end;
    if (src.charCodeAt(p) === 40) return p;
    const top = this.contexts[this.contexts.length - 1];
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
  private spacedPropertyEnd(end: number): number {
    const src = this.src;
    let p = end;
    while (src.charCodeAt(p) === 32) {
      const c = src.charCodeAt(p + 1);
      if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
      const wordEnd = this.scanIdentifier(p + 2);
      if (T.KEYWORDS.has(src.slice(p + 1, wordEnd))) break;
      p = wordEnd;
    }
    if (p === end) return end;
    let q = p;
    while (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9) q++;
    const c = src.charCodeAt(q);
    const ends = q >= this.end || c === 10 || c === 13 || c === 35 || SPACED_PROPERTY_FOLLOWERS.includes(src[q] as string);
    return ends ? p : end;
  }

  // ─── Numbers ──────────────────────────────────────────────────────────────

  /** Digits with single underscores between them; returns the end, or -1 if an underscore is misplaced. */
  private digits(from: number, isValid: (c: number) => boolean): number {
    const src = this.src;
    let p = from;
    if (!isValid(src.charCodeAt(p))) return p;
    p++;
    for (;;) {
      const c = src.charCodeAt(p);
      if (isValid(c)) p++;
      else if (c === 95) {
        if (!isValid(src.charCodeAt(p + 1))) return -1;
        p += 2;
      } else return p;
    }
  }

  private number(): void {
    const src = this.src;
    const start = this.pos;
    let p = start;
    let isFloat = false;
    let problem: string | undefined;
    const c0 = src.charCodeAt(p);
    const c1 = src.charCodeAt(p + 1) | 0x20;
    if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      const radix = c1 === 120 ? 'hexadecimal' : c1 === 111 ? 'octal' : 'binary';
      const valid = c1 === 120 ? isHexDigit : c1 === 111 ? (c: number) => c >= 48 && c <= 55 : (c: number) => c === 48 || c === 49;
      let q = p + 2;
      if (src.charCodeAt(q) === 95) q++;
      const end = this.digits(q, valid);
      if (end < 0 || end === q) problem = `invalid ${radix} literal`;
      p = end < 0 ? q : end;
      if (problem === undefined && isDigit(src.charCodeAt(p))) problem = `invalid digit '${src[p]}' in ${radix} literal`;
    } else {
      let intEnd = p;
      if (c0 !== 46) {
        intEnd = this.digits(p, isDigit);
        if (intEnd < 0) problem = 'invalid decimal literal (misplaced underscore)';
        p = intEnd < 0 ? p + 1 : intEnd;
      }
      if (problem === undefined && src.charCodeAt(p) === 46 && (p > start || isDigit(src.charCodeAt(p + 1)))) {
        isFloat = true;
        p++;
        if (isDigit(src.charCodeAt(p))) {
          const end = this.digits(p, isDigit);
          if (end < 0) problem = 'invalid decimal literal (misplaced underscore)';
          else p = end;
        }
      }
      const e = src.charCodeAt(p) | 0x20;
      if (problem === undefined && e === 101) {
        let q = p + 1;
        const sign = src.charCodeAt(q);
        if (sign === 43 || sign === 45) q++;
        if (isDigit(src.charCodeAt(q))) {
          const end = this.digits(q, isDigit);
          if (end < 0) problem = 'invalid decimal literal (misplaced underscore)';
          else {
            p = end;
            isFloat = true;
          }
        }
      }
      if (problem === undefined && (src.charCodeAt(p) | 0x20) === 106) {
        p++;
        this.skipNameTail(p);
        if (this.recoverInInterpolation('it holds an imaginary number')) return;
        this.report(D.imaginaryNumber, 'imaginary numbers (with j) are not part of the dialect', start, p, 'write a plain number');
        this.push(T.Invalid, start, p);
        this.pos = p;
        return;
      }
      if (problem === undefined && !isFloat && c0 === 48) {
        for (let i = start; i < p; i++) {
          const d = src.charCodeAt(i);
          if (d !== 48 && d !== 95) {
            problem = 'leading zeros are not allowed in decimal integers';
            break;
          }
        }
      }
    }
    // A number must not run into a name (`82GtS3Ap9`, `1080p`), except the keywords Python allows there.
    const after = codePointAt(src, p);
    if (problem === undefined && p < src.length && isIdentifierContinue(after)) {
      const wordEnd = this.scanIdentifier(p);
      if (!KEYWORDS_AFTER_NUMBER.has(src.slice(p, wordEnd))) problem = `invalid ${isFloat ? 'number' : 'decimal'} literal`;
    }
    if (problem !== undefined) {
      const end = this.skipNameTail(p);
      if (this.tryBareText() || this.digitName(start, end)) return;
      const suggestion = problem.startsWith('leading zeros')
        ? `write ${src.slice(start, end).replace(/^[0_]+(?=\d)/, '') || '0'}, or 0o… for an octal number`
        : 'put the text in quotes if it is not a number';
      this.invalid(start, end, D.invalidNumber, problem, suggestion);
      return;
    }
    const text = src.slice(start, p);
    const plain = text.includes('_') ? text.replace(/_/g, '') : text;
    const value: bigint | number = isFloat ? Number(plain) : BigInt(plain);
    this.push(T.NumberToken, start, p, { kind: 'number', isFloat, value });
    this.pos = p;
  }

  /**
   * `1n = ip_segment1` … `text=1n`: WorkflowLLM's converter wrote a variable's
   * name with every character outside [A-Za-z0-9] replaced by `_`, so a name
   * may start with a digit. Where the file assigns exactly this text at the
   * start of a line, it is that name (SC4030), wherever it appears.
   */
  private digitName(start: number, end: number): boolean {
    const text = this.src.slice(start, end);
    if (!/^[0-9][A-Za-z0-9_]*$/.test(text)) return false;
    this.digitNames ??= assignedDigitNames(this.src);
    if (!this.digitNames.has(text)) return false;
    this.report(
      D.numberTarget,
      `'${text}' starts with a digit, so it is no Python name, but the file assigns it (\`${text} = …\`): read as the variable '${text}'`,
      start,
      end,
      `rename the variable so that it starts with a letter, e.g. var_${text}`,
    );
    this.push(T.Name, start, end, { kind: 'name', name: text, hyphenated: false });
    this.pos = end;
    return true;
  }

  /** The end of letters, digits, dots and underscores stuck to a malformed number. */
  private skipNameTail(from: number): number {
    const src = this.src;
    let p = from;
    while (p < src.length) {
      const cp = codePointAt(src, p);
      if (cp === 46 || isIdentifierContinue(cp)) p += codePointLength(cp);
      else break;
    }
    return p;
  }

  // ─── Operators and brackets ───────────────────────────────────────────────

  private operator(c: number, width: number): void {
    const src = this.src;
    const p = this.pos;
    if (c === 40 || c === 91 || c === 123) {
      this.open(c, p, width);
      return;
    }
    if (c === CLOSE_PAREN || c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      this.close(c, p, width);
      return;
    }
    if (width === 1) {
      const c1 = src.charCodeAt(p + 1);
      const c2 = src.charCodeAt(p + 2);
      const three = THREE_CHAR.get(c * 65536 + c1 * 256 + c2);
      if (three !== undefined && c2 < 256 && c1 < 256) {
        this.push(three, p, p + 3);
        this.pos = p + 3;
        return;
      }
      const two = c1 < 256 ? TWO_CHAR.get(c * 256 + c1) : undefined;
      if (two !== undefined) {
        this.push(two, p, p + 2);
        this.pos = p + 2;
        return;
      }
    }
    const one = SINGLE_CHAR_TOKENS.get(c);
    if (one === undefined) {
      this.invalidRun(p);
      return;
    }
    this.push(one, p, p + width);
    this.pos = p + width;
    const top = this.contexts[this.contexts.length - 1];
    if (top !== undefined && top.kind === 'bracket') {
      if (top.literal) {
        if (c === 44) this.startElement(top, top.close === CLOSE_BRACE);
        else if (c === 58 && top.close === CLOSE_BRACE && top.isKey) this.startElement(top, false);
      } else if (top.close === CLOSE_PAREN) {
        if (c === 44) top.valueStart = -1;
        else if (c === 61) this.startKeywordValue(top);
      }
    }
  }

  /** After `(Name=` or `, Name=`: remember where the value starts (for `tryKeywordValueText`). */
  private startKeywordValue(ctx: BracketContext): void {
    const n = this.tokens.length;
    const name = this.tokens[n - 2];
    const before = this.tokens[n - 3];
    if (name === undefined || name.tokenType !== T.Name || (before?.tokenType !== T.LParen && before?.tokenType !== T.Comma)) return;
    let p = this.pos;
    while (this.src.charCodeAt(p) === 32 || this.src.charCodeAt(p) === 9) p++;
    ctx.valueStart = p;
    ctx.valueToken = n;
    ctx.valueLine = this.line;
    ctx.valueLineStart = this.lineStart;
  }

  /**
   * Called where the lexer meets something it cannot read inside the value of
   * a `Key=value` argument that starts with `"`, `'`, `[` or `{`: text
   * WorkflowLLM's converter wrote unquoted (`WFTextCustomSeparator=", …`,
   * `WFReplaceTextFind={, …`). The value is read again as one BareText token
   * up to the next `, Name=` on its line or the call's closing `)` at the end
   * of the line (`raw-values.ts`). Returns false (and changes nothing) when
   * not inside such a value or when no such end is on the line.
   */
  private tryKeywordValueText(): boolean {
    let index = this.contexts.length - 1;
    for (; index >= 0; index--) {
      const ctx = this.contexts[index] as Context;
      if (ctx.kind !== 'bracket') return false;
      if (ctx.close === CLOSE_PAREN && !ctx.literal && ctx.valueStart >= 0) break;
    }
    if (index < 0) return false;
    const paren = this.contexts[index] as BracketContext;
    const s = paren.valueStart;
    if (!startsRawText(this.src, s)) return false;
    const e = rawValueEnd(this.src, s);
    if (e <= s) return false;
    const cost = Math.max(this.pos, e) - s;
    if (this.budget < cost) return false;
    this.budget -= cost;
    this.truncateContexts(index + 1);
    this.tokens.length = paren.valueToken;
    if (this.checkpoint !== undefined && this.checkpoint.pos > s) this.checkpoint = undefined;
    this.reporter.withdrawFrom(s);
    this.bareTextRangesFrom(s);
    while (this.comments.length > 0 && ((this.comments[this.comments.length - 1] as Comment).span?.start.offset ?? 0) >= s) {
      this.comments.pop();
      this.ownLine.pop();
    }
    this.abandonLine = false;
    this.line = paren.valueLine;
    this.lineStart = paren.valueLineStart;
    this.push(T.BareText, s, e, { kind: 'text', value: this.src.slice(s, e) });
    this.bareTextRanges.push([s, e]);
    this.pos = e;
    paren.valueStart = -1;
    return true;
  }

  private startElement(ctx: BracketContext, isKey: boolean): void {
    ctx.elementToken = this.tokens.length;
    ctx.elementOffset = this.pos;
    ctx.elementLine = this.line;
    ctx.elementLineStart = this.lineStart;
    ctx.isKey = isKey;
    ctx.elementComments = this.comments.length;
    ctx.hashInElement = -1;
  }

  private open(c: number, p: number, width: number): void {
    if (this.contexts.length >= this.options.maxNesting) {
      this.tooDeep(p);
      return;
    }
    const prev = this.tokens[this.tokens.length - 1];
    const type = c === 40 ? T.LParen : c === 91 ? T.LBracket : T.LBrace;
    // `x[…]` is a subscript, `[…]` after an operator a list: only literals hold bare text.
    const literal = c === 123 || (c === 91 && (prev === undefined || !this.lineHasTokens || !endsOperand(prev)));
    const startLine = this.line;
    const startColumn = p - this.lineStart + 1;
    const openToken = this.tokens.length;
    this.push(type, p, p + width);
    this.pos = p + width;
    const ctx: BracketContext = {
      kind: 'bracket',
      close: c === 40 ? CLOSE_PAREN : c === 91 ? CLOSE_BRACKET : CLOSE_BRACE,
      openOffset: p,
      openLine: startLine,
      openColumn: startColumn,
      openLineStart: this.lineStart,
      openToken,
      openComments: this.comments.length,
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
    this.startElement(ctx, c === 123);
    this.pushContext(ctx);
  }

  private close(c: number, p: number, width: number): void {
    const type = c === CLOSE_PAREN ? T.RParen : c === CLOSE_BRACKET ? T.RBracket : T.RBrace;
    let match = -1;
    for (let i = this.contexts.length - 1; i >= 0; i--) {
      const ctx = this.contexts[i] as Context;
      if (ctx.kind !== 'bracket') break;
      if (ctx.close === c) {
        match = i;
        break;
      }
    }
    if (match < 0 && c === CLOSE_BRACE) {
      let i = this.contexts.length - 1;
      while (i >= 0 && (this.contexts[i] as Context).kind === 'bracket') i--;
      if (i >= 0 && (this.contexts[i] as Context).kind === 'interp') {
        // `f'{x[1}'`: the interpolation ends; the brackets inside it were never closed.
        if (this.recoverInInterpolation('a bracket in it is never closed')) return;
        this.reportUnclosed(this.contexts.slice(i + 1) as BracketContext[]);
        while (this.contexts.length - 1 > i) this.push(closerType((this.popContext() as BracketContext).close), p, p);
        this.popContext();
        this.push(T.FExprEnd, p, p + width);
        this.pos = p + width;
        return;
      }
    }
    if (match !== this.contexts.length - 1 && this.contexts.every((ctx) => ctx.kind === 'bracket') && this.restoreCheckpoint(p)) return;
    if (match < 0) {
      if (this.tryBareText()) return;
      this.invalid(p, p + width, D.unmatchedBracket, `'${String.fromCharCode(c)}' does not close any open bracket`, 'remove it');
      return;
    }
    if (this.contexts.length - 1 > match && (this.tryKeywordValueText() || this.recoverInInterpolation('a bracket in it is never closed'))) return;
    while (this.contexts.length - 1 > match) {
      const inner = this.popContext() as BracketContext;
      this.reporter.add(
        D.unclosedBracket,
        `'${String.fromCharCode(openerOf(inner.close))}' is never closed: '${String.fromCharCode(c)}' closes an outer bracket first`,
        span(
          position(inner.openLine, inner.openColumn, inner.openOffset),
          position(inner.openLine, inner.openColumn + 1, inner.openOffset + 1),
        ),
        `add '${String.fromCharCode(inner.close)}' before '${String.fromCharCode(c)}'`,
      );
      this.push(closerType(inner.close), p, p);
    }
    this.popContext();
    this.push(type, p, p + width);
    this.pos = p + width;
    if (this.contexts.length === 0) this.checkpoint = undefined;
  }

  /** Past the nesting limit: one diagnostic, and the whole bracketed text becomes one Invalid token. */
  private tooDeep(p: number): void {
    const src = this.src;
    const startLine = this.line;
    const startColumn = p - this.lineStart + 1;
    let depth = 0;
    let q = p;
    let atStatement = false;
    while (q < this.end) {
      const c = src.charCodeAt(q);
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) {
        depth--;
        if (depth === 0) {
          q++;
          break;
        }
      } else if (c === 10 || (c === 13 && src.charCodeAt(q + 1) !== 10)) {
        this.newPhysicalLine(q + 1);
        // Never closed: the rest of the statement ends where a new statement seems to begin.
        if (this.looksLikeStatement(q + 1)) {
          q++;
          atStatement = true;
          break;
        }
      }
      q++;
    }
    this.reporter.add(
      D.tooDeep,
      `brackets and f-strings nested more than ${this.options.maxNesting} deep`,
      span(position(startLine, startColumn, p), position(startLine, startColumn + 1, p + 1)),
      'flatten the expression',
    );
    this.push(T.Invalid, p, q, undefined, startLine, startColumn);
    this.pos = q;
    if (atStatement) this.maybeCheckpoint();
  }

  /** Closes every open context with zero-width tokens, without reporting (the line's problem is reported). */
  private closeAllSilently(at: number): void {
    while (this.contexts.length > 0) {
      const ctx = this.popContext() as Context;
      if (ctx.kind === 'bracket') this.push(closerType(ctx.close), at, at);
      else if (ctx.kind === 'fstring') this.push(T.FStringEnd, at, at);
      else if (ctx.kind === 'spec') {
        this.popContext();
        this.push(T.FExprEnd, at, at);
      } else this.push(T.FExprEnd, at, at);
    }
    this.checkpoint = undefined;
  }

  // ─── Unclosed brackets ────────────────────────────────────────────────────

  /**
   * Inside brackets, a line that starts at or left of the statement's
   * indentation with a statement keyword or `name =` / `name(` is where the
   * brackets would be closed if they turn out never to be.
   */
  private maybeCheckpoint(): void {
    if (this.checkpoint !== undefined || this.abandonLine) return;
    if (!this.contexts.every((ctx) => ctx.kind === 'bracket')) return;
    if (!this.looksLikeStatement(this.pos)) return;
    if (this.retryHashAsText()) return;
    this.checkpoint = {
      pos: this.pos,
      line: this.line,
      lineStart: this.lineStart,
      tokens: this.tokens.length,
      comments: this.comments.length,
      contexts: this.contexts.map((ctx) => ({ ...ctx })),
    };
  }

  /**
   * `{"string": https://x.com/a#part}, …}`: a `#` stuck to the text of a
   * list or dictionary element started a comment that swallowed the rest of
   * the line, so the brackets stay open, and the next line is a new statement
   * (`name = …` or `name(…)`). After an operand, a name cannot go on in valid
   * Python, so the `#` was text: the element is read again as unquoted text
   * that holds it (`tryBareText`).
   */
  private retryHashAsText(): boolean {
    let index = -1;
    for (let i = 0; i < this.contexts.length; i++) {
      const ctx = this.contexts[i] as Context;
      if (ctx.kind === 'bracket' && ctx.hashInElement >= 0) {
        index = i;
        break;
      }
    }
    if (index < 0 || !this.startsAssignmentOrCall(this.pos)) return false;
    const ctx = this.contexts[index] as BracketContext;
    const cost = this.pos - ctx.elementOffset;
    if (this.budget < cost) return false;
    this.budget -= cost;
    this.hashAsText.add(ctx.hashInElement);
    this.truncateContexts(index + 1);
    this.tokens.length = ctx.elementToken;
    this.comments.length = ctx.elementComments;
    this.ownLine.length = ctx.elementComments;
    this.reporter.withdrawFrom(ctx.elementOffset);
    this.bareTextRangesFrom(ctx.elementOffset);
    this.line = ctx.elementLine;
    this.lineStart = ctx.elementLineStart;
    this.pos = ctx.elementOffset;
    ctx.hashInElement = -1;
    return true;
  }

  /** A line (after its indentation) starting `name =` or `name(`. */
  private startsAssignmentOrCall(from: number): boolean {
    const src = this.src;
    let p = from;
    while (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9) p++;
    if (!isIdentifierStart(codePointAt(src, p))) return false;
    let end = this.scanIdentifier(p);
    if (T.KEYWORDS.has(src.slice(p, end))) return false;
    while (src.charCodeAt(end) === 32) end++;
    const a = src.charCodeAt(end);
    return a === 40 || (a === 61 && src.charCodeAt(end + 1) !== 61);
  }

  private looksLikeStatement(from: number): boolean {
    const src = this.src;
    let p = from;
    let col = 0;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === 32) col++;
      else if (c === 9) col = (Math.floor(col / 8) + 1) * 8;
      else break;
      p++;
    }
    if (col > this.statementIndent) return false;
    const c = src.charCodeAt(p);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c > 127 && isIdentifierStart(codePointAt(src, p))))) return false;
    let end = this.scanIdentifier(p + 1);
    if (STATEMENT_KEYWORDS.has(src.slice(p, end))) {
      const after = src.charCodeAt(end);
      return !(after === 61 && src.charCodeAt(end + 1) !== 61) && after !== 46;
    }
    while (src.charCodeAt(end) === 46 && isIdentifierStart(codePointAt(src, end + 1))) end = this.scanIdentifier(end + 2);
    while (src.charCodeAt(end) === 32) end++;
    const a = src.charCodeAt(end);
    const b = src.charCodeAt(end + 1);
    if (a === 40) return true;
    if (a === 61) return b !== 61;
    return b === 61 && (a === 43 || a === 45 || a === 42 || a === 47 || a === 37 || a === 38 || a === 124 || a === 94 || a === 64);
  }

  /** End of input: recover unterminated f-strings and unclosed brackets. Returns true to lex on. */
  private endOfInput(): boolean {
    const at = this.src.length;
    if (this.contexts.length > 0 && !this.truncated && !this.abandonLine) {
      const fs = this.contexts.find((ctx): ctx is FStringContext => ctx.kind === 'fstring');
      if (fs !== undefined) {
        if (
          fs.triple &&
          this.resumeAfterOpeningLine(
            fs.startOffset,
            fs.startLine,
            fs.lineStart,
            fs.tokenIndex,
            D.unterminatedFString,
            'this f-string is never closed',
            this.contexts.indexOf(fs),
          )
        )
          return true;
        this.unterminatedFString(fs, at);
        this.closeAllSilently(at);
      } else {
        if (this.restoreCheckpoint(at) || this.tryConditionText()) return true;
        this.reportUnclosed(this.contexts as BracketContext[]);
        this.closeAllSilently(at);
      }
    } else if (this.contexts.length > 0) {
      this.closeAllSilently(at);
    }
    if (this.lineHasTokens) this.push(T.Newline, at, at);
    this.lineHasTokens = false;
    while (this.indents.length > 1) {
      const level = this.indents.pop() as IndentLevel;
      if (!level.silent) this.push(T.Dedent, at, at);
    }
    return false;
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
  private tryConditionText(): boolean {
    const outer = this.contexts[0];
    if (outer === undefined || outer.kind !== 'bracket') return false;
    const src = this.src;
    const before = this.tokens[outer.openToken - 1];
    const afterKeyword = before?.tokenType === T.If || before?.tokenType === T.Elif;
    const afterComparison = before !== undefined && COMPARISONS.has(before.tokenType);
    if (!afterKeyword && !afterComparison) return false;
    // The statement must be an `if`/`elif` header (its first token).
    let head = outer.openToken - 1;
    while (head > 0) {
      const t = (this.tokens[head - 1] as Token).tokenType;
      if (t === T.Newline || t === T.Indent || t === T.Dedent) break;
      head--;
    }
    const keyword = this.tokens[head];
    if (keyword === undefined || (keyword.tokenType !== T.If && keyword.tokenType !== T.Elif)) return false;
    const e = rawConditionEnd(src, outer.openOffset, afterKeyword);
    if (e <= outer.openOffset) return false;
    const cost = this.pos - outer.openOffset;
    if (this.budget < cost) return false;
    this.budget -= cost;
    this.tokens.length = outer.openToken;
    this.comments.length = outer.openComments;
    this.ownLine.length = outer.openComments;
    this.reporter.withdrawFrom(outer.openOffset);
    this.bareTextRangesFrom(outer.openOffset);
    this.truncateContexts(0);
    this.checkpoint = undefined;
    this.abandonLine = false;
    this.line = outer.openLine;
    this.lineStart = outer.openLineStart;
    this.push(T.BareText, outer.openOffset, e, { kind: 'text', value: src.slice(outer.openOffset, e) });
    this.bareTextRanges.push([outer.openOffset, e]);
    this.pos = e;
    return true;
  }

  /**
   * Brackets opened before the checkpoint turned out never to be closed (the
   * input ended, or a closing bracket of the wrong kind came): report them,
   * close them where the statement-like line began, and lex on from there.
   */
  private restoreCheckpoint(at: number): boolean {
    const cp = this.checkpoint;
    if (cp === undefined) return false;
    const cost = at - cp.pos;
    if (this.budget < cost) return false;
    if (this.tryConditionText()) return true;
    this.budget -= cost;
    this.reportUnclosed(cp.contexts as BracketContext[]);
    this.tokens.length = cp.tokens;
    this.comments.length = cp.comments;
    this.ownLine.length = cp.comments;
    this.reporter.withdrawFrom(cp.pos);
    this.bareTextRangesFrom(cp.pos);
    this.pos = cp.pos;
    this.line = cp.line;
    this.lineStart = cp.lineStart;
    this.truncateContexts(0);
    this.checkpoint = undefined;
    this.abandonLine = false;
    for (let i = cp.contexts.length - 1; i >= 0; i--) this.push(closerType((cp.contexts[i] as BracketContext).close), cp.pos, cp.pos);
    this.push(T.Newline, cp.pos, cp.pos);
    this.lineHasTokens = false;
    this.atLineStart = true;
    return true;
  }

  /** One diagnostic, at the innermost bracket (as Python reports it); the outer ones are named in it. */
  private reportUnclosed(contexts: readonly BracketContext[]): void {
    const ctx = contexts[contexts.length - 1];
    if (ctx === undefined) return;
    const open = String.fromCharCode(openerOf(ctx.close));
    const closers = contexts
      .map((c) => String.fromCharCode(c.close))
      .reverse()
      .join('');
    const more = contexts.length > 1 ? ` (nor are the ${contexts.length - 1} bracket${contexts.length === 2 ? '' : 's'} around it)` : '';
    this.reporter.add(
      D.unclosedBracket,
      `'${open}' is never closed${more}`,
      span(position(ctx.openLine, ctx.openColumn, ctx.openOffset), position(ctx.openLine, ctx.openColumn + 1, ctx.openOffset + 1)),
      `add the missing '${closers.length > 12 ? `${closers.slice(0, 12)}…` : closers}'`,
    );
  }

  private bareTextRangesFrom(offset: number): void {
    while (this.bareTextRanges.length > 0 && (this.bareTextRanges[this.bareTextRanges.length - 1] as [number, number])[0] >= offset)
      this.bareTextRanges.pop();
  }

  /**
   * A string or f-string opened at `start` runs to the end of the file. Python
   * would stop there; we report it, read the rest of its opening line as one
   * Invalid token and lex on from the next line, so later lines are checked.
   */
  private resumeAfterOpeningLine(
    start: number,
    startLine: number,
    lineStart: number,
    tokenIndex: number,
    definition: (typeof D)[keyof typeof D],
    message: string,
    contextIndex: number,
  ): boolean {
    const cost = this.src.length - start;
    if (this.budget < cost) return false;
    this.budget -= cost;
    const eol = this.endOfLine(start);
    this.tokens.length = tokenIndex;
    while (this.comments.length > 0 && ((this.comments[this.comments.length - 1] as Comment).span?.start.offset ?? 0) > start) {
      this.comments.pop();
      this.ownLine.pop();
    }
    this.reporter.withdrawFrom(start);
    this.bareTextRangesFrom(start);
    this.line = startLine;
    this.lineStart = lineStart;
    this.truncateContexts(Math.max(0, contextIndex));
    this.report(definition, message, start, Math.min(eol, start + 3), tripleSuggestion(this.src, start), startLine, start - lineStart + 1);
    this.push(T.Invalid, start, eol, undefined, startLine, start - lineStart + 1);
    this.pos = eol;
    this.abandonLine = true;
    this.checkpoint = undefined;
    return true;
  }

  /**
   * Something inside an f-string interpolation cannot be read (a `#`, a stray
   * backslash, an unknown character, a malformed number, a string or bracket
   * left open, no `}` before the closing quote): WorkflowLLM's converter wrote
   * text braces unescaped, so that `{` is text (JSON, JavaScript, CSS, a
   * template). The interpolation is withdrawn and the f-string's text is read
   * again from its `{`, which is now text. False (nothing changed) outside an
   * interpolation or when the re-reading budget is spent.
   */
  private recoverInInterpolation(reason: string, inSpec = false): boolean {
    let i = this.contexts.length - (inSpec ? 2 : 1);
    for (; i >= 0; i--) {
      const kind = (this.contexts[i] as Context).kind;
      if (kind === 'interp') break;
      if (kind === 'fstring' || kind === 'spec') return false;
    }
    if (i < 0) return false;
    const ctx = this.contexts[i] as InterpolationContext;
    const cost = this.pos - ctx.openOffset + 1;
    if (this.budget < cost) return false;
    this.budget -= cost;
    this.tokens.length = ctx.tokenIndex;
    this.comments.length = ctx.commentCount;
    this.ownLine.length = ctx.commentCount;
    this.reporter.withdrawFrom(ctx.openOffset);
    this.bareTextRangesFrom(ctx.openOffset);
    this.truncateContexts(i);
    this.line = ctx.openLine;
    this.lineStart = ctx.lineStart;
    this.abandonLine = false;
    if (this.checkpoint !== undefined && this.checkpoint.pos > ctx.openOffset) this.checkpoint = undefined;
    this.literalBraces.add(ctx.openOffset);
    if (this.cutReference(ctx)) return true;
    this.reporter.add(
      D.fstringLiteralBrace,
      `'{' starts no interpolation that can be read (${reason}): read as text`,
      span(position(ctx.openLine, ctx.openColumn, ctx.openOffset), position(ctx.openLine, ctx.openColumn + 1, ctx.openOffset + 1)),
      "write '{{' for a literal brace",
    );
    this.pos = ctx.openOffset;
    return true;
  }

  /**
   * An unreadable interpolation that starts like a UUID and stops before the
   * UUID is complete (`{31C55FB0-927F-4661-9D42-A1C5F03Custom`): a variable
   * reference by UUID, as WorkflowLLM's converter wrote an action's output,
   * cut by the converter's 384-character limit. Annotated code names every
   * output, and the cut lost the variable: an error (SC4028), not text.
   */
  private cutReference(ctx: InterpolationContext): boolean {
    const src = this.src;
    const groups = [8, 4, 4, 4, 12];
    let p = ctx.openOffset + 1;
    let complete = true;
    for (let g = 0; g < groups.length && complete; g++) {
      const want = groups[g] as number;
      let n = 0;
      while (n < want && isHexDigit(src.charCodeAt(p))) {
        n++;
        p++;
      }
      if (g === 0 && (n < want || src.charCodeAt(p) !== 45)) return false;
      if (n < want || (g < groups.length - 1 && src.charCodeAt(p) !== 45)) complete = false;
      else if (g < groups.length - 1) p++;
    }
    if (complete) return false;
    const text = src.slice(ctx.openOffset, p);
    this.reporter.add(
      D.cutReference,
      `'${text}' is a variable reference by UUID that stops before the UUID is complete: WorkflowLLM's converter cut this text at 384 characters, and the variable it named is lost`,
      span(position(ctx.openLine, ctx.openColumn, ctx.openOffset), position(ctx.openLine, ctx.openColumn + text.length, p)),
      `write the variable's name in braces instead (e.g. {photo}), or remove '${text}'`,
    );
    return true;
  }

  /** `run` backslashes and then `quote` at `at`: the end of a lenient `\'…\'` string. */
  private escapedQuoteAt(at: number, run: number, quote: number): boolean {
    for (let k = 0; k < run; k++) if (this.src.charCodeAt(at + k) !== 92) return false;
    return this.src.charCodeAt(at + run) === quote && this.src.charCodeAt(at - 1) !== 92;
  }

  /**
   * Closing quotes of a multi-line triple-quoted string at `at`, on a line that
   * starts at `lineStart`: where the string really ends ('close'); quotes inside
   * a `#` annotation line of the string, followed by text no code could go on
   * with ('content'); or quotes that close it in the middle of code, because
   * its own closing quotes were lost ('runaway'). Python rejects both of the
   * latter, so no valid program is read differently.
   */
  private tripleCloseVerdict(at: number, lineStart: number, bytes = false): 'close' | 'content' | 'runaway' {
    if (this.closesPlausibly(at + 3, bytes)) return 'close';
    let p = lineStart;
    while (p < at && (this.src.charCodeAt(p) === 32 || this.src.charCodeAt(p) === 9)) p++;
    return this.src.charCodeAt(p) === 35 && p < at ? 'content' : 'runaway';
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
  private closesPlausibly(at: number, bytes: boolean): boolean {
    const src = this.src;
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
        p = this.scanIdentifier(p);
        continue;
      }
      if (isDigit(c)) {
        if (!expectOperand) return false;
        while (p < limit && (isIdentifierContinue(codePointAt(src, p)) || src.charCodeAt(p) === 46)) p++;
        expectOperand = false;
        continue;
      }
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127) {
        const end = this.scanIdentifier(p);
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
          const first = this.firstTokenOfLogicalLine();
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

  private firstTokenOfLogicalLine(): Token | undefined {
    let first: Token | undefined;
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const t = this.tokens[i] as Token;
      if (t.tokenType === T.Newline || t.tokenType === T.Indent || t.tokenType === T.Dedent) break;
      first = t;
    }
    return first;
  }

  private quotesInAnnotation(at: number, line: number, lineStart: number): void {
    const where = span(position(line, at - lineStart + 1, at), position(line, at - lineStart + 4, at + 3));
    this.reporter.add(
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
  private runawayString(start: number, startLine: number, openLineStart: number, closeAt: number, quote: number, tokens: number): boolean {
    const cost = closeAt - start;
    if (this.budget < cost) return false;
    this.budget -= cost;
    const src = this.src;
    let line = startLine;
    let lineStart = openLineStart;
    let eol = this.endOfLine(start);
    let resumeLine = 0;
    let closeLine = startLine;
    for (let s = eol; s < closeAt; ) {
      const next = s + (src.charCodeAt(s) === 13 && src.charCodeAt(s + 1) === 10 ? 2 : 1);
      if (next > closeAt) break;
      closeLine++;
      if (resumeLine === 0) {
        // Lines of a string's text start at column 0: inside a block, a line there is text, not the code that resumes.
        if (this.looksLikeStatement(next) && (this.statementIndent === 0 || !startsAtColumnZero(src, next))) resumeLine = closeLine;
        else {
          line = closeLine;
          lineStart = next;
          eol = this.endOfLine(next);
        }
      }
      s = this.endOfLine(next);
    }
    if (resumeLine === 0) {
      // No line in between looks like code: go on after the opening line.
      line = startLine;
      lineStart = openLineStart;
      eol = this.endOfLine(start);
    }
    this.tokens.length = tokens;
    this.reporter.withdrawFrom(start);
    this.bareTextRangesFrom(start);
    const q = String.fromCharCode(quote).repeat(3);
    const startColumn = start - openLineStart + 1;
    const prefix = src.slice(start, src.indexOf(q, start) + 3).length;
    this.reporter.add(
      D.unterminatedTripleString,
      `this ${q} string is never closed: the ${q} on line ${closeLine} that would close it is followed by code, so its own closing quotes are missing`,
      span(position(startLine, startColumn, start), position(startLine, startColumn + prefix, start + prefix)),
      resumeLine > 0
        ? `close it with ${q} where its text ends, before line ${resumeLine}`
        : `close it with ${q} where its text ends`,
    );
    this.line = line;
    this.lineStart = lineStart;
    this.push(T.Invalid, start, eol, undefined, startLine, startColumn);
    this.pos = eol;
    this.abandonLine = true;
    this.checkpoint = undefined;
    return true;
  }

  private unterminatedFString(fs: FStringContext, at: number): void {
    if (this.abandonLine) return;
    void at;
    const width = fs.bodyStart - fs.startOffset;
    this.reporter.add(
      D.unterminatedFString,
      fs.triple ? 'this f-string is never closed' : 'f-string not closed before the end of the line',
      span(position(fs.startLine, fs.startColumn, fs.startOffset), position(fs.startLine, fs.startColumn + width, fs.bodyStart)),
      fs.triple
        ? `close it with ${String.fromCharCode(fs.quote).repeat(3)}`
        : `close it with ${String.fromCharCode(fs.quote)} on the same line, or use ${String.fromCharCode(fs.quote).repeat(3)} for text spanning lines`,
    );
  }

  // ─── Strings ──────────────────────────────────────────────────────────────

  private string(start: number, prefixEnd: number, prefix: string): void {
    const src = this.src;
    const quote = src.charCodeAt(prefixEnd);
    const triple = src.charCodeAt(prefixEnd + 1) === quote && src.charCodeAt(prefixEnd + 2) === quote;
    const bodyStart = prefixEnd + (triple ? 3 : 1);
    const raw = prefix.includes('r');
    if (prefix.includes('f')) {
      this.openFString(start, bodyStart, quote, triple, raw);
      return;
    }
    this.scanString(start, bodyStart, quote, triple, raw, prefix.includes('b'), 0);
  }

  /**
   * Reads a plain string or bytes literal, decoding escapes exactly like Python.
   * `escapeRun` > 0: the lenient `\'…\'` (or `\\'…\\'`) form inside an
   * f-string interpolation, which ends at the same run of backslashes and the quote.
   */
  private scanString(
    start: number,
    bodyStart: number,
    quote: number,
    triple: boolean,
    raw: boolean,
    bytes: boolean,
    escapeRun: number,
  ): void {
    const src = this.src;
    const tokensBefore = this.tokens.length;
    const len = this.end;
    const startLine = this.line;
    const startColumn = start - this.lineStart + 1;
    const openLineStart = this.lineStart;
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
          if (this.line > startLine && escapeRun === 0) {
            // A multi-line string cannot close where code cannot go on: WorkflowLLM's annotation
            // lost closing quotes, and its comment lines inside strings quote `'''`.
            const verdict = this.tripleCloseVerdict(p, this.lineStart, bytes);
            if (verdict === 'content') {
              this.quotesInAnnotation(p, this.line, this.lineStart);
              p += 3;
              continue;
            }
            if (verdict === 'runaway' && this.runawayString(start, startLine, openLineStart, p, quote, tokensBefore)) return;
          }
          bodyEnd = p;
          end = p + 3;
          break;
        }
        p++;
      } else if (c === 92) {
        if (escapeRun > 0 && this.escapedQuoteAt(p, escapeRun, quote)) {
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
            this.newPhysicalLine(p);
          } else p += p + 1 < len ? 2 : 1;
          continue;
        }
        const r = decodeEscape(src, p, bytes, len);
        if (r.error !== undefined) this.report(D.invalidEscape, r.error, p, r.next, 'write the character itself, or escape the backslash as \\\\');
        out = (out ?? '') + src.slice(seg, p) + r.text;
        p = r.next;
        seg = p;
        if (r.newline === true) this.newPhysicalLine(p);
      } else if (c === 10 || c === 13) {
        if (!triple) break;
        if (c === 13) {
          out = (out ?? '') + src.slice(seg, p) + '\n';
          p += src.charCodeAt(p + 1) === 10 ? 2 : 1;
          seg = p;
        } else p++;
        this.newPhysicalLine(p);
      } else {
        if (c === 0 && !warnedNul) {
          warnedNul = true;
          this.report(D.nulByte, 'NUL byte inside a string: kept as the character U+0000', p, p + 1, 'write \\x00 instead');
        } else if (bytes && c > 127 && !warnedAscii) {
          warnedAscii = true;
          this.report(
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
          this.resumeAfterOpeningLine(
            start,
            startLine,
            openLineStart,
            this.tokens.length,
            D.unterminatedTripleString,
            `this ${String.fromCharCode(quote).repeat(3)} string is never closed`,
            this.contexts.length,
          )
        )
          return;
        this.report(
          D.unterminatedTripleString,
          `this ${String.fromCharCode(quote).repeat(3)} string is never closed`,
          start,
          start + 3,
          tripleSuggestion(src, start),
          startLine,
          startColumn,
        );
        this.push(T.Invalid, start, p, undefined, startLine, startColumn);
        this.pos = p;
        return;
      }
      // Single-line string cut by the end of the line.
      if (start > this.currentElementStart() && this.tryBareText()) return;
      if (this.tryKeywordValueText()) return;
      if (this.recoverInInterpolation('a string in it is not closed')) return;
      this.report(
        D.unterminatedString,
        'string not closed before the end of the line',
        start,
        p,
        `close it with ${String.fromCharCode(quote)}, or use ${String.fromCharCode(quote).repeat(3)} for text spanning lines`,
        startLine,
        startColumn,
      );
      this.push(T.Invalid, start, p, undefined, startLine, startColumn);
      this.pos = p;
      this.abandonLine = true;
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
    this.push(T.StringToken, start, end, payload, startLine, startColumn);
    this.pos = end;
  }

  // ─── F-strings ────────────────────────────────────────────────────────────

  private openFString(start: number, bodyStart: number, quote: number, triple: boolean, raw: boolean): void {
    if (this.contexts.length >= this.options.maxNesting) {
      this.tooDeep(start);
      return;
    }
    const { limit, terminated, runaway } = this.fstringExtent(bodyStart, quote, triple);
    if (runaway === true && this.runawayString(start, this.line, this.lineStart, limit, quote, this.tokens.length)) return;
    const ctx: FStringContext = {
      kind: 'fstring',
      quote,
      triple,
      raw,
      limit,
      terminated,
      startOffset: start,
      startLine: this.line,
      startColumn: start - this.lineStart + 1,
      bodyStart,
      lineStart: this.lineStart,
      tokenIndex: this.tokens.length,
      openLiteral: 0,
    };
    this.push(T.FStringStart, start, bodyStart, { kind: 'fstringStart', quote: quoteStyleOf(quote, triple), raw });
    this.pushContext(ctx);
    this.pos = bodyStart;
  }

  /**
   * Where an f-string's text ends (see `FStringContext.limit`). For a
   * multi-line triple-quoted f-string, closing quotes are checked as in
   * `scanString`: inside a `#` annotation line they are text, and where code
   * could not go on after them they are `runaway` (the f-string's own closing
   * quotes were lost).
   */
  private fstringExtent(bodyStart: number, quote: number, triple: boolean): { limit: number; terminated: boolean; runaway?: boolean } {
    const src = this.src;
    const end = this.end;
    let p = bodyStart;
    let line = this.line;
    let lineStart = this.lineStart;
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
          if (line > this.line && !this.inInterpolation()) {
            const verdict = this.tripleCloseVerdict(p, lineStart);
            if (verdict === 'content') {
              this.quotesInAnnotation(p, line, lineStart);
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
  private fstringText(ctx: FStringContext): void {
    this.literalText(ctx, false);
  }

  /** A format spec after `:` up to `}` (its `{…}` are nested interpolations). */
  private specText(ctx: SpecContext): void {
    this.literalText(ctx.fstring, true);
  }

  private literalText(fs: FStringContext, inSpec: boolean): void {
    const src = this.src;
    const limit = fs.limit;
    let p = this.pos;
    let seg = p;
    let out = '';
    const segLine = this.line;
    const segColumn = p - this.lineStart + 1;
    const segStart = p;
    let warnedNul = false;
    const flush = (upTo: number): void => {
      const value = out + src.slice(seg, upTo);
      if (upTo > segStart) this.push(T.FStringMiddle, segStart, upTo, { kind: 'text', value }, segLine, segColumn);
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
        if (this.literalBraces.has(p)) {
          if (!inSpec) fs.openLiteral++;
          p++;
          continue;
        }
        let q = p + 1;
        while (q < limit && (src.charCodeAt(q) === 32 || src.charCodeAt(q) === 9)) q++;
        if (q < limit && src.charCodeAt(q) === CLOSE_BRACE) {
          this.report(
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
        if (this.contexts.length >= this.options.maxNesting) {
          this.pos = p;
          this.tooDeep(p);
          return;
        }
        const tokenIndex = this.tokens.length;
        this.push(T.FExprStart, p, p + 1);
        this.pushContext({
          kind: 'interp',
          fstring: fs,
          openOffset: p,
          openLine: this.line,
          openColumn: p - this.lineStart + 1,
          lineStart: this.lineStart,
          tokenIndex,
          commentCount: this.comments.length,
        });
        this.pos = p + 1;
        return;
      }
      if (c === CLOSE_BRACE) {
        if (inSpec) {
          flush(p);
          this.truncateContexts(this.contexts.length - 2);
          this.push(T.FExprEnd, p, p + 1);
          this.pos = p + 1;
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
        this.report(D.fstringSingleBrace, "single '}' in an f-string: read as text", p, p + 1, "write '}}' for a literal brace");
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
        if (r.error !== undefined) this.report(D.invalidEscape, r.error, p, r.next, 'write the character itself, or escape the backslash as \\\\');
        out += src.slice(seg, p) + r.text;
        p = r.next;
        seg = p;
        if (r.newline === true) this.newPhysicalLine(p);
        continue;
      }
      if (c === 10 || c === 13) {
        // Only in triple-quoted f-strings (a one-line f-string's text ends before its line does).
        if (c === 13) {
          out += src.slice(seg, p) + '\n';
          p += src.charCodeAt(p + 1) === 10 ? 2 : 1;
          seg = p;
        } else p++;
        this.newPhysicalLine(p);
        continue;
      }
      if (c === 0 && !warnedNul) {
        warnedNul = true;
        this.report(D.nulByte, 'NUL byte inside an f-string: kept as the character U+0000', p, p + 1, 'write \\x00 instead');
      }
      p++;
    }
    flush(p);
    this.pos = p;
    if (!fs.terminated) {
      // Unterminated: a one-line f-string is reported and closed here; a
      // triple-quoted one at the end of the input is recovered by `endOfInput`.
      if (!fs.triple || p < src.length) {
        this.unterminatedFString(fs, p);
        this.closeAllSilently(p);
      }
      return;
    }
    if (inSpec) {
      // `f'{x:>5'`: the format spec runs into the closing quote.
      if (this.recoverInInterpolation("no '}' closes it before the end of the f-string", true)) return;
      const interp = this.contexts[this.contexts.length - 2] as InterpolationContext;
      this.reporter.add(
        D.fstringMissingBrace,
        "f-string interpolation is missing its closing '}'",
        span(
          position(interp.openLine, interp.openColumn, interp.openOffset),
          position(interp.openLine, interp.openColumn + 1, interp.openOffset + 1),
        ),
        "add '}' before the closing quote",
      );
      this.truncateContexts(this.contexts.length - 2);
      this.push(T.FExprEnd, p, p);
      return;
    }
    const width = fs.triple ? 3 : 1;
    this.push(T.FStringEnd, p, p + width, { kind: 'end', startLine: fs.startLine });
    this.popContext();
    this.pos = p + width;
  }

  // ─── Unquoted text in list and dictionary literals ────────────────────────

  private currentElementStart(): number {
    const top = this.contexts[this.contexts.length - 1];
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
  private tryBareText(): boolean {
    // The innermost list or dictionary element, even from inside brackets within it
    // (`[Undefined creature (ideas welcome!)]`), but never from inside an f-string.
    let index = this.contexts.length - 1;
    while (index >= 0) {
      const ctx = this.contexts[index] as Context;
      if (ctx.kind !== 'bracket') return false;
      if (ctx.literal) break;
      index--;
    }
    const top = this.contexts[index];
    if (top === undefined || top.kind !== 'bracket') return false;
    const src = this.src;
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
    while (p < this.end) {
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
    if (e <= s || e <= this.pos) return false;
    this.truncateContexts(index + 1);
    this.tokens.length = top.elementToken;
    if (this.checkpoint !== undefined && this.checkpoint.pos > s) this.checkpoint = undefined;
    this.reporter.withdrawFrom(s);
    while (this.comments.length > 0 && ((this.comments[this.comments.length - 1] as Comment).span?.start.offset ?? 0) >= s) {
      this.comments.pop();
      this.ownLine.pop();
    }
    this.abandonLine = false;
    this.line = line;
    this.lineStart = lineStart;
    const text = src.slice(s, e);
    this.push(T.BareText, s, e, { kind: 'text', value: text });
    this.bareTextRanges.push([s, e]);
    this.pos = e;
    // The element is read; whatever stops the lexer next is not part of it.
    this.startElement(top, top.isKey);
    return true;
  }
}

// ─── Tables ──────────────────────────────────────────────────────────────────

function code(s: string): number {
  return s.charCodeAt(0);
}

const SINGLE_CHAR_TOKENS: ReadonlyMap<number, TokenType> = new Map([
  [code('('), T.LParen],
  [code(')'), T.RParen],
  [code('['), T.LBracket],
  [code(']'), T.RBracket],
  [code('{'), T.LBrace],
  [code('}'), T.RBrace],
  [code(','), T.Comma],
  [code(':'), T.Colon],
  [code(';'), T.Semicolon],
  [code('.'), T.Dot],
  [code('='), T.Assign],
  [code('+'), T.Plus],
  [code('-'), T.Minus],
  [code('*'), T.Star],
  [code('/'), T.Slash],
  [code('%'), T.Percent],
  [code('@'), T.At],
  [code('&'), T.Ampersand],
  [code('|'), T.Pipe],
  [code('^'), T.Caret],
  [code('~'), T.Tilde],
  [code('<'), T.Less],
  [code('>'), T.Greater],
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
  ).map(([s, t]) => [code(s) * 256 + s.charCodeAt(1), t]),
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
  ).map(([s, t]) => [code(s) * 65536 + s.charCodeAt(1) * 256 + s.charCodeAt(2), t]),
);

/** ASCII characters that start no token: `$`, `?`, backtick, `!` alone, control characters. */
function isInvalidAscii(c: number): boolean {
  return c === 36 || c === 63 || c === 96 || c === 33 || (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 0) || c === 127;
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

const COMPARISONS = new Set<TokenType>([T.EqualEqual, T.NotEqual, T.Less, T.Greater, T.LessEqual, T.GreaterEqual, T.In]);

const DIGIT_NAME_ASSIGNMENT = /^[ \t]*([0-9][A-Za-z0-9_]*)[ \t]*=(?!=)/gm;

function assignedDigitNames(src: string): Set<string> {
  const names = new Set<string>();
  DIGIT_NAME_ASSIGNMENT.lastIndex = 0;
  for (let m = DIGIT_NAME_ASSIGNMENT.exec(src); m !== null; m = DIGIT_NAME_ASSIGNMENT.exec(src)) names.add(m[1] as string);
  return names;
}

const OPERATOR_CHARS = '+-*/%@&|^~<>!=';

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

function startsString(src: string, at: number): boolean {
  let p = at;
  while (p < at + 2 && /[rRbBfFuU]/.test(src[p] ?? '')) p++;
  const c = src.charCodeAt(p);
  return (c === 39 || c === 34) && (p === at || STRING_PREFIXES.has(src.slice(at, p).toLowerCase()));
}

function quoteStyleOf(quote: number, triple: boolean): QuoteStyle {
  if (quote === 39) return triple ? "'''" : "'";
  return triple ? '"""' : '"';
}

function openerOf(close: number): number {
  return close === CLOSE_PAREN ? 40 : close === CLOSE_BRACKET ? 91 : 123;
}

function closerType(close: number): TokenType {
  return close === CLOSE_PAREN ? T.RParen : close === CLOSE_BRACKET ? T.RBracket : T.RBrace;
}

function tripleSuggestion(src: string, start: number): string {
  let p = start;
  while (/[rRbBfFuU]/.test(src[p] ?? '')) p++;
  const q = src[p] ?? "'";
  return `close it with ${q.repeat(3)}, or escape a quote inside it as \\${q}`;
}
