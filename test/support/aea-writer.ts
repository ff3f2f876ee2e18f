/**
 * Writes AEA1 profile-0 files and Apple Archives for tests: real layout, real
 * MACs and a real ECDSA signature with a key the test makes, so hostile-input
 * tests can change one field at a time and unit tests run without the corpus.
 */
import { createHash, createHmac, hkdfSync, sign, type KeyObject } from 'node:crypto';
import { encode } from './lzfse-encoder.js';

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number | bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

// ------------------------------------------------------------ Apple Archive

export type TestField =
  | { key: string; type: '*' }
  | { key: string; type: '1' | '2' | '4' | '8'; value: number | bigint }
  | { key: string; type: 'A' | 'B' | 'C'; data: Uint8Array }
  | { key: string; type: 'F' | 'G' | 'H' | 'I' | 'J'; bytes: Uint8Array }
  | { key: string; type: 'S'; seconds: bigint }
  | { key: string; type: 'T'; seconds: bigint; nanoseconds: number }
  | { key: string; type: 'P'; value: string };

export function archiveEntry(fields: TestField[], magic = 'AA01'): Buffer {
  const header: Buffer[] = [];
  const blobs: Buffer[] = [];
  for (const f of fields) {
    header.push(ascii(f.key + f.type));
    switch (f.type) {
      case '*':
        break;
      case '1':
      case '2':
      case '4':
      case '8':
        header.push(u64(f.value).subarray(0, Number(f.type)));
        break;
      case 'A':
      case 'B':
      case 'C':
        header.push(u64(f.data.length).subarray(0, f.type === 'A' ? 2 : f.type === 'B' ? 4 : 8));
        blobs.push(Buffer.from(f.data));
        break;
      case 'F':
      case 'G':
      case 'H':
      case 'I':
      case 'J':
        header.push(Buffer.from(f.bytes));
        break;
      case 'S':
        header.push(u64(BigInt.asUintN(64, f.seconds)));
        break;
      case 'T':
        header.push(u64(BigInt.asUintN(64, f.seconds)), u32(f.nanoseconds));
        break;
      case 'P': {
        const s = Buffer.from(f.value, 'utf8');
        header.push(u16(s.length), s);
        break;
      }
    }
  }
  const body = Buffer.concat(header);
  return Buffer.concat([ascii(magic), u16(6 + body.length), body, ...blobs]);
}

/** The archive a signed shortcut holds: the root directory, then Shortcut.wflow. */
export function shortcutArchive(plist: Uint8Array, magic = 'AA01'): Buffer {
  return Buffer.concat([
    archiveEntry([{ key: 'TYP', type: '1', value: 0x44 }, { key: 'PAT', type: 'P', value: '' }], magic),
    archiveEntry(
      [
        { key: 'TYP', type: '1', value: 0x46 },
        { key: 'PAT', type: 'P', value: 'Shortcut.wflow' },
        { key: 'MOD', type: '2', value: 0o644 },
        { key: 'DAT', type: 'B', data: plist },
      ],
      magic,
    ),
  ]);
}

// ------------------------------------------------------------ AEA1

export interface TestContainerOptions {
  /** Bytes to store in the auth-data slot (opaque to the layout reader). */
  readonly authData: Uint8Array;
  /** The P-256 key that signs the header, and its 65-byte public point (for the key schedule). */
  readonly signingKey?: KeyObject;
  readonly signingPublicKey?: Uint8Array;
  readonly segmentSize?: number;
  readonly segmentsPerCluster?: number;
  /** Compression of each segment: LZFSE with the given block kind, or stored raw. */
  readonly blocks?: 'lzvn' | 'fse2' | 'raw-segment';
  readonly seed?: Uint8Array;
  readonly salt?: Uint8Array;
}

const hkdf = (ikm: Uint8Array, info: Buffer, salt: Uint8Array = new Uint8Array(0)): Buffer =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
const mac = (key: Uint8Array, salt: Buffer, data: Uint8Array): Buffer =>
  createHmac('sha256', key).update(salt).update(data).update(u64(salt.length)).digest();

/** A complete, validly signed profile-0 file around `payload` (an Apple Archive). */
export function writeContainer(payload: Uint8Array, options: TestContainerOptions): Buffer {
  const segmentSize = options.segmentSize ?? 1 << 20;
  const perCluster = options.segmentsPerCluster ?? 256;
  const seed = options.seed ?? Buffer.alloc(32, 7);
  const salt = options.salt ?? Buffer.alloc(32, 9);
  const publicPoint = options.signingPublicKey ?? new Uint8Array(65);
  const head = Buffer.concat([ascii('AEA1'), Buffer.from([0, 0, 0, 0])]);
  const mk = hkdf(seed, Buffer.concat([ascii('AEA_AMK'), head.subarray(4, 8), Buffer.from(publicPoint)]), salt);

  const segments: { original: Buffer; compressed: Buffer }[] = [];
  for (let at = 0; at < payload.length; at += segmentSize) {
    const original = Buffer.from(payload.subarray(at, at + segmentSize));
    let compressed = options.blocks === 'raw-segment' ? original : Buffer.from(encode(original, options.blocks ?? 'lzvn'));
    if (compressed.length >= original.length) compressed = original;
    segments.push({ original, compressed });
  }
  // Clusters are written last to first: each one's header MAC goes into the one before it.
  const clusters: Buffer[] = [];
  let nextMac: Buffer = Buffer.alloc(32);
  const clusterCount = Math.max(1, Math.ceil(segments.length / perCluster));
  for (let i = clusterCount - 1; i >= 0; i--) {
    const ck = hkdf(mk, Buffer.concat([ascii('AEA_CK'), u32(i)]));
    const mine = segments.slice(i * perCluster, (i + 1) * perCluster);
    const headers = Buffer.alloc(perCluster * 40);
    const macs = Buffer.alloc(perCluster * 32);
    mine.forEach((s, j) => {
      headers.writeUInt32LE(s.original.length, j * 40);
      headers.writeUInt32LE(s.compressed.length, j * 40 + 4);
      createHash('sha256').update(s.original).digest().copy(headers, j * 40 + 8);
      mac(hkdf(ck, Buffer.concat([ascii('AEA_SK'), u32(j)])), Buffer.alloc(0), s.compressed).copy(macs, j * 32);
    });
    const chek = hkdf(ck, ascii('AEA_CHEK'));
    const clusterMac = mac(chek, Buffer.concat([nextMac, macs]), headers);
    clusters.unshift(Buffer.concat([headers, nextMac, macs, ...mine.map((s) => s.compressed)]));
    nextMac = clusterMac;
  }
  const firstClusterMac = nextMac;
  const authData = Buffer.from(options.authData);
  const rootHeader = Buffer.alloc(48);
  const fileSize = 12 + authData.length + 128 + 32 * 3 + 48 + 32 + clusters.reduce((n, c) => n + c.length, 0);
  rootHeader.writeBigUInt64LE(BigInt(payload.length), 0);
  rootHeader.writeBigUInt64LE(BigInt(fileSize), 8);
  rootHeader.writeUInt32LE(segmentSize, 16);
  rootHeader.writeUInt32LE(perCluster, 20);
  rootHeader[24] = 'e'.charCodeAt(0);
  rootHeader[25] = 2;
  const rhek = hkdf(mk, ascii('AEA_RHEK'));
  const rootMac = mac(rhek, Buffer.concat([firstClusterMac, authData]), rootHeader);
  const file = Buffer.concat([
    head,
    u32(authData.length),
    authData,
    Buffer.alloc(128),
    seed,
    salt,
    rootMac,
    rootHeader,
    firstClusterMac,
    ...clusters,
  ]);
  if (options.signingKey !== undefined) {
    const signatureAt = 12 + authData.length;
    const signature = sign('sha256', file.subarray(0, signatureAt + 128 + 32 * 3 + 48 + 32), { key: options.signingKey, dsaEncoding: 'der' });
    signature.copy(file, signatureAt);
  }
  return file;
}

/** Offsets of a test file's fields, for tests that change one of them. */
export function offsets(authSize: number): {
  signature: number;
  seed: number;
  salt: number;
  rootMac: number;
  rootHeader: number;
  firstClusterMac: number;
  clusters: number;
} {
  const signature = 12 + authSize;
  return {
    signature,
    seed: signature + 128,
    salt: signature + 160,
    rootMac: signature + 192,
    rootHeader: signature + 224,
    firstClusterMac: signature + 272,
    clusters: signature + 304,
  };
}
