import { defineDiagnostics } from '../diagnostics/codes.js';
import type { Severity } from '../diagnostics/diagnostic.js';

/**
 * SC6xxx: the checker (`shortcutc check`, `check()`).
 *
 * `severity` is what a problem is in code (a model or a person wrote it, and
 * can fix it). `onShortcut` is what it is in a shortcut file: real, working
 * shortcuts come from many app versions the catalog does not describe, so
 * there only what is genuinely unknown to the catalog may warn (an action,
 * a parameter key, an enum value it has never heard of); everything else is
 * `info` (shown with `--verbose`), never an error.
 */
export interface CheckerDiagnosticDefinition {
  readonly code: string;
  readonly severity: Severity;
  readonly onShortcut: Severity;
  readonly title: string;
}

export const checkerDiagnostics = defineDiagnostics({
  unknownAction: {
    code: 'SC6001',
    severity: 'error',
    onShortcut: 'warning',
    title: 'no catalog action has this identifier or function name',
  },
  unknownParameter: {
    code: 'SC6002',
    severity: 'error',
    onShortcut: 'warning',
    title: 'the action has no parameter of this name (a warning when no known key is close, or the action is a custom intent)',
  },
  enumValue: {
    code: 'SC6003',
    severity: 'error',
    onShortcut: 'warning',
    title: 'the value is not one the parameter allows',
  },
  wrongKind: {
    code: 'SC6004',
    severity: 'error',
    onShortcut: 'info',
    title: 'the value is of a kind the parameter cannot take (a dictionary where a number belongs, …)',
  },
  inapplicableParameter: {
    code: 'SC6005',
    severity: 'warning',
    onShortcut: 'info',
    title: 'the parameter only applies when another parameter has some value, and it does not',
  },
  undefinedVariable: {
    code: 'SC6006',
    severity: 'error',
    onShortcut: 'info',
    title: 'a variable is used that nothing in the workflow sets',
  },
  usedBeforeSet: {
    code: 'SC6007',
    severity: 'error',
    onShortcut: 'info',
    title: 'a variable or an action output is used where it has never been set yet',
  },
  maybeUnset: {
    code: 'SC6008',
    severity: 'info',
    onShortcut: 'info',
    title: 'a variable or an action output is used where it is set on some paths only (a branch, a later loop iteration)',
  },
  noOutput: {
    code: 'SC6009',
    severity: 'warning',
    onShortcut: 'info',
    title: 'the output of an action that has none is used',
  },
  danglingOutput: {
    code: 'SC6010',
    severity: 'error',
    onShortcut: 'info',
    title: 'a reference to the output of an action that is not in the workflow',
  },
  repeatVariableOutsideLoop: {
    code: 'SC6011',
    severity: 'error',
    onShortcut: 'info',
    title: 'Repeat Item or Repeat Index is used outside a repeat block deep enough to set it',
  },
} satisfies Record<string, CheckerDiagnosticDefinition>);

export type CheckerCode = keyof typeof checkerDiagnostics;
