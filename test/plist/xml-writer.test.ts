import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/diagnostics/diagnostic.js';
import { plistEqual } from '../../src/plist/equal.js';
import { data, date, dict, integer, real, uid, type PlistValue } from '../../src/plist/value.js';
import { readXmlPlist } from '../../src/plist/xml-reader.js';
import { formatDate, formatReal, writeXmlPlistText } from '../../src/plist/xml-writer.js';

function textOf(result: Result<string>): string {
  if (!result.ok) throw new Error(`expected XML, got ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n';

describe('XML plist writer', () => {
  it("writes Apple's layout: declaration, DOCTYPE, tabs, empty collections, keys in the given order", () => {
    const value = dict([
      ['WFWorkflowClientVersion', '2038.0.2.4'],
      ['WFWorkflowActions', []],
      ['WFWorkflowIcon', dict([['WFWorkflowIconGlyphNumber', integer(59_511)]])],
      ['Flags', [true, false, real(1), dict()]],
    ]);
    expect(textOf(writeXmlPlistText(value))).toBe(
      `${HEAD}<dict>\n` +
        '\t<key>WFWorkflowClientVersion</key>\n\t<string>2038.0.2.4</string>\n' +
        '\t<key>WFWorkflowActions</key>\n\t<array/>\n' +
        '\t<key>WFWorkflowIcon</key>\n\t<dict>\n\t\t<key>WFWorkflowIconGlyphNumber</key>\n\t\t<integer>59511</integer>\n\t</dict>\n' +
        '\t<key>Flags</key>\n\t<array>\n\t\t<true/>\n\t\t<false/>\n\t\t<real>1</real>\n\t\t<dict/>\n\t</array>\n' +
        '</dict>\n</plist>\n',
    );
  });

  it('wraps base64 data in lines of 76 characters less 8 per level, as CoreFoundation does', () => {
    const bytes = new Uint8Array(100).map((_, i) => i);
    const top = textOf(writeXmlPlistText(data(bytes)));
    const lines = top.split('\n').slice(4, -3);
    expect(lines[0]).toHaveLength(76);
    expect(lines.join('')).toBe(Buffer.from(bytes).toString('base64'));
    const nested = textOf(writeXmlPlistText([[data(bytes)]])).split('\n');
    expect(nested[6]).toBe(`\t\t${Buffer.from(bytes).toString('base64').slice(0, 60)}`);
  });

  it('escapes markup characters and writes carriage returns as &#13;', () => {
    const text = textOf(writeXmlPlistText('a<b>&c\r\nd\re'));
    expect(text).toContain('<string>a&lt;b&gt;&amp;c&#13;\nd&#13;e</string>');
    const back = readXmlPlist(text);
    expect(back.ok && back.value).toBe('a<b>&c\r\nd\re');
  });

  it('formats reals like %.17g, with nan, ±infinity and a signed zero', () => {
    expect(formatReal(1)).toBe('1');
    expect(formatReal(0.1)).toBe('0.10000000000000001');
    expect(formatReal(0.27843135595321655)).toBe('0.27843135595321655');
    expect(formatReal(33.333333333333336)).toBe('33.333333333333336');
    expect(formatReal(1e21)).toBe('1e+21');
    expect(formatReal(1e-5)).toBe('1.0000000000000001e-05');
    expect(formatReal(5e-324)).toBe('4.9406564584124654e-324');
    expect(formatReal(-2.5)).toBe('-2.5');
    expect(formatReal(0)).toBe('0.0');
    expect(formatReal(-0)).toBe('-0.0');
    expect(formatReal(Number.NaN)).toBe('nan');
    expect(formatReal(Number.POSITIVE_INFINITY)).toBe('+infinity');
    expect(formatReal(Number.NEGATIVE_INFINITY)).toBe('-infinity');
    for (const x of [0.1, 1 / 3, Math.PI * 1e300, 5e-324, -123456.789e-200, 2 ** 53 + 2]) expect(Number(formatReal(x))).toBe(x);
  });

  it('formats whole-second dates and refuses the others', () => {
    expect(formatDate(0)).toBe('2001-01-01T00:00:00Z');
    expect(formatDate(-63_113_904_000)).toBe('0001-01-01T00:00:00Z');
    expect(formatDate(0.5)).toBeUndefined();
    expect(formatDate(-63_113_904_001)).toBeUndefined();
    expect(formatDate(Number.NaN)).toBeUndefined();
  });

  it('round-trips every kind it can write', () => {
    const value = dict([
      ['s', 'é \u{1F600} \t\n'],
      ['i', [integer(2n ** 64n - 1n), integer(-(2n ** 63n)), integer(0)]],
      ['r', [real(1), real(-0), real(Number.NaN), real(Number.NEGATIVE_INFINITY), real(Number.MIN_VALUE)]],
      ['d', date(-1_000_000)],
      ['b', data(new Uint8Array([255, 0, 1]))],
    ]);
    const back = readXmlPlist(textOf(writeXmlPlistText(value)));
    expect(back.ok && plistEqual(back.value, value, { keyOrder: true })).toBe(true);
  });

  const refusals: [string, PlistValue, string, (string | number)[]][] = [
    ['a control character', dict([['k', ['ok', 'bell\u0007']]]), 'SC1050', ['k', 1]],
    ['a control character in a key', dict([['\u0000', true]]), 'SC1050', ['\u0000']],
    ['U+FFFF', ['\uffff'], 'SC1050', [0]],
    ['a UID', dict([['$top', uid(1)]]), 'SC1051', ['$top']],
    ['a fractional date', [date(466_883_990.000917)], 'SC1052', [0]],
    ['a date in year 10000', [date(253_402_300_800)], 'SC1052', [0]],
    ['a lone surrogate', ['\udc00'], 'SC1053', [0]],
    ['a dictionary Apple would read as a UID', [dict([['CF$UID', integer(3)]])], 'SC1055', [0]],
  ];
  for (const [name, value, code, path] of refusals) {
    it(`refuses ${name} with ${code} and the value's path`, () => {
      const result = writeXmlPlistText(value);
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]).toMatchObject({ code, location: { kind: 'plist', path } });
    });
  }

  it('refuses a value that contains itself', () => {
    const loop: PlistValue[] = [];
    loop.push(loop);
    expect(writeXmlPlistText(loop).diagnostics[0]?.code).toBe('SC1054');
  });
});
