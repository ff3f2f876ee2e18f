import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { VariableSource } from '../ir/types.js';

/**
 * What a name in the code stands for at a point of the program.
 *
 *  - `output`: bound by `x = call(...)` (or a Text/Dictionary/… form): later
 *    uses are `ActionOutput` attachments pointing at the action's UUID.
 *  - `variable`: a named variable (Set Variable `X = …`, Append `X += …`, a
 *    loop's Repeat Item / Repeat Index, a header-declared name).
 */
export type Binding =
  | { readonly kind: 'output'; readonly uuid: string; readonly outputName?: string; readonly span?: SourceSpan }
  | { readonly kind: 'variable'; readonly name: string; readonly variableUuid?: string };

export function sourceOf(binding: Binding): VariableSource {
  return binding.kind === 'output'
    ? { kind: 'actionOutput', outputUuid: binding.uuid, ...(binding.outputName === undefined ? {} : { outputName: binding.outputName }) }
    : { kind: 'variable', name: binding.name, ...(binding.variableUuid === undefined ? {} : { variableUuid: binding.variableUuid }) };
}

/**
 * Names as Python reads them: one flat namespace where the latest assignment
 * in program order wins (Shortcuts has no scopes either: an output bound
 * inside an `if` is usable after it). Loop variables are the exception: a
 * loop's item and index names are restored when the loop ends, because
 * Repeat Item means the innermost loop's item only inside that loop.
 */
export class Scope {
  private readonly bindings = new Map<string, Binding>();

  lookup(name: string): Binding | undefined {
    return this.bindings.get(name);
  }

  bind(name: string, binding: Binding): void {
    this.bindings.set(name, binding);
  }

  /** Binds `names` for the duration of `f`, then restores what they meant before. */
  within<T>(names: readonly (readonly [string, Binding])[], f: () => T): T {
    const saved = names.map(([name]) => [name, this.bindings.get(name)] as const);
    for (const [name, binding] of names) this.bindings.set(name, binding);
    try {
      return f();
    } finally {
      for (const [name, before] of saved) {
        if (before === undefined) this.bindings.delete(name);
        else this.bindings.set(name, before);
      }
    }
  }

  /** Every bound name (for "did you mean" suggestions). */
  names(): string[] {
    return [...this.bindings.keys()];
  }
}

/**
 * The variable names of Repeat with Each / Repeat n times at a nesting level
 * (1 = outermost): `Repeat Item`, `Repeat Item 2`, … — and their spellings in
 * code, `Repeat_Item`, `Repeat_Item_2`, … (WorkflowLLM's convention).
 */
export function repeatVariable(kind: 'item' | 'index', level: number): { readonly code: string; readonly name: string } {
  const word = kind === 'item' ? 'Item' : 'Index';
  return level <= 1 ? { code: `Repeat_${word}`, name: `Repeat ${word}` } : { code: `Repeat_${word}_${level}`, name: `Repeat ${word} ${level}` };
}

/** `Repeat_Item`, `Repeat_Index_3`, … → the variable they name, outside any loop that binds them. */
export function wellKnownRepeatName(code: string): string | undefined {
  const match = /^Repeat_(Item|Index)(?:_([1-9][0-9]{0,3}))?$/.exec(code);
  if (match === null) return undefined;
  const level = match[2] === undefined ? 1 : Number(match[2]);
  return repeatVariable(match[1] === 'Item' ? 'item' : 'index', level).name;
}
