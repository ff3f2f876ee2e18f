import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPlist } from '../../src/plist/read.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { plistEqual } from '../../src/plist/equal.js';
import { date, dict, uid } from '../../src/plist/value.js';
import { runInProcess } from '../support/cli.js';
import { temporaryDirectory } from '../support/plistlib.js';
import { repoPath } from '../support/shared.js';

const example = repoPath('examples', 'hello-world.shortcut');
let dir: string;

beforeEach(() => {
  dir = temporaryDirectory('shortcutc-cli-');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('shortcutc info', () => {
  it('describes the example shortcut', async () => {
    const run = await runInProcess(['info', example], dir);
    expect(run.exit).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('container:              XML property list');
    expect(run.stdout).toContain('client version:         2038.0.2.4');
    expect(run.stdout).toContain('minimum client version: 900 ("900")');
    expect(run.stdout).toContain('actions:                3');
    expect(run.stdout).toContain('icon:                   glyph 59511, colour 4282601983 (#FF4351FF)');
    expect(run.stdout).toContain('input classes:          WFStringContentItem, WFURLContentItem');
  });

  it('prints one JSON array for several files', async () => {
    writeFileSync(join(dir, 'copy.shortcut'), writeBinaryPlist(readPlist(readFileSync(example)).value!).value!);
    const run = await runInProcess(['info', '--json', example, 'copy.shortcut'], dir);
    expect(run.exit).toBe(0);
    const infos = JSON.parse(run.stdout) as { file: string; container: string; actionCount: number }[];
    expect(infos.map((i) => [i.file, i.container, i.actionCount])).toEqual([
      [example, 'xml', 3],
      ['copy.shortcut', 'binary', 3],
    ]);
  });

  it('walks folders for shortcut files, skipping hidden ones and other files', async () => {
    mkdirSync(join(dir, 'set', 'nested'), { recursive: true });
    const bytes = readFileSync(example);
    writeFileSync(join(dir, 'set', 'b.shortcut'), bytes);
    writeFileSync(join(dir, 'set', 'nested', 'a.plist'), bytes);
    writeFileSync(join(dir, 'set', '.hidden.shortcut'), 'not read');
    writeFileSync(join(dir, 'set', 'notes.txt'), 'not read');
    const run = await runInProcess(['info', '--json', 'set'], dir);
    expect(run.exit).toBe(0);
    expect((JSON.parse(run.stdout) as { file: string }[]).map((i) => i.file)).toEqual([join('set', 'b.shortcut'), join('set', 'nested', 'a.plist')]);
  });

  it('reports each bad file as `file: error CODE: message` on stderr, still describes the good ones, and exits 1', async () => {
    writeFileSync(join(dir, 'signed.shortcut'), new Uint8Array([0x41, 0x45, 0x41, 0x31, 0, 0, 0, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'broken.shortcut'), 'bplist00 and then nothing useful');
    writeFileSync(join(dir, 'bad.plist'), '<plist><dict><key>a</key></dict></plist>');
    mkdirSync(join(dir, 'empty'));
    const run = await runInProcess(['info', 'missing.shortcut', 'signed.shortcut', 'broken.shortcut', 'bad.plist', 'empty', example], dir);
    expect(run.exit).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.includes(': error '));
    expect(errors.map((line) => line.replace(/: error (SC\d+):.*/, ' $1'))).toEqual([
      'missing.shortcut SC9101',
      'empty SC9103',
      'signed.shortcut SC2001',
      'broken.shortcut SC1011',
      'bad.plist SC1038',
    ]);
    expect(run.stdout).toContain('actions:                3');
  });

  it('exits 2 on a usage error', async () => {
    expect((await runInProcess(['info'], dir)).exit).toBe(2);
    expect((await runInProcess(['info', '--colour', example], dir)).exit).toBe(2);
    expect((await runInProcess(['no-such-command'], dir)).exit).toBe(2);
  });
});

describe('shortcutc convert', () => {
  it('writes a binary plist by default and XML with --xml, losing nothing', async () => {
    const original = readPlist(readFileSync(example)).value!;
    const toBinary = await runInProcess(['convert', example, '-o', 'out.shortcut'], dir);
    expect([toBinary.exit, toBinary.stderr]).toEqual([0, '']);
    const binary = readFileSync(join(dir, 'out.shortcut'));
    expect(binary.subarray(0, 8).toString()).toBe('bplist00');
    expect(plistEqual(readPlist(binary).value!, original, { keyOrder: true })).toBe(true);

    const toXml = await runInProcess(['convert', 'out.shortcut', '--xml', '-o', 'back.shortcut'], dir);
    expect(toXml.exit).toBe(0);
    // The example is in Apple's XML layout, so the round trip gives it back byte for byte.
    expect(readFileSync(join(dir, 'back.shortcut'))).toEqual(readFileSync(example));
  });

  it('refuses to write XML that cannot hold the shortcut, names the value, and leaves no file', async () => {
    const value = dict([['WFWorkflowActions', [dict([['When', date(0.5)]])]], ['Ref', uid(1)]]);
    writeFileSync(join(dir, 'dated.shortcut'), writeBinaryPlist(value).value!);
    const run = await runInProcess(['convert', 'dated.shortcut', '--xml', '-o', 'dated.xml'], dir);
    expect(run.exit).toBe(1);
    expect(run.stderr).toMatch(/^dated\.shortcut: error SC1052: .*fractional seconds.* \(at WFWorkflowActions\[0\]\.When\)\n  help: write the shortcut as a binary plist/);
    expect(existsSync(join(dir, 'dated.xml'))).toBe(false);
  });

  it('reports unreadable input and unwritable output', async () => {
    const missing = await runInProcess(['convert', 'nope.shortcut', '-o', 'x.shortcut'], dir);
    expect([missing.exit, missing.stderr]).toEqual([1, 'nope.shortcut: error SC9101: cannot read: no such file or folder\n']);
    const unwritable = await runInProcess(['convert', example, '-o', join('no', 'such', 'dir.shortcut')], dir);
    expect(unwritable.exit).toBe(1);
    expect(unwritable.stderr).toMatch(/error SC9102: cannot write: no such file or folder/);
  });

  it('exits 2 on usage errors: --xml with --binary, or no output', async () => {
    expect((await runInProcess(['convert', example, '--xml', '--binary', '-o', 'x'], dir)).exit).toBe(2);
    expect((await runInProcess(['convert', example], dir)).exit).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
