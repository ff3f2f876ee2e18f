import { diagnostic, type DiagnosticDefinition } from '../../diagnostics/codes.js';
import { fail, ok, type Result } from '../../diagnostics/diagnostic.js';
import { catalogDiagnostics as D } from '../diagnostics.js';
import type { PickleDict, PickleGlobal, PickleValue } from './value.js';

/**
 * A safe reader for data-only Python pickles (protocols 0 to 5).
 *
 * It runs the pickle machine's data opcodes (numbers, strings, bytes, lists,
 * tuples, dicts, sets, the memo, framing) and nothing that builds arbitrary
 * objects: there is no import and no call. A `GLOBAL`/`STACK_GLOBAL` may only
 * name a handful of builtin types; `REDUCE` may only apply the container types
 * the WorkflowLLM files (and any re-pickling of them) use: `defaultdict`,
 * `OrderedDict`, `set`/`frozenset`, and `_codecs.encode` (how protocol 2
 * writes bytes). Every other opcode or global is an error, never executed.
 *
 * Why not the `pickleparser` package: measured on the WorkflowLLM files, it
 * cannot return Maps for a `defaultdict` (its Map mode fails with
 * "dict.set is not a function"), its object mode lets a pickle set an object's
 * prototype through a `__proto__` key, a missing memo entry silently becomes
 * `undefined`, and bad input ends in a TypeError without an offset. This
 * reader is small, typed, bounded (time and memory linear in the input, no
 * recursion) and reports every problem as a diagnostic with a byte offset.
 */

export interface PickleReadOptions {
  /** Inputs above this many bytes are refused (SC7005). Default 256 MiB. */
  readonly maxBytes?: number;
  /** Largest single string or bytes object accepted. Default 64 MiB. */
  readonly maxObjectBytes?: number;
}

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
const DEFAULT_MAX_OBJECT_BYTES = 64 * 1024 * 1024;
/** Python longs written by LONG4 with more bytes than this are refused (a 64 KiB integer is already absurd here). */
const MAX_LONG_BYTES = 65_536;

/** The globals a data pickle may name. `__builtin__` is Python 2's name for `builtins`. */
const ALLOWED_GLOBALS: ReadonlySet<string> = new Set([
  'builtins.str',
  'builtins.int',
  'builtins.float',
  'builtins.bool',
  'builtins.bytes',
  'builtins.list',
  'builtins.tuple',
  'builtins.dict',
  'builtins.set',
  'builtins.frozenset',
  'builtins.object',
  'collections.defaultdict',
  'collections.OrderedDict',
  '_codecs.encode',
]);

/** Opcodes that construct objects of arbitrary classes or need outside help: refused. */
const OBJECT_OPCODES: ReadonlyMap<number, string> = new Map([
  [0x50, 'PERSID'],
  [0x51, 'BINPERSID'],
  [0x62, 'BUILD'],
  [0x69, 'INST'],
  [0x6f, 'OBJ'],
  [0x81, 'NEWOBJ'],
  [0x92, 'NEWOBJ_EX'],
  [0x82, 'EXT1'],
  [0x83, 'EXT2'],
  [0x84, 'EXT4'],
  [0x97, 'NEXT_BUFFER'],
  [0x98, 'READONLY_BUFFER'],
]);

class PickleError extends Error {
  constructor(
    readonly definition: DiagnosticDefinition,
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A mark on the stack (MARK) is kept out of band: `marks` holds stack depths. */
type StackItem = PickleValue;

/**
 * Reads one pickle from `bytes`. Never throws: a malformed, truncated or
 * hostile input gives a failed Result with one SC700x diagnostic.
 */
export function readPickle(bytes: Uint8Array, options: PickleReadOptions = {}): Result<PickleValue> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    return fail([diagnostic(D.pickleTooLarge, `the pickle is ${bytes.length} bytes, more than the limit of ${maxBytes}`)]);
  }
  try {
    return ok(new PickleMachine(bytes, options.maxObjectBytes ?? DEFAULT_MAX_OBJECT_BYTES).run());
  } catch (error) {
    if (error instanceof PickleError) {
      return fail([diagnostic(error.definition, error.message, { location: { kind: 'bytes', offset: error.offset } })]);
    }
    // A RangeError from an allocation or similar: still a diagnostic, never a crash.
    const message = error instanceof Error ? error.message : String(error);
    return fail([diagnostic(D.pickleMalformed, `the pickle could not be read: ${message}`)]);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

class PickleMachine {
  private pos = 0;
  /** Offset of the opcode being run, for diagnostics. */
  private at = 0;
  private stack: StackItem[] = [];
  private readonly marks: number[] = [];
  private readonly memo = new Map<number, PickleValue>();
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxObjectBytes: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  run(): PickleValue {
    if (this.bytes.length === 0) throw this.error(D.pickleTruncated, 'the pickle is empty');
    for (;;) {
      this.at = this.pos;
      if (this.pos >= this.bytes.length) throw this.error(D.pickleTruncated, 'the pickle ends before its STOP opcode (the file is truncated)');
      const op = this.u8();
      if (op === 0x2e /* STOP */) {
        if (this.marks.length > 0) throw this.error(D.pickleMalformed, 'STOP with an unclosed MARK');
        if (this.stack.length !== 1) throw this.error(D.pickleMalformed, `STOP with ${this.stack.length} values on the stack (expected exactly one)`);
        return this.stack[0] as PickleValue;
      }
      this.step(op);
    }
  }

  // ─── opcodes ──────────────────────────────────────────────────────────────

  private step(op: number): void {
    switch (op) {
      // Framing and protocol
      case 0x80 /* PROTO */: {
        const version = this.u8();
        if (version > 5) throw this.error(D.pickleBadOpcode, `pickle protocol ${version} is newer than 5, the newest this reader knows`);
        return;
      }
      case 0x95 /* FRAME */:
        // Frames only group opcodes for buffered reading; the length is a hint.
        this.take(8);
        return;

      // Stack manipulation
      case 0x28 /* MARK */:
        this.marks.push(this.stack.length);
        return;
      case 0x30 /* POP */:
        if (this.marks.length > 0 && this.marks[this.marks.length - 1] === this.stack.length) {
          // CPython pops the mark when the top of the stack is a mark.
          this.marks.pop();
        } else {
          this.pop();
        }
        return;
      case 0x31 /* POP_MARK */:
        this.popMark();
        return;
      case 0x32 /* DUP */:
        this.push(this.peek());
        return;

      // Memo
      case 0x70 /* PUT */:
        this.memo.set(this.decimalIndex(this.line()), this.peek());
        return;
      case 0x71 /* BINPUT */:
        this.memo.set(this.u8(), this.peek());
        return;
      case 0x72 /* LONG_BINPUT */:
        this.memo.set(this.u32(), this.peek());
        return;
      case 0x94 /* MEMOIZE */:
        this.memo.set(this.memo.size, this.peek());
        return;
      case 0x67 /* GET */:
        this.push(this.memoGet(this.decimalIndex(this.line())));
        return;
      case 0x68 /* BINGET */:
        this.push(this.memoGet(this.u8()));
        return;
      case 0x6a /* LONG_BINGET */:
        this.push(this.memoGet(this.u32()));
        return;

      // Constants and numbers
      case 0x4e /* NONE */:
        this.push(null);
        return;
      case 0x88 /* NEWTRUE */:
        this.push(true);
        return;
      case 0x89 /* NEWFALSE */:
        this.push(false);
        return;
      case 0x4a /* BININT */:
        this.push({ kind: 'int', value: BigInt(this.view.getInt32(this.advance(4), true)) });
        return;
      case 0x4b /* BININT1 */:
        this.push({ kind: 'int', value: BigInt(this.u8()) });
        return;
      case 0x4d /* BININT2 */:
        this.push({ kind: 'int', value: BigInt(this.view.getUint16(this.advance(2), true)) });
        return;
      case 0x8a /* LONG1 */:
        this.push({ kind: 'int', value: decodeLong(this.take(this.u8())) });
        return;
      case 0x8b /* LONG4 */: {
        const n = this.view.getInt32(this.advance(4), true);
        if (n < 0) throw this.error(D.pickleMalformed, 'LONG4 with a negative byte count');
        if (n > MAX_LONG_BYTES) throw this.error(D.pickleTooLarge, `an integer of ${n} bytes is larger than this reader accepts (${MAX_LONG_BYTES})`);
        this.push({ kind: 'int', value: decodeLong(this.take(n)) });
        return;
      }
      case 0x49 /* INT */: {
        const text = this.line();
        // Protocol 0 writes True and False as INT 01 and INT 00.
        if (text === '01') this.push(true);
        else if (text === '00') this.push(false);
        else this.push({ kind: 'int', value: this.decimal(text) });
        return;
      }
      case 0x4c /* LONG */:
        this.push({ kind: 'int', value: this.decimal(this.line().replace(/L$/, '')) });
        return;
      case 0x47 /* BINFLOAT */:
        this.push({ kind: 'float', value: this.view.getFloat64(this.advance(8), false) });
        return;
      case 0x46 /* FLOAT */: {
        const text = this.line().trim();
        const value = Number(text);
        if (text === '' || (Number.isNaN(value) && !/^[+-]?nan$/i.test(text))) throw this.error(D.pickleMalformed, `FLOAT with text ${JSON.stringify(text.slice(0, 40))}`);
        this.push({ kind: 'float', value });
        return;
      }

      // Strings and bytes
      case 0x8c /* SHORT_BINUNICODE */:
        this.push(this.utf8String(this.u8()));
        return;
      case 0x58 /* BINUNICODE */:
        this.push(this.utf8String(this.u32()));
        return;
      case 0x8d /* BINUNICODE8 */:
        this.push(this.utf8String(this.u64()));
        return;
      case 0x56 /* UNICODE */:
        this.push(decodeRawUnicodeEscape(this.line(), (message) => this.error(D.pickleMalformed, message)));
        return;
      case 0x55 /* SHORT_BINSTRING */:
        this.push(latin1.decode(this.take(this.u8())));
        return;
      case 0x54 /* BINSTRING */: {
        const n = this.view.getInt32(this.advance(4), true);
        if (n < 0) throw this.error(D.pickleMalformed, 'BINSTRING with a negative length');
        this.push(latin1.decode(this.take(this.sized(n))));
        return;
      }
      case 0x53 /* STRING */:
        this.push(decodeQuotedString(this.line(), (message) => this.error(D.pickleMalformed, message)));
        return;
      case 0x43 /* SHORT_BINBYTES */:
        this.push({ kind: 'bytes', bytes: this.take(this.u8()).slice() });
        return;
      case 0x42 /* BINBYTES */:
        this.push({ kind: 'bytes', bytes: this.take(this.sized(this.u32())).slice() });
        return;
      case 0x8e /* BINBYTES8 */:
      case 0x96 /* BYTEARRAY8 */:
        this.push({ kind: 'bytes', bytes: this.take(this.sized(this.u64())).slice() });
        return;

      // Tuples
      case 0x29 /* EMPTY_TUPLE */:
        this.push({ kind: 'tuple', items: [] });
        return;
      case 0x85 /* TUPLE1 */:
        this.push({ kind: 'tuple', items: this.popN(1) });
        return;
      case 0x86 /* TUPLE2 */:
        this.push({ kind: 'tuple', items: this.popN(2) });
        return;
      case 0x87 /* TUPLE3 */:
        this.push({ kind: 'tuple', items: this.popN(3) });
        return;
      case 0x74 /* TUPLE */:
        this.push({ kind: 'tuple', items: this.popMark() });
        return;

      // Lists
      case 0x5d /* EMPTY_LIST */:
        this.push({ kind: 'list', items: [] });
        return;
      case 0x6c /* LIST */:
        this.push({ kind: 'list', items: this.popMark() });
        return;
      case 0x61 /* APPEND */: {
        const item = this.pop();
        this.listOnTop('APPEND').push(item);
        return;
      }
      case 0x65 /* APPENDS */: {
        const items = this.popMark();
        const list = this.listOnTop('APPENDS');
        // A loop, not push(...items): spreading a huge batch overflows the call stack.
        for (const item of items) list.push(item);
        return;
      }

      // Dicts
      case 0x7d /* EMPTY_DICT */:
        this.push({ kind: 'dict', entries: [] });
        return;
      case 0x64 /* DICT */: {
        const dict: PickleDict = { kind: 'dict', entries: [] };
        this.setItems(dict, this.popMark(), 'DICT');
        this.push(dict);
        return;
      }
      case 0x73 /* SETITEM */: {
        const pair = this.popN(2);
        this.setItems(this.dictOnTop('SETITEM'), pair, 'SETITEM');
        return;
      }
      case 0x75 /* SETITEMS */: {
        const items = this.popMark();
        this.setItems(this.dictOnTop('SETITEMS'), items, 'SETITEMS');
        return;
      }

      // Sets
      case 0x8f /* EMPTY_SET */:
        this.push({ kind: 'set', items: [], frozen: false });
        return;
      case 0x90 /* ADDITEMS */: {
        const items = this.popMark();
        const top = this.peek();
        if (typeof top !== 'object' || top === null || top.kind !== 'set' || top.frozen) {
          throw this.error(D.pickleMalformed, 'ADDITEMS without a set on the stack');
        }
        for (const item of items) top.items.push(item);
        return;
      }
      case 0x91 /* FROZENSET */:
        this.push({ kind: 'set', items: this.popMark(), frozen: true });
        return;

      // Globals and calls (allow-listed)
      case 0x63 /* GLOBAL */: {
        const module = this.line();
        const name = this.line();
        this.push(this.global(module, name));
        return;
      }
      case 0x93 /* STACK_GLOBAL */: {
        const [module, name] = this.popN(2);
        if (typeof module !== 'string' || typeof name !== 'string') throw this.error(D.pickleMalformed, 'STACK_GLOBAL without a module and a name (two strings) on the stack');
        this.push(this.global(module, name));
        return;
      }
      case 0x52 /* REDUCE */: {
        const [callable, args] = this.popN(2);
        this.push(this.reduce(callable ?? null, args ?? null));
        return;
      }

      default: {
        const name = OBJECT_OPCODES.get(op);
        if (name !== undefined) {
          throw this.error(D.pickleBadOpcode, `opcode ${name} builds an arbitrary Python object; only data pickles (dicts, lists, strings, numbers, sets) are read`);
        }
        throw this.error(D.pickleBadOpcode, `unknown opcode 0x${op.toString(16).padStart(2, '0')}: this is not a pickle, or it is corrupted`);
      }
    }
  }

  private global(module: string, name: string): PickleGlobal {
    const canonical = module === '__builtin__' ? 'builtins' : module;
    if (!ALLOWED_GLOBALS.has(`${canonical}.${name}`)) {
      throw this.error(
        D.pickleForbiddenGlobal,
        `the pickle refers to the Python global ${module}.${name}; only builtin data types and collections.defaultdict/OrderedDict are allowed, nothing is imported or run`,
      );
    }
    return { kind: 'global', module: canonical, name };
  }

  private reduce(callable: PickleValue, args: PickleValue): PickleValue {
    if (typeof callable !== 'object' || callable === null || callable.kind !== 'global') {
      throw this.error(D.pickleMalformed, 'REDUCE without a callable global on the stack');
    }
    if (typeof args !== 'object' || args === null || args.kind !== 'tuple') throw this.error(D.pickleMalformed, 'REDUCE without an argument tuple');
    const name = `${callable.module}.${callable.name}`;
    const a = args.items;
    switch (name) {
      case 'collections.defaultdict': {
        const factory = a[0] ?? null;
        if (a.length > 1 || (factory !== null && (typeof factory !== 'object' || factory.kind !== 'global'))) {
          throw this.error(D.pickleMalformed, 'defaultdict() with arguments other than one default factory');
        }
        return { kind: 'dict', entries: [], defaultFactory: factory };
      }
      case 'collections.OrderedDict':
      case 'builtins.dict': {
        const dict: PickleDict = { kind: 'dict', entries: [] };
        if (a.length === 1) {
          const pairs = a[0];
          if (typeof pairs !== 'object' || pairs === null || (pairs.kind !== 'list' && pairs.kind !== 'tuple')) {
            throw this.error(D.pickleMalformed, `${callable.name}() with an argument that is not a list of pairs`);
          }
          for (const pair of pairs.items) {
            if (typeof pair !== 'object' || pair === null || (pair.kind !== 'list' && pair.kind !== 'tuple') || pair.items.length !== 2) {
              throw this.error(D.pickleMalformed, `${callable.name}() with an item that is not a (key, value) pair`);
            }
            dict.entries.push([pair.items[0] as PickleValue, pair.items[1] as PickleValue]);
          }
        } else if (a.length > 1) {
          throw this.error(D.pickleMalformed, `${callable.name}() with ${a.length} arguments`);
        }
        return dict;
      }
      case 'builtins.set':
      case 'builtins.frozenset':
      case 'builtins.list':
      case 'builtins.tuple': {
        const source = a[0];
        let items: PickleValue[] = [];
        if (a.length === 1) {
          if (typeof source !== 'object' || source === null || (source.kind !== 'list' && source.kind !== 'tuple' && source.kind !== 'set')) {
            throw this.error(D.pickleMalformed, `${callable.name}() with an argument that is not a sequence`);
          }
          items = [...source.items];
        } else if (a.length > 1) {
          throw this.error(D.pickleMalformed, `${callable.name}() with ${a.length} arguments`);
        }
        if (callable.name === 'list') return { kind: 'list', items };
        if (callable.name === 'tuple') return { kind: 'tuple', items };
        return { kind: 'set', items, frozen: callable.name === 'frozenset' };
      }
      case '_codecs.encode': {
        // Protocol 2 writes bytes as _codecs.encode('text', 'latin1').
        const [text, encoding] = a;
        if (typeof text !== 'string' || encoding !== 'latin1' || a.length !== 2) {
          throw this.error(D.pickleMalformed, '_codecs.encode() is allowed only as encode(str, "latin1") (how protocol 2 writes bytes)');
        }
        const out = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          if (code > 0xff) throw this.error(D.pickleMalformed, '_codecs.encode() of text that is not Latin-1');
          out[i] = code;
        }
        return { kind: 'bytes', bytes: out };
      }
      default:
        throw this.error(D.pickleForbiddenGlobal, `the pickle calls ${name}(), which a data pickle never needs; nothing is run`);
    }
  }

  private setItems(dict: PickleDict, items: readonly PickleValue[], op: string): void {
    if (items.length % 2 !== 0) throw this.error(D.pickleMalformed, `${op} with an odd number of items (keys without values)`);
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i] as PickleValue;
      if (!isHashable(key)) throw this.error(D.pickleMalformed, `${op} with an unhashable key (a list, dict or set)`);
      dict.entries.push([key, items[i + 1] as PickleValue]);
    }
  }

  // ─── stack ────────────────────────────────────────────────────────────────

  private push(value: PickleValue): void {
    this.stack.push(value);
  }

  private floor(): number {
    return this.marks.length > 0 ? (this.marks[this.marks.length - 1] as number) : 0;
  }

  private pop(): PickleValue {
    if (this.stack.length <= this.floor()) throw this.error(D.pickleMalformed, 'an opcode needs a value but the stack is empty (or only holds a MARK)');
    return this.stack.pop() as PickleValue;
  }

  private popN(n: number): PickleValue[] {
    if (this.stack.length - n < this.floor()) throw this.error(D.pickleMalformed, `an opcode needs ${n} values but the stack holds fewer`);
    return this.stack.splice(this.stack.length - n, n);
  }

  private peek(): PickleValue {
    if (this.stack.length <= this.floor()) throw this.error(D.pickleMalformed, 'an opcode needs a value but the stack is empty (or only holds a MARK)');
    return this.stack[this.stack.length - 1] as PickleValue;
  }

  /** Pops everything above the most recent MARK, and the mark. */
  private popMark(): PickleValue[] {
    const mark = this.marks.pop();
    if (mark === undefined) throw this.error(D.pickleMalformed, 'an opcode needs a MARK but there is none');
    return this.stack.splice(mark);
  }

  private listOnTop(op: string): PickleValue[] {
    const top = this.peek();
    if (typeof top !== 'object' || top === null || top.kind !== 'list') throw this.error(D.pickleMalformed, `${op} without a list on the stack`);
    return top.items;
  }

  private dictOnTop(op: string): PickleDict {
    const top = this.peek();
    if (typeof top !== 'object' || top === null || top.kind !== 'dict') throw this.error(D.pickleMalformed, `${op} without a dict on the stack`);
    return top;
  }

  private memoGet(index: number): PickleValue {
    const value = this.memo.get(index);
    if (value === undefined) throw this.error(D.pickleMalformed, `the pickle reads memo entry ${index}, which was never stored`);
    return value;
  }

  // ─── bytes ────────────────────────────────────────────────────────────────

  private advance(n: number): number {
    if (this.bytes.length - this.pos < n) {
      throw this.error(D.pickleTruncated, `the pickle ends inside an opcode (needs ${n} more bytes, ${this.bytes.length - this.pos} left): the file is truncated`);
    }
    const start = this.pos;
    this.pos += n;
    return start;
  }

  private take(n: number): Uint8Array {
    const start = this.advance(n);
    return this.bytes.subarray(start, start + n);
  }

  private u8(): number {
    return this.bytes[this.advance(1)] as number;
  }

  private u32(): number {
    return this.view.getUint32(this.advance(4), true);
  }

  private u64(): number {
    const start = this.advance(8);
    const value = this.view.getBigUint64(start, true);
    // Any length beyond the input is a truncation; report it as such below.
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  }

  /** A declared length, checked against the object limit before anything is allocated. */
  private sized(n: number): number {
    if (n > this.maxObjectBytes) throw this.error(D.pickleTooLarge, `a string or bytes object of ${n} bytes is larger than the limit of ${this.maxObjectBytes}`);
    return n;
  }

  private utf8String(n: number): string {
    const raw = this.take(this.sized(n));
    try {
      return utf8.decode(raw);
    } catch {
      throw this.error(D.pickleMalformed, 'a string is not valid UTF-8');
    }
  }

  /** A protocol-0 text argument, up to and without its newline. */
  private line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw this.error(D.pickleTruncated, 'the pickle ends inside a text argument (no newline): the file is truncated');
    const text = latin1.decode(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return text;
  }

  private decimal(text: string): bigint {
    if (!/^[+-]?\d{1,5000}$/.test(text.trim())) throw this.error(D.pickleMalformed, `expected a decimal integer, found ${JSON.stringify(text.slice(0, 40))}`);
    return BigInt(text.trim());
  }

  private decimalIndex(text: string): number {
    const value = this.decimal(text);
    if (value < 0n || value > 0xffffffffn) throw this.error(D.pickleMalformed, `memo index ${value} is out of range`);
    return Number(value);
  }

  private error(definition: DiagnosticDefinition, message: string): PickleError {
    return new PickleError(definition, `${message} (opcode at byte ${this.at})`, this.at);
  }
}

function isHashable(value: PickleValue): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (value.kind === 'list' || value.kind === 'dict') return false;
  if (value.kind === 'set') return value.frozen;
  if (value.kind === 'tuple') return value.items.every(isHashable);
  return true;
}

/** Python's little-endian two's-complement long encoding. */
function decodeLong(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] as number);
  if (((bytes[bytes.length - 1] as number) & 0x80) !== 0) value -= 1n << BigInt(8 * bytes.length);
  return value;
}

/** Protocol 0's UNICODE argument: raw-unicode-escape (\uXXXX, \UXXXXXXXX, other bytes Latin-1). */
function decodeRawUnicodeEscape(text: string, error: (message: string) => Error): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_match, short: string | undefined, long: string | undefined) => {
    const code = parseInt(short ?? long ?? '', 16);
    if (code > 0x10ffff) throw error('a \\U escape beyond U+10FFFF');
    return String.fromCodePoint(code);
  });
}

/** Protocol 0's STRING argument: a quoted Python 2 str literal. */
function decodeQuotedString(text: string, error: (message: string) => Error): string {
  const quote = text[0];
  if (text.length < 2 || (quote !== "'" && quote !== '"') || text[text.length - 1] !== quote) {
    throw error('a STRING argument is not a quoted string');
  }
  const body = text.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_match, esc: string) => {
    if (esc.startsWith('x')) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]+$/.test(esc)) return String.fromCharCode(parseInt(esc, 8) & 0xff);
    return simple[esc] ?? `\\${esc}`;
  });
}
