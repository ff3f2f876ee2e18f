/**
 * Statement keywords as variable names. WorkflowLLM's converter wrote a Set
 * Variable's name with every character outside [A-Za-z0-9] replaced by `_`,
 * so a shortcut's variable called "break", "from" or "return" comes out as
 * `break = …`, `is_workflow_actions_x(WFInput=break)`, `f'''{from}'''`.
 * Python has no reading for those; this dialect has one where the file
 * itself assigns the keyword at the start of a line: that keyword is the
 * variable wherever a statement cannot start (SC4031). Only keywords with no
 * role inside an expression qualify (`if`, `for`, `in`, `not`, `lambda` …
 * do have one, so a variable named so stays an error).
 */
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { STATEMENT_KEYWORDS } from '../../syntax/keywords.js';
import * as T from '../tokens.js';
import { assignedAtLineStart, lineStartAssignment } from './line-start-assignments.js';
import type { LexerState } from './state.js';

const KEYWORD_ASSIGNMENT = lineStartAssignment([...STATEMENT_KEYWORDS].join('|'));

/**
 * Reads the keyword `image` at [start, end) as the variable of that name and
 * returns true, when the file assigns it and a statement cannot start here:
 * inside brackets or an f-string's interpolation, after another token of the
 * line (except the `:` or `;` before an inline statement), or as the target
 * of `keyword = …` itself.
 */
export function keywordAsName(lx: LexerState, image: string, start: number, end: number): boolean {
  // The position first: a `pass` on its own line (the usual case) never needs the file's assignments.
  if (!STATEMENT_KEYWORDS.has(image) || !statementCannotStart(lx, end)) return false;
  lx.assignedKeywords ??= assignedAtLineStart(lx.src, KEYWORD_ASSIGNMENT);
  if (!lx.assignedKeywords.has(image)) return false;
  lx.report(
    D.keywordName,
    `'${image}' is a Python keyword, but the file assigns it (\`${image} = …\`): read as the variable '${image}'`,
    start,
    end,
    `rename the variable, e.g. ${image}_value`,
  );
  lx.push(T.Name, start, end, { kind: 'name', name: image, hyphenated: false });
  lx.pos = end;
  return true;
}

function statementCannotStart(lx: LexerState, end: number): boolean {
  const top = lx.contexts[lx.contexts.length - 1];
  if (top !== undefined) return true;
  if (lx.lineHasTokens) {
    const previous = lx.tokens[lx.tokens.length - 1]?.tokenType;
    return previous !== T.Colon && previous !== T.Semicolon;
  }
  // The first word of a line: a variable only as the target of a plain assignment.
  let p = end;
  while (lx.src.charCodeAt(p) === 32 || lx.src.charCodeAt(p) === 9) p++;
  return lx.src.charCodeAt(p) === 61 && lx.src.charCodeAt(p + 1) !== 61;
}
