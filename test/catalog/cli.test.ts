import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';
import { pickle, type Py } from '../support/pickle-writer.js';

function io(env: Record<string, string | undefined> = {}, cwd = process.cwd()): CliIO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd, env, out: () => out.join(''), err: () => err.join('') };
}

// An empty data folder, so the user catalog of the machine running the tests is never used.
const isolated = (): Record<string, string> => ({ XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'shortcutc-xdg-')) });

describe('shortcutc catalog (built-in core)', () => {
  it('stats says it uses the core with --verbose', async () => {
    const cli = io(isolated());
    expect(await runCli(['catalog', 'stats', '--verbose'], cli)).toBe(0);
    expect(cli.out()).toMatch(/^APIs: \d+ actions/);
    expect(cli.out()).toContain('in the built-in core:');
    expect(cli.err()).toContain('the built-in core catalog');
    const json = io(isolated());
    expect(await runCli(['catalog', 'stats', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ bySource: { core: expect.any(Number) as number } });
  });

  it('search ranks and limits', async () => {
    const cli = io(isolated());
    expect(await runCli(['catalog', 'search', 'download', 'url', '-n', '2', '--json'], cli)).toBe(0);
    const hits = JSON.parse(cli.out()) as { identifier: string }[];
    expect(hits).toHaveLength(2);
    expect(hits[0]?.identifier).toBe('is.workflow.actions.downloadurl');
    expect(await runCli(['catalog', 'search', 'x', '-n', 'zero'], io(isolated()))).toBe(2);
  });

  it('show prints a Python signature with Literal enums, defaults and relations', async () => {
    const cli = io(isolated());
    expect(await runCli(['catalog', 'show', 'is.workflow.actions.getitemfromlist'], cli)).toBe(0);
    const text = cli.out();
    expect(text).toContain('def is_workflow_actions_getitemfromlist(');
    expect(text).toContain("WFItemSpecifier: Literal['First Item', 'Last Item', 'Random Item', 'Item At Index', 'Items in Range'] = 'First Item'");
    expect(text).toContain("only when WFItemSpecifier is 'Item At Index'");
    expect(text).toContain(') -> object:');
    const loose = io(isolated());
    expect(await runCli(['catalog', 'show', 'IS_WORKFLOW_ACTIONS_GETITEMFROMLIST'], loose)).toBe(0);
  });

  it('show of an unknown name fails with SC7050 and the nearest names', async () => {
    const cli = io(isolated());
    expect(await runCli(['catalog', 'show', 'is_workflow_actions_getitemfromlst'], cli)).toBe(1);
    expect(cli.err()).toContain('SC7050');
    expect(cli.err()).toContain('did you mean `is_workflow_actions_getitemfromlist`');
  });

  it('a --catalog that cannot be read is an error, not a fallback', async () => {
    const cli = io(isolated());
    expect(await runCli(['catalog', 'stats', '--catalog', '/nonexistent/catalog.json'], cli)).toBe(1);
    expect(cli.err()).toContain('SC7030');
  });
});

describe('shortcutc catalog import', () => {
  const source = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'shortcutc-src-'));
    const entry = new Map<string, Py>([
      ['name', 'com.example.Notes.AddNoteIntent'],
      ['description', 'Adds a note.'],
      ['required_parameters', [new Map<string, Py>([['name', 'text'], ['type', 'STRING'], ['description', 'Text']])]],
      ['optional_parameters', []],
      ['return_data', []],
    ]);
    writeFileSync(join(dir, 'identifier2json.pkl'), pickle({ defaultdict: 'str', entries: new Map<Py, Py>([['com.example.Notes.AddNoteIntent', ['com.example.Notes.AddNoteIntent', entry]]]) }));
    writeFileSync(
      join(dir, 'WFActions.plist'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>is.workflow.actions.flashlight</key><dict><key>Name</key><string>Set Flashlight</string><key>Category</key><string>Settings</string></dict></dict></plist>\n',
    );
    return dir;
  };

  it('writes the catalog to --to (or the user folder) and it is then used', async () => {
    const env = isolated();
    const dir = source();
    const target = join(dir, 'out', 'catalog.json');
    const cli = io(env);
    expect(await runCli(['catalog', 'import', dir, '--to', target], cli)).toBe(0);
    expect(cli.out()).toContain('wrote ' + target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ format: 'shortcutc-catalog', version: 1 });

    const user = io(env);
    expect(await runCli(['catalog', 'import', dir], user)).toBe(0);
    const userPath = join(env.XDG_DATA_HOME as string, 'shortcutc', 'catalog.json');
    expect(existsSync(userPath)).toBe(true);
    const show = io(env);
    expect(await runCli(['catalog', 'show', 'com_example_Notes_AddNoteIntent', '--verbose'], show)).toBe(0);
    expect(show.out()).toContain('text: str');
    expect(show.err()).toContain('(the user data folder)');
    const flash = io(env);
    expect(await runCli(['catalog', 'show', 'is.workflow.actions.flashlight'], flash)).toBe(0);
    expect(flash.out()).toContain('# Set Flashlight');
  });

  it('reports hostile sources as diagnostics and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shortcutc-bad-'));
    writeFileSync(join(dir, 'identifier2json.pkl'), Buffer.from('cos\nsystem\n(Vecho pwned\ntR.', 'latin1'));
    writeFileSync(join(dir, 'WFActions.plist'), 'not a plist');
    const cli = io(isolated());
    expect(await runCli(['catalog', 'import', dir, '--to', join(dir, 'c.json')], cli)).toBe(1);
    expect(cli.err()).toContain('SC7003');
    expect(cli.err()).toContain('SC7020');
    expect(existsSync(join(dir, 'c.json'))).toBe(false);
    // One good source and one corrupt one: still a failure, nothing written.
    const half = source();
    writeFileSync(join(half, 'WFActions.plist'), '<?xml version="1.0"?><plist><dict><key>a</key>');
    const partial = io(isolated());
    expect(await runCli(['catalog', 'import', half, '--to', join(half, 'c.json')], partial)).toBe(1);
    expect(partial.err()).toContain('SC7020');
    expect(existsSync(join(half, 'c.json'))).toBe(false);
    const empty = io(isolated());
    expect(await runCli(['catalog', 'import', mkdtempSync(join(tmpdir(), 'shortcutc-empty-'))], empty)).toBe(1);
    expect(empty.err()).toContain('SC7040');
  });
});
