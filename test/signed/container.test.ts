import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAeaLayout } from '../../src/signed/aea.js';
import { ecPointOfKey } from '../../src/signed/keys.js';
import { extractSigned } from '../../src/signed/extract.js';
import { attempt } from '../../src/signed/failure.js';
import { checkHeaderSignature, checkMacChain } from '../../src/signed/verify.js';
import { offsets, shortcutArchive, writeContainer } from '../support/aea-writer.js';

const plist = Buffer.concat([Buffer.from('bplist00'), Buffer.from('a made-up workflow plist '.repeat(200))]);
const auth = Buffer.from('auth data: opaque to the layout reader');
const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const point = ecPointOfKey(key.publicKey)!;

function make(options: Partial<Parameters<typeof writeContainer>[1]> = {}, payload: Uint8Array = shortcutArchive(plist)): Buffer {
  return writeContainer(payload, { authData: auth, signingKey: key.privateKey, signingPublicKey: point, ...options });
}

const o = offsets(auth.length);

function code(bytes: Uint8Array): string | undefined {
  const result = extractSigned(bytes);
  expect(result.ok).toBe(false);
  return result.diagnostics[0]?.code;
}

describe('AEA1 container: reading', () => {
  it('extracts the workflow plist from a one-segment file', () => {
    const result = extractSigned(make());
    expect(result.diagnostics).toEqual([]);
    expect(Buffer.from(result.value!.plist)).toEqual(plist);
    expect(result.value!.stats).toEqual({ segments: 1, checksumsMatched: 1 });
  });

  it('extracts across many segments and clusters, compressed and stored', () => {
    const big = Buffer.concat(Array.from({ length: 40 }, (_, i) => Buffer.from(`segment filler ${i} `.repeat(40))));
    for (const blocks of ['lzvn', 'fse2', 'raw-segment'] as const) {
      const file = make({ segmentSize: 2048, segmentsPerCluster: 3, blocks }, shortcutArchive(big));
      const result = extractSigned(file);
      expect(result.diagnostics).toEqual([]);
      expect(Buffer.from(result.value!.plist)).toEqual(big);
      expect(result.value!.container.clusters.length).toBeGreaterThan(3);
      expect(result.value!.stats.checksumsMatched).toBe(result.value!.stats.segments);
    }
  });

  it('reads the YAA1 entry magic too', () => {
    const result = extractSigned(make({}, shortcutArchive(plist, 'YAA1')));
    expect(Buffer.from(result.value!.plist)).toEqual(plist);
  });

  it('checks the MAC chain and the header signature of a file it wrote', () => {
    const file = make({ segmentSize: 4096, segmentsPerCluster: 2 }, shortcutArchive(Buffer.alloc(20_000, 3)));
    const container = readAeaLayout(file);
    expect(checkMacChain(container, point)).toEqual([]);
    expect(checkHeaderSignature(container, key.publicKey)).toEqual([]);
  });
});

describe('AEA1 container: verification failures', () => {
  const file = make({ segmentSize: 4096, segmentsPerCluster: 2 }, shortcutArchive(Buffer.alloc(20_000, 3)));
  const layout = readAeaLayout(file);
  const flip = (at: number): Buffer => {
    const copy = Buffer.from(file);
    copy[at]! ^= 0x01;
    return copy;
  };
  const macCodes = (bytes: Buffer): string[] => checkMacChain(readAeaLayout(bytes), point).map((d) => d.code);

  it('a flipped payload byte breaks that segment\'s MAC', () => {
    const segment = layout.clusters[1]!.segments[0]!;
    expect(macCodes(flip(segment.payloadOffset + 3))).toEqual(['SC2043']);
  });

  it('a flipped segment-header byte breaks the cluster MAC', () => {
    expect(macCodes(flip(layout.clusters[1]!.headersOffset + 9))).toEqual(['SC2042']);
  });

  it('a flipped root-header byte breaks the root-header MAC', () => {
    expect(macCodes(flip(o.rootHeader + 40))).toEqual(['SC2041']);
  });

  it('a flipped auth-data byte breaks the root-header MAC and the signature', () => {
    const bad = flip(13);
    expect(macCodes(bad)).toEqual(['SC2041']);
    expect(checkHeaderSignature(readAeaLayout(bad), key.publicKey).map((d) => d.code)).toEqual(['SC2040']);
  });

  it('a flipped signature byte or another key fails the signature', () => {
    expect(checkHeaderSignature(readAeaLayout(flip(o.signature + 20)), key.publicKey).map((d) => d.code)).toEqual(['SC2040']);
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(checkHeaderSignature(layout, other.publicKey).map((d) => d.code)).toEqual(['SC2040']);
    const empty = Buffer.from(file);
    empty.fill(0, o.signature, o.signature + 128);
    expect(checkHeaderSignature(readAeaLayout(empty), key.publicKey)[0]?.message).toContain('no DER ECDSA signature');
  });
});

describe('AEA1 container: hostile input', () => {
  const file = make();
  const set32 = (at: number, value: number, base: Buffer = file): Buffer => {
    const copy = Buffer.from(base);
    copy.writeUInt32LE(value >>> 0, at);
    return copy;
  };
  const segment0 = o.clusters;

  it('refuses a file that is not AEA1', () => {
    expect(code(Buffer.from('bplist00 not signed'))).toBe('SC2002');
  });

  it('names an unsupported profile', () => {
    const bad = Buffer.from(file);
    bad[4] = 1;
    const result = extractSigned(bad);
    expect(result.diagnostics[0]?.code).toBe('SC2003');
    expect(result.diagnostics[0]?.message).toContain('profile 1 (symmetric key encryption)');
  });

  it('names an unsupported compression and checksum kind', () => {
    const zlib = Buffer.from(file);
    zlib[o.rootHeader + 24] = 'z'.charCodeAt(0);
    const result = extractSigned(zlib);
    expect(result.diagnostics[0]?.code).toBe('SC2004');
    expect(result.diagnostics[0]?.message).toContain("zlib ('z')");
    const murmur = Buffer.from(file);
    murmur[o.rootHeader + 25] = 1;
    expect(extractSigned(murmur).diagnostics[0]?.message).toContain('Murmur64');
  });

  it('refuses every truncation with a typed error', () => {
    fc.assert(
      fc.property(fc.nat(file.length - 1), (cut) => {
        const result = extractSigned(file.subarray(0, cut));
        expect(result.ok).toBe(false);
        expect(result.diagnostics[0]?.code).toMatch(/^SC200[1-7]$/);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a segment claiming 4 GB before allocating', () => {
    const started = Date.now();
    expect(code(set32(segment0, 0xffffffff))).toBe('SC2006');
    expect(code(set32(segment0 + 4, 0xffffffff))).toBe('SC2001');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a decompressed size past the limit and a huge auth-data size', () => {
    const huge = Buffer.from(file);
    huge.writeBigUInt64LE(1n << 40n, o.rootHeader);
    expect(code(huge)).toBe('SC2006');
    expect(code(set32(8, 0xfffffff0))).toBe('SC2006');
  });

  it('refuses cluster counts that would loop: zero or billions of segments per cluster', () => {
    expect(code(set32(o.rootHeader + 20, 0))).toBe('SC2007');
    expect(code(set32(o.rootHeader + 20, 0xffffffff))).toBe('SC2001');
  });

  it('refuses segments that stop before the declared size', () => {
    const bigger = Buffer.from(file);
    bigger.writeBigUInt64LE(bigger.readBigUInt64LE(o.rootHeader) + 5n, o.rootHeader);
    expect(code(bigger)).toBe('SC2007');
  });

  it('refuses a payload that decompresses past its segment\'s size', () => {
    const bad = Buffer.from(file);
    bad.writeUInt32LE(bad.readUInt32LE(segment0) - 1, segment0);
    bad.writeBigUInt64LE(bad.readBigUInt64LE(o.rootHeader) - 1n, o.rootHeader);
    expect(code(bad)).toBe('SC2014');
  });

  it('refuses a segment whose checksum does not match', () => {
    const bad = Buffer.from(file);
    bad[segment0 + 8]! ^= 0xff;
    expect(code(bad)).toBe('SC2008');
  });

  it('refuses bytes after the last segment and a file-size mismatch', () => {
    expect(code(Buffer.concat([file, Buffer.alloc(3)]))).toBe('SC2007');
    const wrongSize = Buffer.from(file);
    wrongSize.writeBigUInt64LE(BigInt(file.length + 100), o.rootHeader + 8);
    expect(code(wrongSize)).toBe('SC2001');
  });

  it('refuses an archive entry larger than the archive', () => {
    const archive = shortcutArchive(plist);
    // The DAT blob's B-size field: make it claim 1 GB.
    const at = archive.indexOf(Buffer.from('DATB')) + 4;
    archive.writeUInt32LE(1 << 30, at);
    expect(code(make({}, archive))).toBe('SC2020');
  });

  it('reports a missing Shortcut.wflow', () => {
    const archive = shortcutArchive(plist);
    archive.write('Shortcut.wflx', archive.indexOf(Buffer.from('Shortcut.wflow')), 'latin1');
    const result = extractSigned(make({}, archive));
    expect(result.diagnostics[0]?.code).toBe('SC2022');
    expect(result.diagnostics[0]?.message).toContain('Shortcut.wflx');
  });

  it('never throws on randomly mutated files', () => {
    const multi = make({ segmentSize: 2048, segmentsPerCluster: 2, blocks: 'fse2' }, shortcutArchive(Buffer.from('x'.repeat(3000) + 'abc'.repeat(900))));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (edits) => {
        const bad = Buffer.from(multi);
        for (const [at, value] of edits) bad[at % bad.length] = value;
        const result = attempt(() => readAeaLayout(bad));
        const extracted = extractSigned(bad);
        if (extracted.ok) expect(result.ok).toBe(true);
        for (const d of extracted.diagnostics) expect(d.code).toMatch(/^SC20/);
      }),
      { numRuns: 400 },
    );
  });
});
