import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { decompileModule } from '../../src/emitter/decompile.js';
import { describeShared } from '../support/corpus.js';
import { parseWithPython, python3Version } from '../support/python-ast.js';
import { printModule } from '../../src/syntax/printer/index.js';
import { inCI, sharedAvailable, sharedFiles } from '../support/shared.js';

/**
 * Issue #4's done-when over corpus/unsigned: every file decompiles without an
 * error, CPython's `ast.parse` accepts every output, and two runs give the
 * same bytes.
 */
describeShared('decompile over corpus/unsigned', () => {
  const files = sharedAvailable ? sharedFiles('corpus/unsigned') : [];
  const outputs: { name: string; code: string }[] = [];

  it('decompiles all 204 files without an error, the same bytes twice', () => {
    expect(files).toHaveLength(204);
    const failed: string[] = [];
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const first = decompileModule(bytes, { file: basename(file) });
      const errors = first.diagnostics.filter((d) => d.severity === 'error');
      if (first.module === undefined || errors.length > 0) {
        failed.push(`${basename(file)}: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
        continue;
      }
      const code = printModule(first.module);
      const again = decompileModule(bytes, { file: basename(file) });
      expect(printModule(again.module!), basename(file)).toBe(code);
      outputs.push({ name: basename(file), code });
    }
    expect(failed).toEqual([]);
  });

  it.skipIf(python3Version() === undefined && !inCI)('every output passes ast.parse', () => {
    if (python3Version() === undefined) throw new Error('CI=true but no python3 ≥ 3.10 is on PATH');
    expect(outputs).toHaveLength(204);
    expect(parseWithPython(outputs)).toEqual([]);
  });
});
