import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { catalogDiagnostics as D } from './diagnostics.js';
import {
  CATALOG_FORMAT,
  CATALOG_VERSION,
  type ActionEntry,
  type CatalogDocument,
  type CatalogSourceInfo,
  type CatalogSourceKind,
  type CatalogValue,
  type EnumItem,
  type InputSpec,
  type OutputField,
  type OutputSpec,
  type ParameterEntry,
  type ParameterRelation,
  type ParameterSummary,
  type RelationKind,
  type WildKeyRule,
} from './schema.js';

/**
 * Checks a parsed JSON value against the catalog schema and returns a typed
 * document. A wrong top level fails (SC7032/SC7034); a wrong entry is
 * skipped with a warning (SC7033) naming it, and the rest is kept; unknown
 * fields are ignored (newer files stay readable). Defaults nested deeper
 * than 32 levels are refused, so nothing downstream recurses without bound.
 */
export function validateCatalog(value: unknown, file?: string): Result<CatalogDocument> {
  const where = file === undefined ? {} : { file };
  if (!isObject(value)) return fail([diagnostic(D.catalogInvalid, `a catalog is a JSON object, found ${describe(value)}`, where)]);
  if (value.format !== CATALOG_FORMAT) {
    return fail([diagnostic(D.catalogVersion, `not a shortcutc catalog: "format" is ${describe(value.format)}, expected "${CATALOG_FORMAT}"`, where)]);
  }
  if (value.version !== CATALOG_VERSION) {
    return fail([
      diagnostic(D.catalogVersion, `catalog version ${describe(value.version)} is not supported (this shortcutc reads version ${CATALOG_VERSION})`, {
        ...where,
        suggestion: 'rebuild it with `shortcutc catalog import <dir>`',
      }),
    ]);
  }
  if (!Array.isArray(value.actions)) return fail([diagnostic(D.catalogInvalid, `"actions" must be an array, found ${describe(value.actions)}`, where)]);

  const diagnostics: Diagnostic[] = [];
  const problems = (path: string, message: string): void => {
    if (diagnostics.length < 50) diagnostics.push(diagnostic(D.catalogEntryInvalid, `${path}: ${message}`, where));
    else if (diagnostics.length === 50) diagnostics.push(diagnostic(D.catalogEntryInvalid, 'more schema problems follow; only the first 50 are listed', where));
  };
  const actions: ActionEntry[] = [];
  value.actions.forEach((raw, i) => {
    const entry = readAction(raw, `actions[${i}]`, problems);
    if (entry !== undefined) actions.push(entry);
  });
  const sources: CatalogSourceInfo[] = [];
  if (Array.isArray(value.sources)) {
    for (const s of value.sources) {
      if (isObject(s) && isSourceKind(s.kind) && typeof s.actions === 'number') {
        sources.push(typeof s.path === 'string' ? { kind: s.kind, path: s.path, actions: s.actions } : { kind: s.kind, actions: s.actions });
      }
    }
  }
  const wildKeys: WildKeyRule[] = [];
  if (value.wildKeys !== undefined) {
    if (!Array.isArray(value.wildKeys)) problems('wildKeys', 'must be an array');
    else
      value.wildKeys.forEach((raw, i) => {
        const rule = readWildKey(raw);
        if (rule === undefined) problems(`wildKeys[${i}]`, 'needs "actions" and "keys" (arrays of strings) and a "note" (string)');
        else wildKeys.push(rule);
      });
  }
  const doc: { -readonly [K in keyof CatalogDocument]: CatalogDocument[K] } = { format: CATALOG_FORMAT, version: CATALOG_VERSION, sources, actions };
  if (typeof value.description === 'string') doc.description = value.description;
  if (wildKeys.length > 0) doc.wildKeys = wildKeys;
  return ok(doc, diagnostics);
}

type Problems = (path: string, message: string) => void;

function readAction(raw: unknown, path: string, problems: Problems): ActionEntry | undefined {
  if (!isObject(raw)) {
    problems(path, `an action is an object, found ${describe(raw)}; skipped`);
    return undefined;
  }
  if (!nonEmpty(raw.identifier)) {
    problems(path, 'an action needs a non-empty "identifier" string; skipped');
    return undefined;
  }
  const at = `${path} (${raw.identifier})`;
  if (!nonEmpty(raw.pythonName) || !nonEmpty(raw.app)) {
    problems(at, 'an action needs "pythonName" and "app" strings; skipped');
    return undefined;
  }
  if (!Array.isArray(raw.parameters)) {
    problems(at, '"parameters" must be an array; skipped');
    return undefined;
  }
  const parameters: ParameterEntry[] = [];
  raw.parameters.forEach((p, i) => {
    const param = readParameter(p, `${at}.parameters[${i}]`, problems);
    if (param !== undefined) parameters.push(param);
  });
  const entry: { -readonly [K in keyof ActionEntry]: ActionEntry[K] } = {
    identifier: raw.identifier,
    pythonName: raw.pythonName,
    app: raw.app,
    parameters,
    sources: sourceKinds(raw.sources),
  };
  copyString(raw, entry, 'name');
  copyString(raw, entry, 'appName');
  copyString(raw, entry, 'category');
  copyString(raw, entry, 'subcategory');
  copyString(raw, entry, 'description');
  copyString(raw, entry, 'actionClass');
  copyStrings(raw, entry, 'topics');
  copyStrings(raw, entry, 'notes');
  copyStrings(raw, entry, 'keywords');
  if (typeof raw.discontinued === 'boolean') entry.discontinued = raw.discontinued;
  if (raw.input !== undefined) {
    const input = readInput(raw.input);
    if (input === undefined) problems(at, '"input" must be an object with a "types" array; ignored');
    else entry.input = input;
  }
  if (raw.output !== undefined) {
    const output = readOutput(raw.output);
    if (output === undefined) problems(at, '"output" must be an object with a "types" array; ignored');
    else entry.output = output;
  }
  if (Array.isArray(raw.summaries)) {
    const summaries = raw.summaries.filter((s): s is ParameterSummary => isObject(s) && typeof s.when === 'string' && typeof s.text === 'string');
    if (summaries.length > 0) entry.summaries = summaries.map((s) => ({ when: s.when, text: s.text }));
  }
  return entry;
}

function readParameter(raw: unknown, path: string, problems: Problems): ParameterEntry | undefined {
  if (!isObject(raw) || !nonEmpty(raw.key)) {
    problems(path, 'a parameter is an object with a non-empty "key"; skipped');
    return undefined;
  }
  const param: { -readonly [K in keyof ParameterEntry]: ParameterEntry[K] } = { key: raw.key, sources: sourceKinds(raw.sources) };
  copyString(raw, param, 'label');
  copyString(raw, param, 'class');
  copyString(raw, param, 'pythonType');
  copyString(raw, param, 'description');
  copyString(raw, param, 'placeholder');
  copyString(raw, param, 'enumClass');
  copyString(raw, param, 'entityClass');
  if (raw.default !== undefined) {
    const value = readValue(raw.default, 0);
    if (value === undefined) problems(`${path} (${raw.key})`, '"default" is not a JSON value of at most 32 levels; ignored');
    else param.default = value;
  }
  if (raw.enum !== undefined) {
    const items = Array.isArray(raw.enum) ? raw.enum.map(readEnumItem) : [undefined];
    if (items.some((i) => i === undefined)) problems(`${path} (${raw.key})`, '"enum" must be an array of {value, title?, code?}; ignored');
    else param.enum = items as EnumItem[];
  }
  if (raw.relations !== undefined) {
    const relations = Array.isArray(raw.relations) ? raw.relations.map(readRelation) : [undefined];
    if (relations.some((r) => r === undefined)) problems(`${path} (${raw.key})`, '"relations" must be an array of {key, relation, values?}; ignored');
    else param.relations = relations as ParameterRelation[];
  }
  if (typeof raw.multiple === 'boolean') param.multiple = raw.multiple;
  if (typeof raw.hidden === 'boolean') param.hidden = raw.hidden;
  if (typeof raw.minimum === 'number') param.minimum = raw.minimum;
  if (typeof raw.maximum === 'number') param.maximum = raw.maximum;
  return param;
}

function readEnumItem(raw: unknown): EnumItem | undefined {
  if (!isObject(raw) || !isScalar(raw.value)) return undefined;
  const item: { -readonly [K in keyof EnumItem]: EnumItem[K] } = { value: raw.value };
  if (typeof raw.title === 'string') item.title = raw.title;
  if (typeof raw.code === 'number') item.code = raw.code;
  return item;
}

const RELATION_KINDS: ReadonlySet<string> = new Set<RelationKind>(['equals', 'notEquals', 'hasValue', 'hasNoValue', '<', '<=', '>', '>=']);

function readRelation(raw: unknown): ParameterRelation | undefined {
  if (!isObject(raw) || !nonEmpty(raw.key) || typeof raw.relation !== 'string' || !RELATION_KINDS.has(raw.relation)) return undefined;
  const relation = raw.relation as RelationKind;
  if (raw.values === undefined) return { key: raw.key, relation };
  if (!Array.isArray(raw.values) || !raw.values.every(isScalar)) return undefined;
  return { key: raw.key, relation, values: raw.values };
}

function readInput(raw: unknown): InputSpec | undefined {
  if (!isObject(raw) || !isStringArray(raw.types)) return undefined;
  const input: { -readonly [K in keyof InputSpec]: InputSpec[K] } = { types: raw.types };
  copyString(raw, input, 'parameterKey');
  if (typeof raw.multiple === 'boolean') input.multiple = raw.multiple;
  if (typeof raw.required === 'boolean') input.required = raw.required;
  return input;
}

function readOutput(raw: unknown): OutputSpec | undefined {
  if (!isObject(raw) || !isStringArray(raw.types)) return undefined;
  const output: { -readonly [K in keyof OutputSpec]: OutputSpec[K] } = { types: raw.types };
  copyString(raw, output, 'name');
  copyString(raw, output, 'pythonType');
  if (typeof raw.multiple === 'boolean') output.multiple = raw.multiple;
  if (Array.isArray(raw.fields)) {
    const fields: OutputField[] = [];
    for (const f of raw.fields) {
      if (!isObject(f) || !nonEmpty(f.name)) continue;
      const field: { -readonly [K in keyof OutputField]: OutputField[K] } = { name: f.name };
      copyString(f, field, 'description');
      copyString(f, field, 'pythonType');
      fields.push(field);
    }
    if (fields.length > 0) output.fields = fields;
  }
  return output;
}

function readWildKey(raw: unknown): WildKeyRule | undefined {
  if (!isObject(raw) || !isStringArray(raw.actions) || !isStringArray(raw.keys) || typeof raw.note !== 'string') return undefined;
  return { actions: raw.actions, keys: raw.keys, note: raw.note };
}

const MAX_VALUE_DEPTH = 32;

function readValue(raw: unknown, depth: number): CatalogValue | undefined {
  if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (depth >= MAX_VALUE_DEPTH) return undefined;
  if (Array.isArray(raw)) {
    const out: CatalogValue[] = [];
    for (const item of raw) {
      const v = readValue(item, depth + 1);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  if (isObject(raw)) {
    const out: Record<string, CatalogValue> = {};
    for (const [k, item] of Object.entries(raw)) {
      const v = readValue(item, depth + 1);
      if (v === undefined) return undefined;
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return undefined;
}

function sourceKinds(raw: unknown): CatalogSourceKind[] {
  return Array.isArray(raw) ? raw.filter(isSourceKind) : [];
}

function isSourceKind(value: unknown): value is CatalogSourceKind {
  return value === 'core' || value === 'workflowllm' || value === 'wfactions';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function copyString<T extends object>(raw: Record<string, unknown>, target: T, key: keyof T & string): void {
  const value = raw[key];
  if (typeof value === 'string' && value !== '') (target as Record<string, unknown>)[key] = value;
}

function copyStrings<T extends object>(raw: Record<string, unknown>, target: T, key: keyof T & string): void {
  const value = raw[key];
  if (isStringArray(value) && value.length > 0) (target as Record<string, unknown>)[key] = value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value).slice(0, 60);
}
