/**
 * Bench section: extracting signed shortcuts (AEA1 layout, LZFSE, SHA-256 of
 * every segment, Apple Archive) over the signed corpus, in MB/s of
 * decompressed output on one core. Target: at least 100 MB/s.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readAeaLayout } from '../src/signed/aea.js';
import { extractSigned } from '../src/signed/extract.js';
import { LzfseDecoder } from '../src/signed/lzfse/decode.js';

export const SIGNED_EXTRACTION_TARGET_MBPS = 100;

export interface SignedBenchResult {
  readonly files: number;
  readonly decompressedBytes: number;
  /** Whole extraction: layout, LZFSE, SHA-256, archive. */
  readonly extractMBps: number;
  /** LZFSE alone, on the compressed segments. */
  readonly lzfseMBps: number;
}

function sharedCorpus(): string {
  return join(resolve(process.env.SHORTCUTC_SHARED ?? resolve(process.cwd(), '..', 'shared')), 'corpus', 'signed');
}

/** Runs `pass` repeatedly for at least `seconds` after one warm-up pass; returns bytes per second. */
function throughput(pass: () => number, seconds: number): number {
  pass();
  let bytes = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    bytes += pass();
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return bytes / elapsed;
}

export function benchSignedExtraction(seconds = 2): SignedBenchResult {
  const dir = sharedCorpus();
  const files = readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => new Uint8Array(readFileSync(join(dir, name))));
  let decompressedBytes = 0;
  const segments: { payload: Uint8Array; size: number }[] = [];
  for (const file of files) {
    const result = extractSigned(file);
    if (!result.ok) throw new Error(`bench: a corpus file does not extract: ${result.diagnostics[0]?.message ?? ''}`);
    decompressedBytes += result.value.archive.length;
    for (const cluster of readAeaLayout(file).clusters) {
      for (const s of cluster.segments) {
        if (s.compressedSize !== s.originalSize) segments.push({ payload: file.subarray(s.payloadOffset, s.payloadOffset + s.compressedSize), size: s.originalSize });
      }
    }
  }
  const extract = throughput(() => {
    let n = 0;
    for (const file of files) n += extractSigned(file).value?.archive.length ?? 0;
    return n;
  }, seconds);
  const decoder = new LzfseDecoder();
  const lzfse = throughput(() => {
    let n = 0;
    for (const s of segments) {
      decoder.decodeInto(s.payload, new Uint8Array(s.size), 0, s.size);
      n += s.size;
    }
    return n;
  }, seconds);
  return { files: files.length, decompressedBytes, extractMBps: extract / 1e6, lzfseMBps: lzfse / 1e6 };
}

export function formatSignedBench(r: SignedBenchResult): string {
  const verdict = r.extractMBps >= SIGNED_EXTRACTION_TARGET_MBPS ? 'meets' : 'BELOW';
  return [
    `signed extraction: ${r.files} files, ${(r.decompressedBytes / 1e6).toFixed(2)} MB decompressed per pass`,
    `  extract (layout + LZFSE + SHA-256 + archive): ${r.extractMBps.toFixed(1)} MB/s (${verdict} the ${SIGNED_EXTRACTION_TARGET_MBPS} MB/s target)`,
    `  LZFSE decode alone: ${r.lzfseMBps.toFixed(1)} MB/s`,
  ].join('\n');
}
