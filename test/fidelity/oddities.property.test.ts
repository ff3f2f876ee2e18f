/**
 * Round-trip fidelity on generated odd shortcuts (test/fidelity/oddities.ts):
 * via the IR, via canonical code, and the fixed point of the code.
 *
 * Bounded and seeded in the suite. A larger run:
 *   SHORTCUTC_ODDITY_RUNS=20000 npx vitest run test/fidelity/oddities.property.test.ts
 * (SHORTCUTC_ODDITY_SEED picks another seed.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { readPlist } from '../../src/plist/read.js';
import { codeOf, fidelityFailure } from './check.js';
import { oddShortcut } from './oddities.js';

const wanted = Number(process.env.SHORTCUTC_ODDITY_RUNS);
const RUNS = Number.isSafeInteger(wanted) && wanted > 0 ? wanted : 400;
const seedText = process.env.SHORTCUTC_ODDITY_SEED;
const SEED = seedText !== undefined && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : 20_260_101;

describe('odd real-world shapes keep their meaning through code and IR', () => {
  it(`round trips via IR and code, and the code is a fixed point (${RUNS} shortcuts)`, () => {
    fc.assert(
      fc.property(oddShortcut(), (plist) => {
        const failure = fidelityFailure(plist);
        if (failure !== undefined) expect.fail(`${failure}\n${codeOf(plist)}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);

  it('generates shortcuts a binary plist can hold (they are real plist values)', () => {
    fc.assert(
      fc.property(oddShortcut({ maxDepth: 2 }), (plist) => {
        const bytes = writeBinaryPlist(plist);
        expect(bytes.ok).toBe(true);
        expect(readPlist(bytes.value!).ok).toBe(true);
      }),
      { numRuns: 50, seed: SEED },
    );
  });
});
