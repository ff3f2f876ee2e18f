/** Round trips (shortcut → IR or code → shortcut) and the comparisons that judge them. */
import { roundTripViaIr, type RoundTripper } from './via-ir.js';

export { judge, roundTripViaIr, type RoundTripOutcome, type RoundTripper } from './via-ir.js';
export { firstDifferenceModuloIdentity, firstWorkflowDifferenceModuloIdentity, type IdentityCompareOptions } from './identity-insensitive.js';

/** The round trips `shortcutc roundtrip --via` offers, by name. Issue #5 adds `code`. */
export const roundTrippers: ReadonlyMap<string, RoundTripper> = new Map([['ir', roundTripViaIr]]);
