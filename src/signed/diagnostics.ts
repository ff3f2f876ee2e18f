import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * SC2xxx: the signed container (`AEA1`), the LZFSE decoder, the Apple Archive
 * inside it, and signature verification. Byte offsets in these diagnostics
 * count from the start of the signed file (for LZFSE and Apple Archive
 * problems found outside a container: from the start of the stream).
 */
export const signedDiagnostics = defineDiagnostics({
  truncated: { code: 'SC2001', severity: 'error', title: 'the signed file ends before a field it declares' },
  notAea: { code: 'SC2002', severity: 'error', title: 'the file does not start with "AEA1"' },
  unsupportedProfile: { code: 'SC2003', severity: 'error', title: 'an AEA profile other than 0 (signed, not encrypted)' },
  unsupportedCompression: { code: 'SC2004', severity: 'error', title: 'a segment compression other than LZFSE or none' },
  unsupportedChecksum: { code: 'SC2005', severity: 'error', title: 'a segment checksum kind other than SHA-256' },
  sizeLimit: { code: 'SC2006', severity: 'error', title: 'a declared size beyond the reader\'s limits' },
  badLayout: { code: 'SC2007', severity: 'error', title: 'container fields that contradict each other' },
  checksumMismatch: { code: 'SC2008', severity: 'error', title: 'a segment\'s SHA-256 does not match its decompressed bytes' },

  lzfseBadMagic: { code: 'SC2010', severity: 'error', title: 'an LZFSE block with an unknown magic number' },
  lzfseTruncated: { code: 'SC2011', severity: 'error', title: 'an LZFSE stream that ends inside a block' },
  lzfseBadHeader: { code: 'SC2012', severity: 'error', title: 'an LZFSE block header with impossible values' },
  lzfseBadDistance: { code: 'SC2013', severity: 'error', title: 'an LZFSE match that points before the start of the output' },
  lzfseOverflow: { code: 'SC2014', severity: 'error', title: 'an LZFSE stream that decompresses past its declared size' },
  lzfseShort: { code: 'SC2015', severity: 'error', title: 'an LZFSE stream that decompresses to less than its declared size' },
  lzfseBadData: { code: 'SC2016', severity: 'error', title: 'corrupt LZFSE data (bit stream or LZVN opcode)' },

  archiveTruncated: { code: 'SC2020', severity: 'error', title: 'an Apple Archive entry that runs past the archive' },
  archiveBadHeader: { code: 'SC2021', severity: 'error', title: 'an Apple Archive header that cannot be read' },
  archiveNoWorkflow: { code: 'SC2022', severity: 'error', title: 'no Shortcut.wflow file in the archive' },

  authData: { code: 'SC2030', severity: 'error', title: 'auth data that is not the plist a signed shortcut carries' },
  certificate: { code: 'SC2031', severity: 'error', title: 'a certificate that cannot be read' },

  signatureInvalid: { code: 'SC2040', severity: 'error', title: 'the ECDSA signature over the header does not verify' },
  rootHeaderMac: { code: 'SC2041', severity: 'error', title: 'the root-header MAC does not match' },
  clusterMac: { code: 'SC2042', severity: 'error', title: 'a cluster\'s segment-header MAC does not match' },
  segmentMac: { code: 'SC2043', severity: 'error', title: 'a segment MAC does not match its payload' },
  chainInvalid: { code: 'SC2044', severity: 'error', title: 'the certificate chain does not lead to an Apple certificate authority' },
  signingKeySignature: { code: 'SC2045', severity: 'error', title: 'the Apple ID signature over the contact signing key does not verify' },
});

export type SignedDiagnosticCode = keyof typeof signedDiagnostics;
