import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { allReferences } from '../../src/ir/walk.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { firstDifference, formatPath } from '../../src/plist/equal.js';
import { readPlist } from '../../src/plist/read.js';
import { isDict, type PlistValue } from '../../src/plist/value.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedFiles } from '../support/shared.js';

function countActionOutputDicts(value: PlistValue): number {
  const stack: PlistValue[] = [value];
  let n = 0;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) stack.push(...v);
    else if (isDict(v)) {
      if (v.get('Type') === 'ActionOutput' && typeof v.get('OutputUUID') === 'string') n++;
      stack.push(...v.values());
    }
  }
  return n;
}

describeShared('plist → IR → plist over corpus/unsigned', () => {
  const files = sharedAvailable ? sharedFiles('corpus/unsigned') : [];
  const keyOrderKept: string[] = [];

  it('has the corpus files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [basename(file), file]))('%s', (_name, file) => {
    const read = readPlist(new Uint8Array(readFileSync(file)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const lifted = liftWorkflow(read.value);
    expect(lifted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!lifted.ok) return;
    const back = lowerWorkflow(lifted.value);
    const difference = firstDifference(read.value, back);
    expect(difference === undefined ? 'equal' : `${formatPath(difference.path)}: ${difference.reason}`).toBe('equal');
    if (firstDifference(read.value, back, { keyOrder: true }) === undefined) keyOrderKept.push(file);
    // Every ActionOutput attachment in the file is a typed reference in the IR.
    const typed = [...allReferences(lifted.value.body)].filter((site) => site.reference.source.kind === 'actionOutput').length;
    expect(typed).toBe(countActionOutputDicts(read.value));
  });

  it('keeps the key order of every file', () => {
    expect(keyOrderKept.length).toBe(files.length);
  });
});
