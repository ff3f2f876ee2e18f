import type { Result } from '../../diagnostics/diagnostic.js';
import { attempt, formatError } from '../failure.js';
import { FREQ_COUNT, FseScratch, checkHeader, decodeFseBlock, type FseBlockHeader } from './fse-block.js';
import { decodeLzvnBlock } from './lzvn.js';

/** Block magics, little-endian u32 of "bvx$", "bvx-", "bvx1", "bvx2", "bvxn". */
const END_OF_STREAM = 0x24787662;
const RAW = 0x2d787662;
const FSE_V1 = 0x31787662;
const FSE_V2 = 0x32787662;
const LZVN = 0x6e787662;

/**
 * The v1 header as the reference encoder lays it out: seven u32 counts, i32
 * literal bits, four u16 literal states, i32 L/M/D bits, three u16 states,
 * then 360 u16 frequencies (770 bytes), padded to the struct's 4-byte
 * alignment: 772 bytes in the stream.
 */
const V1_HEADER_BYTES = 772;
/** The v2 header's fixed part: magic, raw size, three packed u64 fields. */
const V2_FIXED_BYTES = 32;

const u32 = (b: Uint8Array, p: number): number => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
const u16 = (b: Uint8Array, p: number): number => b[p]! | (b[p + 1]! << 8);
const i32 = (b: Uint8Array, p: number): number => b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);

/** Bits [offset, offset + width) of the u64 (lo, hi), width ≤ 32. */
function field(lo: number, hi: number, offset: number, width: number): number {
  let v: number;
  if (offset >= 32) v = hi >>> (offset - 32);
  else if (offset + width <= 32) v = lo >>> offset;
  else v = (lo >>> offset) | (hi << (32 - offset));
  return width === 32 ? v >>> 0 : (v & ((1 << width) - 1)) >>> 0;
}

/** The variable-length code of v2 frequencies: the low 5 bits of the accumulator select a length and value. */
const FREQ_CODE_BITS = Int8Array.of(2, 3, 2, 5, 2, 3, 2, 8, 2, 3, 2, 5, 2, 3, 2, 14, 2, 3, 2, 5, 2, 3, 2, 8, 2, 3, 2, 5, 2, 3, 2, 14);
const FREQ_CODE_VALUE = Int8Array.of(0, 2, 1, 4, 0, 3, 1, -1, 0, 2, 1, 5, 0, 3, 1, -1, 0, 2, 1, 6, 0, 3, 1, -1, 0, 2, 1, 7, 0, 3, 1, -1);

function readV1Header(src: Uint8Array, at: number): { header: FseBlockHeader; size: number } {
  if (at + V1_HEADER_BYTES > src.length) throw formatError('lzfseTruncated', 'LZFSE v1 block header is truncated', at);
  const freq = new Uint16Array(FREQ_COUNT);
  for (let i = 0; i < FREQ_COUNT; i++) freq[i] = u16(src, at + 50 + 2 * i);
  const header: FseBlockHeader = {
    rawBytes: u32(src, at + 4),
    literalCount: u32(src, at + 12),
    matchCount: u32(src, at + 16),
    literalPayloadBytes: u32(src, at + 20),
    lmdPayloadBytes: u32(src, at + 24),
    literalBits: i32(src, at + 28),
    literalStates: [u16(src, at + 32), u16(src, at + 34), u16(src, at + 36), u16(src, at + 38)],
    lmdBits: i32(src, at + 40),
    lState: u16(src, at + 44),
    mState: u16(src, at + 46),
    dState: u16(src, at + 48),
    freq,
  };
  // The v1 header also states the payload size; it must agree with its parts.
  if (u32(src, at + 8) !== header.literalPayloadBytes + header.lmdPayloadBytes) {
    throw formatError('lzfseBadHeader', 'LZFSE v1 block header: payload size differs from literal + L/M/D payload sizes', at);
  }
  return { header, size: V1_HEADER_BYTES };
}

function readV2Header(src: Uint8Array, at: number): { header: FseBlockHeader; size: number } {
  if (at + V2_FIXED_BYTES > src.length) throw formatError('lzfseTruncated', 'LZFSE v2 block header is truncated', at);
  const v0lo = u32(src, at + 8);
  const v0hi = u32(src, at + 12);
  const v1lo = u32(src, at + 16);
  const v1hi = u32(src, at + 20);
  const v2lo = u32(src, at + 24);
  const v2hi = u32(src, at + 28);
  const size = field(v2lo, v2hi, 0, 32);
  if (size < V2_FIXED_BYTES) throw formatError('lzfseBadHeader', `LZFSE v2 block header claims ${size} bytes (at least 32)`, at);
  if (at + size > src.length) throw formatError('lzfseTruncated', 'LZFSE v2 block header is truncated', at);
  const freq = new Uint16Array(FREQ_COUNT);
  // A header without frequency bytes leaves every frequency at zero.
  if (size > V2_FIXED_BYTES) decodeFrequencies(src, at + V2_FIXED_BYTES, at + size, freq);
  const header: FseBlockHeader = {
    rawBytes: u32(src, at + 4),
    literalCount: field(v0lo, v0hi, 0, 20),
    literalPayloadBytes: field(v0lo, v0hi, 20, 20),
    matchCount: field(v0lo, v0hi, 40, 20),
    literalBits: field(v0lo, v0hi, 60, 3) - 7,
    literalStates: [field(v1lo, v1hi, 0, 10), field(v1lo, v1hi, 10, 10), field(v1lo, v1hi, 20, 10), field(v1lo, v1hi, 30, 10)],
    lmdPayloadBytes: field(v1lo, v1hi, 40, 20),
    lmdBits: field(v1lo, v1hi, 60, 3) - 7,
    lState: field(v2lo, v2hi, 32, 10),
    mState: field(v2lo, v2hi, 42, 10),
    dState: field(v2lo, v2hi, 52, 10),
    freq,
  };
  return { header, size };
}

function decodeFrequencies(src: Uint8Array, start: number, end: number, freq: Uint16Array): void {
  let p = start;
  let acc = 0;
  let nb = 0;
  for (let i = 0; i < FREQ_COUNT; i++) {
    while (p < end && nb + 8 <= 32) {
      acc = (acc | (src[p++]! << nb)) >>> 0;
      nb += 8;
    }
    const code = acc & 31;
    const n = FREQ_CODE_BITS[code]!;
    let value: number;
    if (n === 8) value = 8 + ((acc >>> 4) & 0xf);
    else if (n === 14) value = 24 + ((acc >>> 4) & 0x3ff);
    else value = FREQ_CODE_VALUE[code]!;
    if (n > nb) throw formatError('lzfseBadHeader', 'LZFSE v2 frequency table runs past its header', start);
    freq[i] = value;
    acc >>>= n;
    nb -= n;
  }
  // The table must fill its header exactly: no whole unread byte.
  if (nb >= 8 || p !== end) throw formatError('lzfseBadHeader', 'LZFSE v2 frequency table does not fill its header', start);
}

/**
 * A reusable decoder: keeps the FSE scratch tables (about 50 KB) between
 * streams, so decoding many segments allocates nothing per block.
 */
export class LzfseDecoder {
  private readonly scratch = new FseScratch();

  /**
   * Decodes the LZFSE stream `src` into `dst[start, end)`. The stream must
   * produce exactly `end - start` bytes: more is an overflow error (nothing
   * is ever written past `end`), fewer a short-output error.
   */
  decodeInto(src: Uint8Array, dst: Uint8Array, start: number, end: number): void {
    let sp = 0;
    let dp = start;
    for (;;) {
      if (sp + 4 > src.length) throw formatError('lzfseTruncated', 'LZFSE stream ends without an end-of-stream block', sp);
      const magic = u32(src, sp);
      switch (magic) {
        case END_OF_STREAM:
          if (dp !== end) {
            throw formatError('lzfseShort', `LZFSE stream decompresses to ${dp - start} bytes, ${end - start} declared`, sp);
          }
          return;
        case RAW: {
          if (sp + 8 > src.length) throw formatError('lzfseTruncated', 'LZFSE raw block header is truncated', sp);
          const n = u32(src, sp + 4);
          if (dp + n > end) throw formatError('lzfseOverflow', `LZFSE raw block of ${n} bytes runs past the declared size`, sp);
          if (sp + 8 + n > src.length) throw formatError('lzfseTruncated', 'LZFSE raw block is truncated', sp);
          dst.set(src.subarray(sp + 8, sp + 8 + n), dp);
          sp += 8 + n;
          dp += n;
          break;
        }
        case LZVN: {
          if (sp + 12 > src.length) throw formatError('lzfseTruncated', 'LZVN block header is truncated', sp);
          const raw = u32(src, sp + 4);
          const payload = u32(src, sp + 8);
          if (dp + raw > end) throw formatError('lzfseOverflow', `LZVN block of ${raw} bytes runs past the declared size`, sp);
          const payloadStart = sp + 12;
          if (payloadStart + payload > src.length) throw formatError('lzfseTruncated', 'LZVN block payload is truncated', sp);
          const written = decodeLzvnBlock(src, payloadStart, payloadStart + payload, dst, dp, dp + raw, start);
          if (written !== dp + raw) {
            throw formatError('lzfseShort', `LZVN block decompresses to ${written - dp} bytes, ${raw} declared`, sp);
          }
          sp = payloadStart + payload;
          dp += raw;
          break;
        }
        case FSE_V1:
        case FSE_V2: {
          const { header, size } = magic === FSE_V1 ? readV1Header(src, sp) : readV2Header(src, sp);
          checkHeader(header, sp);
          if (dp + header.rawBytes > end) {
            throw formatError('lzfseOverflow', `LZFSE block of ${header.rawBytes} bytes runs past the declared size`, sp);
          }
          const payload = sp + size;
          const written = decodeFseBlock(header, src, payload, dst, dp, start, this.scratch);
          if (written !== dp + header.rawBytes) {
            throw formatError('lzfseShort', `LZFSE block decompresses to ${written - dp} bytes, ${header.rawBytes} declared`, sp);
          }
          sp = payload + header.literalPayloadBytes + header.lmdPayloadBytes;
          dp += header.rawBytes;
          break;
        }
        default:
          throw formatError('lzfseBadMagic', `unknown LZFSE block magic 0x${magic.toString(16).padStart(8, '0')}`, sp);
      }
    }
  }
}

/** Largest output `decodeLzfse` will allocate unless told otherwise (a shortcut is a few MB at most). */
export const DEFAULT_MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * Decodes a whole LZFSE stream whose decompressed size is known (as every
 * segment of a signed file states it). Memory is bounded by `size`, which
 * itself must not exceed `maxOutput`.
 */
export function decodeLzfse(src: Uint8Array, size: number, maxOutput = DEFAULT_MAX_OUTPUT): Result<Uint8Array> {
  return attempt(() => {
    if (!Number.isSafeInteger(size) || size < 0 || size > maxOutput) {
      throw formatError('sizeLimit', `declared LZFSE output of ${size} bytes is beyond the limit of ${maxOutput}`);
    }
    const out = new Uint8Array(size);
    new LzfseDecoder().decodeInto(src, out, 0, size);
    return out;
  });
}
