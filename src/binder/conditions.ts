import type { ControlPart, Entry, Value, VariableReference } from '../ir/types.js';
import type { CallExpression, CompareExpression, CompareOperator, Expression } from '../syntax/ast.js';
import { lookupActionName } from './actions.js';
import { hoistCall } from './calls.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { isEllipsis } from './forms.js';
import { bindGrammarValue } from './grammar.js';
import { bindReferenceWithDetails, isReferenceForm } from './references.js';
import { calleeName, describeExpression, literalText } from './syntax.js';
import { bindText, hasInterpolation } from './text.js';
import { OMIT, bindValue, numberFromText, slotFor } from './values.js';

/**
 * `if` tests → the parameters of the If action's start (dialect §9.2):
 *
 *   S < V  0   S <= V  1   S > V  2   S >= V  3      (WFNumberValue)
 *   S == V 4   S != V  5   S.startswith(V) 8   S.endswith(V) 9
 *   V in S 99  V not in S 999                        (WFConditionalActionString)
 *   S  100 (has any value)    not S  101 (has no value)
 *   S.is_in_the_next(V) 1000  S.is_in_the_last(V) 1001  (WFDuration)   S.is_today() 1002
 *   V <= S <= W  1003 (WFNumberValue, WFAnotherNumber)
 *   is_workflow_actions_conditional(Key=value, …)    the start's parameters, explicitly
 *   is_workflow_actions_conditional(<comparison>, Key=value, …)   a comparison and the parameters it does not say
 *
 * `S` is a variable expression (`...`: no WFInput). `__defaults__` decides
 * whether WFCondition is an integer or, for ==, in, >, <, the old strings, and
 * whether WFInput wraps the variable in `{Type: Variable, Variable: …}`.
 * Parameters compile in sorted key order.
 *
 * Model code also reads WorkflowLLM's spellings (grammars/model-code.md): the
 * variable on either side, `not (a == b)`, numbers written as text,
 * `x.date() == datetime.now().date()`, `x <= get_future_time(n, 'unit')`,
 * `x >= get_recent_time(n, 'unit')`, `x is None`, an action call as subject.
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
/** Old files store these four as strings (`__defaults__["condition_codes"] = "strings"`). */
const LEGACY: Readonly<Record<number, string>> = { 0: 'Is Less Than', 2: 'Is Greater Than', 4: 'Equals', 99: 'Contains' };
const CONDITIONAL = 'is.workflow.actions.conditional';

/**
 * Canonical code: `float(S)` / `str(S)` around a comparison's subject says the
 * operand sits under the other key (dialect §9.2): a text comparison (==, !=,
 * in, startswith, …) with its operand in `WFNumberValue`, a number comparison
 * (<, <=, >, >=) with it in `WFConditionalActionString`.
 */
type Marker = 'float' | 'str';

function peelMarker(env: Env, expr: Expression): { subject: Expression; marker?: Marker } {
  if (!env.ctx.canonical || expr.kind !== 'call' || expr.callee.kind !== 'name' || expr.args.length !== 1 || expr.keywords.length > 0) return { subject: expr };
  const name = expr.callee.name;
  if ((name !== 'float' && name !== 'str') || expr.args[0]!.kind === 'string') return { subject: expr };
  return { subject: expr.args[0]!, marker: name };
}

/** The operand key for `code`'s operand, switched by a marker; undefined (after reporting) for a marker that does not apply. */
function operandKey(env: Env, defaultKey: string, marker: Marker | undefined, at: Expression): string | undefined {
  if (marker === undefined) return defaultKey;
  if (marker === 'float' && defaultKey === 'WFConditionalActionString') return 'WFNumberValue';
  if (marker === 'str' && defaultKey === 'WFNumberValue') return 'WFConditionalActionString';
  env.ctx.report(D.notCanonical, `\`${marker}(…)\` marks an operand stored under the other key, which this comparison does not have`, at.span, 'remove the marker, or write the explicit test');
  return undefined;
}

/** A subject: the variable tested, or `absent` (`...`: no WFInput, the implicit input). */
type Subject = VariableReference | 'absent';

interface Condition {
  readonly code: number;
  readonly subject: Subject;
  readonly operands: readonly Entry<Value>[];
}

/** The start part of an If for `test`; undefined after reporting. */
export function bindCondition(env: Env, test: Expression): ControlPart | undefined {
  return env.ctx.deeper(test.span, () => {
    const explicit = explicitTest(env, test, CONDITIONAL);
    if (explicit !== undefined) return explicit === 'error' ? undefined : explicit;
    const condition = readCondition(env, test);
    return condition === undefined ? undefined : { parameters: assemble(env, condition), extraKeys: [] };
  });
}

/**
 * `is_workflow_actions_conditional(Key=value, …)` (or `…choosefrommenu(…)` for
 * menus): a control part's parameters written out, with `CustomOutputName`;
 * `is_workflow_actions_conditional(<comparison>, Key=value, …)`: the
 * comparison's parameters and further ones (dialect §9.2). Undefined when
 * `expr` is not such a call.
 */
export function explicitTest(env: Env, expr: Expression, identifier: string): ControlPart | 'error' | undefined {
  if (expr.kind !== 'call' || expr.callee.kind !== 'name') return undefined;
  const name = expr.callee.name;
  if (lookupActionName(env.ctx, name).identifier !== identifier) return undefined;
  // `is_workflow_actions_conditional(<comparison>, Key=value, …)`: a comparison and the parameters it does not say (dialect §9.2).
  let said: Entry<Value>[] = [];
  if (expr.args.length > 0) {
    if (identifier !== CONDITIONAL || expr.args.length > 1) {
      env.ctx.report(D.positionalArgument, 'the explicit form lists the parameters as keywords', expr.args[identifier === CONDITIONAL ? 1 : 0]!.span, 'write Key=value');
      return 'error';
    }
    const condition = readCondition(env, expr.args[0]!);
    if (condition === undefined) return 'error';
    said = assemble(env, condition);
  }
  const parameters: Entry<Value>[] = [...said];
  let customOutputName: string | undefined;
  for (const keyword of expr.keywords) {
    if (parameters.some((e) => e.key === keyword.name)) {
      env.ctx.report(D.duplicateKeyword, `\`${keyword.name}\` is given twice`, keyword.nameSpan ?? keyword.span, 'keep one of them');
      continue;
    }
    if (keyword.name === 'CustomOutputName' && keyword.value.kind === 'string') {
      customOutputName = keyword.value.value;
      continue;
    }
    const value = bindValue(env, keyword.value, slotFor(env, { identifier }, keyword.name));
    if (value === undefined || value === OMIT) continue;
    const entry = { key: keyword.name, value };
    parameters.push(entry);
    const span = keyword.nameSpan ?? keyword.span;
    if (span !== undefined) env.ctx.sourceMap.setKey(entry, span);
  }
  return { parameters, ...(customOutputName === undefined ? {} : { customOutputName }), extraKeys: [] };
}

function assemble(env: Env, condition: Condition): Entry<Value>[] {
  const defaults = env.ctx.header.defaults;
  const legacy = defaults.conditionCodes === 'strings' ? LEGACY[condition.code] : undefined;
  const entries: Entry<Value>[] = [
    { key: 'WFCondition', value: legacy === undefined ? { kind: 'integer', value: BigInt(condition.code) } : { kind: 'string', value: legacy } },
    ...condition.operands,
  ];
  if (condition.subject !== 'absent') {
    const variable: Value = { kind: 'variable', variable: condition.subject };
    entries.push({
      key: 'WFInput',
      value:
        defaults.conditionInput === 'direct'
          ? variable
          : {
              kind: 'map',
              entries: [
                { key: 'Type', value: { kind: 'string', value: 'Variable' } },
                { key: 'Variable', value: variable },
              ],
            },
    });
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function readCondition(env: Env, test: Expression): Condition | undefined {
  const ctx = env.ctx;
  switch (test.kind) {
    case 'error':
      return undefined;
    case 'compare':
      return test.operators.length === 1 ? readComparison(env, test) : readBetween(env, test);
    case 'unary': {
      if (test.operator !== 'not') break;
      if (isSubjectForm(env, test.operand)) {
        const subject = bindSubject(env, test.operand);
        return subject === undefined ? undefined : { code: CONDITION_CODES.hasNoValue, subject, operands: [] };
      }
      if (ctx.canonical) break;
      const inner = readCondition(env, test.operand);
      if (inner === undefined) return undefined;
      const negated = NEGATED[inner.code];
      if (negated === undefined) {
        ctx.report(D.badCondition, 'only `not x`, `not (a == b)` and `not (b in a)` can be negated: Shortcuts has no "not" for this condition', test.span, 'swap the bodies of the if and the else instead');
        return undefined;
      }
      ctx.report(D.looseCondition, '`not (…)` read as the opposite condition', test.span, 'write the opposite operator (`!=`, `not in`)');
      return { ...inner, code: negated };
    }
    case 'call': {
      const method = methodCondition(env, test);
      if (method !== undefined) return method === 'error' ? undefined : method;
      break;
    }
    case 'boolOp':
      ctx.report(D.badCondition, `\`${test.operator}\` cannot be tested by one If: Shortcuts checks one condition per If`, test.span, test.operator === 'and' ? 'nest two ifs' : 'test each part in its own if');
      return undefined;
    default:
      break;
  }
  if (isSubjectForm(env, test)) {
    const subject = bindSubject(env, test);
    return subject === undefined ? undefined : { code: CONDITION_CODES.hasAnyValue, subject, operands: [] };
  }
  ctx.report(D.badCondition, `${describeExpression(test)} is not a condition Shortcuts can check`, test.span, "compare a variable: `if x == '''text''':`, `if x > 3:`, `if '''part''' in x:`, `if x:`");
  return undefined;
}

/** A variable (or `...`; in model code also an action call, run just before) the If tests. */
function isSubjectForm(env: Env, expr: Expression): boolean {
  if (isEllipsis(expr) || (!env.ctx.canonical && expr.kind === 'none')) return true;
  if (isReferenceForm(expr) && referenceCall(expr) !== 'attachment') return true;
  return !env.ctx.canonical && expr.kind === 'call' && expr.callee.kind === 'name';
}

function referenceCall(expr: Expression): string | undefined {
  return expr.kind === 'call' ? calleeName(expr) : undefined;
}

function bindSubject(env: Env, expr: Expression): Subject | undefined {
  if (isEllipsis(expr)) return 'absent';
  if (expr.kind === 'none') {
    // WorkflowLLM prints an If without WFInput as `None`: it tests the implicit input.
    env.ctx.report(D.looseCondition, '`None` as the variable tested is read as the implicit input (the previous action\'s output)', expr.span, 'write ... for the implicit input, or name the variable');
    return 'absent';
  }
  if (expr.kind === 'call' && !isReferenceForm(expr)) {
    if (env.ctx.canonical) return undefined;
    return hoistCall(env, expr);
  }
  const bound = bindReferenceWithDetails(env, expr);
  if (bound === undefined) return undefined;
  if (bound.details && env.ctx.canonical) {
    env.ctx.report(D.notCanonical, 'a condition\'s subject is a plain variable expression; with details the If is written explicitly', expr.span, 'write if is_workflow_actions_conditional(WFCondition=…, WFInput=…):');
  }
  return bound.reference;
}

function readComparison(env: Env, test: CompareExpression): Condition | undefined {
  const ctx = env.ctx;
  const operator = test.operators[0]!;
  const right = test.comparators[0]!;
  let left = test.left;
  switch (operator) {
    case 'in':
    case 'not in': {
      const peeled = peelMarker(env, right);
      if (!isSubjectForm(env, peeled.subject)) {
        ctx.report(D.badCondition, `the right side of \`${operator}\` must be the variable searched`, right.span, "write `if '''part''' in x:`");
        return undefined;
      }
      const key = operandKey(env, 'WFConditionalActionString', peeled.marker, right);
      if (key === undefined) return undefined;
      const subject = bindSubject(env, peeled.subject);
      const operand = textOperand(env, left, key);
      if (subject === undefined || operand === undefined) return undefined;
      return { code: operator === 'in' ? CONDITION_CODES.contains : CONDITION_CODES.doesNotContain, subject, operands: [operand] };
    }
    case 'is':
    case 'is not':
      if (!ctx.canonical && right.kind === 'none' && isSubjectForm(env, left)) {
        ctx.report(D.looseCondition, `\`x ${operator} None\` read as "${operator === 'is' ? 'does not have' : 'has'} any value"`, test.span, operator === 'is' ? 'write `if not x:`' : 'write `if x:`');
        const subject = bindSubject(env, left);
        return subject === undefined ? undefined : { code: operator === 'is' ? CONDITION_CODES.hasNoValue : CONDITION_CODES.hasAnyValue, subject, operands: [] };
      }
      ctx.report(D.badCondition, `\`${operator}\` compares identity, which Shortcuts cannot test`, test.span, operator === 'is' ? 'use `==`' : 'use `!=`');
      return undefined;
    default:
      break;
  }
  let op: CompareOperator = operator;
  let other = right;
  if (!ctx.canonical) {
    const special = timeCondition(env, left, op, right);
    if (special !== undefined) return special === 'error' ? undefined : special;
    if (!isSubjectForm(env, left) && isSubjectForm(env, right)) {
      // `'text' == x`, `3 < x`: the variable goes first.
      ctx.report(D.looseCondition, 'the variable tested is written on the right; read with the sides swapped', test.span, 'write the variable first');
      [left, other] = [right, left];
      op = MIRRORED[op] ?? op;
    }
  }
  const peeled = peelMarker(env, left);
  if (!isSubjectForm(env, peeled.subject)) {
    ctx.report(D.badCondition, `${describeExpression(left)} cannot be tested: the left side of \`${op}\` must be the variable tested`, left.span, "compare a variable, e.g. `if x == '''text''':`");
    return undefined;
  }
  const code = ORDERING[op]!;
  const textual = code === 4 || code === 5;
  const key = operandKey(env, textual ? 'WFConditionalActionString' : 'WFNumberValue', peeled.marker, left);
  if (key === undefined) return undefined;
  const subject = bindSubject(env, peeled.subject);
  if (subject === undefined) return undefined;
  const operand = env.ctx.canonical ? plainOperand(env, other, key) : textual ? equalityOperand(env, other) : numberOperand(env, other, 'WFNumberValue');
  return operand === undefined ? undefined : { code, subject, operands: [operand] };
}

/** `lo <= a <= hi`: is between. */
function readBetween(env: Env, test: CompareExpression): Condition | undefined {
  const ctx = env.ctx;
  const [first, second] = test.operators;
  const ordered = (o: CompareOperator | undefined): boolean => o === '<=' || (!ctx.canonical && o === '<');
  if (test.operators.length !== 2 || !ordered(first) || !ordered(second)) {
    ctx.report(D.badCondition, 'a chained comparison must be `lo <= x <= hi` (is between)', test.span, 'split it into two ifs, or write `lo <= x <= hi`');
    return undefined;
  }
  if (first !== '<=' || second !== '<=') ctx.report(D.looseCondition, '`<` in a between test read as `<=` (Shortcuts\' "is between" includes both ends)', test.span, 'write `lo <= x <= hi`');
  const middle = test.comparators[0]!;
  if (!isSubjectForm(env, middle)) {
    ctx.report(D.badCondition, 'the middle of `lo <= x <= hi` must be the variable tested', middle.span, 'put the variable in the middle');
    return undefined;
  }
  const subject = bindSubject(env, middle);
  const low = numberOperand(env, test.left, 'WFNumberValue');
  const high = numberOperand(env, test.comparators[1]!, 'WFAnotherNumber');
  if (subject === undefined || low === undefined || high === undefined) return undefined;
  return { code: CONDITION_CODES.isBetween, subject, operands: [low, high] };
}

const METHODS: Readonly<Record<string, { code: number; key?: string }>> = {
  startswith: { code: CONDITION_CODES.beginsWith, key: 'WFConditionalActionString' },
  endswith: { code: CONDITION_CODES.endsWith, key: 'WFConditionalActionString' },
  is_in_the_next: { code: CONDITION_CODES.isInTheNext, key: 'WFDuration' },
  is_in_the_last: { code: CONDITION_CODES.isInTheLast, key: 'WFDuration' },
  is_today: { code: CONDITION_CODES.isToday },
};

/** `S.startswith(V)`, `S.endswith(V)`, `S.is_in_the_next(V)`, `S.is_in_the_last(V)`, `S.is_today()`. */
function methodCondition(env: Env, call: CallExpression): Condition | 'error' | undefined {
  if (call.callee.kind !== 'attribute') return undefined;
  const method = METHODS[call.callee.name];
  if (method === undefined || !Object.hasOwn(METHODS, call.callee.name)) return undefined;
  const peeled = peelMarker(env, call.callee.object);
  const object = peeled.subject;
  if (!isSubjectForm(env, object)) return undefined;
  const arity = method.key === undefined ? 0 : 1;
  if (call.args.length !== arity || call.keywords.length > 0) {
    env.ctx.report(D.badCondition, `\`.${call.callee.name}\` takes ${arity === 0 ? 'no argument' : 'one value'}`, call.span, arity === 0 ? `write x.${call.callee.name}()` : `write x.${call.callee.name}(value)`);
    return 'error';
  }
  const subject = bindSubject(env, object);
  if (subject === undefined) return 'error';
  if (method.key === undefined) return { code: method.code, subject, operands: [] };
  const key = operandKey(env, method.key, peeled.marker, call.callee.object);
  if (key === undefined) return 'error';
  const operand = key === 'WFConditionalActionString' ? textOperand(env, call.args[0]!, key) : plainOperand(env, call.args[0]!, key);
  return operand === undefined ? 'error' : { code: method.code, subject, operands: [operand] };
}

/** Model code: `x.date() == datetime.now().date()`, `x <= get_future_time(n, 'unit')`, `x >= get_recent_time(n, 'unit')`. */
function timeCondition(env: Env, left: Expression, op: CompareOperator, right: Expression): Condition | 'error' | undefined {
  const ctx = env.ctx;
  const dateOf = (e: Expression): Expression | undefined =>
    e.kind === 'call' && e.callee.kind === 'attribute' && e.callee.name === 'date' && e.args.length === 0 && e.keywords.length === 0 ? e.callee.object : undefined;
  const leftDate = dateOf(left);
  const rightDate = dateOf(right);
  if (op === '==' && leftDate !== undefined && rightDate !== undefined && isNow(rightDate)) {
    ctx.report(D.looseCondition, '`x.date() == datetime.now().date()` read as "is today"', left.span, 'write x.is_today()');
    const subject = bindSubject(env, leftDate);
    return subject === undefined ? 'error' : { code: CONDITION_CODES.isToday, subject, operands: [] };
  }
  if (right.kind !== 'call') return undefined;
  const name = calleeName(right);
  if (name !== 'get_future_time' && name !== 'get_recent_time') return undefined;
  const expected = name === 'get_future_time' ? '<=' : '>=';
  if (op !== expected || right.args.length !== 2 || right.keywords.length > 0) {
    ctx.report(D.badCondition, `${name} is compared as \`x ${expected} ${name}(n, 'unit')\``, right.span, `write x ${expected} ${name}(3, 'days')`);
    return 'error';
  }
  ctx.report(D.looseCondition, `\`${name}\` read as "is in the ${name === 'get_future_time' ? 'next' : 'last'}"`, right.span, `write x.is_in_the_${name === 'get_future_time' ? 'next' : 'last'}(WFQuantityFieldValue(Magnitude=n, Unit='…'))`);
  const subject = bindSubject(env, left);
  const magnitude = numberOperand(env, right.args[0]!, 'Magnitude');
  const unit = literalText(right.args[1]!);
  if (unit === undefined) ctx.report(D.badCondition, "the unit must be text ('days', 'hours', …)", right.args[1]!.span, "write the unit as a string, e.g. 'days'");
  if (subject === undefined || magnitude === undefined || unit === undefined) return 'error';
  return {
    code: name === 'get_future_time' ? CONDITION_CODES.isInTheNext : CONDITION_CODES.isInTheLast,
    subject,
    operands: [{ key: 'WFDuration', value: { kind: 'quantity', magnitude: magnitude.value, unit } }],
  };
}

function isNow(expr: Expression): boolean {
  return expr.kind === 'call' && ['datetime.datetime.now', 'datetime.now'].includes(calleeName(expr) ?? '') && expr.args.length === 0;
}

/** An operand in the value grammar (canonical code), or read leniently (model code). */
function plainOperand(env: Env, expr: Expression, key: string): Entry<Value> | undefined {
  const value = bindGrammarValue(env, expr);
  return value === undefined ? undefined : { key, value };
}

/** Right side of `==`/`!=`: WFConditionalActionString (model code: a number goes to WFNumberValue). */
function equalityOperand(env: Env, expr: Expression): Entry<Value> | undefined {
  if (env.ctx.canonical) return plainOperand(env, expr, 'WFConditionalActionString');
  if (expr.kind === 'number' || (expr.kind === 'unary' && expr.operand.kind === 'number')) return numberOperand(env, expr, 'WFNumberValue');
  if (expr.kind === 'boolean' || expr.kind === 'none') {
    env.ctx.report(D.badCondition, `comparing with ${describeExpression(expr)} has no meaning in a shortcut`, expr.span, expr.kind === 'none' ? 'write `if not x:` (does not have any value)' : "compare with text, e.g. x == 'Yes', or test `if x:`");
    return undefined;
  }
  return textOperand(env, expr, 'WFConditionalActionString');
}

/** The text compared with (model code: plain text a string, an f-string or a variable text). */
function textOperand(env: Env, expr: Expression, key: string): Entry<Value> | undefined {
  if (env.ctx.canonical) return plainOperand(env, expr, key);
  const plain = literalText(expr);
  if (plain !== undefined && !(expr.kind === 'fstring' && !plainFString(env, expr))) return { key, value: { kind: 'string', value: plain } };
  if (expr.kind === 'fstring') return { key, value: bindText(env, expr) };
  if (expr.kind === 'number') return { key, value: { kind: 'string', value: expr.text } };
  if (expr.kind === 'dict' && expr.entries.length === 0) {
    env.ctx.report(D.looseCondition, '`{}` compared with is read as empty text', expr.span, "write ''");
    return { key, value: { kind: 'string', value: '' } };
  }
  if (isSubjectForm(env, expr) && !isEllipsis(expr)) {
    const reference = bindSubject(env, expr);
    return reference === undefined || reference === 'absent' ? undefined : { key, value: { kind: 'text', parts: [reference], hasAttachmentsKey: true } };
  }
  env.ctx.report(D.badCondition, `${describeExpression(expr)} cannot be compared with`, expr.span, 'compare with text, a number or a variable');
  return undefined;
}

/** Model code: an f-string that is plain text (no interpolation, no brace-less magic value). */
function plainFString(env: Env, expr: Expression): boolean {
  if (expr.kind !== 'fstring' || hasInterpolation(expr)) return false;
  const text = literalText(expr) ?? '';
  return !/datetime\.datetime\.now\(\)|input\("Please enter the value: ?"\)|is_workflow_actions_get(?:clipboard|devicedetails)\(/.test(text);
}

/** A number compared with (model code: a number, a number written as text, or a variable). */
function numberOperand(env: Env, expr: Expression, key: string): Entry<Value> | undefined {
  const ctx = env.ctx;
  if (ctx.canonical) return plainOperand(env, expr, key);
  const plain = expr.kind === 'fstring' && !plainFString(env, expr) ? undefined : literalText(expr);
  if (plain !== undefined) {
    const number = numberFromText(plain.trim());
    if (number === undefined) {
      ctx.report(D.badCondition, `'${plain}' is not a number: \`<\`, \`<=\`, \`>\`, \`>=\` compare numbers`, expr.span, 'compare with a number, or use == for text');
      return undefined;
    }
    ctx.report(D.numberFromString, `the number ${plain.trim()} is written as text; compared as the number`, expr.span, `write ${plain.trim()}`);
    return { key, value: number };
  }
  if (expr.kind === 'fstring') return { key, value: bindText(env, expr) };
  if (isSubjectForm(env, expr) && !isEllipsis(expr)) {
    const reference = bindSubject(env, expr);
    if (reference === undefined || reference === 'absent') return undefined;
    if (reference.source.kind === 'currentDate' && key === 'WFNumberValue') return { key: 'WFDate', value: { kind: 'variable', variable: reference } };
    return { key, value: { kind: 'variable', variable: reference } };
  }
  return plainOperand(env, expr, key);
}
