import { createHash } from 'node:crypto';
import type { AeaContainer, AeaSegment } from './aea.js';
import { SignedFormatError, formatError } from './failure.js';
import { LzfseDecoder } from './lzfse/decode.js';

/** What decompressing the segments found, for reports such as `verify --json`. */
export interface PayloadStats {
  readonly segments: number;
  /** Segments whose SHA-256 was compared (all of them when the checksum kind is SHA-256). */
  readonly checksumsMatched: number;
}

/**
 * Decompresses every segment and compares each one's SHA-256 with its
 * header, then joins them. Each segment gets its own buffer, so a damaged
 * file fails having allocated at most one segment's declared size (≤ the
 * layout reader's 64 MiB cap), not the whole declared payload (≤ 256 MiB):
 * LZFSE can legitimately expand a few bytes a millionfold, so a declared
 * size cannot be refuted before decoding. Segment offsets in errors are file
 * offsets.
 */
export function decompressPayload(container: AeaContainer): { bytes: Uint8Array; stats: PayloadStats } {
  const decoder = new LzfseDecoder();
  const parts: Uint8Array[] = [];
  let segments = 0;
  let checksumsMatched = 0;
  for (const cluster of container.clusters) {
    for (const segment of cluster.segments) {
      const part = decodeSegment(container, segment, decoder);
      segments++;
      if (container.rootHeader.checksum === 'sha256') {
        const actual = createHash('sha256').update(part).digest();
        if (!actual.equals(segment.checksum)) {
          throw formatError(
            'checksumMismatch',
            `segment ${segment.index} of cluster ${cluster.index}: SHA-256 of the decompressed bytes is ${actual.toString('hex')}, the header says ${Buffer.from(segment.checksum).toString('hex')}`,
            segment.headerOffset + 8,
          );
        }
        checksumsMatched++;
      }
      parts.push(part);
    }
  }
  // Most shortcuts are one segment: its buffer is the payload. Several are joined once all decoded.
  const bytes = parts.length === 1 ? parts[0]! : new Uint8Array(container.rootHeader.originalSize);
  if (parts.length !== 1) {
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
  }
  return { bytes, stats: { segments, checksumsMatched } };
}

function decodeSegment(container: AeaContainer, segment: AeaSegment, decoder: LzfseDecoder): Uint8Array {
  const payload = container.bytes.subarray(segment.payloadOffset, segment.payloadOffset + segment.compressedSize);
  if (segment.compressedSize === segment.originalSize) {
    // Stored raw: the encoder keeps a segment as is when compressing does not shrink it. A copy, never a view into the file.
    return payload.slice();
  }
  const out = new Uint8Array(segment.originalSize);
  try {
    decoder.decodeInto(payload, out, 0, segment.originalSize);
  } catch (error) {
    // Move the stream-relative offset into the file.
    if (error instanceof SignedFormatError) {
      throw new SignedFormatError(error.kind, `segment ${segment.index}: ${error.message}`, segment.payloadOffset + (error.offset ?? 0));
    }
    throw error;
  }
  return out;
}
