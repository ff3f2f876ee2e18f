import type { Expression, Keyword, QuoteStyle } from '../syntax/ast.js';
import { isAsciiIdentifier, isPythonKeyword } from './names.js';

/**
 * CPython 3.11 reads an f-string's interpolations with two limits: no
 * backslash anywhere in them, and no occurrence of the quote that ends the
 * f-string (grammars/dialect.md §6.2.4). This fits an interpolation's
 * expression to those limits — every string in it gets a quote different
 * from the outer one and must need no escape — or says it cannot be done,
 * in which case the text is written in its generic form.
 */
export function fitForInterpolation(expression: Expression, outer: QuoteStyle): Expression | undefined {
  const outerChar = outer[0] as "'" | '"';
  const innerChar = outerChar === "'" ? '"' : "'";
  const fit = (e: Expression): Expression | undefined => {
    switch (e.kind) {
      case 'name':
      case 'number':
      case 'boolean':
      case 'none':
      case 'ellipsis':
        return e;
      case 'string': {
        if (!needsNoEscape(e.value) || e.value.includes(outer)) return undefined;
        // Inside a triple-quoted f-string only the triple ends it, so its own quote character may serve too.
        const quote = !e.value.includes(innerChar) ? innerChar : outer.length === 3 && !e.value.includes(outerChar) ? outerChar : undefined;
        return quote === undefined ? undefined : { ...e, quote, raw: false };
      }
      case 'attribute': {
        const object = fit(e.object);
        return object === undefined ? undefined : { ...e, object };
      }
      case 'subscript': {
        const object = fit(e.object);
        const index = fit(e.index);
        return object === undefined || index === undefined ? undefined : { ...e, object, index };
      }
      case 'call': {
        const callee = fit(e.callee);
        const args = fitAll(e.args);
        const keywords = fitKeywords(e.keywords);
        return callee === undefined || args === undefined || keywords === undefined ? undefined : { ...e, callee, args, keywords };
      }
      case 'list': {
        const elements = fitAll(e.elements);
        return elements === undefined ? undefined : { ...e, elements };
      }
      case 'unary': {
        const operand = fit(e.operand);
        return operand === undefined ? undefined : { ...e, operand };
      }
      default:
        // Nested f-strings, bytes and the rest: not worth the escaping rules; the caller falls back.
        return undefined;
    }
  };
  const fitAll = (list: readonly Expression[]): Expression[] | undefined => {
    const out: Expression[] = [];
    for (const item of list) {
      const fitted = fit(item);
      if (fitted === undefined) return undefined;
      out.push(fitted);
    }
    return out;
  };
  const fitKeywords = (list: readonly Keyword[]): Keyword[] | undefined => {
    const out: Keyword[] = [];
    for (const k of list) {
      // A keyword the printer would write as `**{'k': v}` brings a string of its own.
      if (!isPlainKeywordName(k.name)) return undefined;
      const value = fit(k.value);
      if (value === undefined) return undefined;
      out.push({ ...k, value });
    }
    return out;
  };
  return fit(expression);
}

/** Characters a printer escapes in any string literal, which an interpolation cannot hold. */
export function needsNoEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x5c || (c >= 0x7f && c <= 0x9f)) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}


function isPlainKeywordName(text: string): boolean {
  return isAsciiIdentifier(text) && !isPythonKeyword(text);
}
