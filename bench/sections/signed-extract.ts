/**
 * Extracting every signed corpus file (AEA1 layout, LZFSE, SHA-256 of every
 * segment, Apple Archive), in MB/s of decompressed output on one core, and
 * the LZFSE decoder alone on the same segments.
 * Target: extraction at least 100 MB/s.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAeaLayout } from '../../src/signed/aea.js';
import { extractSigned } from '../../src/signed/extract.js';
import { LzfseDecoder } from '../../src/signed/lzfse/decode.js';
import { race, table, type BenchSection } from '../harness.js';

const TARGET_MB_PER_S = 100;

export const signedExtractSection: BenchSection = {
  name: 'signed-extract',
  description: `extracting all signed corpus files, MB/s of decompressed output (target ≥ ${TARGET_MB_PER_S} MB/s)`,
  run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const folder = join(sharedDir, 'corpus', 'signed');
    const files = readdirSync(folder)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => new Uint8Array(readFileSync(join(folder, name))));
    let decompressed = 0;
    let lzfseBytes = 0;
    const segments: { payload: Uint8Array; size: number }[] = [];
    for (const file of files) {
      const result = extractSigned(file);
      if (!result.ok) throw new Error(`a signed corpus file does not extract: ${result.diagnostics[0]?.message ?? ''}`);
      decompressed += result.value.archive.length;
      for (const cluster of readAeaLayout(file).clusters) {
        for (const s of cluster.segments) {
          if (s.compressedSize === s.originalSize) continue; // stored raw
          segments.push({ payload: file.subarray(s.payloadOffset, s.payloadOffset + s.compressedSize), size: s.originalSize });
          lzfseBytes += s.originalSize;
        }
      }
    }
    const decoder = new LzfseDecoder();
    const timings = race({
      'extract (layout + LZFSE + SHA-256 + archive)': () => {
        for (const file of files) extractSigned(file);
      },
      'LZFSE decode alone': () => {
        for (const s of segments) decoder.decodeInto(s.payload, new Uint8Array(s.size), 0, s.size);
      },
    });
    const extract = timings['extract (layout + LZFSE + SHA-256 + archive)']!;
    const lzfse = timings['LZFSE decode alone']!;
    const mbps = (bytes: number, seconds: number): number => bytes / 1e6 / seconds;
    const rows = [
      ['work', 'files', 'MB out', 'MB/s', 'rounds'],
      ['extract (layout + LZFSE + SHA-256 + archive)', String(files.length), (decompressed / 1e6).toFixed(2), mbps(decompressed, extract.seconds).toFixed(1), String(extract.rounds)],
      ['LZFSE decode alone', String(segments.length), (lzfseBytes / 1e6).toFixed(2), mbps(lzfseBytes, lzfse.seconds).toFixed(1), String(lzfse.rounds)],
    ];
    for (const line of table(rows)) print(line);
    const met = mbps(decompressed, extract.seconds) >= TARGET_MB_PER_S;
    print(`target: extraction ≥ ${TARGET_MB_PER_S} MB/s: ${met ? 'met' : 'MISSED'}`);
    return met;
  },
};
