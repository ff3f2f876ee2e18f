/**
 * Lifting every unsigned corpus workflow into the IR and lowering it back:
 * actions per second for each direction, on plists already read (so the
 * figures are the IR phase's own, not the codec's).
 */
import type { Workflow } from '../../src/ir/types.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { readPlist } from '../../src/plist/read.js';
import { isDict, type PlistValue } from '../../src/plist/value.js';
import { race, table, type BenchSection } from '../harness.js';
import { unsignedCorpus } from '../material.js';

export const liftLowerSection: BenchSection = {
  name: 'lift-lower',
  description: 'plist → IR (lift) and IR → plist (lower) over the unsigned corpus (actions/s)',
  run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const plists: PlistValue[] = [];
    for (const bytes of unsignedCorpus(sharedDir)) {
      const read = readPlist(bytes);
      if (read.ok) plists.push(read.value);
    }
    let actions = 0;
    for (const plist of plists) {
      const list = isDict(plist) ? plist.get('WFWorkflowActions') : undefined;
      if (Array.isArray(list)) actions += list.length;
    }
    const workflows: Workflow[] = [];
    let failures = 0;
    for (const plist of plists) {
      const lifted = liftWorkflow(plist);
      if (lifted.ok) workflows.push(lifted.value);
      else failures++;
    }
    const timings = race({
      lift: () => plists.forEach((p) => liftWorkflow(p)),
      lower: () => workflows.forEach((w) => lowerWorkflow(w)),
    });
    const rows: string[][] = [['phase', 'files', 'actions', 'actions/s', 'files/s', 'rounds']];
    for (const [name, timing] of Object.entries(timings)) {
      rows.push([
        name,
        String(plists.length),
        String(actions),
        (actions / timing.seconds).toFixed(0),
        (plists.length / timing.seconds).toFixed(0),
        String(timing.rounds),
      ]);
    }
    table(rows).forEach((line) => print(line));
    if (failures > 0) print(`warning: ${failures} workflows failed to lift`);
    return failures === 0;
  },
};
