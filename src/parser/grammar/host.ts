/**
 * What the grammar's modules are given: the parser (`$`) with chevrotain's DSL, the registered rules and
 * the parse's state, and `ParseState`, what one parse reads (the source, the reporter, comments, limits).
 */
import type { DSLMethodOpts, GrammarAction, IOrAlt, IToken, ParserMethod, TokenType } from 'chevrotain';
import type { SourcePosition } from '../../diagnostics/diagnostic.js';
import type {
  Comment,
  Expression,
  ForStatement,
  FStringPart,
  IfStatement,
  MatchStatement,
  Statement,
  UnsupportedStatement,
  WhileStatement,
} from '../../syntax/ast.js';
import type { Reporter } from '../reporter.js';
import type { FStringLiteral } from './strings.js';

/** What one parse reads: the source and its lexed comments, where to report, and the limits. */
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

/** The parse's own state, reset for each input (`DialectParser.parse`). */
export interface ParseRun {
  state: ParseState;
  /** Expression nesting (`expression` and `**` re-entries), bounded by `state.maxDepth`. */
  depth: number;
  /** The next comment not yet attached to a statement. */
  commentIndex: number;
  /** Offset of the last error the parser reported (recovery points do not report twice for one stretch). */
  lastError: number;
  /** Reading a case pattern: a following `if` is its guard, not a conditional expression. */
  inPattern: boolean;
}

/** The grammar's rules as chevrotain registered them (`SUBRULE($.atom)`), and the alternatives lists of its `OR`s, built once. */
export interface GrammarRules {
  readonly file: ParserMethod<[], Statement[]>;
  readonly statement: ParserMethod<[], Statement[]>;
  readonly simpleStatementLine: ParserMethod<[], Statement[]>;
  readonly simpleStatement: ParserMethod<[], Statement>;
  readonly unsupportedSimple: ParserMethod<[], Statement>;
  readonly assignmentOrExpression: ParserMethod<[], Statement>;
  readonly ifStatement: ParserMethod<[], IfStatement>;
  readonly whileStatement: ParserMethod<[], WhileStatement>;
  readonly forStatement: ParserMethod<[], ForStatement>;
  readonly targetList: ParserMethod<[], Expression>;
  readonly target: ParserMethod<[], Expression>;
  readonly matchStatement: ParserMethod<[], MatchStatement>;
  readonly pattern: ParserMethod<[], Expression>;
  readonly unsupportedCompound: ParserMethod<[], UnsupportedStatement>;
  readonly strayClause: ParserMethod<[], Statement[]>;
  readonly strayCase: ParserMethod<[], Statement[]>;
  readonly starExpressions: ParserMethod<[], Expression>;
  readonly starExpression: ParserMethod<[], Expression>;
  readonly namedExpression: ParserMethod<[], Expression>;
  readonly expression: ParserMethod<[], Expression>;
  readonly disjunction: ParserMethod<[], Expression>;
  readonly factor: ParserMethod<[], Expression>;
  readonly primary: ParserMethod<[], Expression>;
  readonly subscript: ParserMethod<[], Expression>;
  readonly atom: ParserMethod<[], Expression>;
  readonly strings: ParserMethod<[], Expression>;
  readonly fstring: ParserMethod<[], FStringLiteral>;
  readonly fstringParts: ParserMethod<[], FStringPart[]>;
  readonly parenthesized: ParserMethod<[], Expression>;
  readonly listDisplay: ParserMethod<[], Expression>;
  readonly braceDisplay: ParserMethod<[], Expression>;
  readonly statementAlternatives: IOrAlt<Statement[]>[];
  readonly simpleStatementAlternatives: IOrAlt<Statement>[];
  readonly starAlternatives: IOrAlt<Expression>[];
  readonly signAlternatives: IOrAlt<IToken>[];
  readonly atomAlternatives: IOrAlt<Expression>[];
}

/**
 * The part of chevrotain's DSL the grammar uses. Chevrotain declares it
 * protected (it expects rule bodies inside the parser class); the grammar's
 * modules call it on the parser they are given, which has every one of these.
 */
export interface ChevrotainDsl {
  readonly RECORDING_PHASE: boolean;
  LA(howMuch: number): IToken;
  SKIP_TOKEN(): IToken;
  CONSUME(tokType: TokenType): IToken;
  CONSUME2(tokType: TokenType): IToken;
  SUBRULE<ARGS extends unknown[], R>(rule: ParserMethod<ARGS, R>): R;
  SUBRULE2<ARGS extends unknown[], R>(rule: ParserMethod<ARGS, R>): R;
  SUBRULE3<ARGS extends unknown[], R>(rule: ParserMethod<ARGS, R>): R;
  SUBRULE4<ARGS extends unknown[], R>(rule: ParserMethod<ARGS, R>): R;
  OR<T>(alternatives: IOrAlt<T>[]): T;
  OR2<T>(alternatives: IOrAlt<T>[]): T;
  OR3<T>(alternatives: IOrAlt<T>[]): T;
  OPTION<T>(action: GrammarAction<T> | DSLMethodOpts<T>): T | undefined;
  OPTION2<T>(action: GrammarAction<T> | DSLMethodOpts<T>): T | undefined;
  MANY(action: GrammarAction<unknown> | DSLMethodOpts<unknown>): void;
  AT_LEAST_ONE(action: GrammarAction<unknown> | DSLMethodOpts<unknown>): void;
  ACTION<T>(impl: () => T): T;
  /** The token cursor: every chevrotain parser has these, its type declarations do not list them. */
  exportLexerState(): number;
  importLexerState(state: number): void;
}

/**
 * The parser as the grammar's modules see it (`$`, as in chevrotain's own
 * examples): the DSL, the rules, and the parse's state. Each rule body is a
 * function of it; `DialectParser` registers them.
 */
export interface ParserHost extends ChevrotainDsl, GrammarRules, ParseRun {}
