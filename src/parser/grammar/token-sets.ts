/**
 * Sets and maps of token types the grammar decides with: what may start a statement, an expression or
 * an atom, the infix and augmented-assignment operators, brackets, layout tokens.
 */
import { EOF, type TokenType } from 'chevrotain';
import type { BinaryOperator } from '../../syntax/ast.js';
import type { ChainOperator } from '../precedence.js';
import * as T from '../tokens.js';

export const CLOSERS = new Set<TokenType>([T.RParen, T.RBracket, T.RBrace, T.FExprEnd, T.FStringEnd]);

export const OPENERS = new Set<TokenType>([T.LParen, T.LBracket, T.LBrace, T.FExprStart, T.FStringStart]);

export const COMPOUND_UNSUPPORTED = new Set<TokenType>([T.Def, T.Class, T.With, T.Try, T.Async, T.At]);

export const CLAUSES = new Set<TokenType>([T.Else, T.Elif, T.Except, T.Finally]);

export const LAYOUT = new Set<TokenType>([T.Newline, T.Indent, T.Dedent]);

export const INFIX: ReadonlyMap<TokenType, ChainOperator> = new Map<TokenType, ChainOperator>([
  [T.Or, 'or'],
  [T.And, 'and'],
  [T.In, 'in'],
  [T.Is, 'is'],
  [T.EqualEqual, '=='],
  [T.NotEqual, '!='],
  [T.Less, '<'],
  [T.LessEqual, '<='],
  [T.Greater, '>'],
  [T.GreaterEqual, '>='],
  [T.Pipe, '|'],
  [T.Caret, '^'],
  [T.Ampersand, '&'],
  [T.LeftShift, '<<'],
  [T.RightShift, '>>'],
  [T.Plus, '+'],
  [T.Minus, '-'],
  [T.Star, '*'],
  [T.Slash, '/'],
  [T.DoubleSlash, '//'],
  [T.Percent, '%'],
  [T.At, '@'],
]);

export const AUGMENTED: ReadonlyMap<TokenType, BinaryOperator> = new Map<TokenType, BinaryOperator>([
  [T.PlusAssign, '+'],
  [T.MinusAssign, '-'],
  [T.StarAssign, '*'],
  [T.SlashAssign, '/'],
  [T.DoubleSlashAssign, '//'],
  [T.PercentAssign, '%'],
  [T.AtAssign, '@'],
  [T.AmpersandAssign, '&'],
  [T.PipeAssign, '|'],
  [T.CaretAssign, '^'],
  [T.LeftShiftAssign, '<<'],
  [T.RightShiftAssign, '>>'],
  [T.DoubleStarAssign, '**'],
]);

/** Tokens that can start an atom (a name, a literal, a display, a parenthesised form). */
export const ATOM_START = new Set<TokenType>([
  T.Name,
  T.NumberToken,
  T.StringToken,
  T.FStringStart,
  T.True,
  T.False,
  T.None,
  T.LParen,
  T.LBracket,
  T.LBrace,
  T.BareText,
  T.Invalid,
  T.Ellipsis,
  T.Await,
  T.Yield,
]);

/** Tokens that can start an expression (for element and argument lookahead): an atom, a unary operator, `lambda`, a starred item. */
export const EXPRESSION_START = new Set<TokenType>([...ATOM_START, T.Minus, T.Plus, T.Tilde, T.Not, T.Lambda, T.Star]);

export const STATEMENT_START = new Set<TokenType>([
  T.If,
  T.While,
  T.For,
  T.Def,
  T.Class,
  T.With,
  T.Try,
  T.Async,
  T.At,
  T.Else,
  T.Elif,
  T.Except,
  T.Finally,
  T.Pass,
  T.Return,
  T.Import,
  T.From,
  T.Global,
  T.Nonlocal,
  T.Del,
  T.Raise,
  T.Assert,
  T.Break,
  T.Continue,
  T.Star,
  T.Lambda,
  T.Not,
  T.Minus,
  T.Plus,
  T.Tilde,
]);

export const QUICK_ATOMS = new Set<TokenType>([T.Name, T.NumberToken, T.StringToken, T.True, T.False, T.None, T.BareText, T.Ellipsis]);

export const QUICK_FOLLOW = new Set<TokenType>([
  T.Comma,
  T.RParen,
  T.RBracket,
  T.RBrace,
  T.Colon,
  T.Newline,
  T.Assign,
  T.FExprEnd,
  T.FConversion,
  T.FSpecStart,
  T.FDebug,
  T.Semicolon,
  EOF,
]);

export const OPERAND = new Set<TokenType>([T.Name, T.NumberToken, T.StringToken, T.True, T.False, T.None, T.BareText, T.Invalid, T.Ellipsis]);

export const PREFIX = new Set<TokenType>([T.Minus, T.Plus, T.Tilde, T.Not, T.Star, T.DoubleStar, T.Await, T.Lambda, T.Yield]);
