/**
 * Source positions and spans of tokens (made once per token and cached on it), and token payloads.
 */
import type { IToken } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import { position, span } from '../reporter.js';
import * as T from '../tokens.js';
import type { Token } from '../tokens.js';

/** Positions are cached on the lexer's tokens (chevrotain's own EOF token is frozen and gets fresh ones). */
export function tokenStart(t: IToken): SourceSpan['start'] {
  if (!('startPosition' in t)) return position(t.startLine ?? 1, t.startColumn ?? 1, t.startOffset);
  const token = t as Token;
  return (token.startPosition ??= position(t.startLine ?? 1, t.startColumn ?? 1, t.startOffset));
}

export function tokenEnd(t: IToken): SourceSpan['end'] {
  const make = (): SourceSpan['end'] => position(t.endLine ?? 1, (t.endColumn ?? 0) + 1, (t.endOffset ?? t.startOffset - 1) + 1);
  if (!('endPosition' in t)) return make();
  const token = t as Token;
  return (token.endPosition ??= make());
}

export function spanOf(first: IToken, last: IToken): SourceSpan {
  return span(tokenStart(first), tokenEnd(last));
}

export function joinSpans(a: SourceSpan | undefined, b: SourceSpan | undefined): SourceSpan | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return span(a.start, b.end);
}

export function payloadOf(t: IToken): T.TokenPayload | undefined {
  return (t as Token).payload;
}

export function nameOf(t: IToken): string {
  const p = payloadOf(t);
  return p !== undefined && p.kind === 'name' ? p.name : t.image;
}
