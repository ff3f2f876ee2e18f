/**
 * Signed shortcuts (`AEA1`): the container, LZFSE, Apple Archive and
 * signature verification, in TypeScript with node:crypto only.
 */
export { signedDiagnostics } from './diagnostics.js';
export { isAea, readAeaLayout, DEFAULT_LIMITS, type AeaContainer, type AeaCluster, type AeaSegment, type AeaLimits, type RootHeader } from './aea.js';
export { decodeLzfse, LzfseDecoder } from './lzfse/decode.js';
export { readAppleArchive, findWorkflow, WORKFLOW_PATH, type ArchiveEntry, type ArchiveField, type ArchiveFieldValue } from './apple-archive.js';
export { extractSigned, type ExtractedShortcut } from './extract.js';
export { interpretAuthData, summarizeCertificate, type AuthData, type CertificateSummary, type SignerKind } from './auth-data.js';
export { APPLE_TRUST_ANCHORS, type TrustAnchor, type VerifyOptions } from './verify.js';
export { readSignedShortcut, readSigner, verifySigned, signerInfo, type SignedShortcut, type SignerInfo, type VerifyReport } from './signed-shortcut.js';
