/**
 * The lexer: source text → chevrotain tokens, comments and lexical diagnostics.
 *
 * A hand-tuned scanner rather than chevrotain's regex-driven `Lexer`, because
 * almost every hard part of this dialect is context: indentation (INDENT /
 * DEDENT from a per-line pre-pass, Python's tab rules), implicit line joining
 * inside brackets, f-strings whose interpolations hold code with nested
 * strings (a mode stack, tokenised like PEP 701), the hyphen rule for
 * `is_workflow_actions_display_always-on_set(` and `Show-text=True`, unquoted
 * text inside list and dictionary literals, and recovery that re-reads text
 * (an unterminated `'''` string resumes at the end of its line; an unclosed
 * bracket closes before the first line that looks like a new statement).
 * It produces real chevrotain `IToken`s of the types in `tokens.ts`.
 *
 * Every loop advances `pos` or pops a context, every re-read is paid for from
 * a work budget proportional to the input, and nesting is capped, so hostile
 * input costs linear time and bounded stack.
 *
 * The scanner lives in `lexer/`: `state.ts` holds the lexer's state and its
 * primitives, and each other module one part of the language (`code.ts` the
 * main loop, `indentation.ts`, `names.ts`, `numbers.ts`, `brackets.ts`,
 * `strings.ts`, `fstrings.ts`) or of the recovery (`runaway-strings.ts`,
 * `unclosed-brackets.ts`, `interpolation-recovery.ts`, `bare-text.ts`).
 */
import type { Reporter } from './reporter.js';
import { run } from './lexer/code.js';
import { LexerState, type LexOptions, type LexResult } from './lexer/state.js';

export type { LexOptions, LexResult } from './lexer/state.js';

export function lex(src: string, reporter: Reporter, options: LexOptions): LexResult {
  return run(new LexerState(src, reporter, options));
}
