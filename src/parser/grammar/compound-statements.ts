/**
 * Compound statements: `if`/`elif`/`else`, `while`, `for`, their headers and blocks (recovering at the
 * `:`), the compound statements the dialect does not have (`def`, `class`, `try`, …) and stray clauses.
 */
import { EOF, type IToken } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Expression, ForStatement, IfStatement, Statement, UnsupportedStatement, WhileStatement } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import * as T from '../tokens.js';
import { namedExpression } from './expressions.js';
import type { ParserHost } from './host.js';
import { openSequence, sequenceExpression } from './open-sequence.js';
import { error, isCaught, reportCaught, skipUntil, textOf, warn } from './recovery.js';
import { checkTarget, flattenedBlockRest, lastContent, pushAll } from './statements.js';
import { joinSpans, spanOf } from './token-spans.js';

/** `:` ending a compound statement's header: on a broken header, skip to its `:` or the end of the line. */
export function headerEnd($: ParserHost, start: IToken, parse: () => void): IToken | undefined {
  try {
    parse();
    return $.CONSUME(T.Colon);
  } catch (e) {
    if (!isCaught($, e)) throw e;
    const before = $.LA(0);
    const last = skipUntil($, new Set([T.Colon]), true);
    reportCaught($, e, before, start.startOffset, (last ?? start).startOffset + 1);
    if ($.LA(1).tokenType === T.Colon) return $.CONSUME2(T.Colon);
    return undefined;
  }
}

/** The body after a header's `:` (an indented block, or simple statements on the same line). */
export function block($: ParserHost, colon: IToken | undefined, what: string): Statement[] {
  const t = $.LA(1).tokenType;
  if (t === T.Newline || t === EOF || colon === undefined) {
    if (t === T.Newline) $.SKIP_TOKEN();
    if ($.LA(1).tokenType === T.Indent) {
      $.SKIP_TOKEN();
      return flattenedBlockRest($);
    }
    if (colon !== undefined) {
      warn(
        $,
        D.emptyBlock,
        `${what} has no indented statements: read as 'pass'`,
        spanOf(colon, colon),
        "write 'pass' in an indented line below",
      );
    }
    return [];
  }
  const out: Statement[] = [];
  const start = $.LA(1);
  try {
    pushAll(out, $.SUBRULE($.simpleStatementLine));
  } catch (e) {
    if (!isCaught($, e)) throw e;
    const before = $.LA(0);
    const last = skipUntil($, new Set(), true);
    reportCaught($, e, before, start.startOffset, (last ?? start).startOffset + 1);
    out.push({ kind: 'error', text: textOf($, start, last), span: spanOf(start, last ?? start) });
    if ($.LA(1).tokenType === T.Newline) $.SKIP_TOKEN();
  }
  return out;
}

export function ifStatement($: ParserHost): IfStatement {
  const keyword = $.CONSUME(T.If);
  return $.ACTION(() => {
    let test: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
    const colon = headerEnd($, keyword, () => {
      test = namedExpression($);
    });
    const body = block($, colon, "'if'");
    const elifs: { test: Expression; body: Statement[]; span: SourceSpan }[] = [];
    let orelse: Statement[] | undefined;
    let elseSpan: SourceSpan | undefined;
    for (;;) {
      const next = $.LA(1);
      if (next.tokenType === T.Elif) {
        $.SKIP_TOKEN();
        let elifTest: Expression = { kind: 'error', text: '', span: spanOf(next, next) };
        const elifColon = headerEnd($, next, () => {
          elifTest = namedExpression($);
        });
        const elifBody = block($, elifColon, "'elif'");
        elifs.push({ test: elifTest, body: elifBody, span: spanOf(next, elifColon ?? next) });
        continue;
      }
      if (next.tokenType === T.Else) {
        $.SKIP_TOKEN();
        const elseColon = headerEnd($, next, () => undefined);
        elseSpan = spanOf(next, elseColon ?? next);
        orelse = block($, elseColon, "'else'");
      }
      break;
    }
    const node: { -readonly [K in keyof IfStatement]: IfStatement[K] } = {
      kind: 'if',
      test,
      body,
      elifs,
      span: spanOf(keyword, lastContent($, keyword)),
    };
    if (orelse !== undefined) {
      node.orelse = orelse;
      if (elseSpan !== undefined) node.elseSpan = elseSpan;
    }
    return node;
  }) as IfStatement;
}

export function whileStatement($: ParserHost): WhileStatement {
  const keyword = $.CONSUME(T.While);
  return $.ACTION(() => {
    let test: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
    const colon = headerEnd($, keyword, () => {
      test = namedExpression($);
    });
    const body = block($, colon, "'while'");
    const node: { -readonly [K in keyof WhileStatement]: WhileStatement[K] } = {
      kind: 'while',
      test,
      body,
      span: spanOf(keyword, lastContent($, keyword)),
    };
    const orelse = loopElse($);
    if (orelse !== undefined) node.orelse = orelse;
    return node;
  }) as WhileStatement;
}

function loopElse($: ParserHost): Statement[] | undefined {
  const next = $.LA(1);
  if (next.tokenType !== T.Else) return undefined;
  $.SKIP_TOKEN();
  const colon = headerEnd($, next, () => undefined);
  return block($, colon, "'else'");
}

export function forStatement($: ParserHost): ForStatement {
  const keyword = $.CONSUME(T.For);
  return $.ACTION(() => {
    let target: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
    let iterable: Expression = target;
    const colon = headerEnd($, keyword, () => {
      target = $.SUBRULE($.targetList);
      $.CONSUME(T.In);
      iterable = $.SUBRULE($.starExpressions);
    });
    if (target.kind !== 'error') checkTarget($, target, true);
    const body = block($, colon, "'for'");
    const node: { -readonly [K in keyof ForStatement]: ForStatement[K] } = {
      kind: 'for',
      target,
      iterable,
      body,
      span: spanOf(keyword, lastContent($, keyword)),
    };
    const orelse = loopElse($);
    if (orelse !== undefined) node.orelse = orelse;
    return node;
  }) as ForStatement;
}

/** `for` targets: primaries (no operators, so `in` is not read as one), separated by commas. */
export function targetList($: ParserHost): Expression {
  const sequence = openSequence($, $.target);
  return $.ACTION(() => sequenceExpression(sequence)) as Expression;
}

export function target($: ParserHost): Expression {
  return $.OR([
    {
      ALT: () => {
        const star = $.CONSUME(T.Star);
        const value = $.SUBRULE($.primary);
        return $.ACTION((): Expression => ({
          kind: 'starred',
          double: false,
          value,
          span: joinSpans(spanOf(star, star), value.span) as SourceSpan,
        })) as Expression;
      },
    },
    { ALT: () => $.SUBRULE2($.primary) },
  ]);
}

export function unsupportedCompound($: ParserHost): UnsupportedStatement {
  const keyword = $.CONSUME(T.CompoundKeyword);
  return $.ACTION(() => finishUnsupportedCompound($, keyword)) as UnsupportedStatement;
}

function finishUnsupportedCompound($: ParserHost, keyword: IToken): UnsupportedStatement {
  if (keyword.tokenType === T.At) {
    const last = skipUntil($, new Set(), true) ?? keyword;
    if ($.LA(1).tokenType === T.Newline) $.SKIP_TOKEN();
    return { kind: 'unsupported', keyword: '@', header: textOf($, keyword, last), body: [], span: spanOf(keyword, last) };
  }
  const last = skipUntil($, new Set([T.Colon]), true) ?? keyword;
  const colon = $.LA(1).tokenType === T.Colon ? $.LA(1) : undefined;
  if (colon !== undefined) $.SKIP_TOKEN();
  else if ($.lastError < keyword.startOffset) {
    error($, D.syntaxError, `expected ':' at the end of the '${keyword.image}' line`, spanOf(last, last), "end the line with ':'");
  }
  const body = [...block($, colon, `'${keyword.image}'`)];
  const header = textOf($, keyword, colon ?? last);
  if (keyword.tokenType === T.Try) {
    // `except` / `else` / `finally` clauses belong to the `try`.
    for (;;) {
      const next = $.LA(1);
      if (next.tokenType !== T.Except && next.tokenType !== T.Else && next.tokenType !== T.Finally) break;
      $.SKIP_TOKEN();
      skipUntil($, new Set([T.Colon]), true);
      const clauseColon = $.LA(1).tokenType === T.Colon ? $.LA(1) : undefined;
      if (clauseColon !== undefined) $.SKIP_TOKEN();
      pushAll(body, block($, clauseColon, `'${next.image}'`));
    }
  }
  return { kind: 'unsupported', keyword: keyword.image, header, body, span: spanOf(keyword, lastContent($, keyword)) };
}

/** `else:`/`elif …:`/`except:`/`finally:`/`case …:` with no statement to belong to. */
export function strayClause($: ParserHost): Statement[] {
  const keyword = $.CONSUME(T.ClauseKeyword);
  return $.ACTION(() => finishStrayClause($, keyword)) as Statement[];
}

export function strayCase($: ParserHost): Statement[] {
  const keyword = $.CONSUME(T.Name);
  return $.ACTION(() => finishStrayClause($, keyword)) as Statement[];
}

function finishStrayClause($: ParserHost, keyword: IToken): Statement[] {
  if ($.lastError < keyword.startOffset) {
    const owner = keyword.image === 'case' ? "'match'" : keyword.image === 'except' || keyword.image === 'finally' ? "'try'" : "'if'";
    error(
      $,
      D.strayClause,
      `'${keyword.image}' without ${owner} before it at the same indentation`,
      spanOf(keyword, keyword),
      `indent it to line up with its ${owner}, or remove it`,
    );
  }
  skipUntil($, new Set([T.Colon]), true);
  const colon = $.LA(1).tokenType === T.Colon ? $.LA(1) : undefined;
  if (colon !== undefined) $.SKIP_TOKEN();
  return block($, colon, `'${keyword.image}'`);
}
