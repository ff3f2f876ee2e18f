import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { ecPointOfKey } from '../../src/signed/keys.js';
import { shortcutArchive, writeContainer } from '../support/aea-writer.js';
import { describeShared } from '../support/corpus.js';
import { sharedPath } from '../support/shared.js';

function testIO(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd, env: {} };
}

const workflow = Buffer.concat([Buffer.from('bplist00'), Buffer.alloc(3000, 0x5a)]);
const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const point = ecPointOfKey(key.publicKey)!;

/** A file signed with a key of our own, naming a contact signer whose certificate is not one. */
function selfSigned(): Buffer {
  const auth = writeBinaryPlist(
    new Map<string, import('../../src/plist/value.js').PlistValue>([
      ['SigningPublicKey', { kind: 'data', bytes: point }],
      ['AppleIDCertificateChain', [{ kind: 'data', bytes: Buffer.from('not a certificate') }]],
    ]),
  );
  return writeContainer(shortcutArchive(workflow), { authData: auth.value!, signingKey: key.privateKey, signingPublicKey: point });
}

describe('shortcutc extract', () => {
  it('writes the inner plist byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-extract-'));
    writeFileSync(join(dir, 'a.shortcut'), selfSigned());
    const io = testIO(dir);
    expect(await runCli(['extract', 'a.shortcut', '-o', 'a.plist'], io)).toBe(0);
    expect(readFileSync(join(dir, 'a.plist'))).toEqual(workflow);
    expect(io.out.join('')).toContain('1 SHA-256 checked');
  });

  it('reports unreadable and unsigned files with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-extract-'));
    writeFileSync(join(dir, 'plain.shortcut'), workflow);
    const io = testIO(dir);
    expect(await runCli(['extract', 'missing.shortcut', '-o', 'x.plist'], io)).toBe(1);
    expect(await runCli(['extract', 'plain.shortcut', '-o', 'x.plist'], io)).toBe(1);
    expect(io.err.join('')).toContain('SC9101');
    expect(io.err.join('')).toContain('plain.shortcut: error SC2002');
  });
});

describe('shortcutc verify', () => {
  it('prints a line per file and the closing count, failing on an untrusted signer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-verify-'));
    writeFileSync(join(dir, 'mine.shortcut'), selfSigned());
    const io = testIO(dir);
    expect(await runCli(['verify', '.', 'gone.shortcut'], io)).toBe(1);
    const text = io.out.join('');
    expect(text).toContain('FAILED  mine.shortcut');
    expect(text).toContain('SC2031'); // the Apple ID "certificate" is not one
    expect(text).toContain('FAILED  gone.shortcut');
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 passed, 2 failed');
  });

  it('writes JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-verify-'));
    writeFileSync(join(dir, 'mine.shortcut'), selfSigned());
    const io = testIO(dir);
    await runCli(['verify', 'mine.shortcut', '--json'], io);
    const report = JSON.parse(io.out.join('')) as { passed: number; failed: number; files: { file: string; valid: boolean }[] };
    expect(report).toMatchObject({ passed: 0, failed: 1, files: [{ file: 'mine.shortcut', valid: false }] });
  });
});

describeShared('shortcutc verify on the signed corpus', () => {
  it('accepts all 178 files', async () => {
    const io = testIO(sharedPath('corpus'));
    expect(await runCli(['verify', 'signed'], io)).toBe(0);
    const lines = io.out.join('').trimEnd().split('\n');
    expect(lines.at(-1)).toBe('178 passed, 0 failed');
    expect(lines.filter((l) => l.startsWith('ok      signed/')).length).toBe(178);
    expect(lines.some((l) => l.includes('(contact, people who know me'))).toBe(true);
  });

  it('info names the signer and the certificates of a signed file', async () => {
    const io = testIO(sharedPath('corpus', 'signed'));
    expect(await runCli(['info', '0xilis__libshortcutsign__tests_contactVerificationTest.shortcut', '0xilis__libshortcutsign__tests_iCloudVerificationTest.shortcut'], io)).toBe(0);
    const text = io.out.join('');
    expect(text).toContain('container:              signed (AEA1)');
    expect(text).toContain('signed for:             people who know me (contact)');
    expect(text).toContain('signed for:             anyone (iCloud)');
    expect(text).toContain('CN=Apple Root CA - G3, OU=Apple Certification Authority, O=Apple Inc., C=US (valid 2014-04-30 to 2039-04-30)');
  });
});
