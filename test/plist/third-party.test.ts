/**
 * Why shortcutc has its own codecs: what the `plist` and `bplist-parser` npm
 * packages lose on values real shortcuts hold (format notes §2). These are
 * measurements of those packages (devDependencies, kept for the benchmark), so
 * the choice written at the top of src/plist/*-reader.ts stays checked; each
 * case shows our codec keeping what the package loses.
 */
import { parseBuffer } from 'bplist-parser';
import { build, buildBinary, parse, parseBinary } from 'plist';
import { describe, expect, it } from 'vitest';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { plistEqual } from '../../src/plist/equal.js';
import { date, dict, integer, real } from '../../src/plist/value.js';
import { readXmlPlist } from '../../src/plist/xml-reader.js';
import { writeXmlPlistText } from '../../src/plist/xml-writer.js';

const shortcutLike = dict([
  ['WFNumberActionNumber', real(3)],
  ['Count', integer(3)],
  ['1', 'a key that looks like an index'],
  ['WFWorkflowIconStartColor', integer(2n ** 64n - 1n)],
]);
/** Binary plists hold dates to the fraction of a second (XML only whole seconds). */
const withDate = new Map([...shortcutLike, ['When', date(466_883_990.000917)]]);
const binary = writeBinaryPlist(withDate).value!;
const xml = writeXmlPlistText(shortcutLike).value!;

describe('what the plist package loses', () => {
  const parsed = parse(xml) as Record<string, unknown>;

  it('reads <real>3</real> and <integer>3</integer> as the same number', () => {
    expect(parsed.WFNumberActionNumber).toBe(3);
    expect(parsed.Count).toBe(3);
  });

  it('rounds integers beyond 2^53 and moves index-like keys to the front', () => {
    expect(parsed.WFWorkflowIconStartColor).not.toBe(2n ** 64n - 1n);
    expect(Object.keys(parsed)[0]).toBe('1');
  });

  it('writes the real 3.0 as <integer>, in XML and in binary', () => {
    expect(build({ n: 3.0 })).toContain('<integer>3</integer>');
    expect([...buildBinary({ n: 3.0 })]).toContain(0x10);
  });

  it('reads a 16-byte unsigned integer from a binary plist as 0', () => {
    expect((parseBinary(binary) as Record<string, unknown>).WFWorkflowIconStartColor).toBe(0);
  });

  it('while our codecs keep all of it', () => {
    const fromXml = readXmlPlist(xml);
    expect(fromXml.ok && plistEqual(fromXml.value, shortcutLike, { keyOrder: true })).toBe(true);
  });
});

describe('what bplist-parser loses', () => {
  const [parsed] = parseBuffer(Buffer.from(binary)) as [Record<string, unknown>];

  it('returns reals and integers as the same JavaScript number', () => {
    expect(parsed.WFNumberActionNumber).toBe(3);
    expect(parsed.Count).toBe(3);
  });

  it('moves index-like keys to the front and rounds dates to milliseconds', () => {
    expect(Object.keys(parsed)[0]).toBe('1');
    expect((parsed.When as Date).getTime() / 1000 - 978_307_200).not.toBe(466_883_990.000917);
  });

  it('while our reader keeps all of it', () => {
    const back = readBinaryPlist(binary);
    expect(back.ok && plistEqual(back.value, withDate, { keyOrder: true })).toBe(true);
  });
});
