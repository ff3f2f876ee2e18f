import type { ControlPart, Entry, Value } from '../ir/types.js';
import type { CompareOperator, Expression } from '../syntax/ast.js';
import type { Defaults } from '../syntax/header-defaults.js';
import { isWrappedSubject } from './analysis.js';
import { attr, call, ellipsis } from './build.js';
import type { ValueSpeller } from './values.js';

/**
 * If conditions (grammars/dialect.md §9.2): the comparison a start action's
 * WFCondition, WFInput and operands make under the file's `__defaults__`,
 * and the parameters it leaves over; undefined when there is none (the
 * caller writes the explicit test).
 */

type Shape =
  | { readonly kind: 'compare'; readonly operator: CompareOperator; readonly operandFirst?: true }
  | { readonly kind: 'method'; readonly method: string; readonly operand: boolean }
  | { readonly kind: 'truthy' }
  | { readonly kind: 'falsy' }
  | { readonly kind: 'between' };

interface Operator {
  readonly shape: Shape;
  /** The operand keys, in the order the spelling shows them. */
  readonly operands: readonly string[];
  /** The string old files store instead of the integer, when there is one. */
  readonly legacy?: string;
}

const TEXT = ['WFConditionalActionString'];
const NUMBER = ['WFNumberValue'];

/** The other operand key a single-operand comparison may use, and the subject's marker for it. */
const OTHER_OPERAND: ReadonlyMap<string, { key: string; marker: 'str' | 'float' }> = new Map([
  ['WFConditionalActionString', { key: 'WFNumberValue', marker: 'float' as const }],
  ['WFNumberValue', { key: 'WFConditionalActionString', marker: 'str' as const }],
]);

/** WFCondition integer code → spelling (dialect §9.2's table). */
export const CONDITION_OPERATORS: ReadonlyMap<number, Operator> = new Map<number, Operator>([
  [0, { shape: { kind: 'compare', operator: '<' }, operands: NUMBER, legacy: 'Is Less Than' }],
  [1, { shape: { kind: 'compare', operator: '<=' }, operands: NUMBER }],
  [2, { shape: { kind: 'compare', operator: '>' }, operands: NUMBER, legacy: 'Is Greater Than' }],
  [3, { shape: { kind: 'compare', operator: '>=' }, operands: NUMBER }],
  [4, { shape: { kind: 'compare', operator: '==' }, operands: TEXT, legacy: 'Equals' }],
  [5, { shape: { kind: 'compare', operator: '!=' }, operands: TEXT }],
  [8, { shape: { kind: 'method', method: 'startswith', operand: true }, operands: TEXT }],
  [9, { shape: { kind: 'method', method: 'endswith', operand: true }, operands: TEXT }],
  [99, { shape: { kind: 'compare', operator: 'in', operandFirst: true }, operands: TEXT, legacy: 'Contains' }],
  [999, { shape: { kind: 'compare', operator: 'not in', operandFirst: true }, operands: TEXT }],
  [100, { shape: { kind: 'truthy' }, operands: [] }],
  [101, { shape: { kind: 'falsy' }, operands: [] }],
  [1000, { shape: { kind: 'method', method: 'is_in_the_next', operand: true }, operands: ['WFDuration'] }],
  [1001, { shape: { kind: 'method', method: 'is_in_the_last', operand: true }, operands: ['WFDuration'] }],
  [1002, { shape: { kind: 'method', method: 'is_today', operand: false }, operands: [] }],
  [1003, { shape: { kind: 'between' }, operands: ['WFNumberValue', 'WFAnotherNumber'] }],
]);

const LEGACY_CODES: ReadonlyMap<string, number> = new Map(
  [...CONDITION_OPERATORS].flatMap(([code, op]) => (op.legacy === undefined ? [] : [[op.legacy, code] as const])),
);

/** A comparison, and the start's parameters it does not say (written as keywords beside it). */
export interface Condition {
  readonly comparison: Expression;
  readonly rest: readonly Entry<Value>[];
}

export function condition(start: ControlPart, defaults: Defaults, speller: ValueSpeller): Condition | undefined {
  const params = new Map<string, Value>();
  for (const e of start.parameters) {
    if (params.has(e.key)) return undefined;
    params.set(e.key, e.value);
  }
  const operator = operatorOf(params.get('WFCondition'), defaults);
  if (operator === undefined) return undefined;
  // A text comparison may name its operand WFNumberValue and a number comparison WFConditionalActionString:
  // the subject says so with `float(S)` / `str(S)` (dialect §9.2).
  let operands = operator.operands;
  let marker: 'str' | 'float' | undefined;
  const swapped = operands.length === 1 ? OTHER_OPERAND.get(operands[0]!) : undefined;
  if (swapped !== undefined && !params.has(operands[0]!) && params.has(swapped.key)) {
    operands = [swapped.key];
    marker = swapped.marker;
  }
  if (!operands.every((key) => params.has(key))) return undefined;

  const bare = subjectOf(params.get('WFInput'), defaults, speller);
  if (bare === undefined) return undefined;
  const subject = marker === undefined ? bare : call(marker, [bare]);
  const said = new Set(['WFCondition', 'WFInput', ...operands]);
  const rest = start.parameters.filter((e) => !said.has(e.key));
  const [first, second] = operands.map((key) => speller.value(params.get(key)!));
  return { comparison: comparison(operator.shape, subject, first, second), rest };
}

function comparison(shape: Shape, subject: Expression, first: Expression | undefined, second: Expression | undefined): Expression {
  switch (shape.kind) {
    case 'compare':
      return shape.operandFirst === true
        ? { kind: 'compare', left: first!, operators: [shape.operator], comparators: [subject] }
        : { kind: 'compare', left: subject, operators: [shape.operator], comparators: [first!] };
    case 'method':
      return call(attr(subject, shape.method), shape.operand ? [first!] : []);
    case 'truthy':
      return subject;
    case 'falsy':
      return { kind: 'unary', operator: 'not', operand: subject };
    case 'between':
      return { kind: 'compare', left: first!, operators: ['<=', '<='], comparators: [subject, second!] };
  }
}

function operatorOf(condition: Value | undefined, defaults: Defaults): Operator | undefined {
  if (condition?.kind === 'integer') {
    const code = Number(condition.value);
    const operator = CONDITION_OPERATORS.get(code);
    // Where the file stores strings, an integer code of a legacy operator needs the explicit test.
    if (operator === undefined || (operator.legacy !== undefined && defaults.conditionCodes === 'strings')) return undefined;
    return operator;
  }
  if (condition?.kind === 'string' && defaults.conditionCodes === 'strings') {
    const code = LEGACY_CODES.get(condition.value);
    return code === undefined ? undefined : CONDITION_OPERATORS.get(code);
  }
  return undefined;
}

/** `...` without WFInput; the variable expression of the subject in the file's shape; undefined otherwise. */
function subjectOf(input: Value | undefined, defaults: Defaults, speller: ValueSpeller): Expression | undefined {
  if (input === undefined) return ellipsis;
  let variable: Value | undefined;
  if (defaults.conditionInput === 'wrapped') {
    if (input.kind !== 'map' || !isWrappedSubject(input)) return undefined;
    variable = input.entries.find((e) => e.key === 'Variable')!.value;
  } else {
    variable = input;
  }
  if (variable.kind !== 'variable') return undefined;
  const spelled = speller.reference(variable.variable);
  return spelled.details ? undefined : spelled.expression;
}
