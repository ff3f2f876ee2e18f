/**
 * Decoding an XML plist's bytes to text, and turning a position in that text
 * back into the byte offset, line and column a person can look up.
 */
import { plistDiagnostics as D } from './diagnostics.js';
import { failAt } from './failure.js';

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'string';

export interface XmlSource {
  readonly text: string;
  /** Where the document starts in `text` (after a byte-order mark). */
  readonly start: number;
  readonly encoding: XmlEncoding;
  /** Bytes of the byte-order mark, if any. */
  readonly bomLength: number;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeXml(input: Uint8Array | string): XmlSource {
  if (typeof input === 'string') {
    return { text: input, start: input.charCodeAt(0) === 0xfeff ? 1 : 0, encoding: 'string', bomLength: 0 };
  }
  if (input.length >= 2 && input[0] === 0xfe && input[1] === 0xff) return decodeUtf16(input, 'utf-16be');
  if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe) return decodeUtf16(input, 'utf-16le');
  const bomLength = input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = fatalUtf8.decode(bomLength === 0 ? input : input.subarray(bomLength));
  } catch {
    const at = firstInvalidUtf8(input, bomLength);
    throw failAt(D.xmlEncoding, `the XML plist is not valid UTF-8 (byte 0x${(input[at] ?? 0).toString(16).padStart(2, '0')})`, at);
  }
  return { text, start: 0, encoding: 'utf-8', bomLength };
}

function decodeUtf16(input: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): XmlSource {
  if (input.length % 2 !== 0) throw failAt(D.xmlEncoding, 'a UTF-16 XML plist has an odd number of bytes', input.length - 1);
  const units = (input.length - 2) / 2;
  const codes = new Uint16Array(units);
  for (let i = 0; i < units; i++) {
    const a = input[2 + 2 * i]!;
    const b = input[3 + 2 * i]!;
    codes[i] = encoding === 'utf-16be' ? (a << 8) | b : (b << 8) | a;
  }
  let text = '';
  for (let i = 0; i < units; i += 4096) {
    text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(units, i + 4096)) as unknown as number[]);
  }
  // Lone surrogates are caught by the parser's character check, with their position.
  return { text, start: 0, encoding, bomLength: 2 };
}

/** Offset of the first byte that does not begin a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= bytes.length) return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return bytes.length;
}

/** Byte offset in the original input of text position `index`. */
export function byteOffsetOf(source: XmlSource, index: number): number {
  switch (source.encoding) {
    case 'utf-16le':
    case 'utf-16be':
      return source.bomLength + 2 * index;
    default:
      return source.bomLength + utf8Length(source.text, source.start, index);
  }
}

function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** 1-based line and column (in characters) of text position `index`; CR LF and lone CR end lines too. */
export function lineColumnOf(source: XmlSource, index: number): { line: number; column: number } {
  const text = source.text;
  let line = 1;
  let lineStart = source.start;
  for (let i = source.start; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a && i + 1 < index) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
