/**
 * Byte copies for the LZ decoders. Short runs (the common case: LZVN literals
 * are at most 271 bytes, most matches a few dozen) are faster as plain loops
 * than as `set`/`copyWithin`, which pay a fixed cost per call.
 */
const BULK = 32;

export function copyLiteral(src: Uint8Array, from: number, dst: Uint8Array, to: number, length: number): void {
  if (length < BULK) {
    for (let i = 0; i < length; i++) dst[to + i] = src[from + i]!;
  } else {
    dst.set(src.subarray(from, from + length), to);
  }
}

/**
 * Copies `length` bytes from `distance` bytes back. When the ranges overlap
 * (distance < length) the copy must repeat the pattern byte by byte, as LZ
 * matches mean; `copyWithin` would behave like memmove instead.
 */
export function copyMatch(dst: Uint8Array, to: number, distance: number, length: number): void {
  if (length < BULK || distance < BULK) {
    for (let i = 0, from = to - distance; i < length; i++) dst[to + i] = dst[from + i]!;
    return;
  }
  // Long runs: whole chunks of at most `distance` bytes never overlap their source.
  let at = to;
  const end = to + length;
  while (at < end) {
    const n = Math.min(distance, end - at);
    dst.copyWithin(at, at - distance, at - distance + n);
    at += n;
  }
}
