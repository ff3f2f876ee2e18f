/**
 * The syntax tree of the Python-style workflow code: the contract between the
 * parser (text → AST, `src/parser/`), the printer (AST → text,
 * `src/syntax/printer/`), the emitter (IR → AST, `src/emitter/`) and the
 * binder (AST → IR, `src/binder/`).
 *
 * It covers the Python subset the dialect uses plus what models write around
 * it, so that the binder, not the parser, explains why a construct has no
 * meaning in a shortcut (a `while` loop, `a + b`, `def`). Nodes carry spans;
 * the emitter builds nodes without spans (the printer does not need them).
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';

interface NodeBase {
  /** Where the node is in the source; absent for nodes built by the emitter. */
  readonly span?: SourceSpan;
}

// ─── Module ──────────────────────────────────────────────────────────────────

export interface Module extends NodeBase {
  readonly kind: 'module';
  readonly body: readonly Statement[];
  /** `#` comments in source order (the printer re-attaches leading comments from statements). */
  readonly comments: readonly Comment[];
}

export interface Comment extends NodeBase {
  readonly kind: 'comment';
  /** The text after `#`, without the `#`. */
  readonly text: string;
}

// ─── Statements ──────────────────────────────────────────────────────────────

export type Statement =
  | AssignStatement
  | AugAssignStatement
  | ExpressionStatement
  | IfStatement
  | MatchStatement
  | ForStatement
  | WhileStatement
  | PassStatement
  | UnsupportedStatement
  | ErrorStatement;

interface StatementBase extends NodeBase {
  /**
   * Text (after `#`) of the comment lines between the previous statement (or the
   * block's header) and this one, in order; comments before `else:`/`elif`/`case`
   * go to the first statement of that clause. Trailing comments (`x = 1  # …`)
   * and comments after a block's last statement are only in `Module.comments`.
   * Printing only; the binder ignores them.
   */
  readonly leadingComments?: readonly string[];
}

/** `target = value`, `target: annotation = value`, `a = b = value`. */
export interface AssignStatement extends StatementBase {
  readonly kind: 'assign';
  /** One entry per `=`: `a = b = 1` has two targets. */
  readonly targets: readonly Expression[];
  readonly annotation?: Expression;
  readonly value: Expression;
}

/** `target += value` and friends (models write it for Append to Variable, counters). */
export interface AugAssignStatement extends StatementBase {
  readonly kind: 'augAssign';
  readonly target: Expression;
  readonly operator: BinaryOperator;
  readonly value: Expression;
}

export interface ExpressionStatement extends StatementBase {
  readonly kind: 'expression';
  readonly expression: Expression;
}

/** `if test:` with optional `elif` chain (kept as written) and `else:`. */
export interface IfStatement extends StatementBase {
  readonly kind: 'if';
  readonly test: Expression;
  readonly body: readonly Statement[];
  readonly elifs: readonly { readonly test: Expression; readonly body: readonly Statement[]; readonly span?: SourceSpan }[];
  readonly orelse?: readonly Statement[];
  /** Span of the `else` keyword line, for diagnostics. */
  readonly elseSpan?: SourceSpan;
}

/** `match subject:` with `case pattern:` arms. */
export interface MatchStatement extends StatementBase {
  readonly kind: 'match';
  readonly subject: Expression;
  readonly cases: readonly MatchCase[];
}

export interface MatchCase extends NodeBase {
  readonly kind: 'case';
  /** The pattern as an expression: a string, an f-string, `_`, a name, … */
  readonly pattern: Expression;
  readonly guard?: Expression;
  readonly body: readonly Statement[];
}

/** `for target in iter:` (`else:` on a loop is kept so the binder can reject it). */
export interface ForStatement extends StatementBase {
  readonly kind: 'for';
  readonly target: Expression;
  readonly iterable: Expression;
  readonly body: readonly Statement[];
  readonly orelse?: readonly Statement[];
}

export interface WhileStatement extends StatementBase {
  readonly kind: 'while';
  readonly test: Expression;
  readonly body: readonly Statement[];
  /** `else:` on the loop, kept (like `for`'s) so the binder can reject it. */
  readonly orelse?: readonly Statement[];
}

export interface PassStatement extends StatementBase {
  readonly kind: 'pass';
}

/**
 * A Python statement the dialect has no meaning for (`def`, `return`,
 * `import`, `try`, `with`, `break`, `continue`, `global`, `del`, `class`,
 * `raise`, `assert`, …). Parsed far enough to know its extent; nested bodies
 * are kept so their contents are still checked.
 */
export interface UnsupportedStatement extends StatementBase {
  readonly kind: 'unsupported';
  /** The leading keyword, e.g. `def` (`@` for a decorator line). */
  readonly keyword: string;
  /**
   * The source text of the statement's header (`def f(x):`), or of the whole
   * statement when it has no body (`import os`), so the printer can write it back.
   */
  readonly header?: string;
  /** The bodies of all its clauses in order (`try`, `except`, `else`, `finally`). */
  readonly body: readonly Statement[];
}

/** What the parser put where a statement could not be parsed (it has reported why). */
export interface ErrorStatement extends StatementBase {
  readonly kind: 'error';
  /** The source text skipped over. */
  readonly text: string;
}

// ─── Expressions ─────────────────────────────────────────────────────────────

export type Expression =
  | NameExpression
  | AttributeExpression
  | SubscriptExpression
  | CallExpression
  | StringLiteral
  | FStringLiteral
  | BytesLiteral
  | NumberLiteral
  | BooleanLiteral
  | NoneLiteral
  | EllipsisLiteral
  | ListExpression
  | TupleExpression
  | DictExpression
  | SetExpression
  | CompareExpression
  | UnaryExpression
  | BinaryExpression
  | BoolOpExpression
  | StarredExpression
  | BareTextExpression
  | ErrorExpression;

export interface NameExpression extends NodeBase {
  readonly kind: 'name';
  readonly name: string;
}

/** `object.name`. */
export interface AttributeExpression extends NodeBase {
  readonly kind: 'attribute';
  readonly object: Expression;
  readonly name: string;
}

/** `object[index]` (slices are not in the dialect; the parser reports them). */
export interface SubscriptExpression extends NodeBase {
  readonly kind: 'subscript';
  readonly object: Expression;
  readonly index: Expression;
}

export interface CallExpression extends NodeBase {
  readonly kind: 'call';
  /** Usually a name. Hyphenated catalog names (`is_workflow_actions_display_always-on_set`) are one name. */
  readonly callee: Expression;
  readonly args: readonly Expression[];
  readonly keywords: readonly Keyword[];
}

/**
 * `name=value` in a call. The name may be a real plist key that is not a Python
 * identifier (`Show-text`) or is a Python keyword (`class`). The parser reads
 * both `Show-text=True` (model code, with a warning) and `**{'Show-text': True}`
 * (canonical code) as this node; the printer always writes a name that is not
 * an identifier as `**{'Show-text': True}`, so no spelling flag is needed.
 */
export interface Keyword extends NodeBase {
  readonly kind: 'keyword';
  readonly name: string;
  /** Span of the name alone, for "unknown parameter" diagnostics. */
  readonly nameSpan?: SourceSpan;
  readonly value: Expression;
}

export type QuoteStyle = "'" | '"' | "'''" | '"""';

/** A string literal, escapes decoded. Adjacent literals are concatenated by the parser. */
export interface StringLiteral extends NodeBase {
  readonly kind: 'string';
  readonly value: string;
  readonly quote: QuoteStyle;
  /** `r` prefix (escapes kept literally). */
  readonly raw?: boolean;
}

/** `f'...{expression!r:spec}...'`: literal runs and interpolations in order. */
export interface FStringLiteral extends NodeBase {
  readonly kind: 'fstring';
  readonly parts: readonly FStringPart[];
  readonly quote: QuoteStyle;
  readonly raw?: boolean;
}

export type FStringPart = string | FStringInterpolation;

export interface FStringInterpolation extends NodeBase {
  readonly kind: 'interpolation';
  readonly expression: Expression;
  /** `!r`, `!s`, `!a`. */
  readonly conversion?: 'r' | 's' | 'a';
  /** The format spec after `:`, itself an f-string body. */
  readonly formatSpec?: readonly FStringPart[];
}

/** `b'...'`: the bytes, for plist data values. */
export interface BytesLiteral extends NodeBase {
  readonly kind: 'bytes';
  readonly value: Uint8Array;
  readonly quote: QuoteStyle;
}

/**
 * A number as written. `isFloat` tells `3` from `3.0` (an integer and a real in
 * the plist); `text` keeps the spelling (`1e3`, `0x1F`, `1_000`).
 */
export interface NumberLiteral extends NodeBase {
  readonly kind: 'number';
  readonly text: string;
  readonly isFloat: boolean;
  /** Integers exactly; floats as doubles. */
  readonly value: bigint | number;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NoneLiteral extends NodeBase {
  readonly kind: 'none';
}

/**
 * `...`: in the dialect, "this parameter is absent" in a sugar's slot
 * (`X = ...`, `if ... == 'a':`, `enumerate(..., start=1)`), i.e. the action
 * takes its implicit input. See grammars/dialect.md §8.
 */
export interface EllipsisLiteral extends NodeBase {
  readonly kind: 'ellipsis';
}

export interface ListExpression extends NodeBase {
  readonly kind: 'list';
  readonly elements: readonly Expression[];
}

export interface TupleExpression extends NodeBase {
  readonly kind: 'tuple';
  readonly elements: readonly Expression[];
  /** Written with parentheses (`(a, b)`) rather than bare (`a, b`). */
  readonly parenthesized: boolean;
}

export interface DictExpression extends NodeBase {
  readonly kind: 'dict';
  readonly entries: readonly DictEntry[];
}

export interface DictEntry extends NodeBase {
  readonly kind: 'entry';
  readonly key: Expression;
  readonly value: Expression;
}

/**
 * `{a, b}`: Python reads `{x}` as a set, and WorkflowLLM's dialect writes
 * `format_date(value={x}, …)` with exactly that spelling, so the binder needs it.
 */
export interface SetExpression extends NodeBase {
  readonly kind: 'set';
  readonly elements: readonly Expression[];
}

export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';

/** `a < b <= c`: one left operand and a chain of (operator, operand). */
export interface CompareExpression extends NodeBase {
  readonly kind: 'compare';
  readonly left: Expression;
  readonly operators: readonly CompareOperator[];
  readonly comparators: readonly Expression[];
}

export interface UnaryExpression extends NodeBase {
  readonly kind: 'unary';
  readonly operator: 'not' | '-' | '+' | '~';
  readonly operand: Expression;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '&' | '|' | '^' | '<<' | '>>';

export interface BinaryExpression extends NodeBase {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface BoolOpExpression extends NodeBase {
  readonly kind: 'boolOp';
  readonly operator: 'and' | 'or';
  readonly values: readonly Expression[];
}

/**
 * `*x` / `**x` in calls and literals. In a call both sit in `args` (a
 * `**{'k': v}` whose keys are all plain strings is read as keywords instead).
 */
export interface StarredExpression extends NodeBase {
  readonly kind: 'starred';
  readonly double: boolean;
  readonly value: Expression;
}

/**
 * Unquoted text where a value belongs, as models write it inside dictionary
 * and list literals (`{"name": Mastodon API Token}`, `[Select Manually, 1080p]`).
 * The parser reads it as the text it spans and warns; the binder treats it as
 * a string.
 */
export interface BareTextExpression extends NodeBase {
  readonly kind: 'bareText';
  readonly text: string;
}

/** What the parser put where an expression could not be parsed (it has reported why). */
export interface ErrorExpression extends NodeBase {
  readonly kind: 'error';
  readonly text: string;
}
