import type { Expression } from '../syntax/ast.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';

/**
 * Model code only: WorkflowLLM's converter printed the text of dictionary
 * and list entries unquoted (`{"name": Mastodon Token}`, `[Select Manually,
 * 1080p]`, `{"font": Palatino-Roman}`, `{"version": 1.0.1}`). The parser reads
 * the spellings it cannot take for anything else as bare text; what it read
 * as a name nothing in the file defines, or as arithmetic or attributes of
 * such words, is read here as the text written (from the source), with a
 * warning. Undefined when `expr` is not such a spelling.
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
