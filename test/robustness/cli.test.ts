/**
 * Every command, run in process on a folder of hostile entries: garbage,
 * empty and truncated files, folders named like shortcuts, unreadable files,
 * symbolic-link loops, a FIFO. Each command reports each bad file on its own
 * line with a code and exits 1 — never an internal error, never a hang.
 *
 * Unreadable files (mode 000) are skipped when the tests run as root, which
 * reads them anyway; the FIFO case needs `mkfifo` (skipped without it).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, type CliRun } from '../support/cli.js';
import { repoPath } from '../support/shared.js';
import { binaryOf, richShortcut, signedOf } from './samples.js';

const isRoot = process.getuid?.() === 0;
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

let root: string;
let env: Record<string, string | undefined>;

/** The bad shortcut-like entries, as the commands display them. */
const BAD_SHORTCUTS = ['garbage.shortcut', 'empty.shortcut', 'truncated.shortcut', 'xml-garbage.plist', 'signed-garbage.shortcut', 'loop1.shortcut', 'loop2.shortcut', 'self.shortcut'];
const BAD_CODE = ['empty-ish.py', 'binary.py', 'deep.py', 'self.py'];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shortcutc-hostile-'));
  const dir = join(root, 'in');
  mkdirSync(dir);
  const good = binaryOf(richShortcut());
  writeFileSync(join(dir, 'good.shortcut'), good);
  writeFileSync(join(dir, 'garbage.shortcut'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 2_654_435_761) >>> 24));
  writeFileSync(join(dir, 'empty.shortcut'), '');
  writeFileSync(join(dir, 'truncated.shortcut'), good.subarray(0, good.length - 7));
  writeFileSync(join(dir, 'xml-garbage.plist'), '<?xml version="1.0"?><plist><dict><key>WFWorkflowActions</key><array><dict>');
  writeFileSync(join(dir, 'signed-garbage.shortcut'), signedOf(richShortcut()).subarray(0, 700));
  mkdirSync(join(dir, 'folder.shortcut'));
  writeFileSync(join(dir, 'folder.shortcut', 'inside.txt'), 'not a shortcut');
  symlinkSync('loop2.shortcut', join(dir, 'loop1.shortcut'));
  symlinkSync('loop1.shortcut', join(dir, 'loop2.shortcut'));
  symlinkSync('self.shortcut', join(dir, 'self.shortcut'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  symlinkSync('.', join(dir, 'sub', 'here'));
  writeFileSync(join(dir, 'good.py'), readFileSync(repoPath('examples', 'hello-world.py')));
  writeFileSync(join(dir, 'empty-ish.py'), 'x = = 1\n');
  writeFileSync(join(dir, 'binary.py'), Uint8Array.from([0xff, 0xfe, 0, 0x80, 0x22, 0x27, 0x27, 0x27]));
  writeFileSync(join(dir, 'deep.py'), `x = ${'['.repeat(5000)}\n`);
  symlinkSync('self.py', join(dir, 'self.py'));
  mkdirSync(join(dir, 'folder.py'));
  if (!isRoot) {
    writeFileSync(join(dir, 'locked.shortcut'), good);
    chmodSync(join(dir, 'locked.shortcut'), 0o000);
    writeFileSync(join(dir, 'locked.py'), 'x = 1\n');
    chmodSync(join(dir, 'locked.py'), 0o000);
    mkdirSync(join(dir, 'locked-folder'));
    writeFileSync(join(dir, 'locked-folder', 'a.shortcut'), good);
    chmodSync(join(dir, 'locked-folder'), 0o000);
  }
  if (hasMkfifo) {
    spawnSync('mkfifo', [join(dir, 'pipe.shortcut')]);
    spawnSync('mkfifo', [join(dir, 'pipe.py')]);
  }
  mkdirSync(join(root, 'data'));
  env = { XDG_DATA_HOME: join(root, 'data'), HOME: root };
});

afterAll(() => {
  if (!isRoot) for (const p of ['locked.shortcut', 'locked.py', 'locked-folder']) chmodSync(join(root, 'in', p), 0o700);
  rmSync(root, { recursive: true, force: true });
});

const run = (argv: readonly string[]): Promise<CliRun> => runInProcess(argv, root, env);

/** Exit 1, no internal error, and every named file reported with a diagnostic code. */
function expectPerFile(result: CliRun, files: readonly string[]): void {
  const all = result.stdout + result.stderr;
  expect(all).not.toContain('internal error');
  expect(result.exit).toBe(1);
  for (const file of files) {
    const line = all.split('\n').find((l) => l.includes(file) && /SC\d{4}/.test(l));
    expect(line, `${file} reported with a code in:\n${all.slice(0, 3000)}`).toBeDefined();
  }
}

const extras = (kind: 'shortcut' | 'code'): string[] => [
  ...(isRoot ? [] : kind === 'shortcut' ? ['locked.shortcut', 'locked-folder'] : ['locked.py', 'locked-folder']),
  ...(hasMkfifo ? [kind === 'shortcut' ? 'pipe.shortcut' : 'pipe.py'] : []),
];

describe('every command on a folder of hostile entries', () => {
  it('info', async () => {
    const result = await run(['info', 'in']);
    expectPerFile(result, [...BAD_SHORTCUTS, ...extras('shortcut')]);
    expect(result.stdout).toContain('in/good.shortcut');
  });

  it('info --json', async () => {
    const result = await run(['info', 'in', '--json']);
    expectPerFile(result, BAD_SHORTCUTS);
    expect((JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file)).toEqual(['in/good.shortcut']);
  });

  it('decompile', async () => {
    const result = await run(['decompile', 'in', '-o', 'out-decompiled']);
    expectPerFile(result, [...BAD_SHORTCUTS, ...extras('shortcut')]);
    expect(readFileSync(join(root, 'out-decompiled', 'good.py'), 'utf8').startsWith('__workflow__ = ')).toBe(true);
  });

  it('check', async () => {
    const result = await run(['check', 'in']);
    expectPerFile(result, [...BAD_SHORTCUTS, ...BAD_CODE, ...extras('shortcut'), ...extras('code')]);
  });

  it('check --json', async () => {
    const result = await run(['check', 'in', '--json']);
    expect(result.exit).toBe(1);
    const reports = JSON.parse(result.stdout) as { file: string; diagnostics: { code: string }[] }[];
    for (const file of ['garbage.shortcut', 'empty.shortcut', 'deep.py', 'binary.py']) {
      expect(reports.find((r) => r.file === `in/${file}`)?.diagnostics.length, file).toBeGreaterThan(0);
    }
  });

  it('roundtrip', async () => {
    const result = await run(['roundtrip', 'in']);
    expectPerFile(result, [...BAD_SHORTCUTS, ...extras('shortcut')]);
    expect(result.stdout).toMatch(/\n1 passed, \d+ failed\n$/);
  });

  it('verify', async () => {
    const result = await run(['verify', 'in']);
    expectPerFile(result, ['garbage.shortcut', 'empty.shortcut', 'signed-garbage.shortcut', 'loop1.shortcut', 'self.shortcut', ...extras('shortcut')]);
    expect(result.stdout).toMatch(/\n0 passed, \d+ failed\n$/);
  });

  it('compile', async () => {
    const result = await run(['compile', 'in', '-o', 'out-compiled']);
    expectPerFile(result, [...BAD_CODE.filter((f) => f !== 'empty-ish.py'), 'empty-ish.py', ...extras('code')]);
    expect(readFileSync(join(root, 'out-compiled', 'good.shortcut')).subarray(0, 8).toString()).toBe('bplist00');
  });

  it('convert and extract, one bad file at a time', async () => {
    for (const file of ['garbage.shortcut', 'empty.shortcut', 'truncated.shortcut', 'xml-garbage.plist', 'signed-garbage.shortcut', 'self.shortcut', 'folder.shortcut', ...extras('shortcut').filter((f) => f !== 'locked-folder')]) {
      for (const argv of [
        ['convert', `in/${file}`, '-o', 'converted.shortcut'],
        ['convert', `in/${file}`, '-o', 'converted.xml', '--xml'],
        ['extract', `in/${file}`, '-o', 'extracted.plist'],
      ]) {
        expectPerFile(await run(argv), [file]);
      }
    }
  });

  it('a folder named directly that holds no shortcuts, and a path that does not exist', async () => {
    expectPerFile(await run(['info', 'in/folder.shortcut']), ['folder.shortcut']);
    expectPerFile(await run(['decompile', 'in/no-such.shortcut', '--stdout']), ['no-such.shortcut']);
    expectPerFile(await run(['check', 'in/sub']), ['in/sub']);
  });

  it('catalog import from folders of hostile pickles', async () => {
    const broken = join(root, 'pickles-broken');
    mkdirSync(broken);
    // A FRAME of 2^63 bytes, then a BINUNICODE8 cut short.
    writeFileSync(join(broken, 'identifier2json.pkl'), Uint8Array.from([0x80, 4, 0x95, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x8d, 0xff]));
    writeFileSync(join(broken, 'WFActions.plist'), 'bplist00 garbage');
    expectPerFile(await run(['catalog', 'import', 'pickles-broken', '--to', 'catalog.json']), ['identifier2json.pkl', 'WFActions.plist']);

    const odd = join(root, 'pickles-odd');
    mkdirSync(odd);
    writeFileSync(join(odd, 'identifier2json.pkl'), Uint8Array.from([0x80, 4, 0x7d, 0x94, 0x2e]));
    mkdirSync(join(odd, 'identifier2python.pkl'));
    writeFileSync(join(odd, 'identifier2output.pkl'), Uint8Array.from([0x80, 4, 0x8c]));
    if (hasMkfifo) spawnSync('mkfifo', [join(odd, 'identifier2keyparams.pkl')]);
    expectPerFile(await run(['catalog', 'import', 'pickles-odd', '--to', 'catalog.json']), [
      'identifier2python.pkl',
      'identifier2output.pkl',
      ...(hasMkfifo ? ['identifier2keyparams.pkl'] : []),
    ]);
  });

  it('--catalog naming a FIFO, a device, a folder or garbage', async () => {
    writeFileSync(join(root, 'garbage-catalog.json'), '{"format": ');
    const catalogs = ['garbage-catalog.json', 'in', ...(hasMkfifo ? ['in/pipe.shortcut'] : [])];
    for (const catalog of catalogs) {
      const result = await run(['check', 'in/good.shortcut', '--catalog', catalog]);
      expectPerFile(result, [catalog]);
    }
  });
});
