import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataset, type DatasetEntry } from '../../src/compile/dataset.js';

function file(content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'shortcutc-dataset-')), 'data.json');
  writeFileSync(path, content);
  return path;
}

const read = (content: string, chunk?: number, field = 'annotated_code'): DatasetEntry[] => [...readDataset(file(content), field, 'data.json', chunk)];

describe('reading datasets', () => {
  const samples = [
    { annotated_code: 'x = 1\n', query: 'a "quoted" [bracket] {brace}, comma' },
    { annotated_code: "y = '''ü 😀 \\\\ \\\"'''\n" },
    { annotated_code: '' },
  ];

  it('reads a JSON array and JSON lines the same, whatever the chunk size', () => {
    const array = JSON.stringify(samples, null, 2);
    const lines = samples.map((s) => JSON.stringify(s)).join('\n');
    const expected = samples.map((s, index) => ({ index, code: s.annotated_code }));
    for (const chunk of [1, 2, 3, 7, 64, undefined]) {
      expect(read(array, chunk).map(({ index, code }) => ({ index, code }))).toEqual(expected);
      expect(read(lines, chunk).map(({ index, code }) => ({ index, code }))).toEqual(expected);
    }
  });

  it('property: any array of objects with strings reads back entry by entry at any chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ annotated_code: fc.string({ unit: 'binary' }), other: fc.jsonValue() }), { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), (entries, chunk) => {
        const got = read(JSON.stringify(entries), chunk);
        expect(got.map((e) => e.code)).toEqual(entries.map((e) => e.annotated_code));
        const lines = read(entries.map((e) => JSON.stringify(e)).join('\n'), chunk);
        expect(lines.map((e) => e.code)).toEqual(entries.map((e) => e.annotated_code));
      }),
      { numRuns: 100 },
    );
  });

  it('reports entries without the field, with what the entry has', () => {
    const got = read('[{"code": "x"}, 3, {"annotated_code": 1}, {"annotated_code": "ok"}]');
    expect(got.map((e) => e.problem?.code ?? 'ok')).toEqual(['SC9303', 'SC9303', 'SC9303', 'ok']);
    expect(got[0]!.problem!.suggestion).toContain('code');
    expect(read('[{"code": "x"}]', undefined, 'code')[0]!.code).toBe('x');
  });

  it('reports a cut-off array, text after it, broken lines and an unreadable file', () => {
    expect(read('[{"annotated_code": "a"}, {"annotated_code": "b"').map((e) => e.problem?.code ?? e.code)).toEqual(['a', 'SC9303', 'SC9302']);
    expect(read('[{"annotated_code": "a"}] junk').map((e) => e.problem?.code ?? e.code)).toEqual(['a', 'SC9302']);
    expect(read('{"annotated_code": "a"}\n{broken\n\n{"annotated_code": "c"}\n').map((e) => e.problem?.code ?? e.code)).toEqual(['a', 'SC9303', 'c']);
    expect([...readDataset(join(tmpdir(), 'no-such-shortcutc-dataset.json'), 'annotated_code')].map((e) => e.problem?.code)).toEqual(['SC9301']);
    expect(read('')).toEqual([]);
    expect(read('[]')).toEqual([]);
  });

  it('splits on bytes: a byte order mark, CRLF lines, characters cut by chunk ends, malformed UTF-8 and text after the array in a later chunk', () => {
    const bom = '\uFEFF';
    for (const chunk of [1, 2, 3, 5, undefined]) {
      expect(read(`${bom}[{"annotated_code": "ü"}]`, chunk).map((e) => e.code)).toEqual(['ü']);
      expect(read(`${bom}{"annotated_code": "a"}\r\n\r\n{"annotated_code": "😀"}\r\n`, chunk).map((e) => e.code)).toEqual(['a', '😀']);
      expect(read(`[{"annotated_code": "a"}]${' '.repeat(20)}x`, chunk).map((e) => e.problem?.code ?? e.code)).toEqual(['a', 'SC9302']);
    }
    const malformed = Buffer.concat([Buffer.from('{"annotated_code": "a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}\n')]);
    expect([...readDataset(file(malformed), 'annotated_code', 'data.json', 2)].map((e) => e.code)).toEqual(['a\uFFFD\uFFFDb']);
  });
});
