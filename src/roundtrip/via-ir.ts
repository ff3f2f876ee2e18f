import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { liftWorkflow, lowerWorkflow } from '../lift/workflow.js';
import { firstDifference, type PlistDifference } from '../plist/equal.js';
import type { PlistValue } from '../plist/value.js';

/** What a round trip of one shortcut found. */
export interface RoundTripOutcome {
  /** The plist came back equal as a value. */
  readonly ok: boolean;
  /** The first difference (or the reason the trip could not be made), when not ok. */
  readonly difference?: PlistDifference;
  /** When ok: whether every dictionary also kept its key order. */
  readonly keyOrderKept?: boolean;
  /** The first key-order difference, when ok but the order changed. */
  readonly keyOrderDifference?: PlistDifference;
  /** What the phases reported on the way (warnings included). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A way of taking a shortcut plist away and back (`ir`; issue #5 adds `code`). */
export type RoundTripper = (plist: PlistValue) => RoundTripOutcome;

/** Compares the original with what came back: as values, then key order. */
export function judge(original: PlistValue, back: PlistValue, diagnostics: readonly Diagnostic[]): RoundTripOutcome {
  const difference = firstDifference(original, back);
  if (difference !== undefined) return { ok: false, difference, diagnostics };
  const keyOrderDifference = firstDifference(original, back, { keyOrder: true });
  return keyOrderDifference === undefined
    ? { ok: true, keyOrderKept: true, diagnostics }
    : { ok: true, keyOrderKept: false, keyOrderDifference, diagnostics };
}

/** shortcut → IR → shortcut. */
export const roundTripViaIr: RoundTripper = (plist) => {
  const lifted = liftWorkflow(plist);
  if (!lifted.ok) return { ok: false, difference: { path: [], reason: 'the workflow could not be lifted into the IR' }, diagnostics: lifted.diagnostics };
  return judge(plist, lowerWorkflow(lifted.value), lifted.diagnostics);
};
