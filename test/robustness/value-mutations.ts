/**
 * Mutations of a plist's values, for inputs that still read (byte mutations
 * mostly stop at the reader): a node replaced by a value of another kind,
 * a key or item removed, a subtree duplicated or grafted in from another
 * file, an integer set to an extreme, a string given object-replacement,
 * control or lone-surrogate characters. The mutated value is written back
 * in the original's container, so it goes through the whole pipeline.
 */
import fc from 'fast-check';
import { data, date, integer, isArray, isDict, real, uid, type PlistValue } from '../../src/plist/value.js';

export const VALUE_MUTATION_KINDS = ['retype', 'remove', 'duplicate', 'graft', 'extreme', 'string'] as const;
export type ValueMutationKind = (typeof VALUE_MUTATION_KINDS)[number];

export interface ValueMutation {
  readonly kind: ValueMutationKind;
  /** Which node (index into the nodes in depth-first order, wrapped). */
  readonly node: number;
  /** Which replacement, source node or position (wrapped). */
  readonly pick: number;
}

export const valueMutations: fc.Arbitrary<{ kind: ValueMutationKind; mutations: ValueMutation[] }> = fc
  .constantFrom(...VALUE_MUTATION_KINDS)
  .chain((kind) => fc.array(fc.record({ kind: fc.constant(kind), node: fc.nat(), pick: fc.nat() }), { minLength: 1, maxLength: 3 }).map((mutations) => ({ kind, mutations })));

/** Values of every kind, the shapes typed keys expect among them, so a typed key can get the wrong one. */
const REPLACEMENTS: readonly (() => PlistValue)[] = [
  () => 'text',
  () => '',
  () => '\uFFFC',
  () => true,
  () => integer(0),
  () => integer(-1),
  () => integer(2n ** 64n - 1n),
  () => real(Number.NaN),
  () => real(-0),
  () => date(-1e12),
  () => data(new Uint8Array([0xff, 0x00])),
  () => uid(7),
  () => [],
  () => [integer(1), 'two'],
  () => new Map(),
  () => new Map<string, PlistValue>([['Type', 'ActionOutput']]),
  () => new Map<string, PlistValue>([['WFSerializationType', 'WFTextTokenString'], ['Value', 'not a dictionary']]),
  () => new Map<string, PlistValue>([['WFSerializationType', 'WFTextTokenAttachment'], ['Value', new Map<string, PlistValue>([['Type', 'Variable']])]]),
  () => new Map<string, PlistValue>([['Value', new Map<string, PlistValue>([['string', '\uFFFC'], ['attachmentsByRange', new Map<string, PlistValue>([['{0, 1}', 'x']])]])], ['WFSerializationType', 'WFTextTokenString']]),
];

const EXTREME_INTEGERS: readonly bigint[] = [0n, -1n, 2n ** 31n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n - 1n];
const STRING_INSERTS: readonly string[] = ['\uFFFC', '\u0000', '\u0008', '\r', "'''", '"""', '{', '}', '\\', '\u2028', '{0, 1}', 'datetime.datetime.now()'];

interface Slot {
  readonly value: PlistValue;
  /** Replaces this node in its parent (undefined for the top). */
  readonly set?: (v: PlistValue) => void;
  /** Removes this node from its parent. */
  readonly remove?: () => void;
}

/** Every node of a value, depth first, with how to replace or remove it. The value is copied first. */
function slots(top: PlistValue): Slot[] {
  const out: Slot[] = [{ value: top }];
  const pending: PlistValue[] = [top];
  while (pending.length > 0) {
    const v = pending.pop()!;
    if (isArray(v)) {
      v.forEach((item, i) => {
        out.push({ value: item, set: (x) => (v[i] = x), remove: () => v.splice(v.indexOf(item), 1) });
        pending.push(item);
      });
    } else if (isDict(v)) {
      for (const [key, item] of v) {
        out.push({ value: item, set: (x) => v.set(key, x), remove: () => v.delete(key) });
        pending.push(item);
      }
    }
  }
  return out;
}

/** A deep copy (arrays and dictionaries; scalars are immutable). Iterative: mutated values can be deep. */
export function copyValue(value: PlistValue): PlistValue {
  const copy = (v: PlistValue): PlistValue => (isArray(v) ? [...v] : isDict(v) ? new Map(v) : v);
  const top = copy(value);
  const pending: PlistValue[] = [top];
  while (pending.length > 0) {
    const v = pending.pop()!;
    if (isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        v[i] = copy(v[i]!);
        pending.push(v[i]!);
      }
    } else if (isDict(v)) {
      for (const [key, item] of v) {
        const c = copy(item);
        v.set(key, c);
        pending.push(c);
      }
    }
  }
  return top;
}

/** Applies the mutations to a copy of `value`; `donors` are the values a graft takes its subtree from. */
export function applyValueMutations(value: PlistValue, mutations: readonly ValueMutation[], donors: readonly PlistValue[]): PlistValue {
  let top = copyValue(value);
  for (const m of mutations) {
    const all = slots(top);
    // The top stays a dictionary (a shortcut): mutate below it when there is anything below.
    const below = all.length > 1 ? all.slice(1) : all;
    const slot = below[m.node % below.length]!;
    const replace = (v: PlistValue): void => {
      if (slot.set === undefined) top = v;
      else slot.set(v);
    };
    switch (m.kind) {
      case 'retype':
        replace(REPLACEMENTS[m.pick % REPLACEMENTS.length]!());
        break;
      case 'remove':
        slot.remove?.();
        break;
      case 'duplicate': {
        // Another node's subtree (a copy) put here: blocks and references end up where they do not belong.
        const source = all[m.pick % all.length]!;
        replace(copyValue(source.value));
        break;
      }
      case 'graft': {
        const donor = donors.length === 0 ? top : donors[m.pick % donors.length]!;
        const donorSlots = slots(donor);
        replace(copyValue(donorSlots[Math.floor(m.pick / Math.max(1, donors.length)) % donorSlots.length]!.value));
        break;
      }
      case 'extreme': {
        const integers = all.filter((s) => typeof s.value === 'object' && !isArray(s.value) && !isDict(s.value) && s.value.kind === 'integer');
        const target = integers.length === 0 ? slot : integers[m.node % integers.length]!;
        const v = integer(EXTREME_INTEGERS[m.pick % EXTREME_INTEGERS.length]!);
        if (target.set === undefined) top = v;
        else target.set(v);
        break;
      }
      case 'string': {
        const strings = all.filter((s) => typeof s.value === 'string');
        const target = strings.length === 0 ? slot : strings[m.node % strings.length]!;
        const s = typeof target.value === 'string' ? target.value : '';
        let at = s.length === 0 ? 0 : m.pick % (s.length + 1);
        // Never between the halves of a surrogate pair: a lone surrogate is no plist string (the writer refuses it).
        if (at > 0 && at < s.length && (s.charCodeAt(at) & 0xfc00) === 0xdc00) at--;
        const v = s.slice(0, at) + STRING_INSERTS[m.pick % STRING_INSERTS.length]! + s.slice(at);
        if (target.set === undefined) top = v;
        else target.set(v);
        break;
      }
    }
  }
  return top;
}
