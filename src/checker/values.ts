import type { Value } from '../ir/types.js';

/**
 * What a parameter value is, as far as the checker can judge it without
 * running the shortcut. A variable, or text holding one, can be anything at
 * run time (`dynamic`), so no check that needs a value ever fires on one.
 */
export type ValueShape =
  | { readonly shape: 'text'; readonly text: string }
  | { readonly shape: 'number'; readonly number: number }
  | { readonly shape: 'boolean'; readonly boolean: boolean }
  | { readonly shape: 'date' | 'data' | 'list' | 'dictionary' | 'map' | 'quantity' | 'dynamic' | 'other' };

export function shapeOf(value: Value): ValueShape {
  switch (value.kind) {
    case 'string':
      return { shape: 'text', text: value.value };
    case 'integer':
      return { shape: 'number', number: Number(value.value) };
    case 'real':
      return { shape: 'number', number: value.value };
    case 'boolean':
      return { shape: 'boolean', boolean: value.value };
    case 'date':
      return { shape: 'date' };
    case 'data':
      return { shape: 'data' };
    case 'list':
    case 'arrayState':
      return { shape: 'list' };
    case 'dictionary':
      return { shape: 'dictionary' };
    case 'map':
      return { shape: 'map' };
    case 'text':
      return value.parts.every((part) => typeof part === 'string') ? { shape: 'text', text: value.parts.join('') } : { shape: 'dynamic' };
    case 'variable':
    case 'attachment':
      return { shape: 'dynamic' };
    case 'quantity':
      return { shape: 'quantity' };
    case 'serialized':
    case 'raw':
      return { shape: 'other' };
  }
}

/** The value as a plain scalar (string, number or boolean), when it is one written out literally. */
export function literalOf(value: Value): string | number | boolean | undefined {
  const s = shapeOf(value);
  switch (s.shape) {
    case 'text':
      return s.text;
    case 'number':
      return s.number;
    case 'boolean':
      return s.boolean;
    default:
      return undefined;
  }
}

/** How a message names a value's kind: "a dictionary", "the text \"abc\"". */
export function describeShape(s: ValueShape): string {
  switch (s.shape) {
    case 'text':
      return `the text ${JSON.stringify(s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text)}`;
    case 'number':
      return `the number ${s.number}`;
    case 'boolean':
      return `the boolean ${s.boolean}`;
    case 'date':
      return 'a date';
    case 'data':
      return 'binary data';
    case 'list':
      return 'a list';
    case 'dictionary':
      return 'a dictionary';
    case 'map':
      return 'a dictionary';
    case 'quantity':
      return 'a quantity';
    case 'dynamic':
      return 'a variable';
    case 'other':
      return 'a serialized value';
  }
}

/**
 * Text Shortcuts reads as a number: digits with an optional sign, decimal
 * part, exponent, grouping and percent sign ("3", "-2.5", "1,000", "+15738234380").
 */
export function isNumericText(text: string): boolean {
  return /^\s*[+-]?(?:\d[\d,\s_]*)?(?:[.,]\d+)?(?:[eE][+-]?\d+)?\s*%?\s*$/.test(text) && /\d/.test(text);
}

/** Text a switch reads as on or off. */
export function isBooleanText(text: string): boolean {
  return /^\s*(?:true|false|yes|no|on|off|1|0)\s*$/i.test(text);
}
