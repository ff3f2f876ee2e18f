import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Value, Workflow } from '../../src/ir/types.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { firstDifference, formatPath } from '../../src/plist/equal.js';
import { integer, type PlistDict, type PlistValue } from '../../src/plist/value.js';

/**
 * Small builders for hand-made shortcut plists in tests. `d` keeps the
 * order of its pairs (use pairs, not an object, where a key looks numeric).
 */
export type Pairs = readonly (readonly [string, PlistValue])[];

export function d(entries: Record<string, PlistValue> | Pairs): PlistDict {
  return new Map(Array.isArray(entries) ? (entries as Pairs) : Object.entries(entries as Record<string, PlistValue>));
}

export const int = (n: number | bigint): PlistValue => integer(n);
export const real = (n: number): PlistValue => ({ kind: 'real', value: n });

export function wrapper(type: string, value: PlistValue): PlistDict {
  return d({ Value: value, WFSerializationType: type });
}

export function text(string: string, ranges: Pairs = []): PlistDict {
  return wrapper('WFTextTokenString', d({ attachmentsByRange: d(ranges), string }));
}

export function output(uuid: string, name?: string, extra: Record<string, PlistValue> = {}): PlistDict {
  return d({ ...(name === undefined ? {} : { OutputName: name }), OutputUUID: uuid, Type: 'ActionOutput', ...extra });
}

export function named(name: string, extra: Record<string, PlistValue> = {}): PlistDict {
  return d({ Type: 'Variable', VariableName: name, ...extra });
}

export function tokenAttachment(attachment: PlistDict): PlistDict {
  return wrapper('WFTextTokenAttachment', attachment);
}

export function action(identifier: string, parameters: Record<string, PlistValue> | Pairs = {}): PlistDict {
  return d({ WFWorkflowActionIdentifier: identifier, WFWorkflowActionParameters: d(parameters) });
}

/** A control-flow action; `mode` undefined leaves the key out. */
export function control(kind: 'if' | 'menu' | 'count' | 'each', group: string, mode: number | undefined, extra: Record<string, PlistValue> = {}): PlistDict {
  const identifier = {
    if: 'is.workflow.actions.conditional',
    menu: 'is.workflow.actions.choosefrommenu',
    count: 'is.workflow.actions.repeat.count',
    each: 'is.workflow.actions.repeat.each',
  }[kind];
  return action(identifier, { GroupingIdentifier: group, ...(mode === undefined ? {} : { WFControlFlowMode: int(mode) }), ...extra });
}

export function shortcut(actions: readonly PlistValue[], metadata: Record<string, PlistValue> = {}): PlistDict {
  return d({
    WFWorkflowActions: [...actions],
    WFWorkflowClientVersion: '2038.0.2.4',
    WFWorkflowIcon: d({ WFWorkflowIconGlyphNumber: int(59511), WFWorkflowIconStartColor: int(4282601983) }),
    WFWorkflowImportQuestions: [],
    WFWorkflowMinimumClientVersion: int(900),
    WFWorkflowTypes: [],
    ...metadata,
  });
}

/** Lifts, checks that lowering gives back exactly the input (key order too), and returns the IR. */
export function roundTrip(plist: PlistValue): { workflow: Workflow; diagnostics: readonly Diagnostic[] } {
  const lifted = liftWorkflow(plist);
  if (!lifted.ok) throw new Error(`lift failed: ${lifted.diagnostics.map((x) => x.message).join('; ')}`);
  const back = lowerWorkflow(lifted.value);
  const difference = firstDifference(plist, back, { keyOrder: true });
  expect(difference === undefined ? 'equal' : `${formatPath(difference.path)}: ${difference.reason}`).toBe('equal');
  return { workflow: lifted.value, diagnostics: lifted.diagnostics };
}

/** Lifts a shortcut holding one action with one parameter and returns that parameter's IR value. */
export function liftParameter(value: PlistValue, key = 'WFInput'): Value {
  const { workflow } = roundTrip(shortcut([action('is.workflow.actions.show', { [key]: value })]));
  const statement = workflow.body[0];
  if (statement?.kind !== 'action') throw new Error('expected an action');
  const parameter = statement.parameters.find((e) => e.key === key);
  if (parameter === undefined) throw new Error(`no parameter ${key}`);
  return parameter.value;
}
