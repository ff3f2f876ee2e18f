import type { WorkflowMetadata } from '../ir/types.js';
import { liftMetadata } from '../lift/metadata.js';
import { isDict, type PlistDict } from '../plist/value.js';
import type * as ast from '../syntax/ast.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { readPlainLiteral } from './literals.js';
import { DEFAULT_DEFAULTS, type Defaults } from '../syntax/header-defaults.js';

/**
 * The canonical header (grammars/dialect.md §3): plain assignments at the top
 * of the file. `__workflow__` (the top-level keys) marks a file as canonical;
 * `__defaults__` picks plist encodings for sugar; `__actions__` and
 * `__names__` map code names to identifiers and variable names.
 */

export interface HeaderTables {
  /** The top-level keys, exactly (canonical code); absent for model code. */
  readonly metadata?: WorkflowMetadata;
  readonly defaults: Defaults;
  /** Function name → action identifier, for names the rule `_` → `.` cannot give back. */
  readonly actions: ReadonlyMap<string, string>;
  /** Identifier in code → the real variable name (`My_Var` → `My Var`). */
  readonly names: ReadonlyMap<string, string>;
}

export const emptyHeader: HeaderTables = { defaults: DEFAULT_DEFAULTS, actions: new Map(), names: new Map() };

const HEADER_NAMES = ['__workflow__', '__defaults__', '__actions__', '__names__'] as const;
type HeaderName = (typeof HEADER_NAMES)[number];

/** The header name an assignment sets, if it is a header assignment. */
export function headerNameOf(statement: ast.Statement): HeaderName | undefined {
  if (statement.kind !== 'assign' || statement.targets.length !== 1) return undefined;
  const target = statement.targets[0]!;
  return target.kind === 'name' && (HEADER_NAMES as readonly string[]).includes(target.name) ? (target.name as HeaderName) : undefined;
}

/**
 * Reads the header assignments at the top of `body`; returns the tables and
 * the statements after the header. A file without `__workflow__` has no
 * header (model code): its tables are empty and its body is untouched.
 */
export function readHeader(ctx: BindContext, body: readonly ast.Statement[]): { header: HeaderTables; rest: readonly ast.Statement[] } {
  let count = 0;
  while (count < body.length && headerNameOf(body[count]!) !== undefined) count++;
  const leading = body.slice(0, count) as ast.AssignStatement[];
  if (!leading.some((s) => headerNameOf(s) === '__workflow__')) return { header: emptyHeader, rest: body };

  let metadata: WorkflowMetadata | undefined;
  let defaults = DEFAULT_DEFAULTS;
  let actions = new Map<string, string>();
  let names = new Map<string, string>();
  const seen = new Set<HeaderName>();
  let order = 0;
  for (const statement of leading) {
    const name = headerNameOf(statement)!;
    const position = HEADER_NAMES.indexOf(name);
    if (seen.has(name)) {
      ctx.report(D.badHeader, `\`${name}\` is set twice`, statement.span, 'keep one assignment');
      continue;
    }
    if (position < order) ctx.report(D.badHeader, `\`${name}\` comes after a later header entry; the order is ${HEADER_NAMES.join(', ')}`, statement.span, 'reorder the header');
    order = Math.max(order, position);
    seen.add(name);
    const value = readPlainLiteral(ctx, statement.value);
    if (value === undefined) continue;
    if (!isDict(value)) {
      ctx.report(D.badHeader, `\`${name}\` must be a dictionary`, statement.value.span, `write ${name} = {…}`);
      continue;
    }
    switch (name) {
      case '__workflow__':
        metadata = readMetadata(value);
        break;
      case '__defaults__':
        defaults = readDefaults(ctx, value, statement);
        break;
      case '__actions__':
        actions = stringTable(ctx, value, statement, 'function name', 'action identifier');
        break;
      case '__names__':
        names = stringTable(ctx, value, statement, 'identifier', 'variable name');
        break;
    }
  }
  return { header: { ...(metadata === undefined ? {} : { metadata }), defaults, actions, names }, rest: body.slice(count) };
}

/** The top-level dictionary as `liftMetadata` reads it (with the actions key added). */
function readMetadata(dict: PlistDict): WorkflowMetadata {
  const root: PlistDict = new Map(dict);
  if (!root.has('WFWorkflowActions')) root.set('WFWorkflowActions', []);
  return liftMetadata(root);
}

function readDefaults(ctx: BindContext, dict: PlistDict, statement: ast.AssignStatement): Defaults {
  let defaults: Defaults = DEFAULT_DEFAULTS;
  const bad = (key: string, allowed: string): void => {
    ctx.report(D.badHeaderEntry, `__defaults__[${JSON.stringify(key)}] must be ${allowed}`, statement.value.span, `write ${allowed}`);
  };
  for (const [key, value] of dict) {
    switch (key) {
      case 'condition_codes':
        if (value === 'integers' || value === 'strings') defaults = { ...defaults, conditionCodes: value };
        else bad(key, '"integers" or "strings"');
        break;
      case 'condition_input':
        if (value === 'wrapped' || value === 'direct') defaults = { ...defaults, conditionInput: value };
        else bad(key, '"wrapped" or "direct"');
        break;
      case 'start_mode':
        if (value === 'explicit' || value === 'implicit') defaults = { ...defaults, startMode: value };
        else bad(key, '"explicit" or "implicit"');
        break;
      case 'variable_uuids':
        if (typeof value === 'boolean') defaults = { ...defaults, variableUuids: value };
        else if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) defaults = { ...defaults, variableUuids: [...value] };
        else bad(key, 'True, False or a list of variable names');
        break;
      case 'item_text_attachments':
        if (typeof value === 'boolean') defaults = { ...defaults, itemTextAttachments: value };
        else bad(key, 'True or False');
        break;
      case 'block_outputs':
        if (typeof value === 'boolean') defaults = { ...defaults, blockOutputs: value };
        else bad(key, 'True or False');
        break;
      default:
        ctx.report(D.unknownHeaderKey, `__defaults__ has no setting ${JSON.stringify(key)}; it is ignored`, statement.value.span, 'settings: condition_codes, condition_input, start_mode, variable_uuids, item_text_attachments, block_outputs');
    }
  }
  return defaults;
}

function stringTable(ctx: BindContext, dict: PlistDict, statement: ast.AssignStatement, keyWhat: string, valueWhat: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of dict) {
    if (typeof value !== 'string') {
      ctx.report(D.badHeaderEntry, `${headerNameOf(statement)}[${JSON.stringify(key)}] must be a string (the ${valueWhat} for that ${keyWhat})`, statement.value.span, 'write the value in quotes');
      continue;
    }
    out.set(key, value);
  }
  return out;
}

