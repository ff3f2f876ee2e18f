/**
 * Byte-level mutations of source text for fuzz tests: insertions of the
 * characters that matter to the lexer (quotes, brackets, backslashes, line
 * breaks, tabs, NUL, full-width and invalid characters, lone surrogates),
 * deletions, and byte replacements.
 */
import fc from 'fast-check';

const MUTATION_CHARS = [
  "'",
  '"',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  ',',
  '=',
  '\\',
  '\n',
  '\r',
  '\t',
  ' ',
  '#',
  '\0',
  'f',
  '-',
  '¥',
  '（',
  '\u00a0',
  '😀',
  '\ud800',
  "'''",
  "f'{",
  '    ',
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...MUTATION_CHARS), fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
);

export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; byte: number };

/** Applies the mutations in order; positions wrap around the current length. */
export function mutate(seed: string, mutations: readonly Mutation[]): string {
  let text = seed;
  for (const m of mutations) {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
    else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
    else text = text.slice(0, at) + String.fromCharCode(m.byte) + text.slice(at + 1);
  }
  return text;
}
