import type {
  CallExpression,
  Expression,
  FStringPart,
  Keyword,
  NameExpression,
  QuoteStyle,
  Statement,
  StringLiteral,
} from '../syntax/ast.js';

/**
 * Small constructors for the syntax tree the emitter builds (nodes without
 * spans). They keep the emitting modules about the dialect, not about node
 * shapes.
 */

export const name = (text: string): NameExpression => ({ kind: 'name', name: text });

export const str = (value: string, quote: QuoteStyle = "'''"): StringLiteral => ({
  kind: 'string',
  value,
  // Quote style carries no meaning; an empty string reads better as ''.
  quote: value === '' && quote === "'''" ? "'" : quote,
});

export const fstr = (parts: readonly FStringPart[], quote: QuoteStyle = "'''"): Expression => ({
  kind: 'fstring',
  parts,
  quote: parts.length === 0 && quote === "'''" ? "'" : quote,
});

export const kw = (keyName: string, value: Expression): Keyword => ({ kind: 'keyword', name: keyName, value });

export function call(callee: string | Expression, args: readonly Expression[] = [], keywords: readonly Keyword[] = []): CallExpression {
  return { kind: 'call', callee: typeof callee === 'string' ? name(callee) : callee, args, keywords };
}

export const attr = (object: Expression, property: string): Expression => ({ kind: 'attribute', object, name: property });

export const subscript = (object: Expression, index: Expression): Expression => ({ kind: 'subscript', object, index });

export const ellipsis: Expression = { kind: 'ellipsis' };

export const none: Expression = { kind: 'none' };

export const bool = (value: boolean): Expression => ({ kind: 'boolean', value });

/** `datetime.datetime` and friends. */
export function dotted(path: string): Expression {
  const [first, ...rest] = path.split('.');
  let out: Expression = name(first!);
  for (const part of rest) out = attr(out, part);
  return out;
}

export const negate = (operand: Expression): Expression => ({ kind: 'unary', operator: '-', operand });

/** A non-negative integer literal. */
export function int(value: bigint): Expression {
  return value < 0n ? negate({ kind: 'number', text: (-value).toString(), isFloat: false, value: -value }) : { kind: 'number', text: value.toString(), isFloat: false, value };
}

export const list = (elements: readonly Expression[]): Expression => ({ kind: 'list', elements });

export const expressionStatement = (expression: Expression): Statement => ({ kind: 'expression', expression });

export function assign(target: string, value: Expression, annotation?: Expression): Statement {
  return annotation === undefined
    ? { kind: 'assign', targets: [name(target)], value }
    : { kind: 'assign', targets: [name(target)], annotation, value };
}
