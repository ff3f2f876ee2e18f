/**
 * String, bytes and f-string literal text for the printer: the quote style the
 * node asks for, with the fewest escapes that keep it valid Python 3.8+.
 */
import type { QuoteStyle } from '../ast.js';

const STYLES: readonly QuoteStyle[] = ["'", '"', "'''", '"""'];

function quoteChar(style: QuoteStyle): string {
  return style[0] as string;
}

function isTriple(style: QuoteStyle): boolean {
  return style.length === 3;
}

/** Characters Python source cannot hold literally in a string (or that the reader would change). */
function needsEscape(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f || (code >= 0xd800 && code <= 0xdfff);
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/**
 * Per style and context, a pattern matching any character `escapeBody` may
 * change: most strings hold none (long ones are often base64) and are
 * returned as they are after one regular-expression scan. With the `u` flag
 * the surrogate range matches lone surrogates only, as `needsEscape` does.
 */
const SPECIAL: Readonly<Record<QuoteStyle, { readonly text: RegExp; readonly fstring: RegExp }>> = Object.fromEntries(
  STYLES.map((style) => [style, { text: specialPattern(style, false), fstring: specialPattern(style, true) }]),
) as Record<QuoteStyle, { readonly text: RegExp; readonly fstring: RegExp }>;

function specialPattern(style: QuoteStyle, inFString: boolean): RegExp {
  return new RegExp(`[\\x00-\\x08\\x0b-\\x1f\\x7f\\ud800-\\udfff\\\\\\r${quoteChar(style)}${isTriple(style) ? '' : '\\n'}${inFString ? '{}' : ''}]`, 'u');
}

/**
 * Escapes `value` for the body of a non-raw literal in `style`. In f-string
 * literal text, braces are doubled. `beforeClosing`: the text ends where the
 * closing quotes begin (false for an f-string's literal text followed by an
 * interpolation, whose trailing quote characters then need no escape).
 */
export function escapeBody(value: string, style: QuoteStyle, inFString: boolean, beforeClosing = true): string {
  const special = SPECIAL[style];
  if (!(inFString ? special.fstring : special.text).test(value)) return value;
  const q = quoteChar(style);
  const quote = q.charCodeAt(0);
  const triple = isTriple(style);
  // Unchanged text is copied a run at a time (a slice from `from`), not a character at a time: strings
  // can be megabytes (base64 images in real shortcuts), and per-character concatenation made the printer
  // spend a third of its time collecting garbage.
  let out = '';
  let from = 0;
  const replace = (at: number, width: number, replacement: string): void => {
    out += value.slice(from, at) + replacement;
    from = at + width;
  };
  let run = 0;
  // Index from which the value ends in quote characters (they must not meet the closing quotes).
  let tail = value.length;
  if (beforeClosing) while (tail > 0 && value.charCodeAt(tail - 1) === quote) tail--;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === quote) {
      if (!triple || run === 2 || i >= tail) {
        replace(i, 1, `\\${q}`);
        run = 0;
      } else {
        run++;
      }
      continue;
    }
    run = 0;
    if (code === 0x5c) replace(i, 1, '\\\\');
    else if (code === 0x0a) {
      if (!triple) replace(i, 1, '\\n');
    } else if (code === 0x0d) replace(i, 1, '\\r');
    else if (inFString && (code === 0x7b || code === 0x7d)) replace(i, 1, code === 0x7b ? '{{' : '}}');
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
      // A surrogate pair stays as it is.
      i++;
    } else if (needsEscape(code)) replace(i, 1, code > 0xff ? `\\u${hex(code, 4)}` : `\\x${hex(code, 2)}`);
  }
  return from === 0 ? value : out + value.slice(from);
}

/** Whether `value` can be written as a raw literal in `style` (else the printer drops the `r`). */
export function canPrintRaw(value: string, style: QuoteStyle): boolean {
  const q = quoteChar(style);
  const triple = isTriple(style);
  if (value.includes('\r')) return false;
  if (!triple && (value.includes('\n') || value.includes(q))) return false;
  if (triple && (value.includes(q + q + q) || value.endsWith(q))) return false;
  let slashes = 0;
  for (let i = value.length - 1; i >= 0 && value[i] === '\\'; i--) slashes++;
  if (slashes % 2 === 1) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (needsEscape(code)) return false;
  }
  return true;
}

export function printStringLiteral(value: string, style: QuoteStyle, raw: boolean): string {
  if (raw && canPrintRaw(value, style)) return `r${style}${value}${style}`;
  return `${style}${escapeBody(value, style, false)}${style}`;
}

export function printBytesLiteral(value: Uint8Array, style: QuoteStyle): string {
  const q = quoteChar(style);
  const triple = isTriple(style);
  let out = '';
  let run = 0;
  let tail = value.length;
  while (tail > 0 && value[tail - 1] === q.charCodeAt(0)) tail--;
  for (let i = 0; i < value.length; i++) {
    const b = value[i] as number;
    const ch = String.fromCharCode(b);
    if (ch === q) {
      if (!triple || run === 2 || i >= tail) {
        out += `\\${q}`;
        run = 0;
      } else {
        out += q;
        run++;
      }
      continue;
    }
    run = 0;
    if (ch === '\\') out += '\\\\';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    else if (b < 0x20 || b >= 0x7f) out += `\\x${hex(b, 2)}`;
    else out += ch;
  }
  return `b${style}${out}${style}`;
}

/**
 * A string inside an f-string interpolation, where Python before 3.12 allows
 * no backslash and no quote of an enclosing f-string: the first style (the
 * preferred one first) that holds `value` as it is, or undefined.
 */
export function quoteWithoutEscapes(value: string, preferred: QuoteStyle, enclosing: readonly QuoteStyle[]): string | undefined {
  for (const style of preference(preferred)) {
    if (!styleAllowedInside(style, enclosing)) continue;
    const q = quoteChar(style);
    if (value.includes(q) || value.includes('\\') || (!isTriple(style) && value.includes('\n'))) continue;
    if ([...value].some((ch) => needsEscape(ch.charCodeAt(0)) && ch.length === 1)) continue;
    return `${style}${value}${style}`;
  }
  return undefined;
}

/**
 * Python before 3.12 ends an f-string at its own closing quote, even inside
 * `{…}`: a nested literal may not use the quote character of a one-line
 * enclosing f-string at all, nor the triple quote of a triple-quoted one.
 */
export function styleAllowedInside(style: QuoteStyle, enclosing: readonly QuoteStyle[]): boolean {
  const q = quoteChar(style);
  for (const outer of enclosing) {
    if (quoteChar(outer) !== q) continue;
    if (!isTriple(outer) || isTriple(style)) return false;
  }
  return true;
}

/** The node's own style, then the same style with the other quote character, then the rest. */
function preference(preferred: QuoteStyle): QuoteStyle[] {
  const swapped = (preferred.includes("'") ? preferred.replace(/'/g, '"') : preferred.replace(/"/g, "'")) as QuoteStyle;
  return [preferred, swapped, ...STYLES.filter((s) => s !== preferred && s !== swapped)];
}

/** The styles a nested f-string may use, preferred first. */
export function nestedStyles(preferred: QuoteStyle, enclosing: readonly QuoteStyle[]): QuoteStyle[] {
  return preference(preferred).filter((s) => styleAllowedInside(s, enclosing));
}
