import { attachmentIdentityNamespace, parameterIdentityNamespace, type IdentityNamespace } from '../ir/identity.js';
import type { Workflow } from '../ir/types.js';
import { lowerWorkflow } from '../lift/workflow.js';
import { describe, firstDifference, type PlistDifference, type PlistPath } from '../plist/equal.js';
import { isDict, plistKind, type PlistValue } from '../plist/value.js';

/**
 * Comparing two workflow plists up to their identifiers: action UUIDs (the
 * `UUID` parameter and every `ActionOutput` attachment's `OutputUUID`, one
 * namespace, since the second names the first), `GroupingIdentifier`s and,
 * unless told otherwise, named variables' `VariableUUID`s may be renamed —
 * consistently, one-to-one — and nothing else may differ. Compiled code
 * derives fresh identifiers, so this is how a code round trip is judged.
 */
export interface IdentityCompareOptions {
  /** Whether dictionaries must list keys in the same order (default false). */
  readonly keyOrder?: boolean;
  /** Whether `VariableUUID` may be renamed too (default true). */
  readonly variableUuids?: boolean;
}

type Namespace = IdentityNamespace;

/** A one-to-one renaming, built up as the walk meets identifiers. */
class Renaming {
  private readonly forward = new Map<string, string>();
  private readonly backward = new Map<string, string>();

  /** Undefined when `a ↔ b` is consistent with what was seen; else why not. */
  match(a: string, b: string): string | undefined {
    const seenB = this.forward.get(a);
    const seenA = this.backward.get(b);
    if (seenB !== undefined && seenB !== b) return `${JSON.stringify(a)} was matched to ${JSON.stringify(seenB)} before, here to ${JSON.stringify(b)}`;
    if (seenA !== undefined && seenA !== a) return `${JSON.stringify(b)} was matched to ${JSON.stringify(seenA)} before, here to ${JSON.stringify(a)}`;
    this.forward.set(a, b);
    this.backward.set(b, a);
    return undefined;
  }
}

const ACTION_PARAMETER_DEPTH = 3; // WFWorkflowActions[i].WFWorkflowActionParameters

export function firstDifferenceModuloIdentity(
  a: PlistValue,
  b: PlistValue,
  options: IdentityCompareOptions = {},
): PlistDifference | undefined {
  const renamings: Record<Namespace, Renaming> = { action: new Renaming(), group: new Renaming(), variable: new Renaming() };
  const variableUuids = options.variableUuids ?? true;
  // Iterative over an explicit stack, in plist order, like `firstDifference`.
  const stack: { a: PlistValue; b: PlistValue; path: PlistPath; namespace?: Namespace }[] = [{ a, b, path: [] }];
  while (stack.length > 0) {
    const { a: x, b: y, path, namespace: slot } = stack.pop()!;
    const kx = plistKind(x);
    const ky = plistKind(y);
    if (kx !== ky) return { path, reason: `${kx} ${describe(x)} vs ${ky} ${describe(y)}` };
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return { path, reason: `array of ${x.length} items vs ${y.length} items` };
      for (let i = x.length - 1; i >= 0; i--) stack.push({ a: x[i]!, b: y[i]!, path: [...path, i] });
      continue;
    }
    if (isDict(x) && isDict(y)) {
      for (const key of x.keys()) if (!y.has(key)) return { path, reason: `key ${JSON.stringify(key)} only on the left` };
      for (const key of y.keys()) if (!x.has(key)) return { path, reason: `key ${JSON.stringify(key)} only on the right` };
      if (options.keyOrder) {
        const kb = [...y.keys()];
        const at = [...x.keys()].findIndex((key, i) => key !== kb[i]);
        if (at >= 0) return { path, reason: `key order differs at position ${at}` };
      }
      const inParameters = path.length === ACTION_PARAMETER_DEPTH && path[0] === 'WFWorkflowActions' && path[2] === 'WFWorkflowActionParameters';
      const type = x.get('Type') === y.get('Type') ? x.get('Type') : undefined;
      const keys = [...x.keys()];
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const va = x.get(key)!;
        const vb = y.get(key)!;
        // Where identifiers stand is defined once, in src/ir/identity.ts (the decompiler reads the same definition).
        let namespace: Namespace | undefined = (inParameters ? parameterIdentityNamespace(key) : undefined) ?? attachmentIdentityNamespace(type, key);
        if (namespace === 'variable' && !variableUuids) namespace = undefined;
        // Identifiers are matched in plist order: deferred like any other child.
        stack.push({ a: va, b: vb, path: [...path, key], ...(namespace === undefined ? {} : { namespace }) });
      }
      continue;
    }
    if (slot !== undefined && typeof x === 'string' && typeof y === 'string') {
      const why = renamings[slot].match(x, y);
      if (why !== undefined) return { path, reason: `identifier renamed inconsistently: ${why}` };
      continue;
    }
    const difference = firstDifference(x, y);
    if (difference !== undefined) return { path, reason: difference.reason };
  }
  return undefined;
}

/** Whether two workflows say the same up to their identifiers (compared as lowered plists). */
export function firstWorkflowDifferenceModuloIdentity(a: Workflow, b: Workflow, options: IdentityCompareOptions = {}): PlistDifference | undefined {
  return firstDifferenceModuloIdentity(lowerWorkflow(a), lowerWorkflow(b), options);
}
