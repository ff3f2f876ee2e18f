/**
 * Finite State Entropy tables for LZFSE (tANS with a power-of-two state count).
 *
 * A symbol with normalized frequency f owns f consecutive states. Reading
 * backwards through the bit stream, a state emits its symbol and moves to
 * `delta + next k bits`. Each symbol's states are split: the first j0 use k
 * bits, the rest k-1, where k is the shift that puts f<<k in [N, 2N).
 * Those facts are what the tables below precompute.
 */

export const LITERAL_STATES = 1024;
export const L_STATES = 64;
export const M_STATES = 64;
export const D_STATES = 256;
export const LITERAL_SYMBOLS = 256;
export const L_SYMBOLS = 20;
export const M_SYMBOLS = 20;
export const D_SYMBOLS = 64;

/** Extra-bit counts and base values of the L (literal length), M (match length) and D (distance) symbols. */
export const L_EXTRA_BITS = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 5, 8);
export const L_BASE = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 28, 60);
export const M_EXTRA_BITS = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 8, 11);
export const M_BASE = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 24, 56, 312);
export const D_EXTRA_BITS = new Uint8Array(D_SYMBOLS);
export const D_BASE = new Int32Array(D_SYMBOLS);
// Distances: four symbols per extra-bit count 0..15, each group starting where
// the previous one ends (0, 1, 2, 3, 4, 6, 8, 10, 12, 16, ...).
{
  let base = 0;
  for (let s = 0; s < D_SYMBOLS; s++) {
    const bits = s >> 2;
    D_EXTRA_BITS[s] = bits;
    D_BASE[s] = base;
    base += 1 << bits;
  }
}

/** 31 - floor(log2(x)) for x in [1, 2^31). */
const clz32 = Math.clz32;

/**
 * Checks that the frequencies sum to at most `states`. Sums below are legal
 * (the unused states stay zero and decode as symbol 0 reading no bits).
 */
export function frequenciesFit(freq: Uint16Array, from: number, count: number, states: number): boolean {
  let sum = 0;
  for (let i = from; i < from + count; i++) sum += freq[i]!;
  return sum <= states;
}

/**
 * Literal decoder table: one int32 per state, `delta << 16 | symbol << 8 | k`
 * (delta is always in [0, states), so the packing never loses a sign).
 */
export function buildSymbolTable(freq: Uint16Array, from: number, nsymbols: number, states: number, table: Int32Array): void {
  table.fill(0);
  const nClz = clz32(states);
  let t = 0;
  for (let i = 0; i < nsymbols; i++) {
    const f = freq[from + i]!;
    if (f === 0) continue;
    const k = clz32(f) - nClz;
    const j0 = ((2 * states) >> k) - f;
    for (let j = 0; j < f; j++, t++) {
      if (j < j0) table[t] = ((((f + j) << k) - states) << 16) | (i << 8) | k;
      else table[t] = (((j - j0) << (k - 1)) << 16) | (i << 8) | (k - 1);
    }
  }
}

/**
 * L/M/D decoder table: per state, `delta << 16 | valueBits << 8 | totalBits`
 * in `packed` and the symbol's base value in `base`. One pull of totalBits
 * gives the next state (high part) and the value's extra bits (low part).
 */
export function buildValueTable(
  freq: Uint16Array,
  from: number,
  nsymbols: number,
  states: number,
  extraBits: Uint8Array,
  baseValues: Int32Array,
  packed: Int32Array,
  base: Int32Array,
): void {
  packed.fill(0);
  base.fill(0);
  const nClz = clz32(states);
  let t = 0;
  for (let i = 0; i < nsymbols; i++) {
    const f = freq[from + i]!;
    if (f === 0) continue;
    const k = clz32(f) - nClz;
    const j0 = ((2 * states) >> k) - f;
    const vbits = extraBits[i]!;
    const vbase = baseValues[i]!;
    for (let j = 0; j < f; j++, t++) {
      if (j < j0) packed[t] = ((((f + j) << k) - states) << 16) | (vbits << 8) | (k + vbits);
      else packed[t] = (((j - j0) << (k - 1)) << 16) | (vbits << 8) | (k - 1 + vbits);
      base[t] = vbase;
    }
  }
}
