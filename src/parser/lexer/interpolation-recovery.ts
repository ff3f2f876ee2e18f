/**
 * An f-string interpolation that cannot be read: its `{` is text (WorkflowLLM's converter wrote text
 * braces unescaped), or a UUID reference cut short by the converter's 384-character limit.
 */
import { isHexDigit } from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import { position, span } from '../reporter.js';
import type { Context, InterpolationContext, LexerState } from './state.js';

/**
 * Something inside an f-string interpolation cannot be read (a `#`, a stray
 * backslash, an unknown character, a malformed number, a string or bracket
 * left open, no `}` before the closing quote): WorkflowLLM's converter wrote
 * text braces unescaped, so that `{` is text (JSON, JavaScript, CSS, a
 * template). The interpolation is withdrawn and the f-string's text is read
 * again from its `{`, which is now text. False (nothing changed) outside an
 * interpolation or when the re-reading budget is spent.
 */
export function recoverInInterpolation(lx: LexerState, reason: string, inSpec = false): boolean {
  let i = lx.contexts.length - (inSpec ? 2 : 1);
  for (; i >= 0; i--) {
    const kind = (lx.contexts[i] as Context).kind;
    if (kind === 'interp') break;
    if (kind === 'fstring' || kind === 'spec') return false;
  }
  if (i < 0) return false;
  const ctx = lx.contexts[i] as InterpolationContext;
  const cost = lx.pos - ctx.openOffset + 1;
  if (lx.budget < cost) return false;
  lx.budget -= cost;
  lx.discardFrom(ctx.openOffset, ctx.tokenIndex, ctx.commentCount);
  lx.truncateContexts(i);
  lx.line = ctx.openLine;
  lx.lineStart = ctx.lineStart;
  lx.abandonLine = false;
  if (lx.checkpoint !== undefined && lx.checkpoint.pos > ctx.openOffset) lx.checkpoint = undefined;
  lx.literalBraces.add(ctx.openOffset);
  if (cutReference(lx, ctx)) return true;
  lx.reporter.add(
    D.fstringLiteralBrace,
    `'{' starts no interpolation that can be read (${reason}): read as text`,
    span(position(ctx.openLine, ctx.openColumn, ctx.openOffset), position(ctx.openLine, ctx.openColumn + 1, ctx.openOffset + 1)),
    "write '{{' for a literal brace",
  );
  lx.pos = ctx.openOffset;
  return true;
}

/**
 * An unreadable interpolation that starts like a UUID and stops before the
 * UUID is complete (`{31C55FB0-927F-4661-9D42-A1C5F03Custom`): a variable
 * reference by UUID, as WorkflowLLM's converter wrote an action's output,
 * cut by the converter's 384-character limit. Annotated code names every
 * output, and the cut lost the variable: an error (SC4028), not text.
 */
function cutReference(lx: LexerState, ctx: InterpolationContext): boolean {
  const src = lx.src;
  const groups = [8, 4, 4, 4, 12];
  let p = ctx.openOffset + 1;
  let complete = true;
  for (let g = 0; g < groups.length && complete; g++) {
    const want = groups[g] as number;
    let n = 0;
    while (n < want && isHexDigit(src.charCodeAt(p))) {
      n++;
      p++;
    }
    if (g === 0 && (n < want || src.charCodeAt(p) !== 45)) return false;
    if (n < want || (g < groups.length - 1 && src.charCodeAt(p) !== 45)) complete = false;
    else if (g < groups.length - 1) p++;
  }
  if (complete) return false;
  const text = src.slice(ctx.openOffset, p);
  lx.reporter.add(
    D.cutReference,
    `'${text}' is a variable reference by UUID that stops before the UUID is complete: WorkflowLLM's converter cut this text at 384 characters, and the variable it named is lost`,
    span(position(ctx.openLine, ctx.openColumn, ctx.openOffset), position(ctx.openLine, ctx.openColumn + text.length, p)),
    `write the variable's name in braces instead (e.g. {photo}), or remove '${text}'`,
  );
  return true;
}
