/**
 * The parser: chevrotain tokens → the AST of `src/syntax/ast.ts`.
 *
 * A chevrotain `EmbeddedActionsParser` (no CST: the actions build AST nodes
 * directly). The grammar is LL(1) with gates for Python's soft keywords
 * (`match`, `case`); binary operators are read as one flat chain and folded
 * by precedence (`precedence.ts`).
 *
 * Recovery is ours, not chevrotain's: chevrotain raises a recognition error,
 * and the nearest recovery point catches it, reports it (unless the lexer
 * already reported a problem in the same stretch), skips to a
 * synchronisation token and leaves an `error` node. Recovery points: a
 * statement (resynchronise at the end of its line, then keep an indented
 * block that follows so its statements are still checked), a compound
 * statement's header (up to its `:`), a call argument or list/dictionary
 * element (up to the next `,` or closing bracket), an f-string interpolation
 * (up to its `}`).
 *
 * Nesting is counted (`expression` and `**` re-entries); past the limit the
 * parser reports SC4190 and skips the rest iteratively, so no input can
 * exhaust the stack.
 */
import {
  EmbeddedActionsParser,
  EOF,
  isRecognitionException,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type { SourcePosition, SourceSpan } from '../diagnostics/diagnostic.js';
import type {
  BinaryOperator,
  Comment,
  DictEntry,
  Expression,
  FStringInterpolation,
  FStringPart,
  ForStatement,
  IfStatement,
  Keyword,
  MatchCase,
  MatchStatement,
  QuoteStyle,
  Statement,
  UnsupportedStatement,
  WhileStatement,
} from '../syntax/ast.js';
import { syntaxDiagnostics as D } from './diagnostics.js';
import { foldChain, type ChainLink, type ChainOperand, type ChainOperator, type FoldProblem } from './precedence.js';
import { rawValueEnd, startsRawText } from './raw-values.js';
import { position, span, type Reporter } from './reporter.js';
import * as T from './tokens.js';
import type { Token } from './tokens.js';

export interface ParseState {
  readonly src: string;
  readonly reporter: Reporter;
  readonly comments: readonly Comment[];
  readonly ownLine: readonly boolean[];
  /** Offsets of lexer errors, ascending. */
  readonly lexErrors: readonly number[];
  readonly maxDepth: number;
  /** Deepest expression tree kept (deeper ones become error nodes), so consumers may recurse. */
  readonly maxAstDepth: number;
  /** Where the input ends. */
  readonly end: SourcePosition;
}

/** Thrown when nesting passes the limit; reported where it is thrown. */
class NestingLimit {
  readonly reason = 'nesting limit';
}

/**
 * A syntax error found by a quick check before chevrotain would have found it
 * (chevrotain's own "no viable alternative" error computes every expected
 * path, which is costly on model output full of mistakes).
 */
class Expected {
  constructor(
    readonly token: IToken,
    readonly message: string,
  ) {}
}

const CLOSERS = new Set<TokenType>([T.RParen, T.RBracket, T.RBrace, T.FExprEnd, T.FStringEnd]);
const OPENERS = new Set<TokenType>([T.LParen, T.LBracket, T.LBrace, T.FExprStart, T.FStringStart]);

const COMPOUND_UNSUPPORTED = new Set<TokenType>([T.Def, T.Class, T.With, T.Try, T.Async, T.At]);
const CLAUSES = new Set<TokenType>([T.Else, T.Elif, T.Except, T.Finally]);
const LAYOUT = new Set<TokenType>([T.Newline, T.Indent, T.Dedent]);

const INFIX: ReadonlyMap<TokenType, ChainOperator> = new Map<TokenType, ChainOperator>([
  [T.Or, 'or'],
  [T.And, 'and'],
  [T.In, 'in'],
  [T.Is, 'is'],
  [T.EqualEqual, '=='],
  [T.NotEqual, '!='],
  [T.Less, '<'],
  [T.LessEqual, '<='],
  [T.Greater, '>'],
  [T.GreaterEqual, '>='],
  [T.Pipe, '|'],
  [T.Caret, '^'],
  [T.Ampersand, '&'],
  [T.LeftShift, '<<'],
  [T.RightShift, '>>'],
  [T.Plus, '+'],
  [T.Minus, '-'],
  [T.Star, '*'],
  [T.Slash, '/'],
  [T.DoubleSlash, '//'],
  [T.Percent, '%'],
  [T.At, '@'],
]);

const AUGMENTED: ReadonlyMap<TokenType, BinaryOperator> = new Map<TokenType, BinaryOperator>([
  [T.PlusAssign, '+'],
  [T.MinusAssign, '-'],
  [T.StarAssign, '*'],
  [T.SlashAssign, '/'],
  [T.DoubleSlashAssign, '//'],
  [T.PercentAssign, '%'],
  [T.AtAssign, '@'],
  [T.AmpersandAssign, '&'],
  [T.PipeAssign, '|'],
  [T.CaretAssign, '^'],
  [T.LeftShiftAssign, '<<'],
  [T.RightShiftAssign, '>>'],
  [T.DoubleStarAssign, '**'],
]);

/** Tokens that can start an expression (for element and argument lookahead). */
const EXPRESSION_START = new Set<TokenType>([
  T.Name,
  T.NumberToken,
  T.StringToken,
  T.FStringStart,
  T.True,
  T.False,
  T.None,
  T.LParen,
  T.LBracket,
  T.LBrace,
  T.Minus,
  T.Plus,
  T.Tilde,
  T.Not,
  T.Lambda,
  T.Await,
  T.Ellipsis,
  T.BareText,
  T.Invalid,
  T.Star,
  T.Yield,
]);

function describeToken(token: IToken): string {
  const type = token.tokenType;
  if (type === EOF) return 'the end of the file';
  if (type === T.Newline) return 'the end of the line';
  if (type === T.Indent) return 'an indented line';
  if (type === T.Dedent) return 'the end of the indented block';
  if (type === T.StringToken) return 'a string';
  if (type === T.FStringStart) return 'an f-string';
  if (type === T.FStringMiddle) return 'f-string text';
  if (type === T.NumberToken) return `the number ${token.image}`;
  if (type === T.Name) return `the name '${token.image}'`;
  if (type === T.BareText) return 'unquoted text';
  if (type === T.Invalid) return 'unreadable text';
  if (token.image.length === 0) return `'${type.LABEL?.replace(/'/g, '') ?? type.name}'`;
  return `'${token.image}'`;
}

const RULE_EXPECTS: Readonly<Record<string, string>> = {
  atom: 'an expression',
  statement: 'a statement',
  simpleStatement: 'a statement',
  factor: 'an expression',
  primary: 'an expression',
  disjunction: 'an expression',
  expression: 'an expression',
  starExpression: 'an expression',
  argument: 'an argument',
  target: 'an assignment target',
  strings: 'a string',
};

const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${expected.LABEL ?? expected.name}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const first = actual[0];
    return `expected ${RULE_EXPECTS[ruleName] ?? 'something else'}, found ${first === undefined ? 'nothing' : describeToken(first)}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    const first = actual[0];
    return `expected ${RULE_EXPECTS[ruleName] ?? 'more'}, found ${first === undefined ? 'nothing' : describeToken(first)}`;
  },
};

/** Positions are cached on the lexer's tokens (chevrotain's own EOF token is frozen and gets fresh ones). */
function tokenStart(t: IToken): SourceSpan['start'] {
  if (!('startPosition' in t)) return position(t.startLine ?? 1, t.startColumn ?? 1, t.startOffset);
  const token = t as Token;
  return (token.startPosition ??= position(t.startLine ?? 1, t.startColumn ?? 1, t.startOffset));
}

function tokenEnd(t: IToken): SourceSpan['end'] {
  const make = (): SourceSpan['end'] => position(t.endLine ?? 1, (t.endColumn ?? 0) + 1, (t.endOffset ?? t.startOffset - 1) + 1);
  if (!('endPosition' in t)) return make();
  const token = t as Token;
  return (token.endPosition ??= make());
}

function spanOf(first: IToken, last: IToken): SourceSpan {
  return span(tokenStart(first), tokenEnd(last));
}

function joinSpans(a: SourceSpan | undefined, b: SourceSpan | undefined): SourceSpan | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return span(a.start, b.end);
}

function payloadOf(t: IToken): T.TokenPayload | undefined {
  return (t as Token).payload;
}

function nameOf(t: IToken): string {
  const p = payloadOf(t);
  return p !== undefined && p.kind === 'name' ? p.name : t.image;
}

export class DialectParser extends EmbeddedActionsParser {
  private state!: ParseState;
  private depth = 0;
  private commentIndex = 0;
  /** Offset of the last error the parser reported (recovery points do not report twice for one stretch). */
  private lastError = -1;
  /** Reading a case pattern: a following `if` is its guard, not a conditional expression. */
  private inPattern = false;

  constructor() {
    super(T.allTokenTypes, { recoveryEnabled: false, maxLookahead: 1, errorMessageProvider: errorMessages, skipValidations: true });
    this.performSelfAnalysis();
  }

  parse(tokens: Token[], state: ParseState): Statement[] {
    this.state = state;
    this.depth = 0;
    this.commentIndex = 0;
    this.lastError = -1;
    this.inPattern = false;
    this.input = tokens;
    return this.file();
  }

  // ─── Reporting and recovery ───────────────────────────────────────────────

  private error(definition: (typeof D)[keyof typeof D], message: string, where: SourceSpan, suggestion?: string): void {
    this.state.reporter.add(definition, message, where, suggestion);
    if (definition.severity === 'error') this.lastError = Math.max(this.lastError, where.start.offset);
  }

  private warn(definition: (typeof D)[keyof typeof D], message: string, where: SourceSpan, suggestion?: string): void {
    this.state.reporter.add(definition, message, where, suggestion);
  }

  private lexErrorIn(from: number, to: number): boolean {
    const offsets = this.state.lexErrors;
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
  private reportCaught(e: unknown, before: IToken, unitStart: number, resyncEnd: number): void {
    if (e instanceof NestingLimit) return;
    const err = e as IRecognitionException | Expected;
    const token = err.token;
    if (token.tokenType === T.Invalid) return;
    if (this.lastError >= unitStart || this.lexErrorIn(unitStart, Math.max(resyncEnd, unitStart + 1))) return;
    const at = token.tokenType === EOF ? this.endOfInputSpan() : spanOf(token, token);
    this.error(D.syntaxError, err.message, at, this.suggestionFor(token, before) ?? genericSuggestion(err.message));
  }

  private endOfInputSpan(): SourceSpan {
    return span(this.state.end, this.state.end);
  }

  private suggestionFor(token: IToken, before: IToken): string | undefined {
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

  private isCaught(e: unknown): boolean {
    return e instanceof NestingLimit || e instanceof Expected || (e instanceof Error && isRecognitionException(e));
  }

  private expected(what: string): Expected {
    const token = this.LA(1);
    return new Expected(token, `expected ${what}, found ${describeToken(token)}`);
  }

  /**
   * Skips tokens until one of `stops` at bracket depth 0 (not consumed), or
   * the end of the line or input. Returns the last skipped token.
   */
  private skipUntil(stops: ReadonlySet<TokenType>, stopAtNewline = true, stopAtCloser = true): IToken | undefined {
    let depth = 0;
    let last: IToken | undefined;
    for (;;) {
      const t = this.LA(1);
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
      this.SKIP_TOKEN();
    }
  }

  private textOf(first: IToken, last: IToken | undefined): string {
    if (last === undefined || last.startOffset < first.startOffset) return '';
    return this.state.src.slice(first.startOffset, (last.endOffset ?? last.startOffset) + 1);
  }

  private enter(at: IToken): void {
    if (++this.depth > this.state.maxDepth) {
      this.depth--;
      if (this.lastError < at.startOffset) {
        this.error(D.tooDeep, `expression nested more than ${this.state.maxDepth} levels deep`, spanOf(at, at), 'flatten the expression');
      }
      throw new NestingLimit();
    }
  }

  /** The last consumed token that is not a NEWLINE, INDENT or DEDENT (where a block statement ends). */
  private lastContent(fallback: IToken): IToken {
    for (let k = 0; k > -64; k--) {
      const t = this.LA(k);
      if (t.tokenType === EOF || t.startOffset < fallback.startOffset) return fallback;
      if (!LAYOUT.has(t.tokenType)) return t;
    }
    return fallback;
  }

  private leadingComments(before: number): string[] | undefined {
    const { comments, ownLine } = this.state;
    let out: string[] | undefined;
    while (this.commentIndex < comments.length) {
      const c = comments[this.commentIndex] as Comment;
      if ((c.span?.start.offset ?? 0) >= before) break;
      if (ownLine[this.commentIndex] === true) (out ??= []).push(c.text);
      this.commentIndex++;
    }
    return out;
  }

  // ─── Statements ───────────────────────────────────────────────────────────

  private readonly file = this.RULE('file', (): Statement[] => {
    return this.ACTION(() => this.statementList(false)) ?? [];
  });

  /** Statements up to the end of the block (a DEDENT) or of the input; never throws. */
  private statementList(inBlock: boolean): Statement[] {
    const out: Statement[] = [];
    for (;;) {
      const t = this.LA(1);
      const type = t.tokenType;
      if (type === EOF) break;
      if (type === T.Dedent) {
        if (inBlock) break;
        this.SKIP_TOKEN();
        continue;
      }
      if (type === T.Newline) {
        this.SKIP_TOKEN();
        continue;
      }
      if (type === T.Indent) {
        if (this.lastError < t.startOffset && !this.lexErrorIn(t.startOffset, t.startOffset + 1)) {
          this.error(
            D.unexpectedIndent,
            'this line is indented more than the one before, which does not open a block',
            spanOf(t, t),
            'remove the extra indentation',
          );
        }
        this.SKIP_TOKEN();
        pushAll(out, this.flattenedBlockRest());
        continue;
      }
      const comments = this.leadingComments(t.startOffset);
      const before = out.length;
      this.statementWithRecovery(out);
      if (this.LA(1) === t) this.SKIP_TOKEN();
      if (comments !== undefined && out.length > before) attachComments(out[before] as Statement, comments);
    }
    return out;
  }

  /** After a consumed INDENT: the block's statements, and its DEDENT. */
  private flattenedBlockRest(): Statement[] {
    const inner = this.statementList(true);
    if (this.LA(1).tokenType === T.Dedent) this.SKIP_TOKEN();
    return inner;
  }

  private statementWithRecovery(out: Statement[]): void {
    const start = this.LA(1);
    try {
      pushAll(out, this.SUBRULE(this.statement));
    } catch (e) {
      if (e instanceof RangeError) {
        // The engine's stack ran out before the nesting limit (the parser was called from deep
        // inside another program): this statement is lost, the rest of the file is not.
        if (this.lastError < start.startOffset)
          this.error(D.tooDeep, 'this statement is nested too deeply to parse', spanOf(start, start), 'flatten it');
        e = new NestingLimit();
      }
      if (!this.isCaught(e)) throw e;
      const before = this.LA(0);
      let last = this.skipUntil(new Set(), true, false);
      if (last === undefined && this.LA(1) === start && !LAYOUT.has(start.tokenType) && start.tokenType !== EOF) {
        last = start;
        this.SKIP_TOKEN();
      }
      const errorToken = (e as { token?: IToken }).token;
      this.reportCaught(e, before, start.startOffset, (last ?? start).startOffset + 1);
      const end = last ?? errorToken ?? start;
      const text = this.textOf(start, end);
      const node: Statement = { kind: 'error', text, span: spanOf(start, end.startOffset >= start.startOffset ? end : start) };
      out.push(node);
      if (this.LA(1).tokenType === T.Newline) this.SKIP_TOKEN();
      if (this.LA(1).tokenType === T.Indent) {
        // The broken line opened a block: keep its statements (they are still checked).
        this.SKIP_TOKEN();
        pushAll(out, this.flattenedBlockRest());
      }
    }
  }

  private readonly statement = this.RULE('statement', (): Statement[] => {
    if (!this.RECORDING_PHASE) {
      const type = this.LA(1).tokenType;
      if (!STATEMENT_START.has(type) && !ATOM_START.has(type)) throw this.expected('a statement');
    }
    return this.OR(this.statementAlternatives);
  });

  private readonly statementAlternatives = [
    { ALT: (): Statement[] => [this.SUBRULE(this.ifStatement)] },
    { ALT: (): Statement[] => [this.SUBRULE(this.whileStatement)] },
    { ALT: (): Statement[] => [this.SUBRULE(this.forStatement)] },
    { GATE: () => this.atSoftKeywordLine('match'), ALT: (): Statement[] => [this.SUBRULE(this.matchStatement)] },
    { GATE: () => COMPOUND_UNSUPPORTED.has(this.LA(1).tokenType), ALT: (): Statement[] => [this.SUBRULE(this.unsupportedCompound)] },
    { GATE: () => CLAUSES.has(this.LA(1).tokenType), ALT: (): Statement[] => this.SUBRULE(this.strayClause) },
    { GATE: () => this.atSoftKeywordLine('case'), ALT: (): Statement[] => this.SUBRULE(this.strayCase) },
    { ALT: (): Statement[] => this.SUBRULE(this.simpleStatementLine) },
  ];

  /**
   * `match`/`case` are keywords only at the start of a line that ends with
   * `:` (Python's soft keywords): `match = 1` and `match(x)` stay names.
   */
  private atSoftKeywordLine(word: string): boolean {
    const first = this.LA(1);
    if (first.tokenType !== T.Name || first.image !== word) return false;
    const second = this.LA(2).tokenType;
    if (
      second === T.Assign ||
      second === T.Dot ||
      second === T.Newline ||
      second === T.Colon ||
      second === T.Comma ||
      second === T.Semicolon ||
      second === EOF
    )
      return false;
    if (T.AugmentedAssign.categoryMatchesMap?.[second.tokenTypeIdx as number] === true) return false;
    let previous: IToken = first;
    for (let k = 2; ; k++) {
      const t = this.LA(k);
      if (t.tokenType === T.Newline || t.tokenType === EOF) return previous.tokenType === T.Colon;
      previous = t;
    }
  }

  private readonly simpleStatementLine = this.RULE('simpleStatementLine', (): Statement[] => {
    const first = this.SUBRULE(this.simpleStatement);
    if (this.RECORDING_PHASE) {
      this.MANY(() => {
        this.CONSUME(T.Semicolon);
        this.OPTION(() => this.SUBRULE2(this.simpleStatement));
      });
      this.OPTION2(() => this.CONSUME(T.Newline));
      return [first];
    }
    const statements: Statement[] = [first];
    while (this.LA(1).tokenType === T.Semicolon) {
      this.SKIP_TOKEN();
      const next = this.LA(1).tokenType;
      if (next === T.Newline || next === EOF) break;
      statements.push(this.SUBRULE2(this.simpleStatement));
    }
    const end = this.LA(1).tokenType;
    if (end === T.Newline) this.SKIP_TOKEN();
    else if (end !== EOF) throw this.expected('the end of the line');
    return statements;
  });

  private readonly simpleStatement = this.RULE('simpleStatement', (): Statement => this.OR(this.simpleStatementAlternatives));

  private readonly simpleStatementAlternatives = [
    {
      ALT: (): Statement => {
        const t = this.CONSUME(T.Pass);
        return this.RECORDING_PHASE ? { kind: 'pass' } : { kind: 'pass', span: spanOf(t, t) };
      },
    },
    { ALT: (): Statement => this.SUBRULE(this.unsupportedSimple) },
    { ALT: (): Statement => this.SUBRULE(this.assignmentOrExpression) },
  ];

  /** `return x`, `import os`, `break`…: kept whole as text for the binder to reject. */
  private readonly unsupportedSimple = this.RULE('unsupportedSimple', (): Statement => {
    const keyword = this.CONSUME(T.SimpleKeyword);
    return this.ACTION((): Statement => this.finishUnsupportedSimple(keyword)) as Statement;
  });

  private finishUnsupportedSimple(keyword: IToken): UnsupportedStatement {
    const last = this.skipUntil(new Set([T.Semicolon]), true) ?? keyword;
    return { kind: 'unsupported', keyword: keyword.image, header: this.textOf(keyword, last), body: [], span: spanOf(keyword, last) };
  }

  /** `targets = value`, `target op= value`, `target: annotation = value`, or an expression. */
  private readonly assignmentOrExpression = this.RULE('assignmentOrExpression', (): Statement => {
    const first = this.SUBRULE(this.starExpressions);
    if (this.RECORDING_PHASE) {
      this.OPTION(() => {
        this.OR([
          { ALT: () => this.AT_LEAST_ONE(() => (this.CONSUME(T.Assign), this.SUBRULE2(this.starExpressions))) },
          { ALT: () => (this.CONSUME(T.AugmentedAssign), this.SUBRULE3(this.starExpressions)) },
          {
            ALT: () => (
              this.CONSUME(T.Colon),
              this.SUBRULE(this.expression),
              this.OPTION2(() => (this.CONSUME2(T.Assign), this.SUBRULE4(this.starExpressions)))
            ),
          },
        ]);
      });
      return { kind: 'pass' };
    }
    const next = this.LA(1);
    if (next.tokenType === T.Assign) {
      const targets: Expression[] = [first];
      this.SKIP_TOKEN();
      let value = this.SUBRULE2(this.starExpressions);
      while (this.LA(1).tokenType === T.Assign) {
        this.SKIP_TOKEN();
        targets.push(value);
        value = this.SUBRULE2(this.starExpressions);
      }
      const read = targets.map((target) => this.numberTarget(target) ?? (this.checkTarget(target, true), target));
      return { kind: 'assign', targets: read, value, span: joinSpans(first.span, value.span) as SourceSpan };
    }
    const augmented = AUGMENTED.get(next.tokenType);
    if (augmented !== undefined) {
      this.SKIP_TOKEN();
      const value = this.SUBRULE3(this.starExpressions);
      this.checkTarget(first, false);
      return { kind: 'augAssign', target: first, operator: augmented, value, span: joinSpans(first.span, value.span) as SourceSpan };
    }
    if (next.tokenType === T.Colon) {
      if (LITERAL_KINDS.has(first.kind)) {
        // `"prefer": "{x}"` alone on a line: text outside any string, not an annotated assignment.
        throw new Expected(next, `expected a statement, found ${first.kind === 'number' ? 'a number' : 'text'} followed by ':'`);
      }
      this.SKIP_TOKEN();
      const annotation = this.SUBRULE(this.expression);
      let value: Expression;
      if (this.LA(1).tokenType === T.Assign) {
        this.SKIP_TOKEN();
        value = this.SUBRULE4(this.starExpressions);
      } else {
        this.error(
          D.notInDialect,
          'an annotation without a value declares nothing in a shortcut',
          spanOf(next, next),
          'give it a value: name: annotation = value',
        );
        value = { kind: 'error', text: '', span: spanOf(next, next) };
      }
      this.checkTarget(first, true);
      return { kind: 'assign', targets: [first], annotation, value, span: joinSpans(first.span, value.span) as SourceSpan };
    }
    return { kind: 'expression', expression: first, span: first.span as SourceSpan };
  });

  /**
   * `1 = product_search_result`: WorkflowLLM's converter wrote a variable's
   * name with every character outside [A-Za-z0-9] replaced by `_`, so a
   * variable named "1" is `1`. Python cannot assign to a number; the one
   * sensible reading is Set Variable "1" (SC4030).
   */
  private numberTarget(target: Expression): Expression | undefined {
    if (target.kind !== 'number' || target.isFloat || !/^[0-9]+$/.test(target.text)) return undefined;
    this.warn(
      D.numberTarget,
      `'${target.text}' is a number, which Python cannot assign to: read as the variable named '${target.text}'`,
      target.span as SourceSpan,
      `rename the variable so that it starts with a letter, e.g. var_${target.text}`,
    );
    return { kind: 'name', name: target.text, span: target.span as SourceSpan };
  }

  /** Python's assignment targets: names, attributes, subscripts, and tuples/lists of them. */
  private checkTarget(target: Expression, allowUnpacking: boolean): void {
    switch (target.kind) {
      case 'name':
      case 'attribute':
      case 'subscript':
      case 'error':
        return;
      case 'tuple':
      case 'list':
        if (allowUnpacking) {
          for (const element of target.elements) this.checkTarget(element.kind === 'starred' ? element.value : element, true);
          return;
        }
        break;
      default:
        break;
    }
    const what = TARGET_NAMES[target.kind] ?? 'this expression';
    const suggestion = target.kind === 'binary' && target.operator === '-' ? "names cannot contain '-': use '_'" : "use '==' to compare";
    this.error(D.invalidTarget, `cannot assign to ${what}`, target.span as SourceSpan, suggestion);
  }

  /** `:` ending a compound statement's header: on a broken header, skip to its `:` or the end of the line. */
  private headerEnd(start: IToken, parse: () => void): IToken | undefined {
    try {
      parse();
      return this.CONSUME(T.Colon);
    } catch (e) {
      if (!this.isCaught(e)) throw e;
      const before = this.LA(0);
      const last = this.skipUntil(new Set([T.Colon]), true);
      this.reportCaught(e, before, start.startOffset, (last ?? start).startOffset + 1);
      if (this.LA(1).tokenType === T.Colon) return this.CONSUME2(T.Colon);
      return undefined;
    }
  }

  /** The body after a header's `:` (an indented block, or simple statements on the same line). */
  private block(colon: IToken | undefined, what: string): Statement[] {
    const t = this.LA(1).tokenType;
    if (t === T.Newline || t === EOF || colon === undefined) {
      if (t === T.Newline) this.SKIP_TOKEN();
      if (this.LA(1).tokenType === T.Indent) {
        this.SKIP_TOKEN();
        return this.flattenedBlockRest();
      }
      if (colon !== undefined) {
        this.warn(
          D.emptyBlock,
          `${what} has no indented statements: read as 'pass'`,
          spanOf(colon, colon),
          "write 'pass' in an indented line below",
        );
      }
      return [];
    }
    const out: Statement[] = [];
    const start = this.LA(1);
    try {
      pushAll(out, this.SUBRULE(this.simpleStatementLine));
    } catch (e) {
      if (!this.isCaught(e)) throw e;
      const before = this.LA(0);
      const last = this.skipUntil(new Set(), true);
      this.reportCaught(e, before, start.startOffset, (last ?? start).startOffset + 1);
      out.push({ kind: 'error', text: this.textOf(start, last), span: spanOf(start, last ?? start) });
      if (this.LA(1).tokenType === T.Newline) this.SKIP_TOKEN();
    }
    return out;
  }

  private readonly ifStatement = this.RULE('ifStatement', (): IfStatement => {
    const keyword = this.CONSUME(T.If);
    return this.ACTION(() => {
      let test: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
      const colon = this.headerEnd(keyword, () => {
        test = this.SUBRULE(this.namedExpression);
      });
      const body = this.block(colon, "'if'");
      const elifs: { test: Expression; body: Statement[]; span: SourceSpan }[] = [];
      let orelse: Statement[] | undefined;
      let elseSpan: SourceSpan | undefined;
      for (;;) {
        const next = this.LA(1);
        if (next.tokenType === T.Elif) {
          this.SKIP_TOKEN();
          let elifTest: Expression = { kind: 'error', text: '', span: spanOf(next, next) };
          const elifColon = this.headerEnd(next, () => {
            elifTest = this.SUBRULE2(this.namedExpression);
          });
          const elifBody = this.block(elifColon, "'elif'");
          elifs.push({ test: elifTest, body: elifBody, span: spanOf(next, elifColon ?? next) });
          continue;
        }
        if (next.tokenType === T.Else) {
          this.SKIP_TOKEN();
          const elseColon = this.headerEnd(next, () => undefined);
          elseSpan = spanOf(next, elseColon ?? next);
          orelse = this.block(elseColon, "'else'");
        }
        break;
      }
      const node: { -readonly [K in keyof IfStatement]: IfStatement[K] } = {
        kind: 'if',
        test,
        body,
        elifs,
        span: spanOf(keyword, this.lastContent(keyword)),
      };
      if (orelse !== undefined) {
        node.orelse = orelse;
        if (elseSpan !== undefined) node.elseSpan = elseSpan;
      }
      return node;
    }) as IfStatement;
  });

  private readonly whileStatement = this.RULE('whileStatement', (): WhileStatement => {
    const keyword = this.CONSUME(T.While);
    return this.ACTION(() => {
      let test: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
      const colon = this.headerEnd(keyword, () => {
        test = this.SUBRULE(this.namedExpression);
      });
      const body = this.block(colon, "'while'");
      const node: { -readonly [K in keyof WhileStatement]: WhileStatement[K] } = {
        kind: 'while',
        test,
        body,
        span: spanOf(keyword, this.lastContent(keyword)),
      };
      const orelse = this.loopElse();
      if (orelse !== undefined) node.orelse = orelse;
      return node;
    }) as WhileStatement;
  });

  private loopElse(): Statement[] | undefined {
    const next = this.LA(1);
    if (next.tokenType !== T.Else) return undefined;
    this.SKIP_TOKEN();
    const colon = this.headerEnd(next, () => undefined);
    return this.block(colon, "'else'");
  }

  private readonly forStatement = this.RULE('forStatement', (): ForStatement => {
    const keyword = this.CONSUME(T.For);
    return this.ACTION(() => {
      let target: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
      let iterable: Expression = target;
      const colon = this.headerEnd(keyword, () => {
        target = this.SUBRULE(this.targetList);
        this.CONSUME(T.In);
        iterable = this.SUBRULE(this.starExpressions);
      });
      if (target.kind !== 'error') this.checkTarget(target, true);
      const body = this.block(colon, "'for'");
      const node: { -readonly [K in keyof ForStatement]: ForStatement[K] } = {
        kind: 'for',
        target,
        iterable,
        body,
        span: spanOf(keyword, this.lastContent(keyword)),
      };
      const orelse = this.loopElse();
      if (orelse !== undefined) node.orelse = orelse;
      return node;
    }) as ForStatement;
  });

  /** `for` targets: primaries (no operators, so `in` is not read as one), separated by commas. */
  private readonly targetList = this.RULE('targetList', (): Expression => {
    const first = this.SUBRULE(this.target);
    const elements: Expression[] = [first];
    let trailing = false;
    this.MANY({
      GATE: () => !trailing,
      DEF: () => {
        this.CONSUME(T.Comma);
        const more = this.OPTION(() => this.SUBRULE2(this.target));
        this.ACTION(() => {
          if (more === undefined) trailing = true;
          else elements.push(more);
        });
      },
    });
    return this.ACTION((): Expression => {
      if (elements.length === 1 && !trailing) return first;
      return {
        kind: 'tuple',
        elements,
        parenthesized: false,
        span: joinSpans(first.span, (elements[elements.length - 1] as Expression).span) as SourceSpan,
      };
    }) as Expression;
  });

  private readonly target = this.RULE('target', (): Expression => {
    return this.OR([
      {
        ALT: () => {
          const star = this.CONSUME(T.Star);
          const value = this.SUBRULE(this.primary);
          return this.ACTION((): Expression => ({
            kind: 'starred',
            double: false,
            value,
            span: joinSpans(spanOf(star, star), value.span) as SourceSpan,
          })) as Expression;
        },
      },
      { ALT: () => this.SUBRULE2(this.primary) },
    ]);
  });

  private readonly matchStatement = this.RULE('matchStatement', (): MatchStatement => {
    const keyword = this.CONSUME(T.Name);
    return this.ACTION(() => {
      let subject: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
      const colon = this.headerEnd(keyword, () => {
        subject = this.SUBRULE(this.starExpressions);
      });
      const cases: MatchCase[] = [];
      const t = this.LA(1).tokenType;
      if (t === T.Newline) this.SKIP_TOKEN();
      if (this.LA(1).tokenType !== T.Indent) {
        if (colon !== undefined)
          this.warn(D.emptyBlock, "'match' has no indented 'case' lines: read as empty", spanOf(colon, colon), "add 'case' lines below it");
      } else {
        this.SKIP_TOKEN();
        let strayReported = false;
        for (;;) {
          const next = this.LA(1);
          if (next.tokenType === EOF) break;
          if (next.tokenType === T.Dedent) {
            this.SKIP_TOKEN();
            break;
          }
          const comments = this.leadingComments(next.startOffset);
          if (next.tokenType === T.Name && next.image === 'case') {
            const matchCase = this.caseClause();
            cases.push(matchCase);
            if (comments !== undefined && matchCase.body.length > 0) attachComments(matchCase.body[0] as Statement, comments);
            continue;
          }
          // A statement where a `case` belongs: report the first, parse them all (so they are skipped
          // cleanly, and still checked), and keep them in the previous case.
          if (!strayReported && this.lastError < next.startOffset) {
            strayReported = true;
            this.error(
              D.syntaxError,
              `expected 'case' inside 'match', found ${describeToken(next)}`,
              spanOf(next, next),
              'indent it under a \'case "Title":\' line, or dedent it to end the match',
            );
          }
          const stray: Statement[] = [];
          if (next.tokenType === T.Indent) {
            this.SKIP_TOKEN();
            pushAll(stray, this.flattenedBlockRest());
          } else this.statementWithRecovery(stray);
          const previous = cases[cases.length - 1];
          if (previous !== undefined) cases[cases.length - 1] = { ...previous, body: [...previous.body, ...stray] };
        }
      }
      return { kind: 'match', subject, cases, span: spanOf(keyword, this.lastContent(keyword)) } satisfies MatchStatement;
    }) as MatchStatement;
  });

  private caseClause(): MatchCase {
    const keyword = this.LA(1);
    this.SKIP_TOKEN();
    let pattern: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
    let guard: Expression | undefined;
    const colon = this.headerEnd(keyword, () => {
      this.inPattern = true;
      try {
        pattern = this.SUBRULE(this.pattern);
      } finally {
        this.inPattern = false;
      }
      if (this.LA(1).tokenType === T.If) {
        this.SKIP_TOKEN();
        guard = this.SUBRULE2(this.namedExpression);
      }
    });
    if (pattern.kind !== 'error') this.checkPattern(pattern);
    const body = this.block(colon, "'case'");
    const node: { -readonly [K in keyof MatchCase]: MatchCase[K] } = {
      kind: 'case',
      pattern,
      body,
      span: spanOf(keyword, colon ?? keyword),
    };
    if (guard !== undefined) node.guard = guard;
    return node;
  }

  /** A case pattern: an or-pattern chain or an open sequence (`case a, b:`). */
  private readonly pattern = this.RULE('pattern', (): Expression => {
    const first = this.SUBRULE(this.starExpression);
    const elements: Expression[] = [first];
    let trailing = false;
    this.MANY({
      GATE: () => !trailing,
      DEF: () => {
        this.CONSUME(T.Comma);
        const more = this.OPTION(() => this.SUBRULE2(this.starExpression));
        this.ACTION(() => {
          if (more === undefined) trailing = true;
          else elements.push(more);
        });
      },
    });
    this.OPTION2(() => {
      const as = this.CONSUME(T.As);
      this.CONSUME(T.Name);
      this.ACTION(() => this.error(D.notInDialect, "'as' patterns are not part of the dialect", spanOf(as, as), 'match the value itself'));
    });
    return this.ACTION((): Expression => {
      if (elements.length === 1 && !trailing) return first;
      return {
        kind: 'tuple',
        elements,
        parenthesized: false,
        span: joinSpans(first.span, (elements[elements.length - 1] as Expression).span) as SourceSpan,
      };
    }) as Expression;
  });

  /** Python accepts literals, names, dotted names, `|`, sequences, mappings and class patterns. */
  private checkPattern(p: Expression): void {
    const ok = (e: Expression): boolean => {
      switch (e.kind) {
        case 'string':
        case 'fstring':
        case 'bytes':
        case 'number':
        case 'boolean':
        case 'none':
        case 'name':
        case 'error':
        case 'bareText':
          return true;
        case 'attribute':
          return ok(e.object) && (e.object.kind === 'name' || e.object.kind === 'attribute');
        case 'unary':
          return e.operator === '-' && e.operand.kind === 'number';
        case 'binary':
          return e.operator === '|'
            ? ok(e.left) && ok(e.right)
            : (e.operator === '+' || e.operator === '-') && e.right.kind === 'number' && e.left.kind !== 'binary';
        case 'list':
        case 'tuple':
          return e.elements.every((x) => (x.kind === 'starred' ? x.value.kind === 'name' : ok(x)));
        case 'dict':
          return e.entries.every((entry) => ok(entry.key) && ok(entry.value));
        case 'call':
          return (e.callee.kind === 'name' || e.callee.kind === 'attribute') && e.args.every(ok) && e.keywords.every((k) => ok(k.value));
        default:
          return false;
      }
    };
    if (!ok(p)) {
      this.error(
        D.invalidPattern,
        'a case pattern must be a literal (a string for a menu item), a name, or a structure of them',
        p.span as SourceSpan,
        'write the menu title as a string: case "Title":',
      );
    }
  }

  private readonly unsupportedCompound = this.RULE('unsupportedCompound', (): UnsupportedStatement => {
    const keyword = this.CONSUME(T.CompoundKeyword);
    return this.ACTION(() => this.finishUnsupportedCompound(keyword)) as UnsupportedStatement;
  });

  private finishUnsupportedCompound(keyword: IToken): UnsupportedStatement {
    if (keyword.tokenType === T.At) {
      const last = this.skipUntil(new Set(), true) ?? keyword;
      if (this.LA(1).tokenType === T.Newline) this.SKIP_TOKEN();
      return { kind: 'unsupported', keyword: '@', header: this.textOf(keyword, last), body: [], span: spanOf(keyword, last) };
    }
    const last = this.skipUntil(new Set([T.Colon]), true) ?? keyword;
    const colon = this.LA(1).tokenType === T.Colon ? this.LA(1) : undefined;
    if (colon !== undefined) this.SKIP_TOKEN();
    else if (this.lastError < keyword.startOffset) {
      this.error(D.syntaxError, `expected ':' at the end of the '${keyword.image}' line`, spanOf(last, last), "end the line with ':'");
    }
    const body = [...this.block(colon, `'${keyword.image}'`)];
    const header = this.textOf(keyword, colon ?? last);
    if (keyword.tokenType === T.Try) {
      // `except` / `else` / `finally` clauses belong to the `try`.
      for (;;) {
        const next = this.LA(1);
        if (next.tokenType !== T.Except && next.tokenType !== T.Else && next.tokenType !== T.Finally) break;
        this.SKIP_TOKEN();
        this.skipUntil(new Set([T.Colon]), true);
        const clauseColon = this.LA(1).tokenType === T.Colon ? this.LA(1) : undefined;
        if (clauseColon !== undefined) this.SKIP_TOKEN();
        pushAll(body, this.block(clauseColon, `'${next.image}'`));
      }
    }
    return { kind: 'unsupported', keyword: keyword.image, header, body, span: spanOf(keyword, this.lastContent(keyword)) };
  }

  /** `else:`/`elif …:`/`except:`/`finally:`/`case …:` with no statement to belong to. */
  private readonly strayClause = this.RULE('strayClause', (): Statement[] => {
    const keyword = this.CONSUME(T.ClauseKeyword);
    return this.ACTION(() => this.finishStrayClause(keyword)) as Statement[];
  });

  private readonly strayCase = this.RULE('strayCase', (): Statement[] => {
    const keyword = this.CONSUME(T.Name);
    return this.ACTION(() => this.finishStrayClause(keyword)) as Statement[];
  });

  private finishStrayClause(keyword: IToken): Statement[] {
    if (this.lastError < keyword.startOffset) {
      const owner = keyword.image === 'case' ? "'match'" : keyword.image === 'except' || keyword.image === 'finally' ? "'try'" : "'if'";
      this.error(
        D.strayClause,
        `'${keyword.image}' without ${owner} before it at the same indentation`,
        spanOf(keyword, keyword),
        `indent it to line up with its ${owner}, or remove it`,
      );
    }
    this.skipUntil(new Set([T.Colon]), true);
    const colon = this.LA(1).tokenType === T.Colon ? this.LA(1) : undefined;
    if (colon !== undefined) this.SKIP_TOKEN();
    return this.block(colon, `'${keyword.image}'`);
  }

  // ─── Expressions ──────────────────────────────────────────────────────────

  /** `a, b` without parentheses (a tuple), or one expression. */
  /** `a, b` without parentheses (a tuple), or one expression. */
  private readonly starExpressions = this.RULE('starExpressions', (): Expression => {
    if (this.RECORDING_PHASE) {
      this.SUBRULE(this.starExpression);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.OPTION(() => this.SUBRULE2(this.starExpression));
      });
      return { kind: 'error', text: '' };
    }
    const first = this.quickAtom() ?? this.SUBRULE(this.starExpression);
    if (this.LA(1).tokenType !== T.Comma) return first;
    const elements: Expression[] = [first];
    while (this.LA(1).tokenType === T.Comma) {
      this.SKIP_TOKEN();
      if (!EXPRESSION_START.has(this.LA(1).tokenType)) break;
      elements.push(this.quickAtom() ?? this.SUBRULE2(this.starExpression));
    }
    const last = this.LA(0);
    return { kind: 'tuple', elements, parenthesized: false, span: joinSpans(first.span, spanOf(last, last)) as SourceSpan };
  });

  private readonly starExpression = this.RULE('starExpression', (): Expression => {
    if (!this.RECORDING_PHASE) {
      const type = this.LA(1).tokenType;
      if (type !== T.Star) {
        if (!EXPRESSION_START.has(type)) throw this.expected('an expression');
        return this.SUBRULE(this.namedExpression);
      }
    }
    return this.OR(this.starAlternatives);
  });

  private readonly starAlternatives = [
    {
      ALT: (): Expression => {
        const star = this.CONSUME(T.Star);
        const value = this.SUBRULE(this.disjunction);
        if (this.RECORDING_PHASE) return value;
        return this.boundedDepth(
          { kind: 'starred', double: false, value, span: joinSpans(spanOf(star, star), value.span) as SourceSpan },
          star,
        );
      },
    },
    { ALT: (): Expression => this.SUBRULE(this.namedExpression) },
  ];

  /** An expression, with the walrus (`x := v`) reported. */
  /** An expression, with the walrus (`x := v`) reported. */
  private readonly namedExpression = this.RULE('namedExpression', (): Expression => {
    const value = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) {
      this.OPTION(() => {
        this.CONSUME(T.Walrus);
        this.SUBRULE2(this.expression);
      });
      return value;
    }
    const walrus = this.LA(1);
    if (walrus.tokenType === T.Walrus) {
      this.SKIP_TOKEN();
      this.SUBRULE2(this.expression);
      this.error(
        D.notInDialect,
        "':=' (assignment expressions) is not part of the dialect",
        spanOf(walrus, walrus),
        'assign on its own line first',
      );
    }
    return value;
  });

  /**
   * An expression with its nesting counted. The lambda and conditional
   * forms are read only to be reported (the AST has no node for them).
   */
  private readonly expression = this.RULE('expression', (): Expression => {
    if (this.RECORDING_PHASE) {
      return this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Lambda);
            this.CONSUME(T.Colon);
            return this.SUBRULE(this.expression);
          },
        },
        {
          ALT: () => {
            const value = this.SUBRULE(this.disjunction);
            this.OPTION(() => {
              this.CONSUME(T.If);
              this.SUBRULE2(this.disjunction);
              this.CONSUME(T.Else);
              this.SUBRULE2(this.expression);
            });
            return value;
          },
        },
      ]);
    }
    const first = this.LA(1);
    this.enter(first);
    try {
      if (first.tokenType === T.Lambda) {
        this.SKIP_TOKEN();
        this.skipUntil(new Set([T.Colon]), true);
        this.CONSUME(T.Colon);
        const body = this.SUBRULE(this.expression);
        return this.unsupportedExpression('lambda functions', first, body.span);
      }
      let result = this.SUBRULE(this.disjunction);
      const ifToken = this.LA(1);
      if (!this.inPattern && ifToken.tokenType === T.If) {
        this.SKIP_TOKEN();
        this.SUBRULE2(this.disjunction);
        this.CONSUME(T.Else);
        const otherwise = this.SUBRULE2(this.expression);
        result = this.unsupportedExpression('conditional expressions (a if b else c)', ifToken, otherwise.span, result.span);
      }
      return this.depth === 1 ? this.boundedDepth(result, first) : result;
    } finally {
      this.depth--;
    }
  });

  /**
   * An outermost expression whose tree is deeper than consumers can walk
   * recursively (`a + a + … ` a hundred thousand times, `not not … x`)
   * becomes an error node. Only long expressions can be deep, so only they
   * are measured (iteratively).
   */
  private boundedDepth(e: Expression, first: IToken): Expression {
    const where = e.span;
    // A tree is never deeper than the number of tokens it was read from.
    const tokens = ((this.LA(0) as Token).index ?? 0) - ((first as Token).index ?? 0) + 1;
    if (where === undefined || tokens <= this.state.maxAstDepth) return e;
    if (nodeDepth(e) <= this.state.maxAstDepth) return e;
    if (this.lastError < where.start.offset) {
      this.error(D.tooDeep, `expression nested more than ${this.state.maxAstDepth} levels deep`, where, 'split it into several statements');
    }
    return { kind: 'error', text: this.state.src.slice(where.start.offset, where.end.offset), span: where };
  }

  private unsupportedExpression(what: string, at: IToken, end: SourceSpan | undefined, start?: SourceSpan): Expression {
    const where = span(start?.start ?? tokenStart(at), end?.end ?? tokenEnd(at));
    this.error(D.notInDialect, `${what} are not part of the dialect`, spanOf(at, at), 'use an action for it');
    return { kind: 'error', text: this.state.src.slice(where.start.offset, where.end.offset), span: where };
  }

  /** The flat operator chain: `not`* operand (operator `not`* operand)*. */
  /**
   * The flat operator chain: `not`* operand (operator `not`* operand)*. The
   * leading part is chevrotain's (it decides where an expression may start);
   * the rest is a plain loop: after the first operand one token decides.
   */
  private readonly disjunction = this.RULE('disjunction', (): Expression => {
    let nots: SourceSpan[] | undefined;
    this.MANY(() => {
      const t = this.CONSUME(T.Not);
      if (!this.RECORDING_PHASE) (nots ??= []).push(spanOf(t, t));
    });
    const first = this.SUBRULE(this.factor);
    if (this.RECORDING_PHASE) return first;
    let operator = INFIX.get(this.LA(1).tokenType);
    const notIn = this.LA(1).tokenType === T.Not && this.LA(2).tokenType === T.In;
    if (operator === undefined && !notIn) {
      if (nots === undefined) return first;
      return foldChain([{ nots, expression: first }], [], []);
    }
    const operands: ChainOperand[] = [{ nots: nots ?? [], expression: first }];
    const links: ChainLink[] = [];
    for (;;) {
      const t = this.LA(1);
      operator = INFIX.get(t.tokenType);
      let opSpan: SourceSpan;
      if (operator !== undefined) {
        this.SKIP_TOKEN();
        opSpan = spanOf(t, t);
        if (operator === 'is' && this.LA(1).tokenType === T.Not) {
          opSpan = spanOf(t, this.LA(1));
          operator = 'is not';
          this.SKIP_TOKEN();
        }
      } else if (t.tokenType === T.Not && this.LA(2).tokenType === T.In) {
        operator = 'not in';
        opSpan = spanOf(t, this.LA(2));
        this.SKIP_TOKEN();
        this.SKIP_TOKEN();
      } else break;
      const operandNots: SourceSpan[] = [];
      while (this.LA(1).tokenType === T.Not) {
        operandNots.push(spanOf(this.LA(1), this.LA(1)));
        this.SKIP_TOKEN();
      }
      const operand = this.SUBRULE2(this.factor);
      links.push({ operator, span: opSpan });
      operands.push({ nots: operandNots, expression: operand });
    }
    const problems: FoldProblem[] = [];
    const result = foldChain(operands, links, problems);
    for (const p of problems) this.error(D.syntaxError, p.message, p.span, p.suggestion);
    return result;
  });

  /** Unary `-` `+` `~` and `**` (which binds tighter on its left: `-x**2` is `-(x**2)`). */
  /** Unary `-` `+` `~` and `**` (which binds tighter on its left: `-x**2` is `-(x**2)`). */
  private readonly factor = this.RULE('factor', (): Expression => {
    let prefixes: IToken[] | undefined;
    this.MANY(() => {
      const t = this.OR(this.signAlternatives);
      if (!this.RECORDING_PHASE) (prefixes ??= []).push(t);
    });
    let base = this.SUBRULE(this.primary);
    if (this.RECORDING_PHASE) {
      this.OPTION(() => {
        this.CONSUME(T.DoubleStar);
        this.SUBRULE2(this.factor);
      });
      return base;
    }
    const power = this.LA(1);
    if (power.tokenType === T.DoubleStar) {
      this.SKIP_TOKEN();
      this.enter(power);
      try {
        const exponent = this.SUBRULE2(this.factor);
        base = { kind: 'binary', operator: '**', left: base, right: exponent, span: joinSpans(base.span, exponent.span) as SourceSpan };
      } finally {
        this.depth--;
      }
    }
    if (prefixes === undefined) return base;
    if (prefixes.length > this.state.maxDepth) {
      const t = prefixes[0] as IToken;
      this.error(D.tooDeep, `more than ${this.state.maxDepth} signs in a row`, spanOf(t, t), 'remove the extra signs');
      return { kind: 'error', text: this.textOf(t, this.LA(0)), span: spanOf(t, this.LA(0)) };
    }
    let result = base;
    for (let k = prefixes.length - 1; k >= 0; k--) {
      const t = prefixes[k] as IToken;
      result = {
        kind: 'unary',
        operator: t.tokenType === T.Minus ? '-' : t.tokenType === T.Plus ? '+' : '~',
        operand: result,
        span: joinSpans(spanOf(t, t), result.span) as SourceSpan,
      };
    }
    return result;
  });

  private readonly signAlternatives = [
    { ALT: () => this.CONSUME(T.Minus) },
    { ALT: () => this.CONSUME(T.Plus) },
    { ALT: () => this.CONSUME(T.Tilde) },
  ];

  /** An atom and its trailers: `.name`, `(arguments)`, `[index]`. */
  /** An atom and its trailers (`.name`, `(arguments)`, `[index]`), read in a plain loop: one token decides each. */
  private readonly primary = this.RULE('primary', (): Expression => {
    const value = this.SUBRULE(this.atom);
    if (this.RECORDING_PHASE) return value;
    const next = this.LA(1).tokenType;
    return next === T.Dot || next === T.LParen || next === T.LBracket ? this.trailers(value) : value;
  });

  private trailers(start: Expression): Expression {
    let value = start;
    for (let count = 1; ; count++) {
      const type = this.LA(1).tokenType;
      if (type === T.Dot) {
        this.SKIP_TOKEN();
        const name = this.CONSUME(T.Name);
        const p = payloadOf(name);
        if (p?.kind === 'name' && p.spaced === true) {
          this.warn(
            D.spacedProperty,
            `'.${name.image}' is not a Python attribute (it contains spaces): read as the property '${p.name}'`,
            spanOf(name, name),
            `write getattr(…, '${p.name}') for valid Python`,
          );
        }
        value = { kind: 'attribute', object: value, name: nameOf(name), span: joinSpans(value.span, spanOf(name, name)) as SourceSpan };
      } else if (type === T.LParen) {
        this.SKIP_TOKEN();
        const { args, keywords } = this.callArguments();
        const close = this.CONSUME(T.RParen);
        value = { kind: 'call', callee: value, args, keywords, span: joinSpans(value.span, spanOf(close, close)) as SourceSpan };
      } else if (type === T.LBracket) {
        this.SKIP_TOKEN();
        const index = this.SUBRULE(this.subscript);
        const close = this.CONSUME(T.RBracket);
        value = { kind: 'subscript', object: value, index, span: joinSpans(value.span, spanOf(close, close)) as SourceSpan };
      } else return value;
      if (count > this.state.maxDepth) {
        const at = this.LA(0);
        this.error(
          D.tooDeep,
          `more than ${this.state.maxDepth} attribute, call or index suffixes in a row`,
          spanOf(at, at),
          'split the expression',
        );
        throw new NestingLimit();
      }
    }
  }

  /** `[index]`: one expression or a tuple; slices are reported. */
  private readonly subscript = this.RULE('subscript', (): Expression => {
    const start = this.LA(1);
    return this.ACTION((): Expression => {
      const colonAhead = (): boolean => {
        let depth = 0;
        for (let k = 1; ; k++) {
          const t = this.LA(k).tokenType;
          if (t === EOF || t === T.Newline) return false;
          if (OPENERS.has(t)) depth++;
          else if (CLOSERS.has(t)) {
            if (depth === 0) return false;
            depth--;
          } else if (t === T.Colon && depth === 0) return true;
        }
      };
      if (colonAhead()) {
        const last = this.skipUntil(new Set([T.RBracket]), false);
        this.error(
          D.notInDialect,
          'slices (a[i:j]) are not part of the dialect',
          spanOf(start, last ?? start),
          'use an action to get items from a list',
        );
        return { kind: 'error', text: this.textOf(start, last), span: spanOf(start, last ?? start) };
      }
      return this.SUBRULE(this.starExpressions);
    }) as Expression;
  });

  private readonly atom = this.RULE('atom', (): Expression => {
    if (!this.RECORDING_PHASE) {
      const t = this.LA(1);
      const type = t.tokenType;
      if (type === T.StringToken || type === T.FStringStart) return this.SUBRULE(this.strings);
      if (QUICK_ATOMS.has(type) || type === T.Invalid) {
        this.SKIP_TOKEN();
        return this.atomNode(t);
      }
      if (!ATOM_START.has(type)) throw this.expected('an expression');
    }
    return this.OR(this.atomAlternatives);
  });

  private readonly atomAlternatives = [
    {
      ALT: () => {
        const t = this.CONSUME(T.Name);
        return this.ACTION((): Expression => this.atomNode(t)) as Expression;
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.NumberToken);
        return this.ACTION((): Expression => this.atomNode(t)) as Expression;
      },
    },
    { ALT: () => this.SUBRULE(this.strings) },
    {
      ALT: () => {
        const t = this.OR2([{ ALT: () => this.CONSUME(T.True) }, { ALT: () => this.CONSUME(T.False) }]);
        return this.ACTION((): Expression => ({ kind: 'boolean', value: t.tokenType === T.True, span: spanOf(t, t) })) as Expression;
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.None);
        return this.ACTION((): Expression => ({ kind: 'none', span: spanOf(t, t) })) as Expression;
      },
    },
    { ALT: () => this.SUBRULE(this.parenthesized) },
    { ALT: () => this.SUBRULE(this.listDisplay) },
    { ALT: () => this.SUBRULE(this.braceDisplay) },
    {
      ALT: () => {
        const t = this.CONSUME(T.BareText);
        return this.ACTION((): Expression => this.bareText(t, t)) as Expression;
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.Invalid);
        return this.ACTION((): Expression => ({ kind: 'error', text: t.image, span: spanOf(t, t) })) as Expression;
      },
    },
    {
      ALT: () => {
        const t = this.CONSUME(T.Ellipsis);
        return this.ACTION((): Expression => this.atomNode(t)) as Expression;
      },
    },
    {
      ALT: () => {
        const t = this.OR3([{ ALT: () => this.CONSUME(T.Await) }, { ALT: () => this.CONSUME(T.Yield) }]);
        const operand = this.OPTION({ GATE: () => EXPRESSION_START.has(this.LA(1).tokenType), DEF: () => this.SUBRULE(this.factor) });
        return this.ACTION((): Expression =>
          this.unsupportedExpression(`'${t.image}' expressions`, t, operand?.span ?? spanOf(t, t)),
        ) as Expression;
      },
    },
  ];

  /**
   * The common case without descending the expression rules: a lone name,
   * number, string or constant directly followed by what ends an expression
   * (`,`, `)`, `=`, end of line…). Same nodes and warnings as `atom`.
   */
  private quickAtom(): Expression | undefined {
    const t = this.LA(1);
    const type = t.tokenType;
    if (!QUICK_ATOMS.has(type) || !QUICK_FOLLOW.has(this.LA(2).tokenType)) return undefined;
    this.SKIP_TOKEN();
    return this.atomNode(t);
  }

  private atomNode(t: IToken): Expression {
    const type = t.tokenType;
    if (type === T.Name) {
      const p = payloadOf(t);
      if (p !== undefined && p.kind === 'name' && p.hyphenated) {
        this.warn(
          D.hyphenatedName,
          `'${t.image}' is not a Python name (it contains '-'): read as the call name '${p.name}'`,
          spanOf(t, t),
          'keep it for a catalog action name; write a - b with spaces for subtraction',
        );
      }
      return { kind: 'name', name: nameOf(t), span: spanOf(t, t) };
    }
    if (type === T.StringToken) {
      const p = payloadOf(t);
      if (p?.kind === 'bytes') return { kind: 'bytes', value: p.value, quote: p.quote, span: spanOf(t, t) };
      const q = p as Extract<T.TokenPayload, { kind: 'string' }>;
      return q.raw
        ? { kind: 'string', value: q.value, quote: q.quote, raw: true, span: spanOf(t, t) }
        : { kind: 'string', value: q.value, quote: q.quote, span: spanOf(t, t) };
    }
    if (type === T.NumberToken) {
      const p = payloadOf(t) as Extract<T.TokenPayload, { kind: 'number' }>;
      return { kind: 'number', text: t.image, isFloat: p.isFloat, value: p.value, span: spanOf(t, t) };
    }
    if (type === T.True || type === T.False) return { kind: 'boolean', value: type === T.True, span: spanOf(t, t) };
    if (type === T.None) return { kind: 'none', span: spanOf(t, t) };
    // `...` is the dialect's "absent parameter" (grammars/dialect.md §8); the binder gives it meaning.
    if (type === T.Ellipsis) return { kind: 'ellipsis', span: spanOf(t, t) };
    if (type === T.BareText) return this.bareText(t, t);
    return { kind: 'error', text: t.image, span: spanOf(t, t) };
  }

  /** An empty dictionary value, read as empty text. */
  private emptyText(colon: IToken): Expression {
    const at = spanOf(colon, colon);
    const where = span(at.end, at.end);
    this.warn(D.bareText, 'empty value read as empty text', where, "write '' for empty text");
    return { kind: 'bareText', text: '', span: where };
  }

  private bareText(first: IToken, last: IToken): Expression {
    return this.bareTextAt(spanOf(first, last));
  }

  private bareTextAt(where: SourceSpan): Expression {
    const text = this.state.src.slice(where.start.offset, where.end.offset);
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    this.warn(D.bareText, `unquoted text '${shown}' read as a string`, where, `put it in quotes: '''${shown}'''`);
    return { kind: 'bareText', text, span: where };
  }


  // ─── Strings ──────────────────────────────────────────────────────────────

  /** Adjacent string literals, concatenated (`'a' f'{x}' "b"`). */
  /** Adjacent string literals, concatenated (`'a' f'{x}' "b"`). */
  private readonly strings = this.RULE('strings', (): Expression => {
    if (this.RECORDING_PHASE) {
      this.AT_LEAST_ONE(() => {
        this.OR([{ ALT: () => this.CONSUME(T.StringToken) }, { ALT: () => this.SUBRULE(this.fstring) }]);
      });
      return { kind: 'error', text: '' };
    }
    const pieces: { token: IToken; fstring?: { parts: FStringPart[]; quote: QuoteStyle; raw: boolean; span: SourceSpan } }[] = [];
    for (;;) {
      const t = this.LA(1);
      if (t.tokenType === T.StringToken) {
        this.SKIP_TOKEN();
        pieces.push({ token: t });
      } else if (t.tokenType === T.FStringStart) {
        pieces.push({ token: t, fstring: this.SUBRULE(this.fstring) });
      } else break;
    }
    if (pieces.length === 0) throw this.expected('a string');
    return this.concatenate(pieces);
  });

  private concatenate(
    pieces: readonly { token: IToken; fstring?: { parts: FStringPart[]; quote: QuoteStyle; raw: boolean; span: SourceSpan } }[],
  ): Expression {
    const first = pieces[0] as (typeof pieces)[number];
    const where = joinSpans(first.fstring?.span ?? spanOf(first.token, first.token), spanOf(this.LA(0), this.LA(0))) as SourceSpan;
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
      this.error(D.mixedBytes, 'bytes and text literals cannot be joined', where, "make both bytes (b'…') or both text");
      return { kind: 'error', text: this.state.src.slice(where.start.offset, where.end.offset), span: where };
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

  private readonly fstring = this.RULE('fstring', (): { parts: FStringPart[]; quote: QuoteStyle; raw: boolean; span: SourceSpan } => {
    const start = this.CONSUME(T.FStringStart);
    const parts = this.SUBRULE(this.fstringParts);
    const end = this.CONSUME(T.FStringEnd);
    return this.ACTION(() => {
      const p = payloadOf(start) as Extract<T.TokenPayload, { kind: 'fstringStart' }>;
      return { parts, quote: p.quote, raw: p.raw, span: spanOf(start, end) };
    }) as { parts: FStringPart[]; quote: QuoteStyle; raw: boolean; span: SourceSpan };
  });

  private readonly fstringParts = this.RULE('fstringParts', (): FStringPart[] => {
    if (this.RECORDING_PHASE) {
      this.MANY(() => {
        this.OR([{ ALT: () => this.CONSUME(T.FStringMiddle) }, { ALT: () => this.CONSUME(T.FExprStart) }]);
      });
      return [];
    }
    const parts: FStringPart[] = [];
    for (;;) {
      const t = this.LA(1);
      if (t.tokenType === T.FStringMiddle) {
        this.SKIP_TOKEN();
        appendPart(parts, (payloadOf(t) as Extract<T.TokenPayload, { kind: 'text' }>).value);
      } else if (t.tokenType === T.FExprStart) {
        this.SKIP_TOKEN();
        this.interpolation(parts);
      } else return parts;
    }
  });

  /** After `{`: expression, `=`, `!r`, `:spec`, `}` — recovering at the `}`. */
  private interpolation(parts: FStringPart[]): void {
    const open = this.LA(0);
    const start = this.LA(1);
    try {
      const expression = this.SUBRULE(this.starExpressions);
      let debug: IToken | undefined;
      if (this.LA(1).tokenType === T.FDebug) {
        debug = this.LA(1);
        this.SKIP_TOKEN();
      }
      let conversion: 'r' | 's' | 'a' | undefined;
      if (this.LA(1).tokenType === T.FConversion) {
        conversion = this.LA(1).image.slice(1) as 'r' | 's' | 'a';
        this.SKIP_TOKEN();
      }
      let formatSpec: FStringPart[] | undefined;
      if (this.LA(1).tokenType === T.FSpecStart) {
        this.SKIP_TOKEN();
        formatSpec = this.SUBRULE(this.fstringParts);
      }
      const close = this.CONSUME(T.FExprEnd);
      if (debug !== undefined) {
        // `{x=}`: the expression's text (with the `=` and spaces) then its repr, as Python does.
        appendPart(parts, this.state.src.slice((open.endOffset ?? open.startOffset) + 1, (debug.endOffset ?? debug.startOffset) + 1));
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
      if (!this.isCaught(e)) throw e;
      const before = this.LA(0);
      const last = this.skipUntil(new Set([T.FExprEnd]), false);
      this.reportCaught(e, before, start.startOffset, (last ?? start).startOffset + 1);
      const close = this.LA(1).tokenType === T.FExprEnd ? this.LA(1) : undefined;
      if (close !== undefined) this.SKIP_TOKEN();
      const text = this.textOf(start, last);
      parts.push({
        kind: 'interpolation',
        expression: { kind: 'error', text, span: spanOf(start, last ?? start) },
        span: spanOf(open, close ?? last ?? open),
      });
    }
  }

  // ─── Brackets ─────────────────────────────────────────────────────────────

  private readonly parenthesized = this.RULE('parenthesized', (): Expression => {
    const open = this.CONSUME(T.LParen);
    return this.ACTION((): Expression => {
      if (this.LA(1).tokenType === T.RParen) {
        const close = this.LA(1);
        this.SKIP_TOKEN();
        return { kind: 'tuple', elements: [], parenthesized: true, span: spanOf(open, close) };
      }
      const elements: Expression[] = [];
      let comma = false;
      const generator = this.elements(elements, T.RParen, false, () => {
        comma = true;
      });
      const close = this.CONSUME(T.RParen);
      const where = spanOf(open, close);
      if (generator) return this.unsupportedExpression('generator expressions', open, where, where);
      if (elements.length === 1 && !comma) return elements[0] as Expression;
      return { kind: 'tuple', elements, parenthesized: true, span: where };
    }) as Expression;
  });

  private readonly listDisplay = this.RULE('listDisplay', (): Expression => {
    const open = this.CONSUME(T.LBracket);
    return this.ACTION((): Expression => {
      const elements: Expression[] = [];
      const comprehension = this.elements(elements, T.RBracket, true);
      const close = this.CONSUME(T.RBracket);
      const where = spanOf(open, close);
      if (comprehension) return this.unsupportedExpression('list comprehensions', open, where, where);
      return { kind: 'list', elements, span: where };
    }) as Expression;
  });

  /**
   * Comma-separated elements up to `close` (not consumed), each recovered on
   * its own; returns true if the first element is followed by `for` (a
   * comprehension, whose rest is skipped).
   */
  private elements(out: Expression[], close: TokenType, allowBareText: boolean, onComma?: () => void): boolean {
    for (;;) {
      const t = this.LA(1).tokenType;
      if (t === close || t === EOF || t === T.Newline) return false;
      out.push(this.element(close, false, allowBareText));
      if (this.LA(1).tokenType === T.For) {
        this.skipUntil(new Set([close]), false);
        return true;
      }
      if (this.LA(1).tokenType !== T.Comma) return false;
      this.SKIP_TOKEN();
      onComma?.();
    }
  }

  /** One element of a display, with bare-text reading and recovery up to the next `,` or `close`. */
  private element(close: TokenType, isKey: boolean, allowBareText: boolean): Expression {
    const start = this.LA(1);
    if (allowBareText) {
      const count = this.bareTextLength(close, isKey);
      if (count > 0) {
        for (let k = 1; k < count; k++) this.SKIP_TOKEN();
        const last = this.LA(1);
        this.SKIP_TOKEN();
        return this.bareText(start, last);
      }
    }
    try {
      return this.quickAtom() ?? this.SUBRULE(this.starExpression);
    } catch (e) {
      if (!this.isCaught(e)) throw e;
      const before = this.LA(0);
      const stops = new Set<TokenType>([T.Comma, close]);
      if (isKey) stops.add(T.Colon);
      const last = this.skipUntil(stops, false);
      this.reportCaught(e, before, start.startOffset, (last ?? start).startOffset + 1);
      return { kind: 'error', text: this.textOf(start, last), span: spanOf(start, last ?? start) };
    }
  }

  /**
   * How many tokens from here form unquoted text: an element whose tokens
   * cannot be one expression (`Mastodon API List`, `1.0.4`,
   * `https://host/path`, `params=`) up to the next `,`, `close` or (in a key)
   * `:`. Zero when the element reads as an expression.
   */
  private bareTextLength(close: TokenType, isKey: boolean): number {
    let depth = 0;
    let expectOperand = true;
    let bare = false;
    let count = 0;
    let sawLambda = false;
    // `for` needs an `in` after it (a comprehension), and `if` an `else` (outside a comprehension):
    // `[go for it]`, `[if possible]` are text.
    let forsWithoutIn = 0;
    let ifsWithoutElse = 0;
    let comprehension = false;
    let previous: TokenType | undefined;
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      const type = t.tokenType;
      if (type === EOF || type === T.Newline || type === T.Indent || type === T.Dedent) break;
      if (depth === 0 && (type === T.Comma || type === close || (isKey && type === T.Colon))) break;
      if (depth === 0 && CLOSERS.has(type)) break;
      count = k;
      if (depth > 0) {
        if (OPENERS.has(type)) depth++;
        else if (CLOSERS.has(type)) depth--;
        previous = type;
        continue;
      }
      const before = previous;
      previous = type;
      if (OPENERS.has(type)) {
        // A bracketed group (or an f-string) is one operand, or a call/subscript after one, or a string joined to one.
        const joinsString = type === T.FStringStart && (previous === T.StringToken || previous === T.FStringEnd);
        if (!expectOperand && type !== T.LParen && type !== T.LBracket && !joinsString) bare = true;
        depth++;
        expectOperand = false;
        previous = type;
        continue;
      }
      if (type === T.Lambda) sawLambda = true;
      if (expectOperand) {
        if (OPERAND.has(type)) expectOperand = false;
        else if (type === T.In && before === T.Not) {
          // `not in`
        } else if (!PREFIX.has(type)) bare = true;
      } else if (type === T.StringToken && (before === T.StringToken || before === T.FStringEnd)) {
        // Adjacent strings concatenate.
      } else if (type === T.Dot) {
        if (this.LA(k + 1).tokenType !== T.Name) bare = true;
        expectOperand = true;
      } else if (type === T.Not) {
        // After an operand `not` is only the first half of `not in` (`[rather not say]` is text).
        if (this.LA(k + 1).tokenType !== T.In) bare = true;
        expectOperand = true;
      } else if (
        T.InfixOperator.categoryMatchesMap?.[type.tokenTypeIdx as number] === true ||
        type === T.DoubleStar ||
        type === T.If ||
        type === T.Else ||
        type === T.For ||
        type === T.Is
      ) {
        if (type === T.For) {
          forsWithoutIn++;
          comprehension = true;
        } else if (type === T.In && forsWithoutIn > 0) forsWithoutIn--;
        else if (type === T.If && !comprehension) ifsWithoutElse++;
        else if (type === T.Else && ifsWithoutElse > 0) ifsWithoutElse--;
        expectOperand = true;
      } else {
        bare = true;
      }
    }
    if (count === 0 || sawLambda) return 0;
    if (expectOperand || forsWithoutIn > 0 || ifsWithoutElse > 0) bare = true;
    return bare ? count : 0;
  }

  private readonly braceDisplay = this.RULE('braceDisplay', (): Expression => {
    const open = this.CONSUME(T.LBrace);
    return this.ACTION((): Expression => {
      if (this.LA(1).tokenType === T.RBrace) {
        const close = this.LA(1);
        this.SKIP_TOKEN();
        return { kind: 'dict', entries: [], span: spanOf(open, close) };
      }
      const entries: DictEntry[] = [];
      const elements: Expression[] = [];
      let isDict: boolean | undefined;
      let comprehension = false;
      for (;;) {
        const t = this.LA(1);
        if (t.tokenType === T.RBrace || t.tokenType === EOF || t.tokenType === T.Newline) break;
        if (t.tokenType === T.DoubleStar) {
          const last = this.skipUntil(new Set([T.Comma, T.RBrace]), false);
          this.error(
            D.notInDialect,
            "'**' unpacking inside a dictionary is not part of the dialect",
            spanOf(t, t),
            'write the entries out',
          );
          entries.push({
            kind: 'entry',
            key: { kind: 'error', text: this.textOf(t, last), span: spanOf(t, last ?? t) },
            value: { kind: 'none' },
            span: spanOf(t, last ?? t),
          });
          isDict = true;
        } else {
          const key = this.element(T.RBrace, isDict !== false, true);
          if (isDict === undefined) isDict = this.LA(1).tokenType === T.Colon;
          if (isDict) {
            const previous = entries[entries.length - 1];
            if (this.LA(1).tokenType === T.Colon) {
              const colon = this.LA(1);
              this.SKIP_TOKEN();
              const next = this.LA(1).tokenType;
              // `{"string": }`: WorkflowLLM's converter writes empty text as nothing.
              const value = next === T.Comma || next === T.RBrace ? this.emptyText(colon) : this.element(T.RBrace, false, true);
              entries.push({ kind: 'entry', key, value, span: joinSpans(key.span, value.span) as SourceSpan });
            } else if (
              (previous?.value.kind === 'bareText' || previous?.value.kind === 'name') &&
              (key.kind === 'bareText' || key.kind === 'name') &&
              (this.LA(1).tokenType === T.Comma || this.LA(1).tokenType === T.RBrace)
            ) {
              // `{message: Hello, world}`: unquoted text with a comma in it; the part after the comma
              // is not a key (no `:` follows), so it continues the previous value.
              const start = previous.value.span as SourceSpan;
              const end = key.span as SourceSpan;
              this.state.reporter.withdrawFrom(start.start.offset);
              const value = this.bareTextAt(span(start.start, end.end));
              entries[entries.length - 1] = { ...previous, value, span: joinSpans(previous.key.span, end) as SourceSpan };
            } else {
              const at = this.LA(1);
              if (this.lastError < key.span!.start.offset) {
                this.error(
                  D.syntaxError,
                  `expected ':' after the dictionary key, found ${describeToken(at)}`,
                  spanOf(at, at),
                  'write key: value',
                );
              }
              entries.push({ kind: 'entry', key, value: { kind: 'error', text: '', span: spanOf(at, at) }, span: key.span as SourceSpan });
            }
          } else {
            elements.push(key);
          }
        }
        if (this.LA(1).tokenType === T.For) {
          comprehension = true;
          this.skipUntil(new Set([T.RBrace]), false);
          break;
        }
        if (this.LA(1).tokenType !== T.Comma) break;
        this.SKIP_TOKEN();
      }
      const close = this.CONSUME(T.RBrace);
      const where = spanOf(open, close);
      if (comprehension)
        return this.unsupportedExpression(isDict === true ? 'dictionary comprehensions' : 'set comprehensions', open, where, where);
      if (isDict === false) return { kind: 'set', elements, span: where };
      return { kind: 'dict', entries, span: where };
    }) as Expression;
  });

  // ─── Calls ────────────────────────────────────────────────────────────────

  private callArguments(): { args: Expression[]; keywords: Keyword[] } {
    const args: Expression[] = [];
    const keywords: Keyword[] = [];
    for (;;) {
      const t = this.LA(1).tokenType;
      if (t === T.RParen || t === EOF || t === T.Newline) break;
      const start = this.LA(1);
      try {
        this.argument(args, keywords);
      } catch (e) {
        if (!this.isCaught(e)) throw e;
        const before = this.LA(0);
        const last = this.skipUntil(new Set([T.Comma, T.RParen]), false);
        this.reportCaught(e, before, start.startOffset, (last ?? start).startOffset + 1);
        args.push({ kind: 'error', text: this.textOf(start, last), span: spanOf(start, last ?? start) });
      }
      if (this.LA(1).tokenType === T.For) {
        const last = this.skipUntil(new Set([T.RParen]), false);
        this.error(D.notInDialect, 'generator expressions are not part of the dialect', spanOf(start, last ?? start), 'use a Repeat loop');
        break;
      }
      if (this.LA(1).tokenType !== T.Comma) break;
      this.SKIP_TOKEN();
    }
    return { args, keywords };
  }

  /**
   * The value of `Key=value`. Text WorkflowLLM's converter wrote unquoted
   * (starting with `"`, `'`, `[` or `{`) that does not read as one value
   * followed by `,` or `)` — `WFMatchTextPattern="os_version":"(.*?)", …` —
   * is read as unquoted text up to the next `, Name=` on its line or the
   * call's closing `)` at the end of the line (`raw-values.ts`). Valid Python
   * always reads as one value followed by `,` or `)`, so it never gets here.
   */
  private keywordValue(): Expression {
    const start = this.LA(1);
    const state = this.cursor.exportLexerState();
    const lastError = this.lastError;
    try {
      const value = this.quickAtom() ?? this.SUBRULE(this.expression);
      const follow = this.LA(1).tokenType;
      if (follow === T.Comma || follow === T.RParen) return value;
      return this.rawKeywordValue(start, state, lastError) ?? value;
    } catch (e) {
      if (!this.isCaught(e)) throw e;
      const raw = this.rawKeywordValue(start, state, lastError);
      if (raw === undefined) throw e;
      return raw;
    }
  }

  private rawKeywordValue(start: IToken, state: number, lastError: number): Expression | undefined {
    const src = this.state.src;
    const s = start.startOffset;
    if (!startsRawText(src, s) || start.tokenType === T.BareText) return undefined;
    const e = rawValueEnd(src, s);
    if (e <= s) return undefined;
    // The tokens up to the end must stop exactly there, at the `,` or `)` that follows.
    this.cursor.importLexerState(state);
    let last = start;
    while (this.LA(1).tokenType !== EOF && this.LA(1).startOffset < e) {
      last = this.LA(1);
      this.SKIP_TOKEN();
    }
    const follow = this.LA(1);
    if ((follow.tokenType !== T.Comma && follow.tokenType !== T.RParen) || (last.endOffset ?? last.startOffset) + 1 > e) {
      this.cursor.importLexerState(state);
      return undefined;
    }
    this.state.reporter.withdrawFrom(s);
    this.lastError = lastError;
    const from = tokenStart(start);
    return this.bareTextAt(span(from, position(from.line, from.column + (e - s), e)));
  }

  /** Chevrotain's token cursor: every parser has these methods, its type declarations do not list them. */
  private get cursor(): { exportLexerState(): number; importLexerState(state: number): void } {
    return this as unknown as { exportLexerState(): number; importLexerState(state: number): void };
  }

  private argument(args: Expression[], keywords: Keyword[]): void {
    const first = this.LA(1);
    const second = this.LA(2);
    if (second.tokenType === T.Assign && (first.tokenType === T.Name || T.KEYWORDS.get(first.image) === first.tokenType)) {
      this.SKIP_TOKEN();
      this.SKIP_TOKEN();
      const value = this.keywordValue();
      const name = nameOf(first);
      const nameSpan = spanOf(first, first);
      const p = payloadOf(first);
      if (first.tokenType !== T.Name) {
        this.warn(
          D.keywordNotIdentifier,
          `'${name}' is a Python keyword, not a valid argument name: read as the parameter key '${name}'`,
          nameSpan,
          `write **{'${name}': …} for valid Python`,
        );
      } else if (p !== undefined && p.kind === 'name' && p.hyphenated) {
        this.warn(
          D.keywordNotIdentifier,
          `'${first.image}' is not a Python identifier (it contains '-'): read as the parameter key '${name}'`,
          nameSpan,
          `write **{'${name}': …} for valid Python`,
        );
      }
      keywords.push({ kind: 'keyword', name, nameSpan, value, span: joinSpans(nameSpan, value.span) as SourceSpan });
      return;
    }
    if (first.tokenType === T.DoubleStar) {
      this.SKIP_TOKEN();
      const value = this.SUBRULE2(this.expression);
      if (value.kind === 'dict' && value.entries.length > 0 && value.entries.every((e) => e.key.kind === 'string')) {
        // `**{'Show-text': True}`: the canonical spelling of keywords that are not identifiers.
        for (const entry of value.entries) {
          const key = entry.key as Extract<Expression, { kind: 'string' }>;
          keywords.push({
            kind: 'keyword',
            name: key.value,
            nameSpan: key.span as SourceSpan,
            value: entry.value,
            span: entry.span as SourceSpan,
          });
        }
        return;
      }
      args.push({ kind: 'starred', double: true, value, span: joinSpans(spanOf(first, first), value.span) as SourceSpan });
      return;
    }
    const value = this.quickAtom() ?? this.SUBRULE(this.starExpression);
    if (keywords.length > 0 && value.kind !== 'starred') {
      this.warn(
        D.positionalAfterKeyword,
        'positional argument after keyword arguments: read as a positional argument',
        value.span as SourceSpan,
        'put positional arguments first',
      );
    }
    args.push(value);
  }
}

const TARGET_NAMES: Partial<Record<Expression['kind'], string>> = {
  call: 'a function call',
  string: 'a string',
  fstring: 'an f-string',
  bytes: 'bytes',
  number: 'a number',
  boolean: 'True or False',
  none: 'None',
  dict: 'a dictionary',
  set: 'a set',
  compare: 'a comparison',
  binary: 'an expression with an operator',
  unary: 'an expression with an operator',
  boolOp: "an 'and'/'or' expression",
  bareText: 'unquoted text',
  starred: 'a starred expression',
  tuple: 'this tuple',
  list: 'this list',
};

const LITERAL_KINDS = new Set<Expression['kind']>(['string', 'fstring', 'bytes', 'number', 'bareText']);

const ATOM_START = new Set<TokenType>([
  T.Name,
  T.NumberToken,
  T.StringToken,
  T.FStringStart,
  T.True,
  T.False,
  T.None,
  T.LParen,
  T.LBracket,
  T.LBrace,
  T.BareText,
  T.Invalid,
  T.Ellipsis,
  T.Await,
  T.Yield,
]);
const STATEMENT_START = new Set<TokenType>([
  T.If,
  T.While,
  T.For,
  T.Def,
  T.Class,
  T.With,
  T.Try,
  T.Async,
  T.At,
  T.Else,
  T.Elif,
  T.Except,
  T.Finally,
  T.Pass,
  T.Return,
  T.Import,
  T.From,
  T.Global,
  T.Nonlocal,
  T.Del,
  T.Raise,
  T.Assert,
  T.Break,
  T.Continue,
  T.Star,
  T.Lambda,
  T.Not,
  T.Minus,
  T.Plus,
  T.Tilde,
]);
const QUICK_ATOMS = new Set<TokenType>([T.Name, T.NumberToken, T.StringToken, T.True, T.False, T.None, T.BareText, T.Ellipsis]);
const QUICK_FOLLOW = new Set<TokenType>([
  T.Comma,
  T.RParen,
  T.RBracket,
  T.RBrace,
  T.Colon,
  T.Newline,
  T.Assign,
  T.FExprEnd,
  T.FConversion,
  T.FSpecStart,
  T.FDebug,
  T.Semicolon,
  EOF,
]);

const OPERAND = new Set<TokenType>([T.Name, T.NumberToken, T.StringToken, T.True, T.False, T.None, T.BareText, T.Invalid, T.Ellipsis]);
const PREFIX = new Set<TokenType>([T.Minus, T.Plus, T.Tilde, T.Not, T.Star, T.DoubleStar, T.Await, T.Lambda, T.Yield]);

/** Depth of an expression tree in nodes (objects with a `kind`), measured without recursion. */
function nodeDepth(root: Expression): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (depth > deepest) deepest = depth;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push([item, depth]);
    } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'span' || key === 'nameSpan' || child === null || typeof child !== 'object') continue;
        stack.push([child, Array.isArray(child) ? depth : depth + 1]);
      }
    }
  }
  return deepest;
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

/** `out.push(...items)` without spreading (a line of 250,000 `;`-joined statements would overflow the argument stack). */
function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** Sets the comments of a statement the parser has just built (no one else holds it yet). */
function attachComments(statement: Statement, comments: readonly string[]): void {
  (statement as { leadingComments?: readonly string[] }).leadingComments = comments;
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
