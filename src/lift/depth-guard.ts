import { diagnostic } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { measureDepth } from '../ir/depth.js';
import type { Workflow } from '../ir/types.js';
import { liftDiagnostics } from './diagnostics.js';

/**
 * How deep a caller's workflow may nest, in blocks and in values. Above what
 * lifting builds (256 blocks, 512 values) and what the emitter writes
 * structured (95 blocks), well below where the recursive phases (emit, print,
 * check, lower) would exhaust Node's default stack: they are tested at this
 * depth (test/api/library.test.ts).
 */
export const MAX_IR_DEPTH = 1_000;

/**
 * For entry points that take a caller's `Workflow`: every phase after lifting
 * recurses over the tree, trusting the lifter's limits. A hand-built workflow
 * deeper than those limits is refused here with SC3013 rather than
 * overflowing the stack later. Returns undefined when the workflow is fine.
 */
export function checkWorkflowDepth(workflow: Workflow): Diagnostic | undefined {
  const depth = measureDepth(workflow);
  if (depth.blocks <= MAX_IR_DEPTH && depth.values <= MAX_IR_DEPTH) return undefined;
  const what =
    depth.blocks > MAX_IR_DEPTH
      ? `blocks nest ${depth.blocks} deep (at most ${MAX_IR_DEPTH})`
      : `a parameter value nests ${depth.values} deep (at most ${MAX_IR_DEPTH})`;
  return diagnostic(liftDiagnostics.workflowTooDeep, `The workflow cannot be processed: ${what}.`, {
    suggestion: 'build the workflow with liftWorkflow, which keeps deeper blocks flat, or flatten it before passing it in',
  });
}
