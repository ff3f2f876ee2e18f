import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../../src/parser/index.js';
import { python3Version } from '../../support/python-ast.js';
import { ourStrings, pythonStrings } from '../../support/python-strings.js';

/**
 * Valid Python is never read differently: programs assembled at random from
 * the pieces the lenient readings look at (multi-line strings and what
 * follows their closing quotes, `#` lines inside strings, braces and `#` in
 * f-strings, keyword values starting with quotes or brackets, words with
 * keywords in lists, digit-started words) are given to CPython; every one it
 * accepts must parse here without a diagnostic (other than SC4107, valid
 * Python the dialect has no node for) and with the same string literals.
 */

const text = fc.constantFrom('a', 'b c', '\n', '\n# Adds b.\n', '#', '{', '}', '{{', '}}', "\\'", '"', 'x=1', ' ');
const follower = fc.constantFrom(
  '',
  ' + c',
  ' b',
  ', d',
  ' if c else d',
  ' in c',
  ' not in c',
  '.strip()',
  '[0]',
  " 'e'",
  ' {',
  ' 1',
  ' as c',
  ' is not None',
  ' == x',
  ':',
  ' # note',
  " b'x'",
  " == f'''{'.'}''' == x",
  " + '''x''' + \"y\"",
  ' + f"{a}\\"b"',
  " == ('''a''', b)",
);
const quote = fc.constantFrom("'''", '"""', "'", '"');
const prefix = fc.constantFrom('', 'f', 'r', 'b');

const stringLine = fc
  .tuple(prefix, quote, fc.array(text, { maxLength: 6 }), follower)
  .map(([p, q, parts, after]) => `x = ${p}${q}${parts.join('')}${q}${after}`);
const interpolation = fc.constantFrom('{a}', '{a!r}', '{a:>5}', '{ {1} }', '{a[0]}', '{\n', '{#}', '{12345678-x}', '{"k": 1}', '{{b}}');
const fstringLine = fc
  .tuple(fc.constantFrom("'''", "'"), fc.array(fc.oneof(text, interpolation), { maxLength: 5 }))
  .map(([q, parts]) => `y = f${q}${parts.join('')}${q}`);
const value = fc.constantFrom('"a"', '"', '{', '[', '[1, 2]', '{"a": 1}', '"k":"v"', "'x'", '"a" "b"', '{1}');
const callLine = fc.tuple(value, value).map(([a, b]) => `z = f(A=${a}, B=${b})`);
const listLine = fc
  .array(fc.constantFrom('a', 'not', 'in', 'b', 'for', 'if', 'else', 'c', ',', '1n', '#', 'say'), { minLength: 1, maxLength: 6 })
  .map((words) => `w = [${words.join(' ')}]`);
const digitLine = fc.constantFrom('1 = v', '1n = v', 'u = f(text=1n)', 'u = f(WFInput=1)');
const conditionLine = fc.tuple(fc.constantFrom('{', '[', '"a"', 'x'), fc.constantFrom(' in ', ' == ')).map(([a, op]) => `if ${a}${op}y:\n    pass`);

const program = fc
  .array(fc.oneof(stringLine, fstringLine, callLine, listLine, digitLine, conditionLine), { minLength: 1, maxLength: 4 })
  .map((lines) => `${lines.join('\n')}\n`);

describe.skipIf(python3Version() === undefined)('leniency never changes how valid Python reads', () => {
  it('every random program CPython accepts parses without diagnostics and with the same strings', () => {
    const programs = fc.sample(program, { numRuns: 1500, seed: 20240601 });
    const python = pythonStrings(programs);
    expect(python).toBeDefined();
    let valid = 0;
    programs.forEach((src, i) => {
      const read = python![i]!;
      if (!read.ok) return;
      valid++;
      const codes = parseModule(src).diagnostics.map((d) => d.code);
      expect(
        codes.filter((c) => c !== 'SC4107'),
        src,
      ).toEqual([]);
      if (!codes.includes('SC4107')) expect(ourStrings(src), src).toEqual(read.strings);
    });
    // The sample holds enough valid programs for the property to mean something.
    expect(valid).toBeGreaterThan(200);
  });
});
