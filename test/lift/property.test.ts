import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIrDifference } from '../../src/ir/equal.js';
import { allReferences, flatActions } from '../../src/ir/walk.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { firstDifference, formatPath } from '../../src/plist/equal.js';
import { isDict, type PlistValue } from '../../src/plist/value.js';
import { irWorkflow } from '../arbitraries/ir.js';

/** Reorders every dictionary's keys with a small seeded generator (Apple's binary writer does not sort). */
function shuffleKeys(value: PlistValue, seed: number): PlistValue {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const visit = (v: PlistValue): PlistValue => {
    if (Array.isArray(v)) return v.map(visit);
    if (!isDict(v)) return v;
    const entries = [...v.entries()].map(([k, x]) => [k, visit(x)] as const);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return new Map(entries);
  };
  return visit(value);
}

function countActionOutputDicts(value: PlistValue): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + countActionOutputDicts(v), 0);
  if (!isDict(value)) return 0;
  let n = value.get('Type') === 'ActionOutput' && typeof value.get('OutputUUID') === 'string' ? 1 : 0;
  for (const v of value.values()) n += countActionOutputDicts(v);
  return n;
}

describe('IR ⇄ plist properties', () => {
  it('lift(lower(w)) is w for IR in normal form', () => {
    fc.assert(
      fc.property(irWorkflow(), (workflow) => {
        const lifted = liftWorkflow(lowerWorkflow(workflow));
        expect(lifted.ok).toBe(true);
        if (!lifted.ok) return;
        const difference = firstIrDifference(workflow, lifted.value);
        expect(difference === undefined ? 'equal' : `${difference.path.join('.')}: ${difference.reason}`).toBe('equal');
      }),
      { numRuns: 300 },
    );
  });

  it('any key order survives plist → IR → plist', () => {
    fc.assert(
      fc.property(irWorkflow({ maxDepth: 2 }), fc.integer(), (workflow, seed) => {
        const plist = shuffleKeys(lowerWorkflow(workflow), seed);
        const lifted = liftWorkflow(plist);
        expect(lifted.ok).toBe(true);
        if (!lifted.ok) return;
        const difference = firstDifference(plist, lowerWorkflow(lifted.value), { keyOrder: true });
        expect(difference === undefined ? 'equal' : `${formatPath(difference.path)}: ${difference.reason}`).toBe('equal');
      }),
      { numRuns: 200 },
    );
  });

  it('every action output reference in the plist is a typed reference in the IR, and flat order matches', () => {
    fc.assert(
      fc.property(irWorkflow(), (workflow) => {
        const plist = lowerWorkflow(workflow);
        const typed = [...allReferences(workflow.body)].filter((site) => site.reference.source.kind === 'actionOutput').length;
        expect(typed).toBe(countActionOutputDicts(plist));
        const actions = (plist as Map<string, PlistValue>).get('WFWorkflowActions') as PlistValue[];
        expect([...flatActions(workflow.body)].length).toBe(actions.length);
      }),
      { numRuns: 200 },
    );
  });
});
