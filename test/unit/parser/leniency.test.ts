import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { Expression, Statement } from '../../../src/syntax/ast.js';
import { python3Version } from '../../support/python-ast.js';
import { ourStrings, pythonStrings } from '../../support/python-strings.js';
import { parse, where } from './helpers.js';

/**
 * The lenient readings of model code that follow from how WorkflowLLM's
 * converter and annotator wrote it (grammars/syntax.md §4, items 10–16), each
 * with the boundary where it stops, and for each a valid-Python input that
 * looks like it and must read exactly as CPython reads it.
 */

const codesOf = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);

function keywordValue(src: string, name: string): Expression | undefined {
  const { body } = parse(src);
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object') {
      const node = value as { kind?: string; name?: string; value?: Expression };
      if (node.kind === 'keyword' && node.name === name) return node.value;
      stack.push(...Object.values(value));
    }
  }
  return undefined;
}

const hasPython = python3Version() !== undefined;

/**
 * Each program is valid Python: CPython accepts it, this parser reports
 * nothing about it, and both read the same string literals.
 */
function expectReadAsPython(programs: readonly string[]): void {
  for (const src of programs) {
    // SC4107 is valid Python the dialect has no node for (`a if b else c`, comprehensions): not a reading.
    expect(
      parse(src)
        .diagnostics.filter((d) => d.code !== 'SC4107')
        .map((d) => `${d.code} ${where(d)} ${d.message}`),
      src,
    ).toEqual([]);
  }
  if (!hasPython) return;
  const python = pythonStrings(programs)!;
  programs.forEach((src, i) => {
    const read = python[i]!;
    expect(read.ok, `CPython rejects the look-alike ${JSON.stringify(src)}`).toBe(true);
    if (read.ok) expect(ourStrings(src), src).toEqual(read.strings);
  });
}

describe('leniency: text WorkflowLLM wrote unquoted as a keyword value', () => {
  it('reads a value that starts with a quote and does not lex up to the next `, Name=`', () => {
    const src = "s = f( Show-text=True, WFTextCustomSeparator=\", CustomOutputName='''Split''', WFTextSeparator='''Custom''', text=x)\n";
    expect(keywordValue(src, 'WFTextCustomSeparator')).toEqual({ kind: 'bareText', text: '"' });
    expect(keywordValue(src, 'CustomOutputName')).toMatchObject({ kind: 'string', value: 'Split' });
    const { diagnostics } = parse(src);
    expect(codesOf(diagnostics)).toEqual(['SC4024', 'SC4025']);
    expect(where(diagnostics[1]!)).toBe('1:46');
  });

  it('reads HTML with quotes inside, up to the next parameter', () => {
    const src = "s = f( WFTextCustomSeparator=\" style=\"display:none;\" />, WFTextSeparator='''Custom''', text=x)\n";
    expect(keywordValue(src, 'WFTextCustomSeparator')).toEqual({ kind: 'bareText', text: '" style="display:none;" />' });
    expect(keywordValue(src, 'text')).toMatchObject({ kind: 'name', name: 'x' });
  });

  it('reads values that lex but do not form one value followed by `,` or `)`', () => {
    const src = "m = f( WFMatchTextPattern=\"os_version\":\"(.*?)\", text=f'''{text}''')\n";
    expect(keywordValue(src, 'WFMatchTextPattern')).toEqual({ kind: 'bareText', text: '"os_version":"(.*?)"' });
    expect(codesOf(parse(src).diagnostics)).toEqual(['SC4025']);
  });

  it('reads a lone bracket, before another parameter or before the closing `)` at the end of the line', () => {
    expect(keywordValue('r = f( WFReplaceTextFind={, WFInput=x)\n', 'WFReplaceTextFind')).toEqual({ kind: 'bareText', text: '{' });
    expect(keywordValue('r = f( WFInput=x, WFReplaceTextFind={)\n', 'WFReplaceTextFind')).toEqual({ kind: 'bareText', text: '{' });
    expect(keywordValue('r = f( WFInput=x, WFReplaceTextFind=[)\n', 'WFReplaceTextFind')).toEqual({ kind: 'bareText', text: '[' });
  });

  it('stops where the converter cannot have written it: values that do not start with a quote or bracket, and lines without an end', () => {
    expect(codesOf(parse('r = f( A=a b, C=1)\n').diagnostics)).toContain('SC4101');
    expect(codesOf(parse('r = f( A=", B\n').diagnostics)).toContain('SC4001');
    // `'''…'''` is how the converter quoted every other text: what follows it is a real problem.
    expect(codesOf(parse("r = f( A='''a''' +)\n").diagnostics)).toContain('SC4101');
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython([
      "r = f(A=\"a\", B='b, C=1', D=[1, 2], E={'x': 1})\n",
      "r = f(A='{', B=\"[\")\n",
      'r = f(A=[x, y], B={1, 2})\n',
      "r = f(A='x' 'y', B=1)\n",
    ]);
  });
});

describe('leniency: condition operands WorkflowLLM wrote unquoted', () => {
  it('reads `if { in x:` and `if x == [:`', () => {
    const { body, diagnostics } = parse('if { in x:\n    pass\nif x == [:\n    pass\ny = 1\n');
    expect(body[0]).toMatchObject({ kind: 'if', test: { kind: 'compare', left: { kind: 'bareText', text: '{' }, operators: ['in'] } });
    expect(body[1]).toMatchObject({ kind: 'if', test: { kind: 'compare', comparators: [{ kind: 'bareText', text: '[' }] } });
    expect(body[2]).toMatchObject({ kind: 'assign' });
    expect(codesOf(diagnostics)).toEqual(['SC4025', 'SC4025']);
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython(["if {'a': 1} in x:\n    pass\n", "if x == ['{',\n        ':']:\n    pass\n"]);
  });
});

describe('leniency: triple-quoted strings whose closing quotes were lost', () => {
  it('reports the string at its opening quotes and reads on from the statement after it', () => {
    const src = "x = '''abc\n# The rest was lost.\ny = f( A='''b''')\nz = 1\n";
    const { body, diagnostics } = parse(src);
    expect(codesOf(diagnostics)).toEqual(['SC4002']);
    expect(where(diagnostics[0]!)).toBe('1:5');
    expect(diagnostics[0]!.message).toContain('line 3');
    expect(diagnostics[0]!.suggestion).toContain('before line 3');
    expect(body.map((s) => s.kind)).toEqual(['assign', 'assign', 'assign']);
    expect((body[1] as Extract<Statement, { kind: 'assign' }>).targets[0]).toEqual({ kind: 'name', name: 'y' });
  });

  it('also for f-strings, and never resumes at a text line at column 0 inside a block', () => {
    const src = "if a:\n    t = f'''{x} added\ninput(\"Please enter the value: \")\n    y = f( A='''b''')\n";
    const { body, diagnostics } = parse(src);
    expect(codesOf(diagnostics)).toEqual(['SC4002']);
    expect(where(diagnostics[0]!)).toBe('2:9');
    expect(body[0]).toMatchObject({ kind: 'if', body: [{ kind: 'assign' }, { kind: 'assign' }] });
  });

  it("reads quotes inside a '#' annotation line of the string as text", () => {
    const src = "c = '''afghanistan\n# Includes 'zimbabwe''' to the list.\nzimbabwe'''\nd = 1\n";
    const { body, diagnostics } = parse(src);
    expect(codesOf(diagnostics)).toEqual(['SC4029']);
    expect(where(diagnostics[0]!)).toBe('2:21');
    expect(body[0]).toMatchObject({ value: { kind: 'string', value: "afghanistan\n# Includes 'zimbabwe''' to the list.\nzimbabwe" } });
    expect(body).toHaveLength(2);
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython([
      "x = '''a\nb''' and c\n",
      "x = '''a\nb''' 'c' r'd'\n",
      "x = ('''a\nb''' in y)\n",
      "x = '''a\n# b''' + c\n",
      "x = '''a\nb'''.strip()\n",
      "x = ['''a\nb''', c]\n",
      "x = '''a\nb''' not in c\n",
      "x = f'''a\n{b}''' or c\n",
      "x = b'''a\nb''' b'c'\n",
      "match x:\n    case '''a\nb''':\n        pass\n",
    ]);
    // Valid Python the dialect has no node for: still no string is taken as runaway.
    for (const src of ["x = '''a\nb''' if c else d\n", "match x:\n    case '''a\nb''' as c:\n        pass\n", "with '''a\nb''' as c:\n    pass\n"]) {
      expect(codesOf(parse(src).diagnostics).filter((c) => c !== 'SC4107'), src).toEqual([]);
    }
  });
});

describe('leniency: braces in f-strings that start no readable interpolation', () => {
  it('reads them as text (JavaScript and JSON in text), keeping the real interpolations', () => {
    const src = "h = f'''function cmp (a, b) {\n# Splits a.\nlet pa = a.split(\\'.\\');\n}'''\n";
    const { body, diagnostics } = parse(src);
    expect(codesOf(diagnostics)).toEqual(['SC4027']);
    expect(where(diagnostics[0]!)).toBe('1:29');
    expect(body[0]).toMatchObject({ value: { kind: 'fstring', parts: ["function cmp (a, b) {\n# Splits a.\nlet pa = a.split('.');\n}"] } });
    const json = parse("j = f'''{\n# The first row.\n\"a\": \"{b}\"\n}'''\n");
    expect(json.body[0]).toMatchObject({
      value: { kind: 'fstring', parts: ['{\n# The first row.\n"a": "', { kind: 'interpolation', expression: { kind: 'name', name: 'b' } }, '"\n}'] },
    });
    expect(codesOf(json.diagnostics)).toEqual(['SC4027']);
  });

  it("reads a '{' with no '}' before the closing quote as text", () => {
    expect(parse("x = f'{a'\n").body[0]).toMatchObject({ value: { parts: ['{a'] } });
  });

  it('reports a variable reference by UUID cut short (an error, not text)', () => {
    const { diagnostics } = parse("v = f'''BEGIN\nPHOTO;ENCODING=b:{31C55FB0-927F-4661-9D42-A1C5F03Custom\nEND'''\n");
    expect(codesOf(diagnostics)).toEqual(['SC4028']);
    expect(where(diagnostics[0]!)).toBe('2:18');
    expect(diagnostics[0]!.suggestion).toContain('{31C55FB0-927F-4661-9D42-A1C5F03C');
    // A complete UUID in braces is text (a GUID written in the text), not a cut reference.
    expect(codesOf(parse("v = f'{31C55FB0-927F-4661-9D42-A1C5F03CABCD}'\n").diagnostics)).toEqual(['SC4027']);
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython([
      "x = f'{a!r} {{b}}'\n",
      "x = f'''{\na\n}'''\n",
      "x = f'{12345678-x}'\n",
      "x = f'{a:>{b}}'\n",
      "x = f'''{a}\n# {b}\n'''\n",
    ]);
  });
});

describe('leniency: escaped quotes inside f-string interpolations', () => {
  it("reads \\' and \\\\' as quotes", () => {
    const one = parse("d = f'''{format_date(value=v, date_format=\\'Custom\\')}'''\n");
    expect(codesOf(one.diagnostics)).toEqual(['SC4007']);
    const two = parse("d = f'''{format_date(value=v, date_format=\\\\'ISO 8601\\\\', iso_include_time=False)}'''\n");
    expect(codesOf(two.diagnostics)).toEqual(['SC4007']);
    expect(JSON.stringify(two.body)).toContain('"value":"ISO 8601"');
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython(["d = f'''{v}\\'s'''\n", "d = f'{v}\\\\'\n"]);
  });
});

describe('leniency: unquoted text with keywords in lists', () => {
  it('reads `rather not say`, `go for it` and `if possible` as text', () => {
    const { body, diagnostics } = parse('g = [male, female, rather not say, go for it, if possible]\n');
    expect(body[0]).toMatchObject({
      value: {
        kind: 'list',
        elements: [
          { kind: 'name', name: 'male' },
          { kind: 'name', name: 'female' },
          { kind: 'bareText', text: 'rather not say' },
          { kind: 'bareText', text: 'go for it' },
          { kind: 'bareText', text: 'if possible' },
        ],
      },
    });
    expect(codesOf(diagnostics)).toEqual(['SC4025', 'SC4025', 'SC4025']);
  });

  it('reads words in parentheses (`Clipboard (Music Video)`, `Size (2 px)`) as text', () => {
    const { body, diagnostics } = parse('g = {"a": Clipboard (Music Video), "b": [Size (2 px), f(x)]}\n');
    expect(body[0]).toMatchObject({
      value: { entries: [{ value: { kind: 'bareText', text: 'Clipboard (Music Video)' } }, { value: { elements: [{ kind: 'bareText', text: 'Size (2 px)' }, { kind: 'call' }] } }] },
    });
    expect(codesOf(diagnostics)).toEqual(['SC4025', 'SC4025']);
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython(['g = [a not in b, x is not y, not c]\n', "g = {'a': b not in c}\n", 'g = [f(a, b), h(x for x in y), k(a if b else c), (lambda q: q)]\n']);
  });
});

describe("leniency: '#' inside unquoted text of a list or dictionary", () => {
  it('reads a URL fragment as text when the brackets would otherwise stay open into the next statement', () => {
    const { body, diagnostics } = parse('x = {"a": https://x.com/page#part, "b": c}\ny = 1\n');
    expect(body[0]).toMatchObject({ value: { entries: [{ value: { kind: 'bareText', text: 'https://x.com/page#part' } }, {}] } });
    expect(body[1]).toMatchObject({ kind: 'assign' });
    expect(codesOf(diagnostics)).toEqual(['SC4025']);
  });

  it('reads a `#` that starts an element as text (colour codes, `##default##`) when the brackets would stay open', () => {
    const { body, diagnostics } = parse('x = f(c=[#fffdeb, #f43f32], g={"identifier": ##default##, "s": #})\nfor i in range(int(1)):\n    pass\n');
    expect(body[0]).toMatchObject({ value: { keywords: [{ value: { elements: [{ kind: 'bareText', text: '#fffdeb' }, { kind: 'bareText', text: '#f43f32' }] } }, { value: { entries: [{ value: { kind: 'bareText', text: '##default##' } }, { value: { kind: 'bareText', text: '#' } }] } }] } });
    expect(body[1]).toMatchObject({ kind: 'for' });
    expect(codesOf(diagnostics).every((c) => c === 'SC4025')).toBe(true);
    // The last line of the file: the end of the input closes nothing else.
    expect(parse('x = {"identifier": ##default##}\n').body[0]).toMatchObject({ value: { entries: [{ value: { kind: 'bareText', text: '##default##' } }] } });
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython(['x = [a#c\n  , b]\n', 'x = {"a": b#c\n}\ny = 1\n', 'x = [  # first\n  a,  # second\n  b]\nfor i in x:\n    pass\n', 'x = {"a": # note\n  1}\n']);
  });
});

describe('leniency: variable names that start with a digit', () => {
  it('reads `1 = x` as Set Variable "1"', () => {
    const { body, diagnostics } = parse('1 = product\n');
    expect(body[0]).toMatchObject({ kind: 'assign', targets: [{ kind: 'name', name: '1' }] });
    expect(codesOf(diagnostics)).toEqual(['SC4030']);
  });

  it('reads `1n` as a name where the file assigns it', () => {
    const { body, diagnostics } = parse('1n = segment\ns = f(text=1n)\n');
    expect(body[0]).toMatchObject({ targets: [{ kind: 'name', name: '1n' }] });
    expect(JSON.stringify(body[1])).toContain('"name":"1n"');
    expect(codesOf(diagnostics)).toEqual(['SC4030', 'SC4030']);
    // Not assigned anywhere: a malformed number, as before.
    expect(codesOf(parse('s = f(text=2n)\n').diagnostics)).toEqual(['SC4015']);
  });

  it('reads `3_4` (the variable "3/4", which Python would read as 34) as a name where the file assigns it', () => {
    const { body, diagnostics } = parse('3_4 = None\ns = f(text=3_4)\n');
    expect(body[0]).toMatchObject({ targets: [{ kind: 'name', name: '3_4' }] });
    expect(JSON.stringify(body[1])).toContain('"name":"3_4"');
    expect(codesOf(diagnostics)).toEqual(['SC4030', 'SC4030']);
    // Not assigned anywhere: the number 34, as Python reads it.
    expect(parse('s = f(text=3_4)\n').body[0]).toMatchObject({ value: { keywords: [{ value: { kind: 'number', value: 34n } }] } });
  });

  it('reads valid Python that looks alike exactly as Python does', () => {
    expectReadAsPython(["x = 1\ns = f(text=1, n='1n = 2')\n", 's = f(text=1_000)\nx = 2_5\n']);
  });

  it('reads a statement keyword the file assigns (`break = x`) as that variable where no statement can start', () => {
    const { body, diagnostics } = parse("break = x\nf(Text=break, Other=[from])\ny = f'''{break}'''\nif break:\n    pass\nelse: pass\nfrom = y\n");
    expect(body[0]).toMatchObject({ kind: 'assign', targets: [{ kind: 'name', name: 'break' }] });
    expect(JSON.stringify(body[1])).toContain('"name":"break"');
    expect(JSON.stringify(body[1])).toContain('"name":"from"');
    expect(JSON.stringify(body[2])).toContain('"name":"break"');
    expect(body[3]).toMatchObject({ kind: 'if', test: { kind: 'name', name: 'break' } });
    // `pass` is not assigned: the statement, also after `else:`.
    expect(JSON.stringify(body[3])).toContain('"kind":"pass"');
    expect(codesOf(diagnostics)).toEqual(['SC4031', 'SC4031', 'SC4031', 'SC4031', 'SC4031', 'SC4031']);
  });

  it('keeps keywords as keywords where the file does not assign them, where a statement starts, and for keywords with a role in expressions', () => {
    // `pass = 1` is assigned, yet a line's own `pass` (and one after `else:`) is still the statement.
    const { body, diagnostics } = parse('pass = 1\nif x:\n    pass\nelse: pass\n');
    expect(JSON.stringify(body[1])).toContain('"kind":"pass"');
    expect(JSON.stringify(body[1])).not.toContain('"name":"pass"');
    expect(codesOf(diagnostics)).toEqual(['SC4031']);
    expect(codesOf(parse('f(Text=break)\n').diagnostics)).toContain('SC4101');
    expect(codesOf(parse('in = 1\n').diagnostics)).toContain('SC4101');
  });
});
