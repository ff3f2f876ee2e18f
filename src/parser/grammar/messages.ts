/**
 * How syntax errors read: tokens described in words (`the end of the line`, `the name 'x'`), and the
 * messages chevrotain builds from them.
 */
import { EOF, type IParserErrorMessageProvider, type IToken } from 'chevrotain';
import * as T from '../tokens.js';

const RULE_EXPECTS: Readonly<Record<string, string>> = {
  atom: 'an expression',
  statement: 'a statement',
  simpleStatement: 'a statement',
  factor: 'an expression',
  primary: 'an expression',
  disjunction: 'an expression',
  expression: 'an expression',
  starExpression: 'an expression',
  argument: 'an argument',
  target: 'an assignment target',
  strings: 'a string',
};

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${expected.LABEL ?? expected.name}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const first = actual[0];
    return `expected ${RULE_EXPECTS[ruleName] ?? 'something else'}, found ${first === undefined ? 'nothing' : describeToken(first)}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    const first = actual[0];
    return `expected ${RULE_EXPECTS[ruleName] ?? 'more'}, found ${first === undefined ? 'nothing' : describeToken(first)}`;
  },
};

export function describeToken(token: IToken): string {
  const type = token.tokenType;
  if (type === EOF) return 'the end of the file';
  if (type === T.Newline) return 'the end of the line';
  if (type === T.Indent) return 'an indented line';
  if (type === T.Dedent) return 'the end of the indented block';
  if (type === T.StringToken) return 'a string';
  if (type === T.FStringStart) return 'an f-string';
  if (type === T.FStringMiddle) return 'f-string text';
  if (type === T.NumberToken) return `the number ${token.image}`;
  if (type === T.Name) return `the name '${token.image}'`;
  if (type === T.BareText) return 'unquoted text';
  if (type === T.Invalid) return 'unreadable text';
  if (token.image.length === 0) return `'${type.LABEL?.replace(/'/g, '') ?? type.name}'`;
  return `'${token.image}'`;
}
