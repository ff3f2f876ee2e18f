import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Result } from '../diagnostics/diagnostic.js';
import type { Value } from '../ir/types.js';
import type { PlistValue } from '../plist/value.js';
import { ValueTooDeepError } from './context.js';
import { liftDiagnostics } from './diagnostics.js';
import { liftValue } from './lift-values.js';

/** Lifts one parameter value on its own (e.g. a default value); fails only when it nests too deeply. */
export function liftParameterValue(plist: PlistValue): Result<Value> {
  try {
    return ok(liftValue(plist));
  } catch (error) {
    if (!(error instanceof ValueTooDeepError)) throw error;
    return fail([diagnostic(liftDiagnostics.tooDeep, error.message, { location: { kind: 'plist', path: [] } })]);
  }
}
