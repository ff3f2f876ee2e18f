/**
 * How identifiers, Python names and apps relate.
 *
 * The function name of an action in the Python-style code is its identifier
 * with `.` → `_` (WorkflowLLM's rule; `-` stays, so 135 of its names are not
 * Python identifiers). The reverse is not a string rule
 * (`com_Christopher-Hannah_Text-Case_TextCaseIntent`), which is why the
 * catalog maps names exactly and offers a loose lookup for model code.
 */

export const BUILTIN_NAMESPACE = 'is.workflow.actions';

export function pythonNameOf(identifier: string): string {
  return identifier.replaceAll('.', '_');
}

/** The app an action belongs to: `is.workflow.actions` for built-ins, else the identifier without its last component. */
export function appOf(identifier: string): string {
  if (identifier.startsWith(`${BUILTIN_NAMESPACE}.`)) return BUILTIN_NAMESPACE;
  const dot = identifier.lastIndexOf('.');
  return dot > 0 ? identifier.slice(0, dot) : identifier;
}

/**
 * The loose form of a name for model code: case folded, and `.`, `-` and `_`
 * treated alike, so `is_workflow_actions_display_always_on_set`,
 * `Is.Workflow.Actions.Display.Always-On.Set` and the exact name meet.
 */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[.\-_\s]+/g, '_');
}

/** Lower-case word parts of a name or text: splits on non-letters and on camelCase humps. */
export function wordsOf(text: string): string[] {
  const spaced = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return spaced.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}
