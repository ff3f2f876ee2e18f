import type { Statement, Value, VariableReference, Workflow } from './types.js';
import { blockSections } from './walk.js';

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
  while (valueStack.length > 0) {
    const { value, depth } = valueStack.pop()!;
    values = Math.max(values, depth);
    for (const child of childValues(value)) valueStack.push({ value: child, depth: depth + 1 });
  }
  return { blocks, values };
}

/** The values directly inside a value (one level down). */
function childValues(value: Value): readonly Value[] {
  switch (value.kind) {
    case 'list':
      return value.items;
    case 'map':
      return value.entries.map((entry) => entry.value);
    case 'text':
      return value.parts.flatMap((part) => (typeof part === 'string' ? [] : referenceValues(part)));
    case 'variable':
    case 'attachment':
      return referenceValues(value.variable);
    case 'dictionary':
      return value.items.flatMap((item) => [item.key, item.value].filter((v): v is Value => v !== undefined));
    case 'arrayState':
      return value.items.map((item) => item.value);
    case 'quantity':
      return value.magnitude === undefined ? [] : [value.magnitude];
    case 'serialized':
      return [value.value];
    default:
      return [];
  }
}

function referenceValues(reference: VariableReference): Value[] {
  return [
    ...reference.extra.map((entry) => entry.value),
    ...reference.aggrandizements.flatMap((a) => (a.kind === 'other' ? [a.value] : [])),
  ];
}
