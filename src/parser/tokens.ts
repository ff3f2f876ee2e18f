/**
 * The token vocabulary shared by the lexer (`lexer.ts`, which produces
 * chevrotain `IToken`s directly) and the chevrotain parser (`parser.ts`).
 *
 * Token types carry no patterns: the lexer is a hand-tuned scanner (see
 * `grammars/syntax.md` §Lexer for why), but every token it produces is a real
 * chevrotain token of one of these types, so the parser's lookahead, matching
 * and error reporting work unchanged.
 */
import { createToken, type IToken, type TokenType } from 'chevrotain';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import type { QuoteStyle } from '../syntax/ast.js';

function token(name: string, label: string, categories?: TokenType[]): TokenType {
  return categories === undefined ? createToken({ name, label }) : createToken({ name, label, categories });
}

// ─── Categories (matched by CONSUME(category)) ─────────────────────────────

/** Operators that join two operands in the flat operator chain (`+`, `==`, `and`, `in`, …). */
export const InfixOperator = token('InfixOperator', 'an operator');
/** `=` and the augmented assignment operators. */
export const AugmentedAssign = token('AugmentedAssign', 'an augmented assignment');
/** Keywords of simple statements the dialect has no node for (`return`, `import`, …). */
export const SimpleKeyword = token('SimpleKeyword', 'a statement keyword');
/** Keywords of compound statements the dialect has no node for (`def`, `class`, `with`, `try`, `async`; `@`). */
export const CompoundKeyword = token('CompoundKeyword', 'a statement keyword');
/** Clause keywords that continue a statement (`else`, `elif`, `except`, `finally`). */
export const ClauseKeyword = token('ClauseKeyword', 'a clause keyword');

// ─── Layout ────────────────────────────────────────────────────────────────

export const Newline = token('Newline', 'end of line');
export const Indent = token('Indent', 'indentation');
export const Dedent = token('Dedent', 'end of indented block');

// ─── Atoms ─────────────────────────────────────────────────────────────────

export const Name = token('Name', 'a name');
export const NumberToken = token('Number', 'a number');
export const StringToken = token('String', 'a string');
export const FStringStart = token('FStringStart', 'an f-string');
export const FStringMiddle = token('FStringMiddle', 'f-string text');
export const FStringEnd = token('FStringEnd', 'the end of the f-string');
/** `{` opening an interpolation inside an f-string. */
export const FExprStart = token('FExprStart', "'{'");
/** `}` closing an interpolation inside an f-string. */
export const FExprEnd = token('FExprEnd', "'}'");
/** `!r`, `!s`, `!a` inside an interpolation. */
export const FConversion = token('FConversion', 'a conversion (!r, !s, !a)');
/** `:` starting a format spec inside an interpolation. */
export const FSpecStart = token('FSpecStart', "':' (format spec)");
/** `=` of a self-documenting interpolation (`{x=}`); its image includes the whitespace after it. */
export const FDebug = token('FDebug', "'='");
/** Unquoted text the lexer recognised inside a list or dictionary literal. */
export const BareText = token('BareText', 'unquoted text');
/** Characters the lexer could not read (it has reported them). */
export const Invalid = token('Invalid', 'invalid text');

// ─── Keywords ──────────────────────────────────────────────────────────────

export const False = token('False', "'False'");
export const None = token('None', "'None'");
export const True = token('True', "'True'");
export const And = token('And', "'and'", [InfixOperator]);
export const As = token('As', "'as'");
export const Assert = token('Assert', "'assert'", [SimpleKeyword]);
export const Async = token('Async', "'async'", [CompoundKeyword]);
export const Await = token('Await', "'await'");
export const Break = token('Break', "'break'", [SimpleKeyword]);
export const Class = token('Class', "'class'", [CompoundKeyword]);
export const Continue = token('Continue', "'continue'", [SimpleKeyword]);
export const Def = token('Def', "'def'", [CompoundKeyword]);
export const Del = token('Del', "'del'", [SimpleKeyword]);
export const Elif = token('Elif', "'elif'", [ClauseKeyword]);
export const Else = token('Else', "'else'", [ClauseKeyword]);
export const Except = token('Except', "'except'", [ClauseKeyword]);
export const Finally = token('Finally', "'finally'", [ClauseKeyword]);
export const For = token('For', "'for'");
export const From = token('From', "'from'", [SimpleKeyword]);
export const Global = token('Global', "'global'", [SimpleKeyword]);
export const If = token('If', "'if'");
export const Import = token('Import', "'import'", [SimpleKeyword]);
export const In = token('In', "'in'", [InfixOperator]);
export const Is = token('Is', "'is'", [InfixOperator]);
export const Lambda = token('Lambda', "'lambda'");
export const Nonlocal = token('Nonlocal', "'nonlocal'", [SimpleKeyword]);
export const Not = token('Not', "'not'");
export const Or = token('Or', "'or'", [InfixOperator]);
export const Pass = token('Pass', "'pass'");
export const Raise = token('Raise', "'raise'", [SimpleKeyword]);
export const Return = token('Return', "'return'", [SimpleKeyword]);
export const Try = token('Try', "'try'", [CompoundKeyword]);
export const While = token('While', "'while'");
export const With = token('With', "'with'", [CompoundKeyword]);
export const Yield = token('Yield', "'yield'");

/** Python's hard keywords, spelled exactly (keywords are never NFKC-normalised). */
export const KEYWORDS: ReadonlyMap<string, TokenType> = new Map([
  ['False', False],
  ['None', None],
  ['True', True],
  ['and', And],
  ['as', As],
  ['assert', Assert],
  ['async', Async],
  ['await', Await],
  ['break', Break],
  ['class', Class],
  ['continue', Continue],
  ['def', Def],
  ['del', Del],
  ['elif', Elif],
  ['else', Else],
  ['except', Except],
  ['finally', Finally],
  ['for', For],
  ['from', From],
  ['global', Global],
  ['if', If],
  ['import', Import],
  ['in', In],
  ['is', Is],
  ['lambda', Lambda],
  ['nonlocal', Nonlocal],
  ['not', Not],
  ['or', Or],
  ['pass', Pass],
  ['raise', Raise],
  ['return', Return],
  ['try', Try],
  ['while', While],
  ['with', With],
  ['yield', Yield],
]);

// ─── Delimiters ────────────────────────────────────────────────────────────

export const LParen = token('LParen', "'('");
export const RParen = token('RParen', "')'");
export const LBracket = token('LBracket', "'['");
export const RBracket = token('RBracket', "']'");
export const LBrace = token('LBrace', "'{'");
export const RBrace = token('RBrace', "'}'");
export const Comma = token('Comma', "','");
export const Colon = token('Colon', "':'");
export const Semicolon = token('Semicolon', "';'");
export const Dot = token('Dot', "'.'");
export const Ellipsis = token('Ellipsis', "'...'");
export const Arrow = token('Arrow', "'->'");
export const Assign = token('Assign', "'='");
export const Walrus = token('Walrus', "':='");

// ─── Operators ─────────────────────────────────────────────────────────────

export const Plus = token('Plus', "'+'", [InfixOperator]);
export const Minus = token('Minus', "'-'", [InfixOperator]);
/** `*` is also the star of `*args`; the parser tells them apart by position. */
export const Star = token('Star', "'*'", [InfixOperator]);
export const DoubleStar = token('DoubleStar', "'**'");
export const Slash = token('Slash', "'/'", [InfixOperator]);
export const DoubleSlash = token('DoubleSlash', "'//'", [InfixOperator]);
export const Percent = token('Percent', "'%'", [InfixOperator]);
export const At = token('At', "'@'", [InfixOperator, CompoundKeyword]);
export const Ampersand = token('Ampersand', "'&'", [InfixOperator]);
export const Pipe = token('Pipe', "'|'", [InfixOperator]);
export const Caret = token('Caret', "'^'", [InfixOperator]);
export const Tilde = token('Tilde', "'~'");
export const LeftShift = token('LeftShift', "'<<'", [InfixOperator]);
export const RightShift = token('RightShift', "'>>'", [InfixOperator]);
export const Less = token('Less', "'<'", [InfixOperator]);
export const Greater = token('Greater', "'>'", [InfixOperator]);
export const LessEqual = token('LessEqual', "'<='", [InfixOperator]);
export const GreaterEqual = token('GreaterEqual', "'>='", [InfixOperator]);
export const EqualEqual = token('EqualEqual', "'=='", [InfixOperator]);
export const NotEqual = token('NotEqual', "'!='", [InfixOperator]);

export const PlusAssign = token('PlusAssign', "'+='", [AugmentedAssign]);
export const MinusAssign = token('MinusAssign', "'-='", [AugmentedAssign]);
export const StarAssign = token('StarAssign', "'*='", [AugmentedAssign]);
export const SlashAssign = token('SlashAssign', "'/='", [AugmentedAssign]);
export const DoubleSlashAssign = token('DoubleSlashAssign', "'//='", [AugmentedAssign]);
export const PercentAssign = token('PercentAssign', "'%='", [AugmentedAssign]);
export const AtAssign = token('AtAssign', "'@='", [AugmentedAssign]);
export const AmpersandAssign = token('AmpersandAssign', "'&='", [AugmentedAssign]);
export const PipeAssign = token('PipeAssign', "'|='", [AugmentedAssign]);
export const CaretAssign = token('CaretAssign', "'^='", [AugmentedAssign]);
export const LeftShiftAssign = token('LeftShiftAssign', "'<<='", [AugmentedAssign]);
export const RightShiftAssign = token('RightShiftAssign', "'>>='", [AugmentedAssign]);
export const DoubleStarAssign = token('DoubleStarAssign', "'**='", [AugmentedAssign]);

/** Every token type, categories first (chevrotain wants the whole vocabulary up front). */
export const allTokenTypes: TokenType[] = [
  InfixOperator,
  AugmentedAssign,
  SimpleKeyword,
  CompoundKeyword,
  ClauseKeyword,
  Newline,
  Indent,
  Dedent,
  Name,
  NumberToken,
  StringToken,
  FStringStart,
  FStringMiddle,
  FStringEnd,
  FExprStart,
  FExprEnd,
  FConversion,
  FSpecStart,
  FDebug,
  BareText,
  Invalid,
  ...KEYWORDS.values(),
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Semicolon,
  Dot,
  Ellipsis,
  Arrow,
  Assign,
  Walrus,
  Plus,
  Minus,
  Star,
  DoubleStar,
  Slash,
  DoubleSlash,
  Percent,
  At,
  Ampersand,
  Pipe,
  Caret,
  Tilde,
  LeftShift,
  RightShift,
  Less,
  Greater,
  LessEqual,
  GreaterEqual,
  EqualEqual,
  NotEqual,
  PlusAssign,
  MinusAssign,
  StarAssign,
  SlashAssign,
  DoubleSlashAssign,
  PercentAssign,
  AtAssign,
  AmpersandAssign,
  PipeAssign,
  CaretAssign,
  LeftShiftAssign,
  RightShiftAssign,
  DoubleStarAssign,
];

// ─── Payloads ──────────────────────────────────────────────────────────────

/** What a token carries beyond its image (decoded values, spelled-out flags). */
export type TokenPayload =
  | { readonly kind: 'string'; readonly value: string; readonly quote: QuoteStyle; readonly raw: boolean }
  | { readonly kind: 'bytes'; readonly value: Uint8Array; readonly quote: QuoteStyle }
  | { readonly kind: 'fstringStart'; readonly quote: QuoteStyle; readonly raw: boolean }
  | { readonly kind: 'text'; readonly value: string }
  /** On FStringEnd: the line its f-string opened on (for messages about strings that swallowed code). */
  | { readonly kind: 'end'; readonly startLine: number }
  | { readonly kind: 'number'; readonly isFloat: boolean; readonly value: bigint | number }
  | { readonly kind: 'name'; readonly name: string; readonly hyphenated: boolean; readonly spaced?: boolean };

/** The lexer's token: a chevrotain `IToken` with a typed payload. */
export interface Token extends IToken {
  readonly payload: TokenPayload | undefined;
  /** Line of the last character (for zero-width tokens: the line they sit on). */
  endLine: number;
  /** Column of the last character, 1-based, inclusive (chevrotain's convention); `startColumn - 1` when zero-width. */
  endColumn: number;
  startLine: number;
  startColumn: number;
  /** Offset of the last character, inclusive (chevrotain's convention); `startOffset - 1` when zero-width. */
  endOffset: number;
  /** Position in the token list. */
  readonly index: number;
  /** Cached source positions of the token's start and (exclusive) end, filled by the parser. */
  startPosition: SourcePosition | undefined;
  endPosition: SourcePosition | undefined;
}
