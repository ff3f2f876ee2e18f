import type { PlistPath } from './equal.js';
import type { PlistDict, PlistValue } from './value.js';

/**
 * What a writer knows about the containers it is inside, to name the path of a
 * value it cannot write (`WFWorkflowActions[3].WFWorkflowActionParameters.WFText`).
 */
export interface PathStep {
  readonly container: PlistValue[] | PlistDict;
  /** Index of the child being written, or its key. */
  position: number | string;
}

export function pathOf(steps: readonly PathStep[]): PlistPath {
  return steps.map((step) => step.position);
}

/**
 * Whether a JavaScript value is one of the model's scalar tagged objects.
 * Writers check this because values built by hand (or parsed from JSON) can
 * carry shapes the type system did not see.
 */
export function describeForeign(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return `the JavaScript number ${value} (use integer() or real())`;
  if (typeof value === 'bigint') return `the bigint ${value} (use integer())`;
  if (typeof value === 'object') {
    const kind = (value as { kind?: unknown }).kind;
    return kind === undefined ? `an object of class ${value.constructor?.name ?? 'Object'}` : `an object of kind ${JSON.stringify(kind)}`;
  }
  return `a ${typeof value}`;
}

/** Index of the first lone UTF-16 surrogate in `s`, or -1. */
export function loneSurrogateAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}
