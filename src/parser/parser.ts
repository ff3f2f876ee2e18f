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
 *
 * The grammar lives in `grammar/`, one module per part of the language
 * (`statements.ts`, `compound-statements.ts`, `match.ts`, `expressions.ts`,
 * `atoms.ts`, `strings.ts`, `displays.ts`, `calls.ts`) and of the machinery
 * (`recovery.ts`, `messages.ts`, `token-spans.ts`, `token-sets.ts`); each rule
 * body is a function of the parser (`$`, typed `ParserHost` in `host.ts`),
 * and this class registers them with chevrotain.
 */
import { EmbeddedActionsParser } from 'chevrotain';
import type { Expression, FStringPart, ForStatement, IfStatement, MatchStatement, Statement, UnsupportedStatement, WhileStatement } from '../syntax/ast.js';
import * as T from './tokens.js';
import type { Token } from './tokens.js';
import * as atoms from './grammar/atoms.js';
import * as compound from './grammar/compound-statements.js';
import * as displays from './grammar/displays.js';
import * as expressions from './grammar/expressions.js';
import * as match from './grammar/match.js';
import * as statements from './grammar/statements.js';
import * as strings from './grammar/strings.js';
import type { GrammarRules, ParseRun, ParserHost, ParseState } from './grammar/host.js';
import { errorMessages } from './grammar/messages.js';
import type { FStringLiteral } from './grammar/strings.js';

export type { ParseState } from './grammar/host.js';

export class DialectParser extends EmbeddedActionsParser implements GrammarRules, ParseRun {
  state!: ParseState;
  depth = 0;
  commentIndex = 0;
  lastError = -1;
  inPattern = false;
  /** This parser as the grammar's modules take it (chevrotain's DSL is protected in its declarations only). */
  private readonly host = this as unknown as ParserHost;

  readonly file = this.RULE('file', (): Statement[] => statements.file(this.host));
  readonly statement = this.RULE('statement', (): Statement[] => statements.statement(this.host));
  readonly statementAlternatives = statements.statementAlternatives(this.host);
  readonly simpleStatementLine = this.RULE('simpleStatementLine', (): Statement[] => statements.simpleStatementLine(this.host));
  readonly simpleStatement = this.RULE('simpleStatement', (): Statement => statements.simpleStatement(this.host));
  readonly simpleStatementAlternatives = statements.simpleStatementAlternatives(this.host);
  readonly unsupportedSimple = this.RULE('unsupportedSimple', (): Statement => statements.unsupportedSimple(this.host));
  readonly assignmentOrExpression = this.RULE('assignmentOrExpression', (): Statement => statements.assignmentOrExpression(this.host));
  readonly ifStatement = this.RULE('ifStatement', (): IfStatement => compound.ifStatement(this.host));
  readonly whileStatement = this.RULE('whileStatement', (): WhileStatement => compound.whileStatement(this.host));
  readonly forStatement = this.RULE('forStatement', (): ForStatement => compound.forStatement(this.host));
  readonly targetList = this.RULE('targetList', (): Expression => compound.targetList(this.host));
  readonly target = this.RULE('target', (): Expression => compound.target(this.host));
  readonly matchStatement = this.RULE('matchStatement', (): MatchStatement => match.matchStatement(this.host));
  readonly pattern = this.RULE('pattern', (): Expression => match.pattern(this.host));
  readonly unsupportedCompound = this.RULE('unsupportedCompound', (): UnsupportedStatement => compound.unsupportedCompound(this.host));
  readonly strayClause = this.RULE('strayClause', (): Statement[] => compound.strayClause(this.host));
  readonly strayCase = this.RULE('strayCase', (): Statement[] => compound.strayCase(this.host));
  readonly starExpressions = this.RULE('starExpressions', (): Expression => expressions.starExpressions(this.host));
  readonly starExpression = this.RULE('starExpression', (): Expression => expressions.starExpression(this.host));
  readonly starAlternatives = expressions.starAlternatives(this.host);
  readonly namedExpression = this.RULE('namedExpression', (): Expression => expressions.namedExpression(this.host));
  readonly expression = this.RULE('expression', (): Expression => expressions.expression(this.host));
  readonly disjunction = this.RULE('disjunction', (): Expression => expressions.disjunction(this.host));
  readonly factor = this.RULE('factor', (): Expression => expressions.factor(this.host));
  readonly signAlternatives = expressions.signAlternatives(this.host);
  readonly primary = this.RULE('primary', (): Expression => expressions.primary(this.host));
  readonly subscript = this.RULE('subscript', (): Expression => expressions.subscript(this.host));
  readonly atom = this.RULE('atom', (): Expression => atoms.atom(this.host));
  readonly atomAlternatives = atoms.atomAlternatives(this.host);
  readonly strings = this.RULE('strings', (): Expression => strings.strings(this.host));
  readonly fstring = this.RULE('fstring', (): FStringLiteral => strings.fstring(this.host));
  readonly fstringParts = this.RULE('fstringParts', (): FStringPart[] => strings.fstringParts(this.host));
  readonly parenthesized = this.RULE('parenthesized', (): Expression => displays.parenthesized(this.host));
  readonly listDisplay = this.RULE('listDisplay', (): Expression => displays.listDisplay(this.host));
  readonly braceDisplay = this.RULE('braceDisplay', (): Expression => displays.braceDisplay(this.host));

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
}
