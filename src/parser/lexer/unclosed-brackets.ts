/**
 * Brackets that are never closed: a checkpoint at the first line inside brackets that looks like a new
 * statement, where the brackets are closed if they turn out never to be; the end of the input (unterminated
 * f-strings, unclosed brackets, open indentation levels).
 */
import type { Comment } from '../../syntax/ast.js';
import { codePointAt, isIdentifierStart } from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { position, span } from '../reporter.js';
import * as T from '../tokens.js';
import { tryConditionText } from './bare-text.js';
import { closeAllSilently, closerType, openerOf } from './brackets.js';
import { unterminatedFString } from './fstrings.js';
import type { BracketContext, Context, FStringContext, IndentLevel, LexerState } from './state.js';
import { tripleSuggestion } from './strings.js';

const STATEMENT_KEYWORDS = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'match',
  'case',
  'def',
  'class',
  'return',
  'pass',
  'import',
  'from',
  'with',
  'try',
  'except',
  'finally',
  'raise',
  'del',
  'global',
  'nonlocal',
  'assert',
  'break',
  'continue',
  'async',
]);

/**
 * Inside brackets, a line that starts at or left of the statement's
 * indentation with a statement keyword or `name =` / `name(` is where the
 * brackets would be closed if they turn out never to be.
 */
export function maybeCheckpoint(lx: LexerState): void {
  if (lx.checkpoint !== undefined || lx.abandonLine) return;
  if (!lx.contexts.every((ctx) => ctx.kind === 'bracket')) return;
  if (!looksLikeStatement(lx, lx.pos)) return;
  if (retryHashAsText(lx)) return;
  lx.checkpoint = {
    pos: lx.pos,
    line: lx.line,
    lineStart: lx.lineStart,
    tokens: lx.tokens.length,
    comments: lx.comments.length,
    contexts: lx.contexts.map((ctx) => ({ ...ctx })),
  };
}

/**
 * `{"string": https://x.com/a#part}, …}`: a `#` stuck to the text of a
 * list or dictionary element started a comment that swallowed the rest of
 * the line, so the brackets stay open, and the next line is a new statement
 * (`name = …` or `name(…)`), a block header (`for … in range(…):`) or the
 * end of the input. After an operand, a name cannot go on in valid Python,
 * nor can a line ending in `:`, so the `#` was text: the element is read
 * again as unquoted text that holds it (`tryBareText`).
 */
function retryHashAsText(lx: LexerState, atEnd = false): boolean {
  let index = -1;
  for (let i = 0; i < lx.contexts.length; i++) {
    const ctx = lx.contexts[i] as Context;
    if (ctx.kind === 'bracket' && ctx.hashInElement >= 0) {
      index = i;
      break;
    }
  }
  if (index < 0 || !(atEnd || startsAssignmentOrCall(lx, lx.pos) || startsBlockHeader(lx, lx.pos))) return false;
  const ctx = lx.contexts[index] as BracketContext;
  const cost = lx.pos - ctx.elementOffset;
  if (lx.budget < cost) return false;
  lx.budget -= cost;
  lx.hashAsText.add(ctx.hashInElement);
  lx.truncateContexts(index + 1);
  lx.discardFrom(ctx.elementOffset, ctx.elementToken, ctx.elementComments);
  lx.line = ctx.elementLine;
  lx.lineStart = ctx.elementLineStart;
  lx.pos = ctx.elementOffset;
  ctx.hashInElement = -1;
  return true;
}

/** A line (after its indentation) starting with a statement keyword and ending with `:`, or `pass` alone. */
function startsBlockHeader(lx: LexerState, from: number): boolean {
  const src = lx.src;
  let p = from;
  while (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9) p++;
  const word = src.slice(p, lx.scanIdentifier(p));
  if (!STATEMENT_KEYWORDS.has(word)) return false;
  let end = src.indexOf('\n', p);
  if (end < 0) end = src.length;
  const line = src.slice(p, end).trimEnd();
  return line === 'pass' || (word !== 'pass' && line.endsWith(':'));
}

/** A line (after its indentation) starting `name =` or `name(`. */
function startsAssignmentOrCall(lx: LexerState, from: number): boolean {
  const src = lx.src;
  let p = from;
  while (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9) p++;
  if (!isIdentifierStart(codePointAt(src, p))) return false;
  let end = lx.scanIdentifier(p);
  if (T.KEYWORDS.has(src.slice(p, end))) return false;
  while (src.charCodeAt(end) === 32) end++;
  const a = src.charCodeAt(end);
  return a === 40 || (a === 61 && src.charCodeAt(end + 1) !== 61);
}

export function looksLikeStatement(lx: LexerState, from: number): boolean {
  const src = lx.src;
  let p = from;
  let col = 0;
  for (;;) {
    const c = src.charCodeAt(p);
    if (c === 32) col++;
    else if (c === 9) col = (Math.floor(col / 8) + 1) * 8;
    else break;
    p++;
  }
  if (col > lx.statementIndent) return false;
  const c = src.charCodeAt(p);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c > 127 && isIdentifierStart(codePointAt(src, p))))) return false;
  let end = lx.scanIdentifier(p + 1);
  if (STATEMENT_KEYWORDS.has(src.slice(p, end))) {
    const after = src.charCodeAt(end);
    return !(after === 61 && src.charCodeAt(end + 1) !== 61) && after !== 46;
  }
  while (src.charCodeAt(end) === 46 && isIdentifierStart(codePointAt(src, end + 1))) end = lx.scanIdentifier(end + 2);
  while (src.charCodeAt(end) === 32) end++;
  const a = src.charCodeAt(end);
  const b = src.charCodeAt(end + 1);
  if (a === 40) return true;
  if (a === 61) return b !== 61;
  return b === 61 && (a === 43 || a === 45 || a === 42 || a === 47 || a === 37 || a === 38 || a === 124 || a === 94 || a === 64);
}

/** End of input: recover unterminated f-strings and unclosed brackets. Returns true to lex on. */
export function endOfInput(lx: LexerState): boolean {
  const at = lx.src.length;
  if (lx.contexts.length > 0 && !lx.truncated && !lx.abandonLine) {
    const fs = lx.contexts.find((ctx): ctx is FStringContext => ctx.kind === 'fstring');
    if (fs !== undefined) {
      if (
        fs.triple &&
        resumeAfterOpeningLine(lx, 
          fs.startOffset,
          fs.startLine,
          fs.lineStart,
          fs.tokenIndex,
          D.unterminatedFString,
          'this f-string is never closed',
          lx.contexts.indexOf(fs),
        )
      )
        return true;
      unterminatedFString(lx, fs, at);
      closeAllSilently(lx, at);
    } else {
      if (retryHashAsText(lx, true) || restoreCheckpoint(lx, at) || tryConditionText(lx)) return true;
      reportUnclosed(lx, lx.contexts as BracketContext[]);
      closeAllSilently(lx, at);
    }
  } else if (lx.contexts.length > 0) {
    closeAllSilently(lx, at);
  }
  if (lx.lineHasTokens) lx.push(T.Newline, at, at);
  lx.lineHasTokens = false;
  while (lx.indents.length > 1) {
    const level = lx.indents.pop() as IndentLevel;
    if (!level.silent) lx.push(T.Dedent, at, at);
  }
  return false;
}

/**
 * Brackets opened before the checkpoint turned out never to be closed (the
 * input ended, or a closing bracket of the wrong kind came): report them,
 * close them where the statement-like line began, and lex on from there.
 */
export function restoreCheckpoint(lx: LexerState, at: number): boolean {
  const cp = lx.checkpoint;
  if (cp === undefined) return false;
  const cost = at - cp.pos;
  if (lx.budget < cost) return false;
  if (tryConditionText(lx)) return true;
  lx.budget -= cost;
  reportUnclosed(lx, cp.contexts as BracketContext[]);
  lx.discardFrom(cp.pos, cp.tokens, cp.comments);
  lx.pos = cp.pos;
  lx.line = cp.line;
  lx.lineStart = cp.lineStart;
  lx.truncateContexts(0);
  lx.checkpoint = undefined;
  lx.abandonLine = false;
  for (let i = cp.contexts.length - 1; i >= 0; i--) lx.push(closerType((cp.contexts[i] as BracketContext).close), cp.pos, cp.pos);
  lx.push(T.Newline, cp.pos, cp.pos);
  lx.lineHasTokens = false;
  lx.atLineStart = true;
  return true;
}

/** One diagnostic, at the innermost bracket (as Python reports it); the outer ones are named in it. */
export function reportUnclosed(lx: LexerState, contexts: readonly BracketContext[]): void {
  const ctx = contexts[contexts.length - 1];
  if (ctx === undefined) return;
  const open = String.fromCharCode(openerOf(ctx.close));
  const closers = contexts
    .map((c) => String.fromCharCode(c.close))
    .reverse()
    .join('');
  const more = contexts.length > 1 ? ` (nor are the ${contexts.length - 1} bracket${contexts.length === 2 ? '' : 's'} around it)` : '';
  lx.reporter.add(
    D.unclosedBracket,
    `'${open}' is never closed${more}`,
    span(position(ctx.openLine, ctx.openColumn, ctx.openOffset), position(ctx.openLine, ctx.openColumn + 1, ctx.openOffset + 1)),
    `add the missing '${closers.length > 12 ? `${closers.slice(0, 12)}…` : closers}'`,
  );
}

/**
 * A string or f-string opened at `start` runs to the end of the file. Python
 * would stop there; we report it, read the rest of its opening line as one
 * Invalid token and lex on from the next line, so later lines are checked.
 */
export function resumeAfterOpeningLine(
  lx: LexerState,
  start: number,
  startLine: number,
  lineStart: number,
  tokenIndex: number,
  definition: (typeof D)[keyof typeof D],
  message: string,
  contextIndex: number,
): boolean {
  const cost = lx.src.length - start;
  if (lx.budget < cost) return false;
  lx.budget -= cost;
  const eol = lx.endOfLine(start);
  lx.tokens.length = tokenIndex;
  while (lx.comments.length > 0 && ((lx.comments[lx.comments.length - 1] as Comment).span?.start.offset ?? 0) > start) {
    lx.comments.pop();
    lx.ownLine.pop();
  }
  lx.reporter.withdrawFrom(start);
  lx.bareTextRangesFrom(start);
  lx.line = startLine;
  lx.lineStart = lineStart;
  lx.truncateContexts(Math.max(0, contextIndex));
  lx.report(definition, message, start, Math.min(eol, start + 3), tripleSuggestion(lx.src, start), startLine, start - lineStart + 1);
  lx.push(T.Invalid, start, eol, undefined, startLine, start - lineStart + 1);
  lx.pos = eol;
  lx.abandonLine = true;
  lx.checkpoint = undefined;
  return true;
}
