import { defineDiagnostics } from '../diagnostics/codes.js';

/** SC91xx: the CLI's files (SC90xx is the container, src/container/diagnostics.ts). */
export const cliDiagnostics = defineDiagnostics({
  cannotRead: { code: 'SC9101', severity: 'error', title: 'an input file or folder cannot be read' },
  cannotWrite: { code: 'SC9102', severity: 'error', title: 'an output file cannot be written' },
  noInputs: { code: 'SC9103', severity: 'error', title: 'a folder holds no shortcut files' },
  tooLarge: { code: 'SC9104', severity: 'error', title: 'an input file is larger than the CLI reads' },
});
