import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checker/index.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import type { JsonFileReport } from '../../src/cli/commands/check.js';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { checkerCatalog } from '../support/checker-catalog.js';
import { action, control, int, named, shortcut, text, tokenAttachment } from '../support/shortcut-build.js';

function io(cwd: string): CliIO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  // An empty data folder: the machine's own user catalog is never used.
  const env = { XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'shortcutc-xdg-')) };
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd, env, out: () => out.join(''), err: () => err.join('') };
}

function folder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shortcutc-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const binary = (plist: Parameters<typeof writeBinaryPlist>[0]): Uint8Array => {
  const written = writeBinaryPlist(plist);
  if (!written.ok) throw new Error('cannot write');
  return written.value;
};
const xml = (plist: Parameters<typeof writeXmlPlist>[0]): Uint8Array => {
  const written = writeXmlPlist(plist);
  if (!written.ok) throw new Error('cannot write');
  return written.value;
};

const clean = shortcut([action('is.workflow.actions.comment', { WFCommentActionText: 'fine' })]);
const flawed = shortcut([
  action('is.workflow.actions.dowloadurl', { WFURL: 'https://example.com' }),
  action('is.workflow.actions.getitemfromlist', { WFItemSpecifier: 'Frist Item' }),
  action('is.workflow.actions.showresult', { Text: tokenAttachment(named('never set')) }),
]);
const unterminated = shortcut([control('if', 'G', 0, { WFCondition: int(100) }), action('is.workflow.actions.comment', { WFCommentActionText: 'x' })]);

describe('shortcutc check', () => {
  it('prints each problem with its plist path and suggestion, then a summary; shortcut files never fail on catalog gaps', async () => {
    const dir = folder({ 'flawed.shortcut': binary(flawed), 'clean.plist': xml(clean) });
    const cli = io(dir);
    expect(await runCli(['check', 'flawed.shortcut', 'clean.plist'], cli)).toBe(0);
    expect(cli.out()).toContain(
      'flawed.shortcut: warning SC6001: unknown action `is.workflow.actions.dowloadurl`: the catalog does not know it (an app the catalog does not cover, or an action of another Shortcuts version) (at WFWorkflowActions[0])\n  help: did you mean `is.workflow.actions.downloadurl`',
    );
    expect(cli.out()).toContain('flawed.shortcut: warning SC6003: `WFItemSpecifier` does not take "Frist Item"');
    expect(cli.out()).not.toContain('SC6006'); // information only, shown with --verbose
    expect(cli.out()).toMatch(/2 files checked: 0 errors, 2 warnings\n$/);
    const verbose = io(dir);
    await runCli(['check', 'flawed.shortcut', '--verbose'], verbose);
    expect(verbose.out()).toContain('info SC6006: `never set` is never set in this workflow');
    expect(verbose.err()).toContain('catalog: the built-in core catalog');
  });

  it('--json prints one array of files with code, severity, message, line, column, suggestion and path', async () => {
    const dir = folder({ 'a/flawed.wflow': binary(flawed), 'a/b/clean.xml': xml(clean), 'a/notes.txt': 'not a shortcut' });
    const cli = io(dir);
    expect(await runCli(['check', 'a', '--json'], cli)).toBe(0);
    const reports = JSON.parse(cli.out()) as JsonFileReport[];
    expect(reports.map((r) => r.file)).toEqual([join('a', 'flawed.wflow'), join('a', 'b', 'clean.xml')]);
    expect(reports[0]?.diagnostics[0]).toEqual({
      code: 'SC6001',
      severity: 'warning',
      message: expect.stringContaining('unknown action') as string,
      line: null,
      column: null,
      suggestion: expect.stringMatching(/^did you mean `is\.workflow\.actions\.downloadurl`/) as string,
      path: 'WFWorkflowActions[0]',
    });
    expect(reports[1]?.diagnostics).toEqual([]);
  });

  it('passes on what reading and lifting found (malformed control flow), before its own findings', async () => {
    const dir = folder({ 'u.shortcut': binary(unterminated) });
    const cli = io(dir);
    expect(await runCli(['check', 'u.shortcut', '--json'], cli)).toBe(0);
    const [report] = JSON.parse(cli.out()) as JsonFileReport[];
    expect(report?.diagnostics.map((d) => d.code)).toEqual(['SC3006']);
  });

  it('exits 1 when a file cannot be read, and keeps checking the others', async () => {
    const dir = folder({ 'bad.shortcut': 'hello', 'clean.shortcut': binary(clean) });
    const cli = io(dir);
    expect(await runCli(['check', 'bad.shortcut', 'missing.shortcut', 'clean.shortcut', '--json'], cli)).toBe(1);
    const reports = JSON.parse(cli.out()) as JsonFileReport[];
    expect(reports.map((r) => [r.file, r.diagnostics.map((d) => d.severity)])).toEqual([
      ['bad.shortcut', ['error']],
      ['clean.shortcut', []],
    ]);
    expect(cli.err()).toContain('missing.shortcut: error SC9101');
  });

  it('exits 1 when the catalog named with --catalog cannot be read', async () => {
    const dir = folder({ 'clean.shortcut': binary(clean) });
    const cli = io(dir);
    expect(await runCli(['check', 'clean.shortcut', '--catalog', 'nowhere.json'], cli)).toBe(1);
    expect(cli.err()).toContain('SC7030');
  });

  it('reads text variables in shortcut files like any other reference', async () => {
    const dir = folder({ 't.shortcut': binary(shortcut([action('is.workflow.actions.showresult', { Text: text('\uFFFC', [['{0, 1}', named('Repeat Item')]]) })])) });
    const cli = io(dir);
    await runCli(['check', 't.shortcut', '--json', '--verbose'], cli);
    const [report] = JSON.parse(cli.out()) as JsonFileReport[];
    expect(report?.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['SC6011 info']);
  });
});

describe('checkFile on hostile bytes', () => {
  it('never throws, and either checks a workflow or says with an error why not', () => {
    const catalog = checkerCatalog();
    const valid = binary(flawed);
    const sound = (result: ReturnType<typeof checkFile>): boolean => result.checked || hasErrors(result.diagnostics);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), fc.nat(255), (noise, at, byte) => {
        expect(sound(checkFile(noise, 'noise.shortcut', catalog))).toBe(true);
        const mutated = valid.slice();
        mutated[at % mutated.length] = byte;
        expect(sound(checkFile(mutated, 'mutated.shortcut', catalog))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
