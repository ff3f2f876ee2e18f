import { formatError } from '../failure.js';
import { copyLiteral, copyMatch } from './copy.js';
import {
  D_BASE,
  D_EXTRA_BITS,
  D_STATES,
  D_SYMBOLS,
  L_BASE,
  L_EXTRA_BITS,
  L_STATES,
  L_SYMBOLS,
  LITERAL_STATES,
  LITERAL_SYMBOLS,
  M_BASE,
  M_EXTRA_BITS,
  M_STATES,
  M_SYMBOLS,
  buildSymbolTable,
  buildValueTable,
  frequenciesFit,
} from './fse.js';

/** Limits of one FSE block, fixed by the format (the encoder never exceeds them). */
export const MAX_MATCHES_PER_BLOCK = 10_000;
export const MAX_LITERALS_PER_BLOCK = 4 * MAX_MATCHES_PER_BLOCK;

/** Frequencies are stored L (20), M (20), D (64), literals (256), in that order. */
const FREQ_L = 0;
const FREQ_M = FREQ_L + L_SYMBOLS;
const FREQ_D = FREQ_M + M_SYMBOLS;
const FREQ_LITERAL = FREQ_D + D_SYMBOLS;
export const FREQ_COUNT = FREQ_LITERAL + LITERAL_SYMBOLS;

/** The fields of a compressed block header, whichever version (v1 raw, v2 packed) carried them. */
export interface FseBlockHeader {
  rawBytes: number;
  literalCount: number;
  matchCount: number;
  literalPayloadBytes: number;
  lmdPayloadBytes: number;
  /** Final bit count of the streams minus whole bytes: in [-8, 0]. */
  literalBits: number;
  literalStates: [number, number, number, number];
  lmdBits: number;
  lState: number;
  mState: number;
  dState: number;
  freq: Uint16Array;
}

/**
 * Working tables for FSE blocks, allocated once per decoder and rebuilt for
 * each block (a block carries its own frequencies).
 */
export class FseScratch {
  readonly literalTable = new Int32Array(LITERAL_STATES);
  readonly lPacked = new Int32Array(L_STATES);
  readonly lBase = new Int32Array(L_STATES);
  readonly mPacked = new Int32Array(M_STATES);
  readonly mBase = new Int32Array(M_STATES);
  readonly dPacked = new Int32Array(D_STATES);
  readonly dBase = new Int32Array(D_STATES);
  /** Decoded literals; four streams are decoded in lockstep, so up to 3 bytes of slack. */
  readonly literals = new Uint8Array(MAX_LITERALS_PER_BLOCK + 4);
}

export function checkHeader(h: FseBlockHeader, at: number): void {
  const bad = (what: string): never => {
    throw formatError('lzfseBadHeader', `LZFSE block header: ${what}`, at);
  };
  if (h.literalCount > MAX_LITERALS_PER_BLOCK) bad(`${h.literalCount} literals (at most ${MAX_LITERALS_PER_BLOCK})`);
  if (h.matchCount > MAX_MATCHES_PER_BLOCK) bad(`${h.matchCount} matches (at most ${MAX_MATCHES_PER_BLOCK})`);
  for (const s of h.literalStates) if (s >= LITERAL_STATES) bad(`literal state ${s} out of range`);
  if (h.lState >= L_STATES || h.mState >= M_STATES || h.dState >= D_STATES) bad('L/M/D state out of range');
  if (h.literalBits < -8 || h.literalBits > 0 || h.lmdBits < -8 || h.lmdBits > 0) bad('final bit counts out of range');
  if (!frequenciesFit(h.freq, FREQ_L, L_SYMBOLS, L_STATES)) bad('L frequencies exceed 64 states');
  if (!frequenciesFit(h.freq, FREQ_M, M_SYMBOLS, M_STATES)) bad('M frequencies exceed 64 states');
  if (!frequenciesFit(h.freq, FREQ_D, D_SYMBOLS, D_STATES)) bad('D frequencies exceed 256 states');
  if (!frequenciesFit(h.freq, FREQ_LITERAL, LITERAL_SYMBOLS, LITERAL_STATES)) bad('literal frequencies exceed 1024 states');
}

/**
 * Decodes the payload of one FSE block (literal stream, then L/M/D stream)
 * starting at `payload` in `src`. Output goes to `dst[dp, dp + rawBytes)`;
 * matches may reach back to `floor`. Returns the position after the payload.
 *
 * Both streams are read backwards through a 32-bit accumulator holding 24 to
 * 31 bits after each refill: enough for two literals (10 bits each) or one
 * L, M or D value (at most 23 bits) between refills.
 */
export function decodeFseBlock(
  h: FseBlockHeader,
  src: Uint8Array,
  payload: number,
  dst: Uint8Array,
  dp: number,
  floor: number,
  scratch: FseScratch,
): number {
  const literalEnd = payload + h.literalPayloadBytes;
  const lmdEnd = literalEnd + h.lmdPayloadBytes;
  if (lmdEnd > src.length) throw formatError('lzfseTruncated', 'LZFSE block payload runs past the end of the stream', payload);
  const blockEnd = dp + h.rawBytes;
  if (blockEnd > dst.length) throw formatError('lzfseOverflow', 'LZFSE block decompresses past the declared size', payload);

  buildSymbolTable(h.freq, FREQ_LITERAL, LITERAL_SYMBOLS, LITERAL_STATES, scratch.literalTable);
  buildValueTable(h.freq, FREQ_L, L_SYMBOLS, L_STATES, L_EXTRA_BITS, L_BASE, scratch.lPacked, scratch.lBase);
  buildValueTable(h.freq, FREQ_M, M_SYMBOLS, M_STATES, M_EXTRA_BITS, M_BASE, scratch.mPacked, scratch.mBase);
  buildValueTable(h.freq, FREQ_D, D_SYMBOLS, D_STATES, D_EXTRA_BITS, D_BASE, scratch.dPacked, scratch.dBase);

  decodeLiterals(h, src, payload, literalEnd, scratch);
  return decodeMatches(h, src, literalEnd, lmdEnd, dst, dp, blockEnd, floor, scratch);
}

function badBits(at: number): Error {
  return formatError('lzfseBadData', 'LZFSE bit stream is inconsistent (runs out of bits or has stray high bits)', at);
}

/**
 * Loads the first accumulator of a backwards stream ending at `end`: 4 bytes
 * when the stream's final byte is partial (`bits` < 0), 3 when it is whole.
 * Returns the accumulator; the caller starts with `nb = bits + 32` or 24.
 */
function initialBits(src: Uint8Array, start: number, end: number, bits: number): number {
  const bytes = bits === 0 ? 3 : 4;
  if (end - start < bytes) throw badBits(start);
  const p = end - bytes;
  let acc = src[p]! | (src[p + 1]! << 8) | (src[p + 2]! << 16);
  if (bytes === 4) acc = (acc | (src[p + 3]! << 24)) >>> 0;
  const nb = bits === 0 ? 24 : bits + 32;
  // The encoder zeroes the bits above the last one it wrote.
  if (nb < 32 && acc >>> nb !== 0) throw badBits(p);
  return acc;
}

function decodeLiterals(h: FseBlockHeader, src: Uint8Array, start: number, end: number, scratch: FseScratch): void {
  const table = scratch.literalTable;
  const out = scratch.literals;
  let acc = initialBits(src, start, end, h.literalBits);
  let nb = h.literalBits === 0 ? 24 : h.literalBits + 32;
  let bp = end - (h.literalBits === 0 ? 3 : 4);
  let s0 = h.literalStates[0];
  let s1 = h.literalStates[1];
  let s2 = h.literalStates[2];
  let s3 = h.literalStates[3];
  const count = h.literalCount;
  let i = 0;
  // Fast path. Bits above `nb` in `acc` are stale and never read: each pull
  // masks what it takes. A literal reads at most 10 bits (1024 states), so a
  // refill to 24+ bits covers two literals without further checks, and while
  // 6 bytes remain both refills of a group of four read whole 3-byte words.
  for (; i < count && bp - start >= 6; i += 4) {
    let bits = ((31 - nb) >> 3) << 3;
    bp -= bits >> 3;
    acc = (acc << bits) | ((src[bp]! | (src[bp + 1]! << 8) | (src[bp + 2]! << 16)) & ((1 << bits) - 1));
    nb += bits;
    let e = table[s0]!;
    nb -= e & 0xff;
    s0 = (e >> 16) + ((acc >>> nb) & ((1 << (e & 0xff)) - 1));
    out[i] = e >>> 8;
    e = table[s1]!;
    nb -= e & 0xff;
    s1 = (e >> 16) + ((acc >>> nb) & ((1 << (e & 0xff)) - 1));
    out[i + 1] = e >>> 8;

    bits = ((31 - nb) >> 3) << 3;
    bp -= bits >> 3;
    acc = (acc << bits) | ((src[bp]! | (src[bp + 1]! << 8) | (src[bp + 2]! << 16)) & ((1 << bits) - 1));
    nb += bits;
    e = table[s2]!;
    nb -= e & 0xff;
    s2 = (e >> 16) + ((acc >>> nb) & ((1 << (e & 0xff)) - 1));
    out[i + 2] = e >>> 8;
    e = table[s3]!;
    nb -= e & 0xff;
    s3 = (e >> 16) + ((acc >>> nb) & ((1 << (e & 0xff)) - 1));
    out[i + 3] = e >>> 8;
  }
  // The stream's first bytes: refill byte by byte and check every pull.
  const states = [s0, s1, s2, s3];
  for (; i < count; i++) {
    if ((i & 1) === 0) {
      while (nb <= 23 && bp > start) {
        acc = (acc << 8) | src[--bp]!;
        nb += 8;
      }
    }
    const e = table[states[i & 3]!]!;
    const k = e & 0xff;
    if (k > nb) throw badBits(bp);
    nb -= k;
    states[i & 3] = (e >> 16) + ((acc >>> nb) & ((1 << k) - 1));
    out[i] = e >>> 8;
  }
}

function decodeMatches(
  h: FseBlockHeader,
  src: Uint8Array,
  start: number,
  end: number,
  dst: Uint8Array,
  dp: number,
  blockEnd: number,
  floor: number,
  scratch: FseScratch,
): number {
  const { lPacked, lBase, mPacked, mBase, dPacked, dBase, literals } = scratch;
  const literalCount = h.literalCount;
  let acc = initialBits(src, start, end, h.lmdBits);
  let nb = h.lmdBits === 0 ? 24 : h.lmdBits + 32;
  let bp = end - (h.lmdBits === 0 ? 3 : 4);
  let ls = h.lState;
  let ms = h.mState;
  let ds = h.dState;
  let lit = 0;
  // No distance yet: a first match that says "repeat the previous distance" is invalid.
  let d = -1;
  let refill = 0;
  // Refills read a 3-byte word and keep the bytes they need (`acc` holds only
  // its `nb` valid bits, so the shift never overflows 31 bits).
  for (let n = h.matchCount; n > 0; n--) {
    // L
    if (bp - start >= 3) {
      refill = ((31 - nb) >> 3) << 3;
      bp -= refill >> 3;
      acc = (acc << refill) | ((src[bp]! | (src[bp + 1]! << 8) | (src[bp + 2]! << 16)) & ((1 << refill) - 1));
      nb += refill;
    } else {
      while (nb <= 23 && bp > start) {
        acc = (acc << 8) | src[--bp]!;
        nb += 8;
      }
    }
    let e = lPacked[ls]!;
    let total = e & 0xff;
    if (total > nb) throw badBits(bp);
    nb -= total;
    let bits = acc >>> nb;
    acc &= (1 << nb) - 1;
    let vbits = (e >>> 8) & 0xff;
    const l = lBase[ls]! + (bits & ((1 << vbits) - 1));
    ls = (e >> 16) + (bits >>> vbits);

    // M
    if (bp - start >= 3) {
      refill = ((31 - nb) >> 3) << 3;
      bp -= refill >> 3;
      acc = (acc << refill) | ((src[bp]! | (src[bp + 1]! << 8) | (src[bp + 2]! << 16)) & ((1 << refill) - 1));
      nb += refill;
    } else {
      while (nb <= 23 && bp > start) {
        acc = (acc << 8) | src[--bp]!;
        nb += 8;
      }
    }
    e = mPacked[ms]!;
    total = e & 0xff;
    if (total > nb) throw badBits(bp);
    nb -= total;
    bits = acc >>> nb;
    acc &= (1 << nb) - 1;
    vbits = (e >>> 8) & 0xff;
    const m = mBase[ms]! + (bits & ((1 << vbits) - 1));
    ms = (e >> 16) + (bits >>> vbits);

    // D (0 means: the previous distance again)
    if (bp - start >= 3) {
      refill = ((31 - nb) >> 3) << 3;
      bp -= refill >> 3;
      acc = (acc << refill) | ((src[bp]! | (src[bp + 1]! << 8) | (src[bp + 2]! << 16)) & ((1 << refill) - 1));
      nb += refill;
    } else {
      while (nb <= 23 && bp > start) {
        acc = (acc << 8) | src[--bp]!;
        nb += 8;
      }
    }
    e = dPacked[ds]!;
    total = e & 0xff;
    if (total > nb) throw badBits(bp);
    nb -= total;
    bits = acc >>> nb;
    acc &= (1 << nb) - 1;
    vbits = (e >>> 8) & 0xff;
    const newD = dBase[ds]! + (bits & ((1 << vbits) - 1));
    ds = (e >> 16) + (bits >>> vbits);
    if (newD !== 0) d = newD;

    if (lit + l > literalCount) {
      throw formatError('lzfseBadData', `LZFSE block uses more literals than its ${literalCount}`, bp);
    }
    if (dp + l + m > blockEnd) throw formatError('lzfseOverflow', 'LZFSE block writes past its declared size', bp);
    copyLiteral(literals, lit, dst, dp, l);
    lit += l;
    dp += l;
    if (m > 0) {
      if (d <= 0 || d > dp - floor) {
        throw formatError('lzfseBadDistance', `LZFSE match distance ${d} points before the start of the output (${dp - floor} bytes written)`, bp);
      }
      copyMatch(dst, dp, d, m);
      dp += m;
    }
  }
  return dp;
}
