import { formatError } from '../failure.js';
import { copyLiteral, copyMatch } from './copy.js';

/**
 * LZVN, the byte-oriented LZ format LZFSE uses for small blocks (`bvxn`).
 * Every instruction starts with one opcode byte; the kinds below are the
 * opcode classes of the format (where classes overlap, the later one owns the
 * code: 0x70-0x7F and 0xD0-0xDF are undefined, 0xA0-0xBF are med_d, so a
 * short-form match with 1, 2 or 3 literals is at most 8, 6 or 4 bytes):
 *
 *   sml_d  LLMMMDDD DDDDDDDD            literal 0-3, match 3-10, distance < 2^11
 *   med_d  101LLMMM DDDDDDMM DDDDDDDD   literal 0-3, match 3-34, distance < 2^14
 *   lrg_d  LLMMM111 DDDDDDDD DDDDDDDD   literal 0-3, match 3-10, distance < 2^16
 *   pre_d  LLMMM110                     literal 0-3, match 3-10, previous distance
 *   sml_m  1111MMMM (M > 0)             match 1-15, previous distance
 *   lrg_m  11110000 MMMMMMMM            match 16-271, previous distance
 *   sml_l  1110LLLL (L > 0)             literal 1-15
 *   lrg_l  11100000 LLLLLLLL            literal 16-271
 *   eos    0x06 and seven more bytes: the end of the block
 *   nop    0x0E, 0x16
 */
const SML_D = 0;
const MED_D = 1;
const LRG_D = 2;
const PRE_D = 3;
const SML_M = 4;
const LRG_M = 5;
const SML_L = 6;
const LRG_L = 7;
const NOP = 8;
const EOS = 9;
const UNDEFINED = 10;

const OPCODE_KIND: Uint8Array = (() => {
  const kinds = new Uint8Array(256);
  for (let op = 0; op < 256; op++) {
    let kind: number;
    if (op >= 0xf0) kind = op === 0xf0 ? LRG_M : SML_M;
    else if (op >= 0xe0) kind = op === 0xe0 ? LRG_L : SML_L;
    else if (op >= 0xd0) kind = UNDEFINED;
    else if (op >= 0xa0 && op < 0xc0) kind = MED_D;
    else if (op >= 0x70 && op < 0x80) kind = UNDEFINED;
    else if ((op & 7) === 7) kind = LRG_D;
    else if ((op & 7) === 6) {
      // Below 0x40 (no literal, match 3-10 with the 110 tail) the format
      // reserves the codes: 0x06 is end of stream, 0x0E and 0x16 nops, the rest undefined.
      if (op >= 0x40) kind = PRE_D;
      else if (op === 0x06) kind = EOS;
      else if (op === 0x0e || op === 0x16) kind = NOP;
      else kind = UNDEFINED;
    } else kind = SML_D;
    kinds[op] = kind;
  }
  return kinds;
})();

/**
 * Decodes one LZVN block from `src[srcStart, srcEnd)` into `dst` at `dstStart`,
 * writing exactly up to `dstEnd`. Matches may reach back to `floor` (the
 * start of the whole stream's output) but never before it. Returns the
 * position after the last byte written; the block must end with eos exactly
 * at `srcEnd`.
 */
export function decodeLzvnBlock(
  src: Uint8Array,
  srcStart: number,
  srcEnd: number,
  dst: Uint8Array,
  dstStart: number,
  dstEnd: number,
  floor: number,
): number {
  let sp = srcStart;
  let dp = dstStart;
  let d = 0;
  for (;;) {
    if (sp >= srcEnd) throw formatError('lzfseTruncated', 'LZVN block ends without an end-of-stream opcode', sp);
    const op = src[sp]!;
    let lit: number;
    let match: number;
    switch (OPCODE_KIND[op]) {
      case SML_D:
        if (sp + 2 > srcEnd) throw truncatedOpcode(sp);
        lit = op >>> 6;
        match = ((op >>> 3) & 7) + 3;
        d = ((op & 7) << 8) | src[sp + 1]!;
        sp += 2;
        break;
      case MED_D: {
        if (sp + 3 > srcEnd) throw truncatedOpcode(sp);
        const b12 = src[sp + 1]! | (src[sp + 2]! << 8);
        lit = (op >>> 3) & 3;
        match = (((op & 7) << 2) | (b12 & 3)) + 3;
        d = b12 >>> 2;
        sp += 3;
        break;
      }
      case LRG_D:
        if (sp + 3 > srcEnd) throw truncatedOpcode(sp);
        lit = op >>> 6;
        match = ((op >>> 3) & 7) + 3;
        d = src[sp + 1]! | (src[sp + 2]! << 8);
        sp += 3;
        break;
      case PRE_D:
        lit = op >>> 6;
        match = ((op >>> 3) & 7) + 3;
        sp += 1;
        break;
      case SML_M:
        lit = 0;
        match = op & 15;
        sp += 1;
        break;
      case LRG_M:
        if (sp + 2 > srcEnd) throw truncatedOpcode(sp);
        lit = 0;
        match = src[sp + 1]! + 16;
        sp += 2;
        break;
      case SML_L:
        lit = op & 15;
        match = 0;
        sp += 1;
        break;
      case LRG_L:
        if (sp + 2 > srcEnd) throw truncatedOpcode(sp);
        lit = src[sp + 1]! + 16;
        match = 0;
        sp += 2;
        break;
      case NOP:
        sp += 1;
        continue;
      case EOS:
        if (sp + 8 !== srcEnd) {
          throw formatError('lzfseBadData', `LZVN end-of-stream opcode ${sp + 8 > srcEnd ? 'is truncated' : 'comes before the end of its block'}`, sp);
        }
        return dp;
      default:
        throw formatError('lzfseBadData', `undefined LZVN opcode 0x${op.toString(16).padStart(2, '0')}`, sp);
    }
    if (lit > 0) {
      if (sp + lit > srcEnd) throw formatError('lzfseTruncated', 'LZVN literal runs past the end of its block', sp);
      if (dp + lit > dstEnd) throw overflow(sp);
      copyLiteral(src, sp, dst, dp, lit);
      sp += lit;
      dp += lit;
    }
    if (match > 0) {
      if (d === 0 || d > dp - floor) {
        throw formatError('lzfseBadDistance', `LZVN match distance ${d} points before the start of the output (${dp - floor} bytes written)`, sp);
      }
      if (dp + match > dstEnd) throw overflow(sp);
      copyMatch(dst, dp, d, match);
      dp += match;
    }
  }
}

function truncatedOpcode(at: number): Error {
  return formatError('lzfseTruncated', 'LZVN opcode runs past the end of its block', at);
}

function overflow(at: number): Error {
  return formatError('lzfseOverflow', 'LZVN block writes past its declared size', at);
}
