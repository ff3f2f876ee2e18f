import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { compile, type CompileResult } from '../../src/compile/index.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { liftWorkflow } from '../../src/lift/index.js';
import { isDict, type PlistValue } from '../../src/plist/value.js';
import { sharedCatalog } from '../support/catalog.js';
import { describeShared } from '../support/corpus.js';
import { sharedFiles } from '../support/shared.js';
import { printWorkflowLlm } from '../support/workflowllm-printer.js';

/**
 * The model-code reader against every corpus shortcut printed the way
 * WorkflowLLM's converter printed its training data
 * (test/support/workflowllm-printer.ts): the 50 samples in ../shared are too
 * few to show every construct real shortcuts hold, and the project is
 * measured on model output that is not there.
 *
 * Floor, measured: 375 of the 382 files compile without errors (359 before
 * the reader learned `3_4 = …` names, unquoted comparisons, subscripts and
 * calls of plain words, words in parentheses, a `#` starting unquoted text,
 * and statement keywords the file assigns as variables). The other 7 hold
 * text the converter printed unquoted that no reader can take back (Markdown,
 * CSS and JavaScript in dictionaries, base64 holding `{`), and braces around
 * a magic value in text.
 * A floor, not the exact count: reading more is welcome, reading fewer is a
 * regression.
 */
const MIN_COMPILING = 375;

interface Printed {
  readonly name: string;
  readonly plist: PlistValue;
  readonly code: string;
  readonly result: CompileResult;
}

describeShared('model code: every corpus shortcut printed the way WorkflowLLM printed it', () => {
  const printed: Printed[] = [];
  const unprintable: string[] = [];

  it('every file prints and compiles as model code without an exception', () => {
    const { catalog } = sharedCatalog();
    for (const set of ['unsigned', 'signed'] as const) {
      for (const path of sharedFiles(`corpus/${set}`)) {
        const read = readShortcutFile(new Uint8Array(readFileSync(path)), path);
        const lifted = read.ok ? liftWorkflow(read.value.plist) : undefined;
        if (!read.ok || lifted === undefined || !lifted.ok) {
          unprintable.push(path);
          continue;
        }
        const code = printWorkflowLlm(lifted.value, { catalog });
        const result = compile(code, { catalog, file: `${set}/${basename(path)}.py` });
        printed.push({ name: `${set}/${basename(path)}`, plist: read.value.plist, code, result });
      }
    }
    expect(unprintable).toEqual([]);
    expect(printed.length).toBeGreaterThan(0);
  }, 300_000);

  it(`at least ${MIN_COMPILING} files compile without errors; every error is located in the code`, () => {
    const compiled = printed.filter((p) => p.result.shortcut !== undefined);
    expect(compiled.length).toBeGreaterThanOrEqual(MIN_COMPILING);
    for (const p of printed) {
      const errors = p.result.diagnostics.filter((d) => d.severity === 'error');
      expect(p.result.shortcut === undefined, p.name).toBe(errors.length > 0);
      for (const error of errors) expect(error.location?.kind, `${p.name}: ${error.code} ${error.message}`).toBe('source');
    }
  });

  it('a compiled file runs the same actions in the same order (up to what the print loses)', () => {
    const moved: string[] = [];
    for (const p of printed) {
      if (p.result.plist === undefined) continue;
      const before = comparableIdentifiers(p.plist);
      const after = comparableIdentifiers(p.result.plist);
      if (before.join('\n') !== after.join('\n')) {
        const at = before.findIndex((id, i) => id !== after[i]);
        moved.push(`${p.name}: action ${at}: ${before[at] ?? '(end)'} became ${after[at] ?? '(end)'}`);
      }
    }
    expect(moved).toEqual([]);
    expect(printed.some((p) => p.result.plist !== undefined)).toBe(true);
  });

  it('a compiled file sets the same variables (up to the converter turning every other character into `_`)', () => {
    const differ: string[] = [];
    for (const p of printed) {
      if (p.result.plist === undefined) continue;
      const before = variableNames(p.plist).map((n) => n.replace(/[^a-zA-Z0-9]/g, '_'));
      const after = variableNames(p.result.plist).map((n) => n.replace(/[^a-zA-Z0-9]/g, '_'));
      if (before.join('\n') !== after.join('\n')) differ.push(`${p.name}: ${before.join(',')} became ${after.join(',')}`);
    }
    expect(differ).toEqual([]);
  });

  it('the printer uses the converter spellings the samples show', () => {
    const all = printed.map((p) => p.code).join('\n');
    for (const spelling of [/^\s*for Repeat_Index, Repeat_Item in enumerate\(/m, /^\s*for Repeat_Index_2 in range\(int\(/m, /^\s*match input\(prompt='''/m, /^\s*case "/m, /Show-\w+=True/, /= f'''/, /\{"string": /, /^\s*pass$/m, /datetime\.datetime\.now\(\)/]) {
      expect(all, String(spelling)).toMatch(spelling);
    }
  });
});

/**
 * The flat action identifiers, less what the converter's spelling does not
 * keep: Comment actions (`#` lines), Nothing actions (`pass`), and the
 * difference between Append to Variable and Set Variable (both `X = v`).
 */
function comparableIdentifiers(plist: PlistValue): string[] {
  const out: string[] = [];
  for (const action of actions(plist)) {
    const id = action.get('WFWorkflowActionIdentifier');
    if (typeof id !== 'string' || id === 'is.workflow.actions.comment' || id === 'is.workflow.actions.nothing') continue;
    out.push(id === 'is.workflow.actions.appendvariable' ? 'is.workflow.actions.setvariable' : id);
  }
  return out;
}

function variableNames(plist: PlistValue): string[] {
  const out: string[] = [];
  for (const action of actions(plist)) {
    const id = action.get('WFWorkflowActionIdentifier');
    if (id !== 'is.workflow.actions.setvariable' && id !== 'is.workflow.actions.appendvariable') continue;
    const parameters = action.get('WFWorkflowActionParameters');
    const name = isDict(parameters) ? parameters.get('WFVariableName') : undefined;
    if (typeof name === 'string') out.push(name);
  }
  return out;
}

function actions(plist: PlistValue): Map<string, PlistValue>[] {
  const list = isDict(plist) ? plist.get('WFWorkflowActions') : undefined;
  return Array.isArray(list) ? list.filter(isDict) : [];
}
