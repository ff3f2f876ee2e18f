import type { WorkflowMetadata } from '../ir/types.js';

/**
 * What the canonical header tells the binder: the workflow's metadata and
 * the tables that map code names to the names stored in the shortcut.
 */
export interface HeaderTables {
  /** The top-level keys, exactly (canonical code); absent for model code. */
  readonly metadata?: WorkflowMetadata;
  /** Function name → action identifier, for names the rule `_` → `.` cannot give back. */
  readonly actions: ReadonlyMap<string, string>;
  /** Identifier in code → the real variable name (`My_Var_2` → `My Var 2`). */
  readonly names: ReadonlyMap<string, string>;
}

export const emptyHeader: HeaderTables = { actions: new Map(), names: new Map() };
