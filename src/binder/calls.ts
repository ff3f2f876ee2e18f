import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { ActionStatement, Entry, Value, VariableReference } from '../ir/types.js';
import { lowerValue } from '../lift/lower-values.js';
import type { PlistValue } from '../plist/value.js';
import type { CallExpression, Expression, Keyword } from '../syntax/ast.js';
import { resolveActionName, type ResolvedAction } from './actions.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { bindGrammarValue, RESERVED_NAMES } from './grammar.js';
import { coreOutputName } from './prescan.js';
import { calleeName, describeExpression } from './syntax.js';
import { OMIT, bindValue, slotFor } from './values.js';

export const ASK_IDENTIFIER = 'is.workflow.actions.ask';

/** How an action's output is bound: to a name (its UUID and OutputName come from the prescan), or to nothing named. */
export interface OutputBinding {
  /** Absent for an output nothing names (a call hoisted out of a value in model code). */
  readonly name?: string;
  readonly span?: SourceSpan;
}

/** What a bound call produced: the statement, and its UUID when it has one. */
export interface BoundAction {
  readonly statement: ActionStatement;
  readonly uuid?: string;
  readonly outputName?: string;
}

/**
 * An action call → one action (dialect §7.2): `name(Key=value, …)`, keyword
 * names being the plist parameter keys in the order written; a positional
 * `dict(…)` first holds extra keys of the action dictionary; `UUID='…'` is a
 * literal UUID; `CustomOutputName='…'` the output name the user gave. With
 * `output`, the action gets a UUID. Returns undefined (after reporting) when
 * the callee is not an action name.
 */
export function bindActionCall(env: Env, call: CallExpression, output?: OutputBinding, statementSpan?: SourceSpan): BoundAction | undefined {
  const ctx = env.ctx;
  const name = calleeName(call);
  if (name === undefined || call.callee.kind !== 'name') {
    ctx.report(D.badCallee, `${describeExpression(call.callee)} cannot be called: only actions (is_workflow_actions_…) can`, call.callee.span, "call an action by its name, e.g. is_workflow_actions_gettext(WFTextActionText='…')");
    return undefined;
  }
  if (name === 'input' && !ctx.header.actions.has('input')) return bindAsk(env, call, output, statementSpan);
  if (ctx.canonical && RESERVED_NAMES.has(name) && !name.startsWith('is_workflow_actions_') && !ctx.header.actions.has(name)) {
    // The decompiler never names an action so (dialect §7.1): `X = attachment(…)` is no action call.
    ctx.report(D.notCanonical, `\`${name}\` is one of the dialect's own names, not an action`, call.callee.span, 'an action of that name is written under another name, listed in __actions__');
    return undefined;
  }
  const action = resolveActionName(ctx, name, call.callee.span);
  return buildAction(env, action, call, call.args, call.keywords, output, statementSpan, false);
}

/**
 * `input(prompt, Key=v, …)` → Ask for Input (dialect §8): the prompt
 * positional (model code also `prompt=`), any other parameter as a keyword.
 */
function bindAsk(env: Env, call: CallExpression, output: OutputBinding | undefined, statementSpan: SourceSpan | undefined): BoundAction | undefined {
  const ctx = env.ctx;
  const catalogEntry = ctx.catalog?.byIdentifier(ASK_IDENTIFIER);
  const action: ResolvedAction = catalogEntry === undefined ? { identifier: ASK_IDENTIFIER } : { identifier: ASK_IDENTIFIER, entry: catalogEntry };
  let keywords: Keyword[] = [...call.keywords];
  const promptKeyword = keywords.find((k) => k.name === 'prompt');
  if (promptKeyword !== undefined) {
    ctx.lenient(D.looseValue, '`input(prompt=…)` read as the Ask for Input prompt', promptKeyword.span, "write the prompt first: input('''…''')");
    keywords = keywords.map((k) => (k === promptKeyword ? { ...k, name: 'WFAskActionPrompt' } : k));
  }
  if (call.args.length > 1) ctx.report(D.positionalArgument, 'input() takes one prompt', call.args[1]!.span, "write input('''prompt''', Key=value)");
  const prompt = call.args[0];
  if (prompt !== undefined) {
    keywords.unshift({ kind: 'keyword', name: 'WFAskActionPrompt', value: prompt, ...(prompt.span === undefined ? {} : { span: prompt.span, nameSpan: prompt.span }) });
  }
  // Sugar compiles its parameters in sorted key order (dialect §8), as the decompiler writes them.
  return buildAction(env, action, call, [], keywords, output, statementSpan, true);
}

/** What a call's arguments say about its action (dialect §7.2). */
export interface CallArguments {
  readonly parameters: Entry<Value>[];
  /** Where each parameter's keyword was written (pairs, not a Map: a call has a handful). */
  readonly keySpans: readonly (readonly [Entry<Value>, SourceSpan])[];
  readonly customOutputName?: string;
  readonly literalUuid?: string;
  readonly extraKeys: Entry<PlistValue>[];
}

function buildAction(
  env: Env,
  action: ResolvedAction,
  call: CallExpression,
  args: readonly Expression[],
  keywordList: readonly Keyword[],
  output: OutputBinding | undefined,
  statementSpan: SourceSpan | undefined,
  sorted: boolean,
): BoundAction {
  const ctx = env.ctx;
  const { parameters, keySpans, customOutputName, literalUuid, extraKeys } = bindCallArguments(env, action, args, keywordList);
  if (sorted) parameters.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const index = ctx.claimIndex();
  let uuid = literalUuid;
  let outputName: string | undefined;
  if (output !== undefined) {
    if (output.name !== undefined) {
      const decl = env.names.bindOutput(output.name);
      uuid ??= decl?.uuid;
      outputName = decl?.outputName;
    } else {
      uuid ??= ctx.unnamedUuid(index, action.identifier);
      const entry = action.entry ?? ctx.catalog?.byIdentifier(action.identifier);
      outputName = customOutputName ?? entry?.output?.name ?? entry?.name ?? coreOutputName(action.identifier);
    }
  }
  const statement: ActionStatement = {
    kind: 'action',
    identifier: action.identifier,
    parameters,
    ...(uuid === undefined ? {} : { outputUuid: uuid }),
    ...(customOutputName === undefined ? {} : { customOutputName }),
    extraKeys,
  };
  const span = statementSpan ?? call.span;
  if (span !== undefined) ctx.sourceMap.setStatement(statement, span);
  if (call.callee.span !== undefined) ctx.sourceMap.setCallee(statement, call.callee.span);
  for (const [entry, keySpan] of keySpans) ctx.sourceMap.setKey(entry, keySpan);
  env.body.push(statement);
  return { statement, ...(uuid === undefined ? {} : { uuid }), ...(outputName === undefined ? {} : { outputName }) };
}

/**
 * A call's arguments (dialect §7.2): a leading positional `dict(…)` holds
 * extra action keys; `CustomOutputName='…'` and `UUID='…'` are the
 * action's; every other keyword is a parameter, in the order written. Model
 * code may also pass the input without its key.
 */
export function bindCallArguments(env: Env, action: ResolvedAction, args: readonly Expression[], keywordList: readonly Keyword[]): CallArguments {
  const ctx = env.ctx;
  let keywords = keywordList;
  const parameters: Entry<Value>[] = [];
  const keySpans: [Entry<Value>, SourceSpan][] = [];
  // Keyword names met so far: a list for the usual handful, a Set for (hostile) calls with many.
  const seenList: string[] = [];
  const seenSet = keywords.length > 16 ? new Set<string>() : undefined;
  let customOutputName: string | undefined;
  let literalUuid: string | undefined;
  let extraKeys: Entry<PlistValue>[] = [];

  // Positional arguments: a leading dict(…) of extra action keys; model code may also pass the input without its key.
  const inputKey = action.entry?.input?.parameterKey;
  args.forEach((arg, i) => {
    if (i === 0 && arg.kind === 'call' && calleeName(arg) === 'dict' && arg.callee.kind === 'name') {
      const extra = bindGrammarValue(env, arg);
      if (extra?.kind === 'map') extraKeys = extra.entries.map((e) => ({ key: e.key, value: lowerValue(e.value) }));
      return;
    }
    if (!ctx.canonical && args.length === 1 && inputKey !== undefined && !keywords.some((k) => k.name === inputKey)) {
      ctx.report(D.looseValue, `a positional argument is read as the action's input, \`${inputKey}\``, arg.span, `write ${inputKey}=…`);
      keywords = [{ kind: 'keyword', name: inputKey, value: arg, ...(arg.span === undefined ? {} : { span: arg.span, nameSpan: arg.span }) }, ...keywords];
      return;
    }
    ctx.report(
      D.positionalArgument,
      `${describeExpression(arg)} is passed without a parameter name`,
      arg.span,
      inputKey === undefined ? 'name the parameter: Key=value' : `name the parameter, e.g. ${inputKey}=…`,
    );
  });

  for (const keyword of keywords) {
    if (seenSet === undefined ? seenList.includes(keyword.name) : seenSet.has(keyword.name)) {
      ctx.report(D.duplicateKeyword, `\`${keyword.name}\` is given twice`, keyword.nameSpan ?? keyword.span, 'keep one of them');
      continue;
    }
    if (seenSet === undefined) seenList.push(keyword.name);
    else seenSet.add(keyword.name);
    if (keyword.name === 'CustomOutputName' && (keyword.value.kind === 'string' || (!ctx.canonical && keyword.value.kind === 'bareText'))) {
      customOutputName = keyword.value.kind === 'string' ? keyword.value.value : keyword.value.text;
      continue;
    }
    if (keyword.name === 'UUID' && keyword.value.kind === 'string') {
      literalUuid = keyword.value.value;
      continue;
    }
    const value = bindValue(env, keyword.value, slotFor(env, action, keyword.name));
    if (value === undefined || value === OMIT) continue;
    const entry = { key: keyword.name, value };
    parameters.push(entry);
    const keySpan = keyword.nameSpan ?? keyword.span;
    if (keySpan !== undefined) keySpans.push([entry, keySpan]);
  }

  return {
    parameters,
    keySpans,
    ...(customOutputName === undefined ? {} : { customOutputName }),
    ...(literalUuid === undefined ? {} : { literalUuid }),
    extraKeys,
  };
}

/**
 * Model code: an action call nested in a value (`WFInput=is_workflow_actions_x(…)`)
 * runs as its own action just before, and the value is its output.
 */
export function hoistCall(env: Env, call: CallExpression): VariableReference | undefined {
  const ctx = env.ctx;
  const name = calleeName(call) ?? 'the call';
  ctx.report(D.hoistedCall, `the call to \`${name}\` inside a value runs as its own action just before this one`, call.span, 'bind it first (`x = …`) and pass `x`');
  const bound = bindActionCall(env, call, call.span === undefined ? {} : { span: call.span });
  if (bound?.uuid === undefined) return undefined;
  return {
    source: { kind: 'actionOutput', outputUuid: bound.uuid, ...(bound.outputName === undefined ? {} : { outputName: bound.outputName }) },
    aggrandizements: [],
    hasAggrandizementsKey: false,
    extra: [],
  };
}
