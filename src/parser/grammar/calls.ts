/**
 * Call arguments: positional, `Key=value` (a value WorkflowLLM wrote unquoted is read as text), `**{…}`.
 */
import { EOF, type IToken } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Expression, Keyword } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { rawValueEnd, startsRawText } from '../raw-values.js';
import { position, span } from '../reporter.js';
import * as T from '../tokens.js';
import { bareTextAt, quickAtom } from './atoms.js';
import type { ParserHost } from './host.js';
import { error, isCaught, reportCaught, skipUntil, textOf, warn } from './recovery.js';
import { joinSpans, nameOf, payloadOf, spanOf, tokenStart } from './token-spans.js';

export function callArguments($: ParserHost): { args: Expression[]; keywords: Keyword[] } {
  const args: Expression[] = [];
  const keywords: Keyword[] = [];
  for (;;) {
    const t = $.LA(1).tokenType;
    if (t === T.RParen || t === EOF || t === T.Newline) break;
    const start = $.LA(1);
    try {
      argument($, args, keywords);
    } catch (e) {
      if (!isCaught($, e)) throw e;
      const before = $.LA(0);
      const last = skipUntil($, new Set([T.Comma, T.RParen]), false);
      reportCaught($, e, before, start.startOffset, (last ?? start).startOffset + 1);
      args.push({ kind: 'error', text: textOf($, start, last), span: spanOf(start, last ?? start) });
    }
    if ($.LA(1).tokenType === T.For) {
      const last = skipUntil($, new Set([T.RParen]), false);
      error($, D.notInDialect, 'generator expressions are not part of the dialect', spanOf(start, last ?? start), 'use a Repeat loop');
      break;
    }
    if ($.LA(1).tokenType !== T.Comma) break;
    $.SKIP_TOKEN();
  }
  return { args, keywords };
}

/**
 * The value of `Key=value`. Text WorkflowLLM's converter wrote unquoted
 * (starting with `"`, `'`, `[` or `{`) that does not read as one value
 * followed by `,` or `)` — `WFMatchTextPattern="os_version":"(.*?)", …` —
 * is read as unquoted text up to the next `, Name=` on its line or the
 * call's closing `)` at the end of the line (`raw-values.ts`). Valid Python
 * always reads as one value followed by `,` or `)`, so it never gets here.
 */
function keywordValue($: ParserHost): Expression {
  const start = $.LA(1);
  const state = $.exportLexerState();
  const lastError = $.lastError;
  try {
    const value = quickAtom($) ?? $.SUBRULE($.expression);
    const follow = $.LA(1).tokenType;
    if (follow === T.Comma || follow === T.RParen) return value;
    return rawKeywordValue($, start, state, lastError) ?? value;
  } catch (e) {
    if (!isCaught($, e)) throw e;
    const raw = rawKeywordValue($, start, state, lastError);
    if (raw === undefined) throw e;
    return raw;
  }
}

function rawKeywordValue($: ParserHost, start: IToken, state: number, lastError: number): Expression | undefined {
  const src = $.state.src;
  const s = start.startOffset;
  if (!startsRawText(src, s) || start.tokenType === T.BareText) return undefined;
  const e = rawValueEnd(src, s);
  if (e <= s) return undefined;
  // The tokens up to the end must stop exactly there, at the `,` or `)` that follows.
  $.importLexerState(state);
  let last = start;
  while ($.LA(1).tokenType !== EOF && $.LA(1).startOffset < e) {
    last = $.LA(1);
    $.SKIP_TOKEN();
  }
  const follow = $.LA(1);
  if ((follow.tokenType !== T.Comma && follow.tokenType !== T.RParen) || (last.endOffset ?? last.startOffset) + 1 > e) {
    $.importLexerState(state);
    return undefined;
  }
  $.state.reporter.withdrawFrom(s);
  $.lastError = lastError;
  const from = tokenStart(start);
  return bareTextAt($, span(from, position(from.line, from.column + (e - s), e)));
}

function argument($: ParserHost, args: Expression[], keywords: Keyword[]): void {
  const first = $.LA(1);
  const second = $.LA(2);
  if (second.tokenType === T.Assign && (first.tokenType === T.Name || T.KEYWORDS.get(first.image) === first.tokenType)) {
    $.SKIP_TOKEN();
    $.SKIP_TOKEN();
    const value = keywordValue($);
    const name = nameOf(first);
    const nameSpan = spanOf(first, first);
    const p = payloadOf(first);
    if (first.tokenType !== T.Name) {
      warn(
        $,
        D.keywordNotIdentifier,
        `'${name}' is a Python keyword, not a valid argument name: read as the parameter key '${name}'`,
        nameSpan,
        `write **{'${name}': …} for valid Python`,
      );
    } else if (p !== undefined && p.kind === 'name' && p.hyphenated) {
      warn(
        $,
        D.keywordNotIdentifier,
        `'${first.image}' is not a Python identifier (it contains '-'): read as the parameter key '${name}'`,
        nameSpan,
        `write **{'${name}': …} for valid Python`,
      );
    }
    keywords.push({ kind: 'keyword', name, nameSpan, value, span: joinSpans(nameSpan, value.span) as SourceSpan });
    return;
  }
  if (first.tokenType === T.DoubleStar) {
    $.SKIP_TOKEN();
    const value = $.SUBRULE2($.expression);
    if (value.kind === 'dict' && value.entries.length > 0 && value.entries.every((e) => e.key.kind === 'string')) {
      // `**{'Show-text': True}`: the canonical spelling of keywords that are not identifiers.
      for (const entry of value.entries) {
        const key = entry.key as Extract<Expression, { kind: 'string' }>;
        keywords.push({
          kind: 'keyword',
          name: key.value,
          nameSpan: key.span as SourceSpan,
          value: entry.value,
          span: entry.span as SourceSpan,
        });
      }
      return;
    }
    args.push({ kind: 'starred', double: true, value, span: joinSpans(spanOf(first, first), value.span) as SourceSpan });
    return;
  }
  const value = quickAtom($) ?? $.SUBRULE($.starExpression);
  if (keywords.length > 0 && value.kind !== 'starred') {
    warn(
      $,
      D.positionalAfterKeyword,
      'positional argument after keyword arguments: read as a positional argument',
      value.span as SourceSpan,
      'put positional arguments first',
    );
  }
  args.push(value);
}
