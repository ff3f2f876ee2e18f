import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { readAeaLayout } from '../../src/signed/aea.js';
import { decodeLzfse } from '../../src/signed/lzfse/decode.js';
import { verifySigned } from '../../src/signed/signed-shortcut.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedFiles } from '../support/shared.js';

interface RealStream {
  readonly payload: Uint8Array;
  readonly size: number;
  readonly firstBlock: string;
}

describeShared('signed corpus: fuzzing the decoders with mutated real data', () => {
  const streams: RealStream[] = [];
  const smallFiles: Uint8Array[] = [];
  beforeAll(() => {
    const files = sharedAvailable ? sharedFiles('corpus/signed') : [];
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      if (bytes.length < 40_000) smallFiles.push(bytes);
      for (const cluster of readAeaLayout(bytes).clusters) {
        for (const s of cluster.segments) {
          if (s.compressedSize === s.originalSize || s.originalSize > 200_000) continue;
          const payload = bytes.subarray(s.payloadOffset, s.payloadOffset + s.compressedSize);
          streams.push({ payload, size: s.originalSize, firstBlock: String.fromCharCode(...payload.subarray(0, 4)) });
        }
      }
    }
  });

  it('has both LZVN and FSE streams to mutate', () => {
    expect(streams.some((s) => s.firstBlock === 'bvxn')).toBe(true);
    expect(streams.some((s) => s.firstBlock === 'bvx2')).toBe(true);
  });

  it('never throws, hangs or writes past the declared size', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: -64, max: 64 }),
        (pick, edits, sizeChange) => {
          const stream = streams[pick % streams.length]!;
          const mutated = stream.payload.slice();
          for (const [at, value] of edits) mutated[at % mutated.length] = value;
          const declared = Math.max(0, stream.size + sizeChange);
          const result = decodeLzfse(mutated, declared);
          if (result.ok) expect(result.value.length).toBe(declared);
          else expect(result.diagnostics[0]?.code).toMatch(/^SC20(0[0-9]|1[0-6])$/);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on mutated or truncated signed files', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat(), (pick, edits, cut) => {
        const original = smallFiles[pick % smallFiles.length]!;
        const mutated = original.slice(0, original.length - (cut % 3 === 0 ? cut % original.length : 0));
        for (const [at, value] of edits) if (mutated.length > 0) mutated[at % mutated.length] = value;
        const report = verifySigned(mutated);
        if (edits.length > 0 || mutated.length < original.length) {
          // A change anywhere is caught unless it rewrote a byte with its own value.
          if (report.valid) expect(Buffer.from(mutated).equals(Buffer.from(original))).toBe(true);
        }
        for (const d of report.diagnostics) expect(d.code).toMatch(/^SC[12]\d{3}$/);
      }),
      { numRuns: 150 },
    );
  });
});
