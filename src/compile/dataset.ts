import { closeSync, openSync, readSync } from 'node:fs';
import { diagnostic } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { datasetDiagnostics as D } from './diagnostics.js';

/**
 * Reading a WorkflowBench-style dataset: a JSON array of objects, or JSON
 * lines (one object per line), each holding the code in a field
 * (`annotated_code` by default). The file is read in chunks and split into
 * entries as it goes, on its bytes, so a dataset of several gigabytes
 * (WorkflowBench is about 3.3 GB) never has to fit in memory, and the
 * reading thread never decodes it: whoever compiles an entry decodes and
 * parses that entry's bytes.
 */

export interface DatasetEntry {
  /** Position in the dataset, from 0. */
  readonly index: number;
  /** The code, when the entry is an object whose field is a string. */
  readonly code?: string;
  /** Why the entry has no code. */
  readonly problem?: Diagnostic;
  /** Bytes of the file read when the entry was found (for progress). */
  readonly position?: number;
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The longest entry kept, in bytes. A longer one (a line that never ends,
 * /dev/zero, a runaway string) is scanned past without being kept, so memory
 * stays bounded and JavaScript's string limit (2^29) is never reached.
 */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** An entry longer than the limit: reported, never held. */
export const TOO_LONG = Symbol('entry too long');

const EMPTY = new Uint8Array(0);

/** JSON's whitespace: space, tab, line feed, carriage return. */
function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Whether bytes [from, to) are all JSON whitespace (almost always false at the first byte). */
function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isJsonSpace(bytes[i]!)) return false;
  return true;
}

/** A copy of bytes [from, to) with its own buffer, so it can be transferred to a worker thread alone. */
function copyOf(bytes: Uint8Array, from: number, to: number): Uint8Array {
  return new Uint8Array(bytes.subarray(from, to));
}

/** The bytes of `a` followed by those of `b`, in a new buffer. */
function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  // Not zero-filled first: every byte is written just below.
  const out = Buffer.allocUnsafe(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Splits a dataset's bytes into the JSON texts of its entries, incrementally,
 * without decoding them: every byte JSON's structure depends on (quotes,
 * backslashes, brackets, commas, line feeds) is ASCII, and UTF-8 never uses
 * an ASCII byte inside a multi-byte character. So the reading thread only
 * finds where entries start and end; whoever compiles an entry decodes it,
 * in parallel.
 */
class EntrySplitter {
  private mode: 'unknown' | 'array' | 'lines' | 'done' = 'unknown';
  /** Bytes kept from earlier chunks: the unfinished entry. */
  private pending: Uint8Array = EMPTY;
  /** Array mode: the state of the scan through the current entry. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private entryStart = -1;
  /** Bytes of `pending` already scanned. */
  private scanned = 0;
  /** The current entry grew past the limit: its bytes are dropped as the scan goes on. */
  private discarding = false;
  /** The file's first bytes, which may be a UTF-8 byte order mark, are still to come. */
  private atFileStart = true;
  trailingGarbage = false;
  unterminated = false;

  constructor(private readonly maxEntryBytes: number) {}

  /** Feeds the next chunk (which the splitter may keep); returns the complete entries found so far (TOO_LONG for one past the limit). */
  push(chunk: Uint8Array, last: boolean): (Uint8Array | typeof TOO_LONG)[] {
    let bytes = joined(this.pending, chunk);
    if (this.atFileStart && bytes.length >= 3) {
      this.atFileStart = false;
      // A byte order mark (EF BB BF) is not part of the JSON.
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    } else if (last) this.atFileStart = false;
    if (this.atFileStart) {
      // Fewer than three bytes so far: wait for more to tell a byte order mark.
      this.pending = copyOf(bytes, 0, bytes.length);
      return [];
    }
    if (this.mode === 'unknown') {
      let first = 0;
      while (first < bytes.length && isJsonSpace(bytes[first]!)) first++;
      if (first === bytes.length) {
        // Only whitespace so far: nothing to keep.
        this.pending = EMPTY;
        return [];
      }
      if (bytes[first] === 0x5b) {
        this.mode = 'array';
        bytes = bytes.subarray(first + 1);
      } else {
        this.mode = 'lines';
      }
    }
    if (this.mode === 'done') {
      if (!isBlank(bytes, 0, bytes.length)) this.trailingGarbage = true;
      this.pending = EMPTY;
      return [];
    }
    return this.mode === 'array' ? this.arrayEntries(bytes, last) : this.lineEntries(bytes, last);
  }

  private lineEntries(bytes: Uint8Array, last: boolean): (Uint8Array | typeof TOO_LONG)[] {
    const out: (Uint8Array | typeof TOO_LONG)[] = [];
    let from = 0;
    // The kept bytes before `scanned` hold no line feed (an earlier push searched them).
    for (let newline = bytes.indexOf(0x0a, this.scanned); newline >= 0; newline = bytes.indexOf(0x0a, from)) {
      if (this.discarding) out.push(TOO_LONG);
      else if (!isBlank(bytes, from, newline)) out.push(copyOf(bytes, from, newline));
      this.discarding = false;
      from = newline + 1;
    }
    if (last) {
      if (this.discarding) out.push(TOO_LONG);
      else if (!isBlank(bytes, from, bytes.length)) out.push(copyOf(bytes, from, bytes.length));
      this.reset();
      return out;
    }
    if (this.discarding || bytes.length - from > this.maxEntryBytes) {
      // Past the limit: the rest of this line is dropped up to its line feed.
      this.discarding = true;
      this.pending = EMPTY;
      this.scanned = 0;
      return out;
    }
    this.pending = copyOf(bytes, from, bytes.length);
    this.scanned = this.pending.length;
    return out;
  }

  /** JSON array elements at depth 1: a scan that tracks strings and brackets. */
  private arrayEntries(bytes: Uint8Array, last: boolean): (Uint8Array | typeof TOO_LONG)[] {
    const out: (Uint8Array | typeof TOO_LONG)[] = [];
    const entry = (from: number, to: number): Uint8Array | typeof TOO_LONG => (this.discarding ? TOO_LONG : copyOf(bytes, from, to));
    const length = bytes.length;
    let i = this.scanned;
    let consumed = 0;
    for (; i < length; i++) {
      const c = bytes[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        else {
          // Skip ahead to the next quote or backslash: most of a dataset is string content.
          let next = i + 1;
          while (next < length) {
            const d = bytes[next]!;
            if (d === 0x22 || d === 0x5c) break;
            next++;
          }
          i = next - 1;
        }
        continue;
      }
      if (c === 0x22) {
        if (this.entryStart < 0) this.entryStart = i;
        this.inString = true;
      } else if (c === 0x7b || c === 0x5b) {
        if (this.entryStart < 0) this.entryStart = i;
        this.depth++;
      } else if (c === 0x7d || c === 0x5d) {
        if (this.depth === 0) {
          if (c === 0x5d) {
            // The end of the array.
            if (this.entryStart >= 0) out.push(entry(this.entryStart, i));
            if (!isBlank(bytes, i + 1, length)) this.trailingGarbage = true;
            this.reset();
            this.mode = 'done';
            return out;
          }
        } else {
          this.depth--;
        }
      } else if (c === 0x2c && this.depth === 0) {
        if (this.entryStart >= 0) out.push(entry(this.entryStart, i));
        this.entryStart = -1;
        this.discarding = false;
        consumed = i + 1;
      } else if (this.entryStart < 0 && !isJsonSpace(c)) {
        this.entryStart = i;
      }
    }
    if (last) {
      if (this.entryStart >= 0) out.push(entry(this.entryStart, length));
      this.reset();
      this.unterminated = true;
      return out;
    }
    if (this.entryStart >= 0 && (this.discarding || length - this.entryStart > this.maxEntryBytes)) {
      // Past the limit: keep scanning the entry (strings, depth) but not its bytes.
      this.discarding = true;
      this.entryStart = 0;
      this.pending = EMPTY;
      this.scanned = 0;
      return out;
    }
    // Keep the unfinished entry; rebase the scan positions.
    const cut = this.entryStart >= 0 ? this.entryStart : consumed;
    this.pending = copyOf(bytes, cut, length);
    if (this.entryStart >= 0) this.entryStart -= cut;
    this.scanned = i - cut;
    return out;
  }

  /** Forgets the entry in progress (at the end of the file or of the array). */
  private reset(): void {
    this.pending = EMPTY;
    this.scanned = 0;
    this.entryStart = -1;
    this.discarding = false;
  }
}

/**
 * An entry as the file holds it: its JSON text's bytes, not yet decoded (or
 * why there is none). `compile --dataset` reads them into code where it compiles it,
 * in a worker thread, so the thread reading the file only splits it.
 */
export interface RawDatasetEntry {
  /** Position in the dataset, from 0. */
  readonly index: number;
  /** The entry's JSON text, as the file's bytes (UTF-8). */
  readonly bytes?: Uint8Array;
  /** Why the entry has no text (too long), or a problem with the file itself (SC9301, SC9302). */
  readonly problem?: Diagnostic;
  /** Bytes of the file read when the entry was found (for progress). */
  readonly position?: number;
}

/**
 * The entries of a dataset file, in order. Yields an entry with a problem
 * (SC93xx) for an entry that is not a JSON object with a string `field`;
 * ends with one for a file that cannot be read or is cut off.
 */
export function* readDataset(path: string, field: string, display = path, chunkBytes = CHUNK_BYTES, maxEntryBytes = MAX_ENTRY_BYTES): Generator<DatasetEntry> {
  for (const raw of readDatasetTexts(path, display, chunkBytes, maxEntryBytes)) {
    if (raw.bytes === undefined) yield raw;
    else yield { ...entryOf(raw.bytes, raw.index, field, display), ...(raw.position === undefined ? {} : { position: raw.position }) };
  }
}

/**
 * The entries of a dataset file as the bytes of their JSON texts, in order
 * (`readDataset` without reading each entry); `entryOf` reads one.
 */
export function* readDatasetTexts(path: string, display = path, chunkBytes = CHUNK_BYTES, maxEntryBytes = MAX_ENTRY_BYTES): Generator<RawDatasetEntry> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    yield { index: 0, problem: diagnostic(D.unreadable, `cannot read the dataset: ${error instanceof Error ? error.message : String(error)}`, { file: display }) };
    return;
  }
  const splitter = new EntrySplitter(maxEntryBytes);
  const buffer = Buffer.allocUnsafe(Math.max(1, chunkBytes));
  let index = 0;
  let position = 0;
  try {
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        yield { index, problem: diagnostic(D.unreadable, `cannot read the dataset: ${error instanceof Error ? error.message : String(error)}`, { file: display }) };
        return;
      }
      const last = read === 0;
      position += read;
      for (const bytes of splitter.push(buffer.subarray(0, read), last)) {
        if (bytes === TOO_LONG) {
          yield {
            index: index++,
            problem: diagnostic(D.badEntry, `entry ${index - 1} is longer than ${maxEntryBytes.toLocaleString('en-US')} bytes; it is skipped`, { file: display }),
            position,
          };
        } else yield { index: index++, bytes, position };
      }
      if (last) break;
    }
  } finally {
    closeSync(fd);
  }
  if (splitter.unterminated) {
    yield { index, problem: diagnostic(D.malformed, 'the dataset\'s JSON array is cut off (no closing `]`)', { file: display, suggestion: 'check that the file was written completely' }) };
  } else if (splitter.trailingGarbage) {
    yield { index, problem: diagnostic(D.malformed, 'text follows the dataset\'s JSON array', { file: display, suggestion: 'a dataset is one JSON array, or one JSON object per line' }) };
  }
}

/** Decodes entries' UTF-8 (malformed bytes become U+FFFD, as a text editor shows them). */
const utf8 = new TextDecoder('utf-8');

/** Reads entry `index` from its JSON text's UTF-8 bytes: its code from `field`, or why it has none (SC9303). */
export function entryOf(bytes: Uint8Array, index: number, field: string, file: string): DatasetEntry {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { index, problem: diagnostic(D.badEntry, `entry ${index} is not valid JSON: ${reason.slice(0, 200)}`, { file }) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { index, problem: diagnostic(D.badEntry, `entry ${index} is not a JSON object`, { file, suggestion: `each entry is an object with the code in "${field}"` }) };
  }
  const code = (value as Record<string, unknown>)[field];
  if (typeof code !== 'string') {
    const keys = Object.keys(value).slice(0, 8).join(', ');
    return {
      index,
      problem: diagnostic(D.badEntry, `entry ${index} has no string field "${field}"`, { file, suggestion: `choose the field with --field (the entry has: ${keys})` }),
    };
  }
  return { index, code };
}
