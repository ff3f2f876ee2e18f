/**
 * Indentation at the start of a logical line: INDENT and DEDENT tokens from a stack of levels, with
 * Python's tab rules (tabs to multiples of 8, and inconsistent tab/space mixes reported).
 */
import { codePointAt, isUnusualSpace, showCharacter } from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import * as T from '../tokens.js';
import type { IndentLevel, LexerState } from './state.js';

export function lineStartIndentation(lx: LexerState): void {
  const src = lx.src;
  let p = lx.pos;
  let col = 0;
  let alt = 0;
  for (;;) {
    const c = src.charCodeAt(p);
    if (c === 32) {
      col++;
      alt++;
    } else if (c === 9) {
      col = (Math.floor(col / 8) + 1) * 8;
      alt++;
    } else if (c === 12) {
      col = 0;
      alt = 0;
    } else if (c === 0) {
      lx.report(D.nulByte, 'NUL byte outside a string: ignored', p, p + 1);
    } else if (c > 127 && isUnusualSpace(codePointAt(src, p))) {
      lx.report(D.unusualSpace, `${showCharacter(codePointAt(src, p))} in the indentation: read as a space`, p, p + 1);
      col++;
      alt++;
    } else break;
    p++;
  }
  lx.atLineStart = false;
  const c = src.charCodeAt(p);
  if (p >= src.length || c === 10 || c === 13 || c === 35) {
    // Blank or comment-only line: no tokens, no indentation change.
    lx.pos = p;
    return;
  }
  lx.pos = p;
  lx.statementIndent = col;
  indent(lx, col, alt, lx.lineStart, p);
}

function indent(lx: LexerState, col: number, alt: number, from: number, to: number): void {
  let top = lx.indents[lx.indents.length - 1] as IndentLevel;
  let inconsistent = false;
  if (col === top.col) {
    inconsistent = alt !== top.alt;
  } else if (col > top.col) {
    inconsistent = alt <= top.alt;
    if (lx.indents.length > lx.options.maxIndent) {
      if (!lx.reportedIndentLimit) {
        lx.reportedIndentLimit = true;
        lx.report(
          D.tooDeep,
          `more than ${lx.options.maxIndent} levels of indentation: deeper lines are read as part of the block at that level`,
          from,
          to,
          'move the inner blocks into a separate shortcut',
        );
      }
      lx.indents.push({ col, alt, silent: true });
    } else {
      lx.indents.push({ col, alt, silent: false });
      lx.push(T.Indent, from, to);
    }
  } else {
    while (lx.indents.length > 1 && col < top.col) {
      lx.indents.pop();
      if (!top.silent) lx.push(T.Dedent, to, to);
      top = lx.indents[lx.indents.length - 1] as IndentLevel;
    }
    if (col !== top.col) {
      lx.report(
        D.badDedent,
        'this line is indented less than the block it is in, but more than the block around it',
        from,
        to,
        `indent it by ${top.col} or by a level of an enclosing block`,
      );
      lx.indents.push({ col, alt, silent: true });
    } else {
      inconsistent = alt !== top.alt;
    }
  }
  if (inconsistent) {
    lx.report(
      D.inconsistentTabs,
      'indentation mixes tabs and spaces in a way that depends on the tab width: read with tabs as 8 columns',
      from,
      to,
      'indent with spaces only',
    );
  }
}
