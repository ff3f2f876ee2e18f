import type { Statement, Value, Workflow } from './types.js';
import { blockSections, forEachChild, forEachReferenceChild, type ChildVisitor } from './walk.js';

/**
 * How deep a workflow nests, measured without recursion. Lifting and the
 * binder never build IR deeper than their limits (`MAX_BLOCK_DEPTH`,
 * `MAX_VALUE_DEPTH` in `src/lift/`), so the phases after them recurse freely;
 * the public entry points that take a caller's hand-built `Workflow`
 * (`decompile`, `check`) measure it first and refuse what is deeper, with a
 * diagnostic instead of a stack overflow.
 */
export interface WorkflowDepth {
  /** Deepest nesting of block statements (a top-level action is 0, inside one If is 1). */
  readonly blocks: number;
  /** Deepest nesting of values inside a parameter (a plain string is 1). */
  readonly values: number;
}

export function measureDepth(workflow: Workflow): WorkflowDepth {
  let blocks = 0;
  let values = 0;
  const statements: { readonly body: readonly Statement[]; readonly depth: number }[] = [{ body: workflow.body, depth: 0 }];
  const valueStack: { readonly value: Value; readonly depth: number }[] = [];
  while (statements.length > 0) {
    const { body, depth } = statements.pop()!;
    blocks = Math.max(blocks, depth);
    for (const statement of body) {
      if (statement.kind === 'raw') {
        valueStack.push({ value: statement.action, depth: 1 });
        continue;
      }
      const parts = statement.kind === 'action' ? [statement] : [...blockSections(statement).map((s) => s.part), statement.end];
      for (const part of parts) for (const entry of part.parameters) valueStack.push({ value: entry.value, depth: 1 });
      if (statement.kind !== 'action') {
        for (const section of blockSections(statement)) statements.push({ body: section.body, depth: depth + 1 });
      }
    }
  }
  // The visitor only pushes onto the stack (a reference's values go one level below its value), so this stays a loop.
  let childDepth = 0;
  const pushChildren: ChildVisitor = {
    value: (child) => valueStack.push({ value: child, depth: childDepth }),
    reference: (reference) => forEachReferenceChild(reference, pushChildren),
  };
  while (valueStack.length > 0) {
    const { value, depth } = valueStack.pop()!;
    values = Math.max(values, depth);
    childDepth = depth + 1;
    forEachChild(value, pushChildren);
  }
  return { blocks, values };
}
