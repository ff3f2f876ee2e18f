import { formatError } from './failure.js';

/**
 * The layout of an `AEA1` file, profile 0 (signed, not encrypted), as
 * Shortcuts writes it. All integers little-endian; A is the auth-data size.
 *
 *   0x00        "AEA1", u24 profile, u8 scrypt strength, u32 A
 *   0x0C        auth data (a binary plist with the signer's keys)
 *   0x0C+A      128-byte signature slot (DER ECDSA, zero-padded)
 *   0x8C+A      32-byte key-derivation seed
 *   0xAC+A      32-byte main salt
 *   0xCC+A      32-byte root-header MAC
 *   0xEC+A      48-byte root header
 *   0x11C+A     32-byte MAC of cluster 0's segment headers
 *   0x13C+A     clusters
 *
 * A cluster: N segment headers {u32 original size, u32 compressed size,
 * C-byte checksum}, the MAC of the next cluster's headers, N segment MACs,
 * then the payloads back to back. This module only reads the layout; it
 * decompresses nothing and checks no MAC (see `payload.ts`, `verify.ts`).
 */

export const AEA_MAGIC = 'AEA1';
const SIGNATURE_BYTES = 128;
const KEY_BYTES = 32;
const ROOT_HEADER_BYTES = 48;
const SEGMENT_HEADER_FIXED = 8;

export type CompressionKind = 'none' | 'lzfse';
export type ChecksumKind = 'none' | 'sha256';

export interface RootHeader {
  readonly originalSize: number;
  readonly fileSize: number;
  readonly segmentSize: number;
  readonly segmentsPerCluster: number;
  readonly compression: CompressionKind;
  readonly checksum: ChecksumKind;
}

export interface AeaSegment {
  /** Index within its cluster (the j of the key schedule). */
  readonly index: number;
  readonly originalSize: number;
  readonly compressedSize: number;
  /** Checksum of the decompressed bytes (empty when the kind is none). */
  readonly checksum: Uint8Array;
  readonly headerOffset: number;
  readonly macOffset: number;
  readonly payloadOffset: number;
  /** Offset of the decompressed bytes within the whole decompressed payload. */
  readonly outputOffset: number;
}

export interface AeaCluster {
  readonly index: number;
  /** The segment-header block (all N headers, used or not), as the cluster MAC covers it. */
  readonly headersOffset: number;
  readonly headersLength: number;
  /** MAC of the next cluster's headers, and the N segment MACs after it. */
  readonly nextClusterMacOffset: number;
  readonly segmentMacsOffset: number;
  readonly segmentMacsLength: number;
  /** The segments in use (those before the first with compressed size 0). */
  readonly segments: readonly AeaSegment[];
  readonly end: number;
}

export interface AeaContainer {
  readonly bytes: Uint8Array;
  readonly profile: number;
  readonly scryptStrength: number;
  readonly authDataOffset: number;
  readonly authData: Uint8Array;
  readonly signatureOffset: number;
  readonly signatureSlot: Uint8Array;
  readonly seed: Uint8Array;
  readonly salt: Uint8Array;
  readonly rootHeaderMacOffset: number;
  readonly rootHeaderMac: Uint8Array;
  readonly rootHeaderOffset: number;
  readonly rootHeaderBytes: Uint8Array;
  readonly rootHeader: RootHeader;
  readonly firstClusterMacOffset: number;
  readonly firstClusterMac: Uint8Array;
  readonly clusters: readonly AeaCluster[];
}

/** Caps on declared sizes, checked before anything is allocated. */
export interface AeaLimits {
  /** Largest decompressed payload (default 256 MiB). */
  readonly maxOriginalSize: number;
  /** Largest segment (default 64 MiB; Shortcuts uses 1 MiB). */
  readonly maxSegmentSize: number;
  /** Largest auth data (default 1 MiB; real ones are 2–7 KB). */
  readonly maxAuthData: number;
}

export const DEFAULT_LIMITS: AeaLimits = {
  maxOriginalSize: 256 * 1024 * 1024,
  maxSegmentSize: 64 * 1024 * 1024,
  maxAuthData: 1024 * 1024,
};

const PROFILE_NAMES: Record<number, string> = {
  0: 'signed, not encrypted',
  1: 'symmetric key encryption',
  2: 'symmetric key encryption with signature',
  3: 'ECDHE encryption',
  4: 'ECDHE encryption with signature',
  5: 'scrypt password encryption',
};

const COMPRESSION_NAMES: Record<string, string> = {
  '-': 'none',
  e: 'LZFSE',
  '4': 'LZ4',
  b: 'LZBITMAP',
  f: 'LZVN',
  x: 'LZMA',
  z: 'zlib',
};

export const isAea = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x41 && bytes[1] === 0x45 && bytes[2] === 0x41 && bytes[3] === 0x31;

function u32(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

/** A u64 as a number; values past 2^53 become Infinity so that every size check rejects them. */
function u64(b: Uint8Array, p: number): number {
  const hi = u32(b, p + 4);
  if (hi >= 0x200000) return Number.POSITIVE_INFINITY;
  return hi * 0x1_0000_0000 + u32(b, p);
}

function need(bytes: Uint8Array, offset: number, length: number, what: string): void {
  if (offset + length > bytes.length) {
    throw formatError('truncated', `file ends inside the ${what} (needs ${offset + length} bytes, has ${bytes.length})`, Math.min(offset, bytes.length));
  }
}

export function readRootHeader(bytes: Uint8Array, at: number): RootHeader {
  const originalSize = u64(bytes, at);
  const fileSize = u64(bytes, at + 8);
  const segmentSize = u32(bytes, at + 16);
  const segmentsPerCluster = u32(bytes, at + 20);
  const compressionByte = bytes[at + 24]!;
  const checksumByte = bytes[at + 25]!;
  const letter = String.fromCharCode(compressionByte);
  let compression: CompressionKind;
  if (letter === 'e') compression = 'lzfse';
  else if (letter === '-') compression = 'none';
  else {
    const name = COMPRESSION_NAMES[letter];
    throw formatError(
      'unsupportedCompression',
      `unsupported segment compression ${name === undefined ? `0x${compressionByte.toString(16).padStart(2, '0')}` : `${name} ('${letter}')`}; only LZFSE ('e') and none ('-') are read`,
      at + 24,
    );
  }
  let checksum: ChecksumKind;
  if (checksumByte === 2) checksum = 'sha256';
  else if (checksumByte === 0) checksum = 'none';
  else {
    const name = checksumByte === 1 ? 'Murmur64' : `unknown kind ${checksumByte}`;
    throw formatError('unsupportedChecksum', `unsupported segment checksum ${name}; only SHA-256 (2) and none (0) are read`, at + 25);
  }
  return { originalSize, fileSize, segmentSize, segmentsPerCluster, compression, checksum };
}

/** Reads the layout of a profile-0 AEA1 file. Throws SignedFormatError on anything else. */
export function readAeaLayout(bytes: Uint8Array, limits: AeaLimits = DEFAULT_LIMITS): AeaContainer {
  if (!isAea(bytes)) throw formatError('notAea', 'not a signed shortcut: the file does not start with "AEA1"', 0);
  need(bytes, 0, 8, 'file header');
  const profile = bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16);
  const scryptStrength = bytes[7]!;
  if (profile !== 0) {
    const name = PROFILE_NAMES[profile];
    throw formatError(
      'unsupportedProfile',
      `unsupported AEA profile ${profile}${name === undefined ? '' : ` (${name})`}; signed shortcuts use profile 0 (signed, not encrypted)`,
      4,
    );
  }
  need(bytes, 0, 12, 'file header');
  const authSize = u32(bytes, 8);
  if (authSize > limits.maxAuthData) {
    throw formatError('sizeLimit', `auth data of ${authSize} bytes is beyond the limit of ${limits.maxAuthData}`, 8);
  }
  const authDataOffset = 12;
  need(bytes, authDataOffset, authSize, 'auth data');
  const signatureOffset = authDataOffset + authSize;
  const seedOffset = signatureOffset + SIGNATURE_BYTES;
  const saltOffset = seedOffset + KEY_BYTES;
  const rootHeaderMacOffset = saltOffset + KEY_BYTES;
  const rootHeaderOffset = rootHeaderMacOffset + KEY_BYTES;
  const firstClusterMacOffset = rootHeaderOffset + ROOT_HEADER_BYTES;
  const clustersOffset = firstClusterMacOffset + KEY_BYTES;
  need(bytes, signatureOffset, clustersOffset - signatureOffset, 'signature, keys and root header');

  const rootHeader = readRootHeader(bytes, rootHeaderOffset);
  if (rootHeader.fileSize !== bytes.length) {
    if (rootHeader.fileSize > bytes.length) {
      throw formatError('truncated', `the root header declares a ${rootHeader.fileSize}-byte file, but it has ${bytes.length} bytes`, rootHeaderOffset + 8);
    }
    throw formatError('badLayout', `the root header declares a ${rootHeader.fileSize}-byte file, but it has ${bytes.length} bytes`, rootHeaderOffset + 8);
  }
  if (rootHeader.originalSize > limits.maxOriginalSize) {
    throw formatError('sizeLimit', `decompressed size of ${rootHeader.originalSize} bytes is beyond the limit of ${limits.maxOriginalSize}`, rootHeaderOffset);
  }
  if (rootHeader.segmentSize === 0 || rootHeader.segmentSize > limits.maxSegmentSize) {
    throw formatError('sizeLimit', `segment size of ${rootHeader.segmentSize} bytes is outside 1..${limits.maxSegmentSize}`, rootHeaderOffset + 16);
  }
  if (rootHeader.segmentsPerCluster === 0) {
    throw formatError('badLayout', 'the root header declares 0 segments per cluster', rootHeaderOffset + 20);
  }

  const clusters = readClusters(bytes, clustersOffset, rootHeader);
  return {
    bytes,
    profile,
    scryptStrength,
    authDataOffset,
    authData: bytes.subarray(authDataOffset, signatureOffset),
    signatureOffset,
    signatureSlot: bytes.subarray(signatureOffset, seedOffset),
    seed: bytes.subarray(seedOffset, saltOffset),
    salt: bytes.subarray(saltOffset, rootHeaderMacOffset),
    rootHeaderMacOffset,
    rootHeaderMac: bytes.subarray(rootHeaderMacOffset, rootHeaderOffset),
    rootHeaderOffset,
    rootHeaderBytes: bytes.subarray(rootHeaderOffset, firstClusterMacOffset),
    rootHeader,
    firstClusterMacOffset,
    firstClusterMac: bytes.subarray(firstClusterMacOffset, clustersOffset),
    clusters,
  };
}

/**
 * Walks the clusters until the segments account for the whole decompressed
 * size. Every cluster consumes its header block from the file and every
 * segment contributes at least one byte, so the walk ends within the file's
 * length and the declared size, whatever the headers say.
 */
function readClusters(bytes: Uint8Array, start: number, root: RootHeader): AeaCluster[] {
  const checksumBytes = root.checksum === 'sha256' ? 32 : 0;
  const n = root.segmentsPerCluster;
  const headerSize = SEGMENT_HEADER_FIXED + checksumBytes;
  const clusters: AeaCluster[] = [];
  let at = start;
  let produced = 0;
  while (produced < root.originalSize || clusters.length === 0) {
    const headersLength = n * headerSize;
    const segmentMacsLength = n * KEY_BYTES;
    // Checked before reading: a cluster claiming 4 billion segments is refused here, not iterated.
    need(bytes, at, headersLength + KEY_BYTES + segmentMacsLength, `segment headers of cluster ${clusters.length}`);
    const nextClusterMacOffset = at + headersLength;
    const segmentMacsOffset = nextClusterMacOffset + KEY_BYTES;
    let payload = segmentMacsOffset + segmentMacsLength;
    const segments: AeaSegment[] = [];
    for (let j = 0; j < n && produced < root.originalSize; j++) {
      const h = at + j * headerSize;
      const originalSize = u32(bytes, h);
      const compressedSize = u32(bytes, h + 4);
      if (compressedSize === 0) break;
      if (originalSize === 0 || originalSize > root.segmentSize) {
        throw formatError('sizeLimit', `segment ${j} of cluster ${clusters.length} claims ${originalSize} bytes (segment size is ${root.segmentSize})`, h);
      }
      if (produced + originalSize > root.originalSize) {
        throw formatError('badLayout', `segment ${j} of cluster ${clusters.length} decompresses past the declared ${root.originalSize} bytes`, h);
      }
      if (compressedSize !== originalSize && root.compression === 'none') {
        throw formatError('badLayout', `segment ${j} is stored uncompressed but its sizes differ`, h);
      }
      need(bytes, payload, compressedSize, `payload of segment ${j} in cluster ${clusters.length}`);
      segments.push({
        index: j,
        originalSize,
        compressedSize,
        checksum: bytes.subarray(h + SEGMENT_HEADER_FIXED, h + headerSize),
        headerOffset: h,
        macOffset: segmentMacsOffset + j * KEY_BYTES,
        payloadOffset: payload,
        outputOffset: produced,
      });
      payload += compressedSize;
      produced += originalSize;
    }
    // A zero compressed size ends the segment list; it must not end before the declared size.
    if (segments.length < n && produced < root.originalSize) {
      throw formatError(
        'badLayout',
        `the segments end after ${produced} bytes, but the root header declares ${root.originalSize}`,
        at + segments.length * headerSize,
      );
    }
    clusters.push({
      index: clusters.length,
      headersOffset: at,
      headersLength,
      nextClusterMacOffset,
      segmentMacsOffset,
      segmentMacsLength,
      segments,
      end: payload,
    });
    at = payload;
    if (segments.length === 0) break;
  }
  if (at !== bytes.length) {
    throw formatError('badLayout', `${bytes.length - at} bytes follow the last segment`, at);
  }
  return clusters;
}
