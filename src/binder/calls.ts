import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { ActionStatement, Entry, Value, VariableReference } from '../ir/types.js';
import type { CallExpression, Expression } from '../syntax/ast.js';
import { resolveActionName, type ResolvedAction } from './actions.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { calleeName, describeExpression, literalText } from './syntax.js';
import { OMIT, bindValue, slotFor } from './values.js';

export const ASK_IDENTIFIER = 'is.workflow.actions.ask';

/** How an action's output is bound: the name, and the `OutputName` references show (an annotation in canonical code). */
export interface OutputBinding {
  /** Absent for an output nothing names (a call hoisted out of a value). */
  readonly name?: string;
  readonly span?: SourceSpan;
  readonly outputName?: string;
}

/** What a bound call produced: the statement, and its UUID when it has one. */
export interface BoundAction {
  readonly statement: ActionStatement;
  readonly uuid?: string;
  readonly outputName?: string;
}

/**
 * `is_workflow_actions_x(Key=value, …)` → one action. Keyword names are the
 * plist parameter keys, in the order written. With `output`, the action gets
 * a UUID and the name is bound to its output. Returns undefined (after
 * reporting) when the callee is not an action name.
 */
export function bindActionCall(env: Env, call: CallExpression, output?: OutputBinding, statementSpan?: SourceSpan): BoundAction | undefined {
  const ctx = env.ctx;
  const name = calleeName(call);
  if (name === undefined || call.callee.kind !== 'name') {
    ctx.report(D.badCallee, `${describeExpression(call.callee)} cannot be called: only actions (is_workflow_actions_…) can`, call.callee.span, 'call an action by its name, e.g. is_workflow_actions_gettext(WFTextActionText=\'…\')');
    return undefined;
  }
  if (name === 'input' && !ctx.header.actions.has('input')) return bindAsk(env, call, output, statementSpan);
  const action = resolveActionName(ctx, name, call.callee.span);
  return buildAction(env, action, call, call.args, call.keywords, output, statementSpan);
}

/** `input('''prompt''')` as a statement or assignment: Ask for Input with that prompt. */
function bindAsk(env: Env, call: CallExpression, output: OutputBinding | undefined, statementSpan: SourceSpan | undefined): BoundAction | undefined {
  const ctx = env.ctx;
  if (ctx.canonical) {
    ctx.report(D.notCanonical, '`input(…)` is WorkflowLLM\'s Ask for Input; canonical code calls is_workflow_actions_ask', call.span, 'write is_workflow_actions_ask(WFAskActionPrompt=\'…\')');
  }
  const action: ResolvedAction = ctx.catalog?.byIdentifier(ASK_IDENTIFIER) === undefined ? { identifier: ASK_IDENTIFIER } : { identifier: ASK_IDENTIFIER, entry: ctx.catalog.byIdentifier(ASK_IDENTIFIER)! };
  const keywords = call.keywords.map((k) => (k.name === 'prompt' ? { ...k, name: 'WFAskActionPrompt' } : k));
  const args = call.args;
  if (args.length > 1) {
    ctx.report(D.positionalArgument, 'input() takes one prompt', args[1]!.span, 'write input(prompt=\'…\')');
  }
  const prompt = args[0];
  const all = prompt === undefined ? keywords : [{ kind: 'keyword' as const, name: 'WFAskActionPrompt', value: prompt, ...(prompt.span === undefined ? {} : { span: prompt.span, nameSpan: prompt.span }) }, ...keywords];
  return buildAction(env, action, call, [], all, output, statementSpan);
}

function buildAction(
  env: Env,
  action: ResolvedAction,
  call: CallExpression,
  args: readonly Expression[],
  keywords: CallExpression['keywords'],
  output: OutputBinding | undefined,
  statementSpan: SourceSpan | undefined,
): BoundAction {
  const ctx = env.ctx;
  const parameters: Entry<Value>[] = [];
  const keySpans: (SourceSpan | undefined)[] = [];
  const seen = new Set<string>();
  let customOutputName: string | undefined;

  // Positional arguments: model code may pass the action's input without its key.
  const inputKey = action.entry?.input?.parameterKey;
  args.forEach((arg, i) => {
    if (!ctx.canonical && i === 0 && args.length === 1 && inputKey !== undefined && !keywords.some((k) => k.name === inputKey)) {
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
    if (keyword.kind !== 'keyword') continue;
    if (seen.has(keyword.name)) {
      ctx.report(D.duplicateKeyword, `\`${keyword.name}\` is given twice`, keyword.nameSpan ?? keyword.span, 'keep one of them');
      continue;
    }
    seen.add(keyword.name);
    if (keyword.name === 'CustomOutputName') {
      const text = keyword.value.kind === 'string' || keyword.value.kind === 'bareText' ? literalText(keyword.value) : undefined;
      if (text !== undefined) {
        customOutputName = text;
        continue;
      }
    }
    const value = bindValue(env, keyword.value, slotFor(env, action, keyword.name));
    if (value === undefined || value === OMIT) continue;
    parameters.push({ key: keyword.name, value });
    keySpans.push(keyword.nameSpan ?? keyword.span);
  }

  const index = ctx.claimIndex();
  const uuid = output === undefined ? undefined : ctx.uuidFor(index, action.identifier);
  const statement: ActionStatement = {
    kind: 'action',
    identifier: action.identifier,
    parameters,
    ...(uuid === undefined ? {} : { outputUuid: uuid }),
    ...(customOutputName === undefined ? {} : { customOutputName }),
    extraKeys: [],
  };
  const span = statementSpan ?? call.span;
  if (span !== undefined) ctx.sourceMap.setStatement(statement, span);
  if (call.callee.span !== undefined) ctx.sourceMap.setCallee(statement, call.callee.span);
  parameters.forEach((entry, i) => {
    const keySpan = keySpans[i];
    if (keySpan !== undefined) ctx.sourceMap.setKey(entry, keySpan);
  });
  env.body.push(statement);

  if (output === undefined || uuid === undefined) return { statement };
  const outputName = output.outputName ?? customOutputName ?? derivedOutputName(env, action, output.name);
  if (output.name !== undefined) {
    env.names.scope.bind(output.name, { kind: 'output', uuid, ...(outputName === undefined ? {} : { outputName }), ...(output.span === undefined ? {} : { span: output.span }) });
  }
  return { statement, uuid, ...(outputName === undefined ? {} : { outputName }) };
}

/**
 * The `OutputName` references carry (what the app shows on the variable):
 * the catalog's output name, else the action's name, else the name in code.
 * Canonical code states it (an annotation) whenever the core catalog cannot.
 */
export function derivedOutputName(env: Env, action: ResolvedAction, codeName: string | undefined): string | undefined {
  const entry = action.entry ?? env.ctx.catalog?.byIdentifier(action.identifier);
  if (env.ctx.canonical) return entry?.output?.name;
  return entry?.output?.name ?? entry?.name ?? codeName ?? action.identifier.slice(action.identifier.lastIndexOf('.') + 1);
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
