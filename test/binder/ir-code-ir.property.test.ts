import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/index.js';
import { decompile } from '../../src/emitter/index.js';
import type { Workflow } from '../../src/ir/types.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { formatPath } from '../../src/plist/equal.js';
import { firstDifferenceModuloIdentity } from '../../src/roundtrip/index.js';
import { irWorkflow } from '../arbitraries/ir.js';

/**
 * Issue #5's property: arbitrary IR → canonical code → IR is the identity.
 * The IR the compiler builds is defined as lifting's reading of the plist it
 * lowers to (dialect principle 7), and identifiers are derived afresh, so
 * both sides are compared as lowered plists with UUIDs, GroupingIdentifiers
 * and VariableUUIDs matched up one-to-one — and the code must be a fixed
 * point: decompiling the compiled IR gives the same text.
 */
function trip(workflow: Workflow): { difference?: string; errors: string[]; fixed: boolean } {
  const code = decompile(workflow).code;
  const result = compile(code);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
  if (result.workflow === undefined) return { errors, fixed: false };
  const expected = lowerWorkflow(workflow);
  const difference = firstDifferenceModuloIdentity(expected, lowerWorkflow(result.workflow));
  const lifted = liftWorkflow(result.plist!);
  const again = lifted.ok ? decompile(lifted.value).code : '';
  return { ...(difference === undefined ? {} : { difference: `${formatPath(difference.path)}: ${difference.reason}` }), errors, fixed: again === code };
}

describe('arbitrary IR → code → IR', () => {
  it('is the identity (up to renamed identifiers), and the code is a fixed point', () => {
    fc.assert(
      fc.property(irWorkflow({ maxDepth: 3, maxStatements: 4 }), (workflow) => {
        const outcome = trip(workflow);
        expect(outcome.errors).toEqual([]);
        expect(outcome.difference).toBeUndefined();
        expect(outcome.fixed).toBe(true);
      }),
      { numRuns: Number(process.env.IR_RUNS ?? 300) },
    );
  });
});
