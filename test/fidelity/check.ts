/**
 * The fidelity promise for one shortcut plist: the round trip through the IR
 * gives the same plist, the round trip through canonical code gives the same
 * plist up to consistently renamed identifiers
 * (src/roundtrip/identity-insensitive.ts), and the code is a fixed point
 * (decompile → compile → decompile gives the same text).
 */
import { compile } from '../../src/compile/index.js';
import { decompile } from '../../src/emitter/index.js';
import { liftWorkflow } from '../../src/lift/index.js';
import { formatPath, type PlistDifference } from '../../src/plist/equal.js';
import type { PlistValue } from '../../src/plist/value.js';
import { roundTripViaCode, roundTripViaIr } from '../../src/roundtrip/index.js';

const where = (difference: PlistDifference | undefined): string => (difference === undefined ? '?' : `${formatPath(difference.path)}: ${difference.reason}`);

/** Undefined when every promise holds; else which one broke and where. */
export function fidelityFailure(plist: PlistValue): string | undefined {
  const lifted = liftWorkflow(plist);
  if (!lifted.ok) return `does not lift: ${lifted.diagnostics.map((d) => d.message).join('; ')}`;
  const viaIr = roundTripViaIr(plist);
  if (!viaIr.ok) return `roundtrip --via ir: ${where(viaIr.difference)}`;
  const viaCode = roundTripViaCode(plist);
  if (!viaCode.ok) return `roundtrip --via code: ${where(viaCode.difference)}`;
  const code = decompile(lifted.value).code;
  const compiled = compile(code);
  if (compiled.plist === undefined) return 'the decompiled code does not compile';
  const relifted = liftWorkflow(compiled.plist);
  const again = relifted.ok ? decompile(relifted.value).code : '';
  if (again !== code) {
    const a = code.split('\n');
    const b = again.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    return `not a fixed point: line ${line + 1} ${JSON.stringify(a[line])} comes back as ${JSON.stringify(b[line])}`;
  }
  return undefined;
}

/** The decompiled code of a plist, for failure reports. */
export function codeOf(plist: PlistValue): string {
  const lifted = liftWorkflow(plist);
  return lifted.ok ? decompile(lifted.value).code : '(does not lift)';
}
