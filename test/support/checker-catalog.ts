import { Catalog } from '../../src/catalog/catalog.js';
import { loadCoreDocument, overlayCore } from '../../src/catalog/load.js';
import type { ActionEntry, CatalogDocument } from '../../src/catalog/schema.js';

/**
 * The catalog checker unit tests use: the repository's hand-written core
 * (control flow, variables, lists, numbers, URLs, …) plus three actions of
 * the kinds the core lacks — a custom-intent action, an app intent with
 * WorkflowLLM's parameter classes, one with a quantity parameter, and a
 * content-item filter whose definition lists no output.
 */
const extra: ActionEntry[] = [
  {
    identifier: 'is.workflow.actions.filter.files',
    pythonName: 'is_workflow_actions_filter_files',
    app: 'is.workflow.actions',
    name: 'Filter Files',
    actionClass: 'WFContentItemFilterAction',
    parameters: [],
    sources: ['wfactions'],
  },
  {
    identifier: 'is.workflow.actions.adjustdate',
    pythonName: 'is_workflow_actions_adjustdate',
    app: 'is.workflow.actions',
    name: 'Adjust Date',
    parameters: [
      { key: 'WFDate', class: 'WFDateFieldParameter', sources: ['wfactions'] },
      { key: 'WFDuration', class: 'WFDurationQuantityFieldParameter', sources: ['wfactions'] },
    ],
    output: { name: 'Adjusted Date', types: ['WFDateContentItem'] },
    sources: ['wfactions'],
  },
  {
    identifier: 'is.workflow.actions.flashlight',
    pythonName: 'is_workflow_actions_flashlight',
    app: 'is.workflow.actions',
    name: 'Set Flashlight',
    actionClass: 'WFHandleCustomIntentAction',
    parameters: [{ key: 'state', class: 'WFEnumerationParameter', enum: [{ value: 'on' }, { value: 'off' }], sources: ['wfactions'] }],
    sources: ['wfactions'],
  },
  {
    identifier: 'com.example.Files.WriteFileIntent',
    pythonName: 'com_example_Files_WriteFileIntent',
    app: 'com.example.Files',
    name: 'Write File',
    parameters: [
      { key: 'mode', class: 'NUMBER', pythonType: 'int', sources: ['workflowllm'] },
      { key: 'path', class: 'STRING', pythonType: 'str', sources: ['workflowllm'] },
      { key: 'overwrite', class: 'BOOLEAN', pythonType: 'bool', sources: ['workflowllm'] },
    ],
    output: { name: 'File', types: ['WFGenericFileContentItem'] },
    sources: ['workflowllm'],
  },
];

let cached: Catalog | undefined;

export function checkerCatalog(): Catalog {
  if (cached !== undefined) return cached;
  const core = loadCoreDocument();
  if (!core.ok) throw new Error(core.diagnostics.map((d) => d.message).join('; '));
  const document: CatalogDocument = { format: 'shortcutc-catalog', version: 1, sources: [], actions: extra };
  cached = new Catalog(overlayCore(document, core.value));
  return cached;
}
