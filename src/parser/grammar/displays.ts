/**
 * Parenthesised expressions, lists, dictionaries and sets, element by element with recovery, and the
 * elements read as unquoted text (`[Mastodon API List]`, `{"string": https://x.com}`).
 */
import { EOF, type TokenType } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { DictEntry, Expression } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { span } from '../reporter.js';
import * as T from '../tokens.js';
import { bareText, bareTextAt, emptyText, quickAtom } from './atoms.js';
import { anyExpression, unsupportedExpression } from './expressions.js';
import type { ParserHost } from './host.js';
import { describeToken } from './messages.js';
import { error, isCaught, reportCaught, skipUntil, textOf } from './recovery.js';
import { CLOSERS, OPENERS, OPERAND, PREFIX } from './token-sets.js';
import { joinSpans, spanOf } from './token-spans.js';

export function parenthesized($: ParserHost): Expression {
  const open = $.CONSUME(T.LParen);
  return $.ACTION((): Expression => {
    if ($.LA(1).tokenType === T.RParen) {
      const close = $.LA(1);
      $.SKIP_TOKEN();
      return { kind: 'tuple', elements: [], parenthesized: true, span: spanOf(open, close) };
    }
    const elements: Expression[] = [];
    let comma = false;
    const generator = displayElements($, elements, T.RParen, false, () => {
      comma = true;
    });
    const close = $.CONSUME(T.RParen);
    const where = spanOf(open, close);
    if (generator) return unsupportedExpression($, 'generator expressions', open, where, where);
    if (elements.length === 1 && !comma) return elements[0] as Expression;
    return { kind: 'tuple', elements, parenthesized: true, span: where };
  }) as Expression;
}

export function listDisplay($: ParserHost): Expression {
  const open = $.CONSUME(T.LBracket);
  return $.ACTION((): Expression => {
    const elements: Expression[] = [];
    const comprehension = displayElements($, elements, T.RBracket, true);
    const close = $.CONSUME(T.RBracket);
    const where = spanOf(open, close);
    if (comprehension) return unsupportedExpression($, 'list comprehensions', open, where, where);
    return { kind: 'list', elements, span: where };
  }) as Expression;
}

/**
 * Comma-separated elements up to `close` (not consumed), each recovered on
 * its own; returns true if the first element is followed by `for` (a
 * comprehension, whose rest is skipped).
 */
function displayElements($: ParserHost, out: Expression[], close: TokenType, allowBareText: boolean, onComma?: () => void): boolean {
  for (;;) {
    const t = $.LA(1).tokenType;
    if (t === close || t === EOF || t === T.Newline) return false;
    out.push(element($, close, false, allowBareText));
    if ($.LA(1).tokenType === T.For) {
      skipUntil($, new Set([close]), false);
      return true;
    }
    if ($.LA(1).tokenType !== T.Comma) return false;
    $.SKIP_TOKEN();
    onComma?.();
  }
}

/** One element of a display, with bare-text reading and recovery up to the next `,` or `close`. */
function element($: ParserHost, close: TokenType, isKey: boolean, allowBareText: boolean): Expression {
  const start = $.LA(1);
  if (allowBareText) {
    const count = bareTextLength($, close, isKey);
    if (count > 0) {
      for (let k = 1; k < count; k++) $.SKIP_TOKEN();
      const last = $.LA(1);
      $.SKIP_TOKEN();
      return bareText($, start, last);
    }
  }
  try {
    return quickAtom($) ?? anyExpression($);
  } catch (e) {
    if (!isCaught($, e)) throw e;
    const before = $.LA(0);
    const stops = new Set<TokenType>([T.Comma, close]);
    if (isKey) stops.add(T.Colon);
    const last = skipUntil($, stops, false);
    reportCaught($, e, before, start.startOffset, (last ?? start).startOffset + 1);
    return { kind: 'error', text: textOf($, start, last), span: spanOf(start, last ?? start) };
  }
}

/**
 * How many tokens from here form unquoted text: an element whose tokens
 * cannot be one expression (`Mastodon API List`, `1.0.4`,
 * `https://host/path`, `params=`) up to the next `,`, `close` or (in a key)
 * `:`. Zero when the element reads as an expression.
 */
/** Tokens no two of which can follow each other in an expression. */
const ADJACENT_OPERAND = new Set<TokenType>([T.Name, T.NumberToken]);

function bareTextLength($: ParserHost, close: TokenType, isKey: boolean): number {
  let depth = 0;
  let expectOperand = true;
  let bare = false;
  let count = 0;
  let sawLambda = false;
  // `for` needs an `in` after it (a comprehension), and `if` an `else` (outside a comprehension):
  // `[go for it]`, `[if possible]` are text.
  let forsWithoutIn = 0;
  let ifsWithoutElse = 0;
  let comprehension = false;
  let previous: TokenType | undefined;
  let inParen = false;
  for (let k = 1; ; k++) {
    const t = $.LA(k);
    const type = t.tokenType;
    if (type === EOF || type === T.Newline || type === T.Indent || type === T.Dedent) break;
    if (depth === 0 && (type === T.Comma || type === close || (isKey && type === T.Colon))) break;
    if (depth === 0 && CLOSERS.has(type)) break;
    count = k;
    if (depth > 0) {
      // Inside parentheses, two operands in a row (`Clipboard (Music Video)`, `Size (2 px)`) are no expression
      // either (a nested list or dictionary reads its own elements).
      if (inParen && previous !== undefined && ADJACENT_OPERAND.has(previous) && ADJACENT_OPERAND.has(type)) bare = true;
      if (OPENERS.has(type)) depth++;
      else if (CLOSERS.has(type)) depth--;
      previous = type;
      continue;
    }
    const before = previous;
    previous = type;
    if (OPENERS.has(type)) {
      inParen = type === T.LParen;
      // A bracketed group (or an f-string) is one operand, or a call/subscript after one, or a string joined to one.
      const joinsString = type === T.FStringStart && (previous === T.StringToken || previous === T.FStringEnd);
      if (!expectOperand && type !== T.LParen && type !== T.LBracket && !joinsString) bare = true;
      depth++;
      expectOperand = false;
      previous = type;
      continue;
    }
    if (type === T.Lambda) sawLambda = true;
    if (expectOperand) {
      if (OPERAND.has(type)) expectOperand = false;
      else if (type === T.In && before === T.Not) {
        // `not in`
      } else if (!PREFIX.has(type)) bare = true;
    } else if (type === T.StringToken && (before === T.StringToken || before === T.FStringEnd)) {
      // Adjacent strings concatenate.
    } else if (type === T.Dot) {
      if ($.LA(k + 1).tokenType !== T.Name) bare = true;
      expectOperand = true;
    } else if (type === T.Not) {
      // After an operand `not` is only the first half of `not in` (`[rather not say]` is text).
      if ($.LA(k + 1).tokenType !== T.In) bare = true;
      expectOperand = true;
    } else if (
      T.InfixOperator.categoryMatchesMap?.[type.tokenTypeIdx as number] === true ||
      type === T.DoubleStar ||
      type === T.If ||
      type === T.Else ||
      type === T.For ||
      type === T.Is
    ) {
      if (type === T.For) {
        forsWithoutIn++;
        comprehension = true;
      } else if (type === T.In && forsWithoutIn > 0) forsWithoutIn--;
      else if (type === T.If && !comprehension) ifsWithoutElse++;
      else if (type === T.Else && ifsWithoutElse > 0) ifsWithoutElse--;
      expectOperand = true;
    } else {
      bare = true;
    }
  }
  if (count === 0 || sawLambda) return 0;
  if (expectOperand || forsWithoutIn > 0 || ifsWithoutElse > 0) bare = true;
  return bare ? count : 0;
}

export function braceDisplay($: ParserHost): Expression {
  const open = $.CONSUME(T.LBrace);
  return $.ACTION((): Expression => {
    if ($.LA(1).tokenType === T.RBrace) {
      const close = $.LA(1);
      $.SKIP_TOKEN();
      return { kind: 'dict', entries: [], span: spanOf(open, close) };
    }
    const entries: DictEntry[] = [];
    const elements: Expression[] = [];
    let isDict: boolean | undefined;
    let comprehension = false;
    for (;;) {
      const t = $.LA(1);
      if (t.tokenType === T.RBrace || t.tokenType === EOF || t.tokenType === T.Newline) break;
      if (t.tokenType === T.DoubleStar) {
        const last = skipUntil($, new Set([T.Comma, T.RBrace]), false);
        error(
          $,
          D.notInDialect,
          "'**' unpacking inside a dictionary is not part of the dialect",
          spanOf(t, t),
          'write the entries out',
        );
        entries.push({
          kind: 'entry',
          key: { kind: 'error', text: textOf($, t, last), span: spanOf(t, last ?? t) },
          value: { kind: 'none' },
          span: spanOf(t, last ?? t),
        });
        isDict = true;
      } else {
        const key = element($, T.RBrace, isDict !== false, true);
        if (isDict === undefined) isDict = $.LA(1).tokenType === T.Colon;
        if (isDict) {
          const previous = entries[entries.length - 1];
          if ($.LA(1).tokenType === T.Colon) {
            const colon = $.LA(1);
            $.SKIP_TOKEN();
            const next = $.LA(1).tokenType;
            // `{"string": }`: WorkflowLLM's converter writes empty text as nothing.
            const value = next === T.Comma || next === T.RBrace ? emptyText($, colon) : element($, T.RBrace, false, true);
            entries.push({ kind: 'entry', key, value, span: joinSpans(key.span, value.span) as SourceSpan });
          } else if (
            (previous?.value.kind === 'bareText' || previous?.value.kind === 'name') &&
            (key.kind === 'bareText' || key.kind === 'name') &&
            ($.LA(1).tokenType === T.Comma || $.LA(1).tokenType === T.RBrace)
          ) {
            // `{message: Hello, world}`: unquoted text with a comma in it; the part after the comma
            // is not a key (no `:` follows), so it continues the previous value.
            const start = previous.value.span as SourceSpan;
            const end = key.span as SourceSpan;
            $.state.reporter.withdrawFrom(start.start.offset);
            const value = bareTextAt($, span(start.start, end.end));
            entries[entries.length - 1] = { ...previous, value, span: joinSpans(previous.key.span, end) as SourceSpan };
          } else {
            const at = $.LA(1);
            if ($.lastError < key.span!.start.offset) {
              error(
                $,
                D.syntaxError,
                `expected ':' after the dictionary key, found ${describeToken(at)}`,
                spanOf(at, at),
                'write key: value',
              );
            }
            entries.push({ kind: 'entry', key, value: { kind: 'error', text: '', span: spanOf(at, at) }, span: key.span as SourceSpan });
          }
        } else {
          elements.push(key);
        }
      }
      if ($.LA(1).tokenType === T.For) {
        comprehension = true;
        skipUntil($, new Set([T.RBrace]), false);
        break;
      }
      if ($.LA(1).tokenType !== T.Comma) break;
      $.SKIP_TOKEN();
    }
    const close = $.CONSUME(T.RBrace);
    const where = spanOf(open, close);
    if (comprehension)
      return unsupportedExpression($, isDict === true ? 'dictionary comprehensions' : 'set comprehensions', open, where, where);
    if (isDict === false) return { kind: 'set', elements, span: where };
    return { kind: 'dict', entries, span: where };
  }) as Expression;
}
