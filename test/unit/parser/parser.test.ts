import { describe, expect, it } from 'vitest';
import { parseModule } from '../../../src/parser/index.js';
import type { Expression, Statement } from '../../../src/syntax/ast.js';
import { errorCodes, expr, int, name, parse, str, where } from './helpers.js';

const only = (src: string): Statement => {
  const { body, diagnostics } = parse(src);
  expect(errorCodes(diagnostics)).toEqual([]);
  expect(body).toHaveLength(1);
  return body[0] as Statement;
};

describe('parser: statements', () => {
  it('reads assignments: plain, chained, annotated, augmented, unpacking', () => {
    expect(only('x = 1')).toEqual({ kind: 'assign', targets: [name('x')], value: int('1') });
    expect(only('a = b = 2')).toEqual({ kind: 'assign', targets: [name('a'), name('b')], value: int('2') });
    expect(only("r: 'Contents of URL' = f()")).toEqual({
      kind: 'assign',
      targets: [name('r')],
      annotation: str('Contents of URL'),
      value: { kind: 'call', callee: name('f'), args: [], keywords: [] },
    });
    expect(only('X += y')).toEqual({ kind: 'augAssign', target: name('X'), operator: '+', value: name('y') });
    expect(only('a.b, c[0] = 1, 2')).toMatchObject({
      kind: 'assign',
      targets: [{ kind: 'tuple', parenthesized: false, elements: [{ kind: 'attribute' }, { kind: 'subscript' }] }],
      value: { kind: 'tuple', parenthesized: false },
    });
  });

  it('reads expression statements and several statements on a line', () => {
    const { body } = parse('f(); g()\n');
    expect(body.map((s) => s.kind)).toEqual(['expression', 'expression']);
  });

  it('reads if / elif / else', () => {
    expect(only('if a == 1:\n    pass\nelif b:\n    x = 1\nelse:\n    pass\n')).toEqual({
      kind: 'if',
      test: { kind: 'compare', left: name('a'), operators: ['=='], comparators: [int('1')] },
      body: [{ kind: 'pass' }],
      elifs: [{ test: name('b'), body: [{ kind: 'assign', targets: [name('x')], value: int('1') }] }],
      orelse: [{ kind: 'pass' }],
    });
  });

  it('reads a body on the same line as its header', () => {
    expect(only('if a: x = 1; y = 2')).toMatchObject({ kind: 'if', body: [{ kind: 'assign' }, { kind: 'assign' }] });
  });

  it('reads match / case with strings, f-strings, _ and guards', () => {
    const s = only(
      "match input(prompt='Pick'):\n    case 'A':\n        pass\n    case f'{x}':\n        pass\n    case _ if y:\n        pass\n",
    );
    expect(s).toMatchObject({
      kind: 'match',
      subject: { kind: 'call', callee: name('input'), keywords: [{ name: 'prompt', value: str('Pick') }] },
      cases: [
        { kind: 'case', pattern: str('A'), body: [{ kind: 'pass' }] },
        { kind: 'case', pattern: { kind: 'fstring' } },
        { kind: 'case', pattern: name('_'), guard: name('y') },
      ],
    });
  });

  it('keeps match and case usable as names', () => {
    expect(only('match = 1')).toMatchObject({ kind: 'assign', targets: [name('match')] });
    expect(only('match(x)')).toMatchObject({ kind: 'expression', expression: { kind: 'call', callee: name('match') } });
    expect(only('case.x = 1')).toMatchObject({ kind: 'assign' });
  });

  it('reads for loops over enumerate and range, with tuple targets', () => {
    expect(only('for Repeat_Index, Repeat_Item in enumerate(x, start=1):\n    pass\n')).toEqual({
      kind: 'for',
      target: { kind: 'tuple', elements: [name('Repeat_Index'), name('Repeat_Item')], parenthesized: false },
      iterable: {
        kind: 'call',
        callee: name('enumerate'),
        args: [name('x')],
        keywords: [{ kind: 'keyword', name: 'start', value: int('1') }],
      },
      body: [{ kind: 'pass' }],
    });
    expect(only('for i in range(int(n)):\n    pass\nelse:\n    pass\n')).toMatchObject({ kind: 'for', orelse: [{ kind: 'pass' }] });
  });

  it('reads while loops (the binder rejects them)', () => {
    expect(only('while x:\n    pass\nelse:\n    pass\n')).toEqual({
      kind: 'while',
      test: name('x'),
      body: [{ kind: 'pass' }],
      orelse: [{ kind: 'pass' }],
    });
  });

  it('reads statements the dialect has no meaning for as unsupported, keeping their bodies', () => {
    expect(only('def f(x):\n    y = 1\n')).toEqual({
      kind: 'unsupported',
      keyword: 'def',
      header: 'def f(x):',
      body: [{ kind: 'assign', targets: [name('y')], value: int('1') }],
    });
    expect(only('import os')).toEqual({ kind: 'unsupported', keyword: 'import', header: 'import os', body: [] });
    expect(only('try:\n    a\nexcept E as e:\n    b\nfinally:\n    c\n')).toMatchObject({
      kind: 'unsupported',
      keyword: 'try',
      body: [{}, {}, {}],
    });
    const { body } = parse('@dec\nclass A(B):\n    pass\nreturn 1\nbreak\n');
    expect(body.map((s) => (s.kind === 'unsupported' ? s.keyword : s.kind))).toEqual(['@', 'class', 'return', 'break']);
  });

  it('attaches comment lines to the statement below them', () => {
    const { body } = parse('# one\n# two\nx = 1  # trailing\n\n# three\nif x:\n    # four\n    pass\n');
    expect(body[0]?.leadingComments).toEqual([' one', ' two']);
    expect(body[1]?.leadingComments).toEqual([' three']);
    expect((body[1] as Extract<Statement, { kind: 'if' }>).body[0]?.leadingComments).toEqual([' four']);
    expect(parseModule('x = 1  # trailing\n# end\n').module.comments.map((c) => c.text)).toEqual([' trailing', ' end']);
  });
});

describe('parser: expressions', () => {
  it('applies Python precedence', () => {
    expect(expr('a or b and not c == d')).toEqual({
      kind: 'boolOp',
      operator: 'or',
      values: [
        name('a'),
        {
          kind: 'boolOp',
          operator: 'and',
          values: [
            name('b'),
            { kind: 'unary', operator: 'not', operand: { kind: 'compare', left: name('c'), operators: ['=='], comparators: [name('d')] } },
          ],
        },
      ],
    });
    expect(expr('1 + 2 * 3 - 4')).toEqual({
      kind: 'binary',
      operator: '-',
      left: { kind: 'binary', operator: '+', left: int('1'), right: { kind: 'binary', operator: '*', left: int('2'), right: int('3') } },
      right: int('4'),
    });
    expect(expr('-x ** 2')).toEqual({
      kind: 'unary',
      operator: '-',
      operand: { kind: 'binary', operator: '**', left: name('x'), right: int('2') },
    });
    expect(expr('a ** b ** c')).toMatchObject({ operator: '**', left: name('a'), right: { operator: '**' } });
    expect(expr('a | b ^ c & d << e')).toMatchObject({
      operator: '|',
      right: { operator: '^', right: { operator: '&', right: { operator: '<<' } } },
    });
  });

  it('chains comparisons and reads not in / is not', () => {
    expect(expr('lo <= a <= hi')).toEqual({
      kind: 'compare',
      left: name('lo'),
      operators: ['<=', '<='],
      comparators: [name('a'), name('hi')],
    });
    expect(expr('a not in b')).toMatchObject({ operators: ['not in'] });
    expect(expr('a is not None')).toMatchObject({ operators: ['is not'], comparators: [{ kind: 'none' }] });
    expect(expr('b in a')).toMatchObject({ operators: ['in'] });
  });

  it('reads calls, attributes and subscripts in any order', () => {
    expect(expr('x.Name')).toEqual({ kind: 'attribute', object: name('x'), name: 'Name' });
    expect(expr('x["key"]')).toEqual({ kind: 'subscript', object: name('x'), index: str('key', '"') });
    expect(expr('datetime.datetime.now()')).toMatchObject({ kind: 'call', callee: { kind: 'attribute', name: 'now' } });
    expect(expr('f(1, *a, k=2, **d)')).toEqual({
      kind: 'call',
      callee: name('f'),
      args: [int('1'), { kind: 'starred', double: false, value: name('a') }, { kind: 'starred', double: true, value: name('d') }],
      keywords: [{ kind: 'keyword', name: 'k', value: int('2') }],
    });
  });

  it("reads **{'Show-text': True} as keywords (the canonical spelling of non-identifier names)", () => {
    expect(expr("f(a=1, **{'Show-text': True, 'x-y': 2})")).toMatchObject({
      args: [],
      keywords: [{ name: 'a' }, { name: 'Show-text', value: { kind: 'boolean', value: true } }, { name: 'x-y' }],
    });
  });

  it('reads literals: numbers, strings, concatenation, bytes, constants', () => {
    expect(expr('3.0')).toEqual({ kind: 'number', text: '3.0', isFloat: true, value: 3 });
    expect(expr("'a' 'b' \"c\"")).toEqual({ kind: 'string', value: 'abc', quote: "'" });
    expect(expr("r'\\d'")).toEqual({ kind: 'string', value: '\\d', quote: "'", raw: true });
    expect(expr("b'ab' b'c'")).toEqual({ kind: 'bytes', value: new Uint8Array([97, 98, 99]), quote: "'" });
    expect([expr('True'), expr('False'), expr('None')]).toEqual([
      { kind: 'boolean', value: true },
      { kind: 'boolean', value: false },
      { kind: 'none' },
    ]);
  });

  it('reads f-strings with conversions, specs, nested f-strings and concatenation', () => {
    expect(expr("f'''a{x!r:>{w}}b''' 'c'")).toEqual({
      kind: 'fstring',
      quote: "'''",
      parts: [
        'a',
        {
          kind: 'interpolation',
          expression: name('x'),
          conversion: 'r',
          formatSpec: ['>', { kind: 'interpolation', expression: name('w') }],
        },
        'bc',
      ],
    });
    expect(expr("f'{x=}'")).toEqual({
      kind: 'fstring',
      quote: "'",
      parts: ['x=', { kind: 'interpolation', expression: name('x'), conversion: 'r' }],
    });
    expect(expr("f'''{coerce_variable(value=v, coercion_class=\"WFDictionaryContentItem\")[\"k\"]}'''")).toMatchObject({
      parts: [{ kind: 'interpolation', expression: { kind: 'subscript', object: { kind: 'call' } } }],
    });
    expect(expr(`f"{f'{y}'}"`)).toMatchObject({ parts: [{ expression: { kind: 'fstring', parts: [{ expression: name('y') }] } }] });
  });

  it('reads lists, tuples, dictionaries and sets', () => {
    expect(expr('[1, [2], ()]')).toEqual({
      kind: 'list',
      elements: [int('1'), { kind: 'list', elements: [int('2')] }, { kind: 'tuple', elements: [], parenthesized: true }],
    });
    expect(expr('(1,)')).toEqual({ kind: 'tuple', elements: [int('1')], parenthesized: true });
    expect(expr('(1)')).toEqual(int('1'));
    expect(expr('{"a": {"b": [1]}}')).toMatchObject({ kind: 'dict', entries: [{ key: str('a', '"'), value: { kind: 'dict' } }] });
    expect(expr('format_date(value={v})')).toMatchObject({ keywords: [{ value: { kind: 'set', elements: [name('v')] } }] });
    expect(expr('{}')).toEqual({ kind: 'dict', entries: [] });
    expect(expr('{{"string": SP}: {"string": sp1}}')).toMatchObject({
      kind: 'dict',
      entries: [{ key: { kind: 'dict' }, value: { kind: 'dict' } }],
    });
  });
});

describe('parser: spans', () => {
  it('gives nodes 1-based lines and columns and 0-based offsets, end exclusive', () => {
    const m = parseModule('x = 1\nif y:\n    z = f(a=2)\n').module;
    const assign = m.body[0] as Extract<Statement, { kind: 'assign' }>;
    expect(assign.span).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 6, offset: 5 } });
    const ifs = m.body[1] as Extract<Statement, { kind: 'if' }>;
    expect(ifs.span?.start).toEqual({ line: 2, column: 1, offset: 6 });
    expect(ifs.span?.end).toEqual({ line: 3, column: 15, offset: 26 });
    const call = (ifs.body[0] as Extract<Statement, { kind: 'assign' }>).value as Extract<Expression, { kind: 'call' }>;
    expect(call.keywords[0]?.nameSpan).toEqual({ start: { line: 3, column: 11, offset: 22 }, end: { line: 3, column: 12, offset: 23 } });
    expect(call.keywords[0]?.value.span?.start.column).toBe(13);
    expect(m.span?.end).toEqual({ line: 4, column: 1, offset: 27 });
  });

  it('spans multi-line strings and f-string interpolations', () => {
    const m = parseModule("t = f'''a\n{b}'''").module;
    const value = (m.body[0] as Extract<Statement, { kind: 'assign' }>).value as Extract<Expression, { kind: 'fstring' }>;
    expect(value.span).toEqual({ start: { line: 1, column: 5, offset: 4 }, end: { line: 2, column: 7, offset: 16 } });
    const interpolation = value.parts[1] as Exclude<(typeof value.parts)[number], string>;
    expect(interpolation.span).toEqual({ start: { line: 2, column: 1, offset: 10 }, end: { line: 2, column: 4, offset: 13 } });
  });
});

describe('parser: leniency for model output', () => {
  it("reads Show-text=True as the key 'Show-text', with a warning", () => {
    const { body, diagnostics } = parse('x = f(Show-text=True, Show-WFInput=True)');
    expect(body[0]).toMatchObject({ value: { keywords: [{ name: 'Show-text' }, { name: 'Show-WFInput' }] } });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['SC4024', 'warning'],
      ['SC4024', 'warning'],
    ]);
    expect(diagnostics[0]?.suggestion).toContain("**{'Show-text'");
  });

  it('reads property names with spaces after a dot, with a warning', () => {
    const { body, diagnostics } = parse("if end.Job Title == 'x':\n    y = f'{c.Last Name}'\n");
    expect(body[0]).toMatchObject({
      test: { left: { kind: 'attribute', object: name('end'), name: 'Job Title' } },
      body: [{ value: { parts: [{ expression: { kind: 'attribute', name: 'Last Name' } }] } }],
    });
    expect(diagnostics.map((d) => [d.code, d.severity, where(d)])).toEqual([
      ['SC4026', 'warning', '1:8'],
      ['SC4026', 'warning', '2:14'],
    ]);
    expect(diagnostics[0]?.suggestion).toContain("getattr(…, 'Job Title')");
  });

  it('reads keyword names that are Python keywords, with a warning', () => {
    const { body, codes } = parse('f(class=1, from=2)');
    expect(body[0]).toMatchObject({ expression: { keywords: [{ name: 'class' }, { name: 'from' }] } });
    expect(codes).toEqual(['SC4024', 'SC4024']);
  });

  it('reads a hyphenated call name as one name, with a warning', () => {
    const { body, codes } = parse('is_workflow_actions_display_always-on_set(OnValue=True)');
    expect(body[0]).toMatchObject({ expression: { callee: name('is_workflow_actions_display_always-on_set') } });
    expect(codes).toEqual(['SC4023']);
  });

  it('reads unquoted text in dictionaries and lists as bare text, with warnings', () => {
    const { body, codes } = parse(
      'a = {"workflowName": Mastodon API List Read Access Token, "isSelf": False}\nb = [Select Manually, 1080p]\nc = {"v": 1.0.1, "u": https://x.com/a?b=1}\n',
    );
    expect(body[0]).toMatchObject({
      value: { entries: [{ value: { kind: 'bareText', text: 'Mastodon API List Read Access Token' } }, { value: { kind: 'boolean' } }] },
    });
    expect(body[1]).toMatchObject({
      value: {
        elements: [
          { kind: 'bareText', text: 'Select Manually' },
          { kind: 'bareText', text: '1080p' },
        ],
      },
    });
    expect(body[2]).toMatchObject({ value: { entries: [{ value: { text: '1.0.1' } }, { value: { text: 'https://x.com/a?b=1' } }] } });
    expect(codes).toEqual(['SC4025', 'SC4025', 'SC4025', 'SC4025', 'SC4025']);
  });

  it('reads an empty dictionary value as empty text, and commas inside unquoted text as text', () => {
    const { body, codes } = parse('x = {"a": , "b": Hello, dear world, "c": 1}');
    expect(body[0]).toMatchObject({
      value: {
        entries: [
          { key: { value: 'a' }, value: { kind: 'bareText', text: '' } },
          { key: { value: 'b' }, value: { kind: 'bareText', text: 'Hello, dear world' } },
          { key: { value: 'c' }, value: { kind: 'number' } },
        ],
      },
    });
    expect(codes).toEqual(['SC4025', 'SC4025']);
  });

  it('keeps elements that read as expressions as expressions', () => {
    expect(parse('x = {"a": SP, "b": com.apple.x, "c": -1, "d": f(1)}').codes).toEqual([]);
  });

  it("reads an empty block as 'pass', with a warning", () => {
    const { body, diagnostics } = parse('if a:\n# nothing\nelse:\n    x = 1\nfor i in y:\n');
    expect(body).toEqual([
      // A comment before `else:` goes to the first statement of the else block.
      {
        kind: 'if',
        test: name('a'),
        body: [],
        elifs: [],
        orelse: [{ kind: 'assign', targets: [name('x')], value: int('1'), leadingComments: [' nothing'] }],
      },
      { kind: 'for', target: name('i'), iterable: name('y'), body: [] },
    ]);
    expect(diagnostics.map((d) => [d.code, where(d)])).toEqual([
      ['SC4103', '1:5'],
      ['SC4103', '5:11'],
    ]);
  });

  it('reads a positional argument after keywords, with a warning', () => {
    expect(parse('f(a=1, b)').codes).toEqual(['SC4108']);
  });
});

describe('parser: errors and recovery', () => {
  it('reports every broken line of a file, each with line and column', () => {
    const src = ['x = 1', 'y = = 2', 'z = f(a=1', 'ok = 3', 'w = [1, 2', 'if a b:', '    pass', 'v = )', 'last = 4', ''].join('\n');
    const { body, diagnostics } = parse(src);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, where(d)])).toEqual([
      ['SC4101', '2:5'],
      ['SC4021', '3:6'],
      ['SC4021', '5:5'],
      ['SC4101', '6:6'],
      ['SC4020', '8:5'],
    ]);
    // The good lines around them are still there.
    const names = body.flatMap((s) => (s.kind === 'assign' && s.targets[0]?.kind === 'name' ? [s.targets[0].name] : []));
    expect(names).toEqual(['x', 'z', 'ok', 'w', 'v', 'last']);
    expect(body.some((s) => s.kind === 'if' && s.body.length === 1)).toBe(true);
  });

  it('recovers inside a call: one bad argument, the others kept', () => {
    const { body, codes } = parse('f(a=1, b=+, c=3)\n');
    expect(codes).toEqual(['SC4101']);
    expect(body[0]).toMatchObject({ expression: { kind: 'call', keywords: [{ name: 'a' }, { name: 'c' }] } });
  });

  it('keeps the block after a broken header, so its statements are checked', () => {
    const { body, codes } = parse('for in x:\n    y = 1\n');
    expect(codes).toEqual(['SC4101']);
    expect(body[0]).toMatchObject({ kind: 'for', body: [{ kind: 'assign' }] });
  });

  it('reports unexpected indentation once and keeps the statements', () => {
    const { body, codes } = parse('x = 1\n    y = 2\n    z = 3\nw = 4\n');
    expect(codes).toEqual(['SC4104']);
    expect(body.map((s) => s.kind)).toEqual(['assign', 'assign', 'assign', 'assign']);
  });

  it('reports else and case without their statements', () => {
    expect(parse('else:\n    x = 1\n').codes).toEqual(['SC4105']);
    expect(parse("case 'a':\n    x = 1\n").codes).toEqual(['SC4105']);
    expect(parse('x = 1\n    else:\n        pass\n').codes).toEqual(['SC4104', 'SC4105']);
  });

  it('reports assignments to things that cannot be assigned', () => {
    expect(parse('f() = 1').codes).toEqual(['SC4106']);
    expect(parse('x-y = 1').diagnostics[0]?.suggestion).toContain("'_'");
  });

  it('reports Python constructs the AST has no node for', () => {
    for (const src of [
      'x = lambda y: y',
      'x = a if b else c',
      'x = [i for i in y]',
      'x = a[1:2]',
      'x = (y := 1)',
      'x = {**a}',
      'f(x for x in y)',
    ]) {
      expect(parse(src).codes, src).toEqual(['SC4107']);
    }
  });

  it("reads `...` as the Ellipsis node (the dialect's absent parameter)", () => {
    expect(parse('x = ...').codes).toEqual([]);
  });

  it('reports invalid case patterns', () => {
    expect(parse('match x:\n    case a + b:\n        pass\n').codes).toEqual(['SC4109']);
  });

  it('says where a multi-line string that swallowed code began', () => {
    const { diagnostics } = parse("a = '''text\nb = ''':\n");
    expect(diagnostics[0]?.suggestion).toContain('opened on line 1');
  });

  it('reports missing expressions with what was found', () => {
    const { diagnostics } = parse('x = \n');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['SC4101', 'expected an expression, found the end of the line']]);
  });
});
