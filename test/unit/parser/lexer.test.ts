import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../../src/parser/tokens.js';
import { tokenText, tokens, where } from './helpers.js';

const types = (src: string): string[] => tokens(src).tokens.map((t) => t.tokenType.name);
const codes = (src: string): string[] => tokens(src).diagnostics.map((d) => d.code);
const payloads = (src: string, type: string): unknown[] =>
  tokens(src)
    .tokens.filter((t) => t.tokenType.name === type)
    .map((t) => t.payload);
const stringValue = (src: string): unknown => {
  const p = payloads(src, 'String')[0] as { value: unknown } | undefined;
  return p?.value;
};

describe('lexer: names, keywords, operators', () => {
  it('reads names and keywords; soft keywords stay names', () => {
    expect(tokenText('if x and not match:')).toBe('If:if Name:x And:and Not:not Name:match Colon:: Newline:');
    expect(types('case _ = None')).toEqual(['Name', 'Name', 'Assign', 'None', 'Newline']);
  });

  it('reads Unicode names and normalises them like Python (NFKC)', () => {
    const [t] = tokens('ｘ1').tokens;
    expect(t?.image).toBe('ｘ1');
    expect(t?.payload).toEqual({ kind: 'name', name: 'x1', hyphenated: false });
    expect(types('中国大陆')).toEqual(['Name', 'Newline']);
  });

  it('reads every operator and delimiter, longest first', () => {
    const src =
      '( ) [ ] { } , : ; . ... -> = := + - * ** / // % @ & | ^ ~ << >> < > <= >= == != += -= *= /= //= %= @= &= |= ^= <<= >>= **=';
    expect(types(src).slice(0, -1)).toEqual([
      'LParen',
      'RParen',
      'LBracket',
      'RBracket',
      'LBrace',
      'RBrace',
      'Comma',
      'Colon',
      'Semicolon',
      'Dot',
      'Ellipsis',
      'Arrow',
      'Assign',
      'Walrus',
      'Plus',
      'Minus',
      'Star',
      'DoubleStar',
      'Slash',
      'DoubleSlash',
      'Percent',
      'At',
      'Ampersand',
      'Pipe',
      'Caret',
      'Tilde',
      'LeftShift',
      'RightShift',
      'Less',
      'Greater',
      'LessEqual',
      'GreaterEqual',
      'EqualEqual',
      'NotEqual',
      'PlusAssign',
      'MinusAssign',
      'StarAssign',
      'SlashAssign',
      'DoubleSlashAssign',
      'PercentAssign',
      'AtAssign',
      'AmpersandAssign',
      'PipeAssign',
      'CaretAssign',
      'LeftShiftAssign',
      'RightShiftAssign',
      'DoubleStarAssign',
    ]);
  });

  it('reads every Python keyword as its own token, spelled exactly', () => {
    for (const [word, type] of KEYWORDS) {
      expect(types(word)[0], word).toBe(type.name);
      expect(types(word.toUpperCase())[0], word.toUpperCase()).toBe('Name');
    }
  });

  it('reports characters that start no token, one diagnostic per run', () => {
    const { tokens: ts, diagnostics } = tokens('x = ¥¥ $ ?');
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4011', 'SC4011', 'SC4011']);
    expect(ts.filter((t) => t.tokenType.name === 'Invalid').map((t) => t.image)).toEqual(['¥¥', '$', '?']);
    expect(where(diagnostics[0]!)).toBe('1:5');
  });
});

describe('lexer: numbers', () => {
  const number = (src: string): unknown => payloads(src, 'Number')[0];

  it('keeps int and float apart, with exact integer values', () => {
    expect(number('3')).toEqual({ kind: 'number', isFloat: false, value: 3n });
    expect(number('3.0')).toEqual({ kind: 'number', isFloat: true, value: 3 });
    expect(number('12345678901234567890123')).toEqual({ kind: 'number', isFloat: false, value: 12345678901234567890123n });
  });

  it('reads every spelling Python has', () => {
    expect(number('0x1F')).toMatchObject({ value: 31n });
    expect(number('0o17')).toMatchObject({ value: 15n });
    expect(number('0b1010')).toMatchObject({ value: 10n });
    expect(number('1_000_000')).toMatchObject({ value: 1000000n });
    expect(number('0_0')).toMatchObject({ value: 0n });
    expect(number('00')).toMatchObject({ value: 0n });
    expect(number('1e3')).toMatchObject({ isFloat: true, value: 1000 });
    expect(number('1.5E-3')).toMatchObject({ isFloat: true, value: 0.0015 });
    expect(number('.5')).toMatchObject({ isFloat: true, value: 0.5 });
    expect(number('5.')).toMatchObject({ isFloat: true, value: 5 });
    expect(number('1_0.0_1e1_0')).toMatchObject({ isFloat: true, value: 10.01e10 });
    expect(number('09.5')).toMatchObject({ isFloat: true, value: 9.5 });
    expect(tokens('0x1F').tokens[0]?.image).toBe('0x1F');
  });

  it('lets a number touch the keywords Python allows (1if x else 2)', () => {
    expect(types('1if x else 2')).toEqual(['Number', 'If', 'Name', 'Else', 'Number', 'Newline']);
    expect(codes('1if x else 2')).toEqual([]);
  });

  it('reports malformed numbers', () => {
    for (const bad of ['0777', '0b12', '0o8', '0x', '0xg', '1__0', '1_', '1.5_', '82GtS3Ap9', '1080p']) {
      expect(codes(`x = ${bad}`), bad).toEqual(['SC4015']);
    }
    expect(codes('x = 1e')).toEqual(['SC4015']);
    expect(codes('x = 2j')).toEqual(['SC4016']);
    expect(tokens('x = 0777').diagnostics[0]?.suggestion).toContain('0o');
  });
});

describe('lexer: strings', () => {
  it('reads all four quote styles', () => {
    expect(payloads(`a = 'x'; b = "y"; c = '''z'''; d = """w"""`, 'String')).toEqual([
      { kind: 'string', value: 'x', quote: "'", raw: false },
      { kind: 'string', value: 'y', quote: '"', raw: false },
      { kind: 'string', value: 'z', quote: "'''", raw: false },
      { kind: 'string', value: 'w', quote: '"""', raw: false },
    ]);
  });

  it('reads every prefix in any case', () => {
    for (const prefix of ['r', 'R', 'u', 'U']) expect(types(`${prefix}'a'`)[0], prefix).toBe('String');
    for (const prefix of ['b', 'B', 'br', 'Br', 'rB', 'RB'])
      expect((payloads(`${prefix}'a'`, 'String')[0] as { kind: string }).kind, prefix).toBe('bytes');
    for (const prefix of ['f', 'F', 'fr', 'Rf', 'rF', 'FR']) expect(types(`${prefix}'a'`)[0], prefix).toBe('FStringStart');
    expect(types(`ur'a'`)).toEqual(['Name', 'String', 'Newline']);
  });

  it('decodes escapes exactly like Python', () => {
    expect(stringValue(String.raw`'\n\t\r\a\b\f\v\\\'\"'`)).toBe('\n\t\r\x07\b\f\v\\\'"');
    expect(stringValue(String.raw`'\x41\u00e9\U0001F600'`)).toBe('Aé😀');
    expect(stringValue(String.raw`'\101\0\7777'`)).toBe('A\0\u01ff7');
    expect(stringValue(String.raw`'\d\w\['`)).toBe('\\d\\w\\[');
    expect(stringValue("'a\\\nb'")).toBe('ab');
  });

  it('keeps escapes in raw strings, where a backslash still protects the quote', () => {
    expect(payloads(String.raw`r'\n\d\''`, 'String')[0]).toEqual({ kind: 'string', value: String.raw`\n\d\'`, quote: "'", raw: true });
  });

  it('decodes bytes escapes, keeping \\u as text', () => {
    const p = payloads(String.raw`b'\x00A\n\u1234'`, 'String')[0] as { value: Uint8Array };
    expect([...p.value]).toEqual([0, 65, 10, ...Buffer.from('\\u1234')]);
    expect(codes("b'é'")).toEqual(['SC4022']);
  });

  it('reports invalid escapes', () => {
    expect(codes(String.raw`x = '\x4'`)).toEqual(['SC4010']);
    expect(codes(String.raw`x = '\u12'`)).toEqual(['SC4010']);
    expect(codes(String.raw`x = '\U00110000'`)).toEqual(['SC4010']);
    const named = tokens(String.raw`x = '\N{BULLET}'`);
    expect(named.diagnostics.map((d) => d.code)).toEqual(['SC4010']);
    expect(named.diagnostics[0]?.message).toContain('\\N{');
  });

  it('normalises line breaks inside triple-quoted strings as Python reads source', () => {
    expect(stringValue("x = '''a\r\nb\rc\nd'''")).toBe('a\nb\nc\nd');
  });

  it('holds HTML and JavaScript with unbalanced quotes in triple-quoted strings', () => {
    const src = `html = '''<div class="a" onclick='go("x")'>it's</div>'''\ny = 1\n`;
    expect(stringValue(src)).toBe(`<div class="a" onclick='go("x")'>it's</div>`);
    expect(codes(src)).toEqual([]);
  });

  it('reports an unterminated string at its opening quote and reads the next line', () => {
    const { tokens: ts, diagnostics } = tokens("x = f(a='abc\ny = 2\n");
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4001']);
    expect(where(diagnostics[0]!)).toBe('1:9');
    expect(ts.map((t) => t.tokenType.name)).toEqual([
      'Name',
      'Assign',
      'Name',
      'LParen',
      'Name',
      'Assign',
      'Invalid',
      'RParen',
      'Newline',
      'Name',
      'Assign',
      'Number',
      'Newline',
    ]);
  });

  it('reports an unterminated triple-quoted string and resumes after its first line', () => {
    const { tokens: ts, diagnostics } = tokens("a = '''never closed\nb = 1\nc = 2\n");
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4002']);
    expect(where(diagnostics[0]!)).toBe('1:5');
    expect(ts.filter((t) => t.tokenType.name === 'Name').map((t) => t.image)).toEqual(['a', 'b', 'c']);
  });

  it('keeps NUL bytes inside strings with a warning', () => {
    const { diagnostics } = tokens("x = 'a\0b'");
    expect(stringValue("x = 'a\0b'")).toBe('a\0b');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['SC4014', 'warning']]);
  });
});

describe('lexer: f-strings', () => {
  it('splits an f-string into text, interpolations, conversions and specs', () => {
    expect(tokenText("f'a{x!r:>{w}}b'")).toBe(
      "FStringStart:f' FStringMiddle:a FExprStart:{ Name:x FConversion:!r FSpecStart:: FStringMiddle:> FExprStart:{ Name:w FExprEnd:} FExprEnd:} FStringMiddle:b FStringEnd:' Newline:",
    );
  });

  it('reads {{ and }} as braces and decodes escapes in the text', () => {
    expect(payloads("f'{{a}}\\n'", 'FStringMiddle')).toEqual([{ kind: 'text', value: '{a}\n' }]);
  });

  it('allows other quotes, nested f-strings and brackets inside interpolations', () => {
    const src = `f'''{x["k"]} {f"{y['z']}"} { {1: 2} }'''`;
    expect(codes(src)).toEqual([]);
    expect(types(src).filter((t) => t === 'FStringStart')).toHaveLength(2);
  });

  it('reads the self-documenting = with its spaces', () => {
    expect(tokenText("f'{x = }'")).toBe("FStringStart:f' FExprStart:{ Name:x FDebug:=  FExprEnd:} FStringEnd:' Newline:");
  });

  it('lets a triple-quoted f-string hold an interpolation across lines', () => {
    expect(codes("f'''{\nx\n}'''")).toEqual([]);
  });

  it('reads backslash-escaped quotes inside an interpolation as quotes (with a warning)', () => {
    const src = String.raw`d = f'''{format_date(value={v}, date_format=\'Custom\')}'''`;
    expect(codes(src)).toEqual(['SC4007']);
    expect(payloads(src, 'String')).toEqual([{ kind: 'string', value: 'Custom', quote: "'", raw: false }]);
  });

  it("reads a single '}' and an empty '{}' as text, with warnings", () => {
    expect(codes("f'a}b'")).toEqual(['SC4005']);
    expect(payloads("f'a}b'", 'FStringMiddle')).toEqual([{ kind: 'text', value: 'a}b' }]);
    expect(codes("f'a{}b'")).toEqual(['SC4006']);
    expect(payloads("f'a{}b'", 'FStringMiddle')).toEqual([{ kind: 'text', value: 'a{}b' }]);
  });

  it("reads a '{' that no '}' closes before the f-string's own quote (Python 3.11 reading) as text", () => {
    const { tokens: ts, diagnostics } = tokens("x = f'{a'\ny = 1");
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4027']);
    expect(where(diagnostics[0]!)).toBe('1:7');
    expect(ts.map((t) => t.tokenType.name).slice(2, 5)).toEqual(['FStringStart', 'FStringMiddle', 'FStringEnd']);
    expect(payloads("x = f'{a'", 'FStringMiddle')).toEqual([{ kind: 'text', value: '{a' }]);
  });

  it('keeps a broken interpolation inside its f-string', () => {
    // The `[` is never closed, but the f-string still ends at its quote and the next line is code.
    const { tokens: ts, diagnostics } = tokens("x = f'''{a[\"k\"m b}'''\ny = 2\n");
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(ts.filter((t) => t.startLine === 2).map((t) => t.tokenType.name)).toEqual(['Name', 'Assign', 'Number', 'Newline']);
  });

  it('reports an unterminated f-string at its opening and recovers at the end of the line', () => {
    const { tokens: ts, diagnostics } = tokens("x = f'abc {y}\nz = 1\n");
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4003']);
    expect(where(diagnostics[0]!)).toBe('1:5');
    expect(ts.filter((t) => t.startLine === 2).map((t) => t.image)).toEqual(['z', '=', '1', '\n']);
  });

  it('recovers from an unterminated triple-quoted f-string after its first line', () => {
    const { diagnostics, tokens: ts } = tokens("x = f'''abc {y}\nz = 1\n");
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4003']);
    expect(ts.some((t) => t.image === 'z')).toBe(true);
  });

  it("reads '{' as text where '#' or an invalid conversion makes its interpolation unreadable", () => {
    expect(codes("f'{x#}'")).toEqual(['SC4027']);
    expect(payloads("f'{x#}'", 'FStringMiddle')).toEqual([{ kind: 'text', value: '{x#}' }]);
    expect(codes("f'{x!z}'")).toEqual(['SC4027']);
  });
});

describe('lexer: lines, comments and indentation', () => {
  it('emits INDENT and DEDENT, ignoring blank and comment-only lines', () => {
    const src = 'if a:\n    b\n\n    # note\n        # deeper comment\n    c\nd\n';
    expect(types(src)).toEqual([
      'If',
      'Name',
      'Colon',
      'Newline',
      'Indent',
      'Name',
      'Newline',
      'Name',
      'Newline',
      'Dedent',
      'Name',
      'Newline',
    ]);
  });

  it('closes every open block at the end of the input', () => {
    expect(types('if a:\n  if b:\n    c')).toEqual([
      'If',
      'Name',
      'Colon',
      'Newline',
      'Indent',
      'If',
      'Name',
      'Colon',
      'Newline',
      'Indent',
      'Name',
      'Newline',
      'Dedent',
      'Dedent',
    ]);
  });

  it('collects comments with their text and whether they stand alone', () => {
    const { tokens: ts, comments } = tokens('x = 1  # trailing\n  # own\ny = [1,  # in brackets\n  # alone in brackets\n]\n');
    expect(comments).toEqual([
      { text: ' trailing', ownLine: false, at: '1:8' },
      { text: ' own', ownLine: true, at: '2:3' },
      { text: ' in brackets', ownLine: false, at: '3:10' },
      { text: ' alone in brackets', ownLine: true, at: '4:3' },
    ]);
    expect(ts.filter((t) => t.tokenType.name === 'Newline')).toHaveLength(2);
  });

  it('joins lines inside brackets and after a backslash', () => {
    expect(types('x = f(1,\n      2)\ny = 1 + \\\n    2\n')).toEqual([
      'Name',
      'Assign',
      'Name',
      'LParen',
      'Number',
      'Comma',
      'Number',
      'RParen',
      'Newline',
      'Name',
      'Assign',
      'Number',
      'Plus',
      'Number',
      'Newline',
    ]);
  });

  it('reports a backslash that does not end the line', () => {
    expect(codes('x = a \\ b')).toEqual(['SC4017']);
  });

  it('expands tabs to the next multiple of 8 and reports inconsistent mixing', () => {
    expect(codes('if a:\n\tb\n        c\n')).toEqual(['SC4018']);
    expect(types('if a:\n\tb\n        c\n').filter((t) => t === 'Indent')).toHaveLength(1);
    expect(types('if a:\n\tb\n\tc\n').filter((t) => t === 'Indent')).toHaveLength(1);
    expect(codes('if a:\n\tb\n\tc\n')).toEqual([]);
  });

  it('reports a dedent to no enclosing level', () => {
    const { diagnostics } = tokens('if a:\n        b\n    c\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4019']);
    expect(where(diagnostics[0]!)).toBe('3:1');
  });

  it('counts lines across \\r\\n, lone \\r and multi-line strings', () => {
    const ts = tokens("a\r\nb\rc = '''x\ny'''\nd").tokens.filter((t) => t.tokenType.name === 'Name');
    expect(ts.map((t) => [t.image, t.startLine, t.startColumn])).toEqual([
      ['a', 1, 1],
      ['b', 2, 1],
      ['c', 3, 1],
      ['d', 5, 1],
    ]);
    const s = tokens("c = '''x\ny'''").tokens[2]!;
    expect([s.startLine, s.startColumn, s.endLine, s.endColumn, s.startOffset, s.endOffset]).toEqual([1, 5, 2, 4, 4, 12]);
  });

  it('ignores NUL bytes and reads odd spaces as spaces outside strings, with warnings', () => {
    expect(codes('x\0 = 1')).toEqual(['SC4014']);
    expect(types('x\0 = 1')).toEqual(['Name', 'Assign', 'Number', 'Newline']);
    expect(codes('x\u00a0= 1')).toEqual(['SC4013']);
    expect(types('x\u3000= 1')).toEqual(['Name', 'Assign', 'Number', 'Newline']);
  });

  it('reads full-width punctuation outside strings as ASCII, with a warning', () => {
    expect(types('f（a，b）')).toEqual(['Name', 'LParen', 'Name', 'Comma', 'Name', 'RParen', 'Newline']);
    expect(codes('f（a，b）')).toEqual(['SC4012', 'SC4012', 'SC4012']);
  });
});

describe('lexer: the hyphen rule', () => {
  it('joins a hyphenated name directly before (', () => {
    const [t] = tokens('is_workflow_actions_display_always-on_set(x)').tokens;
    expect(t?.image).toBe('is_workflow_actions_display_always-on_set');
    expect(t?.payload).toEqual({ kind: 'name', name: 'is_workflow_actions_display_always-on_set', hyphenated: true });
    expect(tokens('com_Christopher-Hannah_Text-Case_TextCaseIntent()').tokens[0]?.image).toBe(
      'com_Christopher-Hannah_Text-Case_TextCaseIntent',
    );
  });

  it('joins a hyphenated keyword name inside parentheses before a lone =', () => {
    expect(tokenText('f(Show-text=True, Show-WFInput = 1)')).toBe(
      'Name:f LParen:( Name:Show-text Assign:= True:True Comma:, Name:Show-WFInput Assign:= Number:1 RParen:) Newline:',
    );
  });

  it('keeps subtraction everywhere else', () => {
    expect(types('a-b')).toEqual(['Name', 'Minus', 'Name', 'Newline']);
    expect(types('a - b(1)')).toEqual(['Name', 'Minus', 'Name', 'LParen', 'Number', 'RParen', 'Newline']);
    expect(types('x-y = 1')).toEqual(['Name', 'Minus', 'Name', 'Assign', 'Number', 'Newline']);
    expect(types('f(a-b==c)')).toEqual(['Name', 'LParen', 'Name', 'Minus', 'Name', 'EqualEqual', 'Name', 'RParen', 'Newline']);
    expect(types('[a-b=1]').slice(0, 4)).toEqual(['LBracket', 'Name', 'Minus', 'Name']);
    expect(types('not-x(1)').slice(0, 3)).toEqual(['Not', 'Minus', 'Name']);
  });
});

describe('lexer: property names with spaces', () => {
  it('joins Title Case words after a dot up to a delimiter or operator', () => {
    expect(tokenText("if end.Job Title == 'x':").split(' ').slice(0, 4)).toEqual(['If:if', 'Name:end', 'Dot:.', 'Name:Job']);
    const name = tokens("if end.Job Title == 'x':").tokens[3];
    expect([name?.image, name?.payload]).toEqual(['Job Title', { kind: 'name', name: 'Job Title', hyphenated: false, spaced: true }]);
    expect(tokens("f'{app.Store URL}'").tokens.map((t) => t.image)).toContain('Store URL');
    expect(tokens('f(x.Phone Number, y)').tokens.map((t) => t.image)).toContain('Phone Number');
  });

  it('never joins what Python could read: keywords, lower-case words, calls', () => {
    expect(tokens('x.Name if y else z').tokens.map((t) => t.image)).toContain('Name');
    expect(tokens('x.Name in y').tokens.map((t) => t.image)).toContain('Name');
    expect(tokens('x.Name something').tokens.map((t) => t.image)).toContain('Name');
    expect(tokens('x.Name Other(1)').tokens.map((t) => t.image)).toContain('Name');
    expect(tokens('Name Other = 1').tokens.map((t) => t.image)).toContain('Name');
  });
});

describe('lexer: unquoted text in list and dictionary literals', () => {
  const bare = (src: string): string[] =>
    tokens(src)
      .tokens.filter((t) => t.tokenType.name === 'BareText')
      .map((t) => t.image);

  it('reads an element the lexer cannot read as one piece of text', () => {
    expect(bare('x = [Select Manually, 1080p, 720p]')).toEqual(['1080p', '720p']);
    expect(bare('x = {"k": /9j/4AAQSkZJRg+/ab==, "n": 1}')).toEqual(['/9j/4AAQSkZJRg+/ab==']);
    expect(bare("x = [Don't Stop, Go]")).toEqual(["Don't Stop"]);
    expect(bare('x = {"k": You haven\\\'t entered it, "b": 2}')).toEqual(["You haven\\'t entered it"]);
    expect(bare('x = [¥, HK$, ⚙️ Settings]')).toEqual(['¥', 'HK$', '⚙️ Settings']);
    expect(bare('x = {"a": App\u00a0Store}')).toEqual(['App\u00a0Store']);
    expect(bare('x = [你好，世界]')).toEqual(['你好，世界']);
    expect(bare('x = [Ghost, Undefined creature (tell me your ideas!)]')).toEqual(['Undefined creature (tell me your ideas!)']);
  });

  it('stops a key at its colon and leaves the value to its own reading', () => {
    expect(bare('x = {82GtS3Ap9: 500}')).toEqual(['82GtS3Ap9']);
    expect(types('x = {82GtS3Ap9: 500}')).toEqual(['Name', 'Assign', 'LBrace', 'BareText', 'Colon', 'Number', 'RBrace', 'Newline']);
  });

  it('withdraws what the lexer had said about text it re-read', () => {
    expect(codes('x = [1080p, ¥]')).toEqual([]);
  });

  it('never reads calls or subscripts as bare text', () => {
    expect(codes('f(1080p)')).toEqual(['SC4015']);
    expect(codes('x[1080p]')).toEqual(['SC4015']);
  });
});

describe('lexer: brackets', () => {
  it('closes a bracket that is never closed before the next statement-like line', () => {
    const { tokens: ts, diagnostics } = tokens('x = f(a,\n  b\ny = 2\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4021']);
    expect(where(diagnostics[0]!)).toBe('1:6');
    expect(ts.map((t) => t.tokenType.name)).toEqual([
      'Name',
      'Assign',
      'Name',
      'LParen',
      'Name',
      'Comma',
      'Name',
      'RParen',
      'Newline',
      'Name',
      'Assign',
      'Number',
      'Newline',
    ]);
  });

  it('reports a closing bracket that closes an outer bracket first', () => {
    const { diagnostics, tokens: ts } = tokens('f(WFInput, {x, y)\ny = 1\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['SC4021']);
    expect(where(diagnostics[0]!)).toBe('1:12');
    expect(ts.filter((t) => t.startLine === 2)).toHaveLength(4);
  });

  it('reports a closing bracket with nothing to close', () => {
    expect(codes('})')).toEqual(['SC4020', 'SC4020']);
  });
});
