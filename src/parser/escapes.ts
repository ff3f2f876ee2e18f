import { isHexDigit } from './chars.js';

/** What one backslash escape in a (non-raw) string stands for. */
export interface EscapeResult {
  /** The decoded text (for bytes: characters U+0000–U+00FF, one per byte). */
  readonly text: string;
  /** Offset just past the escape. */
  readonly next: number;
  /** The escape was a backslash-newline (a line continuation inside the string). */
  readonly newline?: boolean;
  /** Why the escape is invalid (the text is then the escape as written). */
  readonly error?: string;
}

const SIMPLE: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * Decodes the escape whose backslash is at `at`, exactly as Python does:
 * `\n`-style letters, 1–3 octal digits, `\xHH`, and in text (not bytes)
 * `\uHHHH` and `\UHHHHHHHH`; unknown escapes keep their backslash. `\N{name}`
 * needs Unicode's name table, which the parser does not carry: it is an error.
 */
export function decodeEscape(src: string, at: number, bytes: boolean, limit = src.length): EscapeResult {
  const p = at + 1;
  const c = src.charCodeAt(p);
  if (Number.isNaN(c)) return { text: '\\', next: p };
  if (c === 10) return { text: '', next: p + 1, newline: true };
  if (c === 13) return { text: '', next: src.charCodeAt(p + 1) === 10 ? p + 2 : p + 1, newline: true };
  const ch = src[p] as string;
  const simple = SIMPLE[ch];
  if (simple !== undefined) return { text: simple, next: p + 1 };
  if (c >= 48 && c <= 55) {
    let q = p;
    let code = 0;
    while (q < p + 3 && src.charCodeAt(q) >= 48 && src.charCodeAt(q) <= 55) {
      code = code * 8 + (src.charCodeAt(q) - 48);
      q++;
    }
    return { text: String.fromCharCode(bytes ? code & 0xff : code), next: q };
  }
  if (ch === 'x') return hexEscape(src, at, p + 1, 2, bytes);
  if (!bytes && ch === 'u') return hexEscape(src, at, p + 1, 4, bytes);
  if (!bytes && ch === 'U') return hexEscape(src, at, p + 1, 8, bytes);
  if (!bytes && ch === 'N') {
    let end = p + 1;
    if (src.charCodeAt(end) === 123) {
      const close = src.indexOf('}', end);
      const within = close >= 0 && close < limit && !/[\r\n]/.test(src.slice(end, close));
      end = within ? close + 1 : end + 1;
    }
    return {
      text: src.slice(at, end),
      next: end,
      error: '\\N{…} escapes (characters by Unicode name) are not supported: write the character itself or \\uXXXX',
    };
  }
  // Unknown escape: Python keeps the backslash and the character (a whole surrogate pair).
  const cp = src.codePointAt(p) ?? c;
  const width = cp > 0xffff ? 2 : 1;
  return { text: src.slice(at, p + width), next: p + width };
}

function hexEscape(src: string, at: number, from: number, digits: number, bytes: boolean): EscapeResult {
  let q = from;
  while (q < from + digits && isHexDigit(src.charCodeAt(q))) q++;
  const letter = src[from - 1] as string;
  if (q < from + digits) {
    return {
      text: src.slice(at, q),
      next: q,
      error: `truncated \\${letter}${'X'.repeat(digits)} escape: \\${letter} needs exactly ${digits} hex digits`,
    };
  }
  const code = Number.parseInt(src.slice(from, q), 16);
  if (code > 0x10ffff) {
    return { text: src.slice(at, q), next: q, error: `\\${letter}${src.slice(from, q)} is beyond the last Unicode character (U+10FFFF)` };
  }
  return { text: bytes ? String.fromCharCode(code) : String.fromCodePoint(code), next: q };
}
