import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { dateToJs, isArray, isDict, plistKind, type PlistDict, type PlistValue } from '../plist/value.js';
import { catalogDiagnostics as D } from './diagnostics.js';
import { appOf, pythonNameOf } from './names.js';
import { pythonTypeForClass } from './parameter-kinds.js';
import type {
  ActionEntry,
  CatalogValue,
  EnumItem,
  InputSpec,
  OutputSpec,
  ParameterEntry,
  ParameterRelation,
  ParameterSummary,
  RelationKind,
} from './schema.js';

/**
 * Turns the Shortcuts app's own action definitions (`WFActions.plist`, a
 * dictionary of identifier → definition) into catalog entries.
 *
 * Definitions keep their parameters in `Parameters` (Key, Class, Label,
 * DefaultValue, Items/ItemDisplayNames, Placeholder, RequiredResources …).
 * Actions backed by an intent (`WFHandleCustomIntentAction`) declare no
 * `Parameters`; their `ParameterOverrides` (slot → {Key, Description,
 * IntentEnumOverrides, RequiredResources}) name the keys a shortcut stores,
 * which is all this file says about them.
 *
 * Malformed definitions are reported (SC7022) and skipped or read in part.
 */
export function importWfActions(root: PlistValue): Result<ActionEntry[]> {
  if (!isDict(root)) {
    return fail([diagnostic(D.wfactionsShape, `WFActions.plist holds a ${plistKind(root)} at the top, not a dictionary of identifier → action definition`)]);
  }
  const diagnostics: Diagnostic[] = [];
  const entries: ActionEntry[] = [];
  for (const [identifier, definition] of root) {
    if (!isDict(definition)) {
      diagnostics.push(problem(`${identifier}: the definition is a ${plistKind(definition)}, not a dictionary; skipped`));
      continue;
    }
    if (identifier.trim() === '') {
      diagnostics.push(problem('an action with an empty identifier was skipped'));
      continue;
    }
    entries.push(readAction(identifier, definition, diagnostics));
  }
  return ok(entries, diagnostics);
}

function readAction(identifier: string, d: PlistDict, diagnostics: Diagnostic[]): ActionEntry {
  const entry: { -readonly [K in keyof ActionEntry]: ActionEntry[K] } = {
    identifier,
    pythonName: pythonNameOf(identifier),
    app: appOf(identifier),
    parameters: [],
    sources: ['wfactions'],
  };
  const name = str(d.get('Name'));
  if (name !== undefined) entry.name = name;
  const appDefinition = d.get('AppDefinition');
  if (isDict(appDefinition)) {
    const appName = str(appDefinition.get('Name'));
    if (appName !== undefined) entry.appName = appName;
  }
  const category = str(d.get('Category'));
  if (category !== undefined) entry.category = category;
  const subcategory = str(d.get('Subcategory'));
  if (subcategory !== undefined) entry.subcategory = subcategory;

  const description = d.get('Description');
  if (typeof description === 'string' && description.trim() !== '') {
    entry.description = description.trim();
  } else if (isDict(description)) {
    const summary = str(description.get('DescriptionSummary')) ?? str(description.get('Summary'));
    if (summary !== undefined) entry.description = summary;
    const notes: string[] = [];
    for (const [key, label] of [
      ['DescriptionNote', 'Note'],
      ['DescriptionInput', 'Input'],
      ['DescriptionResult', 'Result'],
      ['DescriptionRequires', 'Requires'],
    ] as const) {
      const text = str(description.get(key));
      if (text !== undefined) notes.push(`${label}: ${text}`);
    }
    if (notes.length > 0) entry.notes = notes;
  }
  const keywords = [...strings(d.get('ActionKeywords')), ...strings(d.get('Keywords'))];
  if (keywords.length > 0) entry.keywords = [...new Set(keywords)];

  const parameters: ParameterEntry[] = [];
  const rawParameters = d.get('Parameters');
  if (rawParameters !== undefined && !isArray(rawParameters)) diagnostics.push(problem(`${identifier}: Parameters is a ${plistKind(rawParameters)}, not an array; ignored`));
  for (const raw of isArray(rawParameters) ? rawParameters : []) {
    const param = isDict(raw) ? readParameter(raw) : undefined;
    if (param === undefined) {
      diagnostics.push(problem(`${identifier}: a parameter without a string Key was skipped`));
    } else if (parameters.some((p) => p.key === param.key)) {
      diagnostics.push(problem(`${identifier}: parameter ${param.key} is declared twice; the first is kept`));
    } else {
      parameters.push(param);
    }
  }
  applyOverrides(d.get('ParameterOverrides'), parameters);
  entry.parameters = parameters;

  const input = readInput(d.get('Input'));
  if (input !== undefined) entry.input = input;
  const output = readOutput(d.get('Output'), str(d.get('OutputName')));
  if (output !== undefined) entry.output = output;
  const summaries = readSummaries(d.get('ParameterSummary'));
  if (summaries.length > 0) entry.summaries = summaries;
  const actionClass = str(d.get('ActionClass'));
  if (actionClass !== undefined) entry.actionClass = actionClass;
  if (d.get('Discontinued') === true) entry.discontinued = true;
  return entry;
}

function readParameter(p: PlistDict): ParameterEntry | undefined {
  const key = str(p.get('Key'));
  if (key === undefined) return undefined;
  const param: { -readonly [K in keyof ParameterEntry]: ParameterEntry[K] } = { key, sources: ['wfactions'] };
  const cls = str(p.get('Class'));
  if (cls !== undefined) {
    param.class = cls;
    param.pythonType = pythonTypeForClass(cls);
  }
  const label = str(p.get('Label'));
  if (label !== undefined) param.label = label;
  const description = str(p.get('Description'));
  if (description !== undefined) param.description = description;
  const defaultValue = p.get('DefaultValue');
  if (defaultValue !== undefined) param.default = toCatalogValue(defaultValue);
  const placeholder = p.get('Placeholder');
  if (typeof placeholder === 'string') param.placeholder = placeholder;
  const items = enumItems(p.get('Items'), p.get('ItemDisplayNames'));
  if (items.length > 0) param.enum = items;
  const relations = readRelations(p.get('RequiredResources'));
  if (relations.length > 0) param.relations = relations;
  if (p.get('AllowsMultipleValues') === true) param.multiple = true;
  if (p.get('Hidden') === true) param.hidden = true;
  const min = num(p.get('MinimumValue'));
  if (min !== undefined) param.minimum = min;
  const max = num(p.get('MaximumValue'));
  if (max !== undefined) param.maximum = max;
  return param;
}

/** Intent-backed actions name their stored keys in ParameterOverrides (slot → {Key, …}). */
function applyOverrides(value: PlistValue | undefined, parameters: ParameterEntry[]): void {
  if (!isDict(value)) return;
  for (const [slot, override] of value) {
    if (!isDict(override)) continue;
    const key = str(override.get('Key')) ?? slot;
    const index = parameters.findIndex((p) => p.key === key);
    const base: ParameterEntry = index >= 0 ? (parameters[index] as ParameterEntry) : { key, sources: ['wfactions'] };
    const param: { -readonly [K in keyof ParameterEntry]: ParameterEntry[K] } = { ...base };
    const label = str(override.get('Label'));
    if (label !== undefined) param.label = label;
    const description = str(override.get('Description'));
    if (description !== undefined) param.description = description;
    const prompt = str(override.get('Prompt'));
    if (prompt !== undefined && param.description === undefined) param.description = prompt;
    const enumOverrides = override.get('IntentEnumOverrides');
    if (isDict(enumOverrides)) {
      // A shortcut stores the shown title ("UPPERCASE"), not the intent's case name.
      const items: EnumItem[] = [];
      for (const [, title] of enumOverrides) if (typeof title === 'string') items.push({ value: title });
      if (items.length > 0) param.enum = items;
    }
    const relations = readRelations(override.get('RequiredResources'));
    if (relations.length > 0) param.relations = relations;
    if (index >= 0) parameters[index] = param;
    else parameters.push(param);
  }
}

function enumItems(items: PlistValue | undefined, displayNames: PlistValue | undefined): EnumItem[] {
  if (!isArray(items)) return [];
  const titles = isArray(displayNames) ? displayNames : [];
  const out: EnumItem[] = [];
  items.forEach((item, i) => {
    const value = typeof item === 'string' || typeof item === 'boolean' ? item : num(item);
    if (value === undefined) return;
    const title = titles[i];
    out.push(typeof title === 'string' && title !== value ? { value, title } : { value });
  });
  return out;
}

const RELATIONS: Readonly<Record<string, RelationKind>> = {
  '': 'equals',
  '=': 'equals',
  '==': 'equals',
  '!=': 'notEquals',
  '??': 'hasValue',
  nil: 'hasNoValue',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/**
 * WFParameterRelationResource entries (other resources, such as device
 * attributes, do not restrict parameters). A resource may itself require
 * another (nested RequiredResources): all must hold, so they are flattened.
 */
function readRelations(value: PlistValue | undefined, depth = 0): ParameterRelation[] {
  if (value === undefined || depth > 8) return [];
  const list = isArray(value) ? value : [value];
  const out: ParameterRelation[] = [];
  for (const item of list) {
    if (isArray(item)) {
      out.push(...readRelations(item, depth + 1));
      continue;
    }
    if (!isDict(item) || item.get('WFResourceClass') !== 'WFParameterRelationResource') continue;
    const key = str(item.get('WFParameterKey'));
    if (key === undefined) continue;
    const op = item.get('WFParameterRelation');
    const relation = RELATIONS[typeof op === 'string' ? op : ''];
    if (relation === undefined) continue;
    const values: (string | number | boolean)[] = [];
    for (const v of [item.get('WFParameterValue'), ...(isArray(item.get('WFParameterValues')) ? (item.get('WFParameterValues') as PlistValue[]) : [])]) {
      const scalar = typeof v === 'string' || typeof v === 'boolean' ? v : num(v);
      if (scalar !== undefined) values.push(scalar);
    }
    out.push(values.length > 0 ? { key, relation, values } : { key, relation });
    out.push(...readRelations(item.get('RequiredResources'), depth + 1));
  }
  return out;
}

function readInput(value: PlistValue | undefined): InputSpec | undefined {
  if (!isDict(value)) return undefined;
  const input: { -readonly [K in keyof InputSpec]: InputSpec[K] } = { types: strings(value.get('Types')) };
  const key = str(value.get('ParameterKey'));
  if (key !== undefined) input.parameterKey = key;
  const multiple = value.get('Multiple');
  if (typeof multiple === 'boolean') input.multiple = multiple;
  const required = value.get('Required');
  if (typeof required === 'boolean') input.required = required;
  return input;
}

function readOutput(value: PlistValue | undefined, topLevelName: string | undefined): OutputSpec | undefined {
  if (!isDict(value)) return topLevelName === undefined ? undefined : { name: topLevelName, types: [] };
  const output: { -readonly [K in keyof OutputSpec]: OutputSpec[K] } = { types: strings(value.get('Types')) };
  const name = str(value.get('OutputName')) ?? topLevelName;
  if (name !== undefined) output.name = name;
  const multiple = value.get('Multiple');
  if (typeof multiple === 'boolean') output.multiple = multiple;
  return output;
}

function readSummaries(value: PlistValue | undefined): ParameterSummary[] {
  if (typeof value === 'string') return [{ when: '', text: value }];
  if (!isDict(value)) return [];
  const out: ParameterSummary[] = [];
  for (const [when, text] of value) if (typeof text === 'string') out.push({ when, text });
  return out;
}

/** A plist value as plain JSON for a catalog: integers beyond 2^53 and dates become strings, data base64. */
export function toCatalogValue(value: PlistValue, depth = 0): CatalogValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (depth > 32) return null;
  if (isArray(value)) return value.map((v) => toCatalogValue(v, depth + 1));
  if (isDict(value)) {
    const out: Record<string, CatalogValue> = {};
    for (const [k, v] of value) Object.defineProperty(out, k, { value: toCatalogValue(v, depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }
  switch (value.kind) {
    case 'integer': {
      const n = Number(value.value);
      return Number.isSafeInteger(n) ? n : value.value.toString();
    }
    case 'real':
      return Number.isFinite(value.value) ? value.value : String(value.value);
    case 'date':
      return Number.isFinite(value.secondsSince2001) ? dateToJs(value).toISOString() : String(value.secondsSince2001);
    case 'data':
      return Buffer.from(value.bytes).toString('base64');
    case 'uid':
      return value.value;
  }
}

function str(value: PlistValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function strings(value: PlistValue | undefined): string[] {
  return isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function num(value: PlistValue | undefined): number | undefined {
  if (typeof value !== 'object' || isArray(value) || isDict(value)) return undefined;
  if (value.kind === 'integer') {
    const n = Number(value.value);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (value.kind === 'real' && Number.isFinite(value.value)) return value.value;
  return undefined;
}

function problem(message: string): Diagnostic {
  return diagnostic(D.wfactionsEntry, message);
}
