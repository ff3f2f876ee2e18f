import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { ActionStatement, BlockStatement, ControlPart, Entry, Statement, Value } from '../ir/types.js';
import { blockIdentifier } from '../ir/walk.js';
import type * as ast from '../syntax/ast.js';
import { bindActionCall, bindCallArguments, type OutputBinding } from './calls.js';
import { ExpressionTooDeep } from './context.js';
import { bindFor, bindIf, bindMatch, nested } from './control-flow.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { bindCanonicalDictionary, bindModelDictionary } from './dictionaries.js';
import { collectBody, type Env } from './env.js';
import { formOf, isAppendCall, isEllipsis } from './forms.js';
import { bindGrammarValue } from './grammar.js';
import { bindReferenceWithDetails } from './references.js';
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

/** Binds statements in order into `env.body`. */
export function bindStatements(env: Env, body: readonly ast.Statement[]): void {
  // The IR block the previous statement produced, for `x = _` (dialect §9.6).
  let previousBlock: number | undefined;
  for (const statement of body) {
    const before = env.body.length;
    try {
      bindStatement(env, statement, previousBlock);
    } catch (error) {
      if (!(error instanceof ExpressionTooDeep)) throw error;
      env.ctx.report(D.tooDeep, `${error.message}; the statement is not compiled`, error.span ?? statement.span, 'split the expression into several assignments');
    }
    const last = env.body[env.body.length - 1];
    const producedBlock = (statement.kind === 'if' || statement.kind === 'match' || statement.kind === 'for') && env.body.length > before && last !== undefined && isBlock(last);
    previousBlock = producedBlock ? env.body.length - 1 : undefined;
  }
}

function isBlock(statement: Statement): statement is BlockStatement {
  return statement.kind === 'if' || statement.kind === 'menu' || statement.kind === 'repeatCount' || statement.kind === 'repeatEach';
}

function bindStatement(env: Env, statement: ast.Statement, previousBlock: number | undefined): void {
  const ctx = env.ctx;
  switch (statement.kind) {
    case 'assign':
      bindAssign(env, statement, previousBlock);
      return;
    case 'augAssign':
      bindAugAssign(env, statement);
      return;
    case 'expression':
      bindExpressionStatement(env, statement, previousBlock);
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
      collectBody(env, () => nested(env, statement.span, () => bindStatements(env, statement.body)));
      return;
    case 'unsupported':
      ctx.report(D.unsupportedStatement, `\`${statement.keyword}\` has no meaning in a shortcut`, statement.span, unsupportedFix(statement.keyword));
      // Still read what is inside, so its problems are reported too.
      collectBody(env, () => nested(env, statement.span, () => bindStatements(env, statement.body)));
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
    case '@':
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

function bindAssign(env: Env, statement: ast.AssignStatement, previousBlock: number | undefined): void {
  const ctx = env.ctx;
  if (statement.targets.length !== 1) {
    ctx.report(D.badAssignmentTarget, 'one value cannot be assigned to several names', statement.targets[1]?.span ?? statement.span, 'assign to one name, then set the others from it');
    return;
  }
  const target = statement.targets[0]!;
  if (target.kind === 'error' || statement.value.kind === 'error') return;
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
  if (name === '_' && ctx.canonical) {
    // `_` is the block directly above (dialect §9.6): `_ = None` says its End has no UUID.
    if (statement.value.kind === 'none' && statement.annotation === undefined) bindBlockEnd(env, undefined, statement.value, statement, previousBlock);
    else ctx.report(D.badAssignmentTarget, '`_` stands for the block directly above; the only assignment to it is `_ = None` (its End has no UUID)', target.span, 'assign to another name');
    return;
  }
  const output: OutputBinding = { name, ...(target.span === undefined ? {} : { span: target.span }) };
  const value = statement.value;
  const span = statement.span;
  const form = formOf(value, ctx.mode);
  checkAnnotation(env, statement, form);
  switch (form) {
    case 'blockOutput':
      bindBlockEnd(env, name, value, statement, previousBlock);
      return;
    case 'setVariable':
      bindSetVariable(env, name, value, span);
      return;
    case 'action':
    case 'ask':
      bindActionCall(env, value as ast.CallExpression, output, span);
      return;
    case 'raw':
      ctx.report(D.badAssignmentValue, 'a raw entry (raw_action) is no action and has no output', value.span, 'write raw_action(…) on its own line');
      return;
    case 'append':
      bindAppend(env, value as ast.CallExpression, output, span);
      return;
    case 'text':
      bindTextAction(env, value as ast.StringLiteral | ast.FStringLiteral, output, span);
      return;
    case 'dictionary':
      bindDictionaryAction(env, value as ast.DictExpression, output, span);
      return;
    case 'getValue':
      bindGetValue(env, value as ast.SubscriptExpression, output, span);
      return;
    case 'number': {
      ctx.report(D.literalAssignment, `a number assigned to \`${name}\` is read as a Number action`, value.span, `write ${name} = is_workflow_actions_number(WFNumberActionNumber=…)`);
      const number = bindValue(env, value, slotFor(env, { identifier: NUMBER }, 'WFNumberActionNumber'));
      if (number === undefined || number === OMIT) return;
      emitAction(env, NUMBER, [{ key: 'WFNumberActionNumber', value: number }], output, span);
      return;
    }
    case 'list': {
      ctx.report(D.literalAssignment, `a list assigned to \`${name}\` is read as a List action`, value.span, `write ${name} = is_workflow_actions_list(WFItems=[…])`);
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

/** Annotations name an output's OutputName (a string, or None for none); they never go on Set Variable. */
function checkAnnotation(env: Env, statement: ast.AssignStatement, form: string): void {
  const annotation = statement.annotation;
  if (annotation === undefined || !env.ctx.canonical) return;
  if (form === 'setVariable') {
    env.ctx.report(D.badAnnotation, 'Set Variable has no output to name; an annotation goes on an action\'s output', annotation.span, 'remove the annotation');
  } else if (annotation.kind !== 'string' && annotation.kind !== 'none') {
    env.ctx.report(D.badAnnotation, 'in canonical code an annotation is the output name references carry: a string, or None', annotation.span, "write x: 'Output Name' = …");
  }
}

/**
 * The line after a block that speaks of its End (dialect §9.6): `x = _`
 * binds its UUID; `x = _(Key=v, …)` also gives its parameters,
 * `CustomOutputName` and extra keys (`_(dict(…), …)`), and `_(…)` alone
 * gives them to an End without a UUID; `_ = None` takes away the UUID
 * `__defaults__["block_outputs"]` gives.
 */
function bindBlockEnd(env: Env, name: string | undefined, value: ast.Expression, statement: ast.Statement, previousBlock: number | undefined): void {
  const ctx = env.ctx;
  const block = previousBlock === undefined ? undefined : env.body[previousBlock];
  if (block === undefined || !isBlock(block)) {
    const what = name === undefined ? (value.kind === 'none' ? '`_ = None`' : '`_(…)`') : '`x = _`';
    ctx.report(D.badBlockOutput, `${what} speaks of the End of the block directly above, but the statement above is not an if, match or for`, statement.span, 'put it right after the block');
    return;
  }
  let end: ControlPart = { ...block.end };
  delete (end as { outputUuid?: string }).outputUuid;
  if (value.kind === 'call') {
    const parts = bindCallArguments(env, { identifier: blockIdentifier(block) }, value.args, value.keywords);
    if (parts.literalUuid !== undefined) {
      ctx.report(D.notCanonical, "an End's UUID is derived: `x = _(…)` binds one, a literal UUID='…' is written on the flat End call", value.span, 'remove UUID=…, or write the block as flat control calls');
    }
    for (const [entry, keySpan] of parts.keySpans) ctx.sourceMap.setKey(entry, keySpan);
    end = { parameters: parts.parameters, extraKeys: parts.extraKeys, ...(parts.customOutputName === undefined ? {} : { customOutputName: parts.customOutputName }) };
  }
  if (name !== undefined) {
    const decl = env.names.bindOutput(name);
    if (decl === undefined) return;
    end = { ...end, outputUuid: decl.uuid };
  }
  const updated = { ...block, end } as BlockStatement;
  env.body[previousBlock!] = updated;
  const blockSpan = ctx.sourceMap.statement(block);
  if (blockSpan !== undefined) ctx.sourceMap.setStatement(updated, blockSpan);
  if (statement.span !== undefined) ctx.sourceMap.setStatement(end, statement.span);
}

/** `X = varexpr`: Set Variable X (`X = ...`, or `X = None` in model code: without input). */
function bindSetVariable(env: Env, name: string, value: ast.Expression, span: SourceSpan | undefined): void {
  const ctx = env.ctx;
  const parameters: Entry<Value>[] = [];
  if (!isEllipsis(value) && value.kind !== 'none') {
    const bound = bindReferenceWithDetails(env, value);
    if (bound === undefined) return;
    if (bound.details && ctx.canonical) {
      ctx.report(D.notCanonical, 'Set Variable\'s input is a plain variable expression; with details it is written as the explicit call', value.span, 'write is_workflow_actions_setvariable(WFVariableName=…, WFInput=WFTextTokenAttachment(attachment(…)))');
    }
    parameters.push({ key: 'WFInput', value: { kind: 'variable', variable: bound.reference } });
  }
  const variableName = env.names.variableName(name);
  parameters.push({ key: 'WFVariableName', value: { kind: 'string', value: variableName } });
  emitAction(env, SET_VARIABLE, parameters, undefined, span);
  env.names.bindVariable(name);
}

/** `X.append(v)` / `T = X.append(v)`: Append to Variable X (`v` may be `...`). */
function bindAppend(env: Env, call: ast.CallExpression, output: OutputBinding | undefined, span: SourceSpan | undefined): void {
  const callee = call.callee as ast.AttributeExpression & { object: ast.NameExpression };
  const code = callee.object.name;
  const parameters: Entry<Value>[] = [];
  const argument = call.args[0];
  if (argument !== undefined && !isEllipsis(argument)) {
    const value = bindValue(env, argument, slotFor(env, { identifier: APPEND_VARIABLE }, 'WFInput'));
    if (value === undefined) return;
    if (value !== OMIT) parameters.push({ key: 'WFInput', value });
  }
  parameters.push({ key: 'WFVariableName', value: { kind: 'string', value: env.names.variableName(code) } });
  emitAction(env, APPEND_VARIABLE, parameters, output, span);
  env.names.bindVariable(code);
}

/** Model code: `X += v` is Append to Variable (canonical code writes `X.append(v)`). */
function bindAugAssign(env: Env, statement: ast.AugAssignStatement): void {
  const ctx = env.ctx;
  if (statement.operator !== '+') {
    ctx.report(D.badAugAssign, `\`${statement.operator}=\` has no meaning in a shortcut; only \`+=\` (Append to Variable) does`, statement.span, 'compute with is_workflow_actions_math and assign the output');
    return;
  }
  if (statement.target.kind !== 'name') {
    ctx.report(D.badAssignmentTarget, `${describeExpression(statement.target)} cannot be appended to: only a named variable`, statement.target.span, 'append to a plain name: X.append(value)');
    return;
  }
  const code = statement.target.name;
  ctx.lenient(D.looseValue, `\`${code} += …\` read as Append to Variable`, statement.span, `write ${code}.append(…)`);
  const value = bindValue(env, statement.value, slotFor(env, { identifier: APPEND_VARIABLE }, 'WFInput'));
  if (value === undefined) return;
  const parameters: Entry<Value>[] = value === OMIT ? [] : [{ key: 'WFInput', value }];
  parameters.push({ key: 'WFVariableName', value: { kind: 'string', value: env.names.variableName(code) } });
  emitAction(env, APPEND_VARIABLE, parameters, undefined, statement.span);
  env.names.bindVariable(code);
}

/** `x = '''text'''` / `x = f'''…'''` (or alone): a Text action. */
function bindTextAction(env: Env, value: ast.StringLiteral | ast.FStringLiteral, output: OutputBinding | undefined, span: SourceSpan | undefined): void {
  const plain = value.kind === 'string' || (!env.ctx.canonical && !hasInterpolation(value));
  const text: Value = plain ? { kind: 'string', value: literalText(value) ?? '' } : bindText(env, value);
  if (value.span !== undefined) env.ctx.sourceMap.setValue(text, value.span);
  emitAction(env, GET_TEXT, [{ key: 'WFTextActionText', value: text }], output, span);
}

/** `x = {…}` (or alone): a Dictionary action. */
function bindDictionaryAction(env: Env, dict: ast.DictExpression, output: OutputBinding | undefined, span: SourceSpan | undefined): void {
  const items = env.ctx.canonical ? bindCanonicalDictionary(env, dict) : bindModelDictionary(env, dict);
  if (items === undefined) return;
  if (dict.span !== undefined) env.ctx.sourceMap.setValue(items, dict.span);
  emitAction(env, DICTIONARY, [{ key: 'WFItems', value: items }], output, span);
}

/** `x = d[v]` (or alone): Get Dictionary Value (`...[v]`: from the implicit input). */
function bindGetValue(env: Env, value: ast.SubscriptExpression, output: OutputBinding | undefined, span: SourceSpan | undefined): void {
  const ctx = env.ctx;
  const parameters: Entry<Value>[] = [];
  const key = value.index;
  let keyValue: Value | undefined;
  if (ctx.canonical) keyValue = bindGrammarValue(env, key);
  else if (key.kind === 'fstring' && hasInterpolation(key)) keyValue = bindText(env, key);
  else {
    const text = literalText(key);
    if (text !== undefined) keyValue = { kind: 'string', value: text };
    else if (key.kind === 'name' && env.names.isKnown(key.name)) {
      const reference = bindReferenceWithDetails(env, key)?.reference;
      keyValue = reference === undefined ? undefined : { kind: 'text', parts: [reference], hasAttachmentsKey: true };
    } else {
      const unquoted = ctx.textOf(key.span);
      if (unquoted !== undefined) ctx.report(D.looseValue, `the key \`${unquoted}\` is read as the text written`, key.span, `write it as a string: d['''${unquoted}''']`);
      keyValue = unquoted === undefined ? bindGrammarValue(env, key) : { kind: 'string', value: unquoted };
    }
  }
  if (keyValue === undefined) return;
  parameters.push({ key: 'WFDictionaryKey', value: keyValue });
  if (!isEllipsis(value.object)) {
    const input = bindReferenceWithDetails(env, value.object);
    if (input === undefined) return;
    parameters.push({ key: 'WFInput', value: { kind: 'variable', variable: input.reference } });
  }
  emitAction(env, GET_VALUE_FOR_KEY, parameters, output, span);
}

function bindExpressionStatement(env: Env, statement: ast.ExpressionStatement, previousBlock: number | undefined): void {
  const ctx = env.ctx;
  const expression = statement.expression;
  if (expression.kind === 'error') return;
  const span = statement.span;
  switch (expression.kind) {
    case 'call': {
      if (isAppendCall(expression)) {
        bindAppend(env, expression, undefined, span);
        return;
      }
      if (calleeName(expression) === 'raw_action' && expression.callee.kind === 'name') {
        bindRaw(env, expression, span);
        return;
      }
      const form = formOf(expression, ctx.mode);
      if (form === 'blockOutput') {
        bindBlockEnd(env, undefined, expression, statement, previousBlock);
        return;
      }
      if (form === 'action' || form === 'ask') {
        bindActionCall(env, expression, undefined, span);
        return;
      }
      break;
    }
    case 'string':
    case 'fstring':
      bindTextAction(env, expression, undefined, span);
      return;
    case 'dict':
      bindDictionaryAction(env, expression, undefined, span);
      return;
    case 'subscript':
      if (formOf(expression, ctx.mode) === 'getValue') {
        bindGetValue(env, expression, undefined, span);
        return;
      }
      break;
    default:
      break;
  }
  ctx.report(D.noEffect, `${describeExpression(expression)} on its own does nothing in a shortcut; it is ignored`, expression.span, 'remove it, or assign it to a name');
}

/** `raw_action(<value>)`: an entry of WFWorkflowActions that is not an action dictionary (dialect §7.3). */
function bindRaw(env: Env, call: ast.CallExpression, span: SourceSpan | undefined): void {
  if (call.args.length !== 1 || call.keywords.length > 0) {
    env.ctx.report(D.badSpecialCall, 'raw_action takes the entry as one value', call.span, 'write raw_action(dict(…))');
    return;
  }
  const value = bindGrammarValue(env, call.args[0]!);
  if (value === undefined) return;
  env.ctx.claimIndex();
  const statement: Statement = { kind: 'raw', action: value, reason: 'written as raw_action(…) in the code' };
  if (span !== undefined) env.ctx.sourceMap.setStatement(statement, span);
  env.body.push(statement);
}

/** Appends a sugar form's action built from already-bound parameters (sorted by key, dialect §8). */
function emitAction(env: Env, identifier: string, parameters: Entry<Value>[], output: OutputBinding | undefined, span: SourceSpan | undefined): ActionStatement {
  const ctx = env.ctx;
  ctx.claimIndex();
  const decl = output?.name === undefined ? undefined : env.names.bindOutput(output.name);
  parameters.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const statement: ActionStatement = { kind: 'action', identifier, parameters, ...(decl === undefined ? {} : { outputUuid: decl.uuid }), extraKeys: [] };
  if (span !== undefined) ctx.sourceMap.setStatement(statement, span);
  env.body.push(statement);
  return statement;
}
