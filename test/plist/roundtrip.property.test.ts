/**
 * Arbitrary values (every kind, deep, unicode with astral characters, extreme
 * numbers, NaN, ±0, the whole 64-bit integer range) survive both codecs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { firstDifference, formatPath } from '../../src/plist/equal.js';
import { readPlist } from '../../src/plist/read.js';
import { readXmlPlist } from '../../src/plist/xml-reader.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import type { PlistValue } from '../../src/plist/value.js';
import { deepPlistValue, plistDocument, plistValue } from '../arbitraries/plist.js';
import { xmlCanHold } from '../support/xml-safety.js';

function sameAfter(original: PlistValue, back: { ok: boolean; value?: PlistValue; diagnostics: readonly unknown[] }): void {
  if (!back.ok) throw new Error(`could not read back: ${JSON.stringify(back.diagnostics)}`);
  const difference = firstDifference(original, back.value!, { keyOrder: true });
  if (difference !== undefined) throw new Error(`differs at ${formatPath(difference.path)}: ${difference.reason}`);
}

describe('round-trip properties', () => {
  it('binary: every value reads back identically, key order and types included', () => {
    fc.assert(
      fc.property(plistValue(), (value) => {
        const written = writeBinaryPlist(value);
        expect(written.ok).toBe(true);
        sameAfter(value, readBinaryPlist(written.value!));
      }),
      { numRuns: 1500 },
    );
  });

  it('XML: every XML-safe value reads back identically', () => {
    fc.assert(
      fc.property(plistValue({ xmlSafe: true }), (value) => {
        const written = writeXmlPlist(value);
        expect(written.ok).toBe(true);
        sameAfter(value, readXmlPlist(written.value!));
      }),
      { numRuns: 1500 },
    );
  });

  it('XML: any value either round-trips or is refused with a writing diagnostic, exactly when XML cannot hold it', () => {
    fc.assert(
      fc.property(plistValue(), (value) => {
        const written = writeXmlPlist(value);
        expect(written.ok).toBe(xmlCanHold(value));
        if (written.ok) sameAfter(value, readXmlPlist(written.value));
        else expect(written.diagnostics[0]!.code).toMatch(/^SC105[0-5]$/);
      }),
      { numRuns: 1500 },
    );
  });

  it('binary → XML → binary keeps shortcut-shaped documents, through the auto-detecting reader', () => {
    fc.assert(
      fc.property(plistDocument({ xmlSafe: true }), (value) => {
        const binary = writeBinaryPlist(value);
        const first = readPlist(binary.value!);
        const xml = writeXmlPlist(first.value!);
        const second = readPlist(xml.value!);
        const again = readPlist(writeBinaryPlist(second.value!).value!);
        sameAfter(value, again);
      }),
      { numRuns: 500 },
    );
  });

  it('deep values (20 to 200 levels) survive both codecs', () => {
    fc.assert(
      fc.property(deepPlistValue({ xmlSafe: true }), (value) => {
        sameAfter(value, readBinaryPlist(writeBinaryPlist(value).value!));
        sameAfter(value, readXmlPlist(writeXmlPlist(value).value!));
      }),
      { numRuns: 300 },
    );
  });
});
