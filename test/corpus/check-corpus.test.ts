import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { checkWorkflow, checkFile } from '../../src/checker/index.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { flatActions } from '../../src/ir/walk.js';
import { liftWorkflow } from '../../src/lift/index.js';
import { sharedCatalog } from '../support/catalog.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedFiles } from '../support/shared.js';

/**
 * No false alarms on real shortcuts: every unsigned corpus file checks
 * without an error against the full catalog, and what does warn is genuinely
 * unknown to the catalog (an action, a key neither declared nor wild, a
 * value outside an enum).
 */
describeShared('check over corpus/unsigned (full catalog)', () => {
  const files = sharedAvailable ? sharedFiles('corpus/unsigned') : [];

  it('has the corpus files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [basename(file), file]))('%s', (name, file) => {
    const { catalog } = sharedCatalog();
    const result = checkFile(new Uint8Array(readFileSync(file)), name, catalog);
    expect(result.checked).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
    for (const d of result.diagnostics.filter((x) => x.severity === 'warning' && x.code.startsWith('SC6'))) {
      expect(['SC6001', 'SC6002', 'SC6003'], `${d.code} ${d.message}`).toContain(d.code);
    }
  });

  const signed = sharedAvailable ? sharedFiles('corpus/signed') : [];

  it('checks every signed corpus file without an error too', () => {
    const { catalog } = sharedCatalog();
    expect(signed.length).toBeGreaterThan(0);
    for (const file of signed) {
      const result = checkFile(new Uint8Array(readFileSync(file)), basename(file), catalog);
      expect(result.checked, file).toBe(true);
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${basename(file)}: ${d.code} ${d.message}`)).toEqual([]);
    }
  });

  it('warns only about what the catalog lacks', () => {
    const { catalog } = sharedCatalog();
    for (const file of files) {
      const read = readShortcutFile(new Uint8Array(readFileSync(file)));
      if (!read.ok) continue;
      const lifted = liftWorkflow(read.value.plist);
      if (!lifted.ok) continue;
      const actions = [...flatActions(lifted.value.body)];
      const found: Diagnostic[] = checkWorkflow(lifted.value, catalog, { origin: 'shortcut' });
      for (const d of found) {
        if (d.severity !== 'warning') continue;
        const path = d.location?.kind === 'plist' ? d.location.path : [];
        const action = actions[path[1] as number];
        expect(action, d.message).toBeDefined();
        if (action === undefined || action.role === 'raw') continue;
        if (d.code === 'SC6001') expect(catalog.byIdentifier(action.identifier)).toBeUndefined();
        if (d.code === 'SC6002') expect(catalog.keyStatus(action.identifier, String(path[3])).kind).toBe('unknown');
        if (d.code === 'SC6003') {
          const parameter = catalog.parameter(action.identifier, String(path[3]));
          const value = action.core.parameters.find((p) => p.key === path[3])?.value;
          const literal = value?.kind === 'string' ? value.value : undefined;
          expect(parameter?.enum?.some((item) => String(item.value) === literal)).toBe(false);
        }
      }
    }
  });
});
