/**
 * Derived identifiers for compiled code: action UUIDs, GroupingIdentifiers
 * and VariableUUIDs, as uppercase 8-4-4-4-12 UUIDs (version 8, "custom", like
 * `src/ir/identity.ts`). Compiling must stay fast on multi-gigabyte datasets,
 * and these identifiers need to be deterministic and distinct within a file,
 * not secret: a 128-bit multiply–xorshift hash of the description replaces
 * SHA-256 here, and a collision (never seen, but possible) is resolved by
 * rehashing with a counter.
 */
export class Identities {
  private readonly issued = new Set<string>();

  constructor(private readonly seed: string) {}

  derive(kind: string, ...parts: readonly (string | number)[]): string {
    const key = `${this.seed}\u0000${kind}\u0000${parts.join('\u0000')}`;
    let id = uuidOf(key);
    for (let n = 1; this.issued.has(id); n++) id = uuidOf(`${key}\u0000#${n}`);
    this.issued.add(id);
    return id;
  }
}

/** Four 32-bit lanes, each fed every UTF-16 unit with its own odd multiplier, then finalised and cross-mixed. */
export function hash128(text: string): [number, number, number, number] {
  let a = 0x6a09e667 | 0;
  let b = 0xbb67ae85 | 0;
  let c = 0x3c6ef372 | 0;
  let d = 0xa54ff53a | 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193) ^ (b >>> 15);
    b = Math.imul(b ^ unit, 0x5bd1e995) ^ (c >>> 13);
    c = Math.imul(c ^ unit, 0x27d4eb2f) ^ (d >>> 16);
    d = Math.imul(d ^ unit, 0x165667b1) ^ (a >>> 11);
  }
  const length = text.length;
  a = finish(a ^ length);
  b = finish(b ^ a);
  c = finish(c ^ b);
  d = finish(d ^ c);
  a = finish(a ^ d);
  return [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
}

/** A 32-bit avalanche step (xor-shift, multiply, xor-shift). */
function finish(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}

const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());

/** Four hex digits of the low 16 bits. */
function hex16(n: number): string {
  return BYTE_HEX[(n >>> 8) & 0xff]! + BYTE_HEX[n & 0xff]!;
}

function uuidOf(text: string): string {
  const [a, b, c, d] = hash128(text);
  // Version 8 in the high nibble of the third group, the RFC 9562 variant in the fourth.
  const third = (b & 0x0fff) | 0x8000;
  const fourth = ((c >>> 16) & 0x3fff) | 0x8000;
  return `${hex16(a >>> 16)}${hex16(a)}-${hex16(b >>> 16)}-${hex16(third)}-${hex16(fourth)}-${hex16(c)}${hex16(d >>> 16)}${hex16(d)}`;
}
