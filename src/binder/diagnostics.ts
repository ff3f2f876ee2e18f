import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * SC5xxx: code → IR (name resolution and lowering of the syntax tree).
 *
 *   SC50xx  the file: reading mode, header tables, limits
 *   SC51xx  statements
 *   SC52xx  names: variables, outputs, actions
 *   SC53xx  values and parameters
 *   SC54xx  control flow and conditions
 *   SC55xx  model code read leniently (warnings that say how a loose spelling was read)
 *
 * Errors mean the construct has no meaning in a shortcut (or, in canonical
 * code, is not a spelling the dialect defines); warnings mean the compiler
 * chose the one sensible meaning and says which.
 */
export const binderDiagnostics = defineDiagnostics({
  // ── the file ──────────────────────────────────────────────────────────────
  badHeader: { code: 'SC5001', severity: 'error', title: 'The canonical header is malformed' },
  badHeaderEntry: { code: 'SC5002', severity: 'error', title: 'A header table entry has the wrong form' },
  tooDeep: { code: 'SC5003', severity: 'error', title: 'Blocks or expressions nest deeper than the compiler accepts' },
  nothingToCompile: { code: 'SC5004', severity: 'warning', title: 'The file holds no actions' },
  unknownHeaderKey: { code: 'SC5005', severity: 'warning', title: 'The header has an entry the compiler does not know; it is ignored' },
  tooManyDiagnostics: { code: 'SC5008', severity: 'error', title: 'More problems than are reported for one file (the count of the rest)' },

  // ── statements ────────────────────────────────────────────────────────────
  unsupportedStatement: { code: 'SC5101', severity: 'error', title: 'A Python statement that has no meaning in a shortcut' },
  badAssignmentTarget: { code: 'SC5102', severity: 'error', title: 'An assignment target that is not a plain name' },
  badAssignmentValue: { code: 'SC5103', severity: 'error', title: 'An assignment whose value is no action, text, dictionary or variable' },
  noEffect: { code: 'SC5104', severity: 'warning', title: 'An expression statement that does nothing; it is ignored' },
  badAugAssign: { code: 'SC5105', severity: 'error', title: 'An augmented assignment other than `+=` (Append to Variable)' },
  notCanonical: { code: 'SC5106', severity: 'error', title: 'Canonical code uses a spelling the dialect does not define' },
  badAnnotation: { code: 'SC5107', severity: 'error', title: 'An assignment annotation that is not an output name string' },

  // ── names ─────────────────────────────────────────────────────────────────
  undefinedNameRead: { code: 'SC5202', severity: 'warning', title: 'A name no assignment defines, read as a named variable' },
  unknownAction: { code: 'SC5203', severity: 'warning', title: 'An action name neither the header nor the catalog knows; its identifier is derived by rule' },
  looseActionName: { code: 'SC5204', severity: 'warning', title: 'An action name that matches a catalog name only loosely (case, `-`, `_`)' },
  badCallee: { code: 'SC5205', severity: 'error', title: 'A call whose callee is not an action name' },
  usedBeforeAssignment: { code: 'SC5206', severity: 'warning', title: 'An action output used before the assignment that binds it' },
  duplicateOutput: { code: 'SC5207', severity: 'error', title: 'Canonical code binds one output name to two actions' },

  // ── values ────────────────────────────────────────────────────────────────
  badValue: { code: 'SC5301', severity: 'error', title: 'An expression that is not a value a parameter can hold' },
  badReference: { code: 'SC5302', severity: 'error', title: 'An expression that is not a variable, an output or a magic value' },
  badAggrandizement: { code: 'SC5303', severity: 'error', title: 'A malformed property, key, coercion or format on a variable' },
  badInterpolation: { code: 'SC5304', severity: 'error', title: 'An f-string interpolation that is not a variable' },
  duplicateKeyword: { code: 'SC5305', severity: 'error', title: 'A parameter given twice in one call' },
  positionalArgument: { code: 'SC5306', severity: 'error', title: 'A positional argument where the action needs a parameter name' },
  badDictionaryKey: { code: 'SC5307', severity: 'error', title: 'A dictionary key that is not text' },
  badSpecialCall: { code: 'SC5308', severity: 'error', title: 'A built-in form (coerce_variable, format_date, input, …) called with the wrong arguments' },
  badNumber: { code: 'SC5309', severity: 'error', title: 'A number a plist cannot hold' },

  // ── control flow ──────────────────────────────────────────────────────────
  badCondition: { code: 'SC5401', severity: 'error', title: 'An `if` test that is not a condition Shortcuts can check' },
  badMatch: { code: 'SC5402', severity: 'error', title: 'A `match` that is not a Choose from Menu (`match input(prompt=…)`, `case "Title":`)' },
  badLoop: { code: 'SC5403', severity: 'error', title: 'A `for` loop that is neither Repeat with Each nor Repeat n times' },
  loopElse: { code: 'SC5404', severity: 'error', title: '`else:` on a loop (Shortcuts loops have none)' },
  badBlockOutput: { code: 'SC5405', severity: 'error', title: 'A block output binding that does not follow a block' },

  // ── model code read leniently ─────────────────────────────────────────────
  elifRead: { code: 'SC5501', severity: 'warning', title: '`elif` read as `else:` holding an `if` (Shortcuts has no elif)' },
  numberFromString: { code: 'SC5502', severity: 'warning', title: 'A number written as text for a number parameter, stored as a number' },
  magicInText: { code: 'SC5503', severity: 'warning', title: 'WorkflowLLM\'s spelling of a magic value written as plain text inside an f-string, read as that value' },
  hoistedCall: { code: 'SC5504', severity: 'warning', title: 'An action call nested inside a value, run as its own action just before' },
  looseLoop: { code: 'SC5505', severity: 'warning', title: 'A loop written other than WorkflowLLM\'s `enumerate(…, start=1)` / `range(int(n))` form' },
  literalAssignment: { code: 'SC5506', severity: 'warning', title: 'A number or list assigned to a name, read as a Number or List action' },
  textForVariable: { code: 'SC5507', severity: 'warning', title: 'A variable given to a text parameter, stored as text holding that variable' },
  looseValue: { code: 'SC5508', severity: 'warning', title: 'A loosely written value, read in its one sensible way' },
  droppedNone: { code: 'SC5509', severity: 'warning', title: 'A parameter given `None`, left out of the action' },
  shortcutInputPlaceholder: { code: 'SC5510', severity: 'warning', title: 'WorkflowLLM\'s placeholder `input("Please enter the value:")`, read as the Shortcut Input' },
  looseCondition: { code: 'SC5511', severity: 'warning', title: 'A condition written loosely, read in its one sensible way' },
  looseMenu: { code: 'SC5512', severity: 'warning', title: 'A menu written loosely, read in its one sensible way' },
  annotationLines: {
    code: 'SC5513',
    severity: 'warning',
    title: "Comment lines WorkflowLLM's annotator put inside a multi-line string (one above each line of the text), removed from the text",
  },
});
