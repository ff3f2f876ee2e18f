import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { readPlist } from '../../src/plist/index.js';

function io(cwd: string): CliIO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  // An empty data folder, so the user catalog of the machine running the tests is never used.
  const env = { XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'shortcutc-xdg-')) };
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd, env, out: () => out.join(''), err: () => err.join('') };
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shortcutc-compile-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const GOOD = "t = is_workflow_actions_gettext(WFTextActionText='''hi''')\nis_workflow_actions_showresult(Text=t)\n";
const BAD = "x = 1 +\nis_workflow_actions_x(A=a < b)\nwhile True:\n    pass\n";

describe('shortcutc compile', () => {
  it('writes x.shortcut beside x.py: a binary plist that reads back', async () => {
    const dir = folder({ 'good.py': GOOD });
    const cli = io(dir);
    expect(await runCli(['compile', 'good.py'], cli)).toBe(0);
    const bytes = readFileSync(join(dir, 'good.shortcut'));
    expect(bytes.subarray(0, 8).toString()).toBe('bplist00');
    expect(readPlist(new Uint8Array(bytes)).ok).toBe(true);
    expect(cli.out()).toBe('1 compiled, 0 failed\n');
    expect(cli.err()).toContain('good.py:2:37: warning SC5507');
  });

  it('-o names the file for one input and the folder for several; --xml writes XML', async () => {
    const dir = folder({ 'a.py': GOOD, 'b.py': GOOD });
    expect(await runCli(['compile', 'a.py', '-o', 'one.shortcut', '--xml'], io(dir))).toBe(0);
    expect(readFileSync(join(dir, 'one.shortcut'), 'utf8')).toMatch(/^<\?xml/);
    expect(await runCli(['compile', 'a.py', 'b.py', '-o', 'out'], io(dir))).toBe(0);
    expect(existsSync(join(dir, 'out', 'a.shortcut')) && existsSync(join(dir, 'out', 'b.shortcut'))).toBe(true);
  });

  it('prints every error with file:line:col, a code frame and the fix; exit 1; no output file', async () => {
    const dir = folder({ 'bad.py': BAD });
    const cli = io(dir);
    expect(await runCli(['compile', 'bad.py'], cli)).toBe(1);
    const err = cli.err();
    expect(err).toMatch(/bad\.py:1:\d+: error SC4\d{3}: /);
    expect(err).toContain('bad.py:2:25: error SC5301:');
    expect(err).toContain('bad.py:3:1: error SC5101:');
    expect(err).toContain('> 3 | while True:');
    expect(err).toContain('help: ');
    expect(existsSync(join(dir, 'bad.shortcut'))).toBe(false);
    expect(cli.out()).toBe('0 compiled, 1 failed\n');
  });

  it('--json prints each file with status, output and diagnostics (line, column, suggestion)', async () => {
    const dir = folder({ 'good.py': GOOD, 'bad.py': BAD });
    const cli = io(dir);
    expect(await runCli(['compile', 'good.py', 'bad.py', '--json'], cli)).toBe(1);
    const reports = JSON.parse(cli.out()) as { file: string; status: string; output: string | null; diagnostics: { code: string; line: number; column: number; suggestion: string | null }[] }[];
    expect(reports.map((r) => [r.file, r.status, r.output])).toEqual([
      ['good.py', 'compiled', 'good.shortcut'],
      ['bad.py', 'failed', null],
    ]);
    expect(reports[1]!.diagnostics.find((d) => d.code === 'SC5101')).toMatchObject({ line: 3, column: 1 });
    expect(cli.err()).toBe('');
  });

  it('usage errors exit 2', async () => {
    const dir = folder({});
    expect(await runCli(['compile'], io(dir))).toBe(2);
    expect(await runCli(['compile', '--dataset', 'd.json'], io(dir))).toBe(2);
    expect(await runCli(['compile', 'a.py', '--dataset', 'd.json', '--out-dir', 'o'], io(dir))).toBe(2);
    expect(await runCli(['compile', '--dataset', 'd.json', '--out-dir', 'o', '--jobs', '0'], io(dir))).toBe(2);
  });

  it('--dataset compiles every sample, writes 000042.shortcut files and the report in order', async () => {
    const samples = [{ annotated_code: GOOD }, { annotated_code: BAD }, { other: 1 }, { annotated_code: GOOD }];
    const dir = folder({ 'data.json': JSON.stringify(samples), 'data.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
    for (const dataset of ['data.json', 'data.jsonl']) {
      const cli = io(dir);
      expect(await runCli(['compile', '--dataset', dataset, '--out-dir', `out-${dataset}`, '--report', `${dataset}.report.json`, '--jobs', '1'], cli)).toBe(1);
      expect(cli.out()).toBe('4 samples: 2 compiled, 2 failed\n');
      const report = JSON.parse(readFileSync(join(dir, `${dataset}.report.json`), 'utf8')) as {
        summary: { total: number; compiled: number; failed: number; byCode: Record<string, number>; failedSamplesByCode: Record<string, number> };
        samples: { index: number; status: string; output: string | null; diagnostics: { code: string }[] }[];
      };
      expect(report.summary).toMatchObject({ total: 4, compiled: 2, failed: 2 });
      expect(report.summary.failedSamplesByCode.SC9303).toBe(1);
      expect(report.summary.failedSamplesByCode.SC5101).toBe(1);
      expect(report.summary.byCode.SC5507).toBe(2);
      expect(report.samples.map((s) => [s.index, s.status, s.output])).toEqual([
        [0, 'compiled', join(`out-${dataset}`, '000000.shortcut')],
        [1, 'failed', null],
        [2, 'failed', null],
        [3, 'compiled', join(`out-${dataset}`, '000003.shortcut')],
      ]);
      expect(readFileSync(join(dir, `out-${dataset}`, '000003.shortcut')).subarray(0, 8).toString()).toBe('bplist00');
    }
  });

  it('--dataset --json prints the summary; a broken dataset is said so', async () => {
    const dir = folder({ 'cut.json': '[{"annotated_code": "x = 1\\n"}, {"annotated_code": "y' });
    const cli = io(dir);
    mkdirSync(join(dir, 'o'));
    expect(await runCli(['compile', '--dataset', 'cut.json', '--out-dir', 'o', '--json', '--jobs', '1'], cli)).toBe(1);
    expect(JSON.parse(cli.out())).toMatchObject({ total: 2, compiled: 1, failed: 1 });
    expect(cli.err()).toContain('SC9302');
  });

  it('shortcutc check reads code through the compiler\'s front end: checker findings point at lines and columns', async () => {
    const dir = folder({ 'c.py': "t = is_workflow_actions_gettext(WFTextActionTxt='''hi''')\n" });
    const cli = io(dir);
    await runCli(['check', 'c.py'], cli);
    expect(cli.out()).toMatch(/c\.py:1:33: \w+ SC6\d{3}: .*WFTextActionTxt/);
  });

  it('shortcutc roundtrip goes through canonical code by default', async () => {
    const dir = folder({ 'good.py': GOOD });
    expect(await runCli(['compile', 'good.py'], io(dir))).toBe(0);
    const cli = io(dir);
    expect(await runCli(['roundtrip', 'good.shortcut', '--json'], cli)).toBe(0);
    expect(JSON.parse(cli.out())).toMatchObject({ via: 'code', passed: 1, failed: 0 });
  });
});
