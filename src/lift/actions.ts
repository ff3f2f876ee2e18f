import type { ActionCore, Entry, RawActionStatement, Value } from '../ir/types.js';
import { isDict, type PlistDict, type PlistValue } from '../plist/value.js';
import type { ValueSink } from './context.js';
import { liftValue } from './lift-values.js';
import { lowerValue, mergeTyped } from './lower-values.js';
import { canonicalOrder, recordOrder } from './order.js';

export const IDENTIFIER_KEY = 'WFWorkflowActionIdentifier';
export const PARAMETERS_KEY = 'WFWorkflowActionParameters';
const ACTION_KEYS: readonly string[] = [IDENTIFIER_KEY, PARAMETERS_KEY];

/** One entry of `WFWorkflowActions` that has the action shape, not yet lifted. */
export interface ParsedAction {
  readonly kind: 'parsed';
  /** Position in `WFWorkflowActions`. */
  readonly index: number;
  readonly identifier: string;
  readonly parameters: PlistDict;
  readonly extraKeys: readonly Entry<PlistValue>[];
  readonly actionKeyOrder?: readonly string[];
}

/** An entry without the action shape: lifted generically, with the reason. */
export interface UnparsedEntry {
  readonly kind: 'unparsed';
  readonly index: number;
  readonly entry: PlistValue;
  readonly reason: string;
}

/** Splits an action dictionary into identifier, parameters and the rest. Lifts nothing yet. */
export function parseActionEntry(entry: PlistValue, index: number): ParsedAction | UnparsedEntry {
  const unparsed = (reason: string): UnparsedEntry => ({ kind: 'unparsed', index, entry, reason });
  if (!isDict(entry)) return unparsed('the entry is not a dictionary');
  const identifier = entry.get(IDENTIFIER_KEY);
  if (typeof identifier !== 'string') {
    return unparsed(identifier === undefined ? `it has no ${IDENTIFIER_KEY}` : `its ${IDENTIFIER_KEY} is not a string`);
  }
  const parameters = entry.get(PARAMETERS_KEY);
  if (!isDict(parameters)) {
    return unparsed(parameters === undefined ? `it has no ${PARAMETERS_KEY}` : `its ${PARAMETERS_KEY} is not a dictionary`);
  }
  const extraKeys: Entry<PlistValue>[] = [];
  for (const [key, value] of entry) if (!ACTION_KEYS.includes(key)) extraKeys.push({ key, value });
  const actionKeyOrder = recordOrder(entry, () => canonicalOrder(ACTION_KEYS, extraKeys.map((e) => e.key)));
  return {
    kind: 'parsed',
    index,
    identifier,
    parameters,
    extraKeys,
    ...(actionKeyOrder === undefined ? {} : { actionKeyOrder }),
  };
}

export function liftUnparsed(entry: UnparsedEntry, sink: ValueSink): RawActionStatement {
  return { kind: 'raw', action: liftValue(entry.entry, sink), reason: entry.reason };
}

/** The keys a control-flow part's block implies; on plain actions they are ordinary parameters. */
export const CONTROL_KEYS: readonly string[] = ['GroupingIdentifier', 'WFControlFlowMode'];

/**
 * Lifts the parameters of an action. `UUID` and `CustomOutputName` are typed
 * when they are strings; with `control`, the control-flow keys are left out
 * (the block states them).
 */
export function liftCore(action: ParsedAction, control: boolean, sink: ValueSink & { parameter?: (key: string) => void }): ActionCore {
  const typed: string[] = [];
  let outputUuid: string | undefined;
  let customOutputName: string | undefined;
  const parameters: Entry<Value>[] = [];
  for (const [key, value] of action.parameters) {
    if (key === 'UUID' && typeof value === 'string') {
      outputUuid = value;
      typed.push(key);
    } else if (key === 'CustomOutputName' && typeof value === 'string') {
      customOutputName = value;
      typed.push(key);
    } else if (control && CONTROL_KEYS.includes(key)) {
      typed.push(key);
    } else {
      sink.parameter?.(key);
      parameters.push({ key, value: liftValue(value, sink) });
    }
  }
  const parameterOrder = recordOrder(action.parameters, () => canonicalOrder(typed, parameters.map((e) => e.key)));
  return {
    parameters,
    ...(outputUuid === undefined ? {} : { outputUuid }),
    ...(customOutputName === undefined ? {} : { customOutputName }),
    extraKeys: action.extraKeys,
    ...(parameterOrder === undefined ? {} : { parameterOrder }),
    ...(action.actionKeyOrder === undefined ? {} : { actionKeyOrder: action.actionKeyOrder }),
  };
}

/** What a control-flow part says about its group; `mode` undefined writes no mode key. */
export interface ControlKeys {
  readonly groupingIdentifier: string;
  readonly mode: 0 | 1 | 2 | undefined;
}

/** An action dictionary from its identifier and lifted parts. */
export function lowerAction(identifier: string, core: ActionCore, control?: ControlKeys): PlistDict {
  const typed = new Map<string, PlistValue>();
  if (core.outputUuid !== undefined) typed.set('UUID', core.outputUuid);
  if (core.customOutputName !== undefined) typed.set('CustomOutputName', core.customOutputName);
  if (control !== undefined) {
    typed.set('GroupingIdentifier', control.groupingIdentifier);
    if (control.mode !== undefined) typed.set('WFControlFlowMode', { kind: 'integer', value: BigInt(control.mode) });
  }
  const parameters = mergeTyped(
    typed,
    core.parameters.map((e) => ({ key: e.key, value: lowerValue(e.value) })),
    core.parameterOrder,
  );
  const actionTyped = new Map<string, PlistValue>([
    [IDENTIFIER_KEY, identifier],
    [PARAMETERS_KEY, parameters],
  ]);
  return mergeTyped(actionTyped, core.extraKeys, core.actionKeyOrder);
}
