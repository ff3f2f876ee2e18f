/**
 * Python's operator precedence applied to a flat chain `operand (op operand)*`
 * that the parser collects in one loop (one grammar rule instead of one rule
 * per precedence level: fewer rule invocations per atom, and no recursion
 * proportional to the chain's length).
 *
 * Levels, loosest first: `or`, `and`, `not` (prefix), comparisons (chained,
 * `a < b <= c`), `|`, `^`, `&`, `<<` `>>`, `+` `-`, `*` `/` `//` `%` `@`.
 * Unary `-` `+` `~` and `**` bind tighter and are handled before the chain.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { BinaryOperator, CompareOperator, Expression } from '../syntax/ast.js';

export type ChainOperator = BinaryOperator | CompareOperator | 'and' | 'or';

export interface ChainOperand {
  /** `not` prefixes, each with its span start (outermost first). */
  readonly nots: readonly SourceSpan[];
  readonly expression: Expression;
}

export interface ChainLink {
  readonly operator: ChainOperator;
  readonly span: SourceSpan;
}

const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARE = 4;

const PRECEDENCE: Readonly<Record<ChainOperator, number>> = {
  or: OR,
  and: AND,
  '==': COMPARE,
  '!=': COMPARE,
  '<': COMPARE,
  '<=': COMPARE,
  '>': COMPARE,
  '>=': COMPARE,
  in: COMPARE,
  'not in': COMPARE,
  is: COMPARE,
  'is not': COMPARE,
  '|': 5,
  '^': 6,
  '&': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '//': 10,
  '%': 10,
  '@': 10,
  '**': 11,
};

export interface FoldProblem {
  readonly message: string;
  readonly span: SourceSpan;
  readonly suggestion: string;
}

function join(a: SourceSpan | undefined, b: SourceSpan | undefined): SourceSpan | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return { start: a.start, end: b.end };
}

/**
 * Builds the tree for `operands[0] links[0] operands[1] …`. `problems`
 * receives `not` placed where Python does not allow it (`a == not b`); the
 * tree is still built as if it were parenthesised.
 */
export function foldChain(operands: readonly ChainOperand[], links: readonly ChainLink[], problems: FoldProblem[]): Expression {
  let next = 0;
  const consumedNots = new Set<number>();

  const parse = (minPrecedence: number): Expression => {
    let left = prefixed(minPrecedence);
    while (next - 1 < links.length) {
      const link = links[next - 1];
      if (link === undefined) break;
      const precedence = PRECEDENCE[link.operator];
      if (precedence < minPrecedence) break;
      if (link.operator === 'and' || link.operator === 'or') {
        const values: Expression[] = [left];
        while (links[next - 1]?.operator === link.operator) values.push(parse(precedence + 1));
        left = {
          kind: 'boolOp',
          operator: link.operator,
          values,
          span: join(values[0]?.span, values[values.length - 1]?.span) as SourceSpan,
        };
        continue;
      }
      if (precedence === COMPARE) {
        const operators: CompareOperator[] = [];
        const comparators: Expression[] = [];
        for (let l = links[next - 1]; l !== undefined && PRECEDENCE[l.operator] === COMPARE; l = links[next - 1]) {
          operators.push(l.operator as CompareOperator);
          comparators.push(parse(COMPARE + 1));
        }
        left = {
          kind: 'compare',
          left,
          operators,
          comparators,
          span: join(left.span, comparators[comparators.length - 1]?.span) as SourceSpan,
        };
        continue;
      }
      const right = parse(precedence + 1);
      left = { kind: 'binary', operator: link.operator as BinaryOperator, left, right, span: join(left.span, right.span) as SourceSpan };
    }
    return left;
  };

  /** Reads operand `next`; a `not` prefix takes the comparison-level expression that starts there. */
  const prefixed = (minPrecedence: number): Expression => {
    const index = next;
    const operand = operands[index] as ChainOperand;
    if (operand.nots.length > 0 && !consumedNots.has(index)) {
      consumedNots.add(index);
      if (minPrecedence > NOT) {
        const previous = links[index - 1];
        problems.push({
          message: `'not' cannot follow '${previous?.operator ?? ''}' without parentheses`,
          span: operand.nots[0] as SourceSpan,
          suggestion: 'put the negated part in parentheses: (not …)',
        });
      }
      let inner = parse(COMPARE);
      for (let k = operand.nots.length - 1; k >= 0; k--) {
        const at = operand.nots[k] as SourceSpan;
        inner = { kind: 'unary', operator: 'not', operand: inner, span: join(at, inner.span) as SourceSpan };
      }
      return inner;
    }
    next = index + 1;
    return operand.expression;
  };

  // `prefixed` with `not` recurses into `parse`, which re-enters `prefixed` for the same index.
  next = 0;
  return parse(OR);
}
