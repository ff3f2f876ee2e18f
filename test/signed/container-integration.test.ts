import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { plistEqual } from '../../src/plist/equal.js';
import { roundTripViaIr } from '../../src/roundtrip/via-ir.js';
import type { PlistValue } from '../../src/plist/value.js';
import { extractSigned } from '../../src/signed/extract.js';
import { ecPointOfKey } from '../../src/signed/keys.js';
import { shortcutArchive, writeContainer } from '../support/aea-writer.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedFiles } from '../support/shared.js';

const workflow = new Map<string, PlistValue>([
  ['WFWorkflowActions', []],
  ['WFWorkflowClientVersion', '1146.11.1'],
]);

describe('readShortcutFile on signed files', () => {
  it('reads the workflow inside an AEA1 file, with the unreadable signer as a warning', () => {
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const point = ecPointOfKey(key.publicKey)!;
    const auth = writeBinaryPlist(new Map<string, PlistValue>([['SigningCertificateChain', [{ kind: 'data', bytes: new Uint8Array(3) }]]])).value!;
    const file = writeContainer(shortcutArchive(writeBinaryPlist(workflow).value!), { authData: auth, signingKey: key.privateKey, signingPublicKey: point });
    const read = readShortcutFile(file, 'x.shortcut');
    expect(read.ok).toBe(true);
    expect(read.value!.container).toBe('signed');
    expect(read.value!.plistFormat).toBe('binary');
    expect(read.value!.plist.get('WFWorkflowClientVersion')).toBe('1146.11.1');
    expect(read.value!.signature).toBeUndefined();
    expect(read.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([['SC2031', 'warning', 'x.shortcut']]);
  });

  it('fails with the signed reader\'s diagnostic on a damaged file', () => {
    const read = readShortcutFile(Buffer.from('AEA1\x01\x00\x00\x00'), 'bad.shortcut');
    expect(read.ok).toBe(false);
    expect(read.diagnostics[0]).toMatchObject({ code: 'SC2003', file: 'bad.shortcut' });
  });
});

describeShared('readShortcutFile on the signed corpus', () => {
  const files = sharedAvailable ? sharedFiles('corpus/signed') : [];
  it.each(files.map((f) => [basename(f), f]))('%s reads like an unsigned file, with its signer', (_name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const read = readShortcutFile(bytes, path);
    expect(read.diagnostics).toEqual([]);
    expect(read.value!.container).toBe('signed');
    expect(['icloud', 'contact']).toContain(read.value!.signature?.signer);
    // The same value as reading the extracted plist on its own.
    const alone = readBinaryPlist(extractSigned(bytes).value!.plist);
    expect(plistEqual(read.value!.plist, alone.value!)).toBe(true);
    // And it survives plist → IR → plist like an unsigned shortcut.
    const trip = roundTripViaIr(read.value!.plist);
    expect(trip.difference).toBeUndefined();
    expect(trip.ok).toBe(true);
  });
});
