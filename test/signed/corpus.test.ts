import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { extractSigned } from '../../src/signed/extract.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedFiles } from '../support/shared.js';

const files = sharedAvailable ? sharedFiles('corpus/signed') : [];

describeShared('signed corpus: extraction', () => {
  it('has the 178 signed files', () => {
    expect(files.length).toBe(178);
  });

  it.each(files.map((f) => [basename(f), f]))('%s extracts with every segment checksum matching', (_name, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const result = extractSigned(bytes);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { stats, plist, container } = result.value;
    expect(stats.checksumsMatched).toBe(stats.segments);
    expect(stats.segments).toBeGreaterThan(0);
    expect(container.rootHeader.checksum).toBe('sha256');
    expect(Buffer.from(plist.subarray(0, 8)).toString('latin1')).toBe('bplist00');
  });
});
