/**
 * Round-trip fidelity on the corpus's own constructs recombined
 * (test/fidelity/recombine.ts): slices of real files put together, with
 * identifiers moved where real generators move them. The promise is the one
 * of test/fidelity/check.ts: via the IR the same plist, via code the same
 * plist up to consistently renamed identifiers, and the code a fixed point.
 *
 * Bounded and seeded in the suite. A larger run:
 *   SHORTCUTC_RECOMBINE_RUNS=5000 npx vitest run test/fidelity/corpus-recombined.test.ts
 * (SHORTCUTC_RECOMBINE_SEED picks another seed.)
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { plistEqual } from '../../src/plist/equal.js';
import { readPlist } from '../../src/plist/read.js';
import { isDict, type PlistDict } from '../../src/plist/value.js';
import { describeShared } from '../support/corpus.js';
import { copyValue } from '../robustness/value-mutations.js';
import { sharedFiles } from '../support/shared.js';
import { codeOf, fidelityFailure } from './check.js';
import { recombination, recombine } from './recombine.js';

const wanted = Number(process.env.SHORTCUTC_RECOMBINE_RUNS);
// About 17 ms a recombination on one core: the default stays well under 20 s with the suite's other workers running.
const RUNS = Number.isSafeInteger(wanted) && wanted > 0 ? wanted : 400;
const seedText = process.env.SHORTCUTC_RECOMBINE_SEED;
const SEED = seedText !== undefined && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : 7_202_601;

describeShared('corpus constructs recombined keep their meaning through code and IR', () => {
  // The material: every corpus file that reads as a workflow dictionary (reading itself is test/corpus's concern).
  const sources: PlistDict[] = [];
  beforeAll(() => {
    for (const path of [...sharedFiles('corpus/unsigned'), ...sharedFiles('corpus/signed')]) {
      const read = readShortcutFile(new Uint8Array(readFileSync(path)), path);
      if (read.ok && isDict(read.value.plist)) sources.push(read.value.plist);
    }
    expect(sources.length, 'no corpus file reads as a workflow dictionary').toBeGreaterThan(0);
  });

  it(`round trips via IR and code, and the code is a fixed point (${RUNS} recombinations)`, () => {
    fc.assert(
      fc.property(recombination(sources.length), (plan) => {
        const plist = recombine(sources, plan);
        const failure = fidelityFailure(plist);
        if (failure !== undefined) expect.fail(`${failure}\n${codeOf(plist).slice(0, 4000)}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);

  it('recombines into values a binary plist can hold, leaving the sources untouched', () => {
    const before = sources.map(copyValue);
    fc.assert(
      fc.property(recombination(sources.length), (plan) => {
        const bytes = writeBinaryPlist(recombine(sources, plan));
        expect(bytes.ok).toBe(true);
        expect(readPlist(bytes.value!).ok).toBe(true);
      }),
      { numRuns: 50, seed: SEED },
    );
    expect(sources.every((s, i) => plistEqual(s, before[i]!))).toBe(true);
  });
});
