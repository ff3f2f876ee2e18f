/**
 * `match`/`case` (soft keywords): the subject, case clauses with their patterns and guards, and what
 * Python accepts as a pattern.
 */
import { EOF } from 'chevrotain';
import type { SourceSpan } from '../../diagnostics/diagnostic.js';
import type { Expression, MatchCase, MatchStatement, Statement } from '../../syntax/ast.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import * as T from '../tokens.js';
import { block, headerEnd } from './compound-statements.js';
import { namedExpression } from './expressions.js';
import type { ParserHost } from './host.js';
import { describeToken } from './messages.js';
import { openSequence, sequenceExpression } from './open-sequence.js';
import { error, warn } from './recovery.js';
import { attachComments, flattenedBlockRest, lastContent, leadingComments, pushAll, statementWithRecovery } from './statements.js';
import { spanOf } from './token-spans.js';

export function matchStatement($: ParserHost): MatchStatement {
  const keyword = $.CONSUME(T.Name);
  return $.ACTION(() => {
    let subject: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
    const colon = headerEnd($, keyword, () => {
      subject = $.SUBRULE($.starExpressions);
    });
    const cases: MatchCase[] = [];
    const t = $.LA(1).tokenType;
    if (t === T.Newline) $.SKIP_TOKEN();
    if ($.LA(1).tokenType !== T.Indent) {
      if (colon !== undefined)
        warn($, D.emptyBlock, "'match' has no indented 'case' lines: read as empty", spanOf(colon, colon), "add 'case' lines below it");
    } else {
      $.SKIP_TOKEN();
      let strayReported = false;
      for (;;) {
        const next = $.LA(1);
        if (next.tokenType === EOF) break;
        if (next.tokenType === T.Dedent) {
          $.SKIP_TOKEN();
          break;
        }
        const comments = leadingComments($, next.startOffset);
        if (next.tokenType === T.Name && next.image === 'case') {
          const matchCase = caseClause($);
          cases.push(matchCase);
          if (comments !== undefined && matchCase.body.length > 0) attachComments(matchCase.body[0] as Statement, comments);
          continue;
        }
        // A statement where a `case` belongs: report the first, parse them all (so they are skipped
        // cleanly, and still checked), and keep them in the previous case.
        if (!strayReported && $.lastError < next.startOffset) {
          strayReported = true;
          error(
            $,
            D.syntaxError,
            `expected 'case' inside 'match', found ${describeToken(next)}`,
            spanOf(next, next),
            'indent it under a \'case "Title":\' line, or dedent it to end the match',
          );
        }
        const stray: Statement[] = [];
        if (next.tokenType === T.Indent) {
          $.SKIP_TOKEN();
          pushAll(stray, flattenedBlockRest($));
        } else statementWithRecovery($, stray);
        const previous = cases[cases.length - 1];
        if (previous !== undefined) cases[cases.length - 1] = { ...previous, body: [...previous.body, ...stray] };
      }
    }
    return { kind: 'match', subject, cases, span: spanOf(keyword, lastContent($, keyword)) } satisfies MatchStatement;
  }) as MatchStatement;
}

function caseClause($: ParserHost): MatchCase {
  const keyword = $.LA(1);
  $.SKIP_TOKEN();
  let pattern: Expression = { kind: 'error', text: '', span: spanOf(keyword, keyword) };
  let guard: Expression | undefined;
  const colon = headerEnd($, keyword, () => {
    $.inPattern = true;
    try {
      pattern = $.SUBRULE($.pattern);
    } finally {
      $.inPattern = false;
    }
    if ($.LA(1).tokenType === T.If) {
      $.SKIP_TOKEN();
      guard = namedExpression($);
    }
  });
  if (pattern.kind !== 'error') checkPattern($, pattern);
  const body = block($, colon, "'case'");
  const node: { -readonly [K in keyof MatchCase]: MatchCase[K] } = {
    kind: 'case',
    pattern,
    body,
    span: spanOf(keyword, colon ?? keyword),
  };
  if (guard !== undefined) node.guard = guard;
  return node;
}

/** A case pattern: an or-pattern chain or an open sequence (`case a, b:`). */
export function pattern($: ParserHost): Expression {
  const sequence = openSequence($, $.starExpression);
  $.OPTION2(() => {
    const as = $.CONSUME(T.As);
    $.CONSUME(T.Name);
    $.ACTION(() => error($, D.notInDialect, "'as' patterns are not part of the dialect", spanOf(as, as), 'match the value itself'));
  });
  return $.ACTION(() => sequenceExpression(sequence)) as Expression;
}

/** Python accepts literals, names, dotted names, `|`, sequences, mappings and class patterns. */
function checkPattern($: ParserHost, p: Expression): void {
  const ok = (e: Expression): boolean => {
    switch (e.kind) {
      case 'string':
      case 'fstring':
      case 'bytes':
      case 'number':
      case 'boolean':
      case 'none':
      case 'name':
      case 'error':
      case 'bareText':
        return true;
      case 'attribute':
        return ok(e.object) && (e.object.kind === 'name' || e.object.kind === 'attribute');
      case 'unary':
        return e.operator === '-' && e.operand.kind === 'number';
      case 'binary':
        return e.operator === '|'
          ? ok(e.left) && ok(e.right)
          : (e.operator === '+' || e.operator === '-') && e.right.kind === 'number' && e.left.kind !== 'binary';
      case 'list':
      case 'tuple':
        return e.elements.every((x) => (x.kind === 'starred' ? x.value.kind === 'name' : ok(x)));
      case 'dict':
        return e.entries.every((entry) => ok(entry.key) && ok(entry.value));
      case 'call':
        return (e.callee.kind === 'name' || e.callee.kind === 'attribute') && e.args.every(ok) && e.keywords.every((k) => ok(k.value));
      default:
        return false;
    }
  };
  if (!ok(p)) {
    error(
      $,
      D.invalidPattern,
      'a case pattern must be a literal (a string for a menu item), a name, or a structure of them',
      p.span as SourceSpan,
      'write the menu title as a string: case "Title":',
    );
  }
}
