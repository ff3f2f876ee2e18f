/**
 * Expressions: tuples and starred items, the walrus, lambdas and conditional expressions (read to be
 * reported), the flat operator chain folded by precedence, unary signs and `**`, trailers (`.name`, calls,
 * subscripts), and the bound on a tree's depth.
 */
import { EOF, type IOrAlt, type IToken } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Expression } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { type ChainLink, type ChainOperand, foldChain, type FoldProblem } from '../precedence.js';
import { span } from '../reporter.js';
import * as T from '../tokens.js';
import type { Token } from '../tokens.js';
import { quickAtom } from './atoms.js';
import { callArguments } from './calls.js';
import type { ParserHost } from './host.js';
import { enter, error, expected, NestingLimit, skipUntil, textOf, warn } from './recovery.js';
import { CLOSERS, EXPRESSION_START, INFIX, OPENERS } from './token-sets.js';
import { joinSpans, nameOf, payloadOf, spanOf, tokenEnd, tokenStart } from './token-spans.js';

/** `a, b` without parentheses (a tuple), or one expression. */
export function starExpressions($: ParserHost): Expression {
  if ($.RECORDING_PHASE) {
    $.SUBRULE($.starExpression);
    $.MANY(() => {
      $.CONSUME(T.Comma);
      $.OPTION(() => $.SUBRULE2($.starExpression));
    });
    return { kind: 'error', text: '' };
  }
  const first = quickAtom($) ?? $.SUBRULE($.starExpression);
  if ($.LA(1).tokenType !== T.Comma) return first;
  const elements: Expression[] = [first];
  while ($.LA(1).tokenType === T.Comma) {
    $.SKIP_TOKEN();
    if (!EXPRESSION_START.has($.LA(1).tokenType)) break;
    elements.push(quickAtom($) ?? $.SUBRULE2($.starExpression));
  }
  const last = $.LA(0);
  return { kind: 'tuple', elements, parenthesized: false, span: joinSpans(first.span, spanOf(last, last)) as SourceSpan };
}

export function starExpression($: ParserHost): Expression {
  if (!$.RECORDING_PHASE) {
    const type = $.LA(1).tokenType;
    if (type !== T.Star) {
      if (!EXPRESSION_START.has(type)) throw expected($, 'an expression');
      return $.SUBRULE($.namedExpression);
    }
  }
  return $.OR($.starAlternatives);
}

export function starAlternatives($: ParserHost): IOrAlt<Expression>[] {
  return [
    {
      ALT: (): Expression => {
        const star = $.CONSUME(T.Star);
        const value = $.SUBRULE($.disjunction);
        if ($.RECORDING_PHASE) return value;
        return boundedDepth(
          $,
          { kind: 'starred', double: false, value, span: joinSpans(spanOf(star, star), value.span) as SourceSpan },
          star,
        );
      },
    },
    { ALT: (): Expression => $.SUBRULE($.namedExpression) },
  ];
}

/** An expression, with the walrus (`x := v`) reported. */
export function namedExpression($: ParserHost): Expression {
  const value = $.SUBRULE($.expression);
  if ($.RECORDING_PHASE) {
    $.OPTION(() => {
      $.CONSUME(T.Walrus);
      $.SUBRULE2($.expression);
    });
    return value;
  }
  const walrus = $.LA(1);
  if (walrus.tokenType === T.Walrus) {
    $.SKIP_TOKEN();
    $.SUBRULE2($.expression);
    error(
      $,
      D.notInDialect,
      "':=' (assignment expressions) is not part of the dialect",
      spanOf(walrus, walrus),
      'assign on its own line first',
    );
  }
  return value;
}

/**
 * An expression with its nesting counted. The lambda and conditional
 * forms are read only to be reported (the AST has no node for them).
 */
export function expression($: ParserHost): Expression {
  if ($.RECORDING_PHASE) {
    return $.OR([
      {
        ALT: () => {
          $.CONSUME(T.Lambda);
          $.CONSUME(T.Colon);
          return $.SUBRULE($.expression);
        },
      },
      {
        ALT: () => {
          const value = $.SUBRULE($.disjunction);
          $.OPTION(() => {
            $.CONSUME(T.If);
            $.SUBRULE2($.disjunction);
            $.CONSUME(T.Else);
            $.SUBRULE2($.expression);
          });
          return value;
        },
      },
    ]);
  }
  const first = $.LA(1);
  enter($, first);
  try {
    if (first.tokenType === T.Lambda) {
      $.SKIP_TOKEN();
      skipUntil($, new Set([T.Colon]), true);
      $.CONSUME(T.Colon);
      const body = $.SUBRULE($.expression);
      return unsupportedExpression($, 'lambda functions', first, body.span);
    }
    let result = $.SUBRULE($.disjunction);
    const ifToken = $.LA(1);
    if (!$.inPattern && ifToken.tokenType === T.If) {
      $.SKIP_TOKEN();
      $.SUBRULE2($.disjunction);
      $.CONSUME(T.Else);
      const otherwise = $.SUBRULE2($.expression);
      result = unsupportedExpression($, 'conditional expressions (a if b else c)', ifToken, otherwise.span, result.span);
    }
    return $.depth === 1 ? boundedDepth($, result, first) : result;
  } finally {
    $.depth--;
  }
}

/**
 * An outermost expression whose tree is deeper than consumers can walk
 * recursively (`a + a + … ` a hundred thousand times, `not not … x`)
 * becomes an error node. Only long expressions can be deep, so only they
 * are measured (iteratively).
 */
function boundedDepth($: ParserHost, e: Expression, first: IToken): Expression {
  const where = e.span;
  // A tree is never deeper than the number of tokens it was read from.
  const tokens = (($.LA(0) as Token).index ?? 0) - ((first as Token).index ?? 0) + 1;
  if (where === undefined || tokens <= $.state.maxAstDepth) return e;
  if (nodeDepth(e) <= $.state.maxAstDepth) return e;
  if ($.lastError < where.start.offset) {
    error($, D.tooDeep, `expression nested more than ${$.state.maxAstDepth} levels deep`, where, 'split it into several statements');
  }
  return { kind: 'error', text: $.state.src.slice(where.start.offset, where.end.offset), span: where };
}

export function unsupportedExpression($: ParserHost, what: string, at: IToken, end: SourceSpan | undefined, start?: SourceSpan): Expression {
  const where = span(start?.start ?? tokenStart(at), end?.end ?? tokenEnd(at));
  error($, D.notInDialect, `${what} are not part of the dialect`, spanOf(at, at), 'use an action for it');
  return { kind: 'error', text: $.state.src.slice(where.start.offset, where.end.offset), span: where };
}

/** The flat operator chain: `not`* operand (operator `not`* operand)*. */
/**
 * The flat operator chain: `not`* operand (operator `not`* operand)*. The
 * leading part is chevrotain's (it decides where an expression may start);
 * the rest is a plain loop: after the first operand one token decides.
 */
export function disjunction($: ParserHost): Expression {
  let nots: SourceSpan[] | undefined;
  $.MANY(() => {
    const t = $.CONSUME(T.Not);
    if (!$.RECORDING_PHASE) (nots ??= []).push(spanOf(t, t));
  });
  const first = $.SUBRULE($.factor);
  if ($.RECORDING_PHASE) return first;
  let operator = INFIX.get($.LA(1).tokenType);
  const notIn = $.LA(1).tokenType === T.Not && $.LA(2).tokenType === T.In;
  if (operator === undefined && !notIn) {
    if (nots === undefined) return first;
    return foldChain([{ nots, expression: first }], [], []);
  }
  const operands: ChainOperand[] = [{ nots: nots ?? [], expression: first }];
  const links: ChainLink[] = [];
  for (;;) {
    const t = $.LA(1);
    operator = INFIX.get(t.tokenType);
    let opSpan: SourceSpan;
    if (operator !== undefined) {
      $.SKIP_TOKEN();
      opSpan = spanOf(t, t);
      if (operator === 'is' && $.LA(1).tokenType === T.Not) {
        opSpan = spanOf(t, $.LA(1));
        operator = 'is not';
        $.SKIP_TOKEN();
      }
    } else if (t.tokenType === T.Not && $.LA(2).tokenType === T.In) {
      operator = 'not in';
      opSpan = spanOf(t, $.LA(2));
      $.SKIP_TOKEN();
      $.SKIP_TOKEN();
    } else break;
    const operandNots: SourceSpan[] = [];
    while ($.LA(1).tokenType === T.Not) {
      operandNots.push(spanOf($.LA(1), $.LA(1)));
      $.SKIP_TOKEN();
    }
    const operand = $.SUBRULE2($.factor);
    links.push({ operator, span: opSpan });
    operands.push({ nots: operandNots, expression: operand });
  }
  const problems: FoldProblem[] = [];
  const result = foldChain(operands, links, problems);
  for (const p of problems) error($, D.syntaxError, p.message, p.span, p.suggestion);
  return result;
}

/** Unary `-` `+` `~` and `**` (which binds tighter on its left: `-x**2` is `-(x**2)`). */
export function factor($: ParserHost): Expression {
  let prefixes: IToken[] | undefined;
  $.MANY(() => {
    const t = $.OR($.signAlternatives);
    if (!$.RECORDING_PHASE) (prefixes ??= []).push(t);
  });
  let base = $.SUBRULE($.primary);
  if ($.RECORDING_PHASE) {
    $.OPTION(() => {
      $.CONSUME(T.DoubleStar);
      $.SUBRULE2($.factor);
    });
    return base;
  }
  const power = $.LA(1);
  if (power.tokenType === T.DoubleStar) {
    $.SKIP_TOKEN();
    enter($, power);
    try {
      const exponent = $.SUBRULE2($.factor);
      base = { kind: 'binary', operator: '**', left: base, right: exponent, span: joinSpans(base.span, exponent.span) as SourceSpan };
    } finally {
      $.depth--;
    }
  }
  if (prefixes === undefined) return base;
  if (prefixes.length > $.state.maxDepth) {
    const t = prefixes[0] as IToken;
    error($, D.tooDeep, `more than ${$.state.maxDepth} signs in a row`, spanOf(t, t), 'remove the extra signs');
    return { kind: 'error', text: textOf($, t, $.LA(0)), span: spanOf(t, $.LA(0)) };
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
}

export function signAlternatives($: ParserHost): IOrAlt<IToken>[] {
  return [
    { ALT: () => $.CONSUME(T.Minus) },
    { ALT: () => $.CONSUME(T.Plus) },
    { ALT: () => $.CONSUME(T.Tilde) },
  ];
}

/** An atom and its trailers: `.name`, `(arguments)`, `[index]`. */
/** An atom and its trailers (`.name`, `(arguments)`, `[index]`), read in a plain loop: one token decides each. */
export function primary($: ParserHost): Expression {
  const value = $.SUBRULE($.atom);
  if ($.RECORDING_PHASE) return value;
  const next = $.LA(1).tokenType;
  return next === T.Dot || next === T.LParen || next === T.LBracket ? trailers($, value) : value;
}

function trailers($: ParserHost, start: Expression): Expression {
  let value = start;
  for (let count = 1; ; count++) {
    const type = $.LA(1).tokenType;
    if (type === T.Dot) {
      $.SKIP_TOKEN();
      const name = $.CONSUME(T.Name);
      const p = payloadOf(name);
      if (p?.kind === 'name' && p.spaced === true) {
        warn(
          $,
          D.spacedProperty,
          `'.${name.image}' is not a Python attribute (it contains spaces): read as the property '${p.name}'`,
          spanOf(name, name),
          `write getattr(…, '${p.name}') for valid Python`,
        );
      }
      value = { kind: 'attribute', object: value, name: nameOf(name), span: joinSpans(value.span, spanOf(name, name)) as SourceSpan };
    } else if (type === T.LParen) {
      $.SKIP_TOKEN();
      const { args, keywords } = callArguments($);
      const close = $.CONSUME(T.RParen);
      value = { kind: 'call', callee: value, args, keywords, span: joinSpans(value.span, spanOf(close, close)) as SourceSpan };
    } else if (type === T.LBracket) {
      $.SKIP_TOKEN();
      const index = $.SUBRULE($.subscript);
      const close = $.CONSUME(T.RBracket);
      value = { kind: 'subscript', object: value, index, span: joinSpans(value.span, spanOf(close, close)) as SourceSpan };
    } else return value;
    if (count > $.state.maxDepth) {
      const at = $.LA(0);
      error(
        $,
        D.tooDeep,
        `more than ${$.state.maxDepth} attribute, call or index suffixes in a row`,
        spanOf(at, at),
        'split the expression',
      );
      throw new NestingLimit();
    }
  }
}

/** `[index]`: one expression or a tuple; slices are reported. */
export function subscript($: ParserHost): Expression {
  const start = $.LA(1);
  return $.ACTION((): Expression => {
    const colonAhead = (): boolean => {
      let depth = 0;
      for (let k = 1; ; k++) {
        const t = $.LA(k).tokenType;
        if (t === EOF || t === T.Newline) return false;
        if (OPENERS.has(t)) depth++;
        else if (CLOSERS.has(t)) {
          if (depth === 0) return false;
          depth--;
        } else if (t === T.Colon && depth === 0) return true;
      }
    };
    if (colonAhead()) {
      const last = skipUntil($, new Set([T.RBracket]), false);
      error(
        $,
        D.notInDialect,
        'slices (a[i:j]) are not part of the dialect',
        spanOf(start, last ?? start),
        'use an action to get items from a list',
      );
      return { kind: 'error', text: textOf($, start, last), span: spanOf(start, last ?? start) };
    }
    return $.SUBRULE($.starExpressions);
  }) as Expression;
}

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
