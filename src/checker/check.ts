import type { Catalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ActionCore, Entry, Value, Workflow } from '../ir/types.js';
import { flatActions } from '../ir/walk.js';
import { checkAction } from './checks/actions.js';
import { checkEnumValue } from './checks/enums.js';
import { checkValueKind } from './checks/kinds.js';
import { checkOutputUses } from './checks/outputs.js';
import { checkParameterKey } from './checks/parameters.js';
import { failedRelation, reportInapplicable } from './checks/relations.js';
import { checkVariableUses } from './checks/variables.js';
import { CheckContext, type ActionSite, type CheckOptions } from './context.js';
import { analyseFlow } from './flow.js';

/**
 * Checks a workflow's API usage against the catalog: actions, parameter
 * keys, enum values, value kinds, parameter relations, and the flow of
 * variables and action outputs. Works on the IR, so compiled code (with its
 * source map, for lines and columns) and lifted shortcut files (located by
 * plist paths) are checked alike; `origin` decides severities (see
 * `diagnostics.ts`). Malformed control flow is not re-checked here: lifting
 * (SC3xxx) and the code front end report it, and the IR only holds blocks
 * that nest. Never throws on any IR the lifter or the binder builds.
 */
export function checkWorkflow(workflow: Workflow, catalog: Catalog, options: CheckOptions): Diagnostic[] {
  const ctx = new CheckContext(catalog, options);
  const sites = new Map<ActionCore, ActionSite>();
  const ignored = new Set<Entry<Value>>();
  for (const flat of flatActions(workflow.body)) {
    if (flat.role === 'raw') continue;
    sites.set(flat.core, flat);
    checkActionUsage(ctx, flat, ignored);
  }
  const facts = analyseFlow(workflow.body, sites, ignored);
  checkVariableUses(ctx, facts);
  checkOutputUses(ctx, facts);
  return ctx.diagnostics;
}

/**
 * The checks of one action on its own: its name, then each parameter's key
 * and value. Parameters the app ignores (a relation fails) go into `ignored`.
 */
function checkActionUsage(ctx: CheckContext, action: ActionSite, ignored: Set<Entry<Value>>): void {
  const entry = checkAction(ctx, action);
  if (entry === undefined) return;
  for (const parameter of action.core.parameters) {
    const declared = checkParameterKey(ctx, action, entry, parameter);
    if (declared === undefined) continue;
    checkEnumValue(ctx, action, parameter, declared);
    checkValueKind(ctx, action, parameter, declared);
    const failed = failedRelation(ctx, action, entry, parameter, declared);
    if (failed !== undefined) {
      reportInapplicable(ctx, action, parameter, failed);
      ignored.add(parameter);
    }
  }
}
