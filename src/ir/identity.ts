import { isDict, type PlistValue } from '../plist/value.js';
import type { Workflow } from './types.js';
import { flatActions, renameIdentities } from './walk.js';

/**
 * Deterministic identity: the one place every phase gets derived UUIDs,
 * GroupingIdentifiers and VariableUUIDs from (the compiler's binder, and
 * `deriveIdentities` for tools that normalise a lifted workflow).
 *
 * Compiled code has no UUIDs or GroupingIdentifiers to keep, so they are
 * derived from a *description* — what the identifier is for (`output`,
 * `group`, `variable`, …) and its parts (a name, a position, an identifier)
 * — under a per-file seed: the same input always gives the same bytes, and a
 * change in one place does not renumber the rest.
 *
 * The identifiers must be deterministic and distinct within a file, not
 * secret, and compiling must stay fast on multi-gigabyte datasets (one
 * identifier per bound action). So the description is hashed with a 128-bit
 * multiply–xorshift hash (`hash128`) rather than a cryptographic one: four
 * 32-bit lanes, each fed every UTF-16 unit with its own odd multiplier and
 * coupled to its neighbour, then each lane finalised with MurmurHash3's
 * 32-bit avalanche step. Measured on random inputs, flipping any input bit
 * flips each output bit with probability 0.5 within sampling noise, and
 * 200,000 similar descriptions give 200,000 distinct hashes
 * (test/ir/walk-identity.test.ts checks both properties on fixed inputs).
 * Within one `IdentitySource` a collision — possible, never seen — is
 * resolved by rehashing with a counter, so identifiers handed out never
 * repeat.
 *
 * The hash is formatted as an uppercase RFC 9562 UUID, version 8 ("custom")
 * with the RFC variant — the 8-4-4-4-12 form Shortcuts writes.
 */

/** Four 32-bit lanes, each fed every UTF-16 unit with its own odd multiplier, then finalised and cross-mixed. */
export function hash128(text: string): [number, number, number, number] {
  let a = 0x6a09e667 | 0;
  let b = 0xbb67ae85 | 0;
  let c = 0x3c6ef372 | 0;
  let d = 0xa54ff53a | 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193) ^ (b >>> 15);
    b = Math.imul(b ^ unit, 0x5bd1e995) ^ (c >>> 13);
    c = Math.imul(c ^ unit, 0x27d4eb2f) ^ (d >>> 16);
    d = Math.imul(d ^ unit, 0x165667b1) ^ (a >>> 11);
  }
  const length = text.length;
  a = finish(a ^ length);
  b = finish(b ^ a);
  c = finish(c ^ b);
  d = finish(d ^ c);
  a = finish(a ^ d);
  return [a >>> 0, b >>> 0, c >>> 0, d >>> 0];
}

/** MurmurHash3's 32-bit avalanche step (xor-shift, multiply, xor-shift). */
function finish(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}

const HEX_DIGITS: readonly number[] = Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));

/**
 * The 36 characters of a UUID being formatted. Written digit by digit and
 * turned into one flat string at once: half the cost of concatenating
 * sixteen pieces (a compile formats one UUID per bound action). Only
 * `uuidOfText` uses it, synchronously.
 */
const uuidChars = new Uint16Array(36);

/** Four hex digits of the low 16 bits of `n`, at `at` in `uuidChars`. */
function putHex16(n: number, at: number): void {
  uuidChars[at] = HEX_DIGITS[(n >>> 12) & 15]!;
  uuidChars[at + 1] = HEX_DIGITS[(n >>> 8) & 15]!;
  uuidChars[at + 2] = HEX_DIGITS[(n >>> 4) & 15]!;
  uuidChars[at + 3] = HEX_DIGITS[n & 15]!;
}

/** The version-8 UUID of a text: `hash128`, with the version nibble and the variant bits set. */
export function uuidOfText(text: string): string {
  const [a, b, c, d] = hash128(text);
  // Version 8 in the high nibble of the third group, the RFC 9562 variant (10xx) in the fourth.
  const third = (b & 0x0fff) | 0x8000;
  const fourth = ((c >>> 16) & 0x3fff) | 0x8000;
  putHex16(a >>> 16, 0);
  putHex16(a, 4);
  uuidChars[8] = 0x2d;
  putHex16(b >>> 16, 9);
  uuidChars[13] = 0x2d;
  putHex16(third, 14);
  uuidChars[18] = 0x2d;
  putHex16(fourth, 19);
  uuidChars[23] = 0x2d;
  putHex16(c, 24);
  putHex16(d >>> 16, 28);
  putHex16(d, 32);
  return String.fromCharCode.apply(null, uuidChars as unknown as number[]);
}

/**
 * The text a description is hashed as. Each part is tagged and
 * length-prefixed, so different descriptions never give the same text
 * (`['a:b']` vs `['a', 'b']`, `3` vs `'3'`).
 */
function descriptionText(description: readonly (string | number)[]): string {
  let text = '';
  for (const part of description) text += typeof part === 'number' ? `n${part};` : `s${part.length}:${part}`;
  return text;
}

/** The derived UUID of a description, e.g. `deriveUuid(['seed', 'output', 'x', 0])`. */
export function deriveUuid(description: readonly (string | number)[]): string {
  return uuidOfText(descriptionText(description));
}

/** `8-4-4-4-12` hexadecimal, either case (37 real files use lower case). */
export function isUuidLike(text: string): boolean {
  return /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(text);
}

/**
 * Hands out derived identifiers for one workflow. The seed separates
 * workflows (e.g. the source file's name); every identifier handed out is
 * distinct from the earlier ones: a description asked for again (or a hash
 * collision) is rehashed with a counter, deterministically.
 */
export class IdentitySource {
  private readonly issued: Set<string>;

  /**
   * `reserved`: identifiers written literally in the same workflow (a
   * `UUID='…'`, a header value), which a derived one must never equal — else
   * two different identifiers of the input would come out as one.
   */
  constructor(
    private readonly seed: string = '',
    reserved: Iterable<string> = [],
  ) {
    this.issued = new Set(reserved);
  }

  /** A fresh identifier for a description, e.g. `derive('output', 'response', 0)`, `derive('group', 'if', 12)`. */
  derive(kind: string, ...parts: readonly (string | number)[]): string {
    const text = descriptionText([this.seed, kind, ...parts]);
    let id = uuidOfText(text);
    for (let n = 1; this.issued.has(id); n++) id = uuidOfText(`${text}#${n}`);
    this.issued.add(id);
    return id;
  }
}

/**
 * The workflow with every action UUID and GroupingIdentifier replaced by one
 * derived from the seed, the action's flat position and identifier (blocks:
 * their start's position and kind), references renamed to match. Two
 * workflows that differ only in their identifiers come out identical.
 */
export function deriveIdentities(workflow: Workflow, seed = ''): Workflow {
  const source = new IdentitySource(seed);
  const uuids = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const action of flatActions(workflow.body)) {
    if (action.role === 'raw') continue;
    const uuid = action.core.outputUuid;
    if (uuid !== undefined && !uuids.has(uuid)) uuids.set(uuid, source.derive('action', action.index, action.identifier));
    if (action.role === 'start' && action.statement.kind !== 'action' && action.statement.kind !== 'raw') {
      const gi = action.statement.groupingIdentifier;
      if (!groups.has(gi)) groups.set(gi, source.derive('group', action.statement.kind, action.index));
    }
    if (action.role === 'action') {
      const gi = action.core.parameters.find((e) => e.key === 'GroupingIdentifier')?.value;
      if (gi?.kind === 'string' && !groups.has(gi.value)) groups.set(gi.value, source.derive('group', 'flat', action.index));
    }
  }
  return renameIdentities(workflow, { uuids, groupingIdentifiers: groups });
}

// ─── Where identifiers stand in a plist ───────────────────────────────────────

/**
 * The three kinds of identifier a round trip may rename, each one-to-one
 * within its kind (src/roundtrip/identity-insensitive.ts): action UUIDs
 * (`UUID` and the `OutputUUID`s naming it), GroupingIdentifiers and named
 * variables' VariableUUIDs. The definitions below are the one place that
 * says where they stand: the comparison judges by them, and the decompiler
 * uses them to find identifiers its code must write literally.
 */
export type IdentityNamespace = 'action' | 'group' | 'variable';

/** The kind of identifier a key of an action's `WFWorkflowActionParameters` holds (when its value is a string). */
export function parameterIdentityNamespace(key: string): IdentityNamespace | undefined {
  return key === 'UUID' ? 'action' : key === 'GroupingIdentifier' ? 'group' : undefined;
}

/**
 * The kind of identifier a key of a dictionary whose `Type` is `type` holds
 * (when its value is a string): an `ActionOutput`'s `OutputUUID`, a
 * `Variable`'s `VariableUUID` — wherever the dictionary stands, typed
 * attachment or not.
 */
export function attachmentIdentityNamespace(type: PlistValue | undefined, key: string): IdentityNamespace | undefined {
  if (type === 'ActionOutput' && key === 'OutputUUID') return 'action';
  if (type === 'Variable' && key === 'VariableUUID') return 'variable';
  return undefined;
}

/** Calls `visit` for every attachment identifier (`OutputUUID`, `VariableUUID`) anywhere in a plist value. Iterative. */
export function forEachAttachmentIdentifier(value: PlistValue, visit: (namespace: IdentityNamespace, identifier: string) => void): void {
  const stack: PlistValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (isDict(v)) {
      const type = v.get('Type');
      for (const [key, item] of v) {
        const namespace = attachmentIdentityNamespace(type, key);
        if (namespace !== undefined && typeof item === 'string') visit(namespace, item);
        else stack.push(item);
      }
    }
  }
}
