import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { ActionStatement, Entry, Value } from '../ir/types.js';
import type * as ast from '../syntax/ast.js';
import { bindActionCall, derivedOutputName, type OutputBinding } from './calls.js';
import { ExpressionTooDeep } from './context.js';
import { bindFor, bindIf, bindMatch } from './control-flow.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { bindDictionaryItems } from './dictionaries.js';
import { collectBody, type Env } from './env.js';
import { bindReference, isReferenceForm, referenceCallKind } from './references.js';
import { calleeName, describeExpression, literalText } from './syntax.js';
import { bindText, hasInterpolation } from './text.js';
import { OMIT, bindValue, slotFor } from './values.js';

export const SET_VARIABLE = 'is.workflow.actions.setvariable';
export const APPEND_VARIABLE = 'is.workflow.actions.appendvariable';
export const GET_TEXT = 'is.workflow.actions.gettext';
export const DICTIONARY = 'is.workflow.actions.dictionary';
export const GET_VALUE_FOR_KEY = 'is.workflow.actions.getvalueforkey';
export const NUMBER = 'is.workflow.actions.number';
export const LIST = 'is.workflow.actions.list';

/**
 * What an assignment `x = value` means, by the value's spelling:
 *
 *   call(...)                     the action; x is its output (`input(…)`: Ask for Input)
 *   '''text''' / f'''…'''         a Text action; x is its output
 *   {…}                           a Dictionary action
 *   d['''key'''] / d[f'''…''']    a Get Dictionary Value action
 *   y, y.Name, y["key"], str(y), coerce_variable(…), datetime.datetime.now(),
 *   f'{input("Please enter the value:")}', None
 *                                 Set Variable x (to a variable; None: to nothing)
 *   3, [..]                       model code: a Number or List action (warning)
 */
export type AssignmentForm = 'action' | 'text' | 'dictionary' | 'getValue' | 'setVariable' | 'number' | 'list' | 'invalid';

export function assignmentForm(value: ast.Expression): AssignmentForm {
  switch (value.kind) {
    case 'call':
      return calleeName(value) === 'input' || referenceCallKind(value) === undefined ? 'action' : 'setVariable';
    case 'string':
      return 'text';
    case 'fstring':
      return isReferenceForm(value) ? 'setVariable' : 'text';
    case 'dict':
      return 'dictionary';
    case 'subscript': {
      // WorkflowLLM: `d['''key''']` is Get Dictionary Value, `d["key"]` a variable's dictionary-key aggrandizement.
      const key = value.index;
      if ((key.kind === 'string' && key.quote !== '"') || key.kind === 'fstring') return 'getValue';
      return isReferenceForm(value) ? 'setVariable' : 'invalid';
    }
    case 'none':
      return 'setVariable';
    case 'number':
      return 'number';
    case 'list':
      return 'list';
    default:
      return isReferenceForm(value) ? 'setVariable' : 'invalid';
  }
}

/** Binds statements in order into `env.body`. */
export function bindStatements(env: Env, body: readonly ast.Statement[]): void {
  for (const statement of body) {
    try {
      bindStatement(env, statement);
    } catch (error) {
      if (!(error instanceof ExpressionTooDeep)) throw error;
      env.ctx.report(D.tooDeep, `${error.message}; the statement is not compiled`, error.span ?? statement.span, 'split the expression into several assignments');
    }
  }
}

function bindStatement(env: Env, statement: ast.Statement): void {
  const ctx = env.ctx;
  switch (statement.kind) {
    case 'assign':
      bindAssign(env, statement);
      return;
    case 'augAssign':
      bindAugAssign(env, statement);
      return;
    case 'expression':
      bindExpressionStatement(env, statement);
      return;
    case 'if':
      bindIf(env, statement, bindStatements);
      return;
    case 'match':
      bindMatch(env, statement, bindStatements);
      return;
    case 'for':
      bindFor(env, statement, bindStatements);
      return;
    case 'pass':
      return;
    case 'while':
      ctx.report(D.unsupportedStatement, 'Shortcuts has no while loop', statement.span, 'repeat a known number of times with `for Repeat_Index in range(int(n)):`, or over items with `for Repeat_Index, Repeat_Item in enumerate(x, start=1):`');
      collectBody(env, () => bindStatements(env, statement.body));
      return;
    case 'unsupported':
      ctx.report(D.unsupportedStatement, `\`${statement.keyword}\` has no meaning in a shortcut`, statement.span, unsupportedFix(statement.keyword));
      // Still read what is inside, so its problems are reported too.
      collectBody(env, () => bindStatements(env, statement.body));
      return;
    case 'error':
      // The parser reported it.
      return;
    default:
      ctx.report(D.unsupportedStatement, 'a statement the compiler does not know', (statement as { span?: SourceSpan }).span, 'write an action call, an assignment, if, match or for');
  }
}

function unsupportedFix(keyword: string): string {
  switch (keyword) {
    case 'def':
    case 'class':
      return 'inline the steps, or put them in another shortcut and run it with is_workflow_actions_runworkflow';
    case 'return':
      return 'end the shortcut with is_workflow_actions_output (Stop and Output) or is_workflow_actions_exit';
    case 'import':
    case 'from':
      return 'remove the import: actions need none';
    case 'break':
    case 'continue':
      return 'Shortcuts loops cannot be left early; test with an if inside the loop';
    case 'try':
    case 'raise':
    case 'assert':
      return 'check the condition with an if and stop with is_workflow_actions_exit';
    default:
      return 'remove it, or express it with actions';
  }
}

function bindAssign(env: Env, statement: ast.AssignStatement): void {
  const ctx = env.ctx;
  if (statement.targets.length !== 1) {
    ctx.report(D.badAssignmentTarget, 'one value cannot be assigned to several names', statement.targets[1]?.span ?? statement.span, 'assign to one name, then set the others from it');
    return;
  }
  const target = statement.targets[0]!;
  if (target.kind !== 'name') {
    ctx.report(
      D.badAssignmentTarget,
      `${describeExpression(target)} cannot be assigned to: a shortcut sets named variables and binds action outputs only`,
      target.span,
      target.kind === 'subscript' ? 'set a dictionary value with is_workflow_actions_setvalueforkey' : 'assign to a plain name',
    );
    return;
  }
  const name = target.name;
  const outputName = annotationOutputName(env, statement);
  const output: OutputBinding = { name, ...(target.span === undefined ? {} : { span: target.span }), ...(outputName === undefined ? {} : { outputName }) };
  const value = statement.value;
  const span = statement.span;
  switch (assignmentForm(value)) {
    case 'action':
      bindActionCall(env, value as ast.CallExpression, output, span);
      return;
    case 'text':
      bindTextAction(env, value as ast.StringLiteral | ast.FStringLiteral, output, span);
      return;
    case 'dictionary':
      emitAction(env, DICTIONARY, [{ key: 'WFItems', value: { kind: 'dictionary', items: bindDictionaryItems(env, value as ast.DictExpression) } }], output, span);
      return;
    case 'getValue':
      bindGetValue(env, value as ast.SubscriptExpression, output, span);
      return;
    case 'setVariable':
      bindSetVariable(env, name, value, span);
      return;
    case 'number': {
      ctx.lenient(D.literalAssignment, `a number assigned to \`${name}\` is read as a Number action`, value.span, `write ${name} = is_workflow_actions_number(WFNumberActionNumber=…)`);
      const number = bindValue(env, value, slotFor(env, { identifier: NUMBER }, 'WFNumberActionNumber'));
      if (number === undefined || number === OMIT) return;
      emitAction(env, NUMBER, [{ key: 'WFNumberActionNumber', value: number }], output, span);
      return;
    }
    case 'list': {
      ctx.lenient(D.literalAssignment, `a list assigned to \`${name}\` is read as a List action`, value.span, `write ${name} = is_workflow_actions_list(WFItems=[…])`);
      const list = bindValue(env, value, slotFor(env, { identifier: LIST }, 'WFItems'));
      if (list === undefined || list === OMIT) return;
      emitAction(env, LIST, [{ key: 'WFItems', value: list }], output, span);
      return;
    }
    case 'invalid':
      ctx.report(
        D.badAssignmentValue,
        `${describeExpression(value)} cannot be assigned: a shortcut assigns action outputs, text, dictionaries and variables`,
        value.span,
        value.kind === 'binary' ? 'compute it with is_workflow_actions_math or is_workflow_actions_calculateexpression' : `assign an action's output: ${name} = is_workflow_actions_…(…)`,
      );
  }
}

/** `x: 'Contents of URL' = …`: the output name references show (decision 6); type annotations are ignored in model code. */
function annotationOutputName(env: Env, statement: ast.AssignStatement): string | undefined {
  const annotation = statement.annotation;
  if (annotation === undefined) return undefined;
  if (annotation.kind === 'string') return annotation.value;
  if (env.ctx.canonical) {
    env.ctx.report(D.badAnnotation, 'in canonical code an annotation is the output name, a string', annotation.span, "write x: 'Output Name' = …");
  }
  return undefined;
}

/** `x = '''text'''` / `x = f'''…'''`: a Text action. */
function bindTextAction(env: Env, value: ast.StringLiteral | ast.FStringLiteral, output: OutputBinding | undefined, span: SourceSpan | undefined): void {
  const text: Value =
    value.kind === 'string' || (!env.ctx.canonical && !hasInterpolation(value)) ? { kind: 'string', value: literalText(value) ?? '' } : bindText(env, value);
  if (value.span !== undefined) env.ctx.sourceMap.setValue(text, value.span);
  emitAction(env, GET_TEXT, [{ key: 'WFTextActionText', value: text }], output, span);
}

/** `x = d['''key''']`: Get Dictionary Value (key from `d`). */
function bindGetValue(env: Env, value: ast.SubscriptExpression, output: OutputBinding | undefined, span: SourceSpan | undefined): void {
  const key = value.index;
  const keyValue: Value = key.kind === 'fstring' && hasInterpolation(key) ? bindText(env, key) : { kind: 'string', value: literalText(key) ?? '' };
  const input = bindReference(env, value.object);
  if (input === undefined) return;
  emitAction(
    env,
    GET_VALUE_FOR_KEY,
    [
      { key: 'WFDictionaryKey', value: keyValue },
      { key: 'WFInput', value: { kind: 'variable', variable: input } },
    ],
    output,
    span,
  );
}

/** `X = y`: Set Variable X to y (`X = None`: to nothing). */
function bindSetVariable(env: Env, name: string, value: ast.Expression, span: SourceSpan | undefined): void {
  const parameters: Entry<Value>[] = [];
  if (value.kind !== 'none') {
    const reference = bindReference(env, value);
    if (reference === undefined) return;
    parameters.push({ key: 'WFInput', value: { kind: 'variable', variable: reference } });
  }
  const variableName = env.names.variableName(name);
  parameters.push({ key: 'WFVariableName', value: { kind: 'string', value: variableName } });
  emitAction(env, SET_VARIABLE, parameters, undefined, span);
  env.names.scope.bind(name, { kind: 'variable', name: variableName });
}

/** `X += y`: Append to Variable X. */
function bindAugAssign(env: Env, statement: ast.AugAssignStatement): void {
  const ctx = env.ctx;
  if (statement.operator !== '+') {
    ctx.report(D.badAugAssign, `\`${statement.operator}=\` has no meaning in a shortcut; only \`+=\` (Append to Variable) does`, statement.span, 'compute with is_workflow_actions_math and assign the output');
    return;
  }
  if (statement.target.kind !== 'name') {
    ctx.report(D.badAssignmentTarget, `${describeExpression(statement.target)} cannot be appended to: only a named variable`, statement.target.span, 'append to a plain name: X += value');
    return;
  }
  const name = statement.target.name;
  const value = bindValue(env, statement.value, slotFor(env, { identifier: APPEND_VARIABLE }, 'WFInput'));
  if (value === undefined) return;
  const variableName = env.names.variableName(name);
  const parameters: Entry<Value>[] = value === OMIT ? [] : [{ key: 'WFInput', value }];
  parameters.push({ key: 'WFVariableName', value: { kind: 'string', value: variableName } });
  emitAction(env, APPEND_VARIABLE, parameters, undefined, statement.span);
  env.names.scope.bind(name, { kind: 'variable', name: variableName });
}

function bindExpressionStatement(env: Env, statement: ast.ExpressionStatement): void {
  const ctx = env.ctx;
  const expression = statement.expression;
  const span = statement.span;
  switch (expression.kind) {
    case 'call':
      if (calleeName(expression) === 'input' || referenceCallKind(expression) === undefined) {
        bindActionCall(env, expression, undefined, span);
        return;
      }
      break;
    case 'string':
    case 'fstring':
      ctx.lenient(D.looseValue, 'a string on its own line is read as a Text action (WorkflowLLM writes a Text action nothing uses this way)', expression.span, "assign it (x = '''…''') or make it a comment");
      bindTextAction(env, expression, undefined, span);
      return;
    case 'dict':
      emitAction(env, DICTIONARY, [{ key: 'WFItems', value: { kind: 'dictionary', items: bindDictionaryItems(env, expression) } }], undefined, span);
      return;
    case 'subscript':
      if (assignmentForm(expression) === 'getValue') {
        bindGetValue(env, expression, undefined, span);
        return;
      }
      break;
    default:
      break;
  }
  ctx.report(D.noEffect, `${describeExpression(expression)} on its own does nothing in a shortcut; it is ignored`, expression.span, 'remove it, or assign it to a name');
}

/** Appends an action built from already-bound parameters. */
function emitAction(env: Env, identifier: string, parameters: Entry<Value>[], output: OutputBinding | undefined, span: SourceSpan | undefined): ActionStatement {
  const ctx = env.ctx;
  const index = ctx.claimIndex();
  const uuid = output === undefined ? undefined : ctx.uuidFor(index, identifier);
  const statement: ActionStatement = { kind: 'action', identifier, parameters, ...(uuid === undefined ? {} : { outputUuid: uuid }), extraKeys: [] };
  if (span !== undefined) ctx.sourceMap.setStatement(statement, span);
  env.body.push(statement);
  if (output?.name !== undefined && uuid !== undefined) {
    const outputName = output.outputName ?? derivedOutputName(env, { identifier }, output.name);
    env.names.scope.bind(output.name, { kind: 'output', uuid, ...(outputName === undefined ? {} : { outputName }), ...(output.span === undefined ? {} : { span: output.span }) });
  }
  return statement;
}
