import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { writeXmlPlistText } from '../../src/plist/xml-writer.js';
import type { PlistValue } from '../../src/plist/value.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedPath } from '../support/shared.js';
import { action, control, output, shortcut, text, tokenAttachment } from '../support/shortcut-build.js';

function io(cwd: string): CliIO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd, env: {}, out: () => out.join(''), err: () => err.join('') };
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, PlistValue | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shortcutc-roundtrip-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string') {
      writeFileSync(join(dir, name), content);
      continue;
    }
    const bytes = name.endsWith('.xml') ? writeXmlPlistText(content) : writeBinaryPlist(content);
    if (!bytes.ok) throw new Error('could not write the test file');
    writeFileSync(join(dir, name), bytes.value);
  }
  return dir;
}

const good = shortcut([
  action('is.workflow.actions.gettext', { UUID: 'T', WFTextActionText: text('hi \uFFFC', [['{3, 1}', output('X')]]) }),
  control('if', 'G', 0, { WFInput: tokenAttachment(output('T')) }),
  control('if', 'G', 2),
  control('if', 'H', 1),
]);

describe('shortcutc roundtrip', () => {
  it('passes shortcuts that come back unchanged and closes with the counts', async () => {
    const dir = folderWith({ 'a.shortcut': good, 'b.xml': good });
    const cli = io(dir);
    expect(await runCli(['roundtrip', '.', '--via', 'ir'], cli)).toBe(0);
    expect(cli.out()).toBe('2 passed, 0 failed\n');
    // Lifting warnings go to stderr with the file and the plist path.
    expect(cli.err()).toMatch(/a\.shortcut: warning SC3009: .* \(at WFWorkflowActions\[0\]\.WFWorkflowActionParameters\.WFTextActionText\)/);
    expect(cli.err()).toContain('warning SC3005');
  });

  it('fails files that cannot be read or lifted, with exit code 1', async () => {
    const dir = folderWith({ 'good.shortcut': good, 'junk.shortcut': 'not a plist at all', 'array.plist': ['x'] });
    const cli = io(dir);
    expect(await runCli(['roundtrip', 'good.shortcut', 'junk.shortcut', 'array.plist'], cli)).toBe(1);
    expect(cli.out()).toContain('FAIL junk.shortcut: (root): the file could not be read as a shortcut');
    expect(cli.out()).toContain('FAIL array.plist');
    expect(cli.out().trimEnd().split('\n').at(-1)).toBe('1 passed, 2 failed');
    expect(cli.err()).toContain('SC9001');
  });

  it('prints one JSON object with --json', async () => {
    const dir = folderWith({ 'a.shortcut': good });
    const cli = io(dir);
    expect(await runCli(['roundtrip', 'a.shortcut', '--json', '--via', 'ir'], cli)).toBe(0);
    const report = JSON.parse(cli.out()) as { via: string; passed: number; failed: number; keyOrderKept: number; files: { file: string; ok: boolean; diagnostics: { code: string }[] }[] };
    expect(report).toMatchObject({ via: 'ir', passed: 1, failed: 0, keyOrderKept: 1 });
    expect(report.files[0]).toMatchObject({ file: 'a.shortcut', ok: true });
    expect(report.files[0]!.diagnostics.map((d) => d.code)).toEqual(['SC3009', 'SC3005']);
    expect(cli.err()).toBe('1 passed, 0 failed\n');
  });

  it('refuses an unknown --via and a missing file', async () => {
    const dir = folderWith({});
    expect(await runCli(['roundtrip', 'x', '--via', 'telepathy'], io(dir))).toBe(2);
    const cli = io(dir);
    expect(await runCli(['roundtrip', 'missing.shortcut'], cli)).toBe(1);
    expect(cli.out()).toBe('0 passed, 0 failed\n');
    expect(cli.err()).toContain('no such file');
  });
});

describeShared('shortcutc roundtrip over corpus/unsigned', () => {
  it('passes every file', async () => {
    const dir = sharedAvailable ? sharedPath('corpus', 'unsigned') : '';
    const count = sharedAvailable ? readdirSync(dir).filter((n) => !n.startsWith('.')).length : 0;
    const cli = io(process.cwd());
    expect(await runCli(['roundtrip', dir, '--via', 'ir'], cli)).toBe(0);
    expect(cli.out()).toBe(`${count} passed, 0 failed\n`);
  });
});
