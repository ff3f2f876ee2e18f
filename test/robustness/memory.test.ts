/**
 * Inputs of about 1 KB that declare gigantic sizes — plist object, array
 * and string counts, AEA auth, payload and segment sizes, Apple Archive blob
 * sizes, LZFSE block counts, pickle lengths — must fail without allocating
 * in proportion to what they declare.
 *
 * Checked with `process.memoryUsage()` around the call (heap and array
 * buffers, generous thresholds): a buffer allocated for a declared size is
 * still counted right after the call, before a collection frees it. One
 * case is bounded by reading the code instead (documented below): a signed
 * file's segment may declare up to 64 MiB, allocated before its LZFSE
 * stream is decoded, because LZFSE can legitimately expand a few bytes a
 * millionfold.
 */
import { describe, expect, it } from 'vitest';
import { readPickle } from '../../src/catalog/pickle/reader.js';
import { importWorkflowLlm } from '../../src/catalog/workflowllm.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { extractSigned } from '../../src/signed/extract.js';
import { decodeLzfse } from '../../src/signed/lzfse/decode.js';
import { verifySigned } from '../../src/signed/signed-shortcut.js';
import { writeContainer } from '../support/aea-writer.js';
import { be, buildBplist } from '../support/bplist-builder.js';

const MiB = 1024 * 1024;
/** Generous: reading 1 KB needs kilobytes; a buffer for a declared gigabyte would show. */
const THRESHOLD = 32 * MiB;

/** Heap and array-buffer growth across `fn` (what it allocated and had not yet freed), and its result. */
function allocatedBy<T>(fn: () => T): { bytes: number; result: T } {
  const before = process.memoryUsage();
  const result = fn();
  const after = process.memoryUsage();
  return { bytes: after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers), result };
}

function expectRefused(fn: () => { ok?: boolean; valid?: boolean; diagnostics: readonly Diagnostic[] }, code: string, threshold = THRESHOLD): void {
  const { bytes, result } = allocatedBy(fn);
  expect(result.ok ?? result.valid).toBe(false);
  expect(result.diagnostics.map((d) => d.code)).toContain(code);
  expect(bytes).toBeLessThan(threshold);
}

describe('binary plists declaring gigantic sizes', () => {
  it('2^62 objects in the trailer', () => {
    expectRefused(() => readBinaryPlist(buildBplist({ objects: [[0x09]], declaredCount: 2n ** 62n })), 'SC1013');
  });

  it('an array of 2^40 items, a dictionary of 2^32 pairs, a string of 2^60 characters, data of 2^31 bytes', () => {
    for (const object of [
      [0xaf, 0x13, ...be(2n ** 40n, 8)],
      [0xdf, 0x13, ...be(2n ** 32n, 8)],
      [0x6f, 0x13, ...be(2n ** 60n, 8)],
      [0x4f, 0x12, ...be(2n ** 31n, 4)],
    ]) {
      const bytes = buildBplist({ objects: [object, ...Array.from({ length: 100 }, () => [0x09])] });
      expect(bytes.length).toBeLessThan(1024);
      const { bytes: allocated, result } = allocatedBy(() => readShortcutFile(bytes));
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]!.code).toMatch(/^SC10(15|21|22)$/);
      expect(allocated).toBeLessThan(THRESHOLD);
    }
  });

  it('an offset size of 8 with offsets of 2^63', () => {
    expectRefused(() => readBinaryPlist(buildBplist({ objects: [[0xa1, 1], [0x09]], offsetSize: 8, offsets: { 1: Number.MAX_SAFE_INTEGER } })), 'SC1014');
  });
});

/** A signed file laid out by hand: every size field can say anything, the file stays small. */
function aea(fields: { authSize?: number; originalSize: bigint; segmentSize: number; perCluster: number; segments: readonly [original: number, compressed: number][] }): Uint8Array {
  const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const u64 = (n: bigint): number[] => Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
  const headers: number[] = [];
  for (let j = 0; j < fields.perCluster && j < 4; j++) {
    const [original, compressed] = fields.segments[j] ?? [0, 0];
    headers.push(...u32(original), ...u32(compressed), ...new Array<number>(32).fill(0));
  }
  const payloads = fields.segments.flatMap(([, compressed]) => new Array<number>(Math.min(compressed, 16)).fill(0x41));
  const cluster = [...headers, ...new Array<number>(32).fill(0), ...new Array<number>(32 * Math.min(fields.perCluster, 4)).fill(0), ...payloads];
  const before = 12 + 128 + 96;
  const fileSize = before + 48 + 32 + cluster.length;
  const root = [...u64(fields.originalSize), ...u64(BigInt(fileSize)), ...u32(fields.segmentSize), ...u32(fields.perCluster), 0x65, 2, ...new Array<number>(22).fill(0)];
  return Uint8Array.from([...'AEA1'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], u32(fields.authSize ?? 0), new Array<number>(224).fill(0), root, new Array<number>(32).fill(0), cluster));
}

describe('signed (AEA1) files declaring gigantic sizes', () => {
  const readers = [(b: Uint8Array) => extractSigned(b), (b: Uint8Array) => verifySigned(b), (b: Uint8Array) => readShortcutFile(b)];

  it('auth data of 4 GiB, a payload of 2^63 bytes, segments of 4 GiB, 4 billion segments per cluster', () => {
    const cases: [Uint8Array, string][] = [
      [aea({ authSize: 0xffff_ffff, originalSize: 10n, segmentSize: 1024, perCluster: 1, segments: [[10, 10]] }), 'SC2006'],
      [aea({ originalSize: 2n ** 63n, segmentSize: 1024, perCluster: 1, segments: [[10, 10]] }), 'SC2006'],
      [aea({ originalSize: 2n ** 32n, segmentSize: 0xffff_ffff, perCluster: 1, segments: [[10, 10]] }), 'SC2006'],
      [aea({ originalSize: 100n, segmentSize: 64, perCluster: 1, segments: [[0xffff_ffff, 4]] }), 'SC2006'],
      [aea({ originalSize: 100n, segmentSize: 1024, perCluster: 0xffff_ffff, segments: [[100, 4]] }), 'SC2001'],
    ];
    for (const [bytes, code] of cases) {
      expect(bytes.length).toBeLessThan(1500);
      for (const read of readers) expectRefused(() => read(bytes), code);
    }
  });

  it('four 64 MiB segments of one byte each: at most one segment is allocated before the stream fails (was the whole 256 MiB)', () => {
    const bytes = aea({ originalSize: 256n * BigInt(MiB), segmentSize: 64 * MiB, perCluster: 4, segments: [[64 * MiB, 1], [64 * MiB, 1], [64 * MiB, 1], [64 * MiB, 1]] });
    expect(bytes.length).toBeLessThan(1024);
    // Bounded by reading src/signed/payload.ts: one segment's declared size (≤ 64 MiB, the layout reader's cap) before decoding it.
    // verifySigned stops earlier, at this file's empty auth data.
    for (const read of [readers[0]!, readers[2]!]) expectRefused(() => read(bytes), 'SC2011', 64 * MiB + THRESHOLD);
  });

  it('an Apple Archive whose Shortcut.wflow blob declares 2^64 - 1 bytes', () => {
    const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
    const fields = [...ascii('TYP1'), 0x46, ...ascii('PATP'), 14, 0, ...ascii('Shortcut.wflow'), ...ascii('DATC'), ...new Array<number>(8).fill(0xff)];
    const entry = Uint8Array.from([...ascii('AA01'), (6 + fields.length) & 0xff, (6 + fields.length) >> 8, ...fields]);
    const bytes = new Uint8Array(writeContainer(entry, { authData: new Uint8Array(0), blocks: 'raw-segment', segmentsPerCluster: 1 }));
    expect(bytes.length).toBeLessThan(1024);
    for (const read of [readers[0]!, readers[2]!]) expectRefused(() => read(bytes), 'SC2020');
  });

  it('an LZFSE block declaring 2^32 - 1 raw bytes and 2^20 literals and matches', () => {
    const v2 = Uint8Array.from([0x62, 0x76, 0x78, 0x32, 0xff, 0xff, 0xff, 0xff, ...new Array<number>(24).fill(0xff), ...new Array<number>(900).fill(0)]);
    const raw = Uint8Array.from([0x62, 0x76, 0x78, 0x2d, 0xff, 0xff, 0xff, 0xff, 1, 2, 3]);
    for (const stream of [v2, raw]) {
      const { bytes, result } = allocatedBy(() => decodeLzfse(stream, 1024));
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]!.code).toMatch(/^SC201[0-6]$/);
      expect(bytes).toBeLessThan(THRESHOLD);
    }
  });
});

describe('pickles declaring gigantic sizes (catalog import)', () => {
  const op = (...bytes: number[]): number[] => bytes;
  const le = (n: bigint, width: number): number[] => Array.from({ length: width }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));

  it('strings and bytes of 2^63, 2^62 and 2^31 bytes, an integer of -2^31 bytes, a frame of 2^63, a memo index of 2^32 - 2', () => {
    const cases: [number[], string][] = [
      [op(0x80, 4, 0x8d, ...le(2n ** 63n, 8)), 'SC7005'],
      [op(0x80, 4, 0x8e, ...le(2n ** 62n, 8)), 'SC7005'],
      [op(0x80, 4, 0x58, ...le(2n ** 31n, 4)), 'SC7005'],
      [op(0x80, 4, 0x8b, ...le(2n ** 31n, 4)), 'SC7004'],
      [op(0x80, 4, 0x95, ...le(2n ** 63n, 8), 0x4e, 0x72, ...le(0xffff_ffffn, 4), 0x6a, ...le(0xffff_fffen, 4), 0x2e), 'SC7004'],
    ];
    for (const [bytes, code] of cases) {
      const padded = Uint8Array.from([...bytes, ...new Array<number>(Math.max(0, 1000 - bytes.length)).fill(0x4e)]);
      const { bytes: allocated, result } = allocatedBy(() => readPickle(padded));
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]!.code).toBe(code);
      expect(allocated).toBeLessThan(THRESHOLD);
    }
  });

  it('one 20,000-parameter dictionary shared by 20,000 entries through the memo (a 1.5 MB file; the import ran out of memory and aborted the process)', () => {
    const enc = new TextEncoder();
    const b: number[] = [0x80, 4, 0x7d, 0x28];
    const str = (s: string): void => {
      const e = enc.encode(s);
      b.push(0x8c, e.length, ...e);
    };
    for (let i = 0; i < 20_000; i++) {
      str(`is.workflow.actions.x${i}`);
      b.push(0x5d, 0x28);
      str(`is.workflow.actions.x${i}`);
      if (i === 0) {
        b.push(0x7d);
        str('required_parameters');
        b.push(0x5d, 0x28);
        for (let j = 0; j < 20_000; j++) {
          b.push(0x7d);
          str('name');
          str(`p${j}`);
          b.push(0x73);
        }
        b.push(0x65, 0x73, 0x94);
      } else {
        b.push(0x68, 0);
      }
      b.push(0x65);
    }
    b.push(0x75, 0x2e);
    const read = readPickle(Uint8Array.from(b));
    expect(read.ok).toBe(true);
    const { bytes, result } = allocatedBy(() => importWorkflowLlm({ json: read.value! }));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.at(-1)!.code).toBe('SC7005');
    expect(bytes).toBeLessThan(256 * MiB);
  }, 60_000);
});
