/**
 * The values a data-only Python pickle can hold, as the pickle reader returns
 * them. Tagged like the plist value model: Python's int (unbounded) is a
 * bigint, float a number, and containers keep Python's distinctions (list vs
 * tuple, dict keys of any hashable type, set vs frozenset).
 *
 * Containers are built in place while the pickle runs (APPEND, SETITEMS), and
 * the memo lets one container appear in several places or inside itself, so a
 * consumer walking these values must bound its depth (the importers only walk
 * the fixed shapes they expect).
 */
export type PickleValue =
  | null
  | boolean
  | string
  | PickleInt
  | PickleFloat
  | PickleBytes
  | PickleList
  | PickleTuple
  | PickleDict
  | PickleSet
  | PickleGlobal;

export interface PickleInt {
  readonly kind: 'int';
  readonly value: bigint;
}

export interface PickleFloat {
  readonly kind: 'float';
  readonly value: number;
}

export interface PickleBytes {
  readonly kind: 'bytes';
  readonly bytes: Uint8Array;
}

export interface PickleList {
  readonly kind: 'list';
  readonly items: PickleValue[];
}

export interface PickleTuple {
  readonly kind: 'tuple';
  readonly items: readonly PickleValue[];
}

/**
 * A dict, an OrderedDict or a defaultdict (then `defaultFactory` names its
 * factory, e.g. `builtins.str`, or is null for `defaultdict()`).
 */
export interface PickleDict {
  readonly kind: 'dict';
  readonly entries: [PickleValue, PickleValue][];
  readonly defaultFactory?: PickleGlobal | null;
}

export interface PickleSet {
  readonly kind: 'set';
  readonly items: PickleValue[];
  readonly frozen: boolean;
}

/** A reference to one of the few allowed Python globals (a type such as `builtins.str`). */
export interface PickleGlobal {
  readonly kind: 'global';
  readonly module: string;
  readonly name: string;
}

/** Python's name for a value's type, for messages ("expected a dict, found a list"). */
export function pickleTypeName(value: PickleValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  switch (value.kind) {
    case 'dict':
      return value.defaultFactory === undefined ? 'dict' : 'defaultdict';
    case 'set':
      return value.frozen ? 'frozenset' : 'set';
    case 'global':
      return `global ${value.module}.${value.name}`;
    default:
      return value.kind;
  }
}

export function isPickleDict(value: PickleValue | undefined): value is PickleDict {
  return typeof value === 'object' && value !== null && value.kind === 'dict';
}

/** A list's or a tuple's items (the WorkflowLLM files use both for pairs). */
export function pickleSequence(value: PickleValue | undefined): readonly PickleValue[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return value.kind === 'list' || value.kind === 'tuple' ? value.items : undefined;
}

/**
 * A dict's string-keyed entries as a Map, or undefined when the value is not a
 * dict. Entries whose key is not a string are reported through `nonString`.
 */
export function stringKeyedEntries(value: PickleValue | undefined, nonString?: (key: PickleValue) => void): Map<string, PickleValue> | undefined {
  if (!isPickleDict(value)) return undefined;
  const map = new Map<string, PickleValue>();
  for (const [key, item] of value.entries) {
    if (typeof key === 'string') map.set(key, item);
    else nonString?.(key);
  }
  return map;
}
