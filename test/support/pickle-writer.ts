/**
 * A tiny pickle writer for tests (never shipped): builds the byte streams
 * Python's pickle module writes for plain data, so unit tests can feed the
 * reader realistic files without Python or ../shared.
 *
 * Protocol 4 as Python 3 writes it by default (FRAME, MEMOIZE, STACK_GLOBAL,
 * SHORT_BINUNICODE, EMPTY_SET/ADDITEMS, MARK…SETITEMS/APPENDS batches,
 * BINGET for repeated strings) or protocol 2 (GLOBAL, BINPUT, REDUCE for
 * sets, BINUNICODE).
 */
export type Py =
  | null
  | boolean
  | string
  | number
  | bigint
  | { readonly float: number }
  | readonly Py[]
  | { readonly tuple: readonly Py[] }
  | ReadonlyMap<Py, Py>
  | { readonly defaultdict: 'str' | 'list' | null; readonly entries: ReadonlyMap<Py, Py> }
  | { readonly set: readonly Py[] };

export interface PickleOptions {
  readonly protocol?: 2 | 4;
  /** Write FRAME opcodes (protocol 4). Default true. */
  readonly frame?: boolean;
  /** Items per APPENDS/SETITEMS batch (Python uses 1000). */
  readonly batch?: number;
}

export function pickle(value: Py, options: PickleOptions = {}): Uint8Array {
  const protocol = options.protocol ?? 4;
  const batch = options.batch ?? 1000;
  const body: number[] = [];
  const memo = new Map<string, number>();
  let memoCount = 0;
  const enc = new TextEncoder();

  const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const put = (): void => {
    if (protocol >= 4) body.push(0x94);
    else body.push(0x71, memoCount & 0xff);
    memoCount++;
  };
  const str = (s: string, remember = true): void => {
    const seen = memo.get(s);
    if (remember && seen !== undefined) {
      body.push(...(seen < 256 ? [0x68, seen] : [0x6a, ...u32(seen)]));
      return;
    }
    const bytes = enc.encode(s);
    if (protocol >= 4 && bytes.length < 256) body.push(0x8c, bytes.length, ...bytes);
    else body.push(0x58, ...u32(bytes.length), ...bytes);
    if (remember) memo.set(s, memoCount);
    put();
  };
  const global = (module: string, name: string): void => {
    if (protocol >= 4) {
      str(module);
      str(name);
      body.push(0x93);
      put();
    } else {
      body.push(0x63, ...enc.encode(`${module}\n${name}\n`));
      put();
    }
  };
  const int = (n: bigint): void => {
    if (n >= 0n && n < 256n) body.push(0x4b, Number(n));
    else if (n >= 0n && n < 65536n) body.push(0x4d, Number(n) & 0xff, Number(n) >> 8);
    else if (n >= -(2n ** 31n) && n < 2n ** 31n) body.push(0x4a, ...u32(Number(BigInt.asUintN(32, n))));
    else {
      const bytes: number[] = [];
      let v = n;
      while (v !== 0n && v !== -1n) {
        bytes.push(Number(v & 0xffn));
        v >>= 8n;
      }
      if (n > 0n && ((bytes[bytes.length - 1] ?? 0) & 0x80) !== 0) bytes.push(0);
      if (n < 0n && ((bytes[bytes.length - 1] ?? 0) & 0x80) === 0) bytes.push(0xff);
      body.push(0x8a, bytes.length, ...bytes);
    }
  };
  const items = (list: readonly Py[], op: number): void => {
    for (let i = 0; i < list.length; i += batch) {
      const chunk = list.slice(i, i + batch);
      if (chunk.length === 1 && op === 0x65) {
        write(chunk[0] as Py);
        body.push(0x61);
      } else {
        body.push(0x28);
        chunk.forEach(write);
        body.push(op);
      }
    }
  };
  const dictItems = (entries: ReadonlyMap<Py, Py>): void => {
    const flat: Py[] = [];
    for (const [k, v] of entries) flat.push(k, v);
    for (let i = 0; i < flat.length; i += batch * 2) {
      body.push(0x28);
      flat.slice(i, i + batch * 2).forEach(write);
      body.push(0x75);
    }
  };
  function write(v: Py): void {
    if (v === null) body.push(0x4e);
    else if (v === true) body.push(0x88);
    else if (v === false) body.push(0x89);
    else if (typeof v === 'string') str(v);
    else if (typeof v === 'bigint') int(v);
    else if (typeof v === 'number') {
      if (Number.isInteger(v)) int(BigInt(v));
      else writeFloat(v);
    } else if (Array.isArray(v)) {
      body.push(0x5d);
      put();
      items(v as readonly Py[], 0x65);
    } else if (v instanceof Map) {
      body.push(0x7d);
      put();
      dictItems(v);
    } else if ('float' in v) writeFloat(v.float);
    else if ('tuple' in v) {
      body.push(0x28);
      v.tuple.forEach(write);
      body.push(0x74);
      put();
    } else if ('defaultdict' in v) {
      global('collections', 'defaultdict');
      if (v.defaultdict === null) body.push(0x29);
      else {
        global(protocol >= 4 ? 'builtins' : '__builtin__', v.defaultdict);
        body.push(0x85);
      }
      put();
      body.push(0x52);
      put();
      dictItems(v.entries);
    } else if ('set' in v) {
      if (protocol >= 4) {
        body.push(0x8f);
        put();
        body.push(0x28);
        v.set.forEach(write);
        body.push(0x90);
      } else {
        global('__builtin__', 'set');
        body.push(0x5d);
        put();
        items(v.set, 0x65);
        body.push(0x85);
        put();
        body.push(0x52);
        put();
      }
    }
  }
  function writeFloat(f: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, f, false);
    body.push(0x47, ...b);
  }

  write(value);
  body.push(0x2e);
  const head = [0x80, protocol];
  if (protocol >= 4 && options.frame !== false) {
    const n = body.length;
    head.push(0x95, ...u32(n), 0, 0, 0, 0);
  }
  return Uint8Array.from([...head, ...body]);
}
