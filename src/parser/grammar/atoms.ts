/**
 * Atoms: names, numbers, strings, constants, brackets, unquoted text and unreadable text, with a quick
 * path for a lone atom that ends an expression.
 */
import type { IOrAlt, IToken } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Expression } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { span } from '../reporter.js';
import * as T from '../tokens.js';
import { unsupportedExpression } from './expressions.js';
import type { ParserHost } from './host.js';
import { expected, warn } from './recovery.js';
import { ATOM_START, EXPRESSION_START, QUICK_ATOMS, QUICK_FOLLOW } from './token-sets.js';
import { nameOf, payloadOf, spanOf } from './token-spans.js';

export function atom($: ParserHost): Expression {
  if (!$.RECORDING_PHASE) {
    const t = $.LA(1);
    const type = t.tokenType;
    if (type === T.StringToken || type === T.FStringStart) return $.SUBRULE($.strings);
    if (QUICK_ATOMS.has(type) || type === T.Invalid) {
      $.SKIP_TOKEN();
      return atomNode($, t);
    }
    if (!ATOM_START.has(type)) throw expected($, 'an expression');
  }
  return $.OR($.atomAlternatives);
}

export function atomAlternatives($: ParserHost): IOrAlt<Expression>[] {
  return [
    {
      ALT: () => {
        const t = $.CONSUME(T.Name);
        return $.ACTION((): Expression => atomNode($, t)) as Expression;
      },
    },
    {
      ALT: () => {
        const t = $.CONSUME(T.NumberToken);
        return $.ACTION((): Expression => atomNode($, t)) as Expression;
      },
    },
    { ALT: () => $.SUBRULE($.strings) },
    {
      ALT: () => {
        const t = $.OR2([{ ALT: () => $.CONSUME(T.True) }, { ALT: () => $.CONSUME(T.False) }]);
        return $.ACTION((): Expression => ({ kind: 'boolean', value: t.tokenType === T.True, span: spanOf(t, t) })) as Expression;
      },
    },
    {
      ALT: () => {
        const t = $.CONSUME(T.None);
        return $.ACTION((): Expression => ({ kind: 'none', span: spanOf(t, t) })) as Expression;
      },
    },
    { ALT: () => $.SUBRULE($.parenthesized) },
    { ALT: () => $.SUBRULE($.listDisplay) },
    { ALT: () => $.SUBRULE($.braceDisplay) },
    {
      ALT: () => {
        const t = $.CONSUME(T.BareText);
        return $.ACTION((): Expression => bareText($, t, t)) as Expression;
      },
    },
    {
      ALT: () => {
        const t = $.CONSUME(T.Invalid);
        return $.ACTION((): Expression => ({ kind: 'error', text: t.image, span: spanOf(t, t) })) as Expression;
      },
    },
    {
      ALT: () => {
        const t = $.CONSUME(T.Ellipsis);
        return $.ACTION((): Expression => atomNode($, t)) as Expression;
      },
    },
    {
      ALT: () => {
        const t = $.OR3([{ ALT: () => $.CONSUME(T.Await) }, { ALT: () => $.CONSUME(T.Yield) }]);
        const operand = $.OPTION({ GATE: () => EXPRESSION_START.has($.LA(1).tokenType), DEF: () => $.SUBRULE($.factor) });
        return $.ACTION((): Expression =>
          unsupportedExpression($, `'${t.image}' expressions`, t, operand?.span ?? spanOf(t, t)),
        ) as Expression;
      },
    },
  ];
}

/**
 * The common case without descending the expression rules: a lone name,
 * number, string or constant directly followed by what ends an expression
 * (`,`, `)`, `=`, end of line…). Same nodes and warnings as `atom`.
 */
export function quickAtom($: ParserHost): Expression | undefined {
  const t = $.LA(1);
  const type = t.tokenType;
  if (!QUICK_ATOMS.has(type) || !QUICK_FOLLOW.has($.LA(2).tokenType)) return undefined;
  $.SKIP_TOKEN();
  return atomNode($, t);
}

function atomNode($: ParserHost, t: IToken): Expression {
  const type = t.tokenType;
  if (type === T.Name) {
    const p = payloadOf(t);
    if (p !== undefined && p.kind === 'name' && p.hyphenated) {
      warn(
        $,
        D.hyphenatedName,
        `'${t.image}' is not a Python name (it contains '-'): read as the call name '${p.name}'`,
        spanOf(t, t),
        'keep it for a catalog action name; write a - b with spaces for subtraction',
      );
    }
    return { kind: 'name', name: nameOf(t), span: spanOf(t, t) };
  }
  if (type === T.StringToken) {
    const p = payloadOf(t);
    if (p?.kind === 'bytes') return { kind: 'bytes', value: p.value, quote: p.quote, span: spanOf(t, t) };
    const q = p as Extract<T.TokenPayload, { kind: 'string' }>;
    return q.raw
      ? { kind: 'string', value: q.value, quote: q.quote, raw: true, span: spanOf(t, t) }
      : { kind: 'string', value: q.value, quote: q.quote, span: spanOf(t, t) };
  }
  if (type === T.NumberToken) {
    const p = payloadOf(t) as Extract<T.TokenPayload, { kind: 'number' }>;
    return { kind: 'number', text: t.image, isFloat: p.isFloat, value: p.value, span: spanOf(t, t) };
  }
  if (type === T.True || type === T.False) return { kind: 'boolean', value: type === T.True, span: spanOf(t, t) };
  if (type === T.None) return { kind: 'none', span: spanOf(t, t) };
  // `...` is the dialect's "absent parameter" (grammars/dialect.md §8); the binder gives it meaning.
  if (type === T.Ellipsis) return { kind: 'ellipsis', span: spanOf(t, t) };
  if (type === T.BareText) return bareText($, t, t);
  return { kind: 'error', text: t.image, span: spanOf(t, t) };
}

/** An empty dictionary value, read as empty text. */
export function emptyText($: ParserHost, colon: IToken): Expression {
  const at = spanOf(colon, colon);
  const where = span(at.end, at.end);
  warn($, D.bareText, 'empty value read as empty text', where, "write '' for empty text");
  return { kind: 'bareText', text: '', span: where };
}

export function bareText($: ParserHost, first: IToken, last: IToken): Expression {
  return bareTextAt($, spanOf(first, last));
}

export function bareTextAt($: ParserHost, where: SourceSpan): Expression {
  const text = $.state.src.slice(where.start.offset, where.end.offset);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  warn($, D.bareText, `unquoted text '${shown}' read as a string`, where, `put it in quotes: '''${shown}'''`);
  return { kind: 'bareText', text, span: where };
}
