import { diagnostic } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Workflow } from '../ir/types.js';
import type { Module } from '../syntax/ast.js';
import { analyze } from './analysis.js';
import { coreEmitterCatalog, type EmitterCatalog } from './catalog.js';
import { emitterDiagnostics as D } from './diagnostics.js';
import { headerStatements } from './header.js';
import { StatementEmitter } from './statements.js';
import { ValueSpeller } from './values.js';

export interface EmitOptions {
  /** The catalog readable names come from (the full one when installed); default: the core. */
  readonly catalog?: EmitterCatalog;
  /** The catalog that decides derived OutputNames; default: the built-in core. Tests may pass their own. */
  readonly core?: EmitterCatalog;
}

/** Bracket depth CPython's tokenizer accepts (MAXLEVEL 200), minus room for the call around a parameter. */
const PYTHON_NESTING_LIMIT = 190;

/**
 * IR → syntax tree in the dialect's canonical form (grammars/dialect.md).
 * Never fails: every workflow has a canonical spelling.
 */
export function emitModule(workflow: Workflow, options: EmitOptions = {}): { module: Module; diagnostics: Diagnostic[] } {
  const core = options.core ?? coreEmitterCatalog();
  const naming = options.catalog ?? core;
  const analysis = analyze(workflow, naming);
  const values = new ValueSpeller(analysis);
  const statements = new StatementEmitter(analysis, values, core);
  const body = statements.body(workflow.body, 0, 0);
  // The header comes last: `__actions__` lists the names the body used.
  const header = headerStatements(workflow.metadata, analysis);

  const diagnostics: Diagnostic[] = [];
  if (values.maxDepth > PYTHON_NESTING_LIMIT) {
    diagnostics.push(
      diagnostic(D.tooDeep, `a value nests ${values.maxDepth} levels deep; CPython's parser stops at about ${PYTHON_NESTING_LIMIT}, so \`ast.parse\` rejects this file (shortcutc compiles it)`),
    );
  }
  for (const flat of statements.flatBlocks) {
    diagnostics.push(diagnostic(D.flatBlock, `a ${flat.identifier} block is written as flat control actions: ${flat.reason}`));
  }
  if (analysis.sharedUuids > 0) {
    diagnostics.push(
      diagnostic(D.literalUuid, `${analysis.sharedUuids} UUID(s) are carried by more than one action; those actions are written with \`UUID='…'\``),
    );
  }
  const pinned = analysis.literalUuids.size - analysis.sharedUuids;
  if (pinned > 0) {
    diagnostics.push(
      diagnostic(D.literalUuid, `${pinned} action UUID(s) also stand where the code writes them literally (the header, extra action keys, a raw entry); those actions are written with \`UUID='…'\``),
    );
  }
  return { module: { kind: 'module', body: [...header, ...body], comments: [] }, diagnostics };
}
