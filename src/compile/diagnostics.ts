import { defineDiagnostics } from '../diagnostics/codes.js';

/** SC93xx: datasets given to `shortcutc compile --dataset` (SC90xx container, SC91xx CLI files). */
export const datasetDiagnostics = defineDiagnostics({
  unreadable: { code: 'SC9301', severity: 'error', title: 'The dataset file cannot be read' },
  malformed: { code: 'SC9302', severity: 'error', title: 'The dataset is not a JSON array or JSON lines (cut off, or text after the array)' },
  badEntry: { code: 'SC9303', severity: 'error', title: 'A dataset entry is not a JSON object with the code in the chosen field' },
});
