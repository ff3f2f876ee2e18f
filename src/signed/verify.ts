import { constants, createHmac, hkdfSync, verify as verifySignature, type KeyObject, type X509Certificate } from 'node:crypto';
import { diagnostic } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AeaContainer } from './aea.js';
import type { AuthData } from './auth-data.js';
import { signedDiagnostics, type SignedDiagnosticCode } from './diagnostics.js';
import { p256Key } from './keys.js';

/**
 * Signature and MAC verification of a profile-0 AEA1 file, with node:crypto
 * only. The key schedule (all keys 32 bytes, HKDF-SHA256):
 *
 *   MK      = HKDF(seed, salt = main salt, info = "AEA_AMK" ‖ file[4..8) ‖ signing key)
 *   RHEK    = HKDF(MK, "AEA_RHEK")        root-header MAC key
 *   CK_i    = HKDF(MK, "AEA_CK" ‖ u32 i)  cluster key
 *   CHEK_i  = HKDF(CK_i, "AEA_CHEK")      cluster-header MAC key
 *   SK_ij   = HKDF(CK_i, "AEA_SK" ‖ u32 j) segment MAC key
 *
 * and every MAC is HMAC-SHA256(key, salt ‖ data ‖ u64le(salt length)), with
 * the salts: root header ← cluster-0 header MAC ‖ auth data; cluster headers
 * ← next cluster's MAC ‖ the cluster's segment MACs; segment ← nothing.
 * Each MAC covers the next one's value, so checking the root MAC, every
 * cluster MAC and every segment MAC ties every byte to the signature.
 */

/** A certificate the chain may end at (or pass through), by SHA-256 fingerprint as Node prints it. */
export interface TrustAnchor {
  readonly name: string;
  readonly fingerprint256: string;
}

/**
 * Apple's certificate authorities behind signed shortcuts.
 *  - Apple Root CA - G3 (ECC root; iCloud chains carry it as their last certificate).
 *  - Apple Application Integration Certification Authority: issues Apple ID
 *    certificates. Contact-signed chains stop at it and leave out its issuer
 *    (Apple Root CA, RSA), which no public root store carries, so the
 *    intermediate itself is the anchor. Apple publishes both certificates;
 *    when it replaces them, this list needs the new fingerprints.
 */
export const APPLE_TRUST_ANCHORS: readonly TrustAnchor[] = [
  {
    name: 'Apple Root CA - G3',
    fingerprint256: '63:34:3A:BF:B8:9A:6A:03:EB:B5:7E:9B:3F:5F:A7:BE:7C:4F:5C:75:6F:30:17:B3:A8:C4:88:C3:65:3E:91:79',
  },
  {
    name: 'Apple Application Integration Certification Authority',
    fingerprint256: 'E6:A7:87:96:E0:C7:A3:E5:43:78:35:CA:16:78:5B:48:5A:A9:DD:C4:5C:CD:0A:65:AA:89:33:E3:C3:D0:89:71',
  },
];

export interface VerifyOptions {
  readonly trustAnchors?: readonly TrustAnchor[];
  /**
   * Also require every certificate to be valid at this time. Off by default:
   * signing certificates live about a month, files are shared for years and
   * Shortcuts still imports them, and the file carries no trusted timestamp.
   */
  readonly at?: Date;
}

const KEY_BYTES = 32;

function hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, KEY_BYTES));
}

const label = (text: string, ...extra: Uint8Array[]): Buffer => Buffer.concat([Buffer.from(text, 'latin1'), ...extra]);

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function mac(key: Uint8Array, salt: readonly Uint8Array[], data: Uint8Array): Buffer {
  const h = createHmac('sha256', key);
  let saltLength = 0;
  for (const part of salt) {
    h.update(part);
    saltLength += part.length;
  }
  h.update(data);
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(saltLength));
  h.update(size);
  return h.digest();
}

const equal = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

function problem(kind: SignedDiagnosticCode, message: string, offset?: number): Diagnostic {
  return diagnostic(signedDiagnostics[kind], message, offset === undefined ? {} : { location: { kind: 'bytes', offset } });
}

/** The DER signature in the zero-padded 128-byte slot, or undefined when its length is impossible. */
function signatureInSlot(slot: Uint8Array): Uint8Array | undefined {
  if (slot[0] !== 0x30) return undefined;
  let length = slot[1]!;
  let header = 2;
  if (length === 0x81) {
    length = slot[2]!;
    header = 3;
  } else if (length > 0x7f) return undefined;
  if (header + length > slot.length) return undefined;
  return slot.subarray(0, header + length);
}

/** ECDSA P-256/SHA-256 over the file up to the first cluster, with the signature slot zeroed. */
export function checkHeaderSignature(container: AeaContainer, key: KeyObject): Diagnostic[] {
  const clustersOffset = container.firstClusterMacOffset + KEY_BYTES;
  const signed = Buffer.from(container.bytes.subarray(0, clustersOffset));
  signed.fill(0, container.signatureOffset, container.signatureOffset + container.signatureSlot.length);
  const signature = signatureInSlot(container.signatureSlot);
  if (signature === undefined) {
    return [problem('signatureInvalid', 'the signature slot holds no DER ECDSA signature', container.signatureOffset)];
  }
  let valid = false;
  try {
    valid = verifySignature('sha256', signed, { key, dsaEncoding: 'der' }, signature);
  } catch {
    valid = false;
  }
  return valid ? [] : [problem('signatureInvalid', 'the ECDSA signature over the header does not verify with the signing key', container.signatureOffset)];
}

/** The root-header MAC, every cluster-header MAC and every segment MAC. */
export function checkMacChain(container: AeaContainer, signingPublicKey: Uint8Array): Diagnostic[] {
  const found: Diagnostic[] = [];
  const bytes = container.bytes;
  const mk = hkdf(container.seed, container.salt, label('AEA_AMK', bytes.subarray(4, 8), signingPublicKey));
  const rhek = hkdf(mk, new Uint8Array(0), label('AEA_RHEK'));
  if (!equal(mac(rhek, [container.firstClusterMac, container.authData], container.rootHeaderBytes), container.rootHeaderMac)) {
    found.push(problem('rootHeaderMac', 'the root-header MAC does not match (root header, auth data or cluster MAC changed)', container.rootHeaderMacOffset));
  }
  let expectedMac = container.firstClusterMac;
  for (const cluster of container.clusters) {
    const ck = hkdf(mk, new Uint8Array(0), label('AEA_CK', u32le(cluster.index)));
    const chek = hkdf(ck, new Uint8Array(0), label('AEA_CHEK'));
    const headers = bytes.subarray(cluster.headersOffset, cluster.headersOffset + cluster.headersLength);
    const nextMac = bytes.subarray(cluster.nextClusterMacOffset, cluster.nextClusterMacOffset + KEY_BYTES);
    const segmentMacs = bytes.subarray(cluster.segmentMacsOffset, cluster.segmentMacsOffset + cluster.segmentMacsLength);
    if (!equal(mac(chek, [nextMac, segmentMacs], headers), expectedMac)) {
      found.push(problem('clusterMac', `the MAC of cluster ${cluster.index}'s segment headers does not match`, cluster.headersOffset));
    }
    for (const segment of cluster.segments) {
      const sk = hkdf(ck, new Uint8Array(0), label('AEA_SK', u32le(segment.index)));
      const payload = bytes.subarray(segment.payloadOffset, segment.payloadOffset + segment.compressedSize);
      if (!equal(mac(sk, [], payload), bytes.subarray(segment.macOffset, segment.macOffset + KEY_BYTES))) {
        found.push(problem('segmentMac', `the MAC of segment ${segment.index} in cluster ${cluster.index} does not match its payload`, segment.payloadOffset));
      }
    }
    expectedMac = nextMac;
  }
  return found;
}

/**
 * Each certificate issued and signed by the next, issued while the next was
 * valid, and the chain reaching a trust anchor.
 */
export function checkChain(chain: readonly X509Certificate[], options: VerifyOptions = {}): Diagnostic[] {
  const anchors = options.trustAnchors ?? APPLE_TRUST_ANCHORS;
  const found: Diagnostic[] = [];
  const name = (c: X509Certificate): string => JSON.stringify(c.subject.split('\n').join(', '));
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i]!;
    const parent = chain[i + 1]!;
    if (!child.checkIssued(parent)) {
      found.push(problem('chainInvalid', `certificate ${i} ${name(child)} is not issued by certificate ${i + 1} ${name(parent)}`));
      continue;
    }
    let signedByParent = false;
    try {
      signedByParent = child.verify(parent.publicKey);
    } catch {
      signedByParent = false;
    }
    if (!signedByParent) found.push(problem('chainInvalid', `the signature on certificate ${i} ${name(child)} does not verify with its issuer's key`));
    const issued = new Date(child.validFrom).getTime();
    if (issued < new Date(parent.validFrom).getTime() || issued > new Date(parent.validTo).getTime()) {
      found.push(problem('chainInvalid', `certificate ${i} ${name(child)} was issued outside its issuer's validity`));
    }
  }
  const top = chain[chain.length - 1];
  if (top !== undefined && top.checkIssued(top)) {
    let selfSigned = false;
    try {
      selfSigned = top.verify(top.publicKey);
    } catch {
      selfSigned = false;
    }
    if (!selfSigned) found.push(problem('chainInvalid', `the root certificate ${name(top)} does not verify its own signature`));
  }
  // The anchor must be a certificate the chain verified up to: every link below it was checked above.
  const anchored = chain.some((c) => anchors.some((a) => a.fingerprint256 === c.fingerprint256));
  if (!anchored && top !== undefined) {
    found.push(problem('chainInvalid', `the certificate chain ends at ${name(top)}, which is not a trusted Apple certificate authority`));
  }
  if (options.at !== undefined) {
    const t = options.at.getTime();
    chain.forEach((c, i) => {
      if (t < new Date(c.validFrom).getTime() || t > new Date(c.validTo).getTime()) {
        found.push(problem('chainInvalid', `certificate ${i} ${name(c)} is not valid at ${options.at!.toISOString()} (valid ${c.validFrom} to ${c.validTo})`));
      }
    });
  }
  return found;
}

/** Contact-signed: the Apple ID leaf's RSA-PSS (SHA-256, salt 32) signature over the 65-byte signing key. */
export function checkSigningKeySignature(auth: AuthData): Diagnostic[] {
  const leaf = auth.chain[0];
  if (auth.signingKeySignature === undefined || leaf === undefined) {
    return [problem('signingKeySignature', 'contact-signed auth data has no SigningPublicKeySignature')];
  }
  let valid = false;
  try {
    valid = verifySignature(
      'sha256',
      auth.signingPublicKey,
      { key: leaf.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      auth.signingKeySignature,
    );
  } catch {
    valid = false;
  }
  return valid ? [] : [problem('signingKeySignature', 'the Apple ID certificate\'s RSA-PSS signature over the signing key does not verify')];
}

/** Every check: header signature, MAC chain, certificate chain and (contact) the signing-key signature. */
export function verifyContainer(container: AeaContainer, auth: AuthData, options: VerifyOptions = {}): Diagnostic[] {
  const key = p256Key(auth.signingPublicKey);
  const found: Diagnostic[] = [];
  if (key === undefined) found.push(problem('authData', 'the signing public key is not a point on P-256', container.authDataOffset));
  else found.push(...checkHeaderSignature(container, key));
  found.push(...checkMacChain(container, auth.signingPublicKey));
  found.push(...checkChain(auth.chain, options));
  if (auth.kind === 'contact') found.push(...checkSigningKeySignature(auth));
  return found;
}
