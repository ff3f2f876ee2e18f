import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * SC4xxx: code syntax (lexer and parser). SC40xx are lexical, SC41xx
 * grammatical, SC419x limits and bookkeeping. Warnings are lenient readings of
 * model output (the message says how the text was read); errors have no
 * sensible reading. The codes are stable: never renumber, only add.
 */
export const syntaxDiagnostics = defineDiagnostics({
  unterminatedString: { code: 'SC4001', severity: 'error', title: 'string literal not closed on its line' },
  unterminatedTripleString: { code: 'SC4002', severity: 'error', title: 'triple-quoted string never closed' },
  unterminatedFString: { code: 'SC4003', severity: 'error', title: 'f-string not closed' },
  fstringMissingBrace: { code: 'SC4004', severity: 'error', title: "f-string interpolation missing its '}'" },
  fstringSingleBrace: { code: 'SC4005', severity: 'warning', title: "single '}' in an f-string read as text" },
  fstringEmptyBraces: { code: 'SC4006', severity: 'warning', title: "empty '{}' in an f-string read as text" },
  fstringEscapedQuote: {
    code: 'SC4007',
    severity: 'warning',
    title: 'backslash-escaped quote inside an f-string interpolation read as a quote',
  },
  fstringInvalid: { code: 'SC4009', severity: 'error', title: 'invalid f-string interpolation' },
  invalidEscape: { code: 'SC4010', severity: 'error', title: 'invalid escape sequence in a string' },
  invalidCharacter: { code: 'SC4011', severity: 'error', title: 'character that cannot appear outside a string' },
  fullWidthPunctuation: { code: 'SC4012', severity: 'warning', title: 'full-width punctuation outside a string read as ASCII' },
  unusualSpace: { code: 'SC4013', severity: 'warning', title: 'non-ASCII space outside a string read as a space' },
  nulByte: { code: 'SC4014', severity: 'warning', title: 'NUL byte in the source' },
  invalidNumber: { code: 'SC4015', severity: 'error', title: 'malformed number literal' },
  imaginaryNumber: { code: 'SC4016', severity: 'error', title: 'imaginary numbers are not part of the dialect' },
  strayBackslash: { code: 'SC4017', severity: 'error', title: 'backslash outside a string not followed by a line break' },
  inconsistentTabs: { code: 'SC4018', severity: 'warning', title: 'indentation mixes tabs and spaces inconsistently' },
  badDedent: { code: 'SC4019', severity: 'error', title: 'unindent does not match any outer indentation level' },
  unmatchedBracket: { code: 'SC4020', severity: 'error', title: 'closing bracket without an opening one' },
  unclosedBracket: { code: 'SC4021', severity: 'error', title: 'opening bracket never closed' },
  bytesNonAscii: { code: 'SC4022', severity: 'error', title: 'bytes literal with a non-ASCII character' },
  hyphenatedName: { code: 'SC4023', severity: 'warning', title: 'hyphenated call name read as one name' },
  keywordNotIdentifier: { code: 'SC4024', severity: 'warning', title: 'keyword argument name that is not a Python identifier' },
  bareText: { code: 'SC4025', severity: 'warning', title: 'unquoted text (in a list, dictionary or keyword argument) read as a string' },
  spacedProperty: { code: 'SC4026', severity: 'warning', title: 'property name with spaces after a dot read as one name' },
  fstringLiteralBrace: { code: 'SC4027', severity: 'warning', title: "'{' in an f-string that starts no readable interpolation read as text" },
  cutReference: { code: 'SC4028', severity: 'error', title: "variable reference by UUID cut short in an f-string (WorkflowLLM's 384-character limit)" },
  quotesInAnnotation: {
    code: 'SC4029',
    severity: 'warning',
    title: "closing quotes inside a '#' annotation line of a multi-line string read as text",
  },
  numberTarget: { code: 'SC4030', severity: 'warning', title: 'a number as an assignment target read as a variable name' },
  keywordName: { code: 'SC4031', severity: 'warning', title: 'a statement keyword the file assigns (`break = …`) read as that variable' },

  syntaxError: { code: 'SC4101', severity: 'error', title: 'syntax error' },
  emptyBlock: { code: 'SC4103', severity: 'warning', title: "block with no statements read as 'pass'" },
  unexpectedIndent: { code: 'SC4104', severity: 'error', title: 'unexpected indentation' },
  strayClause: { code: 'SC4105', severity: 'error', title: "'else', 'elif', 'case', 'except' or 'finally' without its statement" },
  invalidTarget: { code: 'SC4106', severity: 'error', title: 'cannot assign to this expression' },
  notInDialect: { code: 'SC4107', severity: 'error', title: 'Python construct the dialect has no syntax tree node for' },
  positionalAfterKeyword: { code: 'SC4108', severity: 'warning', title: 'positional argument after keyword arguments' },
  invalidPattern: { code: 'SC4109', severity: 'error', title: 'invalid case pattern' },
  mixedBytes: { code: 'SC4110', severity: 'error', title: 'bytes and text literals concatenated' },

  tooDeep: { code: 'SC4190', severity: 'error', title: 'nesting deeper than the parser allows' },
  tooLarge: { code: 'SC4191', severity: 'error', title: 'input larger than the parser allows' },
  tooManyProblems: { code: 'SC4192', severity: 'info', title: 'further problems not reported' },
  internalError: { code: 'SC4199', severity: 'error', title: 'internal parser error (a bug: please report it)' },
});

export type SyntaxDiagnosticName = keyof typeof syntaxDiagnostics;
