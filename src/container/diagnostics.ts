import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * SC90xx: deciding what kind of shortcut file a file is (the container).
 * SC91xx belongs to the CLI's file handling (src/cli/diagnostics.ts).
 */
export const containerDiagnostics = defineDiagnostics({
  unknownContainer: { code: 'SC9001', severity: 'error', title: 'not a shortcut file: neither `bplist00`, XML (`<?xml`/`<plist`) nor signed (`AEA1`)' },
  notAWorkflow: { code: 'SC9003', severity: 'error', title: 'the property list is not a workflow dictionary' },
});
