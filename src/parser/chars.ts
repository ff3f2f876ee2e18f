/**
 * Character classes of Python source, ASCII first (the fast path) and Unicode
 * through property escapes. Python uses XID_Start/XID_Continue; JavaScript's
 * ID_Start/ID_Continue differ from them only in a handful of compatibility
 * characters that NFKC maps away, which Python applies to identifiers too.
 */

const ID_START = /^[\p{ID_Start}_]$/u;
const ID_CONTINUE = /^[\p{ID_Continue}]$/u;
const SPACE_SEPARATOR = /^\p{Zs}$/u;

const asciiStart = new Uint8Array(128);
const asciiContinue = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  asciiStart[c] = isLetter ? 1 : 0;
  asciiContinue[c] = isLetter || (c >= 48 && c <= 57) ? 1 : 0;
}

/** The code point at `offset` (a surrogate pair counts as one). */
export function codePointAt(text: string, offset: number): number {
  return text.codePointAt(offset) ?? 0;
}

export function codePointLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

export function isIdentifierStart(cp: number): boolean {
  if (cp < 128) return asciiStart[cp] === 1;
  return ID_START.test(String.fromCodePoint(cp));
}

export function isIdentifierContinue(cp: number): boolean {
  if (cp < 128) return asciiContinue[cp] === 1;
  return ID_CONTINUE.test(String.fromCodePoint(cp));
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Spaces other than ASCII space, tab and form feed that models put in code
 * (no-break space, ideographic space, zero-width space, BOM): read as a space.
 */
export function isUnusualSpace(cp: number): boolean {
  if (cp === 0x200b || cp === 0xfeff || cp === 0x2060) return true;
  return cp > 127 && SPACE_SEPARATOR.test(String.fromCodePoint(cp));
}

/**
 * Full-width forms of ASCII punctuation (U+FF01–U+FF5E, e.g. `（`, `，`, `：`,
 * `＝`) that have one sensible reading as code: the ASCII character. Quotes,
 * backslash and `#` are excluded (reading them would change where strings and
 * comments end); letters and digits are identifier characters already.
 */
export function fullWidthPunctuation(cp: number): number | undefined {
  if (cp < 0xff01 || cp > 0xff5e) return undefined;
  const ascii = cp - 0xff01 + 0x21;
  if ((ascii >= 48 && ascii <= 57) || (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || ascii === 95) return undefined;
  if (ascii === 0x22 || ascii === 0x27 || ascii === 0x5c || ascii === 0x23 || ascii === 0x24 || ascii === 0x3f || ascii === 0x60)
    return undefined;
  return ascii;
}

/** `U+00A5` style name of a code point, for messages. */
export function describeCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character as a message shows it: printable ones quoted, others by code point. */
export function showCharacter(cp: number): string {
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return describeCodePoint(cp);
  return `'${String.fromCodePoint(cp)}' (${describeCodePoint(cp)})`;
}
