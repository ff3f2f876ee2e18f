import { diagnostic, type DiagnosticDefinition } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import type { VariableReference, Workflow } from '../ir/types.js';
import type { PlistPath } from '../plist/equal.js';
import { isDict, type PlistValue } from '../plist/value.js';
import { PARAMETERS_KEY, parseActionEntry } from './actions.js';
import { ValueTooDeepError } from './context.js';
import { structure, type StructureSink } from './control-flow.js';
import { liftDiagnostics as D } from './diagnostics.js';
import { lowerStatements } from './lower-statements.js';
import { ACTIONS_KEY, liftMetadata, lowerMetadata } from './metadata.js';

/**
 * plist → IR. Fails (SC3001) only when the value is not a workflow at all,
 * and (SC3002) when a value nests beyond the lifter's limit; every other
 * oddity lifts to something `lowerWorkflow` turns back into the same plist,
 * with a warning where the structure is not what Shortcuts itself writes.
 */
export function liftWorkflow(plist: PlistValue): Result<Workflow> {
  const diagnostics: Diagnostic[] = [];
  const warn = (definition: DiagnosticDefinition, message: string, path: PlistPath, suggestion?: string): void => {
    diagnostics.push(diagnostic(definition, message, { location: { kind: 'plist', path }, ...(suggestion === undefined ? {} : { suggestion }) }));
  };
  if (!isDict(plist)) {
    return fail([diagnostic(D.notAWorkflow, 'The property list is not a dictionary, so it is not a workflow.', { location: { kind: 'plist', path: [] } })]);
  }
  const actions = plist.get(ACTIONS_KEY);
  if (!Array.isArray(actions)) {
    const what = actions === undefined ? 'has no WFWorkflowActions key' : 'has a WFWorkflowActions that is not an array';
    return fail([diagnostic(D.notAWorkflow, `The dictionary ${what}, so it is not a workflow.`, { location: { kind: 'plist', path: [ACTIONS_KEY] } })]);
  }

  // Where lifting is, for the locations of reference diagnostics.
  let actionIndex = 0;
  let parameterKey: string | undefined;
  const references: { reference: VariableReference; path: PlistPath }[] = [];
  const sink: StructureSink = {
    action: (index) => {
      actionIndex = index;
      parameterKey = undefined;
    },
    parameter: (key) => {
      parameterKey = key;
    },
    reference: (reference) => {
      if (reference.source.kind !== 'actionOutput') return;
      const path: PlistPath =
        parameterKey === undefined ? [ACTIONS_KEY, actionIndex] : [ACTIONS_KEY, actionIndex, PARAMETERS_KEY, parameterKey];
      references.push({ reference, path });
    },
  };

  const entries = actions.map((entry, index) => parseActionEntry(entry, index));
  let body;
  try {
    body = structure(entries, sink, warn);
  } catch (error) {
    if (!(error instanceof ValueTooDeepError)) throw error;
    const path: PlistPath = parameterKey === undefined ? [ACTIONS_KEY, actionIndex] : [ACTIONS_KEY, actionIndex, PARAMETERS_KEY, parameterKey];
    return fail([...diagnostics, diagnostic(D.tooDeep, `${error.message}; the workflow cannot be lifted.`, { location: { kind: 'plist', path } })]);
  }

  // Output UUIDs: every action (and block part) that carries one, for the reference checks.
  const owners = new Map<string, number>();
  for (const entry of entries) {
    if (entry.kind !== 'parsed') continue;
    const uuid = entry.parameters.get('UUID');
    if (typeof uuid !== 'string') continue;
    const first = owners.get(uuid);
    if (first === undefined) {
      owners.set(uuid, entry.index);
    } else {
      warn(
        D.duplicateUuid,
        `Actions ${first} and ${entry.index} both have UUID ${uuid}; a variable using that output is ambiguous.`,
        [ACTIONS_KEY, entry.index, PARAMETERS_KEY, 'UUID'],
      );
    }
  }
  for (const { reference, path } of references) {
    if (reference.source.kind !== 'actionOutput' || owners.has(reference.source.outputUuid)) continue;
    const name = reference.source.outputName === undefined ? '' : ` (${JSON.stringify(reference.source.outputName)})`;
    warn(
      D.danglingReference,
      `A variable${name} uses the output of action UUID ${reference.source.outputUuid}, but no action has that UUID; it is kept as is.`,
      path,
    );
  }

  return ok({ metadata: liftMetadata(plist), body }, inActionOrder(diagnostics));
}

/** IR → plist: the exact inverse of `liftWorkflow`. */
export function lowerWorkflow(workflow: Workflow): PlistValue {
  return lowerMetadata(workflow.metadata, lowerStatements(workflow.body));
}

/** Diagnostics sorted by the action they point at (stable), so reports read in plist order. */
function inActionOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const actionIndex = (d: Diagnostic): number => {
    const index = d.location?.kind === 'plist' ? d.location.path[1] : undefined;
    return typeof index === 'number' ? index : -1;
  };
  return diagnostics.map((d, i) => ({ d, i })).sort((a, b) => actionIndex(a.d) - actionIndex(b.d) || a.i - b.i).map((x) => x.d);
}
