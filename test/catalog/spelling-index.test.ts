import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, SpellingIndex } from '../../src/catalog/suggest.js';

describe('SpellingIndex', () => {
  it('finds exactly the names a full comparison finds', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_', 'é'), maxLength: 10 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), word, fc.integer({ min: 0, max: 5 }), (names, query, bound) => {
        const expected = names.flatMap((name, index) => {
          const distance = editDistance(query, name, bound);
          return distance <= bound ? [{ index, distance }] : [];
        });
        expect(new SpellingIndex(names).within(query, bound)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('skips shared prefixes and suffixes without changing the distance (against a plain dynamic programme)', () => {
    // Optimal string alignment distance, computed in full.
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(
      fc.property(word, word, word, word, (prefix, a, b, suffix) => {
        const x = prefix + a + suffix;
        const y = prefix + b + suffix;
        expect(editDistance(x, y)).toBe(reference(x, y));
      }),
      { numRuns: 2000 },
    );
  });
});
