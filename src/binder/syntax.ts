import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { CallExpression, Expression, Keyword } from '../syntax/ast.js';

/** Small questions about syntax trees that several binder modules ask. */

/** `a`, `a.b.c` as a dotted string; undefined for anything else. */
export function dottedName(expr: Expression): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'attribute') {
    const object = dottedName(expr.object);
    return object === undefined ? undefined : `${object}.${expr.name}`;
  }
  return undefined;
}

/** The callee of a call as a dotted name (`is_workflow_actions_gettext`, `datetime.datetime.now`). */
export function calleeName(call: CallExpression): string | undefined {
  return dottedName(call.callee);
}

/** The keyword argument `name`, if given. */
export function keywordOf(call: CallExpression, name: string): Keyword | undefined {
  return call.keywords.find((k) => k.name === name);
}

/**
 * The argument `name` given by keyword, or at `position` positionally;
 * `undefined` when neither. Used by the built-in forms (`coerce_variable`,
 * `format_date`, `input`), whose WorkflowLLM spelling uses keywords and whose
 * model-written spelling sometimes does not.
 */
export function argumentOf(call: CallExpression, name: string, position: number): Expression | undefined {
  return keywordOf(call, name)?.value ?? call.args[position];
}

/**
 * The text of a string literal, or of an f-string without interpolations
 * (both spell plain text); undefined for anything else.
 */
export function literalText(expr: Expression): string | undefined {
  if (expr.kind === 'string') return expr.value;
  if (expr.kind === 'bareText') return expr.text;
  if (expr.kind === 'fstring' && expr.parts.every((p) => typeof p === 'string')) return expr.parts.join('');
  return undefined;
}

/** A span covering `a` to `b`, when both are known. */
export function spanFrom(a: SourceSpan | undefined, b: SourceSpan | undefined): SourceSpan | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return { start: a.start, end: b.end };
}

/** Short description of an expression for messages: `a call`, `a number`, … */
export function describeExpression(expr: Expression): string {
  switch (expr.kind) {
    case 'name':
      return `the name \`${expr.name}\``;
    case 'attribute':
      return 'an attribute';
    case 'subscript':
      return 'a subscript';
    case 'call':
      return 'a call';
    case 'string':
      return 'a string';
    case 'fstring':
      return 'an f-string';
    case 'bytes':
      return 'a bytes literal';
    case 'number':
      return 'a number';
    case 'boolean':
      return expr.value ? '`True`' : '`False`';
    case 'none':
      return '`None`';
    case 'list':
      return 'a list';
    case 'tuple':
      return 'a tuple';
    case 'dict':
      return 'a dictionary';
    case 'compare':
      return 'a comparison';
    case 'unary':
      return `\`${expr.operator}\` applied to a value`;
    case 'binary':
      return `an arithmetic \`${expr.operator}\``;
    case 'boolOp':
      return `\`${expr.operator}\``;
    case 'starred':
      return expr.double ? '`**` unpacking' : '`*` unpacking';
    case 'bareText':
      return 'unquoted text';
    case 'error':
      return 'text that could not be parsed';
    default:
      return 'an expression';
  }
}
