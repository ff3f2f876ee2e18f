import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/catalog.js';
import { catalogDiagnostics } from '../../src/catalog/diagnostics.js';
import { duplicateDiagnostics } from '../../src/catalog/load.js';
import { valueKindOf } from '../../src/catalog/parameter-kinds.js';
import type { ActionEntry, CatalogDocument } from '../../src/catalog/schema.js';
import { editDistance } from '../../src/catalog/suggest.js';
import { allDiagnosticDefinitions } from '../../src/diagnostics/registry.js';
import { repoPath } from '../support/shared.js';

const action = (identifier: string, extra: Partial<ActionEntry> = {}): ActionEntry => ({
  identifier,
  pythonName: identifier.replaceAll('.', '_'),
  app: identifier.slice(0, identifier.lastIndexOf('.')),
  parameters: [],
  sources: ['core'],
  ...extra,
});

const doc: CatalogDocument = {
  format: 'shortcutc-catalog',
  version: 1,
  sources: [],
  actions: [
    action('is.workflow.actions.display.always-on.set'),
    action('is.workflow.actions.count', {
      parameters: [
        { key: 'WFCountType', label: 'Count', enum: [{ value: 'Items' }, { value: 'Characters' }, { value: 'Words' }], sources: ['core'] },
        { key: 'Input', class: 'WFVariablePickerParameter', sources: ['core'] },
      ],
      output: { name: 'Count', types: [] },
    }),
    action('is.workflow.actions.count', { name: 'a second entry with the same identifier' }),
  ],
  wildKeys: [{ actions: ['is.workflow.actions.*'], keys: ['Show-*'], note: 'ui' }],
};

describe('Catalog queries', () => {
  const catalog = new Catalog(doc);

  it('looks names up exactly and loosely', () => {
    expect(catalog.byPythonName('is_workflow_actions_display_always-on_set')?.identifier).toBe('is.workflow.actions.display.always-on.set');
    expect(catalog.byPythonName('is_workflow_actions_display_always_on_set')).toBeUndefined();
    expect(catalog.resolve('Is_Workflow_Actions_Display_Always_On_Set')).toMatchObject({ via: 'normalized' });
    expect(catalog.resolve('is.workflow.actions.count')).toMatchObject({ via: 'identifier' });
    expect(catalog.resolve('nope')).toBeUndefined();
  });

  it('answers parameters, key status, outputs and value kinds', () => {
    expect(catalog.parameter('is_workflow_actions_count', 'Input')?.class).toBe('WFVariablePickerParameter');
    expect(catalog.keyStatus('is.workflow.actions.count', 'Show-Input')).toMatchObject({ kind: 'wild', rule: { note: 'ui' } });
    expect(catalog.keyStatus('com.other.App.X', 'Show-Input').kind).toBe('unknown');
    expect(catalog.outputName('is.workflow.actions.count')).toBe('Count');
    expect(catalog.hasOutput('is.workflow.actions.display.always-on.set')).toBe(false);
    expect(catalog.hasOutput('unknown.action')).toBeUndefined();
    expect(valueKindOf(catalog.parameter('is.workflow.actions.count', 'WFCountType') as never)).toBe('enum');
    expect(valueKindOf(catalog.parameter('is.workflow.actions.count', 'Input') as never)).toBe('content');
  });

  it('suggests keys and enum values', () => {
    expect(catalog.suggestParameters('is.workflow.actions.count', 'WFCountTpye')[0]).toEqual({ key: 'WFCountType', distance: 1 });
    expect(catalog.suggestParameters('is.workflow.actions.count', 'count')[0]?.key).toBe('WFCountType');
    const param = catalog.parameter('is.workflow.actions.count', 'WFCountType');
    expect(catalog.suggestEnumValues(param as never, 'word').map((e) => e.value)).toEqual(['Words']);
    expect(catalog.suggestEnumValues(param as never, 'charcters').map((e) => e.value)).toEqual(['Characters']);
  });

  it('keeps the first of duplicate entries and reports them (SC7035)', () => {
    expect(catalog.duplicates).toEqual(['is.workflow.actions.count']);
    expect(catalog.size).toBe(2);
    expect(duplicateDiagnostics(catalog)[0]?.code).toBe('SC7035');
  });

  it('edit distance counts a swap as one edit and respects its bound', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 3)).toBe(4);
  });
});

describe('catalog diagnostics table', () => {
  it('has unique SC7xxx codes, all registered and documented in the README', () => {
    const codes = Object.values(catalogDiagnostics).map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^SC7\d{3}$/.test(c))).toBe(true);
    const registered = new Set(allDiagnosticDefinitions().map((d) => d.code));
    expect(codes.every((c) => registered.has(c))).toBe(true);
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    for (const c of codes) expect(readme, c).toContain(`| ${c} |`);
  });
});
