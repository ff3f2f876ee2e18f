import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { readBinaryPlist } from '../plist/binary-reader.js';
import { DEFAULT_LIMITS, readAeaLayout, type AeaContainer, type AeaLimits } from './aea.js';
import { findWorkflow, parseAppleArchive } from './apple-archive.js';
import { interpretAuthData, summarizeCertificate, type AuthData, type CertificateSummary, type SignerKind } from './auth-data.js';
import type { ExtractedShortcut } from './extract.js';
import { SignedFormatError, attempt, errorDiagnostic, formatError } from './failure.js';
import { decompressPayload, type PayloadStats } from './payload.js';
import { verifyContainer, type VerifyOptions } from './verify.js';

/** Who signed a shortcut, for `info` and `verify`. */
export interface SignerInfo {
  readonly kind: SignerKind;
  /** How Shortcuts names the sharing mode: "anyone" (iCloud) or "people who know me" (contact). */
  readonly mode: 'anyone' | 'people who know me';
  /** The certificate chain, leaf first: the iCloud signing chain or the Apple ID chain. */
  readonly certificates: readonly CertificateSummary[];
  /** The 65-byte P-256 point that signs the file, hex. */
  readonly signingPublicKey: string;
}

export interface SignedShortcut extends ExtractedShortcut {
  readonly auth: AuthData;
  readonly signer: SignerInfo;
}

export function signerInfo(auth: AuthData): SignerInfo {
  return {
    kind: auth.kind,
    mode: auth.kind === 'icloud' ? 'anyone' : 'people who know me',
    certificates: auth.chain.map(summarizeCertificate),
    signingPublicKey: Buffer.from(auth.signingPublicKey).toString('hex'),
  };
}

/** Reads the auth data's binary plist and the signer it names. */
function readAuthData(container: AeaContainer): AuthData {
  const plist = readBinaryPlist(container.authData);
  if (!plist.ok) {
    const first = plist.diagnostics[0];
    const at = first?.location?.kind === 'bytes' ? container.authDataOffset + first.location.offset : container.authDataOffset;
    throw formatError('authData', `auth data is not a readable binary plist${first === undefined ? '' : ` (${first.code}: ${first.message})`}`, at);
  }
  try {
    return interpretAuthData(plist.value);
  } catch (error) {
    // interpretAuthData knows no offsets; the auth data's start is the useful one.
    if (error instanceof SignedFormatError && error.offset === undefined) {
      throw new SignedFormatError(error.kind, error.message, container.authDataOffset);
    }
    throw error;
  }
}

/** The signer named by a container's auth data (a failed result when the auth data cannot be read). */
export function readSigner(container: AeaContainer): Result<SignerInfo> {
  return attempt(() => signerInfo(readAuthData(container)));
}

/**
 * Reads a signed shortcut completely: layout, signer, every segment
 * decompressed and checked against its SHA-256, the archive, the workflow
 * plist's bytes. Signatures are not checked (see `verifySigned`).
 */
export function readSignedShortcut(bytes: Uint8Array, limits: AeaLimits = DEFAULT_LIMITS): Result<SignedShortcut> {
  return attempt(() => {
    const container = readAeaLayout(bytes, limits);
    const auth = readAuthData(container);
    const { bytes: archive, stats } = decompressPayload(container);
    const entries = parseAppleArchive(archive);
    return { container, auth, signer: signerInfo(auth), archive, entries, plist: findWorkflow(entries), stats };
  });
}

export interface VerifyReport {
  /** True when every check passed. */
  readonly valid: boolean;
  readonly signer?: SignerInfo;
  readonly stats?: PayloadStats;
  /** Every failed check (several can fail at once: a changed byte can break a MAC and a checksum). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Verifies a signed shortcut: the ECDSA P-256 signature over the header, the
 * whole HMAC chain, the certificate chain, for contact-signed files the
 * RSA-PSS signature over the signing key, and every segment's SHA-256.
 */
export function verifySigned(bytes: Uint8Array, options: VerifyOptions & { limits?: AeaLimits } = {}): VerifyReport {
  let container: AeaContainer;
  let auth: AuthData;
  try {
    container = readAeaLayout(bytes, options.limits ?? DEFAULT_LIMITS);
    auth = readAuthData(container);
  } catch (error) {
    if (error instanceof SignedFormatError) return { valid: false, diagnostics: [errorDiagnostic(error)] };
    throw error;
  }
  const signer = signerInfo(auth);
  const found: Diagnostic[] = [...verifyContainer(container, auth, options)];
  let stats: PayloadStats | undefined;
  try {
    const payload = decompressPayload(container);
    stats = payload.stats;
    findWorkflow(parseAppleArchive(payload.bytes));
  } catch (error) {
    if (!(error instanceof SignedFormatError)) throw error;
    found.push(errorDiagnostic(error));
  }
  return { valid: found.length === 0, signer, ...(stats === undefined ? {} : { stats }), diagnostics: found };
}
