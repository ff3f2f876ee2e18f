/** plist ⇄ IR: lifting a workflow plist into the IR and lowering it back, exactly. */
export { liftWorkflow, lowerWorkflow } from './workflow.js';
export { liftParameterValue } from './value-api.js';
export { lowerValue, lowerReference } from './lower-values.js';
export { lowerStatements } from './lower-statements.js';
export { liftDiagnostics } from './diagnostics.js';
export { CONTROL_FLOW_IDENTIFIERS, MAX_BLOCK_DEPTH } from './control-flow.js';
export { MAX_VALUE_DEPTH } from './context.js';
export { checkWorkflowDepth, MAX_IR_DEPTH } from './depth-guard.js';
