import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPickle } from '../../src/catalog/pickle/reader.js';
import { stringKeyedEntries, type PickleValue } from '../../src/catalog/pickle/value.js';
import { pickle } from '../support/pickle-writer.js';

function read(bytes: Uint8Array | number[]): PickleValue {
  const result = readPickle(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  expect(result.diagnostics).toEqual([]);
  expect(result.ok).toBe(true);
  return result.value as PickleValue;
}

function code(bytes: Uint8Array | number[] | string): string | undefined {
  const input = typeof bytes === 'string' ? Uint8Array.from(Buffer.from(bytes, 'latin1')) : bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
  const result = readPickle(input);
  expect(result.ok).toBe(false);
  return result.diagnostics[0]?.code;
}

describe('pickle reader: data', () => {
  it('reads a protocol-4 defaultdict of str → list of [id, dict] pairs, as identifier2json.pkl is shaped', () => {
    const entry = new Map<string, unknown>([
      ['name', 'is.workflow.actions.url'],
      ['required_parameters', [new Map([['name', 'WFURLActionURL'], ['type', 'WFURLParameter']])]],
    ]);
    const bytes = pickle({ defaultdict: 'str', entries: new Map([['is.workflow.actions.url', [['is.workflow.actions.url', entry as Map<string, never>]]]]) });
    const value = read(bytes);
    expect(value).toMatchObject({ kind: 'dict', defaultFactory: { kind: 'global', module: 'builtins', name: 'str' } });
    const top = stringKeyedEntries(value);
    const pairList = top?.get('is.workflow.actions.url');
    expect(pairList).toMatchObject({ kind: 'list', items: [{ kind: 'list', items: ['is.workflow.actions.url', { kind: 'dict' }] }] });
  });

  it('shares memoised strings (BINGET) and keeps dict order', () => {
    const value = read(pickle(new Map([['b', 'x'], ['a', 'x'], ['c', 'b']])));
    expect(value).toEqual({ kind: 'dict', entries: [['b', 'x'], ['a', 'x'], ['c', 'b']] });
  });

  it('reads sets (EMPTY_SET/ADDITEMS) and protocol-2 sets (__builtin__.set via REDUCE)', () => {
    expect(read(pickle({ set: ['a', 'b'] }))).toEqual({ kind: 'set', items: ['a', 'b'], frozen: false });
    expect(read(pickle({ set: ['a', 'b'] }, { protocol: 2 }))).toEqual({ kind: 'set', items: ['a', 'b'], frozen: false });
    expect(read(pickle({ defaultdict: 'list', entries: new Map([['k', ['v']]]) }, { protocol: 2 }))).toMatchObject({
      kind: 'dict',
      defaultFactory: { module: 'builtins', name: 'list' },
      entries: [['k', { kind: 'list', items: ['v'] }]],
    });
  });

  it('reads numbers, booleans, None, tuples and big integers exactly', () => {
    const value = read(pickle([0, 255, 256, 65535, 65536, -1, -(2 ** 31), 2n ** 70n, -(2n ** 70n), { float: 1.5 }, true, false, null, { tuple: ['t', 1] }]));
    expect(value).toEqual({
      kind: 'list',
      items: [
        { kind: 'int', value: 0n },
        { kind: 'int', value: 255n },
        { kind: 'int', value: 256n },
        { kind: 'int', value: 65535n },
        { kind: 'int', value: 65536n },
        { kind: 'int', value: -1n },
        { kind: 'int', value: -(2n ** 31n) },
        { kind: 'int', value: 2n ** 70n },
        { kind: 'int', value: -(2n ** 70n) },
        { kind: 'float', value: 1.5 },
        true,
        false,
        null,
        { kind: 'tuple', items: ['t', { kind: 'int', value: 1n }] },
      ],
    });
  });

  it('reads long lists written in several APPENDS batches, and non-ASCII text', () => {
    const list = Array.from({ length: 2500 }, (_, i) => `item ${i} – é 🙂`);
    const value = read(pickle(list, { batch: 1000 }));
    expect(value).toMatchObject({ kind: 'list' });
    expect((value as { items: unknown[] }).items).toEqual(list);
  });

  it('reads protocol-0 text opcodes (INT, LONG, FLOAT, STRING, UNICODE, PUT/GET, LIST, DICT)', () => {
    const text = "(lp0\nI42\naL12345678901234567890L\naF2.5\naS'it\\'s\\n'\naVcaf\\u00e9\np1\nag1\na(dp2\nS'k'\nI01\nsa.";
    const value = read(Uint8Array.from(Buffer.from(text, 'latin1')));
    expect(value).toEqual({
      kind: 'list',
      items: [
        { kind: 'int', value: 42n },
        { kind: 'int', value: 12345678901234567890n },
        { kind: 'float', value: 2.5 },
        "it's\n",
        'café',
        'café',
        { kind: 'dict', entries: [['k', true]] },
      ],
    });
  });

  it('round-trips random data structures written by the test writer', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const toPy = (v: unknown): never =>
          (Array.isArray(v) ? v.map(toPy) : v !== null && typeof v === 'object' ? new Map(Object.entries(v).map(([k, x]) => [k, toPy(x)])) : v) as never;
        const fromPickle = (p: PickleValue): unknown => {
          if (p === null || typeof p !== 'object') return p;
          if (p.kind === 'int') return Number(p.value);
          if (p.kind === 'list') return p.items.map(fromPickle);
          if (p.kind === 'dict') return Object.fromEntries(p.entries.map(([k, x]) => [k, fromPickle(x)]));
          return p;
        };
        const result = readPickle(pickle(toPy(value)));
        expect(result.ok).toBe(true);
        expect(fromPickle(result.value as PickleValue)).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });
});

describe('pickle reader: hostile input gives a diagnostic, never a crash', () => {
  const good = pickle({ defaultdict: 'str', entries: new Map([['a', ['b', new Map([['c', 'd']])]]]) });

  it('reports truncation at every cut point (SC7001)', () => {
    for (let cut = 0; cut < good.length; cut++) {
      const result = readPickle(good.subarray(0, cut));
      expect(result.ok).toBe(false);
      expect(['SC7001', 'SC7004']).toContain(result.diagnostics[0]?.code);
    }
  });

  it('refuses globals other than data types, without running anything (SC7003)', () => {
    expect(code('cos\nsystem\n(Vecho hi\ntR.')).toBe('SC7003');
    expect(code('cbuiltins\neval\n(Vprint(1)\ntR.')).toBe('SC7003');
    // STACK_GLOBAL of a forbidden name
    expect(code([0x80, 4, 0x8c, 2, ...Buffer.from('os'), 0x8c, 6, ...Buffer.from('system'), 0x93, 0x2e])).toBe('SC7003');
    // An allowed type called with REDUCE in a way a data pickle never does
    expect(code('cbuiltins\nstr\n(Vx\ntR.')).toBe('SC7003');
  });

  it('refuses opcodes that build objects (SC7002) and unknown opcodes', () => {
    expect(code([0x80, 4, 0x29, 0x62, 0x2e])).toBe('SC7002'); // BUILD
    expect(code([0x80, 4, 0x81, 0x2e])).toBe('SC7002'); // NEWOBJ
    expect(code([0x80, 4, 0x50, 0x2e])).toBe('SC7002'); // PERSID
    expect(code([0xff, 0x00])).toBe('SC7002');
    expect(code([0x80, 9, 0x4e, 0x2e])).toBe('SC7002'); // protocol 9
  });

  it('reports malformed stacks, marks and memo use (SC7004)', () => {
    expect(code([0x80, 4, 0x61, 0x2e])).toBe('SC7004'); // APPEND on empty stack
    expect(code([0x80, 4, 0x4e, 0x61, 0x2e])).toBe('SC7004'); // APPEND without a list below
    expect(code([0x80, 4, 0x65, 0x2e])).toBe('SC7004'); // APPENDS without MARK
    expect(code([0x80, 4, 0x68, 5, 0x2e])).toBe('SC7004'); // BINGET of a missing memo entry
    expect(code([0x80, 4, 0x4e, 0x4e, 0x2e])).toBe('SC7004'); // two values at STOP
    expect(code([0x80, 4, 0x28, 0x4e, 0x2e])).toBe('SC7004'); // unclosed MARK
    expect(code([0x80, 4, 0x7d, 0x28, 0x4e, 0x75, 0x2e])).toBe('SC7004'); // SETITEMS with a key but no value
    expect(code([0x80, 4, 0x7d, 0x5d, 0x4e, 0x73, 0x2e])).toBe('SC7004'); // unhashable key
    expect(code([0x80, 4, 0x8c, 2, 0xc3, 0x28, 0x2e])).toBe('SC7004'); // invalid UTF-8
    expect(code('I12x\n.')).toBe('SC7004');
  });

  it('refuses declared sizes beyond the input or the limits before allocating (SC7001/SC7005)', () => {
    expect(code([0x80, 4, 0x58, 0xff, 0xff, 0xff, 0x7f, 0x61])).toBe('SC7005'); // 2 GiB string
    expect(code([0x80, 4, 0x58, 0x10, 0, 0, 0, 0x61])).toBe('SC7001'); // 16 bytes declared, 1 present
    expect(code([0x80, 4, 0x8e, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])).toBe('SC7005'); // BINBYTES8 of 2^64
    expect(code([0x80, 4, 0x8b, 0xff, 0xff, 0xff, 0x7f])).toBe('SC7005'); // LONG4 of 2 GiB
    const result = readPickle(new Uint8Array(100), { maxBytes: 10 });
    expect(result.diagnostics[0]?.code).toBe('SC7005');
  });

  it('reads self-referencing and deeply nested containers without recursion', () => {
    // l = []; l.append(l)
    const cyclic = read([0x80, 4, 0x5d, 0x94, 0x68, 0, 0x61, 0x2e]);
    expect(cyclic).toMatchObject({ kind: 'list' });
    const items = (cyclic as { items: unknown[] }).items;
    expect(items[0]).toBe(cyclic);
    // 200,000 nested lists: [[[[…]]]]
    const depth = 200_000;
    const bytes = new Uint8Array(2 + depth * 2 + depth + 1);
    let i = 0;
    bytes[i++] = 0x80;
    bytes[i++] = 4;
    for (let d = 0; d < depth; d++) bytes[i++] = 0x5d;
    for (let d = 0; d < depth - 1; d++) bytes[i++] = 0x61;
    bytes[i++] = 0x2e;
    expect(readPickle(bytes.subarray(0, i)).ok).toBe(true);
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = readPickle(Uint8Array.from([0x80, 4, ...bytes]));
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.diagnostics[0]?.code).toMatch(/^SC700[1-5]$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutations of a real-shaped pickle', () => {
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const copy = Uint8Array.from(good);
        copy[at] = byte;
        const result = readPickle(copy);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
