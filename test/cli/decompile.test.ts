import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { runInProcess } from '../support/cli.js';
import { temporaryDirectory } from '../support/plistlib.js';
import { repoPath } from '../support/shared.js';

const example = (name: string): string => repoPath('examples', name);
const golden = (name: string): string => readFileSync(example(name), 'utf8');
let dir: string;

beforeEach(() => {
  dir = temporaryDirectory('shortcutc-decompile-');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('shortcutc decompile', () => {
  it('prints one file with --stdout', async () => {
    const run = await runInProcess(['decompile', example('hello-world.shortcut'), '--stdout'], dir);
    expect(run.exit).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(golden('hello-world.py'));
  });

  it('writes beside the input, or to -o', async () => {
    copyFileSync(example('menu-and-loops.shortcut'), join(dir, 'menu.shortcut'));
    expect((await runInProcess(['decompile', 'menu.shortcut'], dir)).exit).toBe(0);
    expect(readFileSync(join(dir, 'menu.py'), 'utf8')).toBe(golden('menu-and-loops.py'));
    expect((await runInProcess(['decompile', 'menu.shortcut', '-o', 'code.py'], dir)).exit).toBe(0);
    expect(readFileSync(join(dir, 'code.py'), 'utf8')).toBe(golden('menu-and-loops.py'));
  });

  it('walks folders, mirrors their layout, reports a failing file and goes on', async () => {
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    copyFileSync(example('hello-world.shortcut'), join(dir, 'in', 'hello.shortcut'));
    copyFileSync(example('legacy-workflow.wflow'), join(dir, 'in', 'sub', 'old.wflow'));
    writeFileSync(join(dir, 'in', 'sub', 'broken.shortcut'), 'not a plist');
    const run = await runInProcess(['decompile', 'in', '-o', 'out'], dir);
    expect(run.exit).toBe(1);
    expect(run.stderr).toContain('broken.shortcut');
    expect(run.stderr).toContain('error SC');
    expect(run.stderr).toContain('2 of 3 files decompiled, 1 failed');
    expect(readFileSync(join(dir, 'out', 'hello.py'), 'utf8')).toBe(golden('hello-world.py'));
    expect(readFileSync(join(dir, 'out', 'sub', 'old.py'), 'utf8')).toBe(golden('legacy-workflow.py'));
    expect(existsSync(join(dir, 'out', 'sub', 'broken.py'))).toBe(false);
  });

  it('keeps the extension when two inputs would write the same .py', async () => {
    mkdirSync(join(dir, 'in'));
    copyFileSync(example('hello-world.shortcut'), join(dir, 'in', 'x.shortcut'));
    copyFileSync(example('odd-corners.shortcut'), join(dir, 'in', 'x.plist'));
    expect((await runInProcess(['decompile', 'in', '-o', 'out'], dir)).exit).toBe(0);
    expect(readFileSync(join(dir, 'out', 'x.shortcut.py'), 'utf8')).toBe(golden('hello-world.py'));
    expect(readFileSync(join(dir, 'out', 'x.plist.py'), 'utf8')).toBe(golden('odd-corners.py'));
  });

  it('draws a progress bar on a terminal only', async () => {
    let stderr = '';
    const exit = await runCli(['decompile', example('hello-world.shortcut'), example('menu-and-loops.shortcut'), '-o', 'out'], {
      stdout: () => {},
      stderr: (text) => (stderr += text),
      isTTY: true,
      cwd: dir,
      env: {},
    });
    expect(exit).toBe(0);
    expect(stderr).toContain('] 2/2 ');
    const quiet = await runInProcess(['decompile', example('hello-world.shortcut'), example('menu-and-loops.shortcut'), '-o', 'out2'], dir);
    expect(quiet.stderr).toBe('2 of 2 files decompiled\n');
  });

  it('refuses -o together with --stdout, and missing inputs', async () => {
    expect((await runInProcess(['decompile', example('hello-world.shortcut'), '-o', 'x.py', '--stdout'], dir)).exit).toBe(2);
    const missing = await runInProcess(['decompile', 'nope.shortcut'], dir);
    expect(missing.exit).toBe(1);
    expect(missing.stderr).toContain('SC9101');
  });
});
