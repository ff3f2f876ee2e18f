import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/catalog.js';
import { loadCatalog, loadCoreDocument, locateCatalog, parseCatalogText, userDataDir } from '../../src/catalog/load.js';
import { validateCatalog } from '../../src/catalog/validate.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'shortcutc-load-'));
const minimal = (actions: unknown[] = []): string => JSON.stringify({ format: 'shortcutc-catalog', version: 1, sources: [], actions });

describe('catalog location', () => {
  it('prefers --catalog, then SHORTCUTC_CATALOG, then the user folder, then the core', () => {
    const home = temp();
    const env = { XDG_DATA_HOME: join(home, 'data'), SHORTCUTC_CATALOG: 'env.json' };
    expect(locateCatalog({ flag: 'a.json', env, cwd: '/w', platform: 'linux', homedir: home })).toEqual({ kind: 'flag', path: '/w/a.json' });
    expect(locateCatalog({ env, cwd: '/w', platform: 'linux', homedir: home })).toEqual({ kind: 'env', path: '/w/env.json' });
    expect(locateCatalog({ env: { XDG_DATA_HOME: env.XDG_DATA_HOME }, platform: 'linux', homedir: home }).kind).toBe('builtin');
    mkdirSync(join(home, 'data', 'shortcutc'), { recursive: true });
    writeFileSync(join(home, 'data', 'shortcutc', 'catalog.json'), minimal());
    expect(locateCatalog({ env: { XDG_DATA_HOME: env.XDG_DATA_HOME }, platform: 'linux', homedir: home })).toEqual({ kind: 'user', path: join(home, 'data', 'shortcutc', 'catalog.json') });
  });

  it('uses the platform data folders', () => {
    expect(userDataDir({ env: {}, platform: 'linux', homedir: '/h' })).toBe('/h/.local/share/shortcutc');
    expect(userDataDir({ env: { XDG_DATA_HOME: '/x' }, platform: 'linux', homedir: '/h' })).toBe('/x/shortcutc');
    expect(userDataDir({ env: {}, platform: 'darwin', homedir: '/Users/u' })).toBe('/Users/u/Library/Application Support/shortcutc');
  });
});

describe('catalog loading', () => {
  it('loads the built-in core: valid, with the compiler-critical actions and wild keys', () => {
    const core = loadCoreDocument();
    expect(core.diagnostics).toEqual([]);
    const catalog = new Catalog(core.value as never);
    for (const id of ['conditional', 'choosefrommenu', 'repeat.count', 'repeat.each', 'setvariable', 'appendvariable', 'getvariable', 'gettext', 'text.combine', 'text.split', 'text.replace', 'text.match', 'dictionary', 'getvalueforkey', 'setvalueforkey', 'list', 'getitemfromlist', 'choosefromlist', 'number', 'math', 'calculateexpression', 'comment', 'ask', 'showresult', 'alert', 'nothing', 'url', 'downloadurl']) {
      expect(catalog.byIdentifier(`is.workflow.actions.${id}`), id).toBeDefined();
    }
    expect(catalog.keyStatus('is.workflow.actions.choosefrommenu', 'WFMenuItemTitle').kind).toBe('wild');
    expect(catalog.keyStatus('is.workflow.actions.runworkflow', 'WFWorkflowName').kind).toBe('wild');
    expect(catalog.keyStatus('is.workflow.actions.ask', 'WFAskActionPrompt').kind).toBe('declared');
    expect(catalog.keyStatus('is.workflow.actions.url', 'Show-WFURLActionURL').kind).toBe('wild');
    expect(catalog.keyStatus('is.workflow.actions.properties.images', 'WFContentItemPropertyName').kind).toBe('wild');
    expect(catalog.keyStatus('is.workflow.actions.url', 'WFURLActionUrl').kind).toBe('unknown');
    expect(catalog.suggestParameters('is.workflow.actions.url', 'WFURLActionUrl')[0]?.key).toBe('WFURLActionURL');
  });

  it('overlays the core on a loaded file and says where it came from', () => {
    const dir = temp();
    const file = join(dir, 'c.json');
    writeFileSync(file, minimal([{ identifier: 'com.example.App.DoIntent', pythonName: 'com_example_App_DoIntent', app: 'com.example.App', parameters: [], sources: ['workflowllm'] }]));
    const result = loadCatalog({ flag: file });
    expect(result.ok).toBe(true);
    expect(result.value?.origin).toEqual({ kind: 'flag', path: file });
    expect(result.value?.byIdentifier('com.example.App.DoIntent')).toBeDefined();
    expect(result.value?.byIdentifier('is.workflow.actions.conditional')).toBeDefined();
  });

  it('fails clearly on a missing, non-JSON, wrong-format or wrong-version file (no silent fallback)', () => {
    const dir = temp();
    expect(loadCatalog({ flag: join(dir, 'missing.json') }).diagnostics[0]?.code).toBe('SC7030');
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(loadCatalog({ flag: write('a.json', '{"format": ') }).diagnostics[0]?.code).toBe('SC7031');
    expect(loadCatalog({ flag: write('b.json', '[1]') }).diagnostics[0]?.code).toBe('SC7032');
    expect(loadCatalog({ flag: write('c.json', '{"format":"other"}') }).diagnostics[0]?.code).toBe('SC7034');
    expect(loadCatalog({ flag: write('d.json', '{"format":"shortcutc-catalog","version":99,"actions":[]}') }).diagnostics[0]?.code).toBe('SC7034');
    expect(loadCatalog({ flag: write('e.json', '{"format":"shortcutc-catalog","version":1,"actions":{}}') }).diagnostics[0]?.code).toBe('SC7032');
  });

  it('survives absurd nesting and wrong types inside entries (skipped with SC7033)', () => {
    expect(parseCatalogText('['.repeat(1_000_000)).diagnostics[0]?.code).toBe('SC7031');
    const deep = JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown;
    const result = validateCatalog({
      format: 'shortcutc-catalog',
      version: 1,
      actions: [
        'x',
        { identifier: 'a.b.C' },
        { identifier: 'a.b.D', pythonName: 'a_b_D', app: 'a.b', parameters: [{ key: 'k', default: deep }, { key: 7 }, { key: 'e', enum: [{ value: {} }] }, { key: '__proto__', relations: [{ key: 'k', relation: 'equals', values: ['v'] }] }], sources: ['core', 'bogus'] },
      ],
      wildKeys: [{ actions: 'x' }],
    });
    expect(result.ok).toBe(true);
    expect(result.value?.actions.map((a) => a.identifier)).toEqual(['a.b.D']);
    const params = result.value?.actions[0]?.parameters ?? [];
    expect(params.map((p) => p.key)).toEqual(['k', 'e', '__proto__']);
    expect(params[0]?.default).toBeUndefined();
    expect(result.value?.actions[0]?.sources).toEqual(['core']);
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(['SC7033']));
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(5);
  });
});
