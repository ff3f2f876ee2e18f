/**
 * Reads XML property lists (Apple's `PropertyList-1.0.dtd`) into the lossless
 * value model.
 *
 * Why not the `plist` npm package: measured (test/plist/third-party.test.ts),
 * its parser turns `<real>1</real>` and `<integer>1</integer>` into the same
 * JavaScript number, rounds integers beyond 2^53, turns dictionaries into plain
 * objects (a key such as "1" moves to the front) and dates into `Date`; its
 * builder writes the real 1.0 as `<integer>1</integer>`. It stays a
 * devDependency, for those comparisons only.
 *
 * This is a small, strict XML reader for the plist vocabulary only:
 *  - elements: plist, dict, key, array, string, integer, real, date, data,
 *    true, false; anything else is an error with its line and column;
 *  - the XML declaration, comments, processing instructions and a DOCTYPE are
 *    skipped; a DOCTYPE's internal subset is skipped without being interpreted,
 *    so entities it declares are never expanded (no "billion laughs", no
 *    external fetches): referring to one is an error;
 *  - character data: the five predefined entities, numeric character
 *    references and CDATA sections; line ends are normalized as XML requires
 *    (CR LF and lone CR become LF; `&#13;` stays CR). This is what plistlib
 *    and every XML parser do; CoreFoundation's own reader keeps a raw CR. The
 *    two only disagree on files with raw CRs (Windows line ends, classic-Mac
 *    text), which our writer never produces: it writes CR as `&#13;`;
 *  - characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE,
 *    U+FFFF) are errors, raw or as character references;
 *  - `<integer>`: decimal or 0x-hex, optional sign and surrounding whitespace,
 *    full range -2^63 … 2^64-1 (as CoreFoundation reads it);
 *  - `<real>` stays a real even when whole; nan, inf, infinity with optional
 *    sign, any case (CoreFoundation's spellings);
 *  - `<date>`: YYYY-MM-DDTHH:MM:SSZ with fields in range (Apple's form);
 *  - `<data>`: base64, whitespace anywhere; other characters are errors (Apple
 *    skips them silently, which hides corruption);
 *  - `<dict>` alternates `<key>` and a value; a repeated key is a warning and
 *    the last value wins; a dictionary whose only key is `CF$UID` stays a
 *    dictionary (CoreFoundation would read a UID; plistlib a dictionary);
 *  - the `<plist>` wrapper is optional, as in CoreFoundation, but holds one value.
 *
 * The reader is iterative with a depth limit, and reports the first problem as
 * a diagnostic with its byte offset, line and column.
 */
import { diagnostic, type DiagnosticDefinition } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { plistDiagnostics as D } from './diagnostics.js';
import { PlistFailure } from './failure.js';
import { DEFAULT_MAX_DEPTH, type PlistReadOptions } from './limits.js';
import { APPLE_EPOCH_OFFSET_SECONDS, INT64_MIN, UINT64_MAX, type PlistDict, type PlistValue } from './value.js';
import { byteOffsetOf, decodeXml, lineColumnOf, type XmlSource } from './xml-text.js';

const MAX_DUPLICATE_WARNINGS = 20;

export function readXmlPlist(input: Uint8Array | string, options: PlistReadOptions = {}): Result<PlistValue> {
  try {
    const source = decodeXml(input);
    const reader = new XmlPlistReader(source, options);
    const value = reader.read();
    return ok(value, reader.warnings);
  } catch (error) {
    if (error instanceof PlistFailure) return fail([error.diagnostic]);
    throw error;
  }
}

/** Whether the bytes look like an XML document (after a byte-order mark and whitespace). */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  else if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return true;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

type ContainerKind = 'plist' | 'array' | 'dict';

interface Frame {
  readonly kind: ContainerKind;
  /** Text position of the opening `<`, for "never closed" messages. */
  readonly openedAt: number;
  readonly array: PlistValue[] | undefined;
  readonly dict: PlistDict | undefined;
  /** The `<plist>` wrapper's one value. */
  value: PlistValue | undefined;
  /** A key read, waiting for its value (dictionaries). */
  key: string | undefined;
  keyAt: number;
}

const VALUE_ELEMENTS = new Set(['string', 'integer', 'real', 'date', 'data', 'true', 'false', 'array', 'dict', 'key', 'plist']);

class XmlPlistReader {
  readonly warnings: Diagnostic[] = [];
  private readonly text: string;
  private i: number;
  private readonly maxDepth: number;
  private depth = 0;
  private duplicateKeys = 0;

  constructor(
    private readonly source: XmlSource,
    options: PlistReadOptions,
  ) {
    this.text = source.text;
    this.i = source.start;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  read(): PlistValue {
    this.prolog();
    const text = this.text;
    const stack: Frame[] = [];
    let root: PlistValue | undefined;

    const deliver = (value: PlistValue, at: number, element: string): void => {
      const frame = stack[stack.length - 1];
      if (frame === undefined) {
        if (root !== undefined) throw this.fail(D.xmlRoot, `a second value <${element}> after the plist's value; a plist holds one value`, at);
        root = value;
      } else if (frame.kind === 'array') {
        frame.array!.push(value);
      } else if (frame.kind === 'dict') {
        if (frame.key === undefined) throw this.fail(D.xmlDictStructure, `<${element}> inside <dict> has no <key> before it`, at);
        if (frame.dict!.has(frame.key)) this.duplicateKey(frame.key, frame.keyAt);
        frame.dict!.set(frame.key, value);
        frame.key = undefined;
      } else {
        if (frame.value !== undefined) throw this.fail(D.xmlRoot, `a second value <${element}> inside <plist>; a plist holds one value`, at);
        frame.value = value;
      }
    };

    for (;;) {
      this.skipWhitespace();
      const at = this.i;
      if (at >= text.length) {
        const open = stack[stack.length - 1];
        if (open !== undefined) {
          const where = lineColumnOf(this.source, open.openedAt);
          throw this.fail(D.xmlUnclosed, `<${open.kind}> opened at line ${where.line}, column ${where.column} is never closed`, at);
        }
        if (root === undefined) throw this.fail(D.xmlRoot, 'the document holds no plist value', at);
        return root;
      }
      if (text.charCodeAt(at) !== 0x3c) {
        this.unexpectedText(stack.length === 0 ? (root === undefined ? 'before the plist value' : 'after the plist value') : `inside <${stack[stack.length - 1]!.kind}>`);
      }
      if (text.startsWith('<!--', at)) {
        this.skipComment();
        continue;
      }
      if (text.startsWith('<?', at)) {
        this.skipProcessingInstruction();
        continue;
      }
      if (text.startsWith('<![CDATA[', at)) {
        throw this.fail(D.xmlUnexpectedText, 'a CDATA section where only elements may appear', at);
      }
      if (text.startsWith('<!', at)) {
        throw this.fail(D.xmlSyntax, text.startsWith('<!DOCTYPE', at) ? 'a DOCTYPE after the document has started' : 'unexpected markup "<!"', at);
      }
      if (text.startsWith('</', at)) {
        const name = this.endTag(at);
        const frame = stack[stack.length - 1];
        if (frame === undefined) throw this.fail(D.xmlUnclosed, `</${name}> closes an element that was never opened`, at);
        if (name !== frame.kind) {
          const where = lineColumnOf(this.source, frame.openedAt);
          throw this.fail(D.xmlUnclosed, `</${name}> found where </${frame.kind}> (opened at line ${where.line}, column ${where.column}) should close`, at);
        }
        stack.pop();
        let value: PlistValue;
        if (frame.kind === 'plist') {
          if (frame.value === undefined) throw this.fail(D.xmlRoot, '<plist> holds no value', at);
          value = frame.value;
        } else if (frame.kind === 'dict') {
          if (frame.key !== undefined) throw this.fail(D.xmlDictStructure, `the key ${JSON.stringify(frame.key)} has no value before </dict>`, at);
          value = frame.dict!;
          this.depth--;
        } else {
          value = frame.array!;
          this.depth--;
        }
        deliver(value, frame.openedAt, frame.kind);
        continue;
      }

      const tag = this.startTag(at);
      const name = tag.name;
      const parent = stack[stack.length - 1];
      if (!VALUE_ELEMENTS.has(name)) {
        throw this.fail(D.xmlUnknownElement, `unknown element <${name}>; property lists use plist, dict, key, array, string, integer, real, date, data, true and false`, at);
      }
      if (root !== undefined && parent === undefined) throw this.fail(D.xmlRoot, `a second value <${name}> after the plist's value; a plist holds one value`, at);
      switch (name) {
        case 'plist':
          if (parent !== undefined) throw this.fail(D.xmlUnknownElement, `<plist> inside <${parent.kind}>; <plist> may only wrap the whole document`, at);
          if (tag.empty) throw this.fail(D.xmlRoot, '<plist/> holds no value', at);
          stack.push({ kind: 'plist', openedAt: at, array: undefined, dict: undefined, value: undefined, key: undefined, keyAt: at });
          break;
        case 'array':
        case 'dict': {
          if (tag.empty) {
            deliver(name === 'array' ? [] : new Map(), at, name);
            break;
          }
          if (this.depth >= this.maxDepth) throw this.fail(D.tooDeep, `arrays and dictionaries nest more than ${this.maxDepth} levels deep`, at);
          this.depth++;
          stack.push({
            kind: name,
            openedAt: at,
            array: name === 'array' ? [] : undefined,
            dict: name === 'dict' ? new Map() : undefined,
            value: undefined,
            key: undefined,
            keyAt: at,
          });
          break;
        }
        case 'key': {
          const key = tag.empty ? '' : this.textContent('key', at);
          if (parent === undefined || parent.kind !== 'dict') {
            throw this.fail(D.xmlDictStructure, `<key> outside a <dict>${parent ? ` (inside <${parent.kind}>)` : ''}`, at);
          }
          if (parent.key !== undefined) throw this.fail(D.xmlDictStructure, `the key ${JSON.stringify(parent.key)} has no value before the next <key>`, at);
          parent.key = key;
          parent.keyAt = at;
          break;
        }
        case 'true':
        case 'false':
          if (!tag.empty) {
            const content = this.textContent(name, at);
            if (content.trim() !== '') throw this.fail(D.xmlBadValue, `<${name}> must be empty (found text in it)`, at);
          }
          deliver(name === 'true', at, name);
          break;
        default: {
          // string, integer, real, date, data
          const content = tag.empty ? '' : this.textContent(name, at);
          deliver(this.scalar(name, content, at, tag.empty), at, name);
        }
      }
    }
  }

  private scalar(name: string, content: string, at: number, empty: boolean): PlistValue {
    switch (name) {
      case 'string':
        return content;
      case 'integer':
        return { kind: 'integer', value: this.integer(content, at) };
      case 'real':
        return { kind: 'real', value: this.real(content, at) };
      case 'date':
        return { kind: 'date', secondsSince2001: this.date(content, at) };
      default:
        return { kind: 'data', bytes: empty ? new Uint8Array(0) : this.base64(content, at) };
    }
  }

  private integer(content: string, at: number): bigint {
    const trimmed = trimXml(content);
    // Regular expressions here avoid nested or adjacent quantifiers over the same
    // characters: on hostile megabyte-long text those backtrack quadratically.
    const match = /^([+-]?)[ \t\n\r]*(0[xX])?([0-9a-fA-F]+)$/.exec(trimmed);
    const isHex = match?.[2] !== undefined;
    if (match === null || (!isHex && !/^[0-9]+$/.test(match[3]!))) {
      throw this.fail(D.xmlBadValue, `<integer>${shorten(content)}</integer> is not a decimal or 0x-hexadecimal integer`, at);
    }
    const digits = match[3]!.replace(/^0+(?=.)/, '');
    // Beyond 20 decimal or 16 hex digits (after leading zeros) the value is out of range;
    // checking first also keeps BigInt from parsing megabytes of digits.
    const tooLong = digits.length > (isHex ? 16 : 20);
    const magnitude = tooLong ? 2n ** 64n : BigInt(isHex ? `0x${digits}` : digits);
    const value = match[1] === '-' ? -magnitude : magnitude;
    if (value < INT64_MIN || value > UINT64_MAX) {
      throw this.fail(D.xmlIntegerRange, `<integer>${shorten(trimmed)}</integer> lies outside the range -2^63 … 2^64-1 a property list can hold`, at);
    }
    return value;
  }

  private real(content: string, at: number): number {
    const trimmed = trimXml(content);
    switch (trimmed.toLowerCase()) {
      case 'nan':
      case '+nan':
      case '-nan':
        return Number.NaN;
      case 'inf':
      case '+inf':
      case 'infinity':
      case '+infinity':
        return Number.POSITIVE_INFINITY;
      case '-inf':
      case '-infinity':
        return Number.NEGATIVE_INFINITY;
    }
    if (!/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(trimmed)) {
      throw this.fail(D.xmlBadValue, `<real>${shorten(content)}</real> is not a number`, at);
    }
    return Number(trimmed);
  }

  private date(content: string, at: number): number {
    const trimmed = trimXml(content);
    const match = /^(-?)([0-9]{1,6})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z$/.exec(trimmed);
    if (match === null) throw this.fail(D.xmlBadValue, `<date>${shorten(content)}</date> is not of the form YYYY-MM-DDTHH:MM:SSZ`, at);
    const year = (match[1] === '-' ? -1 : 1) * Number(match[2]);
    const [month, day, hour, minute, second] = match.slice(3).map(Number) as [number, number, number, number, number];
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour, minute, second, 0);
    if (month < 1 || month > 12 || d.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59 || Number.isNaN(d.getTime())) {
      throw this.fail(D.xmlBadValue, `<date>${trimmed}</date> is not a real calendar date and time`, at);
    }
    return d.getTime() / 1000 - APPLE_EPOCH_OFFSET_SECONDS;
  }

  private base64(content: string, at: number): Uint8Array {
    let clean = '';
    let segment = 0;
    for (let k = 0; k < content.length; k++) {
      const c = content.charCodeAt(k);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        clean += content.slice(segment, k);
        segment = k + 1;
      }
    }
    clean += content.slice(segment);
    const match = /^[A-Za-z0-9+/]*(={0,2})$/.exec(clean);
    const body = clean.length - (match?.[1]?.length ?? 0);
    if (match === null || (match[1]!.length > 0 && clean.length % 4 !== 0) || body % 4 === 1) {
      const bad = /[^A-Za-z0-9+/=]/.exec(clean);
      throw this.fail(
        D.xmlBadValue,
        bad ? `<data> holds ${JSON.stringify(bad[0])}, which is not base64` : '<data> is not valid base64 (wrong length or padding)',
        at,
      );
    }
    return new Uint8Array(Buffer.from(clean, 'base64'));
  }

  /** Reads the character data of a text element up to its end tag, which it consumes. */
  private textContent(element: string, openedAt: number): string {
    const text = this.text;
    let i = this.i;
    let out = '';
    let segment = i;
    for (;;) {
      if (i >= text.length) {
        const where = lineColumnOf(this.source, openedAt);
        throw this.fail(D.xmlUnclosed, `<${element}> opened at line ${where.line}, column ${where.column} is never closed`, i);
      }
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c !== 0x3c && c !== 0x26 && (c < 0xd800 || c > 0xdfff) && c < 0xfffe) {
        i++;
        continue;
      }
      if (c === 0x3c) {
        out += text.slice(segment, i);
        if (text.startsWith('</', i)) {
          const name = this.endTag(i);
          if (name !== element) {
            const where = lineColumnOf(this.source, openedAt);
            throw this.fail(D.xmlUnclosed, `</${name}> found where </${element}> (opened at line ${where.line}, column ${where.column}) should close`, i);
          }
          return out;
        }
        if (text.startsWith('<!--', i)) {
          this.i = i;
          this.skipComment();
        } else if (text.startsWith('<![CDATA[', i)) {
          const end = text.indexOf(']]>', i + 9);
          if (end < 0) throw this.fail(D.xmlUnclosed, 'a CDATA section is never closed (no "]]>")', i);
          out += this.checkedCharacters(text.slice(i + 9, end), i + 9);
          this.i = end + 3;
        } else if (text.startsWith('<?', i)) {
          this.i = i;
          this.skipProcessingInstruction();
        } else {
          const name = /^<([^\s/>]*)/.exec(text.slice(i, i + 64))?.[1] ?? '';
          throw this.fail(D.xmlSyntax, `element <${name}> inside <${element}>, which holds text only`, i);
        }
        i = this.i;
        segment = i;
      } else if (c === 0x26) {
        out += text.slice(segment, i);
        const [character, next] = this.reference(i);
        out += character;
        i = next;
        segment = i;
      } else if (c === 0x0d) {
        // XML line-end normalization: CR LF and lone CR both become LF.
        out += `${text.slice(segment, i)}\n`;
        i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        segment = i;
      } else if (c === 0x09 || c === 0x0a) {
        i++;
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        i += 2;
      } else {
        throw this.fail(D.xmlBadCharacter, `the character ${codePointName(c)} is not allowed in XML 1.0`, i);
      }
    }
  }

  /** Characters of a CDATA section: checked, with line ends normalized. */
  private checkedCharacters(s: string, at: number): string {
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x20 && (c < 0xd800 || c > 0xdfff) && c < 0xfffe) continue;
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length && isLowSurrogate(s.charCodeAt(k + 1))) {
        k++;
        continue;
      }
      throw this.fail(D.xmlBadCharacter, `the character ${codePointName(c)} is not allowed in XML 1.0`, at + k);
    }
    return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  }

  /** An entity or character reference at `at` ('&'): its character and the position after ';'. */
  private reference(at: number): [string, number] {
    const text = this.text;
    const semicolon = text.indexOf(';', at + 1);
    const body = semicolon > at && semicolon - at <= 32 ? text.slice(at + 1, semicolon) : undefined;
    if (body === undefined || body === '') {
      throw this.failWithSuggestion(D.xmlEntity, 'a bare "&" that does not start an entity reference', at, 'write "&amp;" for an ampersand');
    }
    if (body.startsWith('#')) {
      const hex = body[1] === 'x';
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]{1,8}$/ : /^[0-9]{1,10}$/).test(digits)) {
        throw this.fail(D.xmlEntity, `"&${body};" is not a valid character reference`, at);
      }
      const code = Number.parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(code)) {
        throw this.fail(D.xmlBadCharacter, `the character reference "&${body};" names ${codePointName(code)}, which XML 1.0 does not allow`, at);
      }
      return [String.fromCodePoint(code), semicolon + 1];
    }
    switch (body) {
      case 'lt':
        return ['<', semicolon + 1];
      case 'gt':
        return ['>', semicolon + 1];
      case 'amp':
        return ['&', semicolon + 1];
      case 'quot':
        return ['"', semicolon + 1];
      case 'apos':
        return ["'", semicolon + 1];
    }
    throw this.failWithSuggestion(
      D.xmlEntity,
      `the entity "&${body};" is not one of XML's predefined entities; property lists never expand entities declared in a DOCTYPE`,
      at,
      'use &lt; &gt; &amp; &quot; &apos; or a numeric reference such as &#233;',
    );
  }

  /** Parses `<name attr="v"...>` or `.../>` at `at`; leaves the position after it. */
  private startTag(at: number): { name: string; empty: boolean } {
    const text = this.text;
    let i = at + 1;
    const nameStart = i;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    if (name === '' || !isNameStart(name.charCodeAt(0))) throw this.fail(D.xmlSyntax, 'a "<" that does not start a tag', at);
    for (;;) {
      const hadSpace = i < text.length && isXmlSpace(text.charCodeAt(i));
      while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) throw this.fail(D.xmlSyntax, `the tag <${name}> never ends`, at);
      const c = text.charCodeAt(i);
      if (c === 0x3e) {
        this.i = i + 1;
        return { name, empty: false };
      }
      if (c === 0x2f) {
        if (text.charCodeAt(i + 1) !== 0x3e) throw this.fail(D.xmlSyntax, `"/" inside the tag <${name}> not followed by ">"`, i);
        this.i = i + 2;
        return { name, empty: true };
      }
      // An attribute: name = "value" (plist's version="1.0"; values are not used).
      const attrStart = i;
      while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
      if (i === attrStart || !hadSpace) throw this.fail(D.xmlSyntax, `malformed attribute in the tag <${name}>`, attrStart);
      while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3d) throw this.fail(D.xmlSyntax, `the attribute "${text.slice(attrStart, i).trim()}" in <${name}> has no value`, i);
      i++;
      while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
      const quote = text.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) throw this.fail(D.xmlSyntax, `an attribute value in <${name}> is not quoted`, i);
      const close = text.indexOf(String.fromCharCode(quote), i + 1);
      if (close < 0) throw this.fail(D.xmlSyntax, `an attribute value in <${name}> is never closed`, i);
      for (let k = i + 1; k < close; k++) {
        if (text.charCodeAt(k) === 0x3c) throw this.fail(D.xmlSyntax, `"<" inside an attribute value of <${name}>`, k);
      }
      i = close + 1;
    }
  }

  /** Parses `</name>` at `at`; returns the name and leaves the position after it. */
  private endTag(at: number): string {
    const text = this.text;
    let i = at + 2;
    const start = i;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    const name = text.slice(start, i);
    while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
    if (name === '' || text.charCodeAt(i) !== 0x3e) throw this.fail(D.xmlSyntax, `malformed end tag </${name}`, at);
    this.i = i + 1;
    return name;
  }

  /** The XML declaration, then comments, processing instructions and at most one DOCTYPE. */
  private prolog(): void {
    const text = this.text;
    if (text.startsWith('<?xml', this.i) && isXmlSpace(text.charCodeAt(this.i + 5))) {
      const end = text.indexOf('?>', this.i);
      if (end < 0) throw this.fail(D.xmlSyntax, 'the XML declaration never ends', this.i);
      const declaration = text.slice(this.i, end);
      const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(declaration)?.[1];
      if (encoding !== undefined) this.checkEncoding(encoding, this.i);
      this.i = end + 2;
    }
    let doctype = false;
    for (;;) {
      this.skipWhitespace();
      if (text.startsWith('<!--', this.i)) this.skipComment();
      else if (text.startsWith('<?', this.i)) this.skipProcessingInstruction();
      else if (text.startsWith('<!DOCTYPE', this.i)) {
        if (doctype) throw this.fail(D.xmlSyntax, 'a second DOCTYPE', this.i);
        doctype = true;
        this.skipDoctype();
      } else return;
    }
  }

  private checkEncoding(declared: string, at: number): void {
    const name = declared.toLowerCase();
    const utf16 = this.source.encoding === 'utf-16le' || this.source.encoding === 'utf-16be';
    if (name === 'utf-8' || name === 'utf8' || (utf16 && name.startsWith('utf-16'))) return;
    // Plain ASCII is a subset of UTF-8; declaring it is harmless when the bytes agree (they decoded as UTF-8).
    if ((name === 'us-ascii' || name === 'ascii') && !/[^\x00-\x7f]/.test(this.text)) return;
    if (this.source.encoding === 'string') return;
    throw this.failWithSuggestion(D.xmlEncoding, `the XML declaration says encoding="${declared}"; only UTF-8 (or UTF-16 with a byte-order mark) is read`, at, 'convert the file to UTF-8');
  }

  /** Skips `<!DOCTYPE ...>` including an internal subset, whose declarations are ignored. */
  private skipDoctype(): void {
    const text = this.text;
    const start = this.i;
    let i = start + 9;
    let inSubset = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        const close = text.indexOf(String.fromCharCode(c), i + 1);
        if (close < 0) break;
        i = close + 1;
        continue;
      }
      if (inSubset && text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close < 0) break;
        i = close + 3;
        continue;
      }
      if (c === 0x5b) inSubset = true;
      else if (c === 0x5d) inSubset = false;
      else if (c === 0x3e && !inSubset) {
        this.i = i + 1;
        return;
      }
      i++;
    }
    throw this.fail(D.xmlUnclosed, 'the DOCTYPE declaration never ends', start);
  }

  private skipComment(): void {
    const end = this.text.indexOf('-->', this.i + 4);
    if (end < 0) throw this.fail(D.xmlUnclosed, 'a comment is never closed (no "-->")', this.i);
    this.i = end + 3;
  }

  private skipProcessingInstruction(): void {
    const end = this.text.indexOf('?>', this.i + 2);
    if (end < 0) throw this.fail(D.xmlUnclosed, 'a processing instruction is never closed (no "?>")', this.i);
    this.i = end + 2;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let i = this.i;
    while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
    this.i = i;
  }

  private unexpectedText(where: string): never {
    const c = this.text.charCodeAt(this.i);
    if (!isXmlChar(this.text.codePointAt(this.i) ?? c)) {
      throw this.fail(D.xmlBadCharacter, `the character ${codePointName(c)} is not allowed in XML 1.0`, this.i);
    }
    const end = this.text.indexOf('<', this.i);
    const snippet = this.text.slice(this.i, end < 0 ? this.i + 40 : Math.min(end, this.i + 40)).trim();
    throw this.fail(D.xmlUnexpectedText, `text ${JSON.stringify(snippet)} ${where}, where only elements may appear`, this.i);
  }

  private duplicateKey(key: string, at: number): void {
    this.duplicateKeys++;
    if (this.duplicateKeys > MAX_DUPLICATE_WARNINGS) return;
    const where = lineColumnOf(this.source, at);
    this.warnings.push(
      diagnostic(D.duplicateKey, `the dictionary key ${JSON.stringify(key)} appears more than once (again at line ${where.line}, column ${where.column}); the last value is kept`, {
        location: { kind: 'bytes', offset: byteOffsetOf(this.source, at) },
      }),
    );
  }

  private fail(definition: DiagnosticDefinition, message: string, at: number): PlistFailure {
    const where = lineColumnOf(this.source, at);
    return new PlistFailure(
      diagnostic(definition, `${message} (line ${where.line}, column ${where.column})`, {
        location: { kind: 'bytes', offset: byteOffsetOf(this.source, at) },
      }),
    );
  }

  private failWithSuggestion(definition: DiagnosticDefinition, message: string, at: number, suggestion: string): PlistFailure {
    const where = lineColumnOf(this.source, at);
    return new PlistFailure(
      diagnostic(definition, `${message} (line ${where.line}, column ${where.column})`, {
        location: { kind: 'bytes', offset: byteOffsetOf(this.source, at) },
        suggestion,
      }),
    );
  }
}

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c > 0x7f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** XML 1.0's Char production. */
export function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code < 0xd800) return true;
  if (code < 0xe000) return false;
  if (code < 0xfffe) return true;
  return code >= 0x10000 && code <= 0x10ffff;
}

export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Strips XML whitespace from both ends (a loop: a trailing-whitespace regex is quadratic on long runs). */
function trimXml(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isXmlSpace(s.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
