import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/diagnostics/diagnostic.js';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { plistEqual } from '../../src/plist/equal.js';
import { data, date, dict, integer, real, uid, type PlistValue } from '../../src/plist/value.js';
import { ascii, be, buildBplist, utf16 } from '../support/bplist-builder.js';

function value(result: Result<PlistValue>): PlistValue {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

/** Reads a one-object plist. */
const one = (object: number[]): Result<PlistValue> => readBinaryPlist(buildBplist({ objects: [object] }));

function codeOf(result: Result<PlistValue>): string | undefined {
  return result.ok ? undefined : result.diagnostics[0]?.code;
}

describe('binary plist reader: scalars', () => {
  it('reads booleans', () => {
    expect(value(one([0x09]))).toBe(true);
    expect(value(one([0x08]))).toBe(false);
  });

  it('reads 1-, 2- and 4-byte integers as unsigned', () => {
    expect(value(one([0x10, 0xff]))).toEqual(integer(255));
    expect(value(one([0x11, 0xff, 0xfe]))).toEqual(integer(65_534));
    expect(value(one([0x12, 0xff, 0xff, 0xff, 0xff]))).toEqual(integer(4_294_967_295));
  });

  it('reads 8-byte integers as signed and 16-byte integers over the unsigned range', () => {
    expect(value(one([0x13, ...be(-1_263_359_489n, 8)]))).toEqual(integer(-1_263_359_489n));
    expect(value(one([0x13, ...be(-(2n ** 63n), 8)]))).toEqual(integer(-(2n ** 63n)));
    expect(value(one([0x14, ...be(2n ** 64n - 1n, 16)]))).toEqual(integer(2n ** 64n - 1n));
    expect(value(one([0x14, ...be(-5n, 16)]))).toEqual(integer(-5n));
  });

  it('rejects 16-byte integers outside the 64-bit range and other widths', () => {
    expect(codeOf(one([0x14, ...be(2n ** 64n, 16)]))).toBe('SC1021');
    expect(codeOf(one([0x14, ...be(-(2n ** 63n) - 1n, 16)]))).toBe('SC1021');
    expect(codeOf(one([0x15, ...new Array<number>(32).fill(0)]))).toBe('SC1021');
  });

  it('keeps reals reals, in 4 and 8 bytes, whole or not, NaN and infinities', () => {
    const f64 = (x: number): number[] => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, x);
      return [0x23, ...b];
    };
    const f32 = (x: number): number[] => {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setFloat32(0, x);
      return [0x22, ...b];
    };
    expect(value(one(f64(1)))).toEqual(real(1));
    expect(plistEqual(value(one(f64(-0))), real(-0))).toBe(true);
    expect(plistEqual(value(one(f64(Number.NaN))), real(Number.NaN))).toBe(true);
    expect(value(one(f64(Number.NEGATIVE_INFINITY)))).toEqual(real(Number.NEGATIVE_INFINITY));
    expect(value(one(f32(0.5)))).toEqual(real(0.5));
    expect(codeOf(one([0x21, 0, 0]))).toBe('SC1016');
  });

  it('reads dates as float seconds since 2001', () => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, 466_883_990.000917);
    expect(value(one([0x33, ...b]))).toEqual(date(466_883_990.000917));
  });

  it('reads data of short and extended lengths', () => {
    expect(value(one([0x43, 1, 2, 3]))).toEqual(data(new Uint8Array([1, 2, 3])));
    const long = Array.from({ length: 300 }, (_, i) => i & 0xff);
    expect(value(one([0x4f, 0x11, ...be(300n, 2), ...long]))).toEqual(data(new Uint8Array(long)));
  });

  it('reads ASCII and UTF-16 strings, including astral characters', () => {
    expect(value(one(ascii('WFWorkflowActions')))).toBe('WFWorkflowActions');
    expect(value(one(ascii('')))).toBe('');
    expect(value(one(utf16([0x00e9, 0xd83d, 0xde00])))).toBe('é\u{1F600}');
  });

  it('reads UIDs of 1 to 8 bytes', () => {
    expect(value(one([0x80, 7]))).toEqual(uid(7));
    expect(value(one([0x81, 1, 0]))).toEqual(uid(256));
    expect(value(one([0x83, 0, 1, 0, 0]))).toEqual(uid(65_536));
    expect(value(one([0x87, ...be(2n ** 40n, 8)]))).toEqual(uid(2 ** 40));
  });
});

describe('binary plist reader: collections and widths', () => {
  it('reads arrays and dictionaries, keeping key order', () => {
    // {"b": 1, "a": [true, "x"]}
    const bytes = buildBplist({
      objects: [[0xd2, 1, 2, 3, 4], ascii('b'), ascii('a'), [0x10, 1], [0xa2, 5, 6], [0x09], ascii('x')],
    });
    const v = value(readBinaryPlist(bytes));
    expect(plistEqual(v, dict([['b', integer(1)], ['a', [true, 'x']]]), { keyOrder: true })).toBe(true);
    expect([...(v as Map<string, PlistValue>).keys()]).toEqual(['b', 'a']);
  });

  it('reads 2-byte references and offsets, and collections with extended counts', () => {
    const count = 20;
    const objects: number[][] = [[0xaf, 0x10, count, ...Array.from({ length: count }, (_, i) => [0, i + 1]).flat()]];
    for (let i = 0; i < count; i++) objects.push([0x10, i]);
    const bytes = buildBplist({ objects, refSize: 2, offsetSize: 2 });
    expect(value(readBinaryPlist(bytes))).toEqual(Array.from({ length: count }, (_, i) => integer(i)));
  });

  it('reads 4- and 8-byte offset tables', () => {
    for (const offsetSize of [4, 8]) {
      const bytes = buildBplist({ objects: [[0xa1, 1], ascii('ok')], offsetSize });
      expect(value(readBinaryPlist(bytes))).toEqual(['ok']);
    }
  });

  it('reads shared objects once and shared arrays as separate copies', () => {
    // [s, s, a, a] where a = [s]
    const bytes = buildBplist({ objects: [[0xa4, 1, 1, 2, 2], ascii('s'), [0xa1, 1]] });
    const v = value(readBinaryPlist(bytes)) as PlistValue[];
    expect(v).toEqual(['s', 's', ['s'], ['s']]);
    expect(v[2]).not.toBe(v[3]);
  });

  it('warns about a repeated key and keeps the last value', () => {
    const bytes = buildBplist({ objects: [[0xd2, 1, 1, 2, 3], ascii('k'), [0x10, 1], [0x10, 2]] });
    const result = readBinaryPlist(bytes);
    expect(result.ok && result.value).toEqual(dict([['k', integer(2)]]));
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SC1003', 'warning']]);
  });

  it('honours the top object given in the trailer', () => {
    const bytes = buildBplist({ objects: [ascii('not me'), ascii('me')], top: 1 });
    expect(value(readBinaryPlist(bytes))).toBe('me');
  });
});

describe('binary plist reader: errors carry a code and a byte offset', () => {
  const cases: [string, Uint8Array, string][] = [
    ['not a bplist', new TextEncoder().encode('hello world, this is not a plist at all!!'), 'SC1010'],
    ['an unsupported version', buildBplist({ objects: [[0x09]], header: 'bplist15' }), 'SC1010'],
    ['a file too short for a trailer', new TextEncoder().encode('bplist00'), 'SC1011'],
    ['an offset width of 3', (() => { const b = buildBplist({ objects: [[0x09]] }); b[b.length - 26] = 3; return b; })(), 'SC1012'],
    ['no objects', buildBplist({ objects: [[0x09]], declaredCount: 0n }), 'SC1012'],
    ['a top object past the count', buildBplist({ objects: [[0x09]], declaredTop: 5n }), 'SC1012'],
    ['an offset table past the end', buildBplist({ objects: [[0x09]], declaredTableOffset: 1000n }), 'SC1013'],
    ['2^32 objects declared in a tiny file', buildBplist({ objects: [[0x09]], declaredCount: 2n ** 32n }), 'SC1013'],
    ['2^64-1 objects declared', buildBplist({ objects: [[0x09]], declaredCount: 2n ** 64n - 1n }), 'SC1013'],
    ['an object offset inside the header', buildBplist({ objects: [[0x09]], offsets: { 0: 2 } }), 'SC1014'],
    ['an object offset past the objects', buildBplist({ objects: [[0xa1, 1], [0x09]], offsets: { 1: 200 } }), 'SC1014'],
    ['a string longer than the file', buildBplist({ objects: [[0x5f, 0x12, ...be(2n ** 31n, 4), 0x41]] }), 'SC1015'],
    ['an array longer than the file', buildBplist({ objects: [[0xaf, 0x13, ...be(2n ** 40n, 8)]] }), 'SC1015'],
    ['a null object', buildBplist({ objects: [[0x00]] }), 'SC1016'],
    ['a set', buildBplist({ objects: [[0xc1, 1], [0x09]] }), 'SC1016'],
    ['a bplist1x UTF-8 string', buildBplist({ objects: [[0x71, 0x41]] }), 'SC1016'],
    ['a reference past the objects', buildBplist({ objects: [[0xa1, 9]] }), 'SC1017'],
    ['an array containing itself', buildBplist({ objects: [[0xa1, 0]] }), 'SC1018'],
    ['a dictionary cycle through an array', buildBplist({ objects: [[0xd1, 1, 2], ascii('k'), [0xa1, 0]] }), 'SC1018'],
    ['an ASCII string with a high byte', buildBplist({ objects: [[0x52, 0x41, 0xe9]] }), 'SC1019'],
    ['a lone high surrogate', buildBplist({ objects: [utf16([0x41, 0xd800])] }), 'SC1019'],
    ['a lone low surrogate', buildBplist({ objects: [utf16([0xdc00, 0x41])] }), 'SC1019'],
    ['two high surrogates', buildBplist({ objects: [utf16([0xd800, 0xd800, 0xdc00])] }), 'SC1019'],
    ['an integer dictionary key', buildBplist({ objects: [[0xd1, 1, 1], [0x10, 1]] }), 'SC1020'],
    ['a length that is not an integer', buildBplist({ objects: [[0x5f, 0x23, 0, 0, 0, 0, 0, 0, 0, 0]] }), 'SC1022'],
  ];
  for (const [name, bytes, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      const result = readBinaryPlist(bytes);
      expect(result.ok).toBe(false);
      const d = result.diagnostics[0]!;
      expect(d.code).toBe(code);
      expect(d.severity).toBe('error');
      expect(d.location?.kind).toBe('bytes');
      const offset = d.location?.kind === 'bytes' ? d.location.offset : -1;
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(bytes.length);
      expect(d.message.length).toBeGreaterThan(10);
    });
  }

  it('rejects references too narrow for the object count', () => {
    const objects: number[][] = [[0xa1, 1]];
    for (let i = 0; i < 300; i++) objects.push([0x09]);
    expect(codeOf(readBinaryPlist(buildBplist({ objects, refSize: 1, offsetSize: 2 })))).toBe('SC1012');
  });
});
