/**
 * Python 3's (hard) keywords: the words the printer never writes as a name,
 * the lexer reads as keywords, and the dialect's leniencies reason about.
 */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/**
 * The keywords without a role inside an expression (`if`, `for`, `in`, `not`,
 * `lambda`, `and`, `or`, `is`, `else`, `as` and the constants have one): where
 * no statement can start, such a word can only be a name.
 */
export const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set(
  [...PYTHON_KEYWORDS].filter((word) => !['False', 'None', 'True', 'and', 'as', 'else', 'for', 'if', 'in', 'is', 'lambda', 'not', 'or'].includes(word)),
);
