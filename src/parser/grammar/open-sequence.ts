/**
 * Open sequences: items separated by commas with no brackets around them, a trailing comma allowed, as
 * `for` targets (`for a, b in …`) and case patterns (`case a, b:`) have them. Python reads more than one
 * item, or one item with a trailing comma, as a tuple.
 */
import type { ParserMethod } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Expression } from '../../syntax/ast.js';
import * as T from '../tokens.js';
import type { ParserHost } from './host.js';
import { joinSpans } from './token-spans.js';

export interface OpenSequence {
  readonly first: Expression;
  readonly elements: readonly Expression[];
  /** Whether a comma ended the sequence (`a,` is a one-item tuple). */
  readonly trailing: boolean;
}

/**
 * `item (, item)* ,?` read with `item`. It uses the calling rule's MANY, OPTION, SUBRULE and SUBRULE2, so
 * that rule numbers any further ones of its own from 2 (OPTION2, …).
 */
export function openSequence($: ParserHost, item: ParserMethod<[], Expression>): OpenSequence {
  const first = $.SUBRULE(item);
  const elements: Expression[] = [first];
  let trailing = false;
  $.MANY({
    GATE: () => !trailing,
    DEF: () => {
      $.CONSUME(T.Comma);
      const more = $.OPTION(() => $.SUBRULE2(item));
      $.ACTION(() => {
        if (more === undefined) trailing = true;
        else elements.push(more);
      });
    },
  });
  return { first, elements, trailing };
}

/** The sequence as one expression: its only item, else a tuple spanning the items. */
export function sequenceExpression(sequence: OpenSequence): Expression {
  const { first, elements, trailing } = sequence;
  if (elements.length === 1 && !trailing) return first;
  return {
    kind: 'tuple',
    elements,
    parenthesized: false,
    span: joinSpans(first.span, (elements[elements.length - 1] as Expression).span) as SourceSpan,
  };
}
