import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/diagnostics/diagnostic.js';
import { plistEqual } from '../../src/plist/equal.js';
import { data, date, dict, integer, real, type PlistValue } from '../../src/plist/value.js';
import { readXmlPlist } from '../../src/plist/xml-reader.js';

const DOCTYPE = '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">';
const wrap = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${DOCTYPE}\n<plist version="1.0">\n${body}\n</plist>\n`;

function value(result: Result<PlistValue>): PlistValue {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}
const read = (body: string): PlistValue => value(readXmlPlist(wrap(body)));
const errorOf = (text: string | Uint8Array): { code: string; message: string; offset: number } => {
  const result = readXmlPlist(text);
  expect(result.ok).toBe(false);
  const d = result.diagnostics[0]!;
  return { code: d.code, message: d.message, offset: d.location?.kind === 'bytes' ? d.location.offset : -1 };
};

describe('XML plist reader: values', () => {
  it('keeps <real>1</real> a real and <integer>1</integer> an integer', () => {
    expect(read('<real>1</real>')).toEqual(real(1));
    expect(read('<integer>1</integer>')).toEqual(integer(1));
  });

  it('reads integers over the whole signed and unsigned 64-bit range, in decimal and hex', () => {
    expect(read('<integer>18446744073709551615</integer>')).toEqual(integer(2n ** 64n - 1n));
    expect(read('<integer>-9223372036854775808</integer>')).toEqual(integer(-(2n ** 63n)));
    expect(read('<integer> +42 </integer>')).toEqual(integer(42));
    expect(read('<integer>0x1F</integer>')).toEqual(integer(31));
    expect(read('<integer>-1263359489</integer>')).toEqual(integer(-1_263_359_489));
  });

  it("reads reals in every spelling CoreFoundation and plistlib write", () => {
    expect(read('<real>0.27843135595321655</real>')).toEqual(real(0.27843135595321655));
    expect(read('<real>1e+21</real>')).toEqual(real(1e21));
    expect(read('<real>-0.0</real>')).toEqual(real(-0));
    expect(plistEqual(read('<real>nan</real>'), real(Number.NaN))).toBe(true);
    expect(read('<real>+infinity</real>')).toEqual(real(Number.POSITIVE_INFINITY));
    expect(read('<real>-inf</real>')).toEqual(real(Number.NEGATIVE_INFINITY));
    expect(read('<real>Infinity</real>')).toEqual(real(Number.POSITIVE_INFINITY));
  });

  it('reads dates, data, booleans and empty forms', () => {
    expect(read('<date>2001-01-01T00:00:00Z</date>')).toEqual(date(0));
    expect(read('<date>0001-01-01T00:00:00Z</date>')).toEqual(date(-63_113_904_000));
    expect(read('<data>\n\tAAEC\n\tAw==\n</data>')).toEqual(data(new Uint8Array([0, 1, 2, 3])));
    expect(read('<data></data>')).toEqual(data(new Uint8Array(0)));
    expect(read('<array><true/><false></false><string/><array/><dict/></array>')).toEqual([true, false, '', [], new Map()]);
  });

  it('reads dictionaries in order and warns about repeated keys', () => {
    const v = read('<dict><key>b</key><integer>1</integer><key>a</key><string>x</string></dict>');
    expect(plistEqual(v, dict([['b', integer(1)], ['a', 'x']]), { keyOrder: true })).toBe(true);
    const repeated = readXmlPlist(wrap('<dict><key>k</key><true/><key>k</key><false/></dict>'));
    expect(repeated.ok && repeated.value).toEqual(dict([['k', false]]));
    expect(repeated.diagnostics.map((d) => d.code)).toEqual(['SC1003']);
  });

  it('decodes entities, character references and CDATA, and normalizes raw line ends', () => {
    expect(read('<string>&lt;a&gt; &amp; &quot;&apos; &#233;&#x1F600;</string>')).toBe('<a> & "\' é\u{1F600}');
    expect(read('<string><![CDATA[<b> & ]]>x</string>')).toBe('<b> & x');
    expect(read('<string>a\r\nb\rc&#13;d</string>')).toBe('a\nb\nc\rd');
    expect(read('<string>a<!-- note -->b</string>')).toBe('ab');
  });

  it('reads a bare value without <plist>, and skips a DOCTYPE internal subset without expanding it', () => {
    expect(value(readXmlPlist('<string>bare</string>'))).toBe('bare');
    const subset = `<?xml version="1.0"?><!DOCTYPE plist [ <!ENTITY x "expanded"> <!-- ] > --> ]><plist><string>kept</string></plist>`;
    expect(value(readXmlPlist(subset))).toBe('kept');
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 documents', () => {
    const body = '<plist><string>é</string></plist>';
    expect(value(readXmlPlist(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)])))).toBe('é');
    const le = [0xff, 0xfe, ...[...body].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
    expect(value(readXmlPlist(new Uint8Array(le)))).toBe('é');
  });
});

describe('XML plist reader: errors carry a code, a byte offset, line and column', () => {
  const cases: [string, string, string][] = [
    ['an unknown element', wrap('<dict><key>a</key><foo/></dict>'), 'SC1032'],
    ['an element in the wrong case', wrap('<Dict></Dict>'), 'SC1032'],
    ['an undefined entity', wrap('<string>&nbsp;</string>'), 'SC1034'],
    ['an entity declared in the DOCTYPE', '<!DOCTYPE plist [<!ENTITY e "boom">]><plist><string>&e;</string></plist>', 'SC1034'],
    ['an external entity', '<!DOCTYPE plist [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><plist><string>&xxe;</string></plist>', 'SC1034'],
    ['a bare ampersand', wrap('<string>a & b</string>'), 'SC1034'],
    ['a NUL character reference', wrap('<string>&#0;</string>'), 'SC1035'],
    ['a surrogate character reference', wrap('<string>&#xD800;</string>'), 'SC1035'],
    ['a raw control character', wrap('<string>a\u0001b</string>'), 'SC1035'],
    ['an unclosed dict', wrap('<dict><key>a</key><string>x</string>'), 'SC1033'],
    ['an unclosed string', '<plist><string>never ends', 'SC1033'],
    ['a mismatched end tag', wrap('<array></dict>'), 'SC1033'],
    ['an end tag with no start', '<plist><string>x</string></plist></array>', 'SC1033'],
    ['an unclosed comment', wrap('<!-- no end'), 'SC1033'],
    ['a malformed integer', wrap('<integer>12a</integer>'), 'SC1036'],
    ['an empty integer', wrap('<integer></integer>'), 'SC1036'],
    ['a malformed real', wrap('<real>1.2.3</real>'), 'SC1036'],
    ['a date without Z', wrap('<date>2020-01-01T00:00:00</date>'), 'SC1036'],
    ['an impossible date', wrap('<date>2021-02-30T00:00:00Z</date>'), 'SC1036'],
    ['data that is not base64', wrap('<data>AB$D</data>'), 'SC1036'],
    ['data with a bad length', wrap('<data>ABCDE</data>'), 'SC1036'],
    ['text inside <true>', wrap('<true>yes</true>'), 'SC1036'],
    ['an integer above 2^64-1', wrap('<integer>18446744073709551616</integer>'), 'SC1037'],
    ['an integer below -2^63', wrap('<integer>-9223372036854775809</integer>'), 'SC1037'],
    ['a key without a value', wrap('<dict><key>a</key></dict>'), 'SC1038'],
    ['a value without a key', wrap('<dict><string>x</string></dict>'), 'SC1038'],
    ['two keys in a row', wrap('<dict><key>a</key><key>b</key><true/></dict>'), 'SC1038'],
    ['a key in an array', wrap('<array><key>a</key></array>'), 'SC1038'],
    ['an empty plist', wrap(''), 'SC1039'],
    ['two values in a plist', wrap('<true/><false/>'), 'SC1039'],
    ['an empty document', '   ', 'SC1039'],
    ['text between elements', wrap('<array>words</array>'), 'SC1040'],
    ['an element inside a string', wrap('<string>a<b>c</b></string>'), 'SC1031'],
    ['an unquoted attribute', '<plist version=1.0><true/></plist>', 'SC1031'],
    ['a tag that never ends', '<plist><dict', 'SC1031'],
  ];
  for (const [name, text, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      const e = errorOf(text);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(/\(line \d+, column \d+\)$/);
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset).toBeLessThanOrEqual(new TextEncoder().encode(text).length);
    });
  }

  it('points at the byte where the problem is, counting UTF-8 bytes', () => {
    const text = '<plist><array><string>é</string><foo/></array></plist>';
    const e = errorOf(text);
    expect(e.code).toBe('SC1032');
    expect(e.offset).toBe(new TextEncoder().encode(text.slice(0, text.indexOf('<foo'))).length);
    expect(e.message).toContain('line 1, column 33');
  });

  it('rejects invalid UTF-8 at the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<plist><string>'), 0xc3, 0x28, ...new TextEncoder().encode('</string></plist>')]);
    const e = errorOf(bytes);
    expect(e.code).toBe('SC1030');
    expect(e.offset).toBe(15);
  });

  it('rejects a declared encoding it does not read', () => {
    expect(errorOf(new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><plist><true/></plist>')).code).toBe('SC1030');
  });
});
