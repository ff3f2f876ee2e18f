import { X509Certificate } from 'node:crypto';
import type { PlistValue } from '../plist/value.js';
import { formatError } from './failure.js';
import { ecPointOfKey } from './keys.js';

/**
 * Who signed a shortcut, as the auth data (a binary plist) says.
 *
 *  - iCloud ("anyone"): `SigningCertificateChain`, DER certificates leaf
 *    first; the leaf's P-256 key signs the file.
 *  - contact ("people who know me"): `SigningPublicKey` (65-byte X9.63 P-256
 *    point) signs the file; `SigningPublicKeySignature` is an RSA-PSS
 *    signature over that key by the Apple ID certificate, the leaf of
 *    `AppleIDCertificateChain`; `AppleIDValidationRecord` is a CMS blob.
 */
export type SignerKind = 'icloud' | 'contact';

export interface AuthData {
  readonly kind: SignerKind;
  /** The certificate chain, leaf first (the signing chain or the Apple ID chain). */
  readonly chain: readonly X509Certificate[];
  /** The 65-byte uncompressed P-256 point that verifies the header signature. */
  readonly signingPublicKey: Uint8Array;
  /** Contact-signed only: RSA-PSS signature over `signingPublicKey` by the chain's leaf. */
  readonly signingKeySignature?: Uint8Array;
  readonly validationRecord?: Uint8Array;
}

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly fingerprint256: string;
}

export function summarizeCertificate(cert: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
    fingerprint256: cert.fingerprint256,
  };
}

/** X509Certificate prints names one attribute per line; a report wants them on one. */
function oneLine(name: string): string {
  return name.split('\n').filter((part) => part.length > 0).join(', ');
}

function dataField(dict: Map<string, PlistValue>, key: string): Uint8Array | undefined {
  const value = dict.get(key);
  if (value === undefined) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map) && value.kind === 'data') return value.bytes;
  throw formatError('authData', `auth data: ${key} is not data`);
}

function certificates(dict: Map<string, PlistValue>, key: string): X509Certificate[] | undefined {
  const value = dict.get(key);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) throw formatError('authData', `auth data: ${key} is not a non-empty array`);
  return value.map((item, i) => {
    if (typeof item !== 'object' || Array.isArray(item) || item instanceof Map || item.kind !== 'data') {
      throw formatError('authData', `auth data: ${key}[${i}] is not data`);
    }
    try {
      const cert = new X509Certificate(item.bytes);
      // The key is decoded lazily by Node; a damaged one must fail here, not in a later check.
      void cert.publicKey;
      return cert;
    } catch (error) {
      throw formatError('certificate', `auth data: ${key}[${i}] is not a DER certificate (${error instanceof Error ? error.message : String(error)})`);
    }
  });
}

/** The uncompressed point of a certificate's P-256 key. */
function ecPoint(cert: X509Certificate, what: string): Uint8Array {
  const point = ecPointOfKey(cert.publicKey);
  if (point === undefined) {
    throw formatError('certificate', `${what} does not hold a P-256 key (found ${cert.publicKey.asymmetricKeyType ?? 'unknown'})`);
  }
  return point;
}

/** Reads the signer out of the auth data's plist value. */
export function interpretAuthData(value: PlistValue): AuthData {
  if (!(value instanceof Map)) throw formatError('authData', 'auth data is not a dictionary');
  const signingChain = certificates(value, 'SigningCertificateChain');
  if (signingChain !== undefined) {
    return { kind: 'icloud', chain: signingChain, signingPublicKey: ecPoint(signingChain[0]!, 'the signing certificate') };
  }
  const signingPublicKey = dataField(value, 'SigningPublicKey');
  const appleIdChain = certificates(value, 'AppleIDCertificateChain');
  if (signingPublicKey !== undefined && appleIdChain !== undefined) {
    if (signingPublicKey.length !== 65 || signingPublicKey[0] !== 4) {
      throw formatError('authData', `auth data: SigningPublicKey is ${signingPublicKey.length} bytes, not a 65-byte uncompressed P-256 point`);
    }
    const signature = dataField(value, 'SigningPublicKeySignature');
    const record = dataField(value, 'AppleIDValidationRecord');
    return {
      kind: 'contact',
      chain: appleIdChain,
      signingPublicKey,
      ...(signature === undefined ? {} : { signingKeySignature: signature }),
      ...(record === undefined ? {} : { validationRecord: record }),
    };
  }
  const keys = [...value.keys()].join(', ');
  throw formatError(
    'authData',
    `auth data names no signer: expected SigningCertificateChain (iCloud) or SigningPublicKey with AppleIDCertificateChain (contact); found ${keys === '' ? 'no keys' : keys}`,
  );
}
