import type { Entry, Value } from '../ir/types.js';
import { liftParameterValue } from '../lift/value-api.js';
import { lowerReference, lowerValue } from '../lift/lower-values.js';
import type { PlistValue } from '../plist/value.js';
import type { CallExpression, Expression } from '../syntax/ast.js';
import { bindCanonicalDictionary } from './dictionaries.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { readDate, readNumber, readPlainLiteral } from './literals.js';
import { bindReferenceWithDetails, isReferenceForm, referenceCallKind } from './references.js';
import { calleeName, describeExpression } from './syntax.js';
import { bindText } from './text.js';

/**
 * The value grammar (grammars/dialect.md §6): what a parameter value means
 * when its spelling alone decides, as in canonical code.
 *
 *   '''text'''                      a plain string
 *   f'''…{x}…'''                    a WFTextTokenString
 *   3, -3, 2.5, float('nan')        integer, real
 *   True, False, b'…'               boolean, data
 *   datetime.datetime(…), plist_date(s)   date
 *   […]                             a plain array
 *   dict(Key=v, …)                  a plain dictionary
 *   {…}                             a WFDictionaryFieldValue (item grammar, §6.5)
 *   x, x.Name, coerce_variable(…)   a WFTextTokenAttachment
 *   attachment(…)                   a bare attachment dictionary
 *   plist(<plain literal>)          any plist value, as lifting reads it
 *   Type(K=v, …), Type(v), serialized('Type', v)   a {WFSerializationType, Value} wrapper
 *
 * Per the dialect's principle 7 the result is what lifting reads from the
 * plist these spellings stand for: generic wrappers and `plist(…)` come back
 * as the typed IR kinds where the shape allows. Undefined after reporting.
 */
export function bindGrammarValue(env: Env, expr: Expression): Value | undefined {
  return env.ctx.deeper(expr.span, () => {
    const value = grammarInner(env, expr);
    if (value !== undefined && expr.span !== undefined) env.ctx.sourceMap.setValue(value, expr.span);
    return value;
  });
}

function grammarInner(env: Env, expr: Expression): Value | undefined {
  const ctx = env.ctx;
  switch (expr.kind) {
    case 'error':
      // The parser reported it.
      return undefined;
    case 'string':
      return { kind: 'string', value: expr.value };
    case 'bareText':
      ctx.lenient(D.looseValue, 'unquoted text read as a string', expr.span, `write '''${expr.text}'''`);
      return { kind: 'string', value: expr.text };
    case 'fstring':
      return bindText(env, expr);
    case 'boolean':
      return { kind: 'boolean', value: expr.value };
    case 'bytes':
      return { kind: 'data', bytes: expr.value };
    case 'list': {
      const items: Value[] = [];
      for (const element of expr.elements) {
        const item = bindGrammarValue(env, element);
        if (item === undefined) return undefined;
        items.push(item);
      }
      return { kind: 'list', items };
    }
    case 'dict':
      return bindCanonicalDictionary(env, expr);
    case 'call':
      return grammarCall(env, expr);
    case 'none':
      ctx.report(D.badValue, '`None` is not a value: a parameter that is absent is left out', expr.span, 'remove the keyword');
      return undefined;
    default:
      break;
  }
  if ((expr as { kind: string }).kind === 'ellipsis') {
    ctx.report(D.badValue, '`...` (an absent input) stands only in a sugar form\'s slot (`X = ...`, `enumerate(..., start=1)`)', expr.span, 'leave the parameter out instead');
    return undefined;
  }
  const number = readNumber(ctx, expr);
  if (number === 'error') return undefined;
  if (number !== undefined) return number;
  if (isReferenceForm(expr)) {
    const bound = bindReferenceWithDetails(env, expr);
    return bound === undefined ? undefined : { kind: 'variable', variable: bound.reference };
  }
  ctx.report(D.badValue, `${describeExpression(expr)} is not a value a parameter can hold`, expr.span, valueFix(expr));
  return undefined;
}

export function valueFix(expr: Expression): string {
  switch (expr.kind) {
    case 'binary':
      return 'compute it with an action (is_workflow_actions_math, is_workflow_actions_calculateexpression) and pass its output';
    case 'compare':
    case 'boolOp':
    case 'unary':
      return 'test it with an `if` statement; parameters take values, not conditions';
    default:
      return 'pass text, a number, a boolean, a list, a dictionary or a variable';
  }
}

/** Calls in value position: numbers, dates, `dict(…)`, `plist(…)`, references, attachments, wrappers. */
function grammarCall(env: Env, call: CallExpression): Value | undefined {
  const ctx = env.ctx;
  const number = readNumber(ctx, call);
  if (number === 'error') return undefined;
  if (number !== undefined) return number;
  const date = readDate(ctx, call);
  if (date === 'error') return undefined;
  if (date !== undefined) return { kind: 'date', secondsSince2001: date };

  const kind = referenceCallKind(call);
  if (kind === 'attachment') {
    // A bare attachment dictionary (dialect §6.2.3), as lifting reads it.
    const bound = bindReferenceWithDetails(env, call);
    return bound === undefined ? undefined : lifted(env, lowerReference(bound.reference), call);
  }
  if (kind !== undefined) {
    const bound = bindReferenceWithDetails(env, call);
    return bound === undefined ? undefined : { kind: 'variable', variable: bound.reference };
  }

  const name = calleeName(call);
  if (call.callee.kind !== 'name' || name === undefined) {
    ctx.report(D.badValue, `${describeExpression(call.callee)} cannot be called in a value`, call.callee.span, 'pass a value or a variable');
    return undefined;
  }
  switch (name) {
    case 'dict': {
      if (call.args.length > 0) {
        ctx.report(D.badValue, 'dict(...) takes its entries as keywords', call.args[0]!.span, "write dict(Key=value) or dict(**{'key': value})");
        return undefined;
      }
      return mapOf(env, call);
    }
    case 'plist': {
      if (call.args.length !== 1 || call.keywords.length > 0) {
        ctx.report(D.badValue, 'plist(...) takes one plain plist literal', call.span, 'write plist({"key": "value"})');
        return undefined;
      }
      const plain = readPlainLiteral(ctx, call.args[0]!);
      return plain === undefined ? undefined : lifted(env, plain, call);
    }
    case 'serialized': {
      const type = call.args[0];
      if (call.args.length !== 2 || call.keywords.length > 0 || type?.kind !== 'string') {
        ctx.report(D.badValue, "serialized takes the serialization type as a string and the wrapped value: serialized('Type', value)", call.span, "write serialized('WFSomeType', value)");
        return undefined;
      }
      const inner = bindGrammarValue(env, call.args[1]!);
      return inner === undefined ? undefined : wrapper(env, type.value, inner, call);
    }
    default:
      return genericWrapper(env, name, call);
  }
}

/** `dict(Key=v, **{'Other key': v})`: a plain dictionary, entries in order. */
function mapOf(env: Env, call: CallExpression): Value | undefined {
  const entries: Entry<Value>[] = [];
  for (const keyword of call.keywords) {
    if (entries.some((e) => e.key === keyword.name)) {
      env.ctx.report(D.duplicateKeyword, `the key ${JSON.stringify(keyword.name)} is given twice`, keyword.nameSpan ?? keyword.span, 'keep one of them');
      return undefined;
    }
    const value = bindGrammarValue(env, keyword.value);
    if (value === undefined) return undefined;
    entries.push({ key: keyword.name, value });
  }
  return { kind: 'map', entries };
}

/** `Type(Key=v, …)` (the wrapped value is a map), `Type(v)`, `Type()` (an empty map). */
function genericWrapper(env: Env, type: string, call: CallExpression): Value | undefined {
  if (call.args.length > 1 || (call.args.length === 1 && call.keywords.length > 0)) {
    env.ctx.report(D.badValue, `${type}(…) wraps either one value or keywords (a dictionary), not both`, call.span, `write ${type}(value) or ${type}(Key=value, …)`);
    return undefined;
  }
  const inner = call.args.length === 1 ? bindGrammarValue(env, call.args[0]!) : mapOf(env, call);
  return inner === undefined ? undefined : wrapper(env, type, inner, call);
}

function wrapper(env: Env, type: string, inner: Value, at: Expression): Value | undefined {
  const plist: PlistValue = new Map<string, PlistValue>([
    ['Value', lowerValue(inner)],
    ['WFSerializationType', type],
  ]);
  return lifted(env, plist, at);
}

/** A plist value as lifting reads it (the IR the dialect defines for generic spellings). */
function lifted(env: Env, plist: PlistValue, at: Expression): Value | undefined {
  const result = liftParameterValue(plist);
  if (!result.ok) {
    env.ctx.report(D.tooDeep, 'the value nests too deeply to be read', at.span, 'flatten the value');
    return undefined;
  }
  return result.value;
}
