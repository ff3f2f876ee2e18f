/**
 * A small LZFSE *encoder* for tests only: it writes every block kind the
 * decoder reads (raw, LZVN, FSE with v1 or v2 headers, end of stream) from
 * arbitrary bytes, so unit tests and property tests can make streams without
 * the corpus. It favours covering every opcode over compressing well.
 */
import {
  D_BASE,
  D_EXTRA_BITS,
  D_STATES,
  L_BASE,
  L_EXTRA_BITS,
  L_STATES,
  LITERAL_STATES,
  M_BASE,
  M_EXTRA_BITS,
  M_STATES,
  buildSymbolTable,
} from '../../src/signed/lzfse/fse.js';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const u16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];

export const END_OF_STREAM = Uint8Array.from(ascii('bvx$'));

export function rawBlock(data: Uint8Array): Uint8Array {
  return Uint8Array.from([...ascii('bvx-'), ...u32(data.length), ...data]);
}

export function stream(...blocks: Uint8Array[]): Uint8Array {
  const parts = [...blocks, END_OF_STREAM];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An LZ parse: literal run, then a match (m may be 0 at the end). */
export interface Sequence {
  readonly literals: Uint8Array;
  readonly m: number;
  readonly d: number;
}

/** Greedy parse with a 4-byte hash; `maxD`/`maxM`/`maxL` bound what the target format can express. */
export function parse(data: Uint8Array, maxD: number, maxM: number, maxL: number): Sequence[] {
  const seqs: Sequence[] = [];
  const last = new Map<number, number>();
  let litStart = 0;
  let i = 0;
  const key = (p: number): number => data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24);
  while (i + 4 <= data.length) {
    const k = key(i);
    const prev = last.get(k);
    last.set(k, i);
    if (prev !== undefined && i - prev <= maxD) {
      let m = 0;
      while (i + m < data.length && m < maxM && data[prev + m] === data[i + m]) m++;
      if (m >= 4) {
        pushLiterals(seqs, data.subarray(litStart, i), maxL);
        seqs.push({ literals: new Uint8Array(0), m, d: i - prev });
        mergeLast(seqs);
        i += m;
        litStart = i;
        continue;
      }
    }
    i++;
  }
  pushLiterals(seqs, data.subarray(litStart), maxL);
  return seqs;
}

/** Literal runs longer than maxL become several literal-only sequences. */
function pushLiterals(seqs: Sequence[], literals: Uint8Array, maxL: number): void {
  for (let at = 0; at < literals.length; at += maxL) seqs.push({ literals: literals.subarray(at, at + maxL), m: 0, d: 0 });
}

/** A match right after a literal-only sequence joins it. */
function mergeLast(seqs: Sequence[]): void {
  const match = seqs[seqs.length - 1]!;
  const before = seqs[seqs.length - 2];
  if (before !== undefined && before.m === 0) {
    seqs.splice(seqs.length - 2, 2, { literals: before.literals, m: match.m, d: match.d });
  }
}

// ---------------------------------------------------------------- LZVN

/** LZVN opcodes for one parse, using every opcode class where it fits. */
export function lzvnPayload(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let prevD = 0;
  for (const seq of parse(data, 0xffff, 1 << 20, 1 << 20)) {
    let lit = seq.literals;
    // Literal-only opcodes for all but the last 0-3 literals, which ride on the match opcode.
    const carried = seq.m > 0 ? Math.min(3, lit.length) : 0;
    let plain = lit.subarray(0, lit.length - carried);
    while (plain.length > 0) {
      const n = Math.min(plain.length, 271);
      if (n < 16) out.push(0xe0 | n);
      else out.push(0xe0, n - 16);
      out.push(...plain.subarray(0, n));
      plain = plain.subarray(n);
    }
    lit = lit.subarray(lit.length - carried);
    if (seq.m === 0) continue;
    const L = lit.length;
    const d = seq.d;
    let m = seq.m;
    // With a literal, the 3-bit match field of sml_d, lrg_d and pre_d loses its top codes
    // to other opcodes (0x70-0x7F, 0xA0-0xDF): at most 8, 6 or 4 for 1, 2 or 3 literals.
    const shortMax = [10, 8, 6, 4][L]!;
    if (d === prevD && L === 0) {
      // Nothing to emit here: sml_m / lrg_m below repeat the previous distance.
    } else if (d === prevD) {
      // pre_d needs a literal: with none its codes are eos, nop and undefined.
      const first = Math.min(m, shortMax);
      out.push((L << 6) | ((first - 3) << 3) | 6, ...lit); // pre_d
      m -= first;
    } else if (d < 0x600) {
      // sml_d's three distance bits stop at 5: 6 and 7 select pre_d and lrg_d.
      const first = Math.min(m, shortMax);
      out.push((L << 6) | ((first - 3) << 3) | (d >>> 8), d & 0xff, ...lit); // sml_d
      m -= first;
    } else if (d < 0x4000) {
      const first = Math.min(m, 34);
      const mm = first - 3;
      out.push(0xa0 | (L << 3) | (mm >>> 2), ((d << 2) | (mm & 3)) & 0xff, (d >>> 6) & 0xff, ...lit); // med_d
      m -= first;
    } else {
      const first = Math.min(m, shortMax);
      out.push((L << 6) | ((first - 3) << 3) | 7, d & 0xff, d >>> 8, ...lit); // lrg_d
      m -= first;
    }
    prevD = d;
    while (m > 0) {
      const n = Math.min(m, 271);
      if (n < 16) out.push(0xf0 | n); // sml_m
      else out.push(0xf0, n - 16); // lrg_m
      m -= n;
    }
  }
  out.push(0x0e); // a nop, for coverage
  out.push(0x06, 0, 0, 0, 0, 0, 0, 0); // eos
  return Uint8Array.from(out);
}

export function lzvnBlock(data: Uint8Array, payload: Uint8Array = lzvnPayload(data)): Uint8Array {
  return Uint8Array.from([...ascii('bvxn'), ...u32(data.length), ...u32(payload.length), ...payload]);
}

// ---------------------------------------------------------------- FSE

/** Backwards-readable bit stream: bits appended LSB first; the decoder reads the last ones first. */
class BitWriter {
  private readonly bits: number[] = [];
  write(value: number, n: number): void {
    for (let i = 0; i < n; i++) this.bits.push((value >>> i) & 1);
  }
  /** The bytes (with `pad` zero bytes in front, never read) and the final-byte bit count in [-7, 0]. */
  finish(pad: number): { bytes: Uint8Array; finalBits: number } {
    const n = Math.ceil(this.bits.length / 8);
    const bytes = new Uint8Array(pad + n);
    this.bits.forEach((b, i) => {
      bytes[pad + (i >> 3)]! |= b << (i & 7);
    });
    return { bytes, finalBits: this.bits.length - 8 * n };
  }
}

/** Normalizes counts to frequencies summing to `states` (every used symbol keeps at least 1). */
export function normalize(counts: number[], states: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const freq = counts.map((c) => (c === 0 ? 0 : Math.max(1, Math.floor((c * states) / total))));
  let sum = freq.reduce((a, b) => a + b, 0);
  if (total === 0) {
    freq[0] = states;
    return freq;
  }
  while (sum !== states) {
    // Adjust the largest entry (it can always give or take one and stay ≥ 1 here).
    const i = freq.indexOf(Math.max(...freq));
    const step = sum < states ? 1 : -1;
    freq[i]! += step;
    sum += step;
  }
  return freq;
}

/** For each state of the decoder table: symbol, k, delta. The encoder inverts it by search (tests only). */
class FseCoder {
  private readonly symbol: number[] = [];
  private readonly k: number[] = [];
  private readonly delta: number[] = [];
  constructor(
    freq: number[],
    readonly states: number,
  ) {
    const table = new Int32Array(states);
    buildSymbolTable(Uint16Array.from(freq), 0, freq.length, states, table);
    for (const e of table) {
      this.symbol.push((e >>> 8) & 0xff);
      this.k.push(e & 0xff);
      this.delta.push(e >> 16);
    }
  }
  /** The state that emits `symbol` and moves to `next`, and the bits that say so. */
  step(symbol: number, next: number): { state: number; bits: number; k: number } {
    for (let s = 0; s < this.states; s++) {
      if (this.symbol[s] !== symbol) continue;
      const lo = this.delta[s]!;
      const k = this.k[s]!;
      if (next >= lo && next < lo + (1 << k)) return { state: s, bits: next - lo, k };
    }
    throw new Error(`no state for symbol ${symbol} reaching ${next}`);
  }
}

function valueSymbol(v: number, base: Int32Array, extra: Uint8Array): number {
  for (let s = base.length - 1; s >= 0; s--) if (v >= base[s]! && v < base[s]! + (1 << extra[s]!)) return s;
  throw new Error(`value ${v} has no symbol`);
}

export interface FseBlockOptions {
  readonly version: 1 | 2;
}

/** One FSE block (v1 or v2 header) holding `data`. */
export function fseBlock(data: Uint8Array, options: FseBlockOptions = { version: 2 }): Uint8Array {
  return fseBlockFromSequences(data.length, parse(data, 262_139, 2359, 315), options);
}

/** An FSE block from an explicit parse; `rawSize` is what its header declares (tests make it lie). */
export function fseBlockFromSequences(rawSize: number, parsed: readonly Sequence[], options: FseBlockOptions = { version: 2 }): Uint8Array {
  const seqs = [...parsed];
  if (seqs.length === 0) seqs.push({ literals: new Uint8Array(0), m: 0, d: 0 });
  const literals: number[] = [];
  for (const s of seqs) literals.push(...s.literals);
  while (literals.length % 4 !== 0) literals.push(0);
  const lmd = seqs.map((s) => ({ l: s.literals.length, m: s.m, d: s.d }));
  // D = 0 means "previous distance": use it when a distance repeats.
  for (let i = 1; i < lmd.length; i++) if (lmd[i]!.m > 0 && lmd[i]!.d === lmd[i - 1]!.d) lmd[i] = { ...lmd[i]!, d: 0 };

  const count = (values: number[], n: number): number[] => {
    const c = new Array<number>(n).fill(0);
    for (const v of values) c[v]!++;
    return c;
  };
  const litFreq = normalize(count(literals, 256), LITERAL_STATES);
  const lSyms = lmd.map((x) => valueSymbol(x.l, L_BASE, L_EXTRA_BITS));
  const mSyms = lmd.map((x) => valueSymbol(x.m, M_BASE, M_EXTRA_BITS));
  const dSyms = lmd.map((x) => valueSymbol(x.d, D_BASE, D_EXTRA_BITS));
  const lFreq = normalize(count(lSyms, 20), L_STATES);
  const mFreq = normalize(count(mSyms, 20), M_STATES);
  const dFreq = normalize(count(dSyms, 64), D_STATES);

  // Literals: four interleaved states, encoded last to first.
  const litCoder = new FseCoder(litFreq, LITERAL_STATES);
  const litStates = [0, 0, 0, 0];
  const litSteps: { bits: number; k: number }[] = [];
  for (let i = literals.length - 1; i >= 0; i--) {
    const step = litCoder.step(literals[i]!, litStates[i % 4]!);
    litStates[i % 4] = step.state;
    litSteps.push(step);
  }
  const litWriter = new BitWriter();
  for (const s of litSteps) litWriter.write(s.bits, s.k);
  const lit = litWriter.finish(8);

  // L, M, D: read L, M, D per match, so written D, M, L from the last match back.
  const coders = [new FseCoder(lFreq, L_STATES), new FseCoder(mFreq, M_STATES), new FseCoder(dFreq, D_STATES)];
  const bases = [L_BASE, M_BASE, D_BASE];
  const extras = [L_EXTRA_BITS, M_EXTRA_BITS, D_EXTRA_BITS];
  const lmdStates = [0, 0, 0];
  const lmdWriter = new BitWriter();
  for (let i = lmd.length - 1; i >= 0; i--) {
    const values = [lmd[i]!.l, lmd[i]!.m, lmd[i]!.d];
    const syms = [lSyms[i]!, mSyms[i]!, dSyms[i]!];
    for (const which of [2, 1, 0]) {
      const step = coders[which]!.step(syms[which]!, lmdStates[which]!);
      lmdStates[which] = step.state;
      const vbits = extras[which]![syms[which]!]!;
      const extra = values[which]! - bases[which]![syms[which]!]!;
      lmdWriter.write((step.bits << vbits) | extra, step.k + vbits);
    }
  }
  const lmdBits = lmdWriter.finish(8);

  const freq = [...lFreq, ...mFreq, ...dFreq, ...litFreq];
  const header =
    options.version === 1
      ? v1Header(rawSize, literals.length, lmd.length, lit, lmdBits, litStates, lmdStates, freq)
      : v2Header(rawSize, literals.length, lmd.length, lit, lmdBits, litStates, lmdStates, freq);
  return Uint8Array.from([...header, ...lit.bytes, ...lmdBits.bytes]);
}

type Stream = { bytes: Uint8Array; finalBits: number };

function v1Header(raw: number, nLit: number, nMatch: number, lit: Stream, lmd: Stream, ls: number[], st: number[], freq: number[]): number[] {
  const h = [
    ...ascii('bvx1'),
    ...u32(raw),
    ...u32(lit.bytes.length + lmd.bytes.length),
    ...u32(nLit),
    ...u32(nMatch),
    ...u32(lit.bytes.length),
    ...u32(lmd.bytes.length),
    ...u32(lit.finalBits),
    ...ls.flatMap(u16),
    ...u32(lmd.finalBits),
    ...st.flatMap(u16),
    ...freq.flatMap(u16),
  ];
  return [...h, 0, 0]; // struct padding to 772 bytes
}

function v2Header(raw: number, nLit: number, nMatch: number, lit: Stream, lmd: Stream, ls: number[], st: number[], freq: number[]): number[] {
  const w = new BitWriter();
  for (const f of freq) {
    if (f === 0) w.write(0, 2);
    else if (f === 1) w.write(2, 2);
    else if (f <= 3) w.write(f === 2 ? 1 : 5, 3);
    else if (f <= 7) w.write(3 + 8 * (f - 4), 5);
    else if (f <= 23) w.write(7 | ((f - 8) << 4), 8);
    else w.write(15 | ((f - 24) << 4), 14);
  }
  const table = w.finish(0).bytes;
  const big = (n: number): bigint => BigInt(n);
  const v0 = big(nLit) | (big(lit.bytes.length) << 20n) | (big(nMatch) << 40n) | (big(lit.finalBits + 7) << 60n);
  const v1 = big(ls[0]!) | (big(ls[1]!) << 10n) | (big(ls[2]!) << 20n) | (big(ls[3]!) << 30n) | (big(lmd.bytes.length) << 40n) | (big(lmd.finalBits + 7) << 60n);
  const v2 = big(32 + table.length) | (big(st[0]!) << 32n) | (big(st[1]!) << 42n) | (big(st[2]!) << 52n);
  const u64 = (v: bigint): number[] => [...u32(Number(v & 0xffffffffn)), ...u32(Number(v >> 32n))];
  return [...ascii('bvx2'), ...u32(raw), ...u64(v0), ...u64(v1), ...u64(v2), ...table];
}

/** A whole stream in one block kind. */
export function encode(data: Uint8Array, kind: 'raw' | 'lzvn' | 'fse1' | 'fse2'): Uint8Array {
  if (kind === 'raw') return stream(rawBlock(data));
  if (kind === 'lzvn') return stream(lzvnBlock(data));
  return stream(fseBlock(data, { version: kind === 'fse1' ? 1 : 2 }));
}
