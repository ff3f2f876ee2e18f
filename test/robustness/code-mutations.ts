/**
 * Mutations of code text for the robustness fuzz test, by kind: character
 * edits (the lexer's interesting characters, from test/arbitraries), whole
 * lines deleted, duplicated or re-indented, truncation, splicing two
 * programs, and numbers set to extremes (counts, indexes, huge literals).
 */
import fc from 'fast-check';
import { mutate, mutation } from '../arbitraries/mutations.js';

export const CODE_MUTATION_KINDS = ['chars', 'lines', 'indent', 'truncate', 'splice', 'extreme'] as const;
export type CodeMutationKind = (typeof CODE_MUTATION_KINDS)[number];

type LineEdit = { readonly op: 'delete' | 'duplicate' | 'swap'; readonly line: number; readonly other: number };

export type CodeMutation =
  | { readonly kind: 'chars'; readonly edits: Parameters<typeof mutate>[1] }
  | { readonly kind: 'lines'; readonly edits: readonly LineEdit[] }
  | { readonly kind: 'indent'; readonly line: number; readonly indent: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'splice'; readonly at: number; readonly other: number; readonly from: number }
  | { readonly kind: 'extreme'; readonly number: number; readonly value: string };

const EXTREME_NUMBERS = ['0', '-1', '18446744073709551616', '9223372036854775807', '-9223372036854775809', '1e309', '10**400', '0x' + 'f'.repeat(40), '1_000_000_000_000', 'nan'];

const byKind: { readonly [K in CodeMutationKind]: fc.Arbitrary<CodeMutation> } = {
  chars: fc.record({ kind: fc.constant('chars' as const), edits: fc.array(mutation, { minLength: 1, maxLength: 6 }) }),
  lines: fc.record({
    kind: fc.constant('lines' as const),
    edits: fc.array(fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), line: fc.nat(), other: fc.nat() }), { minLength: 1, maxLength: 4 }),
  }),
  indent: fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), indent: fc.constantFrom('', ' ', '\t', '        ', '   \t', ' '.repeat(400)) }),
  truncate: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  splice: fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), other: fc.nat(), from: fc.nat() }),
  extreme: fc.record({ kind: fc.constant('extreme' as const), number: fc.nat(), value: fc.constantFrom(...EXTREME_NUMBERS) }),
};

export const codeMutation: fc.Arbitrary<{ kind: CodeMutationKind; mutation: CodeMutation }> = fc
  .constantFrom(...CODE_MUTATION_KINDS)
  .chain((kind) => byKind[kind].map((m) => ({ kind, mutation: m })));

const wrap = (n: number, length: number): number => (length === 0 ? 0 : n % length);

export function applyCodeMutation(code: string, m: CodeMutation, others: readonly string[]): string {
  switch (m.kind) {
    case 'chars':
      return mutate(code, m.edits);
    case 'lines': {
      const lines = code.split('\n');
      for (const e of m.edits) {
        const i = wrap(e.line, lines.length);
        const j = wrap(e.other, lines.length);
        if (e.op === 'delete') lines.splice(i, 1);
        else if (e.op === 'duplicate') lines.splice(j, 0, lines[i] ?? '');
        else [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      }
      return lines.join('\n');
    }
    case 'indent': {
      const lines = code.split('\n');
      const i = wrap(m.line, lines.length);
      lines[i] = m.indent + (lines[i] ?? '').trimStart();
      return lines.join('\n');
    }
    case 'truncate':
      return code.slice(0, wrap(m.at, code.length + 1));
    case 'splice': {
      const other = others.length === 0 ? code : others[wrap(m.other, others.length)]!;
      return code.slice(0, wrap(m.at, code.length + 1)) + other.slice(wrap(m.from, other.length + 1));
    }
    case 'extreme': {
      const numbers = [...code.matchAll(/(?<![A-Za-z_0-9.])[0-9]+(?:\.[0-9]+)?/g)];
      if (numbers.length === 0) return code;
      const hit = numbers[wrap(m.number, numbers.length)]!;
      return code.slice(0, hit.index) + m.value + code.slice(hit.index + hit[0].length);
    }
  }
}
