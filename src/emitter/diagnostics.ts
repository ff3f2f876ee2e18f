import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * SC8xxx: writing code from the IR. Decompiling never fails on a workflow
 * the lifter accepted; these say where the code is not as plain as usual.
 */
export const emitterDiagnostics = defineDiagnostics({
  tooDeep: {
    code: 'SC8001',
    severity: 'warning',
    title: "A value nests deeper than CPython's parser accepts; the code is exact but `ast.parse` rejects it",
  },
  flatBlock: {
    code: 'SC8002',
    severity: 'info',
    title: 'A control-flow block is written as flat control actions, since a Python block cannot say all its parts',
  },
  literalUuid: {
    code: 'SC8003',
    severity: 'info',
    title: 'Several actions share one UUID; they are written with the literal UUID instead of a binding',
  },
  tooLargeToWrite: {
    code: 'SC8004',
    severity: 'error',
    title: 'The code is too deeply nested or too large for JavaScript to write (its call stack or string length ran out)',
  },
});
