import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModule, type ParseResult } from '../../../src/parser/index.js';
import type { Module } from '../../../src/syntax/ast.js';
import { mutate, mutation } from '../../arbitraries/mutations.js';

/** Depth of the tree in nodes, measured iteratively (a recursive walk is what deep trees break). */
function treeDepth(module: Module): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[module, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
      for (const child of Object.values(value)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** What every parse must satisfy, however bad the input: a module, located diagnostics, no internal error. */
function expectStructured(result: ParseResult): void {
  expect(result.module.kind).toBe('module');
  expect(Array.isArray(result.module.body)).toBe(true);
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^SC4\d{3}$/);
    expect(d.code).not.toBe('SC4199');
    expect(d.location?.kind).toBe('source');
  }
}

const codesOf = (r: ParseResult): string[] => [...new Set(r.diagnostics.map((d) => d.code))];

describe('hostile input: nesting', () => {
  const N = 10_000;
  const deep: Record<string, string> = {
    brackets: `x = ${'['.repeat(N)}${']'.repeat(N)}`,
    parentheses: `x = ${'('.repeat(N)}1${')'.repeat(N)}`,
    braces: `x = ${'{"a": '.repeat(N)}1${'}'.repeat(N)}`,
    calls: `x = ${'f('.repeat(N)}${')'.repeat(N)}`,
    mixed: `x = ${'f(a=[{"k": ('.repeat(N / 4)}${')}])'.repeat(N / 4)}`,
    'unclosed brackets': `x = ${'[('.repeat(N)}`,
    'unary minus': `x = ${'-'.repeat(N)}1`,
    nots: `x = ${'not '.repeat(N)}a`,
    powers: `x = ${'a ** '.repeat(N)}a`,
    lambdas: `x = ${'lambda: '.repeat(N)}1`,
    conditionals: `x = ${'a if b else '.repeat(N)}c`,
    attributes: `x = a${'.b'.repeat(N)}`,
    subscripts: `x = a${'[0]'.repeat(N)}`,
    'long chain': `x = a${' + a'.repeat(10 * N)}`,
    'nested f-strings': `x = ${'f\'\'\'{f"""{'.repeat(N / 10)}`,
  };
  for (const [what, src] of Object.entries(deep)) {
    it(`gives a diagnostic, not a stack overflow: ${what}`, () => {
      const result = parseModule(`${src}\ny = 1\n`);
      expectStructured(result);
      expect(codesOf(result)).toContain(what === 'nested f-strings' ? 'SC4003' : 'SC4190');
      expect(treeDepth(result.module)).toBeLessThan(2000);
      // The next statement is still read.
      expect(result.module.body.some((s) => s.kind === 'assign' && s.targets[0]?.kind === 'name' && s.targets[0].name === 'y')).toBe(true);
    });
  }

  it('gives a diagnostic for 10,000 nested blocks', () => {
    const src = `${Array.from({ length: N }, (_, i) => `${' '.repeat(i)}if x:`).join('\n')}\n${' '.repeat(N)}pass\n`;
    const result = parseModule(src);
    expectStructured(result);
    expect(codesOf(result)).toContain('SC4190');
    expect(treeDepth(result.module)).toBeLessThan(2000);
  });

  it('survives being called from deep inside another program', () => {
    const src = `x = ${'f(a=['.repeat(300)}${'])'.repeat(300)}\ny = 1\n`;
    const deepCall = (n: number): ParseResult => (n === 0 ? parseModule(src) : [deepCall(n - 1)][0]!);
    const result = deepCall(5000);
    expectStructured(result);
    expect(result.module.body).toHaveLength(2);
  });
});

describe('hostile input: unterminated text', () => {
  it.each([
    ["x = 'abc", 'SC4001'],
    ['x = "abc\ny = 1', 'SC4001'],
    ["x = '''abc\ny = 1", 'SC4002'],
    ['x = """abc', 'SC4002'],
    ["x = f'{a", 'SC4003'],
    ["x = f'a{b}c\ny = 1", 'SC4003'],
    ["x = f'''{a}\ny = 1", 'SC4003'],
    ["x = f'{a'", 'SC4027'],
    ["x = f'{a:>{b'", 'SC4027'],
    ["x = rb'\\", 'SC4001'],
  ])('%j reports %s', (src, code) => {
    const result = parseModule(src);
    expectStructured(result);
    expect(codesOf(result)).toContain(code);
  });
});

describe('hostile input: bytes and whitespace', () => {
  it('reads mixed tabs and spaces by Python’s rules and reports the inconsistency', () => {
    const result = parseModule('if a:\n\tx = 1\n        y = 2\n    \tz = 3\n');
    expectStructured(result);
    expect(codesOf(result)).toEqual(['SC4018']);
    expect(result.module.body[0]).toMatchObject({ kind: 'if', body: [{ kind: 'assign' }, { kind: 'assign' }, { kind: 'assign' }] });
  });

  it('reads NUL bytes: ignored outside strings, kept inside, with warnings', () => {
    const result = parseModule("x\0 = '\0'\n\0\0\ny = 1\n");
    expectStructured(result);
    expect(result.diagnostics.every((d) => d.code === 'SC4014' && d.severity === 'warning')).toBe(true);
    expect(result.module.body).toMatchObject([{ value: { value: '\0' } }, { kind: 'assign' }]);
  });

  it('reads a file of control characters and lone surrogates without crashing', () => {
    const src = Array.from({ length: 4096 }, (_, i) => String.fromCharCode(i % 64 === 0 ? 0xd800 + i : i % 32)).join('');
    expectStructured(parseModule(src));
  });
});

describe('hostile input: a 50 MB single line', () => {
  const MB50 = 50 * 1024 * 1024;
  it.each([
    ['a string', () => `x = '${'a'.repeat(MB50)}'`, []],
    ['a comment', () => `# ${'a'.repeat(MB50)}`, []],
    ['one long name', () => 'a'.repeat(MB50), []],
    ['a list of numbers (token limit)', () => `x = [${'1, '.repeat(MB50 / 3)}]`, ['SC4191']],
    ['unreadable characters', () => '¥'.repeat(MB50), ['SC4011']],
    ['an unterminated string', () => `x = '${'a'.repeat(MB50)}`, ['SC4001']],
    // Ten million keyword arguments: the token limit stops the reading, so memory stays bounded.
    ['ten million keywords', () => `is_workflow_actions_x(${'A=1, '.repeat(MB50 / 5)})`, ['SC4191', 'SC4101']],
    ['ten million unquoted keyword values', () => `f(${'A=", '.repeat(MB50 / 5)})`, ['SC4191', 'SC4101']],
    ['unreadable f-string braces', () => `x = f'''${'{#'.repeat(MB50 / 2)}'''`, ['SC4027', 'SC4191', 'SC4101', 'SC4192']],
  ])('%s parses in bounded time and memory', (_what, make, codes) => {
    const result = parseModule(make());
    expectStructured(result);
    expect(codesOf(result)).toEqual(codes);
    expect(result.diagnostics.length).toBeLessThanOrEqual(1001);
  });
});

describe('hostile input: 50 MB of lines', () => {
  const MB50 = 50 * 1024 * 1024;
  it.each([
    // Comments are kept like tokens and count against the same limit (25 million of them once exhausted the heap).
    ['comment lines', () => '#\n'.repeat(MB50 / 2), ['SC4191']],
    ['strings whose closing quotes were lost', () => "x = '''a\ny = f(A='''b''')\n".repeat(MB50 / 28), ['SC4002', 'SC4192', 'SC4191']],
    ["quotes inside '#' lines of a string", () => `x = '''a\n${"# 'b''' c\n".repeat(MB50 / 10)}'''\n`, ['SC4029', 'SC4192']],
    ['unclosed condition operands', () => 'if { in x:\n    pass\nz = 1 ]\n'.repeat(MB50 / 28), ['SC4020', 'SC4192', 'SC4191']],
  ])('%s parse in bounded time and memory', (_what, make, codes) => {
    const result = parseModule(make());
    expectStructured(result);
    expect(codesOf(result)).toEqual(expect.arrayContaining(codes));
    expect(result.module.comments.length).toBeLessThanOrEqual(1_000_000);
    expect(result.diagnostics.length).toBeLessThanOrEqual(1001);
  });

  it('a thousand warnings never hide an error (the diagnostic cap keeps errors)', () => {
    const result = parseModule(`${'x = [a b]\n'.repeat(2000)}y = )\n`);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['SC4020']);
    expect(result.diagnostics.at(-1)!.code).toBe('SC4192');
  });
});

/** Small programs in the dialect, including its sloppy spots, for the mutation fuzz test. */
const SEEDS = [
  "x = is_workflow_actions_gettext(WFTextActionText='''Hello''')\n",
  "if x == '''a''':\n    y = is_workflow_actions_notification(WFNotificationActionBody=f'''{x}''', Show-text=True)\nelse:\n    pass\n",
  "match input(prompt='Pick'):\n    case 'A':\n        z = {\"workflowName\": Mastodon API, \"isSelf\": False}\n    case f'{x}':\n        pass\n",
  "for Repeat_Index, Repeat_Item in enumerate(items, start=1):\n    t = f'''{Repeat_Item[\"key\"]} {coerce_variable(value=x, coercion_class=\"WFStringContentItem\")}'''\n",
  "d = format_date(value={v}, date_format='Short')\nl = [Select Manually, 1080p, 0x1F, 1_000.5e3]\n# comment\n",
  "is_workflow_actions_display_always-on_set(OnValue=True)\nr: 'Contents of URL' = is_workflow_actions_downloadurl(WFURL=u, **{'Show-text': True})\n",
  "html = '''<div class=\"a\" onclick='go(\"x\")'>it's</div>'''\nn = -3 ** 2 if a else b\n",
];

describe('hostile input: random mutations of dialect programs', () => {
  it('never throws, hangs or reports an internal error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 12 }), (seed, mutations) => {
        const text = mutate(seed, mutations);
        const started = performance.now();
        const result = parseModule(text);
        expectStructured(result);
        // Linear-time parsing: a few hundred bytes never take long (a hang shows up here, not as a timeout).
        expect(performance.now() - started).toBeLessThan(2000);
        for (const d of result.diagnostics) {
          const span = d.location?.kind === 'source' ? d.location.span : undefined;
          expect(span!.start.offset).toBeLessThanOrEqual(text.length);
          expect(span!.start.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on random bytes decoded as Latin-1 or UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectStructured(parseModule(Buffer.from(bytes).toString('latin1')));
        expectStructured(parseModule(Buffer.from(bytes).toString('utf8')));
      }),
      { numRuns: 1000 },
    );
  });
});
