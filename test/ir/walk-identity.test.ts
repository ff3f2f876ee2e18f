import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIrDifference, irEqual } from '../../src/ir/equal.js';
import { deriveIdentities, deriveUuid, hash128, IdentitySource, isUuidLike } from '../../src/ir/identity.js';
import { allReferences, allStatements, flatActions, renameIdentities } from '../../src/ir/walk.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { firstDifferenceModuloIdentity } from '../../src/roundtrip/index.js';
import { irWorkflow } from '../arbitraries/ir.js';
import { action, control, output, roundTrip, shortcut, text, tokenAttachment } from '../support/shortcut-build.js';

const sample = shortcut([
  action('is.workflow.actions.gettext', { UUID: 'T-1', WFTextActionText: text('hi') }),
  control('if', 'G-1', 0, { WFInput: tokenAttachment(output('T-1', 'Text')) }),
  action('is.workflow.actions.showresult', { Text: text('\uFFFC!', [['{0, 1}', output('T-1')]]) }),
  control('if', 'G-1', 1),
  control('if', 'G-1', 2, { UUID: 'IF-1' }),
  control('count', 'FLAT', 2),
  action('is.workflow.actions.showresult', { Text: tokenAttachment(output('IF-1')) }),
]);

describe('walking the IR', () => {
  const { workflow } = roundTrip(sample);

  it('lists flat actions in plist order with their roles', () => {
    expect([...flatActions(workflow.body)].map((a) => [a.index, a.role])).toEqual([
      [0, 'action'],
      [1, 'start'],
      [2, 'action'],
      [3, 'middle'],
      [4, 'end'],
      [5, 'action'],
      [6, 'action'],
    ]);
    expect([...allStatements(workflow.body)].map((s) => s.kind)).toEqual(['action', 'if', 'action', 'action', 'action']);
  });

  it('finds every reference with its action and parameter', () => {
    expect([...allReferences(workflow.body)].map((site) => [site.action.index, site.parameterKey, site.reference.source])).toEqual([
      [1, 'WFInput', { kind: 'actionOutput', outputUuid: 'T-1', outputName: 'Text' }],
      [2, 'Text', { kind: 'actionOutput', outputUuid: 'T-1' }],
      [6, 'Text', { kind: 'actionOutput', outputUuid: 'IF-1' }],
    ]);
  });

  it('renames UUIDs and GroupingIdentifiers everywhere, flat control actions included', () => {
    const renamed = renameIdentities(workflow, {
      uuids: new Map([['T-1', 'NEW-T'], ['IF-1', 'NEW-IF']]),
      groupingIdentifiers: new Map([['G-1', 'NEW-G'], ['FLAT', 'NEW-FLAT']]),
    });
    const plist = lowerWorkflow(renamed);
    const difference = firstDifferenceModuloIdentity(sample, plist);
    expect(difference).toBeUndefined();
    const json = JSON.stringify([...allReferences(renamed.body)].map((s) => s.reference.source));
    expect(json).not.toContain('T-1');
    expect(JSON.stringify(plist, (_k, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : typeof v === 'bigint' ? String(v) : v))).not.toMatch(/"(T-1|IF-1|G-1|FLAT)"/);
  });
});

describe('deterministic identity', () => {
  it('derives uppercase version-8 UUIDs from the description, the same every time', () => {
    const a = deriveUuid(['seed', 'action', 3, 'is.workflow.actions.gettext']);
    expect(isUuidLike(a)).toBe(true);
    expect(a).toBe(a.toUpperCase());
    expect(a[14]).toBe('8');
    expect('89AB').toContain(a[19]);
    expect(deriveUuid(['seed', 'action', 3, 'is.workflow.actions.gettext'])).toBe(a);
    expect(deriveUuid(['seed', 'action', 4, 'is.workflow.actions.gettext'])).not.toBe(a);
  });

  it('hands out distinct identifiers for a repeated description, the same ones for the same seed', () => {
    const source = new IdentitySource('file');
    const ids = [source.derive('output', 'x', 0), source.derive('output', 'x', 0), source.derive('group', 'x', 0), source.derive('output', 'y', 0)];
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(isUuidLike(id)).toBe(true);
    const again = new IdentitySource('file');
    expect([again.derive('output', 'x', 0), again.derive('output', 'x', 0)]).toEqual(ids.slice(0, 2));
    expect(new IdentitySource('other').derive('output', 'x', 0)).not.toBe(ids[0]);
  });

  it('keeps descriptions apart that a plain join would merge', () => {
    expect(deriveUuid(['a:b'])).not.toBe(deriveUuid(['a', 'b']));
    expect(deriveUuid(['a', 3])).not.toBe(deriveUuid(['a', '3']));
    expect(deriveUuid(['a\u0000b', 'c'])).not.toBe(deriveUuid(['a', 'b\u0000c']));
  });

  it('is well distributed: 200,000 similar descriptions give distinct hashes with balanced bits', () => {
    const n = 200_000;
    const ones = new Array<number>(128).fill(0);
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const lanes = hash128(descriptionLike(i));
      seen.add(lanes.join(','));
      for (let bit = 0; bit < 128; bit++) ones[bit]! += (lanes[bit >> 5]! >>> (bit & 31)) & 1;
    }
    expect(seen.size).toBe(n);
    // A fair bit's share of ones has standard deviation 0.5/sqrt(n) ≈ 0.0011; 6 of them over 128 bits is never reached by chance.
    const worst = Math.max(...ones.map((count) => Math.abs(count / n - 0.5)));
    expect(worst).toBeLessThan(0.0067);
  });

  it('avalanches: flipping one input bit flips about half of the 128 output bits', () => {
    let total = 0;
    let fewest = 128;
    const rounds = 20_000;
    for (let i = 0; i < rounds; i++) {
      const text = descriptionLike(i);
      const at = i % text.length;
      const flipped = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << i % 16)) + text.slice(at + 1);
      const [a, b] = [hash128(text), hash128(flipped)];
      let changed = 0;
      for (let lane = 0; lane < 4; lane++) changed += popcount(a[lane]! ^ b[lane]!);
      total += changed;
      fewest = Math.min(fewest, changed);
    }
    expect(Math.abs(total / rounds - 64)).toBeLessThan(0.5);
    expect(fewest).toBeGreaterThan(32);
  });

  it('deriveIdentities renames consistently, is deterministic and ignores the original identifiers', () => {
    fc.assert(
      fc.property(irWorkflow({ maxDepth: 2 }), (workflow) => {
        const derived = deriveIdentities(workflow, 'seed');
        expect(firstDifferenceModuloIdentity(lowerWorkflow(workflow), lowerWorkflow(derived))).toBeUndefined();
        expect(irEqual(deriveIdentities(derived, 'seed'), derived)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same bytes for two exports that differ only in their UUIDs', () => {
    const other = shortcut([
      action('is.workflow.actions.gettext', { UUID: 'aaaa', WFTextActionText: text('hi') }),
      control('if', 'gggg', 0, { WFInput: tokenAttachment(output('aaaa', 'Text')) }),
      action('is.workflow.actions.showresult', { Text: text('\uFFFC!', [['{0, 1}', output('aaaa')]]) }),
      control('if', 'gggg', 1),
      control('if', 'gggg', 2, { UUID: 'iiii' }),
      control('count', 'ffff', 2),
      action('is.workflow.actions.showresult', { Text: tokenAttachment(output('iiii')) }),
    ]);
    const a = liftWorkflow(sample);
    const b = liftWorkflow(other);
    if (!a.ok || !b.ok) throw new Error('lift failed');
    expect(firstIrDifference(deriveIdentities(a.value), deriveIdentities(b.value))).toBeUndefined();
  });
});

describe('IR equality', () => {
  it('treats undefined properties as absent and compares bigints, NaN and bytes by value', () => {
    expect(irEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(irEqual({ v: Number.NaN }, { v: Number.NaN })).toBe(true);
    expect(irEqual({ v: 0 }, { v: -0 })).toBe(false);
    expect(irEqual({ v: 5n }, { v: 5n })).toBe(true);
    expect(irEqual(new Uint8Array([1]), new Uint8Array([2]))).toBe(false);
    expect(firstIrDifference({ x: [1, { y: 'a' }] }, { x: [1, { y: 'b' }] })?.path).toEqual(['x', 1, 'y']);
  });
});

/** Descriptions as the compiler hashes them: a seed, a kind, a name and an occurrence. */
function descriptionLike(i: number): string {
  return `file.py|output|name_${i % 500}|${Math.floor(i / 500)}`;
}

function popcount(word: number): number {
  let x = word >>> 0;
  let count = 0;
  while (x !== 0) {
    x &= x - 1;
    count++;
  }
  return count;
}
