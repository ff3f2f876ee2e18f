import { isDict, type PlistDict, type PlistValue } from '../plist/value.js';

/**
 * Shape tests shared by the value lifters. They decide which dictionaries the
 * IR types, so lifting and lowering agree on them.
 */

/** The `Type`s of attachments the IR names (format notes §4). */
export const KNOWN_SOURCE_TYPES: ReadonlySet<string> = new Set([
  'ActionOutput',
  'Variable',
  'ExtensionInput',
  'Ask',
  'Clipboard',
  'CurrentDate',
  'DeviceDetails',
  'Input',
]);

/**
 * A plain dictionary that is an attachment without its wrapper: a known
 * `Type` and, for the two sources that name something, that name.
 */
export function isBareAttachment(dict: PlistDict): boolean {
  const type = dict.get('Type');
  if (typeof type !== 'string' || !KNOWN_SOURCE_TYPES.has(type)) return false;
  if (type === 'ActionOutput') return typeof dict.get('OutputUUID') === 'string';
  if (type === 'Variable') return typeof dict.get('VariableName') === 'string';
  return true;
}

/** `{WFSerializationType: string, Value}` and nothing else. */
export function isWrapper(dict: PlistDict): boolean {
  return dict.size === 2 && typeof dict.get('WFSerializationType') === 'string' && dict.has('Value');
}

/**
 * Whether the value holds anything the generic lifter would type as (or that
 * could contain) a variable reference: a bare attachment or a serialization
 * wrapper, at any depth. Typed forms that keep some keys as `PlistValue`
 * accept only values for which this is false, so no reference ever hides in
 * verbatim plist. Iterative: the value may nest deeply.
 */
export function mayHoldReference(value: PlistValue): boolean {
  const stack: PlistValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (isDict(v)) {
      if (isBareAttachment(v) || isWrapper(v)) return true;
      for (const item of v.values()) stack.push(item);
    }
  }
  return false;
}

/** A JavaScript-safe integer from a plist integer, else undefined. */
export function safeInteger(value: PlistValue | undefined): number | undefined {
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Map || value.kind !== 'integer') return undefined;
  const n = Number(value.value);
  return Number.isSafeInteger(n) ? n : undefined;
}
