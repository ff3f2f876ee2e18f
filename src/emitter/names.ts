/**
 * Identifiers in the dialect (grammars/dialect.md §4, §7.1): which names are
 * reserved, how a named variable, an action output and an action get their
 * identifier, and how a property name is spelled as an attribute.
 */

const PYTHON_KEYWORDS: readonly string[] = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
];
const SOFT_KEYWORDS: readonly string[] = ['match', 'case', 'type', '_'];

/** Names the dialect's own forms use (value forms, statement forms, loop headers). */
export const DIALECT_NAMES: readonly string[] = [
  'input', 'range', 'enumerate', 'int', 'float', 'str', 'dict', 'getattr', 'datetime', 'plistlib', 'attachment', 'plist', 'plist_date',
  'coerce_variable', 'format_date', 'unit_variable_transform', 'aggrandize', 'serialized', 'raw_action',
];

/** Magic variable names (attachment sources without a name of their own). */
export const MAGIC = {
  shortcutInput: 'Shortcut_Input',
  ask: 'Ask_Each_Time',
  input: 'Action_Input',
  clipboard: 'is_workflow_actions_getclipboard',
  deviceDetails: 'is_workflow_actions_getdevicedetails',
} as const;

const pythonKeywords: ReadonlySet<string> = new Set(PYTHON_KEYWORDS);
const reservedNames: ReadonlySet<string> = new Set([...PYTHON_KEYWORDS, ...SOFT_KEYWORDS, ...DIALECT_NAMES, ...Object.values(MAGIC)]);

export function isPythonKeyword(text: string): boolean {
  return pythonKeywords.has(text);
}

/** ASCII identifiers only: CPython's Unicode rules (NFKC, XID) are not worth the risk. */
export function isAsciiIdentifier(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

const REPEAT_NAME = /^Repeat (Item|Index)(?: ([2-9]|[1-9][0-9]+))?$/;
const REPEAT_IDENTIFIER = /^Repeat_(Item|Index)(?:_([2-9]|[1-9][0-9]+))?$/;

/** `Repeat Item 2` → `Repeat_Item_2` (by rule, no header entry); undefined for other names. */
export function repeatIdentifier(variableName: string): string | undefined {
  return REPEAT_NAME.test(variableName) ? variableName.replace(/ /g, '_') : undefined;
}

/** Whether a variable or output may not use this identifier (§4). */
export function isReservedIdentifier(text: string): boolean {
  return reservedNames.has(text) || text.startsWith('__') || REPEAT_IDENTIFIER.test(text);
}

/**
 * Latin letters with diacritics as their base letter (`Wörterbuch` →
 * `Worterbuch`, not `W_rterbuch`), `ß` as `ss`, and an apostrophe between
 * letters dropped (`What’s` → `Whats`, not `What_s`), before a name is cut
 * into ASCII words.
 */
function asciiLetters(text: string): string {
  if (/^[\x00-\x7F]*$/.test(text) && !text.includes("'")) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/(?<=\p{L})['\u2019\u02bc](?=\p{L})/gu, '');
}

/**
 * Every run of characters outside `[A-Za-z0-9_]` → `_`, trimmed; never
 * empty, never starting with a digit, never one of the repeat names (whose
 * numbered forms are all reserved, so numbering could not free them).
 */
export function sanitizeIdentifier(text: string, fallback: string): string {
  let out = asciiLetters(text).replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (out === '') out = fallback;
  if (/^[0-9]/.test(out) || REPEAT_IDENTIFIER.test(out)) out = `${fallback}_${out}`;
  return out;
}

const snakeCache = new Map<string, string>();

/** Words of a display name in snake case: "Contents of URL" → contents_of_url, "TextCaseIntent" → text_case_intent, "URLs" → urls. */
export function snakeCase(text: string): string {
  let cached = snakeCache.get(text);
  if (cached === undefined) {
    cached = toSnakeCase(text);
    // Output names repeat across files ("Text", "Dictionary"); the cache stays small.
    if (snakeCache.size < 10_000) snakeCache.set(text, cached);
  }
  return cached;
}

function toSnakeCase(text: string): string {
  const words = asciiLetters(text)
    // An acronym's plural is one word: "URLs" → urls, not ur_ls.
    .replace(/([A-Z]{2,})s(?![a-z])/g, '$1S')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
  let out = words.join('_');
  if (out === '') out = 'output';
  if (/^[0-9]/.test(out)) out = `output_${out}`;
  return out;
}

/**
 * First free `base`, `base_2`, `base_3`, … With `next` (per base, the suffix
 * after the last one handed out), a caller that takes every name it gets and
 * never frees one skips the suffixes already taken: without it, 100,000
 * outputs all called "Text" cost 5·10⁹ lookups.
 */
export function firstFree(base: string, taken: (candidate: string) => boolean, next?: Map<string, number>): string {
  if (!taken(base)) return base;
  for (let n = next?.get(base) ?? 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken(candidate)) {
      next?.set(base, n + 1);
      return candidate;
    }
  }
}

/**
 * `File Extension` → `File_Extension` when the property name is words of
 * ASCII letters and digits separated by single spaces, starting with a
 * letter, and the result is not a keyword; undefined otherwise (then
 * `getattr(x, "…")`). The compiler turns `_` back into spaces.
 */
export function propertyAttribute(propertyName: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*$/.test(propertyName)) return undefined;
  const attribute = propertyName.replace(/ /g, '_');
  return isPythonKeyword(attribute) ? undefined : attribute;
}

/**
 * Names an action may not take: Python would not accept them, or the
 * compiler reads a call of that name as one of the dialect's own forms
 * (`input(…)` is Ask, `dict(…)` a value, `Shortcut_Input` a magic name, …).
 */
const RESERVED_ACTION_NAMES: ReadonlySet<string> = new Set([
  ...PYTHON_KEYWORDS,
  ...SOFT_KEYWORDS,
  ...DIALECT_NAMES,
  MAGIC.shortcutInput,
  MAGIC.ask,
  MAGIC.input,
]);

/**
 * Python names that belong to one identifier: the control-flow actions
 * (their names stand in fixed positions: if tests, match subjects, case
 * guards) and the two actions whose calls are also magic values.
 */
const FIXED_ACTION_NAMES: ReadonlyMap<string, string> = new Map([
  ['is_workflow_actions_conditional', 'is.workflow.actions.conditional'],
  ['is_workflow_actions_choosefrommenu', 'is.workflow.actions.choosefrommenu'],
  [MAGIC.clipboard, 'is.workflow.actions.getclipboard'],
  [MAGIC.deviceDetails, 'is.workflow.actions.getdevicedetails'],
]);

/** How the compiler reads a python name without a header entry. */
export function identifierByRule(pythonName: string): string {
  return pythonName.replace(/_/g, '.');
}

/**
 * Python names of actions in one file (§7.1): the catalog's name, or the
 * identifier with `.` → `_`, made an identifier, unique per identifier.
 * Records the names that do not reverse by rule, for `__actions__`.
 */
export class ActionNames {
  private readonly byIdentifier = new Map<string, string>();
  private readonly used = new Map<string, string>();
  private readonly nextSuffix = new Map<string, number>();
  /** python name → identifier, for names that do not reverse by rule, in order of first use. */
  readonly table: { pythonName: string; identifier: string }[] = [];

  constructor(private readonly catalogName: (identifier: string) => string | undefined) {}

  nameOf(identifier: string): string {
    const known = this.byIdentifier.get(identifier);
    if (known !== undefined) return known;
    let base = (this.catalogName(identifier) ?? identifier.replace(/\./g, '_')).replace(/[^A-Za-z0-9_]/g, '_');
    if (base === '') base = 'action';
    if (/^[0-9]/.test(base)) base = `_${base}`;
    const taken = (candidate: string): boolean => {
      if (RESERVED_ACTION_NAMES.has(candidate)) return true;
      const fixed = FIXED_ACTION_NAMES.get(candidate);
      if (fixed !== undefined && fixed !== identifier) return true;
      const owner = this.used.get(candidate);
      return owner !== undefined && owner !== identifier;
    };
    const chosen = firstFree(base, taken, this.nextSuffix);
    this.byIdentifier.set(identifier, chosen);
    this.used.set(chosen, identifier);
    if (identifierByRule(chosen) !== identifier) this.table.push({ pythonName: chosen, identifier });
    return chosen;
  }
}
