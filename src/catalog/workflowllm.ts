import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { catalogDiagnostics as D } from './diagnostics.js';
import { appOf, pythonNameOf } from './names.js';
import { isPickleDict, pickleSequence, pickleTypeName, stringKeyedEntries, type PickleValue } from './pickle/value.js';
import type { ActionEntry, CatalogValue, EnumItem, OutputField, OutputSpec, ParameterEntry } from './schema.js';
import { parseDefaultText, readPythonSource, type PythonSourceInfo } from './workflowllm-source.js';

/**
 * Turns WorkflowLLM's release pickles into catalog entries.
 *
 * - `identifier2json.pkl`: dotted identifier → `[identifier, {name, description,
 *   required_parameters, optional_parameters, return_data}]` (or that pair
 *   wrapped in one more list). Parameters are `{name, type, description}` plus
 *   `enum_class`/`entity_class` for app intents. This file decides which
 *   actions exist.
 * - `identifier2python.pkl`: Python name → the documentation function (types,
 *   defaults, keywords, titles, enum classes).
 * - `identifier2category.pkl`: Python name → topic categories.
 * - `identifier2keyparams.pkl`: Python name → the key (input) parameter.
 * - `identifier2output.pkl`: a set of names (Python or dotted) of actions with an output.
 *
 * Only the JSON file is required. A malformed entry is reported (SC7011) and
 * skipped; a file of the wrong shape fails (SC7010).
 *
 * The pickle memo lets a 1.5 MB file name one 20,000-parameter dictionary
 * from 20,000 entries (and one long source text from every Python name), so
 * the import counts what it reads and stops (SC7005) long before such
 * sharing multiplies into billions of objects. The limits are about fifty
 * times the real release (4,054 parameters, 0.9 MB of Python source).
 */
const MAX_IMPORT_ITEMS = 200_000;
const MAX_IMPORT_SOURCE_CHARS = 64 * 1024 * 1024;

/** What the import has read so far, against its limits. */
class ImportBudget {
  private items = 0;
  private sourceChars = 0;

  /** Parameters, enum members, output fields and topics. */
  spendItems(n: number): void {
    this.items += n;
    if (this.items > MAX_IMPORT_ITEMS) throw new ImportTooLarge(`more than ${MAX_IMPORT_ITEMS.toLocaleString('en-US')} parameters, enum members, output fields and topics`);
  }

  spendSource(n: number): void {
    this.sourceChars += n;
    if (this.sourceChars > MAX_IMPORT_SOURCE_CHARS) throw new ImportTooLarge(`more than ${MAX_IMPORT_SOURCE_CHARS.toLocaleString('en-US')} characters of Python source`);
  }
}

/** Thrown inside the import only; `importWorkflowLlm` turns it into SC7005. */
class ImportTooLarge extends Error {}
export interface WorkflowLlmPickles {
  readonly json: PickleValue;
  readonly python?: PickleValue;
  readonly category?: PickleValue;
  readonly keyparams?: PickleValue;
  readonly output?: PickleValue;
}

export function importWorkflowLlm(files: WorkflowLlmPickles): Result<ActionEntry[]> {
  const diagnostics: Diagnostic[] = [];
  const json = stringKeyedEntries(files.json, (key) => diagnostics.push(entryProblem(`a key of type ${pickleTypeName(key)} (identifiers are strings)`)));
  if (json === undefined) {
    return fail([diagnostic(D.workflowllmShape, `identifier2json.pkl holds a ${pickleTypeName(files.json)}, not a dict of identifier → API description`)]);
  }
  const python = optionalMap(files.python, 'identifier2python.pkl', diagnostics);
  const category = optionalMap(files.category, 'identifier2category.pkl', diagnostics);
  const keyparams = optionalMap(files.keyparams, 'identifier2keyparams.pkl', diagnostics);
  const withOutput = outputNames(files.output, diagnostics);

  const entries: ActionEntry[] = [];
  const budget = new ImportBudget();
  try {
    for (const [identifier, value] of json) {
      const entry = readEntry(identifier, value, { python, category, keyparams, withOutput, budget }, diagnostics);
      if (entry !== undefined) entries.push(entry);
    }
  } catch (error) {
    if (!(error instanceof ImportTooLarge)) throw error;
    return fail([
      ...diagnostics,
      diagnostic(D.pickleTooLarge, `the WorkflowLLM pickles expand to ${error.message} (the pickle memo lets one value be repeated without bound); the release has about 4,000 parameters`),
    ]);
  }
  reportStrays(entries, python, 'identifier2python.pkl', diagnostics);
  reportStrays(entries, category, 'identifier2category.pkl', diagnostics);
  return ok(entries, diagnostics);
}

interface Side {
  readonly python: Map<string, PickleValue> | undefined;
  readonly category: Map<string, PickleValue> | undefined;
  readonly keyparams: Map<string, PickleValue> | undefined;
  readonly withOutput: ReadonlySet<string>;
  readonly budget: ImportBudget;
}

function readEntry(identifier: string, value: PickleValue, side: Side, diagnostics: Diagnostic[]): ActionEntry | undefined {
  const api = apiDict(value);
  if (api === undefined) {
    diagnostics.push(entryProblem(`${identifier}: expected [identifier, {…}] (or [[identifier, {…}]]), found a ${pickleTypeName(value)} of another shape`));
    return undefined;
  }
  const pythonName = pythonNameOf(identifier);
  const sourceValue = side.python?.get(pythonName);
  const paramValues = [...listOf(api.get('required_parameters')), ...listOf(api.get('optional_parameters'))];
  side.budget.spendItems(paramValues.length);
  if (typeof sourceValue === 'string') side.budget.spendSource(sourceValue.length);
  const rawParams = paramValues.map((p) => stringKeyedEntries(p)).filter((p): p is Map<string, PickleValue> => p !== undefined);
  if (rawParams.length !== paramValues.length) diagnostics.push(entryProblem(`${identifier}: a parameter is not a dict and was skipped`));
  const names = rawParams.map((p) => p.get('name')).filter((n): n is string => typeof n === 'string');
  const source = typeof sourceValue === 'string' ? readPythonSource(sourceValue, names) : undefined;
  if (typeof sourceValue === 'string' && source === undefined) {
    diagnostics.push(diagnostic(D.workflowllmSignature, `${identifier}: the Python source in identifier2python.pkl has no readable \`def …(…) -> …:\` signature; types and defaults are left out`));
  } else if (sourceValue !== undefined && typeof sourceValue !== 'string') {
    diagnostics.push(entryProblem(`${identifier}: identifier2python.pkl holds a ${pickleTypeName(sourceValue)}, not the source text`));
  }
  // App intents carry a title line; the built-ins WorkflowLLM took from WFActions.plist do not.
  const isIntent = source?.title !== undefined;

  const parameters: ParameterEntry[] = [];
  const seen = new Set<string>();
  for (const raw of rawParams) {
    const key = raw.get('name');
    if (typeof key !== 'string' || key === '' || seen.has(key)) {
      diagnostics.push(entryProblem(`${identifier}: a parameter without a name, or a repeated one, was skipped`));
      continue;
    }
    seen.add(key);
    const parameter = readParameter(key, raw, source, isIntent);
    side.budget.spendItems(parameter.enum?.length ?? 0);
    parameters.push(parameter);
  }

  const entry: { -readonly [K in keyof ActionEntry]: ActionEntry[K] } = {
    identifier,
    pythonName,
    app: appOf(identifier),
    parameters,
    sources: ['workflowllm'],
  };
  if (source?.title !== undefined) entry.name = source.title;
  const description = api.get('description');
  if (typeof description === 'string' && description.trim() !== '') entry.description = description.trim();
  side.budget.spendItems(listOf(side.category?.get(pythonName)).length + listOf(api.get('return_data')).length);
  const topics = listOf(side.category?.get(pythonName)).filter((t): t is string => typeof t === 'string' && t !== '');
  if (topics.length > 0) entry.topics = topics;
  if (source !== undefined && source.keywords.length > 0) entry.keywords = source.keywords;
  const keyParam = side.keyparams?.get(pythonName);
  if (typeof keyParam === 'string' && keyParam !== '') entry.input = { parameterKey: keyParam, types: [] };
  const output = readOutput(api.get('return_data'), source, isIntent, side.withOutput.has(pythonName) || side.withOutput.has(identifier));
  if (output !== undefined) entry.output = output;
  return entry;
}

function readParameter(key: string, raw: Map<string, PickleValue>, source: PythonSourceInfo | undefined, isIntent: boolean): ParameterEntry {
  const param: { -readonly [K in keyof ParameterEntry]: ParameterEntry[K] } = { key, sources: ['workflowllm'] };
  const cls = raw.get('type');
  if (typeof cls === 'string' && cls !== '') param.class = cls;
  const label = raw.get('description');
  if (typeof label === 'string' && label.trim() !== '') param.label = label.trim();
  const enumClass = raw.get('enum_class');
  if (typeof enumClass === 'string' && enumClass !== '') param.enumClass = enumClass;
  const entityClass = raw.get('entity_class');
  if (typeof entityClass === 'string' && entityClass !== '') param.entityClass = entityClass;
  const sig = source?.parameters.get(key);
  if (sig?.type !== undefined) param.pythonType = sig.type;
  if (typeof enumClass === 'string') {
    const members = source?.enums.get(enumClass.toLowerCase());
    if (members !== undefined) param.enum = members.map((m): EnumItem => ({ value: m.name, code: m.code }));
  }
  // For the built-ins WorkflowLLM's "default" is often the app's placeholder
  // text ("URL", "Choose Variable"); WFActions.plist tells them apart. App
  // intents' defaults come from their intent definitions and are real.
  if (sig?.defaultText !== undefined && isIntent) {
    const value: CatalogValue | undefined = parseDefaultText(sig.defaultText);
    if (value !== undefined) param.default = value;
  }
  return param;
}

function readOutput(value: PickleValue | undefined, source: PythonSourceInfo | undefined, isIntent: boolean, listed: boolean): OutputSpec | undefined {
  const fields: OutputField[] = [];
  for (const item of listOf(value)) {
    const f = stringKeyedEntries(item);
    const name = f?.get('name');
    if (typeof name !== 'string' || name === '') continue;
    const field: { name: string; description?: string } = { name };
    const description = f?.get('description');
    if (typeof description === 'string' && description !== '' && description !== 'Output data.') field.description = description;
    fields.push(field);
  }
  const returnType = source?.returnType;
  const hasOutput = fields.length > 0 || listed || (returnType !== undefined && returnType !== 'None');
  if (!hasOutput) return undefined;
  const output: { -readonly [K in keyof OutputSpec]: OutputSpec[K] } = { types: [] };
  if (returnType !== undefined && returnType !== 'None') output.pythonType = returnType;
  if (!isIntent) {
    // Built-ins: return_data holds the output name the app shows.
    if (fields[0] !== undefined) output.name = fields[0].name;
  } else if (fields.length > 0) {
    output.fields = fields;
    if (fields.length === 1 && fields[0]?.description !== undefined) output.name = fields[0].description;
  }
  return output;
}

/** `[identifier, dict]` or `[[identifier, dict]]` → the dict's string-keyed entries. */
function apiDict(value: PickleValue): Map<string, PickleValue> | undefined {
  let pair = pickleSequence(value);
  if (pair?.length === 1) pair = pickleSequence(pair[0]);
  if (pair === undefined || pair.length !== 2 || typeof pair[0] !== 'string' || !isPickleDict(pair[1])) return undefined;
  return stringKeyedEntries(pair[1]);
}

function listOf(value: PickleValue | undefined): readonly PickleValue[] {
  return pickleSequence(value) ?? [];
}

function optionalMap(value: PickleValue | undefined, file: string, diagnostics: Diagnostic[]): Map<string, PickleValue> | undefined {
  if (value === undefined) return undefined;
  const map = stringKeyedEntries(value);
  if (map === undefined) diagnostics.push(diagnostic(D.workflowllmShape, `${file} holds a ${pickleTypeName(value)}, not a dict keyed by Python name; it was ignored`, { severity: 'warning' }));
  return map;
}

function outputNames(value: PickleValue | undefined, diagnostics: Diagnostic[]): Set<string> {
  const names = new Set<string>();
  if (value === undefined) return names;
  const items = typeof value === 'object' && value !== null && (value.kind === 'set' || value.kind === 'list' || value.kind === 'tuple') ? value.items : undefined;
  if (items === undefined) {
    diagnostics.push(diagnostic(D.workflowllmShape, `identifier2output.pkl holds a ${pickleTypeName(value)}, not a set of names; it was ignored`, { severity: 'warning' }));
    return names;
  }
  for (const item of items) if (typeof item === 'string') names.add(item);
  return names;
}

function reportStrays(entries: readonly ActionEntry[], side: Map<string, PickleValue> | undefined, file: string, diagnostics: Diagnostic[]): void {
  if (side === undefined) return;
  const known = new Set(entries.map((e) => e.pythonName));
  const strays = [...side.keys()].filter((name) => !known.has(name));
  if (strays.length > 0) {
    diagnostics.push(
      diagnostic(D.workflowllmMismatch, `${file} has ${strays.length} name(s) that identifier2json.pkl does not list (ignored), e.g. ${strays.slice(0, 3).join(', ')}`),
    );
  }
}

function entryProblem(message: string): Diagnostic {
  return diagnostic(D.workflowllmEntry, message);
}
