import type { ActionCore, BlockStatement, Value, VariableReference, Workflow } from '../ir/types.js';
import { flatBlocks, isBareEnd } from './blocks.js';
import { pinnedIdentifiers } from './pinned.js';
import { survey, type Survey, type SurveyedAction } from './survey.js';
import type { EmitterCatalog } from './catalog.js';
import { ActionNames, firstFree, isAsciiIdentifier, isReservedIdentifier, repeatIdentifier, sanitizeIdentifier, snakeCase } from './names.js';
import type { Defaults } from '../syntax/header-defaults.js';

/**
 * What the emitter must know about the whole workflow before it writes the
 * first statement: which identifier each named variable and each action
 * output gets, which OutputName references carry, which VariableUUIDs the
 * compiler can derive, the file's `__defaults__`, and which
 * GroupingIdentifiers are shared (grammars/dialect.md §3.2, §4, §5).
 */

/** An action output that a binding names (its UUID has exactly one owner). */
export interface OutputInfo {
  /** The binding's identifier. */
  readonly identifier: string;
  /** Whether any reference points at it. */
  readonly referenced: boolean;
  /** What references carry when they carry the usual value (`undefined`: no OutputName key). */
  readonly effectiveOutputName: string | undefined;
}

export interface VariableInfo {
  readonly identifier: string;
  /** The VariableUUID the compiler derives for this variable's references (the original value), if it derives one. */
  readonly derivedUuid: string | undefined;
}

export interface Analysis {
  readonly defaults: Defaults;
  readonly outputs: ReadonlyMap<string, OutputInfo>;
  /** UUIDs more than one action carries, or that the code writes literally elsewhere: written literally (dialect §5.1, §10.1). */
  readonly literalUuids: ReadonlySet<string>;
  /** How many of `literalUuids` are carried by more than one action. */
  readonly sharedUuids: number;
  readonly variables: ReadonlyMap<string, VariableInfo>;
  /** identifier → variable name, for `__names__` (order of first appearance). */
  readonly renamedVariables: readonly { identifier: string; name: string }[];
  /** How many groups and flat actions use each GroupingIdentifier (one more where the code writes it literally elsewhere). */
  readonly groupUses: ReadonlyMap<string, number>;
  /** The groups written flat, with the reason (dialect §9.1). */
  readonly flatBlocks: ReadonlyMap<BlockStatement, string>;
  readonly actionNames: ActionNames;
}

/** What Shortcuts calls a block's output, for naming the `x = _` binding when nothing else does. */
const BLOCK_OUTPUT_LABELS: ReadonlyMap<string, string> = new Map([
  ['is.workflow.actions.conditional', 'If Result'],
  ['is.workflow.actions.choosefrommenu', 'Menu Result'],
  ['is.workflow.actions.repeat.count', 'Repeat Results'],
  ['is.workflow.actions.repeat.each', 'Repeat Results'],
]);

const LEGACY_CONDITIONS: ReadonlySet<string> = new Set(['Equals', 'Contains', 'Is Greater Than', 'Is Less Than']);

export function analyze(workflow: Workflow, naming: EmitterCatalog): Analysis {
  const facts = survey(workflow);
  const { actions, references, variableOrder } = facts;

  const owners = new Map<string, number>();
  for (const action of actions) {
    const uuid = action.core.outputUuid;
    if (uuid !== undefined) owners.set(uuid, (owners.get(uuid) ?? 0) + 1);
  }
  const literalUuids = new Set<string>();
  for (const [uuid, n] of owners) if (n > 1) literalUuids.add(uuid);
  const sharedUuids = literalUuids.size;
  // Identifiers the code writes literally somewhere are literal everywhere, so a round trip renames them nowhere (§10.1).
  const pinned = pinnedIdentifiers(workflow);
  for (const uuid of pinned.action) if (owners.has(uuid)) literalUuids.add(uuid);
  const groupUses = new Map(facts.groupUses);
  for (const gi of pinned.group) if (groupUses.has(gi)) groupUses.set(gi, (groupUses.get(gi) ?? 0) + 1);

  // OutputName per output and VariableUUID per variable: the most frequent value references carry (ties: the first seen).
  const outputNameCounts = new Map<string, Map<string | undefined, number>>();
  const variableUuidCounts = new Map<string, Map<string | undefined, number>>();
  const bump = <K>(table: Map<string, Map<K, number>>, key: string, value: K): void => {
    let counts = table.get(key);
    if (counts === undefined) table.set(key, (counts = new Map<K, number>()));
    counts.set(value, (counts.get(value) ?? 0) + 1);
  };
  for (const reference of references) {
    const source = reference.source;
    if (source.kind === 'actionOutput' && owners.get(source.outputUuid) === 1) bump(outputNameCounts, source.outputUuid, source.outputName);
    else if (source.kind === 'variable') bump(variableUuidCounts, source.name, source.variableUuid);
  }

  const derivedUuids = deriveVariableUuids(variableOrder, variableUuidCounts, references, pinned.variable);
  const fileDefaults = chooseDefaults(facts, variableOrder, variableUuidCounts, derivedUuids);
  const flat = flatBlocks(workflow.body, { startMode: fileDefaults.startMode, groupUses, literalUuids });
  // End UUIDs nothing refers to, of structured blocks whose End says nothing else: the default decides them (§9.6).
  const implicitEnds = facts.blocks.filter((b) => !flat.has(b) && isBareEnd(b.end) && (b.end.outputUuid === undefined || !outputNameCounts.has(b.end.outputUuid)));
  const withUuid = implicitEnds.filter((b) => b.end.outputUuid !== undefined).length;
  const defaults: Defaults = { ...fileDefaults, blockOutputs: !(implicitEnds.length - withUuid > withUuid) };
  const unnamedEnds = new Set<string>();
  if (defaults.blockOutputs) for (const b of implicitEnds) if (b.end.outputUuid !== undefined) unnamedEnds.add(b.end.outputUuid);

  // Identifiers: named variables first, in order of first appearance, then outputs in plist order.
  const taken = new Set<string>();
  const isTaken = (candidate: string): boolean => taken.has(candidate) || isReservedIdentifier(candidate);
  const nextSuffix = new Map<string, number>();
  const variables = new Map<string, VariableInfo>();
  const renamedVariables: { identifier: string; name: string }[] = [];
  for (const variableName of variableOrder) {
    let identifier = repeatIdentifier(variableName);
    if (identifier === undefined) {
      identifier = isAsciiIdentifier(variableName) && !isTaken(variableName) ? variableName : firstFree(sanitizeIdentifier(variableName, 'var'), isTaken, nextSuffix);
      if (identifier !== variableName) renamedVariables.push({ identifier, name: variableName });
    }
    taken.add(identifier);
    variables.set(variableName, { identifier, derivedUuid: derivedUuids.get(variableName) });
  }

  const outputs = new Map<string, OutputInfo>();
  for (const action of actions) {
    const uuid = action.core.outputUuid;
    if (uuid === undefined || literalUuids.has(uuid) || outputs.has(uuid) || unnamedEnds.has(uuid)) continue;
    const counts = outputNameCounts.get(uuid);
    const effective = counts === undefined ? undefined : mostFrequent(counts);
    const label = outputLabel(action.identifier, action.core, effective, naming, action.role);
    const identifier = firstFree(snakeCase(label), isTaken, nextSuffix);
    taken.add(identifier);
    outputs.set(uuid, { identifier, referenced: counts !== undefined, effectiveOutputName: effective });
  }

  const actionNames = new ActionNames((identifier) => naming.pythonName(identifier));
  return { defaults, outputs, literalUuids, sharedUuids, variables, renamedVariables, groupUses, flatBlocks: flat, actionNames };
}

/** The text an output's identifier is made from (dialect §4.2). */
function outputLabel(identifier: string, core: ActionCore, effective: string | undefined, naming: EmitterCatalog, role: SurveyedAction['role']): string {
  if (core.customOutputName !== undefined && core.customOutputName.trim() !== '') return core.customOutputName;
  if (effective !== undefined && effective.trim() !== '') return effective;
  const blockLabel = role === 'end' ? BLOCK_OUTPUT_LABELS.get(identifier) : undefined;
  if (blockLabel !== undefined) return blockLabel;
  // A start or middle part (an If's start with a UUID, written flat) is not the block's output: "If Result" would mislead.
  const opening = role === 'start' || role === 'middle' || isFlatOpeningPart(core);
  const catalogName = opening ? undefined : naming.outputName(identifier);
  if (catalogName !== undefined) return catalogName;
  const parts = identifier.split('.').filter((p) => p !== '');
  return parts[parts.length - 1] ?? 'output';
}

/** A control action outside a well-formed group whose `WFControlFlowMode` is not the End's (2). */
function isFlatOpeningPart(core: ActionCore): boolean {
  const mode = core.parameters.find((e) => e.key === 'WFControlFlowMode')?.value;
  return mode?.kind === 'integer' && mode.value !== 2n;
}

function mostFrequent<K>(counts: ReadonlyMap<K, number>): K {
  let best: K | undefined;
  let bestCount = -1;
  // Map iteration is insertion order, so ties go to the first value seen.
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best as K;
}

/**
 * Which variables' VariableUUIDs the compiler may derive (dialect §5.3): a
 * variable's most frequent UUID is derived unless that would break the
 * one-to-one renaming a round trip allows — another derived variable has the
 * same UUID, or some reference writes it literally.
 */
function deriveVariableUuids(
  order: readonly string[],
  counts: ReadonlyMap<string, ReadonlyMap<string | undefined, number>>,
  references: readonly VariableReference[],
  pinned: ReadonlySet<string>,
): Map<string, string> {
  const derived = new Map<string, string>();
  for (const variableName of order) {
    const table = counts.get(variableName);
    if (table === undefined) continue;
    const main = mostFrequent(table);
    if (main !== undefined) derived.set(variableName, main);
  }
  for (;;) {
    const literal = new Set<string>(pinned);
    for (const reference of references) {
      const source = reference.source;
      if (source.kind !== 'variable' || source.variableUuid === undefined) continue;
      if (derived.get(source.name) !== source.variableUuid) literal.add(source.variableUuid);
    }
    const owners = new Map<string, number>();
    for (const uuid of derived.values()) owners.set(uuid, (owners.get(uuid) ?? 0) + 1);
    let changed = false;
    for (const [variableName, uuid] of [...derived]) {
      if (literal.has(uuid) || (owners.get(uuid) ?? 0) > 1) {
        derived.delete(variableName);
        changed = true;
      }
    }
    if (!changed) return derived;
  }
}

/** The settings counted over the file as a whole (`block_outputs` needs the flat blocks, which need `start_mode`). */
function chooseDefaults(
  facts: Survey,
  variableOrder: readonly string[],
  variableUuidCounts: ReadonlyMap<string, unknown>,
  derived: ReadonlyMap<string, string>,
): Omit<Defaults, 'blockOutputs'> {
  let implicitStarts = 0;
  let explicitStarts = 0;
  let stringCodes = 0;
  let integerCodes = 0;
  let wrapped = 0;
  let direct = 0;
  for (const block of facts.blocks) {
    if (block.startModeImplicit === true) implicitStarts++;
    else explicitStarts++;
    if (block.kind !== 'if') continue;
    const condition = parameter(block, 'WFCondition');
    if (condition?.kind === 'string' && LEGACY_CONDITIONS.has(condition.value)) stringCodes++;
    else if (condition?.kind === 'integer') integerCodes++;
    const input = parameter(block, 'WFInput');
    if (input?.kind === 'variable') direct++;
    else if (input !== undefined && isWrappedSubject(input)) wrapped++;
  }
  const referenced = variableOrder.filter((v) => variableUuidCounts.has(v));
  const carrying = referenced.filter((v) => derived.has(v));
  return {
    conditionCodes: stringCodes > integerCodes ? 'strings' : 'integers',
    conditionInput: direct > wrapped ? 'direct' : 'wrapped',
    startMode: implicitStarts > explicitStarts ? 'implicit' : 'explicit',
    variableUuids: carrying.length === 0 ? false : carrying.length === referenced.length ? true : carrying,
    itemTextAttachments: !(facts.itemTexts.without > facts.itemTexts.with),
  };
}

function parameter(block: BlockStatement, key: string): Value | undefined {
  return block.start.parameters.find((e) => e.key === key)?.value;
}

/** `{Type: "Variable", Variable: <token attachment>}`: the subject shape Shortcuts 15+ writes. */
export function isWrappedSubject(value: Value): boolean {
  if (value.kind !== 'map' || value.entries.length !== 2) return false;
  const type = value.entries.find((e) => e.key === 'Type')?.value;
  const variable = value.entries.find((e) => e.key === 'Variable')?.value;
  return type?.kind === 'string' && type.value === 'Variable' && variable?.kind === 'variable';
}
