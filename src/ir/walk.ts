import type {
  ActionCore,
  Aggrandizement,
  BlockStatement,
  ControlPart,
  Entry,
  RawActionStatement,
  Statement,
  TextPart,
  Value,
  VariableReference,
  Workflow,
} from './types.js';

/**
 * Walking and rewriting the IR: every flat action in plist order, every value,
 * every variable reference. The tree's depth is bounded by the lifter
 * (`MAX_BLOCK_DEPTH`, `MAX_VALUE_DEPTH`), so plain recursion is safe here.
 */

/** The place of a flat action inside its statement. */
export type ActionRole = 'action' | 'raw' | 'start' | 'middle' | 'end';

/** One entry of the flat `WFWorkflowActions` list, as the IR holds it. */
export type FlatAction =
  | {
      readonly role: 'action' | 'start' | 'middle' | 'end';
      /** Position in the lowered `WFWorkflowActions`. */
      readonly index: number;
      readonly identifier: string;
      readonly core: ActionCore;
      /** The statement the action belongs to (the block, for control parts). */
      readonly statement: Statement;
    }
  | { readonly role: 'raw'; readonly index: number; readonly statement: RawActionStatement };

const BLOCK_IDENTIFIERS = {
  if: 'is.workflow.actions.conditional',
  menu: 'is.workflow.actions.choosefrommenu',
  repeatCount: 'is.workflow.actions.repeat.count',
  repeatEach: 'is.workflow.actions.repeat.each',
} as const;

/** The action identifier a block's parts carry. */
export function blockIdentifier(block: BlockStatement): string {
  return BLOCK_IDENTIFIERS[block.kind];
}

/** A block's sections in plist order: the part that opens each and its statements. */
export function blockSections(block: BlockStatement): { readonly part: ControlPart; readonly role: 'start' | 'middle'; readonly body: readonly Statement[] }[] {
  switch (block.kind) {
    case 'if':
      return [
        { part: block.start, role: 'start', body: block.then },
        ...(block.otherwise === undefined ? [] : [{ part: block.otherwise.part, role: 'middle' as const, body: block.otherwise.body }]),
      ];
    case 'menu':
      return [
        { part: block.start, role: 'start', body: [] },
        ...block.cases.map((c) => ({ part: c.part, role: 'middle' as const, body: c.body })),
      ];
    case 'repeatCount':
    case 'repeatEach':
      return [{ part: block.start, role: 'start', body: block.body }];
  }
}

/** Every statement, blocks before their contents (pre-order). */
export function* allStatements(body: readonly Statement[]): Generator<Statement> {
  for (const statement of body) {
    yield statement;
    if (statement.kind !== 'action' && statement.kind !== 'raw') {
      for (const section of blockSections(statement)) yield* allStatements(section.body);
    }
  }
}

/** Every flat action in the order lowering writes them, with its index. */
export function* flatActions(body: readonly Statement[]): Generator<FlatAction> {
  const counter = { next: 0 };
  yield* flatInto(body, counter);
}

function* flatInto(body: readonly Statement[], counter: { next: number }): Generator<FlatAction> {
  for (const statement of body) {
    if (statement.kind === 'action') {
      yield { role: 'action', index: counter.next++, identifier: statement.identifier, core: statement, statement };
    } else if (statement.kind === 'raw') {
      yield { role: 'raw', index: counter.next++, statement };
    } else {
      const identifier = blockIdentifier(statement);
      for (const section of blockSections(statement)) {
        yield { role: section.role, index: counter.next++, identifier, core: section.part, statement };
        yield* flatInto(section.body, counter);
      }
      yield { role: 'end', index: counter.next++, identifier, core: statement.end, statement };
    }
  }
}

/**
 * What a walk over values does with what stands directly inside a value
 * (`forEachChild`). The walk passes one visitor for the whole tree, so it
 * allocates nothing per node; each analysis keeps its own special cases in
 * its hooks and decides there whether (and how) to go deeper.
 */
export interface ChildVisitor {
  value(value: Value): void;
  reference(reference: VariableReference): void;
}

/**
 * Calls the visitor on each value and each variable reference directly inside
 * `value`, in plist order. One level only: the visitor recurses (or pushes onto
 * a stack) itself, so a walk stays as bounded as its caller makes it.
 */
export function forEachChild(value: Value, visitor: ChildVisitor): void {
  switch (value.kind) {
    case 'list':
      for (const item of value.items) visitor.value(item);
      break;
    case 'map':
      for (const entry of value.entries) visitor.value(entry.value);
      break;
    case 'text':
      for (const part of value.parts) if (typeof part !== 'string') visitor.reference(part);
      break;
    case 'variable':
    case 'attachment':
      visitor.reference(value.variable);
      break;
    case 'dictionary':
      for (const item of value.items) {
        if (item.key !== undefined) visitor.value(item.key);
        if (item.value !== undefined) visitor.value(item.value);
      }
      break;
    case 'arrayState':
      for (const item of value.items) visitor.value(item.value);
      break;
    case 'quantity':
      if (value.magnitude !== undefined) visitor.value(value.magnitude);
      break;
    case 'serialized':
      visitor.value(value.value);
      break;
    default:
      break;
  }
}

/**
 * Calls the visitor on each value directly inside a reference, in plist order:
 * those of `other` aggrandizements, then those of its extra keys. (The typed
 * aggrandizements hold plist, not values.)
 */
export function forEachReferenceChild(reference: VariableReference, visitor: ChildVisitor): void {
  for (const a of reference.aggrandizements) if (a.kind === 'other') visitor.value(a.value);
  for (const entry of reference.extra) visitor.value(entry.value);
}

/** A value and the values inside it (also those inside its references), outer first, in plist order. */
export function valuesIn(value: Value): Value[] {
  const values: Value[] = [];
  const visitor: ChildVisitor = {
    value: (v) => {
      values.push(v);
      forEachChild(v, visitor);
    },
    reference: (r) => forEachReferenceChild(r, visitor),
  };
  visitor.value(value);
  return values;
}

/** The variable references directly or indirectly inside a value, in plist order (nested ones after their container). */
export function referencesIn(value: Value): VariableReference[] {
  const references: VariableReference[] = [];
  const visitor: ChildVisitor = {
    value: (v) => forEachChild(v, visitor),
    reference: (r) => {
      references.push(r);
      forEachReferenceChild(r, visitor);
    },
  };
  forEachChild(value, visitor);
  return references;
}

/** Where a reference sits: the flat action and the parameter (absent inside a raw statement). */
export interface ReferenceSite {
  readonly reference: VariableReference;
  readonly action: FlatAction;
  readonly parameterKey?: string;
}

/** Every variable reference in the workflow's actions, in plist order. */
export function* allReferences(body: readonly Statement[]): Generator<ReferenceSite> {
  for (const action of flatActions(body)) {
    if (action.role === 'raw') {
      for (const reference of referencesIn(action.statement.action)) yield { reference, action };
      continue;
    }
    for (const parameter of action.core.parameters) {
      for (const reference of referencesIn(parameter.value)) yield { reference, action, parameterKey: parameter.key };
    }
  }
}

// ─── Rewriting ───────────────────────────────────────────────────────────────

/** How to rewrite the IR: each function maps one node kind (identity when absent). */
export interface Rewriter {
  readonly reference?: (reference: VariableReference) => VariableReference;
  /** Applied to every action core (plain actions and block parts) after its values. */
  readonly core?: (core: ActionCore) => ActionCore;
  /** Applied to every block after its contents. */
  readonly block?: (block: BlockStatement) => BlockStatement;
}

/** A new statement list with the rewriter applied bottom-up; the input is not changed. */
export function rewriteStatements(body: readonly Statement[], rewriter: Rewriter): Statement[] {
  return body.map((statement) => rewriteStatement(statement, rewriter));
}

export function rewriteWorkflow(workflow: Workflow, rewriter: Rewriter): Workflow {
  return { ...workflow, body: rewriteStatements(workflow.body, rewriter) };
}

function rewriteStatement(statement: Statement, r: Rewriter): Statement {
  switch (statement.kind) {
    case 'action':
      return { ...statement, ...rewriteCore(statement, r), kind: 'action', identifier: statement.identifier };
    case 'raw':
      return { ...statement, action: rewriteValue(statement.action, r) };
    default: {
      const body = (list: readonly Statement[]): Statement[] => rewriteStatements(list, r);
      const common = { start: rewriteCore(statement.start, r), end: rewriteCore(statement.end, r) };
      let block: BlockStatement;
      switch (statement.kind) {
        case 'if':
          block = {
            ...statement,
            ...common,
            then: body(statement.then),
            ...(statement.otherwise === undefined
              ? {}
              : { otherwise: { part: rewriteCore(statement.otherwise.part, r), body: body(statement.otherwise.body) } }),
          };
          break;
        case 'menu':
          block = { ...statement, ...common, cases: statement.cases.map((c) => ({ part: rewriteCore(c.part, r), body: body(c.body) })) };
          break;
        case 'repeatCount':
          block = { ...statement, ...common, body: body(statement.body) };
          break;
        case 'repeatEach':
          block = { ...statement, ...common, body: body(statement.body) };
          break;
      }
      return r.block === undefined ? block : r.block(block);
    }
  }
}

function rewriteCore(core: ActionCore, r: Rewriter): ActionCore {
  const rewritten: ActionCore = { ...core, parameters: rewriteEntries(core.parameters, r) };
  return r.core === undefined ? rewritten : r.core(rewritten);
}

function rewriteEntries(entries: readonly Entry<Value>[], r: Rewriter): Entry<Value>[] {
  return entries.map((e) => ({ key: e.key, value: rewriteValue(e.value, r) }));
}

/** A new value with the rewriter's `reference` applied to every reference inside. */
export function rewriteValue(value: Value, r: Rewriter): Value {
  switch (value.kind) {
    case 'list':
      return { ...value, items: value.items.map((item) => rewriteValue(item, r)) };
    case 'map':
      return { ...value, entries: rewriteEntries(value.entries, r) };
    case 'text':
      return { ...value, parts: value.parts.map((part): TextPart => (typeof part === 'string' ? part : rewriteReference(part, r))) };
    case 'variable':
    case 'attachment':
      return { ...value, variable: rewriteReference(value.variable, r) };
    case 'dictionary':
      return {
        ...value,
        items: value.items.map((item) => ({
          ...item,
          ...(item.key === undefined ? {} : { key: rewriteValue(item.key, r) }),
          ...(item.value === undefined ? {} : { value: rewriteValue(item.value, r) }),
        })),
      };
    case 'arrayState':
      return { ...value, items: value.items.map((item) => ({ ...item, value: rewriteValue(item.value, r) })) };
    case 'quantity':
      return value.magnitude === undefined ? value : { ...value, magnitude: rewriteValue(value.magnitude, r) };
    case 'serialized':
      return { ...value, value: rewriteValue(value.value, r) };
    default:
      return value;
  }
}

function rewriteReference(reference: VariableReference, r: Rewriter): VariableReference {
  const inner: VariableReference = {
    ...reference,
    aggrandizements: reference.aggrandizements.map(
      (a): Aggrandizement => (a.kind === 'other' ? { kind: 'other', value: rewriteValue(a.value, r) } : a),
    ),
    extra: rewriteEntries(reference.extra, r),
  };
  return r.reference === undefined ? inner : r.reference(inner);
}

/**
 * Renames action output UUIDs (on actions, block parts and `ActionOutput`
 * references) and GroupingIdentifiers. Identifiers the maps do not name stay.
 */
export function renameIdentities(
  workflow: Workflow,
  renames: { readonly uuids?: ReadonlyMap<string, string>; readonly groupingIdentifiers?: ReadonlyMap<string, string> },
): Workflow {
  const uuids = renames.uuids ?? new Map<string, string>();
  const groups = renames.groupingIdentifiers ?? new Map<string, string>();
  return rewriteWorkflow(workflow, {
    reference: (reference) => {
      const source = reference.source;
      if (source.kind !== 'actionOutput') return reference;
      const renamed = uuids.get(source.outputUuid);
      return renamed === undefined ? reference : { ...reference, source: { ...source, outputUuid: renamed } };
    },
    core: (core) => {
      const renamed = core.outputUuid === undefined ? undefined : uuids.get(core.outputUuid);
      // A control-flow action outside a well-formed group keeps its GroupingIdentifier as a parameter.
      const parameters = core.parameters.map((e) => {
        if (e.key !== 'GroupingIdentifier' || e.value.kind !== 'string') return e;
        const group = groups.get(e.value.value);
        return group === undefined ? e : { key: e.key, value: { kind: 'string' as const, value: group } };
      });
      return { ...core, parameters, ...(renamed === undefined ? {} : { outputUuid: renamed }) };
    },
    block: (block) => {
      const renamed = groups.get(block.groupingIdentifier);
      return renamed === undefined ? block : { ...block, groupingIdentifier: renamed };
    },
  });
}
