import type { CallExpression, Expression } from '../syntax/ast.js';
import { lookupActionName } from './actions.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';

/**
 * Model code only: WorkflowLLM's converter printed the text of dictionary
 * and list entries unquoted (`{"name": Mastodon Token}`, `[Select Manually,
 * 1080p]`, `{"font": Palatino-Roman}`, `{"version": 1.0.1}`). The parser reads
 * the spellings it cannot take for anything else as bare text; what it read
 * as a name nothing in the file defines, or as arithmetic, attributes,
 * comparisons (`Bewaar in Fotos`), subscripts (`card[number]`) or calls
 * (`Clipboard (Album)`, `substring(0, 5)`) of such words, is read here as the
 * text written (from the source), with a warning. Undefined when `expr` is
 * not such a spelling.
 */
export function unquotedText(env: Env, expr: Expression): string | undefined {
  if (env.ctx.canonical || !looksUnquoted(env, expr, 0)) return undefined;
  const text = env.ctx.textOf(expr.span) ?? (expr.kind === 'name' ? expr.name : undefined);
  if (text === undefined) return undefined;
  env.ctx.report(D.looseValue, `unquoted \`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\` read as text`, expr.span, `write it as a string: '''${text.length > 40 ? '…' : text}'''`);
  return text;
}

function looksUnquoted(env: Env, expr: Expression, depth: number): boolean {
  if (depth > 50) return false;
  switch (expr.kind) {
    case 'name':
      return !env.names.isKnown(expr.name);
    case 'binary':
      return operandLike(env, expr.left, depth) && operandLike(env, expr.right, depth);
    case 'attribute':
      return operandLike(env, expr.object, depth);
    case 'unary':
      return expr.operator !== 'not' && operandLike(env, expr.operand, depth) && expr.operand.kind !== 'number';
    case 'compare':
      // `Bewaar in Fotos`, `a < b`: a test has no meaning as a dictionary or list entry.
      return operandLike(env, expr.left, depth) && expr.comparators.every((c) => operandLike(env, c, depth));
    case 'subscript':
      // `card[number]`, `card[exp_month]`: form field names. The object is no variable, so the brackets
      // hold no key of one, whatever word is inside (a variable's key would be a string anyway).
      return looksUnquoted(env, expr.object, depth + 1) && (expr.index.kind === 'name' || operandLike(env, expr.index, depth));
    case 'call':
      return plainWordCall(env, expr) && expr.args.every((a) => operandLike(env, a, depth));
    case 'number':
      // `1.0.1` lexes as a number followed by more: only the odd spellings reach here as numbers.
      return false;
    default:
      return false;
  }
}

/** A piece of unquoted text: a word nothing defines, a number, or more of the same. */
function operandLike(env: Env, expr: Expression, depth: number): boolean {
  return expr.kind === 'number' || looksUnquoted(env, expr, depth + 1);
}

/**
 * Functions the dialect gives a meaning (a call of them is never text), beside
 * the names with `_` (`coerce_variable`, `is_workflow_actions_…`), which are
 * never plain words.
 */
const DIALECT_FUNCTIONS = new Set(['str', 'float', 'int', 'dict', 'input', 'getattr', 'aggrandize', 'attachment', 'plist', 'serialized', 'range', 'enumerate']);

/**
 * `Clipboard (Album)`: a call of a word that is no action (every catalog
 * name and every identifier by WorkflowLLM's rule has a `_`), no dialect
 * function and nothing the file defines, without keyword arguments.
 */
function plainWordCall(env: Env, call: CallExpression): boolean {
  const callee = call.callee;
  if (callee.kind !== 'name' || call.keywords.length > 0 || callee.name.includes('_') || DIALECT_FUNCTIONS.has(callee.name)) return false;
  return !env.names.isKnown(callee.name) && lookupActionName(env.ctx, callee.name).via === 'unknown';
}
