import { defineDiagnostics } from '../diagnostics/codes.js';

/** SC9xxx: problems with the command line's files, before any format is read. */
export const cliDiagnostics = defineDiagnostics({
  unreadableFile: { code: 'SC9001', severity: 'error', title: 'a file or directory that cannot be read' },
});
