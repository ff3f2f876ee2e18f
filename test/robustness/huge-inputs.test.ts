/**
 * Huge inputs through the whole pipeline: a text of 1,000,000 variables,
 * programs of 1,000,000 statements, texts and blocks of 200,000 parts. Each
 * ends with diagnostics (limits say where reading stopped), never an
 * exception. Split from structural.test.ts so the two run side by side.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../../src/checker/check.js';
import { checkFile } from '../../src/checker/front-ends.js';
import { compile } from '../../src/compile/compile.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { decompile } from '../../src/emitter/decompile.js';
import { liftWorkflow } from '../../src/lift/workflow.js';
import type { PlistValue } from '../../src/plist/value.js';
import { action, d, shortcut, text } from '../support/shortcut-build.js';
import { coreForTests, expectWellFormed, throughCode } from './harness.js';
import { binaryOf } from './samples.js';

const codes = (diagnostics: readonly { code: string }[]): string[] => [...new Set(diagnostics.map((x) => x.code))].sort();

describe('huge texts and programs', () => {
  it('a text token string with 1,000,000 attachments: read, lifted, decompiled, checked; its code is past the token limit', () => {
    const ranges: [string, PlistValue][] = [];
    const attachment = d({ Type: 'Variable', VariableName: 'v' });
    for (let i = 0; i < 1_000_000; i++) ranges.push([`{${i}, 1}`, attachment]);
    const plist = shortcut([action('is.workflow.actions.gettext', { WFTextActionText: text('\uFFFC'.repeat(1_000_000), ranges) })]);
    const read = readShortcutFile(binaryOf(plist));
    expect(read.ok).toBe(true);
    const lifted = liftWorkflow(read.value!.plist);
    expect(lifted.diagnostics).toEqual([]);
    const decompiled = decompile(lifted.value!);
    expect(decompiled.code.includes('{v}'.repeat(1000))).toBe(true);
    expect(checkWorkflow(lifted.value!, coreForTests(), { origin: 'shortcut' }).every((x) => x.code.startsWith('SC6'))).toBe(true);
    const compiled = compile(decompiled.code);
    expect(codes(compiled.diagnostics)).toContain('SC4191');
  }, 180_000);

  it('a JSON text in an f-string holding 200,000 magic values (the binder spread them into one push)', () => {
    const code = `x = f'''{"k":${'datetime.datetime.now() '.repeat(200_000)}}'''\n`;
    const outcome = throughCode(code);
    expect(outcome.compiled).toBe(true);
  }, 120_000);

  it('200,000 statements under an indentation that opens no block, or in an except: clause (the parser spread them into one push)', () => {
    for (const code of ['x = 1\n' + '    y\n'.repeat(200_000), 'try:\n    pass\nexcept:\n' + '    y\n'.repeat(200_000)]) {
      const outcome = throughCode(code);
      expect(outcome.compiled).toBe(false);
      expect(codes(outcome.diagnostics)).not.toContain('SC4199');
      expect(codes(outcome.diagnostics)).not.toContain('SC4190');
    }
  }, 120_000);

  it('code with 1,000,000 statements: the parser stops at its token limit (SC4191), the binder at 1,000 problems', () => {
    const code = 'x = 1\n'.repeat(1_000_000);
    const compiled = compile(code);
    expect(compiled.shortcut).toBeUndefined();
    expect(codes(compiled.diagnostics)).toContain('SC4191');
    expect(compiled.diagnostics.length).toBeLessThanOrEqual(1_002);
    expectWellFormed(compiled.diagnostics, 'compile');
    const checked = checkFile(new TextEncoder().encode(code), 'big.py', coreForTests());
    expectWellFormed(checked.diagnostics, 'checkFile');
  }, 120_000);
});
