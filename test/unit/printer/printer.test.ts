import { describe, expect, it } from 'vitest';
import { parseModule } from '../../../src/parser/index.js';
import type { Expression, Module, Statement } from '../../../src/syntax/ast.js';
import { printExpression, printModule, printStatements } from '../../../src/syntax/printer/index.js';

/** Reads code and prints it back (canonical text for canonical input). */
const reprint = (src: string, lineWidth?: number): string =>
  printModule(parseModule(src).module, lineWidth === undefined ? {} : { lineWidth });
const e = (expression: Expression): string => printExpression(expression);
const n = (name: string): Expression => ({ kind: 'name', name });

describe('printer: layout', () => {
  it('prints one statement per line with four-space blocks', () => {
    const src = 'if a == 1:\n    x = f(b)\nelif b:\n    pass\nelse:\n    for i in range(3):\n        y = 2\nwhile z:\n    pass\n';
    expect(reprint(src)).toBe(src);
  });

  it('prints match, case and guards', () => {
    const src = "match input(prompt='Pick'):\n    case 'A':\n        pass\n    case _ if x:\n        y = 1\n";
    expect(reprint(src)).toBe(src);
  });

  it('breaks a long call one keyword per line, and long items inside it the same way', () => {
    const src =
      "result = is_workflow_actions_downloadurl(WFURL=f'''https://example.com/{item}''', WFHTTPMethod='POST', WFJSONValues={'name': 'value', 'other': [1, 2, 3]})\n";
    expect(reprint(src, 80)).toBe(
      [
        'result = is_workflow_actions_downloadurl(',
        "    WFURL=f'''https://example.com/{item}''',",
        "    WFHTTPMethod='POST',",
        "    WFJSONValues={'name': 'value', 'other': [1, 2, 3]},",
        ')',
        '',
      ].join('\n'),
    );
    expect(reprint(src, 40)).toBe(
      [
        'result = is_workflow_actions_downloadurl(',
        "    WFURL=f'''https://example.com/{item}''',",
        "    WFHTTPMethod='POST',",
        '    WFJSONValues={',
        "        'name': 'value',",
        "        'other': [1, 2, 3],",
        '    },',
        ')',
        '',
      ].join('\n'),
    );
    expect(reprint(src, Infinity)).toBe(src);
  });

  it('is stable: printing what it printed changes nothing', () => {
    const src = "x = {'a': [f(b=1, c=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26])]}\n";
    const once = reprint(src, 50);
    expect(reprint(once, 50)).toBe(once);
  });

  it('prints comments above their statements and pass for empty blocks', () => {
    const body: Statement[] = [
      {
        kind: 'if',
        test: n('a'),
        body: [],
        elifs: [],
        orelse: [{ kind: 'pass', leadingComments: [' inside', ' two'] }],
        leadingComments: [' top'],
      },
    ];
    expect(printStatements(body)).toBe('# top\nif a:\n    pass\nelse:\n    # inside\n    # two\n    pass\n');
    expect(printStatements([{ kind: 'pass', leadingComments: [' a\nb  '] }])).toBe('# a\n#b\npass\n');
  });

  it('prints nothing for an empty module', () => {
    const empty: Module = { kind: 'module', body: [], comments: [] };
    expect(printModule(empty)).toBe('');
  });
});

describe('printer: strings', () => {
  it('keeps the quote style with minimal escaping', () => {
    expect(e({ kind: 'string', value: "it's", quote: '"' })).toBe(`"it's"`);
    expect(e({ kind: 'string', value: "it's", quote: "'" })).toBe(`'it\\'s'`);
    expect(e({ kind: 'string', value: 'a\nb\\c', quote: "'" })).toBe(`'a\\nb\\\\c'`);
    expect(e({ kind: 'string', value: 'a\nb', quote: "'''" })).toBe(`'''a\nb'''`);
    expect(e({ kind: 'string', value: "a'''b'", quote: "'''" })).toBe(`'''a''\\'b\\''''`);
    expect(e({ kind: 'string', value: '\0\r\x7f\ud800😀', quote: "'" })).toBe(`'\\x00\\r\\x7f\\ud800😀'`);
  });

  it('writes raw strings raw when a raw literal can hold the text, and escapes otherwise', () => {
    expect(e({ kind: 'string', value: '\\d+\\.', quote: "'", raw: true })).toBe(`r'\\d+\\.'`);
    expect(e({ kind: 'string', value: 'ends\\', quote: "'", raw: true })).toBe(`'ends\\\\'`);
    expect(e({ kind: 'string', value: "it's", quote: "'", raw: true })).toBe(`'it\\'s'`);
  });

  it('writes bytes with escapes for everything outside printable ASCII', () => {
    expect(e({ kind: 'bytes', value: new Uint8Array([0, 65, 10, 39, 255]), quote: "'" })).toBe(`b'\\x00A\\n\\'\\xff'`);
  });

  it("escapes an f-string's quote characters only where they would meet the closing quotes", () => {
    const x = { kind: 'interpolation' as const, expression: n('x') };
    expect(e({ kind: 'fstring', quote: "'''", parts: ["p('", x, "')"] })).toBe(`f'''p('{x}')'''`);
    expect(e({ kind: 'fstring', quote: "'''", parts: ["a'''", x, "'"] })).toBe(`f'''a''\\'{x}\\''''`);
    expect(e({ kind: 'fstring', quote: "'", parts: ["'", x] })).toBe(`f'\\'{x}'`);
  });

  it('writes f-strings with doubled braces and nested quotes Python 3.8–3.11 accepts', () => {
    expect(
      e({
        kind: 'fstring',
        quote: "'",
        parts: [
          '{a}',
          { kind: 'interpolation', expression: { kind: 'subscript', object: n('x'), index: { kind: 'string', value: 'k', quote: "'" } } },
        ],
      }),
    ).toBe(`f'{{a}}{x["k"]}'`);
    expect(
      e({
        kind: 'fstring',
        quote: "'''",
        parts: [
          {
            kind: 'interpolation',
            expression: {
              kind: 'fstring',
              quote: "'''",
              parts: [{ kind: 'interpolation', expression: { kind: 'string', value: 'v', quote: '"""' } }],
            },
          },
        ],
      }),
    ).toBe(`f'''{f"""{'v'}"""}'''`);
    // Three levels of quotes: the outer f-string becomes triple-quoted so that Python 3.8–3.11 can read it.
    const key: Expression = { kind: 'subscript', object: n('x'), index: { kind: 'string', value: 'k', quote: "'" } };
    expect(
      e({
        kind: 'fstring',
        quote: "'",
        parts: [
          { kind: 'interpolation', expression: { kind: 'fstring', quote: '"', parts: [{ kind: 'interpolation', expression: key }] } },
        ],
      }),
    ).toBe(`f'''{f"{x['k']}"}'''`);
    expect(
      e({
        kind: 'fstring',
        quote: "'",
        parts: [{ kind: 'interpolation', expression: { kind: 'dict', entries: [] }, conversion: 'r', formatSpec: ['>10'] }],
      }),
    ).toBe(`f'{ {} !r:>10}'`);
  });
});

describe('printer: numbers, names and keywords', () => {
  it('keeps the spelling of numbers and derives one when it is missing', () => {
    expect(e({ kind: 'number', text: '0x1F', isFloat: false, value: 31n })).toBe('0x1F');
    expect(e({ kind: 'number', text: '1_000.5', isFloat: true, value: 1000.5 })).toBe('1_000.5');
    expect(e({ kind: 'number', text: '', isFloat: true, value: 3 })).toBe('3.0');
    expect(e({ kind: 'number', text: '3', isFloat: true, value: 3 })).toBe('3.0');
    expect(e({ kind: 'number', text: '', isFloat: true, value: Number.NaN })).toBe("float('nan')");
    expect(e({ kind: 'number', text: '007', isFloat: false, value: 7n })).toBe('7');
    expect(e({ kind: 'number', text: '', isFloat: false, value: 1.5 })).toBe('1.5');
    expect(e({ kind: 'number', text: '', isFloat: true, value: Number.NEGATIVE_INFINITY })).toBe("(-float('inf'))");
  });

  it('writes keyword names that are not identifiers as **{…}', () => {
    const call: Expression = {
      kind: 'call',
      callee: n('f'),
      args: [],
      keywords: [
        { kind: 'keyword', name: 'WFInput', value: n('x') },
        { kind: 'keyword', name: 'Show-text', value: { kind: 'boolean', value: true } },
        { kind: 'keyword', name: 'class', value: { kind: 'none' } },
      ],
    };
    expect(e(call)).toBe("f(WFInput=x, **{'Show-text': True}, **{'class': None})");
  });

  it('adds the parentheses precedence needs, and only those', () => {
    const add = (left: Expression, right: Expression): Expression => ({ kind: 'binary', operator: '+', left, right });
    const mul = (left: Expression, right: Expression): Expression => ({ kind: 'binary', operator: '*', left, right });
    expect(e(mul(add(n('a'), n('b')), n('c')))).toBe('(a + b) * c');
    expect(e(add(n('a'), mul(n('b'), n('c'))))).toBe('a + b * c');
    expect(e(add(n('a'), add(n('b'), n('c'))))).toBe('a + (b + c)');
    expect(e({ kind: 'binary', operator: '**', left: { kind: 'unary', operator: '-', operand: n('a') }, right: n('b') })).toBe('(-a) ** b');
    expect(e({ kind: 'unary', operator: 'not', operand: { kind: 'boolOp', operator: 'and', values: [n('a'), n('b')] } })).toBe(
      'not (a and b)',
    );
    expect(e({ kind: 'attribute', object: { kind: 'number', text: '1', isFloat: false, value: 1n }, name: 'real' })).toBe('(1).real');
    expect(
      e({
        kind: 'list',
        elements: [
          { kind: 'tuple', elements: [n('a')], parenthesized: false },
          { kind: 'starred', double: false, value: n('b') },
        ],
      }),
    ).toBe('[(a,), *b]');
  });
});
