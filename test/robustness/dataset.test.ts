/**
 * The dataset reader streams multi-gigabyte files in chunks; an entry or
 * line that never ends (a file of NUL bytes, /dev/zero, a runaway string)
 * must not grow without bound or be rescanned on every chunk. Entries past
 * the limit are skipped with SC9303 and the entries after them still read.
 * (The limit is 64 MiB; these tests pass a small one.)
 */
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

const LIMIT = 1_000;
const summary = (entries: readonly DatasetEntry[]): string[] => entries.map((e) => e.problem?.code ?? `code:${e.code}`);
const read = (content: string | Uint8Array, chunk: number): DatasetEntry[] => [...readDataset(file(content), 'annotated_code', 'data.json', chunk, LIMIT)];

describe('dataset entries longer than the reader keeps', () => {
  const good = JSON.stringify({ annotated_code: 'x = 1' });
  const long = JSON.stringify({ annotated_code: 'y'.repeat(5 * LIMIT) });

  it('JSON lines: a long line is skipped, the lines around it read, whatever the chunk size', () => {
    for (const chunk of [7, 64, 4096]) {
      expect(summary(read([good, long, good].join('\n'), chunk))).toEqual(['code:x = 1', 'SC9303', 'code:x = 1']);
    }
  });

  it('a JSON array: a long entry (strings, brackets and all) is skipped, the entries around it read', () => {
    const tricky = JSON.stringify({ annotated_code: `${'[{"'.repeat(LIMIT)}],`, other: ['a', { b: 'c' }] });
    for (const chunk of [7, 64, 4096]) {
      expect(summary(read(`[${good}, ${long}, ${good}, ${tricky}, ${good}]`, chunk))).toEqual(['code:x = 1', 'SC9303', 'code:x = 1', 'SC9303', 'code:x = 1']);
    }
  });

  it('a megabyte of NUL bytes with no line break: one entry, skipped', () => {
    const entries = read(new Uint8Array(1024 * 1024), 4096);
    expect(summary(entries)).toEqual(['SC9303']);
    expect(entries[0]!.problem!.message).toContain('longer than 1,000 bytes');
  });

  it('a megabyte of whitespace: no entries, nothing kept', () => {
    expect(read(' \n\t'.repeat(300_000), 4096)).toEqual([]);
  });

  it('a JSON array cut off inside a long entry: the entry is skipped and the cut reported', () => {
    expect(summary(read(`[${good}, {"annotated_code": "${'z'.repeat(5 * LIMIT)}`, 64))).toEqual(['code:x = 1', 'SC9303', 'SC9302']);
  });
});

describe('dataset files of random bytes', () => {
  it('property: any bytes, at any chunk size, read without an exception into located entries or problems', () => {
    const structural = fc.constantFrom(...'[]{}",\\\n\r \t:'.split('').map((c) => c.charCodeAt(0)), 0xef, 0xbb, 0xbf, 0xff, 0x80, 0x61);
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.array(structural, { maxLength: 300 }).map((b) => Uint8Array.from(b))), fc.integer({ min: 1, max: 64 }), (bytes, chunk) => {
        const entries = read(bytes, chunk);
        // Each entry is read from at least one byte, so there cannot be more entries than bytes (plus one closing problem).
        expect(entries.length).toBeLessThanOrEqual(bytes.length + 1);
        for (const entry of entries) expect(entry.code !== undefined || entry.problem !== undefined).toBe(true);
        entries.forEach((entry, i) => expect(entry.index).toBeLessThanOrEqual(i));
      }),
      { numRuns: 300 },
    );
  });
});
