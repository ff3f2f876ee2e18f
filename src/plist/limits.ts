/**
 * Limits every plist reader enforces, so that a hostile file fails fast with
 * bounded memory instead of exhausting the machine.
 */
export interface PlistReadOptions {
  /**
   * Deepest nesting of arrays and dictionaries accepted (the top level is depth 1).
   * Real shortcuts nest about 50 levels; readers are iterative, so the limit only
   * protects the recursive code of later phases.
   */
  readonly maxDepth?: number;
  /**
   * Most values a binary plist may expand to. A binary plist can reference one
   * array from many places, so a tiny file could describe an exponential tree;
   * the default allows every value in the file to be referenced many times over.
   */
  readonly maxValues?: number;
}

export const DEFAULT_MAX_DEPTH = 512;

/** Default expansion budget: generous for real files, bounded by file size. */
export function defaultMaxValues(objectCount: number): number {
  return 1_048_576 + 64 * objectCount;
}
