/**
 * Numeric literals as Python reads them (underscores, radix prefixes, exponents, leading zeros), and
 * names that start with a digit where the file assigns them (`1n = …`).
 */
import { codePointAt, codePointLength, isDigit, isHexDigit, isIdentifierContinue } from '../chars.js';
import { syntaxDiagnostics as D } from '../diagnostics.js';
import * as T from '../tokens.js';
import { tryBareText } from './bare-text.js';
import { invalid } from './code.js';
import { recoverInInterpolation } from './interpolation-recovery.js';
import { assignedAtLineStart, lineStartAssignment } from './line-start-assignments.js';
import type { LexerState } from './state.js';

/** Keywords a number may be directly followed by (`1if x else 2` is valid Python). */
const KEYWORDS_AFTER_NUMBER = new Set(['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']);

const DIGIT_NAME_ASSIGNMENT = lineStartAssignment('[0-9][A-Za-z0-9_]*');

/** Digits with single underscores between them; returns the end, or -1 if an underscore is misplaced. */
function digits(lx: LexerState, from: number, isValid: (c: number) => boolean): number {
  const src = lx.src;
  let p = from;
  if (!isValid(src.charCodeAt(p))) return p;
  p++;
  for (;;) {
    const c = src.charCodeAt(p);
    if (isValid(c)) p++;
    else if (c === 95) {
      if (!isValid(src.charCodeAt(p + 1))) return -1;
      p += 2;
    } else return p;
  }
}

export function number(lx: LexerState): void {
  const src = lx.src;
  const start = lx.pos;
  let p = start;
  let isFloat = false;
  let problem: string | undefined;
  const c0 = src.charCodeAt(p);
  const c1 = src.charCodeAt(p + 1) | 0x20;
  if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    const radix = c1 === 120 ? 'hexadecimal' : c1 === 111 ? 'octal' : 'binary';
    const valid = c1 === 120 ? isHexDigit : c1 === 111 ? (c: number) => c >= 48 && c <= 55 : (c: number) => c === 48 || c === 49;
    let q = p + 2;
    if (src.charCodeAt(q) === 95) q++;
    const end = digits(lx, q, valid);
    if (end < 0 || end === q) problem = `invalid ${radix} literal`;
    p = end < 0 ? q : end;
    if (problem === undefined && isDigit(src.charCodeAt(p))) problem = `invalid digit '${src[p]}' in ${radix} literal`;
  } else {
    let intEnd = p;
    if (c0 !== 46) {
      intEnd = digits(lx, p, isDigit);
      if (intEnd < 0) problem = 'invalid decimal literal (misplaced underscore)';
      p = intEnd < 0 ? p + 1 : intEnd;
    }
    if (problem === undefined && src.charCodeAt(p) === 46 && (p > start || isDigit(src.charCodeAt(p + 1)))) {
      isFloat = true;
      p++;
      if (isDigit(src.charCodeAt(p))) {
        const end = digits(lx, p, isDigit);
        if (end < 0) problem = 'invalid decimal literal (misplaced underscore)';
        else p = end;
      }
    }
    const e = src.charCodeAt(p) | 0x20;
    if (problem === undefined && e === 101) {
      let q = p + 1;
      const sign = src.charCodeAt(q);
      if (sign === 43 || sign === 45) q++;
      if (isDigit(src.charCodeAt(q))) {
        const end = digits(lx, q, isDigit);
        if (end < 0) problem = 'invalid decimal literal (misplaced underscore)';
        else {
          p = end;
          isFloat = true;
        }
      }
    }
    if (problem === undefined && (src.charCodeAt(p) | 0x20) === 106) {
      p++;
      skipNameTail(lx, p);
      if (recoverInInterpolation(lx, 'it holds an imaginary number')) return;
      lx.report(D.imaginaryNumber, 'imaginary numbers (with j) are not part of the dialect', start, p, 'write a plain number');
      lx.push(T.Invalid, start, p);
      lx.pos = p;
      return;
    }
    if (problem === undefined && !isFloat && c0 === 48) {
      for (let i = start; i < p; i++) {
        const d = src.charCodeAt(i);
        if (d !== 48 && d !== 95) {
          problem = 'leading zeros are not allowed in decimal integers';
          break;
        }
      }
    }
  }
  // A number must not run into a name (`82GtS3Ap9`, `1080p`), except the keywords Python allows there.
  const after = codePointAt(src, p);
  if (problem === undefined && p < src.length && isIdentifierContinue(after)) {
    const wordEnd = lx.scanIdentifier(p);
    if (!KEYWORDS_AFTER_NUMBER.has(src.slice(p, wordEnd))) problem = `invalid ${isFloat ? 'number' : 'decimal'} literal`;
  }
  if (problem !== undefined) {
    const end = skipNameTail(lx, p);
    if (tryBareText(lx) || digitName(lx, start, end)) return;
    const suggestion = problem.startsWith('leading zeros')
      ? `write ${src.slice(start, end).replace(/^[0_]+(?=\d)/, '') || '0'}, or 0o… for an octal number`
      : 'put the text in quotes if it is not a number';
    invalid(lx, start, end, D.invalidNumber, problem, suggestion);
    return;
  }
  const text = src.slice(start, p);
  // `3_4 = None`: the converter's spelling of the variable "3/4" is also a valid number; where the file assigns it, it is that name.
  if (text.includes('_') && !isFloat && digitName(lx, start, p)) return;
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const value: bigint | number = isFloat ? Number(plain) : BigInt(plain);
  lx.push(T.NumberToken, start, p, { kind: 'number', isFloat, value });
  lx.pos = p;
}

/**
 * `1n = ip_segment1` … `text=1n`: WorkflowLLM's converter wrote a variable's
 * name with every character outside [A-Za-z0-9] replaced by `_`, so a name
 * may start with a digit (`1n`, and `3_4`, which Python would read as 34).
 * Where the file assigns exactly this text at the start of a line, it is that
 * name (SC4030), wherever it appears.
 */
function digitName(lx: LexerState, start: number, end: number): boolean {
  const text = lx.src.slice(start, end);
  if (!/^[0-9][A-Za-z0-9_]*$/.test(text)) return false;
  lx.digitNames ??= assignedAtLineStart(lx.src, DIGIT_NAME_ASSIGNMENT);
  if (!lx.digitNames.has(text)) return false;
  lx.report(
    D.numberTarget,
    `'${text}' starts with a digit, so it is no Python name, but the file assigns it (\`${text} = …\`): read as the variable '${text}'`,
    start,
    end,
    `rename the variable so that it starts with a letter, e.g. var_${text}`,
  );
  lx.push(T.Name, start, end, { kind: 'name', name: text, hyphenated: false });
  lx.pos = end;
  return true;
}

/** The end of letters, digits, dots and underscores stuck to a malformed number. */
function skipNameTail(lx: LexerState, from: number): number {
  const src = lx.src;
  let p = from;
  while (p < src.length) {
    const cp = codePointAt(src, p);
    if (cp === 46 || isIdentifierContinue(cp)) p += codePointLength(cp);
    else break;
  }
  return p;
}
