import { describe, expect, it } from 'vitest';
import type { PlistValue } from '../../src/plist/value.js';
import { interpretAuthData } from '../../src/signed/auth-data.js';
import { attempt } from '../../src/signed/failure.js';

const data = (n: number, first = 4): PlistValue => {
  const bytes = new Uint8Array(n);
  bytes[0] = first;
  return { kind: 'data', bytes };
};
const read = (value: PlistValue) => attempt(() => interpretAuthData(value));

describe('auth data', () => {
  it('must be a dictionary naming a signer', () => {
    expect(read(['x']).diagnostics[0]?.code).toBe('SC2030');
    const none = read(new Map<string, PlistValue>([['Other', 'x']]));
    expect(none.diagnostics[0]?.message).toContain('found Other');
  });

  it('checks the contact signing key and chain', () => {
    const shortKey = read(new Map<string, PlistValue>([['SigningPublicKey', data(33, 2)], ['AppleIDCertificateChain', [data(10)]]]));
    expect(shortKey.diagnostics[0]?.code).toBe('SC2031'); // the chain is read first: not a certificate
    const emptyChain = read(new Map<string, PlistValue>([['SigningPublicKey', data(65)], ['AppleIDCertificateChain', []]]));
    expect(emptyChain.diagnostics[0]?.message).toContain('not a non-empty array');
    const wrongType = read(new Map<string, PlistValue>([['SigningCertificateChain', ['text']]]));
    expect(wrongType.diagnostics[0]?.message).toContain('SigningCertificateChain[0] is not data');
  });
});
