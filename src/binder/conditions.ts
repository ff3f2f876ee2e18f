import type { Entry, Value, VariableReference } from '../ir/types.js';
import type { CallExpression, CompareExpression, CompareOperator, Expression } from '../syntax/ast.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { bindReference, isReferenceForm } from './references.js';
import { calleeName, describeExpression, literalText } from './syntax.js';
import { hoistCall } from './calls.js';
import { bindText, hasInterpolation } from './text.js';

/**
 * `if` tests → the parameters of the If action (`is.workflow.actions.conditional`
 * start), in the form current Shortcuts writes: `WFCondition` as an integer
 * code, `WFInput` as `{Type: Variable, Variable: <attachment>}`, the operand
 * in `WFConditionalActionString` (text) or `WFNumberValue` (numbers).
 *
 *   a == b   4 is            a != b   5 is not
 *   a < b    0               a <= b   1         a > b   2        a >= b   3
 *   b in a   99 contains     b not in a   999 does not contain
 *   a        100 has any value           not a    101 does not have any value
 *   a.startswith(b)   8      a.endswith(b)   9
 *   lo <= a <= hi     1003 is between (WFNumberValue, WFAnotherNumber)
 *   a.date() == datetime.now().date()           1002 is today
 *   a <= get_future_time(n, 'unit')             1000 is in the next
 *   a >= get_recent_time(n, 'unit')             1001 is in the last
 */
export const CONDITION_CODES = {
  less: 0,
  lessOrEqual: 1,
  greater: 2,
  greaterOrEqual: 3,
  is: 4,
  isNot: 5,
  beginsWith: 8,
  endsWith: 9,
  contains: 99,
  hasAnyValue: 100,
  hasNoValue: 101,
  doesNotContain: 999,
  isInTheNext: 1000,
  isInTheLast: 1001,
  isToday: 1002,
  isBetween: 1003,
} as const;

const ORDERING: Readonly<Partial<Record<CompareOperator, number>>> = { '<': 0, '<=': 1, '>': 2, '>=': 3, '==': 4, '!=': 5 };
/** The operator with its operands swapped (`3 < x` is `x > 3`). */
const MIRRORED: Readonly<Partial<Record<CompareOperator, CompareOperator>>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };
const NEGATED: Readonly<Record<number, number>> = { 4: 5, 5: 4, 99: 999, 999: 99, 100: 101, 101: 100 };

interface Condition {
  readonly code: number;
  readonly subject: VariableReference;
  readonly operand?: { readonly key: string; readonly value: Value };
  readonly another?: { readonly key: string; readonly value: Value };
}

/** The start parameters of an If for `test`, sorted by key; undefined after reporting. */
export function bindCondition(env: Env, test: Expression): Entry<Value>[] | undefined {
  const condition = env.ctx.deeper(test.span, () => readCondition(env, test));
  if (condition === undefined) return undefined;
  const entries: Entry<Value>[] = [
    { key: 'WFCondition', value: { kind: 'integer', value: BigInt(condition.code) } },
    {
      key: 'WFInput',
      value: {
        kind: 'map',
        entries: [
          { key: 'Type', value: { kind: 'string', value: 'Variable' } },
          { key: 'Variable', value: { kind: 'variable', variable: condition.subject } },
        ],
      },
    },
  ];
  if (condition.operand !== undefined) entries.push(condition.operand);
  if (condition.another !== undefined) entries.push(condition.another);
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries;
}

function readCondition(env: Env, test: Expression): Condition | undefined {
  const ctx = env.ctx;
  switch (test.kind) {
    case 'compare':
      return test.operators.length === 1 ? readComparison(env, test) : readBetween(env, test);
    case 'unary': {
      if (test.operator !== 'not') break;
      const inner = readCondition(env, test.operand);
      if (inner === undefined) return undefined;
      const negated = NEGATED[inner.code];
      if (negated === undefined) {
        ctx.report(D.badCondition, 'only `not x`, `not (a == b)` and `not (b in a)` can be negated: Shortcuts has no "not" for this condition', test.span, 'swap the bodies of the if and the else instead');
        return undefined;
      }
      if (inner.code !== CONDITION_CODES.hasAnyValue) {
        ctx.lenient(D.looseCondition, '`not (…)` read as the opposite condition', test.span, 'write the opposite operator (`!=`, `not in`)');
      }
      return { ...inner, code: negated };
    }
    case 'call': {
      const method = stringMethod(test);
      if (method !== undefined) return method(env);
      break;
    }
    case 'boolOp':
      ctx.report(D.badCondition, `\`${test.operator}\` cannot be tested by one If: Shortcuts checks one condition per If`, test.span, test.operator === 'and' ? 'nest two ifs' : 'test each part in its own if, or use a Choose from Menu');
      return undefined;
    default:
      break;
  }
  if (isSubjectForm(test)) {
    const subject = bindSubject(env, test);
    return subject === undefined ? undefined : { code: CONDITION_CODES.hasAnyValue, subject };
  }
  ctx.report(D.badCondition, `${describeExpression(test)} is not a condition Shortcuts can check`, test.span, 'compare a variable: `if x == \'text\':`, `if x > 3:`, `if \'part\' in x:`, `if x:`');
  return undefined;
}

/** A variable (or, in model code, an action call run just before) the If tests. */
function isSubjectForm(expr: Expression): boolean {
  return isReferenceForm(expr) || expr.kind === 'call';
}

function bindSubject(env: Env, expr: Expression): VariableReference | undefined {
  if (expr.kind === 'call' && !isReferenceForm(expr)) {
    if (env.ctx.canonical) {
      env.ctx.report(D.notCanonical, 'an action call in an if test is not canonical', expr.span, 'bind its output first and test the name');
      return undefined;
    }
    return hoistCall(env, expr);
  }
  return bindReference(env, expr);
}

function readComparison(env: Env, test: CompareExpression): Condition | undefined {
  const ctx = env.ctx;
  const operator = test.operators[0]!;
  const right = test.comparators[0]!;
  let left = test.left;
  switch (operator) {
    case 'in':
    case 'not in': {
      if (!isSubjectForm(right)) {
        ctx.report(D.badCondition, `the right side of \`${operator}\` must be the variable searched`, right.span, 'write `if \'part\' in x:`');
        return undefined;
      }
      const subject = bindSubject(env, right);
      const operand = textOperand(env, left);
      if (subject === undefined || operand === undefined) return undefined;
      return { code: operator === 'in' ? CONDITION_CODES.contains : CONDITION_CODES.doesNotContain, subject, operand: { key: 'WFConditionalActionString', value: operand } };
    }
    case 'is':
    case 'is not':
      if (right.kind === 'none' && isSubjectForm(left)) {
        ctx.lenient(D.looseCondition, `\`x ${operator} None\` read as "${operator === 'is' ? 'does not have' : 'has'} any value"`, test.span, operator === 'is' ? 'write `if not x:`' : 'write `if x:`');
        const subject = bindSubject(env, left);
        return subject === undefined ? undefined : { code: operator === 'is' ? CONDITION_CODES.hasNoValue : CONDITION_CODES.hasAnyValue, subject };
      }
      ctx.report(D.badCondition, `\`${operator}\` compares identity, which Shortcuts cannot test`, test.span, operator === 'is' ? 'use `==`' : 'use `!=`');
      return undefined;
    default:
      break;
  }
  let op: CompareOperator = operator;
  let other = right;
  const special = timeCondition(env, left, op, right);
  if (special !== undefined) return special === 'error' ? undefined : special;
  if (!isSubjectForm(left) && isSubjectForm(right)) {
    // `'text' == x`, `3 < x`: the variable goes first.
    ctx.lenient(D.looseCondition, 'the variable tested is written on the right; read with the sides swapped', test.span, 'write the variable first');
    [left, other] = [right, left];
    op = MIRRORED[op] ?? op;
  }
  if (!isSubjectForm(left)) {
    ctx.report(D.badCondition, `${describeExpression(left)} cannot be tested: one side of the comparison must be a variable`, left.span, 'compare a variable, e.g. `if x == \'text\':`');
    return undefined;
  }
  const code = ORDERING[op]!;
  const subject = bindSubject(env, left);
  if (subject === undefined) return undefined;
  const operand = code === 4 || code === 5 ? equalityOperand(env, other) : numberOperand(env, other);
  return operand === undefined ? undefined : { code, subject, operand };
}

/** `lo <= a <= hi` (also with `<`): is between. */
function readBetween(env: Env, test: CompareExpression): Condition | undefined {
  const ctx = env.ctx;
  const [first, second] = test.operators;
  const ordered = (o: CompareOperator | undefined): boolean => o === '<=' || o === '<';
  if (test.operators.length !== 2 || !ordered(first) || !ordered(second)) {
    ctx.report(D.badCondition, 'a chained comparison must be `lo <= x <= hi` (is between)', test.span, 'split it into two ifs, or write `lo <= x <= hi`');
    return undefined;
  }
  if (first !== '<=' || second !== '<=') ctx.lenient(D.looseCondition, '`<` in a between test read as `<=` (Shortcuts\' "is between" includes both ends)', test.span, 'write `lo <= x <= hi`');
  const middle = test.comparators[0]!;
  if (!isSubjectForm(middle)) {
    ctx.report(D.badCondition, 'the middle of `lo <= x <= hi` must be the variable tested', middle.span, 'put the variable in the middle');
    return undefined;
  }
  const subject = bindSubject(env, middle);
  const low = numberOperand(env, test.left);
  const high = numberOperand(env, test.comparators[1]!, 'WFAnotherNumber');
  if (subject === undefined || low === undefined || high === undefined) return undefined;
  return { code: CONDITION_CODES.isBetween, subject, operand: low, another: high };
}

/** `a.startswith(b)` / `a.endswith(b)` / `a.date() == …`: the method calls WorkflowLLM writes. */
function stringMethod(call: CallExpression): ((env: Env) => Condition | undefined) | undefined {
  if (call.callee.kind !== 'attribute') return undefined;
  const method = call.callee.name;
  if (method !== 'startswith' && method !== 'endswith') return undefined;
  const object = call.callee.object;
  return (env) => {
    if (call.args.length !== 1 || call.keywords.length > 0) {
      env.ctx.report(D.badCondition, `\`.${method}\` takes one text`, call.span, `write x.${method}('text')`);
      return undefined;
    }
    const subject = bindSubject(env, object);
    const operand = textOperand(env, call.args[0]!);
    if (subject === undefined || operand === undefined) return undefined;
    return { code: method === 'startswith' ? CONDITION_CODES.beginsWith : CONDITION_CODES.endsWith, subject, operand: { key: 'WFConditionalActionString', value: operand } };
  };
}

/** `x.date() == datetime.now().date()`, `x <= get_future_time(n, 'unit')`, `x >= get_recent_time(n, 'unit')`. */
function timeCondition(env: Env, left: Expression, op: CompareOperator, right: Expression): Condition | 'error' | undefined {
  const ctx = env.ctx;
  const dateOf = (e: Expression): Expression | undefined =>
    e.kind === 'call' && e.callee.kind === 'attribute' && e.callee.name === 'date' && e.args.length === 0 && e.keywords.length === 0 ? e.callee.object : undefined;
  const leftDate = dateOf(left);
  const rightDate = dateOf(right);
  if (op === '==' && leftDate !== undefined && rightDate !== undefined && isNow(rightDate)) {
    const subject = bindSubject(env, leftDate);
    return subject === undefined ? 'error' : { code: CONDITION_CODES.isToday, subject };
  }
  if (right.kind !== 'call') return undefined;
  const name = calleeName(right);
  if (name !== 'get_future_time' && name !== 'get_recent_time') return undefined;
  const expected = name === 'get_future_time' ? '<=' : '>=';
  if (op !== expected || right.args.length !== 2 || right.keywords.length > 0) {
    ctx.report(D.badCondition, `${name} is compared as \`x ${expected} ${name}(n, 'unit')\``, right.span, `write x ${expected} ${name}(3, 'days')`);
    return 'error';
  }
  const subject = bindSubject(env, left);
  const magnitude = numberOperand(env, right.args[0]!, 'Magnitude');
  const unit = literalText(right.args[1]!);
  if (subject === undefined || magnitude === undefined || unit === undefined) {
    if (unit === undefined) ctx.report(D.badCondition, 'the unit must be text (\'days\', \'hours\', …)', right.args[1]!.span, "write the unit as a string, e.g. 'days'");
    return 'error';
  }
  return {
    code: name === 'get_future_time' ? CONDITION_CODES.isInTheNext : CONDITION_CODES.isInTheLast,
    subject,
    operand: { key: 'WFDuration', value: { kind: 'quantity', magnitude: magnitude.value, unit } },
  };
}

function isNow(expr: Expression): boolean {
  return expr.kind === 'call' && ['datetime.datetime.now', 'datetime.now'].includes(calleeName(expr) ?? '') && expr.args.length === 0;
}

/** Right side of `==`/`!=`: text → WFConditionalActionString, a number → WFNumberValue. */
function equalityOperand(env: Env, expr: Expression): { key: string; value: Value } | undefined {
  if (expr.kind === 'number') return numberOperand(env, expr);
  if (expr.kind === 'boolean' || expr.kind === 'none') {
    env.ctx.report(D.badCondition, `comparing with ${describeExpression(expr)} has no meaning in a shortcut`, expr.span, expr.kind === 'none' ? 'write `if not x:` (does not have any value)' : "compare with text, e.g. x == 'Yes', or test `if x:`");
    return undefined;
  }
  const value = textOperand(env, expr);
  return value === undefined ? undefined : { key: 'WFConditionalActionString', value };
}

/** The text compared with: plain text as a string, an f-string or a variable as text. */
function textOperand(env: Env, expr: Expression): Value | undefined {
  const plain = literalText(expr);
  if (plain !== undefined && !(expr.kind === 'fstring' && hasInterpolation(expr))) {
    if (expr.kind === 'fstring' && env.ctx.canonical) return bindText(env, expr);
    return { kind: 'string', value: plain };
  }
  if (expr.kind === 'fstring') return bindText(env, expr);
  if (expr.kind === 'number') {
    return { kind: 'string', value: expr.text };
  }
  if (isSubjectForm(expr)) {
    const reference = bindSubject(env, expr);
    return reference === undefined ? undefined : { kind: 'text', parts: [reference], hasAttachmentsKey: true };
  }
  env.ctx.report(D.badCondition, `${describeExpression(expr)} cannot be compared with`, expr.span, 'compare with text, a number or a variable');
  return undefined;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number compared with (WFNumberValue): a number, a number written as text (model code), or a variable. */
function numberOperand(env: Env, expr: Expression, key = 'WFNumberValue'): { key: string; value: Value } | undefined {
  const ctx = env.ctx;
  if (expr.kind === 'number') {
    return { key, value: typeof expr.value === 'bigint' ? { kind: 'integer', value: expr.value } : { kind: 'real', value: expr.value } };
  }
  if (expr.kind === 'unary' && expr.operator === '-' && expr.operand.kind === 'number') {
    const n = expr.operand.value;
    return { key, value: typeof n === 'bigint' ? { kind: 'integer', value: -n } : { kind: 'real', value: -n } };
  }
  const plain = expr.kind === 'fstring' && hasInterpolation(expr) ? undefined : literalText(expr);
  if (plain !== undefined) {
    const trimmed = plain.trim();
    if (!NUMBER_TEXT.test(trimmed)) {
      ctx.report(D.badCondition, `'${plain}' is not a number: \`<\`, \`<=\`, \`>\`, \`>=\` compare numbers`, expr.span, 'compare with a number, or use == for text');
      return undefined;
    }
    if (!ctx.canonical) ctx.report(D.numberFromString, `the number ${trimmed} is written as text; compared as the number`, expr.span, `write ${trimmed}`);
    else return { key, value: { kind: 'string', value: plain } };
    return { key, value: /^[+-]?\d+$/.test(trimmed) ? { kind: 'integer', value: BigInt(trimmed) } : { kind: 'real', value: Number(trimmed) } };
  }
  if (expr.kind === 'fstring') {
    return { key, value: bindText(env, expr) };
  }
  if (isSubjectForm(expr)) {
    const reference = bindSubject(env, expr);
    if (reference === undefined) return undefined;
    if (reference.source.kind === 'currentDate' && key === 'WFNumberValue') return { key: 'WFDate', value: { kind: 'variable', variable: reference } };
    return { key, value: { kind: 'variable', variable: reference } };
  }
  ctx.report(D.badCondition, `${describeExpression(expr)} cannot be compared with`, expr.span, 'compare with a number or a variable');
  return undefined;
}
