import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/diagnostics/diagnostic.js';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { plistEqual } from '../../src/plist/equal.js';
import { data, date, dict, integer, real, uid, type PlistValue } from '../../src/plist/value.js';

function bytesOf(result: Result<Uint8Array>): Uint8Array {
  if (!result.ok) throw new Error(`expected bytes, got ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

/** The bytes of the top object (it is written first, right after the header). */
function topObject(value: PlistValue, length: number): number[] {
  return [...bytesOf(writeBinaryPlist(value)).subarray(8, 8 + length)];
}

function trailer(bytes: Uint8Array): { offsetSize: number; refSize: number; count: number } {
  const t = bytes.length - 32;
  return { offsetSize: bytes[t + 6]!, refSize: bytes[t + 7]!, count: Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(t + 8)) };
}

describe('binary plist writer', () => {
  it('writes integers in the widths Apple uses', () => {
    expect(topObject(integer(0), 2)).toEqual([0x10, 0]);
    expect(topObject(integer(255), 2)).toEqual([0x10, 0xff]);
    expect(topObject(integer(256), 3)).toEqual([0x11, 1, 0]);
    expect(topObject(integer(65_536), 5)).toEqual([0x12, 0, 1, 0, 0]);
    expect(topObject(integer(2 ** 32), 9)).toEqual([0x13, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(topObject(integer(-1), 9)).toEqual([0x13, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(topObject(integer(2n ** 64n - 1n), 17)).toEqual([0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  });

  it('writes reals as 8-byte reals, whole or not', () => {
    expect(topObject(real(1), 9)).toEqual([0x23, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
    const back = readBinaryPlist(bytesOf(writeBinaryPlist(real(1))));
    expect(back.ok && back.value).toEqual(real(1));
  });

  it('writes ASCII strings as ASCII and others as UTF-16BE', () => {
    expect(topObject('ab', 3)).toEqual([0x52, 0x61, 0x62]);
    expect(topObject('é', 3)).toEqual([0x61, 0x00, 0xe9]);
    expect(topObject('\u{1F600}', 5)).toEqual([0x62, 0xd8, 0x3d, 0xde, 0x00]);
  });

  it('writes long lengths after a 0xF marker in the fewest bytes', () => {
    expect(topObject('a'.repeat(15), 3)).toEqual([0x5f, 0x10, 15]);
    expect(topObject(data(new Uint8Array(300)), 4)).toEqual([0x4f, 0x11, 1, 44]);
  });

  it('writes UIDs in 1, 2, 4 or 8 bytes', () => {
    expect(topObject(uid(5), 2)).toEqual([0x80, 5]);
    expect(topObject(uid(256), 3)).toEqual([0x81, 1, 0]);
    expect(topObject(uid(65_536), 5)).toEqual([0x83, 0, 1, 0, 0]);
  });

  it('keeps key order, writes keys before values, and writes equal scalars once', () => {
    const value = dict([
      ['z', 'same'],
      ['a', 'same'],
      ['same', [integer(1), integer(1), real(1), real(-0), real(0)]],
    ]);
    const bytes = bytesOf(writeBinaryPlist(value));
    // Objects: dict, z, a, "same" (key and values), array, 1, 1.0, -0.0, 0.0.
    expect(trailer(bytes).count).toBe(9);
    const back = readBinaryPlist(bytes);
    expect(back.ok && plistEqual(back.value, value, { keyOrder: true })).toBe(true);
  });

  it('writes an array that appears twice in the value once', () => {
    const shared = [integer(1), 'x'];
    const bytes = bytesOf(writeBinaryPlist([shared, shared]));
    expect(trailer(bytes).count).toBe(4);
    const back = readBinaryPlist(bytes);
    expect(back.ok && back.value).toEqual([shared, shared]);
  });

  it('uses 2-byte references and offsets when the file needs them', () => {
    const value = Array.from({ length: 400 }, (_, i) => `s${i}`);
    const bytes = bytesOf(writeBinaryPlist(value));
    expect(trailer(bytes)).toMatchObject({ offsetSize: 2, refSize: 2, count: 401 });
    const back = readBinaryPlist(bytes);
    expect(back.ok && back.value).toEqual(value);
  });

  it('writes dates bit for bit', () => {
    const back = readBinaryPlist(bytesOf(writeBinaryPlist(date(466_883_990.000917))));
    expect(back.ok && back.value).toEqual(date(466_883_990.000917));
  });

  it('refuses a value that contains itself, naming its path', () => {
    const loop: PlistValue[] = [];
    const root = dict([['a', [loop]]]);
    loop.push(root);
    const result = writeBinaryPlist(root);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: 'SC1054', location: { kind: 'plist', path: ['a', 0, 0] } });
  });

  it('refuses values the model cannot hold', () => {
    const bad: [string, unknown][] = [
      ['lone surrogate', ['ok', '\ud800x']],
      ['integer out of range', { kind: 'integer', value: 2n ** 64n }],
      ['JavaScript number', [1]],
      ['null', dict([['k', null as unknown as PlistValue]])],
      ['negative UID', { kind: 'uid', value: -1 }],
      ['unknown kind', { kind: 'set', value: [] }],
    ];
    for (const [name, value] of bad) {
      const result = writeBinaryPlist(value as PlistValue);
      expect(result.ok, name).toBe(false);
      expect(result.diagnostics[0]?.code, name).toBe('SC1053');
    }
    expect(writeBinaryPlist(['ok', '\ud800x']).diagnostics[0]?.location).toEqual({ kind: 'plist', path: [1] });
  });

  it('writes long strings (copied natively) exactly like short ones, character for character', () => {
    const ascii = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
    const utf16 = 'Grüße aus Köln \u{1F600} — '.repeat(40);
    for (const text of [ascii, utf16, ascii.slice(0, 33), utf16.slice(0, 33), 'x'.repeat(32)]) {
      const bytes = bytesOf(writeBinaryPlist(['short', text]));
      const back = readBinaryPlist(bytes);
      expect(back.ok && back.value).toEqual(['short', text]);
    }
    // The marker and the first bytes of a long ASCII string and of a long UTF-16BE string.
    const a = bytesOf(writeBinaryPlist(ascii));
    expect([...a.subarray(8, 14)]).toEqual([0x5f, 0x11, 0x07, 0x08, 0x54, 0x68]);
    const u = bytesOf(writeBinaryPlist(utf16));
    expect([...u.subarray(8, 16)]).toEqual([0x6f, 0x11, 0x03, 0x20, 0x00, 0x47, 0x00, 0x72]);
  });

  it('finds a lone surrogate in a long string, and writes the same bytes after a failure or a huge value', () => {
    const value = dict([['k', ['a', 'b'.repeat(50)]]]);
    const before = bytesOf(writeBinaryPlist(value));
    const lone = writeBinaryPlist(['ok', `${'y'.repeat(100)}\udc00${'z'.repeat(100)}`]);
    expect(lone.ok).toBe(false);
    expect(lone.diagnostics[0]).toMatchObject({ code: 'SC1053', location: { kind: 'plist', path: [1] } });
    expect(bytesOf(writeBinaryPlist(['big', 'q'.repeat(3_000_000)])).length).toBeGreaterThan(3_000_000);
    expect(bytesOf(writeBinaryPlist(value))).toEqual(before);
  });
});
