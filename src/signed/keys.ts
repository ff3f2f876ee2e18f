import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * P-256 keys as AEA uses them: the 65-byte uncompressed point (0x04 ‖ x ‖ y)
 * goes into the key schedule and the auth data; node:crypto wants a KeyObject.
 */

/** The uncompressed point of a P-256 public key, or undefined for any other key. */
export function ecPointOfKey(key: KeyObject): Uint8Array | undefined {
  if (key.asymmetricKeyType !== 'ec') return undefined;
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || jwk.x === undefined || jwk.y === undefined) return undefined;
  return Buffer.concat([Buffer.of(4), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
}

/** The public key of a 65-byte uncompressed point, or undefined when it is not a point on P-256. */
export function p256Key(point: Uint8Array): KeyObject | undefined {
  if (point.length !== 65 || point[0] !== 4) return undefined;
  try {
    return createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: Buffer.from(point.subarray(1, 33)).toString('base64url'),
        y: Buffer.from(point.subarray(33, 65)).toString('base64url'),
      },
      format: 'jwk',
    });
  } catch {
    return undefined;
  }
}
