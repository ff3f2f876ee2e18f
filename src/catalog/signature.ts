import { valueKindOf, type ValueKind } from './parameter-kinds.js';
import type { ActionEntry, CatalogValue, EnumItem, ParameterEntry, ParameterRelation } from './schema.js';

/**
 * An action as a Python function signature, the way the dialect calls it:
 * keyword-only parameters (`*,` first, so any order is valid Python) with
 * types, `Literal[...]` for enumerations, defaults, and a comment per
 * parameter with its label and the condition under which it applies; then a
 * docstring with the description, notes, output and keywords.
 */
export function formatSignature(action: ActionEntry): string {
  const lines: string[] = [];
  const where = [action.app, [action.category, action.subcategory].filter(Boolean).join(' / '), action.topics?.length ? `topics: ${action.topics.join(', ')}` : '']
    .filter((s) => s !== '')
    .join(' · ');
  lines.push(`# ${action.name ?? action.identifier} — ${action.identifier}`);
  lines.push(`# ${where}`);
  lines.push(`# sources: ${action.sources.join(', ')}`);
  const returns = action.output === undefined ? 'None' : (action.output.pythonType ?? 'object');
  if (action.parameters.length === 0) {
    lines.push(`def ${action.pythonName}() -> ${returns}:`);
  } else {
    lines.push(`def ${action.pythonName}(`);
    lines.push('    *,');
    action.parameters.forEach((p, i) => {
      const comma = i < action.parameters.length - 1 ? ',' : '';
      const comment = parameterComment(p);
      lines.push(`    ${p.key}: ${typeOf(p)}${p.default !== undefined ? ` = ${pythonLiteral(p.default)}` : ''}${comma}${comment === '' ? '' : `  # ${comment}`}`);
    });
    lines.push(`) -> ${returns}:`);
  }
  const doc: string[] = [];
  if (action.description !== undefined) doc.push(action.description);
  for (const note of action.notes ?? []) doc.push(note);
  if (action.output !== undefined) {
    const fields = action.output.fields?.map((f) => f.name + (f.description !== undefined ? ` (${f.description})` : '')).join(', ');
    const types = action.output.types.length > 0 ? ` [${action.output.types.join(', ')}]` : '';
    doc.push(`Output: ${action.output.name ?? '(unnamed)'}${types}${fields !== undefined ? `; fields: ${fields}` : ''}`);
  }
  if (action.input !== undefined) {
    const types = action.input.types.length > 0 ? ` [${action.input.types.join(', ')}]` : '';
    doc.push(`Input: ${action.input.parameterKey ?? '(implicit)'}${types}`);
  }
  if (action.keywords !== undefined && action.keywords.length > 0) doc.push(`Keywords: ${action.keywords.join(', ')}`);
  if (doc.length > 0) {
    lines.push('    """');
    for (const paragraph of doc) for (const line of paragraph.split('\n')) lines.push(line === '' ? '' : `    ${line}`);
    lines.push('    """');
  }
  return lines.join('\n');
}

function typeOf(p: ParameterEntry): string {
  if (p.enum !== undefined && p.enum.length > 0) return `Literal[${p.enum.map((e) => pythonLiteral(e.value)).join(', ')}]`;
  return p.pythonType ?? KIND_PYTHON_TYPES[valueKindOf(p)];
}

/** The Python type shown for a parameter no source gives one for. */
const KIND_PYTHON_TYPES: Readonly<Record<ValueKind, string>> = {
  text: 'str',
  number: 'float',
  boolean: 'bool',
  enum: 'str',
  dictionary: 'dict',
  list: 'list',
  date: 'datetime.date',
  file: 'object',
  location: 'object',
  entity: 'object',
  content: 'object',
  unknown: 'object',
};

function parameterComment(p: ParameterEntry): string {
  const parts: string[] = [];
  if (p.label !== undefined && p.label !== p.key) parts.push(p.label);
  const titled = (p.enum ?? []).filter((e): e is EnumItem & { title: string } => e.title !== undefined);
  if (titled.length > 0) parts.push(titled.map((e) => `${pythonLiteral(e.value)}: ${e.title}`).join(', '));
  if (p.relations !== undefined && p.relations.length > 0) parts.push(`only when ${p.relations.map(describeRelation).join(' and ')}`);
  if (p.placeholder !== undefined && p.default === undefined) parts.push(`e.g. ${p.placeholder}`);
  if (p.multiple === true) parts.push('one or more values');
  if (p.hidden === true) parts.push('hidden');
  return parts.join('; ');
}

export function describeRelation(r: ParameterRelation): string {
  const values = (r.values ?? []).map(pythonLiteral);
  const list = values.length === 1 ? (values[0] as string) : `one of ${values.join(', ')}`;
  switch (r.relation) {
    case 'equals':
      return `${r.key} is ${list}`;
    case 'notEquals':
      return values.length === 1 ? `${r.key} is not ${list}` : `${r.key} is none of ${values.join(', ')}`;
    case 'hasValue':
      return `${r.key} is set`;
    case 'hasNoValue':
      return `${r.key} is not set`;
    default:
      return `${r.key} ${r.relation} ${list}`;
  }
}

/** A value written as Python source. */
export function pythonLiteral(value: CatalogValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, CatalogValue>)
    .map(([k, v]) => `${pythonLiteral(k)}: ${pythonLiteral(v)}`)
    .join(', ')}}`;
}
