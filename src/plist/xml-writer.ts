/**
 * Writes the lossless value model as an XML property list in Apple's layout:
 * the XML declaration and Apple's DOCTYPE, `<plist version="1.0">`, one tab per
 * level, `<array/>` and `<dict/>` when empty, base64 data in lines of
 * 76 characters less 8 per indent level (indent capped at 8), reals with 17
 * significant digits (`%.17g`), `nan`, `+infinity`, `-infinity` (the spellings
 * CoreFoundation writes and every reader accepts). The `plist` npm package is
 * not used: its builder writes the real 1.0 as `<integer>1</integer>` (see
 * xml-reader.ts).
 *
 * Decisions where XML cannot say what the value says — the writer fails with a
 * diagnostic naming the value's path rather than write something else:
 *  - characters XML 1.0 cannot hold (U+0000–U+0008, U+000B, U+000C,
 *    U+000E–U+001F, U+FFFE, U+FFFF, lone surrogates), in strings and keys;
 *  - UIDs (CoreFoundation writes `{CF$UID: n}`, which plistlib reads back as a
 *    dictionary; keep such files binary);
 *  - dates with fractional seconds (or -0), or outside the years 1–9999 (XML
 *    dates are whole seconds; rounding would change the value);
 *  - a dictionary whose only key is `CF$UID` with a number: Apple's XML reader
 *    would turn it into a UID.
 * Carriage returns are written as `&#13;`: an XML reader turns a raw CR (and
 * CR LF) into LF. Keys keep their order (Apple's writer sorts them; the value
 * is the same, and keeping the order makes re-encoding lossless). -0.0 is
 * written as "-0.0" (Apple writes "0.0" for both zeros and loses the sign).
 */
import { diagnostic, type DiagnosticDefinition } from '../diagnostics/codes.js';
import { fail, ok, type Result } from '../diagnostics/diagnostic.js';
import { plistDiagnostics as D } from './diagnostics.js';
import { APPLE_EPOCH_OFFSET_SECONDS, INT64_MIN, UINT64_MAX, type PlistDict, type PlistValue } from './value.js';
import { describeForeign, loneSurrogateAt, pathOf, type PathStep } from './walk.js';
import { codePointName } from './xml-reader.js';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
  '<plist version="1.0">\n';
const FOOTER = '</plist>\n';

export function writeXmlPlist(value: PlistValue): Result<Uint8Array> {
  const text = writeXmlPlistText(value);
  if (!text.ok) return fail(text.diagnostics);
  return ok(new Uint8Array(Buffer.from(text.value, 'utf8')));
}

/** The XML document as a string (what `writeXmlPlist` encodes as UTF-8). */
export function writeXmlPlistText(value: PlistValue): Result<string> {
  const writer = new XmlWriter();
  const problem = writer.write(value);
  if (problem !== undefined) return fail([problem]);
  return ok(writer.parts.join(''));
}

interface Frame extends PathStep {
  readonly indent: number;
  readonly items: PlistValue[];
  readonly keys: string[] | undefined;
  next: number;
}

class XmlWriter {
  readonly parts: string[] = [HEADER];
  private readonly stack: Frame[] = [];
  private readonly onPath = new Set<object>();
  private readonly tabs: string[] = [''];

  write(root: PlistValue): ReturnType<typeof diagnostic> | undefined {
    const first = this.value(root, 0);
    if (first !== undefined) return first;
    const stack = this.stack;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next < frame.items.length) {
        const i = frame.next++;
        const inner = this.indent(frame.indent + 1);
        if (frame.keys !== undefined) {
          const key = frame.keys[i]!;
          frame.position = key;
          const escaped = this.escape(key);
          if (escaped === undefined) return this.problem;
          this.parts.push(`${inner}<key>${escaped}</key>\n`);
        } else {
          frame.position = i;
        }
        const problem = this.value(frame.items[i]!, frame.indent + 1);
        if (problem !== undefined) return problem;
      } else {
        stack.pop();
        this.onPath.delete(frame.container);
        this.parts.push(`${this.indent(frame.indent)}</${frame.keys === undefined ? 'array' : 'dict'}>\n`);
      }
    }
    this.parts.push(FOOTER);
    return undefined;
  }

  /** Set by `escape` when it refuses a string. */
  private problem: ReturnType<typeof diagnostic> | undefined;

  /** Writes a scalar, or opens a container and pushes its frame. */
  private value(value: PlistValue, indent: number): ReturnType<typeof diagnostic> | undefined {
    const tabs = this.indent(indent);
    switch (typeof value) {
      case 'string': {
        const escaped = this.escape(value);
        if (escaped === undefined) return this.problem;
        this.parts.push(`${tabs}<string>${escaped}</string>\n`);
        return undefined;
      }
      case 'boolean':
        this.parts.push(value ? `${tabs}<true/>\n` : `${tabs}<false/>\n`);
        return undefined;
      case 'object': {
        if (value === null) break;
        if (Array.isArray(value) || value instanceof Map) return this.open(value, indent, tabs);
        switch ((value as { kind?: unknown }).kind) {
          case 'integer': {
            const v = (value as { value: unknown }).value;
            if (typeof v !== 'bigint' || v < INT64_MIN || v > UINT64_MAX) {
              return this.fail(D.invalidValue, `the integer ${String(v)} is not a bigint between -2^63 and 2^64-1`);
            }
            this.parts.push(`${tabs}<integer>${v.toString()}</integer>\n`);
            return undefined;
          }
          case 'real': {
            const v = (value as { value: unknown }).value;
            if (typeof v !== 'number') return this.fail(D.invalidValue, `a real whose value is ${describeForeign(v)}`);
            this.parts.push(`${tabs}<real>${formatReal(v)}</real>\n`);
            return undefined;
          }
          case 'date': {
            const v = (value as { secondsSince2001: unknown }).secondsSince2001;
            if (typeof v !== 'number') return this.fail(D.invalidValue, `a date whose secondsSince2001 is ${describeForeign(v)}`);
            const text = formatDate(v);
            if (text === undefined) {
              return this.fail(
                D.xmlCannotHoldDate,
                `the date ${v} seconds after 2001-01-01 has fractional seconds or lies outside the years 1–9999; XML dates are whole seconds`,
                'write the shortcut as a binary plist (the default), which keeps dates exactly',
              );
            }
            this.parts.push(`${tabs}<date>${text}</date>\n`);
            return undefined;
          }
          case 'data': {
            const bytes = (value as { bytes: unknown }).bytes;
            if (!(bytes instanceof Uint8Array)) return this.fail(D.invalidValue, `data whose bytes are ${describeForeign(bytes)}`);
            this.parts.push(`${tabs}<data>\n`);
            const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
            const lineIndent = this.indent(Math.min(indent, 8));
            const width = 76 - 8 * Math.min(indent, 8);
            for (let at = 0; at < base64.length; at += width) this.parts.push(`${lineIndent}${base64.slice(at, at + width)}\n`);
            this.parts.push(`${tabs}</data>\n`);
            return undefined;
          }
          case 'uid':
            return this.fail(
              D.xmlCannotHoldUid,
              `a UID (${String((value as { value: unknown }).value)}) cannot be written to an XML plist`,
              'write the file as a binary plist (the default), which holds UIDs',
            );
        }
      }
    }
    return this.fail(D.invalidValue, `${describeForeign(value)} is not a property-list value`);
  }

  private open(container: PlistValue[] | PlistDict, indent: number, tabs: string): ReturnType<typeof diagnostic> | undefined {
    if (this.onPath.has(container)) return this.fail(D.valueCycle, 'this array or dictionary contains itself');
    if (Array.isArray(container)) {
      if (container.length === 0) {
        this.parts.push(`${tabs}<array/>\n`);
        return undefined;
      }
      this.parts.push(`${tabs}<array>\n`);
      this.onPath.add(container);
      this.stack.push({ container, position: 0, indent, items: container, keys: undefined, next: 0 });
      return undefined;
    }
    if (container.size === 0) {
      this.parts.push(`${tabs}<dict/>\n`);
      return undefined;
    }
    const keys: string[] = [];
    for (const key of container.keys()) {
      if (typeof key !== 'string') return this.fail(D.invalidValue, `a dictionary key is ${describeForeign(key)}; keys must be strings`);
      keys.push(key);
    }
    if (keys.length === 1 && keys[0] === 'CF$UID') {
      const only = container.get('CF$UID');
      if (typeof only === 'object' && !Array.isArray(only) && !(only instanceof Map) && (only.kind === 'integer' || only.kind === 'real')) {
        return this.fail(
          D.xmlAmbiguousUidDict,
          'a dictionary whose only key is "CF$UID" with a number: Apple’s XML reader would read it back as a UID',
          'write the file as a binary plist (the default)',
        );
      }
    }
    this.parts.push(`${tabs}<dict>\n`);
    this.onPath.add(container);
    this.stack.push({ container, position: keys[0]!, indent, items: [...container.values()], keys, next: 0 });
    return undefined;
  }

  /** Escapes text for XML, or records a problem and returns undefined when XML cannot hold it. */
  private escape(s: string): string | undefined {
    if (!NEEDS_CARE.test(s)) return s;
    const lone = loneSurrogateAt(s);
    if (lone >= 0) {
      this.problem = this.fail(D.invalidValue, `the string has a lone UTF-16 surrogate ${codePointName(s.charCodeAt(lone))} at index ${lone}, which no property list can hold`);
      return undefined;
    }
    let out = '';
    let segment = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let replacement: string;
      if (c === 0x26) replacement = '&amp;';
      else if (c === 0x3c) replacement = '&lt;';
      else if (c === 0x3e) replacement = '&gt;';
      else if (c === 0x0d) replacement = '&#13;';
      else if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0xfffe || c === 0xffff) {
        this.problem = this.fail(
          D.xmlCannotHoldCharacter,
          `the string ${JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s)} holds ${codePointName(c)} (at index ${i}), which XML 1.0 cannot hold`,
          'write the shortcut as a binary plist (the default), which holds every character',
        );
        return undefined;
      } else continue;
      out += s.slice(segment, i) + replacement;
      segment = i + 1;
    }
    return out + s.slice(segment);
  }

  private fail(definition: DiagnosticDefinition, message: string, suggestion?: string): ReturnType<typeof diagnostic> {
    const location = { kind: 'plist' as const, path: pathOf(this.stack) };
    return diagnostic(definition, message, suggestion === undefined ? { location } : { location, suggestion });
  }

  private indent(level: number): string {
    while (this.tabs.length <= level) this.tabs.push(`${this.tabs[this.tabs.length - 1]!}\t`);
    return this.tabs[level]!;
  }
}

// eslint-disable-next-line no-control-regex
const NEEDS_CARE = /[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/;

/** A real as CoreFoundation writes it (`%.17g`, nan, ±infinity), keeping the sign of zero. */
export function formatReal(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Number.POSITIVE_INFINITY) return '+infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exponent } = seventeenDigits(Math.abs(x));
  if (exponent < -4 || exponent >= 17) {
    const fraction = digits.slice(1).replace(/0+$/, '');
    const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0]}${fraction === '' ? '' : `.${fraction}`}e${e}`;
  }
  let whole: string;
  let fraction: string;
  if (exponent >= 0) {
    whole = digits.slice(0, exponent + 1);
    fraction = digits.slice(exponent + 1);
  } else {
    whole = '0';
    fraction = '0'.repeat(-exponent - 1) + digits;
  }
  fraction = fraction.replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * The 17 significant digits of a positive finite double, rounded half to even
 * from its exact decimal value (as C's printf does; JavaScript's toExponential
 * rounds ties up), and the decimal exponent of the first digit.
 */
function seventeenDigits(x: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const power = biased === 0 ? -1074 : biased - 1075;
  // x = mantissa × 2^power = exact × 10^scale, with `exact` a whole number.
  const exact = power >= 0 ? (mantissa << BigInt(power)).toString() : (mantissa * 5n ** BigInt(-power)).toString();
  const scale = power >= 0 ? 0 : power;
  let exponent = exact.length - 1 + scale;
  if (exact.length <= 17) return { digits: exact.padEnd(17, '0'), exponent };
  let kept = BigInt(exact.slice(0, 17));
  const rest = exact.slice(17);
  const firstDropped = rest.charCodeAt(0) - 48;
  const tie = firstDropped === 5 && /^50*$/.test(rest);
  if (firstDropped > 5 || (firstDropped === 5 && !tie) || (tie && kept % 2n === 1n)) kept += 1n;
  let digits = kept.toString();
  if (digits.length > 17) {
    digits = digits.slice(0, 17);
    exponent += 1;
  }
  return { digits, exponent };
}

/** YYYY-MM-DDTHH:MM:SSZ, or undefined when XML cannot say the date exactly. */
export function formatDate(secondsSince2001: number): string | undefined {
  // -0 is the same instant as 0 but a different value: refuse it too, rather than change it.
  if (!Number.isInteger(secondsSince2001) || Object.is(secondsSince2001, -0)) return undefined;
  const d = new Date((secondsSince2001 + APPLE_EPOCH_OFFSET_SECONDS) * 1000);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) return undefined;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}Z`;
}
