/**
 * Statements: the file and block bodies (with their recovery per statement and the comments before
 * them), simple statements (`pass`, unsupported keywords, assignments and expressions) and their targets.
 */
import { EOF, type IOrAlt, type IToken } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Comment, Expression, Statement, UnsupportedStatement } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import * as T from '../tokens.js';
import type { ParserHost } from './host.js';
import { error, expected, Expected, isCaught, lexErrorIn, NestingLimit, reportCaught, skipUntil, textOf, warn } from './recovery.js';
import { ATOM_START, AUGMENTED, CLAUSES, COMPOUND_UNSUPPORTED, LAYOUT, STATEMENT_START } from './token-sets.js';
import { joinSpans, spanOf } from './token-spans.js';

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

/** The last consumed token that is not a NEWLINE, INDENT or DEDENT (where a block statement ends). */
export function lastContent($: ParserHost, fallback: IToken): IToken {
  for (let k = 0; k > -64; k--) {
    const t = $.LA(k);
    if (t.tokenType === EOF || t.startOffset < fallback.startOffset) return fallback;
    if (!LAYOUT.has(t.tokenType)) return t;
  }
  return fallback;
}

export function leadingComments($: ParserHost, before: number): string[] | undefined {
  const { comments, ownLine } = $.state;
  let out: string[] | undefined;
  while ($.commentIndex < comments.length) {
    const c = comments[$.commentIndex] as Comment;
    if ((c.span?.start.offset ?? 0) >= before) break;
    if (ownLine[$.commentIndex] === true) (out ??= []).push(c.text);
    $.commentIndex++;
  }
  return out;
}

export function file($: ParserHost): Statement[] {
  return $.ACTION(() => statementList($, false)) ?? [];
}

/** Statements up to the end of the block (a DEDENT) or of the input; never throws. */
function statementList($: ParserHost, inBlock: boolean): Statement[] {
  const out: Statement[] = [];
  for (;;) {
    const t = $.LA(1);
    const type = t.tokenType;
    if (type === EOF) break;
    if (type === T.Dedent) {
      if (inBlock) break;
      $.SKIP_TOKEN();
      continue;
    }
    if (type === T.Newline) {
      $.SKIP_TOKEN();
      continue;
    }
    if (type === T.Indent) {
      if ($.lastError < t.startOffset && !lexErrorIn($, t.startOffset, t.startOffset + 1)) {
        error(
          $,
          D.unexpectedIndent,
          'this line is indented more than the one before, which does not open a block',
          spanOf(t, t),
          'remove the extra indentation',
        );
      }
      $.SKIP_TOKEN();
      pushAll(out, flattenedBlockRest($));
      continue;
    }
    const comments = leadingComments($, t.startOffset);
    const before = out.length;
    statementWithRecovery($, out);
    if ($.LA(1) === t) $.SKIP_TOKEN();
    if (comments !== undefined && out.length > before) attachComments(out[before] as Statement, comments);
  }
  return out;
}

/** After a consumed INDENT: the block's statements, and its DEDENT. */
export function flattenedBlockRest($: ParserHost): Statement[] {
  const inner = statementList($, true);
  if ($.LA(1).tokenType === T.Dedent) $.SKIP_TOKEN();
  return inner;
}

export function statementWithRecovery($: ParserHost, out: Statement[]): void {
  const start = $.LA(1);
  try {
    pushAll(out, $.SUBRULE($.statement));
  } catch (e) {
    if (e instanceof RangeError) {
      // The engine's stack ran out before the nesting limit (the parser was called from deep
      // inside another program): this statement is lost, the rest of the file is not.
      if ($.lastError < start.startOffset)
        error($, D.tooDeep, 'this statement is nested too deeply to parse', spanOf(start, start), 'flatten it');
      e = new NestingLimit();
    }
    if (!isCaught($, e)) throw e;
    const before = $.LA(0);
    let last = skipUntil($, new Set(), true, false);
    if (last === undefined && $.LA(1) === start && !LAYOUT.has(start.tokenType) && start.tokenType !== EOF) {
      last = start;
      $.SKIP_TOKEN();
    }
    const errorToken = (e as { token?: IToken }).token;
    reportCaught($, e, before, start.startOffset, (last ?? start).startOffset + 1);
    const end = last ?? errorToken ?? start;
    const text = textOf($, start, end);
    const node: Statement = { kind: 'error', text, span: spanOf(start, end.startOffset >= start.startOffset ? end : start) };
    out.push(node);
    if ($.LA(1).tokenType === T.Newline) $.SKIP_TOKEN();
    if ($.LA(1).tokenType === T.Indent) {
      // The broken line opened a block: keep its statements (they are still checked).
      $.SKIP_TOKEN();
      pushAll(out, flattenedBlockRest($));
    }
  }
}

export function statement($: ParserHost): Statement[] {
  if (!$.RECORDING_PHASE) {
    const type = $.LA(1).tokenType;
    if (!STATEMENT_START.has(type) && !ATOM_START.has(type)) throw expected($, 'a statement');
  }
  return $.OR($.statementAlternatives);
}

export function statementAlternatives($: ParserHost): IOrAlt<Statement[]>[] {
  return [
    { ALT: (): Statement[] => [$.SUBRULE($.ifStatement)] },
    { ALT: (): Statement[] => [$.SUBRULE($.whileStatement)] },
    { ALT: (): Statement[] => [$.SUBRULE($.forStatement)] },
    { GATE: () => atSoftKeywordLine($, 'match'), ALT: (): Statement[] => [$.SUBRULE($.matchStatement)] },
    { GATE: () => COMPOUND_UNSUPPORTED.has($.LA(1).tokenType), ALT: (): Statement[] => [$.SUBRULE($.unsupportedCompound)] },
    { GATE: () => CLAUSES.has($.LA(1).tokenType), ALT: (): Statement[] => $.SUBRULE($.strayClause) },
    { GATE: () => atSoftKeywordLine($, 'case'), ALT: (): Statement[] => $.SUBRULE($.strayCase) },
    { ALT: (): Statement[] => $.SUBRULE($.simpleStatementLine) },
  ];
}

/**
 * `match`/`case` are keywords only at the start of a line that ends with
 * `:` (Python's soft keywords): `match = 1` and `match(x)` stay names.
 */
function atSoftKeywordLine($: ParserHost, word: string): boolean {
  const first = $.LA(1);
  if (first.tokenType !== T.Name || first.image !== word) return false;
  const second = $.LA(2).tokenType;
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
    const t = $.LA(k);
    if (t.tokenType === T.Newline || t.tokenType === EOF) return previous.tokenType === T.Colon;
    previous = t;
  }
}

export function simpleStatementLine($: ParserHost): Statement[] {
  const first = $.SUBRULE($.simpleStatement);
  if ($.RECORDING_PHASE) {
    $.MANY(() => {
      $.CONSUME(T.Semicolon);
      $.OPTION(() => $.SUBRULE2($.simpleStatement));
    });
    $.OPTION2(() => $.CONSUME(T.Newline));
    return [first];
  }
  const statements: Statement[] = [first];
  while ($.LA(1).tokenType === T.Semicolon) {
    $.SKIP_TOKEN();
    const next = $.LA(1).tokenType;
    if (next === T.Newline || next === EOF) break;
    statements.push($.SUBRULE2($.simpleStatement));
  }
  const end = $.LA(1).tokenType;
  if (end === T.Newline) $.SKIP_TOKEN();
  else if (end !== EOF) throw expected($, 'the end of the line');
  return statements;
}

export function simpleStatement($: ParserHost): Statement {
  return $.OR($.simpleStatementAlternatives);
}

export function simpleStatementAlternatives($: ParserHost): IOrAlt<Statement>[] {
  return [
    {
      ALT: (): Statement => {
        const t = $.CONSUME(T.Pass);
        return $.RECORDING_PHASE ? { kind: 'pass' } : { kind: 'pass', span: spanOf(t, t) };
      },
    },
    { ALT: (): Statement => $.SUBRULE($.unsupportedSimple) },
    { ALT: (): Statement => $.SUBRULE($.assignmentOrExpression) },
  ];
}

/** `return x`, `import os`, `break`…: kept whole as text for the binder to reject. */
export function unsupportedSimple($: ParserHost): Statement {
  const keyword = $.CONSUME(T.SimpleKeyword);
  return $.ACTION((): Statement => finishUnsupportedSimple($, keyword)) as Statement;
}

function finishUnsupportedSimple($: ParserHost, keyword: IToken): UnsupportedStatement {
  const last = skipUntil($, new Set([T.Semicolon]), true) ?? keyword;
  return { kind: 'unsupported', keyword: keyword.image, header: textOf($, keyword, last), body: [], span: spanOf(keyword, last) };
}

/** `targets = value`, `target op= value`, `target: annotation = value`, or an expression. */
export function assignmentOrExpression($: ParserHost): Statement {
  const first = $.SUBRULE($.starExpressions);
  if ($.RECORDING_PHASE) {
    $.OPTION(() => {
      $.OR([
        { ALT: () => $.AT_LEAST_ONE(() => ($.CONSUME(T.Assign), $.SUBRULE2($.starExpressions))) },
        { ALT: () => ($.CONSUME(T.AugmentedAssign), $.SUBRULE3($.starExpressions)) },
        {
          ALT: () => (
            $.CONSUME(T.Colon),
            $.SUBRULE($.expression),
            $.OPTION2(() => ($.CONSUME2(T.Assign), $.SUBRULE4($.starExpressions)))
          ),
        },
      ]);
    });
    return { kind: 'pass' };
  }
  const next = $.LA(1);
  if (next.tokenType === T.Assign) {
    const targets: Expression[] = [first];
    $.SKIP_TOKEN();
    let value = $.SUBRULE2($.starExpressions);
    while ($.LA(1).tokenType === T.Assign) {
      $.SKIP_TOKEN();
      targets.push(value);
      value = $.SUBRULE2($.starExpressions);
    }
    const read = targets.map((target) => numberTarget($, target) ?? (checkTarget($, target, true), target));
    return { kind: 'assign', targets: read, value, span: joinSpans(first.span, value.span) as SourceSpan };
  }
  const augmented = AUGMENTED.get(next.tokenType);
  if (augmented !== undefined) {
    $.SKIP_TOKEN();
    const value = $.SUBRULE3($.starExpressions);
    checkTarget($, first, false);
    return { kind: 'augAssign', target: first, operator: augmented, value, span: joinSpans(first.span, value.span) as SourceSpan };
  }
  if (next.tokenType === T.Colon) {
    if (LITERAL_KINDS.has(first.kind)) {
      // `"prefer": "{x}"` alone on a line: text outside any string, not an annotated assignment.
      throw new Expected(next, `expected a statement, found ${first.kind === 'number' ? 'a number' : 'text'} followed by ':'`);
    }
    $.SKIP_TOKEN();
    const annotation = $.SUBRULE($.expression);
    let value: Expression;
    if ($.LA(1).tokenType === T.Assign) {
      $.SKIP_TOKEN();
      value = $.SUBRULE4($.starExpressions);
    } else {
      error(
        $,
        D.notInDialect,
        'an annotation without a value declares nothing in a shortcut',
        spanOf(next, next),
        'give it a value: name: annotation = value',
      );
      value = { kind: 'error', text: '', span: spanOf(next, next) };
    }
    checkTarget($, first, true);
    return { kind: 'assign', targets: [first], annotation, value, span: joinSpans(first.span, value.span) as SourceSpan };
  }
  return { kind: 'expression', expression: first, span: first.span as SourceSpan };
}

/**
 * `1 = product_search_result`: WorkflowLLM's converter wrote a variable's
 * name with every character outside [A-Za-z0-9] replaced by `_`, so a
 * variable named "1" is `1`. Python cannot assign to a number; the one
 * sensible reading is Set Variable "1" (SC4030).
 */
function numberTarget($: ParserHost, target: Expression): Expression | undefined {
  if (target.kind !== 'number' || target.isFloat || !/^[0-9]+$/.test(target.text)) return undefined;
  warn(
    $,
    D.numberTarget,
    `'${target.text}' is a number, which Python cannot assign to: read as the variable named '${target.text}'`,
    target.span as SourceSpan,
    `rename the variable so that it starts with a letter, e.g. var_${target.text}`,
  );
  return { kind: 'name', name: target.text, span: target.span as SourceSpan };
}

/** Python's assignment targets: names, attributes, subscripts, and tuples/lists of them. */
export function checkTarget($: ParserHost, target: Expression, allowUnpacking: boolean): void {
  switch (target.kind) {
    case 'name':
    case 'attribute':
    case 'subscript':
    case 'error':
      return;
    case 'tuple':
    case 'list':
      if (allowUnpacking) {
        for (const element of target.elements) checkTarget($, element.kind === 'starred' ? element.value : element, true);
        return;
      }
      break;
    default:
      break;
  }
  const what = TARGET_NAMES[target.kind] ?? 'this expression';
  const suggestion = target.kind === 'binary' && target.operator === '-' ? "names cannot contain '-': use '_'" : "use '==' to compare";
  error($, D.invalidTarget, `cannot assign to ${what}`, target.span as SourceSpan, suggestion);
}

/** `out.push(...items)` without spreading (a line of 250,000 `;`-joined statements would overflow the argument stack). */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** Sets the comments of a statement the parser has just built (no one else holds it yet). */
export function attachComments(statement: Statement, comments: readonly string[]): void {
  (statement as { leadingComments?: readonly string[] }).leadingComments = comments;
}
