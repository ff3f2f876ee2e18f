import type { ArrayStateValue, DictionaryItem, DictionaryValue, TextValue, Value } from '../ir/types.js';
import { liftParameterValue } from '../lift/value-api.js';
import { lowerValue } from '../lift/lower-values.js';
import { isDict, type PlistValue } from '../plist/value.js';
import type { DictEntry, Expression, FStringPart, QuoteStyle } from '../syntax/ast.js';
import type { Analysis } from './analysis.js';
import { bool, call, fstr, int, kw, list, negate, str } from './build.js';
import { fitForInterpolation } from './interpolation.js';
import { bytesLiteral, dateLiteral, plainLiteral, realLiteral } from './literals.js';
import { isAsciiIdentifier, isPythonKeyword, isReservedIdentifier } from './names.js';
import { spellReference, type ReferenceEnvironment, type SpelledReference } from './references.js';

/**
 * The value grammar (grammars/dialect.md §6): plain values, text as
 * f-strings, variables, dictionary displays with the item grammar, and the
 * generic constructor form for every other serialization wrapper.
 */
export class ValueSpeller implements ReferenceEnvironment {
  /** Deepest value nesting met (for the CPython parser-limit warning). */
  maxDepth = 0;
  private depth = 0;

  constructor(readonly analysis: Analysis) {}

  value(value: Value): Expression {
    this.depth++;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    try {
      return this.spell(value);
    } finally {
      this.depth--;
    }
  }

  reference(reference: Parameters<typeof spellReference>[0]): SpelledReference {
    return spellReference(reference, this);
  }

  plist(value: PlistValue): Expression {
    const lifted = liftParameterValue(value);
    return lifted.ok ? this.value(lifted.value) : call('plist', [plainLiteral(value)]);
  }

  private spell(value: Value): Expression {
    switch (value.kind) {
      case 'string':
        return str(value.value);
      case 'integer':
        return int(value.value);
      case 'real':
        return realLiteral(value.value);
      case 'boolean':
        return bool(value.value);
      case 'date':
        return dateLiteral(value.secondsSince2001);
      case 'data':
        return bytesLiteral(value.bytes);
      case 'list':
        return list(value.items.map((item) => this.value(item)));
      case 'map':
        return call(
          'dict',
          [],
          value.entries.map((e) => kw(e.key, this.value(e.value))),
        );
      case 'raw':
        return call('plist', [plainLiteral(value.value)]);
      case 'text':
        return this.text(value) ?? this.generic(value);
      case 'variable': {
        const spelled = this.reference(value.variable);
        return spelled.details ? call('WFTextTokenAttachment', [spelled.expression]) : spelled.expression;
      }
      case 'attachment': {
        const spelled = this.reference(value.variable);
        return spelled.details ? spelled.expression : call('attachment', [spelled.expression]);
      }
      case 'dictionary':
        return this.dictionary(value) ?? this.generic(value);
      case 'arrayState':
      case 'quantity':
        return this.generic(value);
      case 'serialized':
        return this.wrapper(value.serializationType, value.value);
    }
  }

  /**
   * `f'''…{x}…'''` when every interpolation can be written inside an
   * f-string; undefined otherwise. A text without variables has an
   * `attachmentsByRange` key exactly when `attachmentsKey` says so (in
   * parameters always; in dictionary items as the file's `__defaults__` say).
   */
  text(value: TextValue, quote: QuoteStyle = "'''", attachmentsKey = true): Expression | undefined {
    const hasVariables = value.parts.some((p) => typeof p !== 'string');
    if (value.hasAttachmentsKey !== (hasVariables || attachmentsKey)) return undefined;
    const parts: FStringPart[] = [];
    for (const part of value.parts) {
      if (typeof part === 'string') {
        parts.push(part);
        continue;
      }
      const fitted = fitForInterpolation(this.reference(part).expression, quote);
      if (fitted === undefined) return undefined;
      parts.push({ kind: 'interpolation', expression: fitted });
    }
    return fstr(parts, quote);
  }

  /**
   * A key or a type-0 value of a dictionary display (dialect §6.5), where a
   * token string is the norm: without variables it is the undecorated string
   * (`"key"`, `'''value'''`), with variables an f-string; its
   * `attachmentsByRange` key must be what `__defaults__` says for dictionary
   * items. A plain string is the explicit `plist("…")`.
   */
  private displayText(value: Value, quote: QuoteStyle): Expression | undefined {
    if (value.kind === 'string') return call('plist', [str(value.value, '"')]);
    if (value.kind !== 'text') return undefined;
    const literal = literalOnly(value);
    if (literal === undefined) return this.itemText(value, quote);
    return value.hasAttachmentsKey === this.analysis.defaults.itemTextAttachments ? str(literal, quote) : undefined;
  }

  /** A token string inside a dictionary display, spelled as an f-string. */
  private itemText(value: TextValue, quote: QuoteStyle = "'''"): Expression | undefined {
    return this.text(value, quote, this.analysis.defaults.itemTextAttachments);
  }

  /**
   * Any typed wrapper kind in its generic form (dialect §6.4): the plist the
   * kind lowers to, `Type(...)` around its `Value` lifted generically (so
   * nested attachments become `attachment(...)`, nested wrappers their sugar).
   */
  generic(value: Value): Expression {
    const lowered = lowerValue(value);
    if (!isDict(lowered)) return this.value(value);
    const type = lowered.get('WFSerializationType');
    const inner = lowered.get('Value');
    if (typeof type !== 'string' || inner === undefined) return this.value(value);
    const lifted = liftParameterValue(inner);
    if (!lifted.ok) return call('plist', [plainLiteral(lowered)]);
    return this.wrapper(type, lifted.value);
  }

  /** `Type(Key=v, …)` for a map, `Type(v)` otherwise, `serialized('Type', v)` when the type is not usable as a name. */
  private wrapper(type: string, inner: Value): Expression {
    const usable = isAsciiIdentifier(type) && !isPythonKeyword(type) && !isReservedIdentifier(type);
    if (!usable) return call('serialized', [str(type, '"'), this.value(inner)]);
    if (inner.kind === 'map') return call(type, [], inner.entries.map((e) => kw(e.key, this.value(e.value))));
    return call(type, [this.value(inner)]);
  }

  // ─── Dictionary displays (item grammar, dialect §6.5) ─────────────────────

  /**
   * The display of a `WFDictionaryFieldValue`, or undefined when an item has
   * no key (a display entry needs one). An item the item grammar cannot say
   * is written in place as its own dictionary, `key: dict(WFItemType=n,
   * WFValue=v, …)`, and a key the display cannot say in the value grammar,
   * so one odd item never makes the whole dictionary generic.
   */
  private dictionary(value: DictionaryValue): Expression | undefined {
    const entries: DictEntry[] = [];
    for (const item of value.items) {
      if (item.key === undefined) return undefined;
      const key = this.dictionaryKey(item.key);
      if (key === undefined) return undefined;
      const spelled = item.value === undefined || item.extra.length > 0 ? undefined : this.item(item.itemType, item.value, false);
      entries.push({ kind: 'entry', key, value: spelled ?? this.explicitItem(item) });
    }
    return { kind: 'dict', entries };
  }

  /** `dict(WFItemType=n, WFValue=v, …)`: an item's keys besides `WFKey`, in the value grammar. */
  private explicitItem(item: Pick<DictionaryItem, 'itemType' | 'value' | 'extra'>): Expression {
    const keywords = [kw('WFItemType', int(BigInt(item.itemType)))];
    if (item.value !== undefined) keywords.push(kw('WFValue', this.value(item.value)));
    for (const e of item.extra) keywords.push(kw(e.key, this.plist(e.value)));
    return call('dict', [], keywords);
  }

  /**
   * A display key: `"text"`, `f"…{x}…"`, `plist("text")`; any other key in
   * the value grammar (a token string the display cannot say in its generic
   * `WFTextTokenString(…)` form, a variable, …), unless that spelling would
   * read as one of the display's own (then undefined: the dictionary is
   * generic).
   */
  private dictionaryKey(key: Value): Expression | undefined {
    const display = this.displayText(key, '"');
    if (display !== undefined) return display;
    const spelled = key.kind === 'text' ? this.generic(key) : this.value(key);
    const ambiguous = spelled.kind === 'string' || spelled.kind === 'fstring' || spelled.kind === 'dict' || (spelled.kind === 'call' && spelled.callee.kind === 'name' && spelled.callee.name === 'plist');
    return ambiguous ? undefined : spelled;
  }

  /**
   * An item's value by its type. In an array (`inArray`) the undecorated
   * string is a plain item, as Shortcuts writes array items, so a type-0
   * token string there is always an f-string.
   */
  private item(itemType: number, value: Value, inArray: boolean): Expression | undefined {
    switch (itemType) {
      case 0:
        if (inArray) return value.kind === 'text' ? this.itemText(value) : undefined;
        return this.displayText(value, "'''");
      case 1:
        // Shortcuts wraps a nested dictionary twice: WFDictionaryFieldValue around WFDictionaryFieldValue.
        return value.kind === 'serialized' && value.serializationType === 'WFDictionaryFieldValue' && value.value.kind === 'dictionary'
          ? this.dictionary(value.value)
          : undefined;
      case 2:
        return value.kind === 'arrayState' ? this.arrayDisplay(value) : undefined;
      case 3:
        return numberItem(value, this.analysis.defaults.itemTextAttachments);
      case 4:
        return value.kind === 'serialized' && value.serializationType === 'WFNumberSubstitutableState' && value.value.kind === 'boolean'
          ? bool(value.value.value)
          : undefined;
      default:
        return undefined;
    }
  }

  /**
   * The items of a `WFArrayParameterState` in a display. An item the array
   * spellings cannot say is written as its dictionary, `dict(WFItemType=n,
   * WFValue=v, …)` (a plain dictionary item likewise, `dict(…)`); only a plain
   * item of another kind (a number, a list, …) makes the array generic.
   */
  private arrayDisplay(value: ArrayStateValue): Expression | undefined {
    const elements: Expression[] = [];
    for (const item of value.items) {
      let spelled: Expression | undefined;
      if (item.kind === 'plain') {
        if (item.value.kind === 'string') spelled = str(item.value.value);
        else if (item.value.kind === 'map') spelled = this.value(item.value);
      } else {
        spelled = (item.extra.length === 0 ? this.item(item.itemType, item.value, true) : undefined) ?? this.explicitItem(item);
      }
      if (spelled === undefined) return undefined;
      elements.push(spelled);
    }
    return list(elements);
  }
}

const NUMBER_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A type-3 item: a token string holding only a number, written as that number's literal text. */
function numberItem(value: Value, attachmentsKey: boolean): Expression | undefined {
  if (value.kind !== 'text' || value.hasAttachmentsKey !== attachmentsKey || value.parts.length !== 1) return undefined;
  const text = value.parts[0];
  if (typeof text !== 'string' || !NUMBER_TEXT.test(text)) return undefined;
  const digits = text.startsWith('-') ? text.slice(1) : text;
  const isFloat = digits.includes('.');
  const literal: Expression = { kind: 'number', text: digits, isFloat, value: isFloat ? Number(digits) : BigInt(digits) };
  return text.startsWith('-') ? negate(literal) : literal;
}

/** The text of a token string without variables; undefined when it has one. */
function literalOnly(value: TextValue): string | undefined {
  let text = '';
  for (const part of value.parts) {
    if (typeof part !== 'string') return undefined;
    text += part;
  }
  return text;
}
