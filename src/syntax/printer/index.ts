/**
 * AST → code text. See `printer.ts` for the layout and `grammars/syntax.md`
 * §Printing for the spelling decisions.
 */
import type { Expression, Module, Statement } from '../ast.js';
import { printExpressionText, printModuleText, printStatementsText, type PrintOptions } from './printer.js';

export type { PrintOptions } from './printer.js';
export { isIdentifier, numberText } from './printer.js';
export { canPrintRaw } from './strings.js';

/** The whole module: its statements (with their leading comments), one per line, ending with a newline. */
export function printModule(module: Module, options?: PrintOptions): string {
  return printModuleText(module, options);
}

/** Statements as a top-level block (an empty list prints `pass`). */
export function printStatements(body: readonly Statement[], options?: PrintOptions): string {
  return printStatementsText(body, options);
}

/** One expression, laid out from column 0. */
export function printExpression(expression: Expression, options?: PrintOptions): string {
  return printExpressionText(expression, options);
}
