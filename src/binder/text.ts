import type { TextPart, TextValue, VariableReference, VariableSource } from '../ir/types.js';
import type { FStringInterpolation, FStringLiteral, StringLiteral } from '../syntax/ast.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { Env } from './env.js';
import { bindReferenceWithDetails, isReferenceForm, referenceCallKind } from './references.js';

/**
 * Text with variables (`WFTextTokenString`) from an f-string: literal runs
 * and `{variable}` interpolations. A plain string literal gives text without
 * variables.
 *
 * Model code only: WorkflowLLM's converter wrote magic values inside text
 * *without* braces (`f'''Now: datetime.datetime.now()'''`), and Ask/Input as
 * the nested text `f'{input("Please enter the value:")}'`. Those exact
 * spellings inside an f-string's literal runs are read as the magic values,
 * with a warning (SC5503); plain strings are never scanned.
 */
export function bindText(env: Env, expr: StringLiteral | FStringLiteral): TextValue {
  const parts: TextPart[] = [];
  const push = (part: TextPart): void => {
    if (typeof part === 'string') {
      if (part === '') return;
      const last = parts[parts.length - 1];
      if (typeof last === 'string') parts[parts.length - 1] = last + part;
      else parts.push(part);
    } else {
      parts.push(part);
    }
  };
  if (expr.kind === 'string') {
    push(expr.value);
    return { kind: 'text', parts, hasAttachmentsKey: true };
  }
  const raw = expr.parts;
  for (let i = 0; i < raw.length; i++) {
    const part = raw[i]!;
    if (typeof part === 'string') {
      if (env.ctx.canonical) push(part);
      else for (const piece of magicInText(env, part, expr)) push(piece);
      continue;
    }
    if (!env.ctx.canonical && !isTextInterpolation(part)) {
      // CSS, JavaScript or JSON written inside text (`body {font-family:arial}`): the braces are literal text.
      const raw = env.ctx.textOf(part.span);
      if (raw !== undefined) {
        env.ctx.report(D.looseValue, `\`${raw.length > 40 ? `${raw.slice(0, 37)}…` : raw}\` in an f-string is no variable; read as literal text`, part.span, 'double literal braces in f-strings: {{ and }}');
        push(raw.startsWith('{') ? raw : `{${raw}}`);
        continue;
      }
    }
    if (!env.ctx.canonical && part.conversion === undefined && part.formatSpec !== undefined && part.expression.kind === 'string') {
      // JSON written inside text: `{"key":{x},…}` parses as an interpolation of "key" with a format spec.
      env.ctx.report(D.looseValue, 'braces around `"key":` in an f-string are JSON text, not an interpolation; read as literal braces', part.span, 'double the literal braces: {{"key":{x}}}');
      for (const piece of jsonText(env, part, expr)) push(piece);
      continue;
    }
    if (part.conversion !== undefined || part.formatSpec !== undefined) {
      env.ctx.report(
        D.badInterpolation,
        part.conversion !== undefined ? `\`!${part.conversion}\` conversions have no meaning in a shortcut's text` : 'format specs (`{x:…}`) have no meaning in a shortcut\'s text',
        part.span,
        part.conversion !== undefined ? 'write {x}' : 'format the value with an action (is_workflow_actions_format_number, is_workflow_actions_format_date) and interpolate its output',
      );
      continue;
    }
    const inner = part.expression;
    if (inner.kind === 'string' || inner.kind === 'bareText') {
      env.ctx.lenient(D.looseValue, 'text interpolated as a literal (`{\'…\'}`) is read as that text', part.span, 'write the text directly in the string');
      push(inner.kind === 'string' ? inner.value : inner.text);
      continue;
    }
    // WorkflowLLM's nested `f'{input("Please enter the value:")}'` inside text: drop the stray quotes around it.
    if (!env.ctx.canonical && inner.kind === 'call' && referenceCallKind(inner) === 'shortcutInput') {
      const before = parts[parts.length - 1];
      const after = raw[i + 1];
      if (typeof before === 'string' && before.endsWith("f'") && typeof after === 'string' && after.startsWith("'")) {
        parts[parts.length - 1] = before.slice(0, -2);
        if (parts[parts.length - 1] === '') parts.pop();
        const rest = after.slice(1);
        const reference = bindReferenceWithDetails(env, inner)?.reference;
        if (reference !== undefined) push(reference);
        for (const piece of magicInText(env, rest, expr)) push(piece);
        i++;
        continue;
      }
    }
    // Interpolations are variable expressions, or attachment(…) for a variable with details (dialect §6.2.4).
    const reference = bindReferenceWithDetails(env, inner)?.reference;
    if (reference !== undefined) push(reference);
  }
  return { kind: 'text', parts, hasAttachmentsKey: true };
}

/**
 * `{"key":{x},"other":{"k":{y}}}` read back as the JSON text it was: the
 * interpolated string is the key, the format spec the rest, nested the same way.
 */
function jsonText(env: Env, part: FStringInterpolation, at: FStringLiteral): TextPart[] {
  const key = part.expression as StringLiteral;
  const quote = key.quote === "'" ? "'" : '"';
  const out: TextPart[] = [`{${quote}${key.value}${quote}:`];
  for (const piece of part.formatSpec ?? []) {
    // Loops, not push(...): text holding 200,000 magic values would overflow the call stack.
    if (typeof piece === 'string') for (const p of magicInText(env, piece, at)) out.push(p);
    else if (piece.formatSpec !== undefined && piece.expression.kind === 'string' && piece.conversion === undefined) for (const p of jsonText(env, piece, at)) out.push(p);
    else {
      const reference = bindReferenceWithDetails(env, piece.expression)?.reference;
      if (reference !== undefined) out.push(reference);
    }
  }
  out.push('}');
  return out;
}

/** Model code: whether an interpolation is a variable (else its braces are literal text, see bindText). */
function isTextInterpolation(part: FStringInterpolation): boolean {
  if (part.conversion !== undefined) return false;
  if (part.formatSpec !== undefined) return part.expression.kind === 'string';
  const e = part.expression;
  return isReferenceForm(e) || e.kind === 'string' || e.kind === 'bareText' || e.kind === 'call' || (e.kind === 'name' && e.name === '_');
}

/** Whether an f-string has any interpolation (else it spells plain text). */
export function hasInterpolation(expr: FStringLiteral): boolean {
  return expr.parts.some((p) => typeof p !== 'string');
}

const MAGIC_IN_TEXT =
  /datetime\.datetime\.now\(\)|input\("Please enter the value: ?"\)|is_workflow_actions_getclipboard\(\)|is_workflow_actions_getdevicedetails\((?:\[[^\]\n]{0,200}\])?\)/g;

/** Splits a literal run at WorkflowLLM's brace-less magic values (model code). */
function magicInText(env: Env, text: string, at: FStringLiteral): TextPart[] {
  if (!text.includes('(')) return [text];
  const out: TextPart[] = [];
  let last = 0;
  MAGIC_IN_TEXT.lastIndex = 0;
  for (let match = MAGIC_IN_TEXT.exec(text); match !== null; match = MAGIC_IN_TEXT.exec(text)) {
    const spelled = match[0];
    const reference = magicReference(spelled);
    if (reference === undefined) continue;
    out.push(text.slice(last, match.index));
    out.push(reference);
    last = match.index + spelled.length;
    env.ctx.report(
      D.magicInText,
      `\`${spelled}\` inside the text is WorkflowLLM's spelling of ${describeMagic(reference.source)}; read as that value`,
      at.span,
      `write it as an interpolation: {${spelled}}`,
    );
  }
  out.push(text.slice(last));
  return out;
}

function magicReference(spelled: string): VariableReference | undefined {
  const plain = (source: VariableSource): VariableReference => ({ source, aggrandizements: [], hasAggrandizementsKey: false, extra: [] });
  if (spelled.startsWith('datetime')) return plain({ kind: 'currentDate' });
  if (spelled.startsWith('input')) return plain({ kind: 'shortcutInput' });
  if (spelled === 'is_workflow_actions_getclipboard()') return plain({ kind: 'clipboard' });
  const list = /\[(.*)\]/.exec(spelled)?.[1];
  if (list === undefined) return plain({ kind: 'deviceDetails' });
  const names = [...list.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
  return {
    source: { kind: 'deviceDetails' },
    aggrandizements: names.map((name) => ({ kind: 'property', name, extra: [] })),
    hasAggrandizementsKey: names.length > 0,
    extra: [],
  };
}

function describeMagic(source: VariableSource): string {
  switch (source.kind) {
    case 'currentDate':
      return 'the Current Date';
    case 'shortcutInput':
      return 'the Shortcut Input';
    case 'clipboard':
      return 'the Clipboard';
    case 'deviceDetails':
      return 'Device Details';
    default:
      return 'a magic value';
  }
}
