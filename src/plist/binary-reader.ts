/**
 * Reads binary property lists (`bplist00`) into the lossless value model.
 *
 * Why not the `bplist-parser` npm package: measured (test/plist/third-party.test.ts),
 * it returns JavaScript numbers, so the real 1.0 and the integer 1 come back
 * alike; dictionaries become plain objects, so a key such as "1" moves to the
 * front; dates become `Date` (milliseconds, fractions lost); it caps files at
 * 32,768 objects and reads offsets without checking them. It stays a
 * devDependency, as the benchmark's point of comparison.
 *
 * Format (as CoreFoundation and Python's plistlib write it): "bplist00", the
 * objects, a table of object offsets, and a 32-byte trailer giving the offset
 * and reference widths, the object count, the top object and the table offset.
 * Each object starts with a marker byte: high nibble the type, low nibble a
 * size or a length (0xF: the length follows as an integer object).
 *
 * Decisions:
 *  - Integers of 1, 2 and 4 bytes are unsigned, 8 bytes signed, 16 bytes
 *    signed 128-bit (Apple writes unsigned values ≥ 2^63 that way); anything
 *    outside -2^63 … 2^64-1 is rejected.
 *  - Reals of 4 or 8 bytes; a 4-byte real reads as the double of the same value.
 *  - Sets (0xC), ordered sets (0xB), null and fill (0x00, 0x0F) and the newer
 *    `bplist1x` types are rejected: CoreFoundation's property lists cannot hold
 *    them and neither XML nor plistlib can say them.
 *  - ASCII strings must be 7-bit; UTF-16 strings must be well-formed (a lone
 *    surrogate is an error, as in plistlib), so every string we return can be
 *    written as UTF-8/XML.
 *  - A dictionary key repeated: warning, the last value wins (what CoreFoundation
 *    and plistlib do).
 *  - Objects shared by several references are read once (scalars are cached);
 *    arrays and dictionaries referenced twice are read into separate copies, so
 *    the result is a tree. Reference cycles are errors; the total number of
 *    values produced is capped (`maxValues`) so a small file cannot describe an
 *    exponentially large tree.
 *
 * Safety: every size field is checked against the bytes that are really there
 * before anything is allocated (a 100-byte file declaring 2^32 objects fails at
 * once, cf. CPython bpo-42103 and gh-119342); the walk is iterative with a depth
 * limit, so no input can exhaust the call stack.
 */
import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { plistDiagnostics as D } from './diagnostics.js';
import { failAt, PlistFailure } from './failure.js';
import { DEFAULT_MAX_DEPTH, defaultMaxValues, type PlistReadOptions } from './limits.js';
import { INT64_MIN, UINT64_MAX, type PlistDict, type PlistValue } from './value.js';

const HEADER_LENGTH = 8;
const TRAILER_LENGTH = 32;
/** Warnings about repeated keys stop after this many (a hostile file could repeat millions). */
const MAX_DUPLICATE_WARNINGS = 20;

export function readBinaryPlist(bytes: Uint8Array, options: PlistReadOptions = {}): Result<PlistValue> {
  try {
    const reader = new BinaryPlistReader(bytes, options);
    const value = reader.read();
    return ok(value, reader.warnings);
  } catch (error) {
    if (error instanceof PlistFailure) return fail([error.diagnostic]);
    throw error;
  }
}

/** Whether the bytes start like a binary plist (any version). */
export function looksLikeBinaryPlist(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && bytes[0] === 0x62 && bytes[1] === 0x70 && bytes[2] === 0x6c && bytes[3] === 0x69 && bytes[4] === 0x73 && bytes[5] === 0x74;
}

interface Frame {
  /** Index of the array or dictionary object, to unmark it when done. */
  readonly object: number;
  /** Byte offset of its first object reference. */
  readonly refs: number;
  readonly count: number;
  index: number;
  readonly array: PlistValue[] | undefined;
  readonly dict: PlistDict | undefined;
  /** The key whose value is being read (dictionaries). */
  key: string;
  keyOffset: number;
}

const utf8Decoder = new TextDecoder('utf-8');

class BinaryPlistReader {
  readonly warnings: Diagnostic[] = [];
  private readonly view: DataView;
  private readonly objectCount: number;
  private readonly topObject: number;
  private readonly offsetTable: number;
  private readonly offsetSize: number;
  private readonly refSize: number;
  /** Objects live in [HEADER_LENGTH, objectsEnd). */
  private readonly objectsEnd: number;
  private readonly maxDepth: number;
  private readonly maxValues: number;
  private valueCount = 0;
  private duplicateKeys = 0;
  /** Scalars already decoded, by object index (keys and values are uniqued in files). */
  private readonly cache: (PlistValue | undefined)[];
  /** 1 for arrays and dictionaries on the path being read, to find cycles. */
  private readonly onPath: Uint8Array;

  constructor(
    private readonly bytes: Uint8Array,
    options: PlistReadOptions,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const length = bytes.length;
    if (length < HEADER_LENGTH || !looksLikeBinaryPlist(bytes)) {
      throw failAt(D.binaryHeader, 'this is not a binary property list: it does not start with "bplist00"', 0);
    }
    if (bytes[6] !== 0x30 || bytes[7] !== 0x30) {
      const version = String.fromCharCode(bytes[6]!, bytes[7]!);
      throw failAt(D.binaryHeader, `binary property list version "${printable(version)}" is not supported (only "00" is)`, 6);
    }
    if (length < HEADER_LENGTH + TRAILER_LENGTH + 2) {
      throw failAt(D.binaryTruncated, `the file has ${length} bytes, too few for a header, one object, its offset and the 32-byte trailer`, length);
    }
    const trailer = length - TRAILER_LENGTH;
    this.offsetSize = bytes[trailer + 6]!;
    this.refSize = bytes[trailer + 7]!;
    const objectCount = this.u64(trailer + 8);
    const topObject = this.u64(trailer + 16);
    const offsetTable = this.u64(trailer + 24);
    if (!isWidth(this.offsetSize)) {
      throw failAt(D.binaryTrailer, `the trailer gives offsets a width of ${this.offsetSize} bytes; only 1, 2, 4 or 8 exist`, trailer + 6);
    }
    if (!isWidth(this.refSize)) {
      throw failAt(D.binaryTrailer, `the trailer gives object references a width of ${this.refSize} bytes; only 1, 2, 4 or 8 exist`, trailer + 7);
    }
    if (objectCount < 1) throw failAt(D.binaryTrailer, 'the trailer declares no objects', trailer + 8);
    if (topObject >= objectCount) {
      throw failAt(D.binaryTrailer, `the top object ${topObject} is not among the ${objectCount} declared objects`, trailer + 16);
    }
    // Checked before any allocation that depends on the count: the table must fit
    // between the objects and the trailer, which bounds the count by the file size.
    if (offsetTable < HEADER_LENGTH + 1 || offsetTable > trailer || objectCount * this.offsetSize > trailer - offsetTable) {
      throw failAt(
        D.binaryOffsetTable,
        `the offset table (${objectCount} offsets of ${this.offsetSize} bytes at byte ${offsetTable}) does not fit in the ${length}-byte file`,
        trailer + 8,
      );
    }
    if (this.refSize < 8 && objectCount > 2 ** (8 * this.refSize)) {
      throw failAt(D.binaryTrailer, `${objectCount} objects cannot be addressed with ${this.refSize}-byte references`, trailer + 7);
    }
    this.objectCount = objectCount;
    this.topObject = topObject;
    this.offsetTable = offsetTable;
    this.objectsEnd = offsetTable;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxValues = options.maxValues ?? defaultMaxValues(objectCount);
    this.cache = new Array<PlistValue | undefined>(objectCount);
    this.onPath = new Uint8Array(objectCount);
  }

  read(): PlistValue {
    const stack: Frame[] = [];
    const top = this.open(this.topObject, stack);
    if (top !== undefined) return top;
    for (;;) {
      const frame = stack[stack.length - 1]!;
      if (frame.index < frame.count) {
        let ref: number;
        if (frame.dict !== undefined) {
          const keyAt = frame.refs + frame.index * this.refSize;
          frame.key = this.readKey(this.readRef(keyAt), keyAt);
          frame.keyOffset = keyAt;
          ref = this.readRef(frame.refs + (frame.count + frame.index) * this.refSize);
        } else {
          ref = this.readRef(frame.refs + frame.index * this.refSize);
        }
        const value = this.open(ref, stack);
        if (value !== undefined) this.deliver(frame, value);
      } else {
        stack.pop();
        this.onPath[frame.object] = 0;
        const value = frame.dict ?? frame.array!;
        if (stack.length === 0) return value;
        this.deliver(stack[stack.length - 1]!, value);
      }
    }
  }

  private deliver(frame: Frame, value: PlistValue): void {
    if (frame.dict !== undefined) {
      if (frame.dict.has(frame.key)) this.duplicateKey(frame.key, frame.keyOffset);
      frame.dict.set(frame.key, value);
    } else {
      frame.array!.push(value);
    }
    frame.index++;
  }

  private duplicateKey(key: string, offset: number): void {
    this.duplicateKeys++;
    if (this.duplicateKeys <= MAX_DUPLICATE_WARNINGS) {
      this.warnings.push(
        diagnostic(D.duplicateKey, `the dictionary key ${JSON.stringify(key)} appears more than once; the last value is kept`, {
          location: { kind: 'bytes', offset },
        }),
      );
    }
  }

  /**
   * Reads object `ref`: returns a scalar, or pushes a frame for an array or
   * dictionary (whose value is delivered to its parent when complete) and
   * returns undefined.
   */
  private open(ref: number, stack: Frame[]): PlistValue | undefined {
    if (++this.valueCount > this.maxValues) {
      throw failAt(
        D.tooManyValues,
        `the file expands to more than ${this.maxValues} values (arrays or dictionaries referenced from many places)`,
        this.offsetOf(ref),
      );
    }
    const cached = this.cache[ref];
    if (cached !== undefined) return cached;
    const offset = this.offsetOf(ref);
    const marker = this.bytes[offset]!;
    const type = marker >> 4;
    if (type === 0xa || type === 0xd) {
      if (this.onPath[ref] === 1) {
        throw failAt(D.binaryCycle, `object ${ref} contains itself (a reference cycle)`, offset);
      }
      if (stack.length >= this.maxDepth) {
        throw failAt(D.tooDeep, `arrays and dictionaries nest more than ${this.maxDepth} levels deep`, offset);
      }
      const [count, start] = this.readLength(offset, marker);
      const width = (type === 0xd ? 2 : 1) * this.refSize;
      this.need(offset, start, count * width);
      this.onPath[ref] = 1;
      stack.push({
        object: ref,
        refs: start,
        count,
        index: 0,
        array: type === 0xa ? [] : undefined,
        dict: type === 0xd ? new Map() : undefined,
        key: '',
        keyOffset: start,
      });
      return undefined;
    }
    const value = this.readScalar(offset, marker);
    this.cache[ref] = value;
    return value;
  }

  private readKey(ref: number, at: number): string {
    const cached = this.cache[ref];
    if (typeof cached === 'string') return cached;
    const offset = this.offsetOf(ref);
    const marker = this.bytes[offset]!;
    const type = marker >> 4;
    if (type !== 0x5 && type !== 0x6) {
      throw failAt(D.binaryKeyNotString, `a dictionary key (object ${ref}, at byte ${offset}) is not a string`, at);
    }
    const key = this.readScalar(offset, marker) as string;
    this.cache[ref] = key;
    return key;
  }

  private readScalar(offset: number, marker: number): PlistValue {
    const type = marker >> 4;
    const info = marker & 0xf;
    switch (type) {
      case 0x0:
        if (info === 0x8) return false;
        if (info === 0x9) return true;
        throw failAt(
          D.binaryUnknownMarker,
          info === 0x0 ? 'a null object: property lists cannot hold null' : `unknown object marker 0x${hex2(marker)}`,
          offset,
        );
      case 0x1:
        return this.readInteger(offset, info);
      case 0x2: {
        if (info === 2) {
          this.need(offset, offset + 1, 4);
          return { kind: 'real', value: this.view.getFloat32(offset + 1) };
        }
        if (info === 3) {
          this.need(offset, offset + 1, 8);
          return { kind: 'real', value: this.view.getFloat64(offset + 1) };
        }
        throw failAt(D.binaryUnknownMarker, `a real of ${2 ** info} bytes; only 4- and 8-byte reals exist`, offset);
      }
      case 0x3: {
        if (info !== 3) throw failAt(D.binaryUnknownMarker, `unknown object marker 0x${hex2(marker)} (dates are 0x33)`, offset);
        this.need(offset, offset + 1, 8);
        return { kind: 'date', secondsSince2001: this.view.getFloat64(offset + 1) };
      }
      case 0x4: {
        const [length, start] = this.readLength(offset, marker);
        this.need(offset, start, length);
        return { kind: 'data', bytes: this.bytes.slice(start, start + length) };
      }
      case 0x5: {
        const [length, start] = this.readLength(offset, marker);
        this.need(offset, start, length);
        return this.readAscii(start, length);
      }
      case 0x6: {
        const [units, start] = this.readLength(offset, marker);
        this.need(offset, start, units * 2);
        return this.readUtf16(start, units);
      }
      case 0x8: {
        const width = info + 1;
        if (width > 8) throw failAt(D.binaryBadInteger, `a UID of ${width} bytes; UIDs have at most 8`, offset);
        this.need(offset, offset + 1, width);
        const value = this.uint(offset + 1, width);
        if (!Number.isSafeInteger(value)) throw failAt(D.binaryBadInteger, 'a UID larger than 2^53', offset);
        return { kind: 'uid', value };
      }
      case 0xb:
      case 0xc:
        throw failAt(D.binaryUnknownMarker, `${type === 0xc ? 'a set' : 'an ordered set'}: property lists cannot hold sets`, offset);
      default:
        throw failAt(D.binaryUnknownMarker, `unknown object marker 0x${hex2(marker)}`, offset);
    }
  }

  private readInteger(offset: number, info: number): PlistValue {
    const view = this.view;
    const at = offset + 1;
    switch (info) {
      case 0:
        this.need(offset, at, 1);
        return { kind: 'integer', value: BigInt(this.bytes[at]!) };
      case 1:
        this.need(offset, at, 2);
        return { kind: 'integer', value: BigInt(view.getUint16(at)) };
      case 2:
        this.need(offset, at, 4);
        return { kind: 'integer', value: BigInt(view.getUint32(at)) };
      case 3:
        this.need(offset, at, 8);
        return { kind: 'integer', value: view.getBigInt64(at) };
      case 4: {
        this.need(offset, at, 16);
        const value = (view.getBigInt64(at) << 64n) | view.getBigUint64(at + 8);
        if (value < INT64_MIN || value > UINT64_MAX) {
          throw failAt(D.binaryBadInteger, `the 128-bit integer ${value} lies outside the 64-bit range property lists hold`, offset);
        }
        return { kind: 'integer', value };
      }
      default:
        throw failAt(D.binaryBadInteger, `an integer of ${2 ** info} bytes; integers have 1, 2, 4, 8 or 16`, offset);
    }
  }

  /** The length in a marker's low nibble, or the integer object after it when the nibble is 0xF. */
  private readLength(offset: number, marker: number): [length: number, start: number] {
    const info = marker & 0xf;
    if (info !== 0xf) return [info, offset + 1];
    this.need(offset, offset + 1, 1);
    const intMarker = this.bytes[offset + 1]!;
    if (intMarker >> 4 !== 0x1 || (intMarker & 0xf) > 3) {
      throw failAt(D.binaryBadCount, `the length of the object at byte ${offset} is not a 1-, 2-, 4- or 8-byte integer (marker 0x${hex2(intMarker)})`, offset + 1);
    }
    const width = 1 << (intMarker & 0xf);
    this.need(offset, offset + 2, width);
    const length = this.uint(offset + 2, width);
    return [length, offset + 2 + width];
  }

  private readAscii(start: number, length: number): string {
    const bytes = this.bytes;
    let high = 0;
    for (let i = start; i < start + length; i++) high |= bytes[i]!;
    if (high & 0x80) {
      for (let i = start; i < start + length; i++) {
        if (bytes[i]! & 0x80) throw failAt(D.binaryBadString, `byte 0x${hex2(bytes[i]!)} in an ASCII string`, i);
      }
    }
    if (length <= 24) {
      let s = '';
      for (let i = start; i < start + length; i++) s += String.fromCharCode(bytes[i]!);
      return s;
    }
    // Validated 7-bit text decodes the same as UTF-8, and the native decoder is fastest.
    return utf8Decoder.decode(bytes.subarray(start, start + length));
  }

  private readUtf16(start: number, units: number): string {
    const bytes = this.bytes;
    const codes = new Uint16Array(units);
    for (let i = 0; i < units; i++) codes[i] = (bytes[start + 2 * i]! << 8) | bytes[start + 2 * i + 1]!;
    for (let i = 0; i < units; i++) {
      const unit = codes[i]!;
      if (unit < 0xd800 || unit > 0xdfff) continue;
      if (unit <= 0xdbff && i + 1 < units) {
        const next = codes[i + 1]!;
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      throw failAt(D.binaryBadString, `a lone UTF-16 surrogate 0x${unit.toString(16)} in a string`, start + 2 * i);
    }
    let s = '';
    const CHUNK = 4096;
    for (let i = 0; i < units; i += CHUNK) {
      s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(units, i + CHUNK)) as unknown as number[]);
    }
    return s;
  }

  private offsetOf(ref: number): number {
    const offset = this.uint(this.offsetTable + ref * this.offsetSize, this.offsetSize);
    if (offset < HEADER_LENGTH || offset >= this.objectsEnd) {
      throw failAt(
        D.binaryObjectOffset,
        `object ${ref} is said to start at byte ${offset}, outside the object area (bytes ${HEADER_LENGTH}–${this.objectsEnd - 1})`,
        this.offsetTable + ref * this.offsetSize,
      );
    }
    return offset;
  }

  private readRef(at: number): number {
    const ref = this.uint(at, this.refSize);
    if (ref >= this.objectCount) {
      throw failAt(D.binaryBadReference, `a reference to object ${ref}, but the file has only ${this.objectCount}`, at);
    }
    return ref;
  }

  /** Fails unless `length` bytes from `start` lie inside the object area. */
  private need(objectOffset: number, start: number, length: number): void {
    if (start + length > this.objectsEnd) {
      throw failAt(
        D.binaryObjectOverrun,
        `the object at byte ${objectOffset} needs ${length} bytes from byte ${start}, past the end of the object area (byte ${this.objectsEnd})`,
        objectOffset,
      );
    }
  }

  /** Big-endian unsigned integer of 1, 2, 4 or 8 bytes (8-byte values above 2^53 lose precision, and fail range checks). */
  private uint(at: number, width: number): number {
    const bytes = this.bytes;
    switch (width) {
      case 1:
        return bytes[at]!;
      case 2:
        return (bytes[at]! << 8) | bytes[at + 1]!;
      case 4:
        return this.view.getUint32(at);
      default: {
        let value = 0;
        for (let i = 0; i < width; i++) value = value * 256 + bytes[at + i]!;
        return value;
      }
    }
  }

  private u64(at: number): number {
    return this.view.getUint32(at) * 2 ** 32 + this.view.getUint32(at + 4);
  }
}

function isWidth(n: number): boolean {
  return n === 1 || n === 2 || n === 4 || n === 8;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
