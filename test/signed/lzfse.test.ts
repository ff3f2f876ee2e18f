import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/diagnostics/diagnostic.js';
import { decodeLzfse } from '../../src/signed/lzfse/decode.js';
import {
  END_OF_STREAM,
  encode,
  fseBlock,
  fseBlockFromSequences,
  lzvnBlock,
  rawBlock,
  stream,
} from '../support/lzfse-encoder.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const EOS = [0x06, 0, 0, 0, 0, 0, 0, 0];

function decoded(result: Result<Uint8Array>): Uint8Array {
  expect(result.diagnostics).toEqual([]);
  if (!result.ok) throw new Error('decode failed');
  return result.value;
}

function codeOf(result: Result<Uint8Array>): string | undefined {
  expect(result.ok).toBe(false);
  return result.diagnostics[0]?.code;
}

/** Text with long repeats at several distances, so every LZ path runs. */
function sample(n: number, seed = 1): Uint8Array {
  const words = ['WFWorkflowActions', 'is.workflow.actions.', 'gettext', 'UUID', 'Value', 'string', '<dict>', 'WFSerializationType'];
  const out: number[] = [];
  let x = seed;
  while (out.length < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    const w = words[x % words.length]!;
    for (const c of w) out.push(c.charCodeAt(0));
    if (x % 7 === 0) for (let i = 0; i < (x % 40); i++) out.push(0x41);
    if (x % 11 === 0) out.push(x & 0xff, (x >>> 8) & 0xff);
  }
  return Uint8Array.from(out.slice(0, n));
}

describe('LZFSE raw blocks (bvx-)', () => {
  it('copies one raw block', () => {
    const data = text('hello, shortcut');
    expect(decoded(decodeLzfse(stream(rawBlock(data)), data.length))).toEqual(data);
  });

  it('joins several raw blocks, empty ones included', () => {
    const s = stream(rawBlock(text('ab')), rawBlock(new Uint8Array(0)), rawBlock(text('cd')));
    expect(new TextDecoder().decode(decoded(decodeLzfse(s, 4)))).toBe('abcd');
  });

  it('decodes an empty stream to nothing', () => {
    expect(decoded(decodeLzfse(END_OF_STREAM, 0))).toEqual(new Uint8Array(0));
  });

  it('refuses a raw block larger than the declared size without writing past it', () => {
    expect(codeOf(decodeLzfse(stream(rawBlock(text('abcdef'))), 5))).toBe('SC2014');
  });

  it('reports a stream that ends early as short', () => {
    expect(codeOf(decodeLzfse(stream(rawBlock(text('abc'))), 4))).toBe('SC2015');
  });

  it('reports a missing end-of-stream block as truncated', () => {
    expect(codeOf(decodeLzfse(rawBlock(text('abc')), 3))).toBe('SC2011');
  });

  it('reports a raw block cut short as truncated', () => {
    expect(codeOf(decodeLzfse(rawBlock(text('abc')).subarray(0, 9), 3))).toBe('SC2011');
  });

  it('names an unknown block magic', () => {
    const result = decodeLzfse(text('bvx9....'), 0);
    expect(codeOf(result)).toBe('SC2010');
    expect(result.diagnostics[0]?.message).toContain('0x39787662');
  });

  it('refuses a declared size past the limit before allocating', () => {
    expect(codeOf(decodeLzfse(END_OF_STREAM, 4 * 1024 ** 3))).toBe('SC2006');
  });
});

describe('LZVN blocks (bvxn)', () => {
  const block = (raw: number, ops: number[]): Uint8Array =>
    Uint8Array.from([...text('bvxn'), raw, 0, 0, 0, ops.length, 0, 0, 0, ...ops]);

  it('decodes hand-assembled opcodes: small literal, then an overlapping small-distance match', () => {
    // e3 'abc': three literals; 0x18 0x03: sml_d, no literal, match 6, distance 3.
    const s = stream(block(9, [0xe3, 0x61, 0x62, 0x63, 0x18, 0x03, ...EOS]));
    expect(new TextDecoder().decode(decoded(decodeLzfse(s, 9)))).toBe('abcabcabc');
  });

  it('decodes large-distance, previous-distance and match-only opcodes', () => {
    // 'xy' literal; lrg_d L=0 M=4 D=2 (0x0f 02 00) → xyxyxy; sml_m M=2 (0xf2) → xyxyxyxy;
    // pre_d L=1 ('z') M=3 (0x46 'z') → …z + 3 bytes at distance 2: 'yzy'.
    const s = stream(block(12, [0xe2, 0x78, 0x79, 0x0f, 0x02, 0x00, 0xf2, 0x46, 0x7a, ...EOS]));
    expect(new TextDecoder().decode(decoded(decodeLzfse(s, 12)))).toBe('xyxyxyxyzyzy');
  });

  it('decodes medium-distance and large literal / large match opcodes', () => {
    const literal = Array.from({ length: 20 }, (_, i) => 0x61 + (i % 26));
    // e0 04: 20 literals; a0 | M-3 high bits: med_d L=0 M=3+4=7 D=20 → b12 = 20<<2 | 0 ... M low bits 0
    const m = 7 - 3;
    const b12 = (20 << 2) | (m & 3);
    const ops = [0xe0, 20 - 16, ...literal, 0xa0 | (m >>> 2), b12 & 0xff, b12 >>> 8, 0xf0, 30 - 16, ...EOS];
    const out = decoded(decodeLzfse(stream(block(57, ops)), 57));
    const expected = [...literal, ...literal.slice(0, 7)];
    while (expected.length < 57) expected.push(expected[expected.length - 20]!);
    expect([...out]).toEqual(expected);
  });

  it('skips nop opcodes', () => {
    const s = stream(block(2, [0x0e, 0xe2, 0x61, 0x62, 0x16, ...EOS]));
    expect(new TextDecoder().decode(decoded(decodeLzfse(s, 2)))).toBe('ab');
  });

  it('refuses a match before the start of the output', () => {
    const s = stream(block(6, [0xe1, 0x61, 0x18, 0x05, ...EOS]));
    expect(codeOf(decodeLzfse(s, 6))).toBe('SC2013');
  });

  it('refuses a match-only opcode before any distance', () => {
    const s = stream(block(3, [0xe1, 0x61, 0xf2, ...EOS]));
    expect(codeOf(decodeLzfse(s, 3))).toBe('SC2013');
  });

  it('refuses undefined opcodes', () => {
    for (const op of [0x1e, 0x70, 0x7f, 0xd0, 0xdf]) {
      expect(codeOf(decodeLzfse(stream(block(1, [op, ...EOS])), 1))).toBe('SC2016');
    }
  });

  it('refuses a block whose opcodes write more than its declared size', () => {
    const s = stream(block(2, [0xe3, 0x61, 0x62, 0x63, ...EOS]));
    expect(codeOf(decodeLzfse(s, 3))).toBe('SC2014');
  });

  it('refuses a block whose opcodes write less than its declared size', () => {
    const s = stream(block(4, [0xe3, 0x61, 0x62, 0x63, ...EOS]));
    expect(codeOf(decodeLzfse(s, 4))).toBe('SC2015');
  });

  it('refuses a block without end-of-stream opcode, or with bytes after it', () => {
    expect(codeOf(decodeLzfse(stream(block(1, [0xe1, 0x61])), 1))).toBe('SC2011');
    expect(codeOf(decodeLzfse(stream(block(1, [0xe1, 0x61, ...EOS, 0])), 1))).toBe('SC2016');
  });

  it('refuses a literal that runs past the block', () => {
    expect(codeOf(decodeLzfse(stream(block(5, [0xe5, 0x61])), 5))).toBe('SC2011');
  });

  it('round-trips the test encoder on structured data', () => {
    const data = sample(20_000);
    expect(decoded(decodeLzfse(encode(data, 'lzvn'), data.length))).toEqual(data);
  });

  it('lets a later block copy from an earlier one', () => {
    const a = text('the same words, the same words');
    const both = new Uint8Array([...a, ...a]);
    // The second block's only instructions copy from the first: lrg_d M=10 D=30, then sml_m 12 and 8.
    const second = lzvnBlock(a, Uint8Array.from([0x3f, 30, 0, 0xf0 | 12, 0xf0 | 8, ...EOS]));
    expect(decoded(decodeLzfse(stream(rawBlock(a), second), both.length))).toEqual(both);
  });
});

describe('FSE blocks (bvx1, bvx2)', () => {
  it('decodes a v2 block (packed header, coded frequency tables)', () => {
    const data = sample(30_000, 7);
    expect(decoded(decodeLzfse(encode(data, 'fse2'), data.length))).toEqual(data);
  });

  it('decodes a v1 block (plain header)', () => {
    const data = sample(10_000, 3);
    expect(decoded(decodeLzfse(encode(data, 'fse1'), data.length))).toEqual(data);
  });

  it('decodes a block of literals only and a block with a single symbol', () => {
    const literalsOnly = Uint8Array.from({ length: 257 }, (_, i) => (i * 31) & 0xff);
    expect(decoded(decodeLzfse(encode(literalsOnly, 'fse2'), 257))).toEqual(literalsOnly);
    const same = new Uint8Array(5000).fill(0x41);
    expect(decoded(decodeLzfse(encode(same, 'fse2'), 5000))).toEqual(same);
  });

  it('mixes block kinds in one stream, with matches across blocks', () => {
    const a = sample(3000, 5);
    const b = sample(6000, 5).subarray(0, 6000);
    const s = stream(fseBlock(a), lzvnBlock(b), rawBlock(a), fseBlock(b, { version: 1 }));
    const expected = new Uint8Array([...a, ...b, ...a, ...b]);
    expect(decoded(decodeLzfse(s, expected.length))).toEqual(expected);
  });

  it('refuses a match before the start of the output', () => {
    const block = fseBlockFromSequences(8, [{ literals: text('abcd'), m: 4, d: 9 }]);
    expect(codeOf(decodeLzfse(stream(block), 8))).toBe('SC2013');
  });

  it('refuses matches that write past the block\'s declared size', () => {
    const block = fseBlockFromSequences(6, [{ literals: text('abcd'), m: 4, d: 4 }]);
    expect(codeOf(decodeLzfse(stream(block), 6))).toBe('SC2014');
  });

  it('refuses a block that declares more than the stream\'s size', () => {
    const data = sample(100);
    expect(codeOf(decodeLzfse(encode(data, 'fse2'), 99))).toBe('SC2014');
  });

  it('refuses a block that writes less than it declares', () => {
    const block = fseBlockFromSequences(10, [{ literals: text('abcd'), m: 4, d: 4 }]);
    expect(codeOf(decodeLzfse(stream(block), 10))).toBe('SC2015');
  });

  it('refuses impossible header values', () => {
    const block = fseBlock(sample(500));
    const badCount = block.slice();
    badCount[8] = 0xff;
    badCount[9] = 0xff;
    badCount[10] = 0x0f; // 20-bit literal count 0xfffff > 40,000
    expect(codeOf(decodeLzfse(stream(badCount), 500))).toBe('SC2012');
    const badHeaderSize = block.slice();
    badHeaderSize[24] = 8; // header size below its fixed part
    badHeaderSize[25] = 0;
    expect(codeOf(decodeLzfse(stream(badHeaderSize), 500))).toBe('SC2012');
  });

  it('refuses a block cut inside its payload', () => {
    const block = fseBlock(sample(500));
    expect(codeOf(decodeLzfse(block.subarray(0, block.length - 3), 500))).toBe('SC2011');
  });
});

describe('LZFSE property tests', () => {
  const kinds = ['raw', 'lzvn', 'fse1', 'fse2'] as const;

  it('round-trips arbitrary bytes through every block kind', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...kinds), (data, kind) => {
        const result = decodeLzfse(encode(data, kind), data.length);
        expect(result.ok).toBe(true);
        expect(result.value).toEqual(data);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips repetitive bytes (long and overlapping matches)', () => {
    const repetitive = fc
      .array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 60 })), { maxLength: 30 })
      .map((runs) => Uint8Array.from(runs.flatMap(([unit, times]) => Array.from({ length: times }, () => [...unit]).flat())));
    fc.assert(
      fc.property(repetitive, fc.constantFrom(...kinds), (data, kind) => {
        const result = decodeLzfse(encode(data, kind), data.length);
        expect(result.value).toEqual(data);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, hangs or writes past the declared size on mutated streams', () => {
    const base = kinds.map((kind) => encode(sample(2000, 9), kind));
    fc.assert(
      fc.property(
        fc.constantFrom(...base),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.nat(2500),
        (original, edits, declared) => {
          const mutated = original.slice();
          for (const [at, value] of edits) mutated[at % mutated.length] = value;
          const result = decodeLzfse(mutated, declared);
          if (result.ok) expect(result.value.length).toBe(declared);
          else expect(result.diagnostics[0]?.code).toMatch(/^SC20/);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('never throws on truncated streams', () => {
    const base = kinds.map((kind) => encode(sample(1500, 4), kind));
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.nat(), (original, cut) => {
        const result = decodeLzfse(original.subarray(0, cut % original.length), 1500);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
