import type * as ast from '../syntax/ast.js';
import type { ReadingMode } from './context.js';
import { isReferenceForm, referenceCallKind } from './references.js';
import { calleeName } from './syntax.js';

/**
 * What an assignment `T = value` (or a statement `value` alone) means, by the
 * value's spelling. Canonical code (grammars/dialect.md §8, read in this order):
 *
 *   T = _                     the output of the block directly above
 *   T = _(Key=v, …)           the same, with its End's parameters (alone: the End without a UUID)
 *   X = ...                   Set Variable without input
 *   T = NAME(...)             `input` → Ask; `raw_action` → a raw entry; else the action NAME
 *   T = X.append(v)           Append to Variable
 *   T = '''…''' / f'''…'''    Text
 *   T = {…}                   Dictionary
 *   T = b[v]                  Get Dictionary Value
 *   X = varexpr               Set Variable (also `X = coerce_variable(…)`, `getattr(…)`, `format_date(…)`, …)
 *
 * Model code (grammars/model-code.md) reads WorkflowLLM's spellings where they
 * differ: a reference call (`coerce_variable(…)`, `str(x)`, `format_date(…)`)
 * is a variable, so `X = coerce_variable(…)` is Set Variable; `d["key"]` (double
 * quotes) is a variable's dictionary key, so `X = d["key"]` is Set Variable
 * while `x = d['''key''']` is Get Dictionary Value; `f'{input("…")}'` is the
 * Shortcut Input; a number or a list is a Number or List action.
 */
export type Form =
  | 'blockOutput'
  | 'setVariable'
  | 'action'
  | 'ask'
  | 'raw'
  | 'append'
  | 'text'
  | 'dictionary'
  | 'getValue'
  | 'number'
  | 'list'
  | 'invalid';

/** Calls that spell an aggrandizement (dialect §6.2.1); canonical `X = coerce_variable(…)` is Set Variable (§8). */
const AGGRANDIZEMENT_FORMS: ReadonlySet<string> = new Set(['getattr', 'coerce_variable', 'format_date', 'unit_variable_transform', 'aggrandize']);

export function formOf(value: ast.Expression, mode: ReadingMode): Form {
  switch (value.kind) {
    case 'name':
      if (value.name === '_') return 'blockOutput';
      return 'setVariable';
    case 'ellipsis' as string:
      return 'setVariable';
    case 'call': {
      if (isAppendCall(value)) return 'append';
      const name = calleeName(value);
      if (value.callee.kind === 'name') {
        // `_` is reserved for actions (dialect §7.1): `_(…)` is the End of the block above (§9.6).
        if (name === '_' && mode === 'canonical') return 'blockOutput';
        if (name === 'input') return 'ask';
        if (name === 'raw_action') return 'raw';
        // WorkflowLLM's reference calls (coerce_variable, str(x), …); is_workflow_actions_getclipboard() and
        // …getdevicedetails(…) on their own are the actions themselves.
        if (mode === 'model' && referenceCallKind(value) !== undefined && !name?.startsWith('is_workflow_actions_')) return 'setVariable';
        // Canonical: an aggrandizement form (no action has its name, dialect §7.1) is a variable expression.
        if (mode === 'canonical' && name !== undefined && AGGRANDIZEMENT_FORMS.has(name)) return 'setVariable';
        return 'action';
      }
      // `a.b()`: no action either; the call binder says only actions can be called.
      return isReferenceForm(value) ? 'setVariable' : 'action';
    }
    case 'string':
      return 'text';
    case 'fstring':
      return mode === 'model' && isReferenceForm(value) ? 'setVariable' : 'text';
    case 'dict':
      return 'dictionary';
    case 'subscript': {
      if (mode === 'canonical') return 'getValue';
      // WorkflowLLM: `d['''key''']` is Get Dictionary Value, `d["key"]` a variable's dictionary-key aggrandizement.
      const key = value.index;
      return key.kind === 'string' && key.quote === '"' && isReferenceForm(value) ? 'setVariable' : 'getValue';
    }
    case 'none':
      return mode === 'model' ? 'setVariable' : 'invalid';
    case 'number':
    case 'unary':
      return mode === 'model' && (value.kind === 'number' || value.operand.kind === 'number') ? 'number' : isReferenceForm(value) ? 'setVariable' : 'invalid';
    case 'list':
      return mode === 'model' ? 'list' : 'invalid';
    default:
      return isReferenceForm(value) ? 'setVariable' : 'invalid';
  }
}

/** `X.append(v)` (Append to Variable; `v` may be `...`). */
export function isAppendCall(value: ast.Expression): value is ast.CallExpression & { callee: ast.AttributeExpression & { object: ast.NameExpression } } {
  return (
    value.kind === 'call' &&
    value.callee.kind === 'attribute' &&
    value.callee.name === 'append' &&
    value.callee.object.kind === 'name' &&
    value.args.length <= 1 &&
    value.keywords.length === 0
  );
}

/** Whether an expression is `...`. */
export function isEllipsis(expr: ast.Expression): boolean {
  return (expr as { kind: string }).kind === 'ellipsis';
}

/** The block identifier of a block statement (for `x = _`). */
export function blockStatementIdentifier(statement: ast.Statement): string | undefined {
  switch (statement.kind) {
    case 'if':
      return 'is.workflow.actions.conditional';
    case 'match':
      return 'is.workflow.actions.choosefrommenu';
    case 'for':
      return statement.iterable.kind === 'call' && calleeName(statement.iterable) === 'range' ? 'is.workflow.actions.repeat.count' : 'is.workflow.actions.repeat.each';
    default:
      return undefined;
  }
}
