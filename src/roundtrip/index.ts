/** Round trips (shortcut → IR or code → shortcut) and the comparisons that judge them. */
import { roundTripViaCode } from './via-code.js';
import { roundTripViaIr, type RoundTripper } from './via-ir.js';

export { judge, roundTripViaIr, type RoundTripOutcome, type RoundTripper } from './via-ir.js';
export { roundTripViaCode } from './via-code.js';
export { firstDifferenceModuloIdentity, firstWorkflowDifferenceModuloIdentity, type IdentityCompareOptions } from './identity-insensitive.js';

/** The round trips `shortcutc roundtrip --via` offers, by name. */
export const roundTrippers: ReadonlyMap<string, RoundTripper> = new Map([
  ['code', roundTripViaCode],
  ['ir', roundTripViaIr],
]);
