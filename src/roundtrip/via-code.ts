import { compile } from '../compile/compile.js';
import { decompile } from '../emitter/decompile.js';
import { liftWorkflow } from '../lift/workflow.js';
import { firstDifferenceModuloIdentity } from './identity-insensitive.js';
import type { RoundTripper } from './via-ir.js';

/**
 * shortcut → canonical code → shortcut: lifts the plist, decompiles it,
 * compiles the code and compares the result with the original as values, with
 * action UUIDs, GroupingIdentifiers and VariableUUIDs matched up one-to-one
 * (the compiler derives fresh ones; renaming them is allowed, nothing else is).
 */
export const roundTripViaCode: RoundTripper = (plist) => {
  const lifted = liftWorkflow(plist);
  if (!lifted.ok) return { ok: false, difference: { path: [], reason: 'the workflow could not be lifted into the IR' }, diagnostics: lifted.diagnostics };
  const decompiled = decompile(lifted.value);
  const compiled = compile(decompiled.code);
  const diagnostics = [...lifted.diagnostics, ...decompiled.diagnostics, ...compiled.diagnostics];
  if (compiled.plist === undefined) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error');
    const where = first?.location?.kind === 'source' ? ` (line ${first.location.span.start.line})` : '';
    return { ok: false, difference: { path: [], reason: `the decompiled code did not compile${where}: ${first?.code ?? ''} ${first?.message ?? ''}`.trim() }, diagnostics };
  }
  const difference = firstDifferenceModuloIdentity(plist, compiled.plist);
  if (difference !== undefined) return { ok: false, difference, diagnostics };
  const keyOrderDifference = firstDifferenceModuloIdentity(plist, compiled.plist, { keyOrder: true });
  return keyOrderDifference === undefined ? { ok: true, keyOrderKept: true, diagnostics } : { ok: true, keyOrderKept: false, keyOrderDifference, diagnostics };
};
