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
 * Decompresses every segment into one buffer of the root header's original
 * size (already capped by the layout reader) and compares each segment's
 * SHA-256 with its header. Segment offsets in errors are file offsets.
 */
export function decompressPayload(container: AeaContainer): { bytes: Uint8Array; stats: PayloadStats } {
  const out = new Uint8Array(container.rootHeader.originalSize);
  const decoder = new LzfseDecoder();
  let segments = 0;
  let checksumsMatched = 0;
  for (const cluster of container.clusters) {
    for (const segment of cluster.segments) {
      decodeSegment(container, segment, out, decoder);
      segments++;
      if (container.rootHeader.checksum === 'sha256') {
        const actual = createHash('sha256')
          .update(out.subarray(segment.outputOffset, segment.outputOffset + segment.originalSize))
          .digest();
        if (!actual.equals(segment.checksum)) {
          throw formatError(
            'checksumMismatch',
            `segment ${segment.index} of cluster ${cluster.index}: SHA-256 of the decompressed bytes is ${actual.toString('hex')}, the header says ${Buffer.from(segment.checksum).toString('hex')}`,
            segment.headerOffset + 8,
          );
        }
        checksumsMatched++;
      }
    }
  }
  return { bytes: out, stats: { segments, checksumsMatched } };
}

function decodeSegment(container: AeaContainer, segment: AeaSegment, out: Uint8Array, decoder: LzfseDecoder): void {
  const payload = container.bytes.subarray(segment.payloadOffset, segment.payloadOffset + segment.compressedSize);
  const start = segment.outputOffset;
  if (segment.compressedSize === segment.originalSize) {
    // Stored raw: the encoder keeps a segment as is when compressing does not shrink it.
    out.set(payload, start);
    return;
  }
  try {
    decoder.decodeInto(payload, out, start, start + segment.originalSize);
  } catch (error) {
    // Move the stream-relative offset into the file.
    if (error instanceof SignedFormatError) {
      throw new SignedFormatError(error.kind, `segment ${segment.index}: ${error.message}`, segment.payloadOffset + (error.offset ?? 0));
    }
    throw error;
  }
}
