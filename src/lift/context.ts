import type { VariableReference } from '../ir/types.js';

/**
 * How deep a parameter value may nest (dictionaries and arrays, counted from
 * the parameter). Real shortcuts reach 22 levels for a whole file; the limit
 * keeps the recursive lifter far from the stack's end on hostile input.
 */
export const MAX_VALUE_DEPTH = 512;

/** Thrown inside the value lifter only; the workflow lifter turns it into SC3002. */
export class ValueTooDeepError extends Error {
  constructor() {
    super(`a value is nested more than ${MAX_VALUE_DEPTH} levels deep`);
    this.name = 'ValueTooDeepError';
  }
}

/** What value lifting reports upward while it walks. */
export interface ValueSink {
  /** Every `VariableReference` lifted, in plist order (for the dangling-reference check). */
  readonly reference?: (reference: VariableReference) => void;
}

export const noSink: ValueSink = {};
