import { describe, expect, it } from 'vitest';
import { findWorkflow, readAppleArchive } from '../../src/signed/apple-archive.js';
import { attempt } from '../../src/signed/failure.js';
import { archiveEntry, shortcutArchive } from '../support/aea-writer.js';

describe('Apple Archive reader', () => {
  it('reads every field type', () => {
    const entry = archiveEntry([
      { key: 'TYP', type: '1', value: 0x46 },
      { key: 'PAT', type: 'P', value: 'dir/Ünïcode.txt' },
      { key: 'UID', type: '2', value: 501 },
      { key: 'GID', type: '4', value: 20 },
      { key: 'INO', type: '8', value: 2n ** 63n + 5n },
      { key: 'HLC', type: '*' },
      { key: 'XAT', type: 'A', data: Buffer.from('xattr') },
      { key: 'DAT', type: 'B', data: Buffer.from('file body') },
      { key: 'BIG', type: 'C', data: Buffer.from('eight-byte size') },
      { key: 'CKS', type: 'F', bytes: Buffer.alloc(4, 1) },
      { key: 'SH1', type: 'G', bytes: Buffer.alloc(20, 2) },
      { key: 'SH2', type: 'H', bytes: Buffer.alloc(32, 3) },
      { key: 'SH3', type: 'I', bytes: Buffer.alloc(48, 4) },
      { key: 'SH5', type: 'J', bytes: Buffer.alloc(64, 5) },
      { key: 'MTM', type: 'T', seconds: 1_700_000_000n, nanoseconds: 123 },
      { key: 'CTM', type: 'S', seconds: -5n },
    ]);
    const result = readAppleArchive(entry);
    expect(result.diagnostics).toEqual([]);
    const [e] = result.value!;
    expect(e!.type).toBe('F');
    expect(e!.path).toBe('dir/Ünïcode.txt');
    expect(Buffer.from(e!.data!).toString()).toBe('file body');
    const byKey = new Map(e!.fields.map((f) => [f.key, f.value]));
    expect(byKey.get('INO')).toEqual({ kind: 'uint', value: 2n ** 63n + 5n, bytes: 8 });
    expect(byKey.get('HLC')).toEqual({ kind: 'flag' });
    expect(byKey.get('MTM')).toEqual({ kind: 'timespec', seconds: 1_700_000_000n, nanoseconds: 123 });
    expect(byKey.get('CTM')).toEqual({ kind: 'timespec', seconds: -5n, nanoseconds: 0 });
    expect(byKey.get('SH5')).toMatchObject({ kind: 'hash' });
    const big = byKey.get('BIG');
    expect(big?.kind === 'blob' && Buffer.from(entry.subarray(big.offset, big.offset + big.size)).toString()).toBe('eight-byte size');
  });

  it('finds Shortcut.wflow whatever the field order', () => {
    const archive = Buffer.concat([
      archiveEntry([{ key: 'PAT', type: 'P', value: '' }, { key: 'TYP', type: '1', value: 0x44 }]),
      archiveEntry([
        { key: 'DAT', type: 'B', data: Buffer.from('bplist00…') },
        { key: 'PAT', type: 'P', value: 'Shortcut.wflow' },
        { key: 'TYP', type: '1', value: 0x46 },
      ], 'YAA1'),
    ]);
    const entries = readAppleArchive(archive).value!;
    expect(entries.map((e) => e.magic)).toEqual(['AA01', 'YAA1']);
    expect(Buffer.from(findWorkflow(entries)).toString()).toBe('bplist00…');
  });

  it('refuses entries that run past the archive', () => {
    const archive = shortcutArchive(Buffer.from('bplist00'));
    expect(readAppleArchive(archive.subarray(0, archive.length - 1)).diagnostics[0]?.code).toBe('SC2020');
    expect(readAppleArchive(archive.subarray(0, 3)).diagnostics[0]?.code).toBe('SC2020');
    const huge = archiveEntry([{ key: 'DAT', type: 'C', data: Buffer.alloc(1) }]);
    huge.writeBigUInt64LE(2n ** 64n - 1n, huge.indexOf(Buffer.from('DATC')) + 4);
    expect(readAppleArchive(huge).diagnostics[0]?.code).toBe('SC2020');
  });

  it('refuses bad magic, impossible header sizes, unknown types and fields cut by the header', () => {
    expect(readAppleArchive(Buffer.from('ZZ01\x06\x00')).diagnostics[0]?.code).toBe('SC2021');
    expect(readAppleArchive(Buffer.from('AA01\x03\x00')).diagnostics[0]?.code).toBe('SC2021');
    const unknown = archiveEntry([{ key: 'TYP', type: '1', value: 0x46 }]);
    unknown[9] = 'Q'.charCodeAt(0);
    expect(readAppleArchive(unknown).diagnostics[0]?.message).toContain('unknown type "Q"');
    const cut = archiveEntry([{ key: 'PAT', type: 'P', value: 'long path name' }]);
    cut.writeUInt16LE(cut.readUInt16LE(4) - 3, 4);
    expect(readAppleArchive(cut).diagnostics[0]?.code).toBe('SC2021');
  });

  it('says which files there are when Shortcut.wflow is missing', () => {
    const entries = readAppleArchive(archiveEntry([{ key: 'TYP', type: '1', value: 0x46 }, { key: 'PAT', type: 'P', value: 'other.plist' }])).value!;
    const result = attempt(() => findWorkflow(entries));
    expect(result.diagnostics[0]?.code).toBe('SC2022');
    expect(result.diagnostics[0]?.message).toContain('other.plist');
  });
});
