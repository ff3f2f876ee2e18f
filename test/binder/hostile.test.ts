import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../../src/compile/index.js';
import { core, survive as surviveWith, surviveByteMutations, surviveSplices } from './helpers.js';

/**
 * Hostile code through the whole compiler (parse, bind, lower, write): it
 * must never throw and never hang, and every error must say where.
 */
const catalog = core();

const survive = (code: string): CompileResult => surviveWith(code, catalog);

/** Code in WorkflowLLM's dialect, written for these tests: every construct the compiler reads. */
const SNIPPET = `# Reads a value and shows it.
Input = f'{input("Please enter the value:")}'
url = is_workflow_actions_url( WFURLActionURL='''https://example.com/api''')
response = is_workflow_actions_downloadurl( WFURL=f'''{url}''', ShowHeaders=True, Show-WFURL=True)
data = is_workflow_actions_detect_dictionary( WFInput=response)
name = data['''name''']
Count = data["count"]
items = {'''a''': '''1''', '''b''': [1, 2], '''c''': {"string": x1}}
if name == '''Ann''':
    is_workflow_actions_alert( WFAlertActionMessage=f'''Hi {name}, now datetime.datetime.now()''')
else:
    pass
if '''x''' in name:
    Count = name
match input(prompt='''Pick'''):
    case "One":
        for Repeat_Index, Repeat_Item in enumerate(items, start=1):
            is_workflow_actions_showresult( Text=f'''{Repeat_Item}{coerce_variable(value=Repeat_Item, coercion_class="WFStringContentItem")}''')
    case "Two":
        for Repeat_Index in range(int(3)):
            pass
list_x = is_workflow_actions_list( WFItems=[Select Manually, 1080p])
`;

describe('hostile code through compile()', () => {
  it('unterminated strings and f-strings', () => {
    for (const code of ["x = '''never closed\n", "x = f'''{y\n", 'x = f"{', "is_workflow_actions_x(A='''a)\nb = 1\n", "x = f'''{'''\ny = '''a\nb'''c\n"]) {
      const result = survive(code);
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('10,000-deep nesting of brackets, blocks and f-strings', () => {
    survive(`x = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    survive(`x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\n`);
    survive(`x = ${'-'.repeat(10_000)}1\n`);
    survive(`x = ${"f'{".repeat(2_000)}\n`);
    let blocks = '';
    for (let i = 0; i < 10_000; i++) blocks += `${' '.repeat(i)}if x:\n`;
    survive(blocks);
    survive(`x = a${'.b'.repeat(10_000)}\n`);
    survive(`x = a${'["k"]'.repeat(10_000)}\n`);
    survive(`x = ${'coerce_variable(value='.repeat(3_000)}y${', coercion_class="C")'.repeat(3_000)}\n`);
  });

  it('NUL bytes, mixed tabs and spaces, lone surrogates, CR line ends', () => {
    survive('x = 1\u0000\nif x:\n\tpass\n        pass\n');
    survive(SNIPPET.replaceAll('    ', '\t'));
    survive(SNIPPET.replaceAll('\n', '\r\n'));
    survive(SNIPPET.replaceAll('\n', '\r'));
    survive("x = '''\ud800'''\nis_workflow_actions_y(A=x)\n");
    survive('\u0000'.repeat(10_000));
  });

  it('a 50 MB single line', () => {
    const big = 'a'.repeat(50 * 1024 * 1024);
    expect(survive(`x = '''${big}'''\n`).shortcut!.length).toBeGreaterThan(50 * 1024 * 1024);
    survive(`x = f'''${big}{x}'''\n`);
    survive(`# ${big}\n`);
  }, 120_000);

  it('a 50 MB line of ten million keywords, and 25 million comment lines: limits hold while parsing, memory stays bounded', () => {
    const keywords = survive(`is_workflow_actions_x(${'A=1, '.repeat(10_000_000)})`);
    expect(keywords.shortcut).toBeUndefined();
    expect(keywords.diagnostics.map((d) => d.code)).toContain('SC4191');
    expect(keywords.diagnostics.length).toBeLessThanOrEqual(2_002);
    const comments = survive('# note\n'.repeat(25_000_000 / 4));
    expect(comments.diagnostics.map((d) => d.code)).toContain('SC4191');
  }, 120_000);

  it('a line of 100,000 repeated keywords: every problem counted, at most 1,000 kept', () => {
    const result = survive(`is_workflow_actions_x(${'A=1, '.repeat(100_000)})`);
    expect(result.diagnostics.length).toBeLessThanOrEqual(1_001);
    expect(result.diagnostics.at(-1)!.code).toBe('SC5008');
  }, 60_000);

  it('random byte mutations of model code never crash the compiler', () => {
    surviveByteMutations(SNIPPET, catalog);
  });

  it('random slices and splices of model code never crash the compiler', () => {
    surviveSplices(SNIPPET, catalog);
  });

  it('the snippet itself compiles (warnings allowed)', () => {
    const result = survive(SNIPPET);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.shortcut).toBeDefined();
  });
});
