import { closeSync, openSync, readSync } from 'node:fs';
import { diagnostic } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { datasetDiagnostics as D } from './diagnostics.js';

/**
 * Reading a WorkflowBench-style dataset: a JSON array of objects, or JSON
 * lines (one object per line), each holding the code in a field
 * (`annotated_code` by default). The file is read in chunks and split into
 * entries as it goes, so a dataset of several gigabytes (WorkflowBench is
 * about 3.3 GB) never has to fit in one string.
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
 * The longest entry kept, in characters. A longer one (a line that never
 * ends, /dev/zero, a runaway string) is scanned past without being kept, so
 * memory stays bounded and JavaScript's string limit (2^29) is never reached.
 */
const MAX_ENTRY_CHARS = 64 * 1024 * 1024;

/** An entry longer than the limit: reported, never held. */
export const TOO_LONG = Symbol('entry too long');

/** Splits the text of a dataset into the JSON texts of its entries, incrementally. */
class EntrySplitter {
  private mode: 'unknown' | 'array' | 'lines' | 'done' = 'unknown';
  private pending = '';
  /** Array mode: the state of the scan through the current entry. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private entryStart = -1;
  private scanned = 0;
  /** The current entry grew past the limit: its text is dropped as the scan goes on. */
  private discarding = false;
  trailingGarbage = false;
  unterminated = false;

  constructor(private readonly maxEntryChars: number) {}

  /** Feeds text; returns the complete entries' JSON texts found so far (TOO_LONG for one past the limit). */
  push(text: string, last: boolean): (string | typeof TOO_LONG)[] {
    this.pending += text;
    if (this.mode === 'unknown') {
      const first = this.pending.search(/\S/);
      if (first < 0) {
        // Only whitespace so far: nothing to keep.
        this.pending = '';
        return [];
      }
      if (this.pending[first] === '[') {
        this.mode = 'array';
        this.pending = this.pending.slice(first + 1);
      } else {
        this.mode = 'lines';
      }
    }
    return this.mode === 'array' ? this.arrayEntries(last) : this.mode === 'lines' ? this.lineEntries(last) : [];
  }

  private lineEntries(last: boolean): (string | typeof TOO_LONG)[] {
    const out: (string | typeof TOO_LONG)[] = [];
    let from = 0;
    // The kept text before `scanned` holds no line break (it was searched by an earlier push).
    for (let newline = this.pending.indexOf('\n', this.scanned); newline >= 0; newline = this.pending.indexOf('\n', from)) {
      const line = this.pending.slice(from, newline);
      if (this.discarding) out.push(TOO_LONG);
      else if (line.trim() !== '') out.push(line);
      this.discarding = false;
      from = newline + 1;
    }
    this.pending = this.pending.slice(from);
    this.scanned = this.pending.length;
    if (this.pending.length > this.maxEntryChars) {
      this.discarding = true;
      this.pending = '';
      this.scanned = 0;
    }
    if (last) {
      if (this.discarding) out.push(TOO_LONG);
      else if (this.pending.trim() !== '') out.push(this.pending);
      this.pending = '';
      this.scanned = 0;
      this.discarding = false;
    }
    return out;
  }

  /** JSON array elements at depth 1: a scan that tracks strings and brackets. */
  private arrayEntries(last: boolean): (string | typeof TOO_LONG)[] {
    const out: (string | typeof TOO_LONG)[] = [];
    const entry = (from: number, to?: number): string | typeof TOO_LONG => (this.discarding ? TOO_LONG : text.slice(from, to));
    const text = this.pending;
    let i = this.scanned;
    let consumed = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        else {
          // Skip ahead to the next quote or backslash: most of a dataset is string content.
          const next = nextSpecial(text, i + 1);
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
            this.entryStart = -1;
            this.discarding = false;
            if (text.slice(i + 1).trim() !== '') this.trailingGarbage = true;
            this.mode = 'done';
            this.pending = '';
            this.scanned = 0;
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
      } else if (this.entryStart < 0 && c > 0x20) {
        this.entryStart = i;
      }
    }
    if (last) {
      if (this.entryStart >= 0) out.push(entry(this.entryStart));
      this.discarding = false;
      this.unterminated = true;
      this.pending = '';
      this.scanned = 0;
      return out;
    }
    if (this.entryStart >= 0 && (this.discarding || text.length - this.entryStart > this.maxEntryChars)) {
      // Past the limit: keep scanning the entry (strings, depth) but not its text.
      this.discarding = true;
      this.entryStart = 0;
      this.pending = '';
      this.scanned = 0;
      return out;
    }
    // Keep the unfinished entry; rebase the scan positions.
    const cut = this.entryStart >= 0 ? this.entryStart : consumed;
    this.pending = text.slice(cut);
    if (this.entryStart >= 0) this.entryStart -= cut;
    this.scanned = i - cut;
    return out;
  }
}

function nextSpecial(text: string, from: number): number {
  const quote = text.indexOf('"', from);
  const backslash = text.indexOf('\\', from);
  const end = quote < 0 ? text.length : quote;
  return backslash >= 0 && backslash < end ? backslash : end;
}

/**
 * An entry as the file holds it: its JSON text, not yet read (or why there is
 * none). `compile --dataset` reads the text into code where it compiles it,
 * in a worker thread, so the thread reading the file only splits it.
 */
export interface RawDatasetEntry {
  /** Position in the dataset, from 0. */
  readonly index: number;
  /** The entry's JSON text. */
  readonly json?: string;
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
export function* readDataset(path: string, field: string, display = path, chunkBytes = CHUNK_BYTES, maxEntryChars = MAX_ENTRY_CHARS): Generator<DatasetEntry> {
  for (const raw of readDatasetTexts(path, display, chunkBytes, maxEntryChars)) {
    if (raw.json === undefined) yield raw;
    else yield { ...entryOf(raw.json, raw.index, field, display), ...(raw.position === undefined ? {} : { position: raw.position }) };
  }
}

/**
 * The entries of a dataset file as JSON texts, in order (`readDataset`
 * without reading each text); `entryOf` reads one.
 */
export function* readDatasetTexts(path: string, display = path, chunkBytes = CHUNK_BYTES, maxEntryChars = MAX_ENTRY_CHARS): Generator<RawDatasetEntry> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    yield { index: 0, problem: diagnostic(D.unreadable, `cannot read the dataset: ${error instanceof Error ? error.message : String(error)}`, { file: display }) };
    return;
  }
  const decoder = new TextDecoder('utf-8');
  const splitter = new EntrySplitter(maxEntryChars);
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
      const text = last ? decoder.decode() : decoder.decode(buffer.subarray(0, read), { stream: true });
      for (const json of splitter.push(text, last)) {
        if (json === TOO_LONG) {
          yield {
            index: index++,
            problem: diagnostic(D.badEntry, `entry ${index - 1} is longer than ${maxEntryChars.toLocaleString('en-US')} characters; it is skipped`, { file: display }),
            position,
          };
        } else yield { index: index++, json, position };
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

/** Reads entry `index`'s JSON text: its code from `field`, or why it has none (SC9303). */
export function entryOf(json: string, index: number, field: string, file: string): DatasetEntry {
  let value: unknown;
  try {
    value = JSON.parse(json);
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
