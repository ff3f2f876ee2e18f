import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../../src/parser/index.js';
import type { QuoteStyle } from '../../../src/syntax/ast.js';
import { escapeBody, printStringLiteral } from '../../../src/syntax/printer/strings.js';

/**
 * String bodies: whatever the text (quotes, backslashes, line breaks, braces,
 * control characters, lone surrogates, long runs of plain text), the literal
 * the printer writes reads back as exactly that text, in every quote style,
 * as a string and as an f-string's literal text. `escapeBody` returns text
 * without special characters as it is (one scan), and copies runs otherwise.
 */
const STYLES: readonly QuoteStyle[] = ["'", '"', "'''", '"""'];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('a', "'", '"', '\\', '\n', '\r', '{', '}', '\u0001', '\ud800', '😀', 'plain text '), { maxLength: 30 }).map((parts) => parts.join('')),
);

function valueOf(code: string): unknown {
  const { module, diagnostics } = parseModule(code);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const statement = module.body[0];
  return statement?.kind === 'assign' ? statement.value : undefined;
}

describe('string bodies', () => {
  it('property: a printed string literal reads back as its text, in every style', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...STYLES), (value, style) => {
        expect(valueOf(`x = ${printStringLiteral(value, style, false)}\n`)).toMatchObject({ kind: 'string', value });
      }),
      { numRuns: 400 },
    );
  });

  it("property: an f-string's escaped literal text reads back as that text", () => {
    fc.assert(
      fc.property(text.filter((v) => v !== ''), fc.constantFrom(...STYLES), (value, style) => {
        const read = valueOf(`x = f${style}${escapeBody(value, style, true)}${style}\n`) as { kind: string; value?: string; parts?: readonly unknown[] };
        const literal = read.kind === 'string' ? read.value : read.parts?.join('');
        expect(literal).toBe(value);
      }),
      { numRuns: 400 },
    );
  });

  it('text without special characters comes back as the same string; one special character is escaped in place', () => {
    const long = 'iVBORw0KGgoAAAANSUhEUgAA'.repeat(10_000);
    expect(escapeBody(long, "'''", false)).toBe(long);
    expect(escapeBody(`${long}\\${long}`, "'''", false)).toBe(`${long}\\\\${long}`);
    expect(escapeBody('a{b}', "'", true)).toBe('a{{b}}');
  });
});
