/**
 * Bad input never crashes a reader: every case below gives a diagnostic (or a
 * value), never an exception, never a hang, never unbounded memory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/diagnostics/diagnostic.js';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { plistEqual } from '../../src/plist/equal.js';
import { readPlist } from '../../src/plist/read.js';
import { data, date, dict, integer, real, uid, type PlistValue } from '../../src/plist/value.js';
import { readXmlPlist } from '../../src/plist/xml-reader.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { deepValue } from '../arbitraries/plist.js';
import { buildBplist } from '../support/bplist-builder.js';

/** A small shortcut-shaped value with every kind of object in it. */
function smallShortcut(withUid: boolean): PlistValue {
  const actions: PlistValue[] = [
    dict([
      ['WFWorkflowActionIdentifier', 'is.workflow.actions.gettext'],
      ['WFWorkflowActionParameters', dict([['WFTextActionText', 'héllo \u{1F600}'], ['UUID', 'A1B2']])],
    ]),
    dict([
      ['WFWorkflowActionIdentifier', 'is.workflow.actions.number'],
      ['WFWorkflowActionParameters', dict([['WFNumberActionNumber', real(3)], ['When', date(600_000_000)]])],
    ]),
  ];
  const top = dict([
    ['WFWorkflowActions', actions],
    ['WFWorkflowClientVersion', '2038.0.2.4'],
    ['WFWorkflowMinimumClientVersion', integer(900)],
    ['WFWorkflowIcon', dict([['WFWorkflowIconStartColor', integer(4_282_601_983n)], ['WFWorkflowIconGlyphNumber', integer(59_511)], ['WFWorkflowIconImageData', data(new Uint8Array([1, 2, 3, 4, 5]))]])],
    ['WFWorkflowHasOutputFallback', false],
    ['WFWorkflowTypes', ['NCWidget', 'WatchKit']],
  ]);
  if (withUid) top.set('Ref', uid(3));
  return top;
}

function bytesOf(result: Result<Uint8Array>): Uint8Array {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

function expectPlistError(result: Result<PlistValue>): void {
  expect(result.ok).toBe(false);
  expect(result.diagnostics.length).toBeGreaterThan(0);
  expect(result.diagnostics[0]!.code).toMatch(/^SC1\d{3}$/);
  expect(result.diagnostics[0]!.severity).toBe('error');
}

describe('hostile binary plists', () => {
  const file = bytesOf(writeBinaryPlist(smallShortcut(true)));

  it('the small shortcut reads back as written', () => {
    const back = readBinaryPlist(file);
    expect(back.ok && plistEqual(back.value, smallShortcut(true), { keyOrder: true })).toBe(true);
  });

  it(`fails cleanly when truncated at every one of its ${file.length} lengths`, () => {
    for (let length = 0; length < file.length; length++) {
      const result = readBinaryPlist(file.subarray(0, length));
      expectPlistError(result);
      const location = result.diagnostics[0]!.location;
      expect(location?.kind === 'bytes' && location.offset <= length).toBe(true);
    }
  });

  it('fails fast on 2^32 objects declared in a 100-byte file, before allocating for them', () => {
    const bytes = new Uint8Array(100);
    bytes.set(new TextEncoder().encode('bplist00'));
    const t = bytes.length - 32;
    bytes[t + 6] = 1;
    bytes[t + 7] = 4;
    new DataView(bytes.buffer).setBigUint64(t + 8, 2n ** 32n);
    new DataView(bytes.buffer).setBigUint64(t + 24, 9n);
    const result = readBinaryPlist(bytes);
    expect(result.diagnostics[0]?.code).toBe('SC1013');
  });

  it('fails on an offset table placed outside the file and on offsets beyond the objects', () => {
    expect(readBinaryPlist(buildBplist({ objects: [[0x09]], declaredTableOffset: 2n ** 63n })).diagnostics[0]?.code).toBe('SC1013');
    expect(readBinaryPlist(buildBplist({ objects: [[0xa1, 1], [0x09]], offsets: { 1: 250 } })).diagnostics[0]?.code).toBe('SC1014');
  });

  it('fails on a shared-reference bomb instead of expanding it (30 levels of doubling)', () => {
    // Object i is an array holding object i+1 twice: 2^30 leaves from 31 objects.
    const objects: number[][] = [];
    for (let i = 0; i < 30; i++) objects.push([0xa2, i + 1, i + 1]);
    objects.push([0x09]);
    const result = readBinaryPlist(buildBplist({ objects }));
    expect(result.diagnostics[0]?.code).toBe('SC1004');
  });

  it('fails on 10,000-deep nesting by default, and reads it iteratively when allowed', () => {
    const objects: number[][] = [];
    const depth = 10_000;
    for (let i = 0; i < depth; i++) objects.push([0xa1, ...[(i + 1) >> 8, (i + 1) & 0xff]]);
    objects.push([0x09]);
    const bytes = buildBplist({ objects, refSize: 2, offsetSize: 4 });
    expect(readBinaryPlist(bytes).diagnostics[0]?.code).toBe('SC1002');
    const deep = readBinaryPlist(bytes, { maxDepth: depth + 1 });
    expect(deep.ok).toBe(true);
    let v = deep.value!;
    let levels = 0;
    while (Array.isArray(v)) {
      v = v[0]!;
      levels++;
    }
    expect([levels, v]).toEqual([depth, true]);
  });

  it('never throws on randomly corrupted files', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = file.slice();
        for (const [at, b] of edits) bytes[at] = b;
        const result = readBinaryPlist(bytes);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.diagnostics[0]!.code).toMatch(/^SC1\d{3}$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary bytes after a bplist00 header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const bytes = new Uint8Array([...new TextEncoder().encode('bplist00'), ...tail]);
        expect(typeof readBinaryPlist(bytes).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hostile XML plists', () => {
  const file = bytesOf(writeXmlPlist(smallShortcut(false)));
  const text = new TextDecoder().decode(file);
  /** Byte length up to the end of `</plist>` (the text has multi-byte characters). */
  const end = new TextEncoder().encode(text.slice(0, text.lastIndexOf('</plist>') + '</plist>'.length)).length;

  it(`fails cleanly when truncated at every length before </plist> ends (${end} lengths)`, () => {
    for (let length = 0; length < end; length++) expectPlistError(readXmlPlist(file.subarray(0, length)));
    expect(readXmlPlist(file.subarray(0, end)).ok).toBe(true);
  });

  it('fails on 10,000-deep nesting by default, and reads it iteratively when allowed', () => {
    const xml = `<plist>${'<array>'.repeat(10_000)}<true/>${'</array>'.repeat(10_000)}</plist>`;
    expect(readXmlPlist(xml).diagnostics[0]?.code).toBe('SC1002');
    expect(readXmlPlist(xml, { maxDepth: 10_000 }).ok).toBe(true);
    const dicts = `<plist>${'<dict><key>k</key>'.repeat(10_000)}<true/>${'</dict>'.repeat(10_000)}</plist>`;
    expect(readXmlPlist(dicts, { maxDepth: 10_000 }).ok).toBe(true);
  });

  it('does not expand a billion-laughs DOCTYPE', () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY l0 "ha">${entities}]><plist><string>&l10;</string></plist>`;
    expect(readXmlPlist(xml).diagnostics[0]?.code).toBe('SC1034');
  });

  it('fails on unclosed elements at every depth', () => {
    for (const doc of ['<plist>', '<plist><array>', '<plist><dict><key>a', '<plist><dict><key>a</key><string>b', '<plist><data>AAAA']) {
      expect(readXmlPlist(doc).diagnostics[0]?.code).toBe('SC1033');
    }
  });

  it('stays linear on megabyte-long values built to make regular expressions backtrack', () => {
    const cases: [string, string][] = [
      [`<integer>${' '.repeat(300_000)}x</integer>`, 'SC1036'],
      [`<integer>${'0'.repeat(300_000)}x</integer>`, 'SC1036'],
      [`<integer>${'1'.repeat(1_000_000)}</integer>`, 'SC1037'],
      [`<integer>0x${'f'.repeat(1_000_000)}</integer>`, 'SC1037'],
      [`<real>${'1'.repeat(300_000)}x</real>`, 'SC1036'],
      [`<date>${' '.repeat(300_000)}x</date>`, 'SC1036'],
      [`<data>${'A'.repeat(300_000)}$</data>`, 'SC1036'],
    ];
    for (const [body, code] of cases) expect(readXmlPlist(`<plist>${body}</plist>`).diagnostics[0]?.code).toBe(code);
    expect(readXmlPlist(`<integer>${'0'.repeat(1_000_000)}7</integer>`).value).toEqual(integer(7));
    expect(readXmlPlist(`<plist${' a="1"'.repeat(100_000)}><true/></plist>`).value).toBe(true);
  });

  it('never throws on randomly corrupted documents', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = file.slice();
        for (const [at, b] of edits) bytes[at] = b;
        const result = readXmlPlist(bytes);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.diagnostics[0]!.code).toMatch(/^SC1\d{3}$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text, markup-heavy or not', () => {
    const markup = fc.string({ unit: fc.constantFrom('<', '>', '/', '&', ';', '#', 'x', '!', '[', ']', '-', '?', '"', 'plist', 'dict', 'key', 'array', 'string', 'integer', 'data', 'true', ' ', '\r', 'CDATA', '0', 'é') });
    fc.assert(
      fc.property(fc.oneof(markup, fc.string({ unit: 'binary' })), (doc) => {
        expect(typeof readXmlPlist(doc).ok).toBe('boolean');
        expect(typeof readPlist(new TextEncoder().encode(doc)).ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('writers on deep values', () => {
  it('write and read back 10,000 levels (binary) and 3,000 (XML, whose tabs grow quadratically) without recursion', () => {
    const value = deepValue(10_000, integer(7));
    const binary = readBinaryPlist(bytesOf(writeBinaryPlist(value)), { maxDepth: 10_000 });
    expect(binary.ok && plistEqual(binary.value, value)).toBe(true);
    const shallower = deepValue(3_000, integer(7));
    const xml = readXmlPlist(bytesOf(writeXmlPlist(shallower)), { maxDepth: 3_000 });
    expect(xml.ok && plistEqual(xml.value, shallower)).toBe(true);
  });
});
