import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { readAeaLayout } from '../../src/signed/aea.js';
import { extractSigned } from '../../src/signed/extract.js';
import { readSignedShortcut, verifySigned } from '../../src/signed/signed-shortcut.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedFiles } from '../support/shared.js';

const files = sharedAvailable ? sharedFiles('corpus/signed') : [];
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

describeShared('signed corpus: extraction', () => {
  it('has the 178 signed files', () => {
    expect(files.length).toBe(178);
  });

  it.each(files.map((f) => [basename(f), f]))('%s: segments match their SHA-256, the plist reads', (_name, file) => {
    const result = extractSigned(read(file));
    expect(result.diagnostics).toEqual([]);
    const { stats, plist, container } = result.value!;
    expect(container.rootHeader.checksum).toBe('sha256');
    expect(stats.segments).toBeGreaterThan(0);
    expect(stats.checksumsMatched).toBe(stats.segments);
    const value = readBinaryPlist(plist);
    expect(value.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(value.value instanceof Map && value.value.has('WFWorkflowActions')).toBe(true);
  });
});

describeShared('signed corpus: signers', () => {
  it('tells iCloud-signed from contact-signed files, with certificate subjects and dates', () => {
    const kinds = { icloud: 0, contact: 0 };
    for (const file of files) {
      const result = readSignedShortcut(read(file));
      expect(result.diagnostics).toEqual([]);
      const signer = result.value!.signer;
      kinds[signer.kind]++;
      expect(signer.certificates.length).toBe(signer.kind === 'icloud' ? 3 : 2);
      const leaf = signer.certificates[0]!;
      expect(leaf.validFrom.getTime()).toBeLessThan(leaf.validTo.getTime());
      expect(signer.certificates[signer.kind === 'icloud' ? 2 : 1]!.subject).toContain('Apple');
    }
    expect(kinds).toEqual({ icloud: 167, contact: 11 });
  });
});

describeShared('signed corpus: verification', () => {
  it.each(files.map((f) => [basename(f), f]))('%s verifies', (_name, file) => {
    const report = verifySigned(read(file));
    expect(report.diagnostics).toEqual([]);
    expect(report.valid).toBe(true);
  });

  describe.each([
    ['an iCloud-signed file', '0xilis__libshortcutsign__tests_iCloudVerificationTest.shortcut'],
    ['a contact-signed file', '0xilis__libshortcutsign__tests_contactVerificationTest.shortcut'],
  ])('one flipped byte in %s', (_what, name) => {
    let original: Uint8Array;
    let layout: ReturnType<typeof readAeaLayout>;
    beforeAll(() => {
      const file = files.find((f) => basename(f) === name);
      if (file === undefined) throw new Error(`${name} is missing from the corpus`);
      original = read(file);
      layout = readAeaLayout(original);
    });
    const flipped = (offset: () => number): string[] => {
      const copy = original.slice();
      copy[offset()]! ^= 0x10;
      const report = verifySigned(copy);
      expect(report.valid).toBe(false);
      return report.diagnostics.map((d) => d.code);
    };

    it('in the auth data', () => {
      // A byte in the leaf certificate's signature: the plist and the certificate still
      // read, but the chain no longer verifies and the root-header MAC covers the auth data.
      const leaf = readSignedShortcut(original).value!.auth.chain[0]!.raw;
      const at = () => layout.authDataOffset + Buffer.from(layout.authData).indexOf(leaf) + leaf.length - 5;
      const codes = flipped(at);
      expect(codes).toContain('SC2041');
      expect(codes).toContain('SC2044');
    });
    it('in the signature', () => {
      expect(flipped(() => layout.signatureOffset + 10)).toContain('SC2040');
    });
    it('in the root header', () => {
      expect(flipped(() => layout.rootHeaderOffset + 30)).toEqual(['SC2040', 'SC2041']);
    });
    it('in a segment header', () => {
      const codes = flipped(() => layout.clusters[0]!.segments[0]!.headerOffset + 20);
      expect(codes).toContain('SC2042');
      expect(codes).toContain('SC2008');
    });
    it('in the payload', () => {
      const segment = layout.clusters[0]!.segments[0]!;
      expect(flipped(() => segment.payloadOffset + Math.floor(segment.compressedSize / 2))).toContain('SC2043');
    });
  });
});
