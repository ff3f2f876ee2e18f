/**
 * Writes the lossless value model as a binary property list (`bplist00`), the
 * form Apple embeds in shortcuts and `shortcuts sign` accepts.
 *
 * Layout follows CoreFoundation and Python's plistlib, so both read it back to
 * the same values:
 *  - objects in depth-first order, a dictionary's keys before its values, the
 *    top object first; key order is kept as given (Apple's binary writer does
 *    not sort either);
 *  - integers in the fewest bytes Apple uses: 1, 2, 4 bytes for non-negative
 *    values below 2^32, 8 bytes (signed) otherwise, 16 bytes for unsigned values
 *    ≥ 2^63; reals always as 8-byte doubles (so 1.0 stays a real); dates as
 *    8-byte doubles of seconds since 2001;
 *  - strings as ASCII when 7-bit, else UTF-16BE;
 *  - reference and offset widths as small as the object count and file size allow.
 *
 * Uniquing (a decision, as CoreFoundation does it): equal strings, integers,
 * reals (bit for bit, so 0.0 and -0.0 stay apart), dates, booleans, UIDs and
 * data up to 256 bytes are written once and referenced from every place; the
 * same array or dictionary object appearing twice in the value is written once.
 * A value that contains itself is an error, as is anything the model cannot
 * hold (strings with lone surrogates: no reader accepts them back).
 *
 * The writer is iterative, so values nested arbitrarily deep are written
 * without touching the call stack.
 */
import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { ByteSink, isAscii } from './byte-sink.js';
import { plistDiagnostics as D } from './diagnostics.js';
import { INT64_MIN, UINT64_MAX, type PlistData, type PlistValue } from './value.js';
import { describeForeign, loneSurrogateAt, pathOf, type PathStep } from './walk.js';

const MAX_UNIQUED_DATA = 256;

/**
 * The sink every call writes into, reset each time (a dataset compiles a
 * hundred thousand shortcuts): its buffer is kept between calls unless one
 * grew it past `KEPT_SINK_BYTES`, so that one huge shortcut does not hold
 * its memory for good.
 */
let shared: ByteSink | undefined;
const KEPT_SINK_BYTES = 16 * 1024 * 1024;

export function writeBinaryPlist(value: PlistValue): Result<Uint8Array> {
  const flat = flatten(value);
  if ('error' in flat) return fail([flat.error]);
  const sink = shared ?? new ByteSink(64 * 1024);
  shared = undefined;
  sink.reset();
  const bytes = encode(flat, sink);
  if (sink.capacity <= KEPT_SINK_BYTES) shared = sink;
  return ok(bytes);
}

/** What each object is, found once while flattening so that encoding need not ask again. */
const enum Kind {
  AsciiString,
  Utf16String,
  Boolean,
  Array,
  Dictionary,
  /** Integers, reals, dates, data and UIDs: their `kind` says which. */
  Tagged,
}

interface Flattened {
  readonly objects: PlistValue[];
  readonly kinds: Kind[];
  /**
   * Child references of every array and dictionary, in one pool: for arrays
   * the child indexes, for dictionaries key indexes then value indexes.
   * A container's run starts at `refStart[i]` and holds `refCount[i]`
   * references (its size is known when it is first met, so its run is
   * reserved then and filled as its children are visited).
   */
  readonly refs: number[];
  readonly refStart: number[];
  readonly refCount: number[];
}

interface Frame extends PathStep {
  /** An array's items, or a dictionary's keys. */
  readonly first: PlistValue[];
  /** A dictionary's values (empty for arrays). */
  readonly second: PlistValue[];
  readonly keyCount: number;
  readonly total: number;
  /** Where this container's references go in the pool. */
  readonly refBase: number;
  readonly object: number;
  next: number;
}

class Uniquer {
  readonly strings = new Map<string, number>();
  readonly integers = new Map<bigint, number>();
  /** Keyed by value; -0 is kept apart because Map treats it as 0. */
  readonly reals = new Map<number, number>();
  negativeZeroReal = -1;
  readonly dates = new Map<number, number>();
  negativeZeroDate = -1;
  readonly uids = new Map<number, number>();
  readonly data = new Map<string, number>();
  trueIndex = -1;
  falseIndex = -1;
  /**
   * Arrays and dictionaries already met, by identity: their index, or
   * `-1 - index` while they are being written (on the path from the root,
   * so meeting one again is a cycle).
   */
  readonly containers = new Map<object, number>();
}

type WriteError = { readonly error: Diagnostic };
/** Why a value cannot be written: a cycle, or a value outside the model. */
interface Problem {
  readonly cycle: boolean;
  readonly message: string;
}
const problem = (message: string, cycle = false): Problem => ({ cycle, message });

function flatten(root: PlistValue): Flattened | WriteError {
  const objects: PlistValue[] = [];
  const kinds: Kind[] = [];
  const refs: number[] = [];
  const refStart: number[] = [];
  const refCount: number[] = [];
  const seen = new Uniquer();
  const stack: Frame[] = [];

  const report = (p: Problem): WriteError => ({
    error: diagnostic(p.cycle ? D.valueCycle : D.invalidValue, p.message, { location: { kind: 'plist', path: pathOf(stack) } }),
  });

  const add = (v: PlistValue, kind: Kind): number => {
    objects.push(v);
    kinds.push(kind);
    refStart.push(-1);
    refCount.push(0);
    return objects.length - 1;
  };

  /** Index of a value (added if new; a new container's frame is pushed, to be filled next), or why it cannot be written. */
  const visit = (value: PlistValue): number | Problem => {
    switch (typeof value) {
      case 'string': {
        const known = seen.strings.get(value);
        if (known !== undefined) return known;
        const ascii = isAscii(value);
        if (!ascii) {
          const at = loneSurrogateAt(value);
          if (at >= 0) return problem(`the string has a lone UTF-16 surrogate 0x${value.charCodeAt(at).toString(16)} at index ${at}, which no property list reader accepts`);
        }
        const index = add(value, ascii ? Kind.AsciiString : Kind.Utf16String);
        seen.strings.set(value, index);
        return index;
      }
      case 'boolean': {
        if (value) return seen.trueIndex >= 0 ? seen.trueIndex : (seen.trueIndex = add(true, Kind.Boolean));
        return seen.falseIndex >= 0 ? seen.falseIndex : (seen.falseIndex = add(false, Kind.Boolean));
      }
      case 'object': {
        if (value === null) break;
        const isArray = Array.isArray(value);
        if (isArray || value instanceof Map) {
          const known = seen.containers.get(value);
          if (known !== undefined) {
            if (known < 0) return problem('this array or dictionary contains itself', true);
            return known;
          }
          let first: PlistValue[];
          let second: PlistValue[] = NO_VALUES;
          let keyCount = 0;
          if (isArray) {
            first = value;
          } else {
            // One pass over the entries, keys then values (as written).
            const keys: PlistValue[] = [];
            const values: PlistValue[] = [];
            let badKey: unknown = undefined;
            let allStrings = true;
            (value as Map<string, PlistValue>).forEach((child, key) => {
              if (allStrings && typeof key !== 'string') {
                allStrings = false;
                badKey = key;
              }
              keys.push(key);
              values.push(child);
            });
            if (!allStrings) return problem(`a dictionary key is ${describeForeign(badKey)}; keys must be strings`);
            first = keys;
            second = values;
            keyCount = keys.length;
          }
          const index = add(value, isArray ? Kind.Array : Kind.Dictionary);
          const total = first.length + second.length;
          const refBase = refs.length;
          refStart[index] = refBase;
          refCount[index] = total;
          for (let k = 0; k < total; k++) refs.push(0);
          seen.containers.set(value, -1 - index);
          stack.push({ container: value as PlistValue[] | Map<string, PlistValue>, position: 0, first, second, keyCount, total, refBase, object: index, next: 0 });
          return index;
        }
        switch ((value as { kind?: unknown }).kind) {
          case 'integer': {
            const v = value as { value: unknown };
            if (typeof v.value !== 'bigint' || v.value < INT64_MIN || v.value > UINT64_MAX) {
              return problem(`the integer ${String(v.value)} is not a bigint between -2^63 and 2^64-1`);
            }
            const known = seen.integers.get(v.value);
            if (known !== undefined) return known;
            const index = add(value, Kind.Tagged);
            seen.integers.set(v.value, index);
            return index;
          }
          case 'real': {
            const v = (value as { value: unknown }).value;
            if (typeof v !== 'number') return problem(`a real whose value is ${describeForeign(v)}`);
            if (Object.is(v, -0)) return seen.negativeZeroReal >= 0 ? seen.negativeZeroReal : (seen.negativeZeroReal = add(value, Kind.Tagged));
            const known = seen.reals.get(v);
            if (known !== undefined) return known;
            const index = add(value, Kind.Tagged);
            seen.reals.set(v, index);
            return index;
          }
          case 'date': {
            const v = (value as { secondsSince2001: unknown }).secondsSince2001;
            if (typeof v !== 'number') return problem(`a date whose secondsSince2001 is ${describeForeign(v)}`);
            if (Object.is(v, -0)) return seen.negativeZeroDate >= 0 ? seen.negativeZeroDate : (seen.negativeZeroDate = add(value, Kind.Tagged));
            const known = seen.dates.get(v);
            if (known !== undefined) return known;
            const index = add(value, Kind.Tagged);
            seen.dates.set(v, index);
            return index;
          }
          case 'data': {
            const bytes = (value as { bytes: unknown }).bytes;
            if (!(bytes instanceof Uint8Array)) return problem(`data whose bytes are ${describeForeign(bytes)}`);
            if (bytes.length > MAX_UNIQUED_DATA) return add(value, Kind.Tagged);
            const key = latin1(bytes);
            const known = seen.data.get(key);
            if (known !== undefined) return known;
            const index = add(value, Kind.Tagged);
            seen.data.set(key, index);
            return index;
          }
          case 'uid': {
            const v = (value as { value: unknown }).value;
            if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return problem(`the UID ${String(v)} is not a whole number between 0 and 2^53`);
            const known = seen.uids.get(v);
            if (known !== undefined) return known;
            const index = add(value, Kind.Tagged);
            seen.uids.set(v, index);
            return index;
          }
        }
      }
    }
    return problem(`${describeForeign(value)} is not a property-list value`);
  };

  const first = visit(root);
  if (typeof first !== 'number') return report(first);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const i = frame.next;
    if (i < frame.total) {
      let child: PlistValue;
      if (frame.keyCount === 0) {
        frame.position = i;
        child = frame.first[i]!;
      } else if (i < frame.keyCount) {
        child = frame.first[i]!;
        frame.position = child as string;
      } else {
        frame.position = frame.first[i - frame.keyCount] as string;
        child = frame.second[i - frame.keyCount]!;
      }
      // A new container pushes its own frame here; its reference is known already.
      const result = visit(child);
      if (typeof result !== 'number') return report(result);
      refs[frame.refBase + i] = result;
      frame.next = i + 1;
    } else {
      stack.pop();
      seen.containers.set(frame.container, frame.object);
    }
  }
  return { objects, kinds, refs, refStart, refCount };
}

const NO_VALUES: PlistValue[] = [];

function encode({ objects, kinds, refs, refStart, refCount }: Flattened, sink: ByteSink): Uint8Array {
  const count = objects.length;
  const refSize = widthFor(count);
  const offsets = new Float64Array(count);
  sink.ascii('bplist00');
  for (let i = 0; i < count; i++) {
    offsets[i] = sink.length;
    switch (kinds[i]) {
      case Kind.AsciiString: {
        const value = objects[i] as string;
        writeSize(sink, 0x50, value.length);
        sink.ascii(value);
        break;
      }
      case Kind.Utf16String: {
        const value = objects[i] as string;
        writeSize(sink, 0x60, value.length);
        sink.utf16be(value);
        break;
      }
      case Kind.Boolean:
        sink.byte(objects[i] === true ? 0x09 : 0x08);
        break;
      case Kind.Array:
        writeSize(sink, 0xa0, refCount[i]!);
        sink.uints(refs, refStart[i]!, refCount[i]!, refSize);
        break;
      case Kind.Dictionary:
        writeSize(sink, 0xd0, refCount[i]! / 2);
        sink.uints(refs, refStart[i]!, refCount[i]!, refSize);
        break;
      default: {
        const value = objects[i] as Exclude<PlistValue, string | boolean | PlistValue[] | Map<string, PlistValue>>;
        switch (value.kind) {
          case 'integer':
            writeInteger(sink, value.value);
            break;
          case 'real':
            sink.byte(0x23);
            sink.float64(value.value);
            break;
          case 'date':
            sink.byte(0x33);
            sink.float64(value.secondsSince2001);
            break;
          case 'data':
            writeSize(sink, 0x40, (value as PlistData).bytes.length);
            sink.bytes(value.bytes);
            break;
          case 'uid': {
            const width = value.value < 2 ** 8 ? 1 : value.value < 2 ** 16 ? 2 : value.value < 2 ** 32 ? 4 : 8;
            sink.byte(0x80 | (width - 1));
            sink.uint(value.value, width);
            break;
          }
        }
      }
    }
  }
  const tableOffset = sink.length;
  const offsetSize = widthFor(tableOffset);
  sink.uints(offsets, 0, count, offsetSize);
  // Trailer: 5 unused bytes, sort version, the two widths, then three 64-bit fields.
  for (let i = 0; i < 6; i++) sink.byte(0);
  sink.byte(offsetSize);
  sink.byte(refSize);
  sink.uint(count, 8);
  sink.uint(0, 8);
  sink.uint(tableOffset, 8);
  return sink.finish();
}

function writeInteger(sink: ByteSink, value: bigint): void {
  if (value < 0n) {
    sink.byte(0x13);
    sink.bigInt64(value);
  } else if (value < 0x100n) {
    sink.byte(0x10);
    sink.byte(Number(value));
  } else if (value < 0x10000n) {
    sink.byte(0x11);
    sink.uint(Number(value), 2);
  } else if (value < 0x1_0000_0000n) {
    sink.byte(0x12);
    sink.uint(Number(value), 4);
  } else if (value < 2n ** 63n) {
    sink.byte(0x13);
    sink.bigInt64(value);
  } else {
    // Apple's form for unsigned 64-bit values: a 16-byte signed integer.
    sink.byte(0x14);
    sink.bigUint64(0n);
    sink.bigUint64(value);
  }
}

/** A marker with a length: in its low nibble when below 15, else 0xF and an integer object. */
function writeSize(sink: ByteSink, token: number, size: number): void {
  if (size < 15) {
    sink.byte(token | size);
    return;
  }
  sink.byte(token | 0xf);
  const width = widthFor(size);
  sink.byte(0x10 | Math.log2(width));
  sink.uint(size, width);
}

/** Bytes needed for values below `count` (CoreFoundation's and plistlib's rule). */
function widthFor(count: number): number {
  if (count < 2 ** 8) return 1;
  if (count < 2 ** 16) return 2;
  if (count < 2 ** 32) return 4;
  return 8;
}

/** The bytes as a string of the same length (one character per byte): a key for uniquing data. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

