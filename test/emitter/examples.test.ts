import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decompile } from '../../src/emitter/decompile.js';
import { parseWithPython, python3Version } from '../support/python-ast.js';
import { inCI, repoPath } from '../support/shared.js';

/**
 * Golden tests: every shortcut in examples/ decompiles (with the built-in
 * core catalog, so the result does not depend on what is installed) to the
 * `.py` beside it. SHORTCUTC_UPDATE_GOLDENS=1 rewrites the goldens.
 */
const dir = repoPath('examples');
const shortcuts = readdirSync(dir)
  .filter((name) => ['.shortcut', '.wflow', '.plist'].includes(extname(name)))
  .sort();

describe('examples/ golden code', () => {
  it('has examples', () => {
    expect(shortcuts.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of shortcuts) {
    it(name, () => {
      const { code, diagnostics } = decompile(new Uint8Array(readFileSync(`${dir}/${name}`)), { file: name });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const golden = `${dir}/${basename(name, extname(name))}.py`;
      if (process.env.SHORTCUTC_UPDATE_GOLDENS === '1') writeFileSync(golden, code);
      expect(existsSync(golden), `${golden} is missing; run with SHORTCUTC_UPDATE_GOLDENS=1`).toBe(true);
      expect(code).toBe(readFileSync(golden, 'utf8'));
    });
  }

  it("grammars/dialect.md's worked example is the golden code of examples/greeting.plist", () => {
    const spec = readFileSync(repoPath('grammars/dialect.md'), 'utf8');
    const block = /<!-- worked-example -->\n```python\n([\s\S]*?)```/.exec(spec)?.[1];
    expect(block, 'the worked example block is missing from grammars/dialect.md').toBeDefined();
    expect(block).toBe(readFileSync(`${dir}/greeting.py`, 'utf8'));
  });

  it.skipIf(python3Version() === undefined && !inCI)('the goldens are valid Python', () => {
    const sources = shortcuts.map((name) => ({ name, code: readFileSync(`${dir}/${basename(name, extname(name))}.py`, 'utf8') }));
    expect(parseWithPython(sources)).toEqual([]);
  });
});
