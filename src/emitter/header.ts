import type { WorkflowMetadata } from '../ir/types.js';
import { lowerMetadata } from '../lift/metadata.js';
import type { Expression, Statement } from '../syntax/ast.js';
import type { Analysis } from './analysis.js';
import { DEFAULT_DEFAULTS, type Defaults } from '../syntax/header-defaults.js';
import { assign, bool, list, str } from './build.js';
import { plainLiteral } from './literals.js';

/**
 * The header (grammars/dialect.md §3): `__workflow__` (always; it marks the
 * file as canonical), then `__defaults__`, `__actions__` and `__names__` when
 * they have something to say.
 */
export function headerStatements(metadata: WorkflowMetadata, analysis: Analysis): Statement[] {
  const workflow = lowerMetadata(metadata, []);
  workflow.delete('WFWorkflowActions');
  const out: Statement[] = [assign('__workflow__', plainLiteral(workflow))];
  const defaults = defaultsEntries(analysis.defaults);
  if (defaults.length > 0) out.push(assign('__defaults__', stringDict(defaults)));
  if (analysis.actionNames.table.length > 0) {
    out.push(assign('__actions__', stringDict(analysis.actionNames.table.map((e) => [e.pythonName, str(e.identifier, '"')]))));
  }
  if (analysis.renamedVariables.length > 0) {
    out.push(assign('__names__', stringDict(analysis.renamedVariables.map((e) => [e.identifier, str(e.name, '"')]))));
  }
  return out;
}

function defaultsEntries(defaults: Defaults): [string, Expression][] {
  const out: [string, Expression][] = [];
  if (defaults.conditionCodes !== DEFAULT_DEFAULTS.conditionCodes) out.push(['condition_codes', str(defaults.conditionCodes, '"')]);
  if (defaults.conditionInput !== DEFAULT_DEFAULTS.conditionInput) out.push(['condition_input', str(defaults.conditionInput, '"')]);
  if (defaults.startMode !== DEFAULT_DEFAULTS.startMode) out.push(['start_mode', str(defaults.startMode, '"')]);
  if (defaults.itemTextAttachments !== DEFAULT_DEFAULTS.itemTextAttachments) out.push(['item_text_attachments', bool(defaults.itemTextAttachments)]);
  if (defaults.blockOutputs !== DEFAULT_DEFAULTS.blockOutputs) out.push(['block_outputs', bool(defaults.blockOutputs)]);
  if (defaults.variableUuids !== false) {
    out.push(['variable_uuids', defaults.variableUuids === true ? bool(true) : list(defaults.variableUuids.map((n) => str(n, '"')))]);
  }
  return out;
}

function stringDict(entries: readonly [string, Expression][]): Expression {
  return { kind: 'dict', entries: entries.map(([key, value]) => ({ kind: 'entry', key: str(key, '"'), value })) };
}
