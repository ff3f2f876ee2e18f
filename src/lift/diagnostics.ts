import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * SC3xxx: lifting a workflow plist into the IR (and lowering it back).
 * Warnings describe shapes that lift losslessly but not into the structure
 * one would expect (they lower back to the very same actions); errors mean
 * the input is not a workflow at all.
 */
export const liftDiagnostics = defineDiagnostics({
  notAWorkflow: { code: 'SC3001', severity: 'error', title: 'The plist is not a workflow (no dictionary with a WFWorkflowActions array)' },
  tooDeep: { code: 'SC3002', severity: 'error', title: 'A parameter value is nested deeper than the lifter accepts' },
  notAnAction: { code: 'SC3003', severity: 'warning', title: 'An entry of WFWorkflowActions is not an action dictionary; kept verbatim' },
  badControlFlowKeys: {
    code: 'SC3004',
    severity: 'warning',
    title: 'A control-flow action has no usable GroupingIdentifier or WFControlFlowMode; kept as a plain action',
  },
  orphanControlAction: {
    code: 'SC3005',
    severity: 'warning',
    title: 'A middle or end control-flow action (Otherwise, menu case, End) has no open block to belong to; kept as a plain action',
  },
  unterminatedBlock: { code: 'SC3006', severity: 'warning', title: 'A block start whose end never comes; its actions are kept flat' },
  interleavedBlocks: {
    code: 'SC3007',
    severity: 'warning',
    title: 'Control-flow groups overlap instead of nesting; the inner, unfinished one is kept flat',
  },
  misplacedMiddle: {
    code: 'SC3008',
    severity: 'warning',
    title: 'A middle control-flow action where its block allows none (in a repeat, a second Otherwise); kept as a plain action',
  },
  danglingReference: { code: 'SC3009', severity: 'warning', title: 'A variable refers to an action output UUID that no action has' },
  duplicateUuid: { code: 'SC3010', severity: 'warning', title: 'Two actions carry the same UUID; references to it are ambiguous' },
  tooDeeplyNestedBlocks: {
    code: 'SC3011',
    severity: 'warning',
    title: 'Blocks nest deeper than the lifter structures; the deeper ones are kept as flat actions',
  },
  actionsBeforeFirstCase: {
    code: 'SC3012',
    severity: 'warning',
    title: 'A Choose from Menu has actions between its start and its first case; the menu is kept flat',
  },
  workflowTooDeep: {
    code: 'SC3013',
    severity: 'error',
    title: 'A workflow given as IR nests blocks or values deeper than the phases accept (1,000 levels)',
  },
});
