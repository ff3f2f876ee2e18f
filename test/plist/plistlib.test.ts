/**
 * Cross-check with an independent implementation: Python's plistlib must read
 * every binary and XML plist we write as the same values (types, key order,
 * NaN, signed zero, 64-bit integers included).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { plistValue } from '../arbitraries/plist.js';
import { comparePlistlib, python3Available, temporaryDirectory, toTaggedJson, type PlistlibItem } from '../support/plistlib.js';
import { inCI } from '../support/shared.js';

const available = python3Available();
const describePython = available || inCI ? describe : describe.skip;

describePython(`plistlib reads what we write${available ? '' : ' (skipped: python3 with plistlib not found)'}`, () => {
  it('for 300 arbitrary values, in binary and in XML', () => {
    expect(available, 'python3 with plistlib is needed for this check').toBe(true);
    const dir = temporaryDirectory('shortcutc-plistlib-');
    const values = fc.sample(plistValue({ xmlSafe: true }), { numRuns: 300, seed: 20_240_601 });
    const items: PlistlibItem[] = values.map((value, i) => {
      const reference = join(dir, `${i}.json`);
      writeFileSync(reference, JSON.stringify(toTaggedJson(value)));
      const binary = join(dir, `${i}.bin`);
      writeFileSync(binary, writeBinaryPlist(value).value!);
      const xml = join(dir, `${i}.xml`);
      writeFileSync(xml, writeXmlPlist(value).value!);
      return { name: `value ${i}`, reference: { json: reference }, candidates: [binary, xml] };
    });
    const report = comparePlistlib(items, dir);
    rmSync(dir, { recursive: true, force: true });
    expect(report.errors).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.checked).toBe(600);
  });
});
