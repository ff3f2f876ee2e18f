/**
 * Builders for hand-made IR in checker tests: actions, blocks and values as
 * the binder or the lifter would make them, without going through a plist.
 */
import type {
  ActionStatement,
  ControlPart,
  Entry,
  IfStatement,
  MenuStatement,
  RepeatCountStatement,
  RepeatEachStatement,
  Statement,
  TextPart,
  Value,
  VariableReference,
  Workflow,
} from '../../src/ir/types.js';

export const str = (value: string): Value => ({ kind: 'string', value });
export const int = (value: number): Value => ({ kind: 'integer', value: BigInt(value) });
export const real = (value: number): Value => ({ kind: 'real', value });
export const bool = (value: boolean): Value => ({ kind: 'boolean', value });
export const list = (...items: Value[]): Value => ({ kind: 'list', items });
/** A Dictionary action's table (`WFDictionaryFieldValue`) of text keys and values. */
export const table = (entries: Record<string, string>): Value => ({
  kind: 'dictionary',
  items: Object.entries(entries).map(([key, value]) => ({ itemType: 0, key: str(key), value: str(value), extra: [] })),
});

export function reference(source: VariableReference['source']): VariableReference {
  return { source, aggrandizements: [], hasAggrandizementsKey: false, extra: [] };
}
export const named = (name: string): VariableReference => reference({ kind: 'variable', name });
export const outputOf = (outputUuid: string, outputName?: string): VariableReference =>
  reference(outputName === undefined ? { kind: 'actionOutput', outputUuid } : { kind: 'actionOutput', outputUuid, outputName });

/** A parameter holding exactly one variable. */
export const variable = (ref: VariableReference): Value => ({ kind: 'variable', variable: ref });
/** Text with variables: strings are literal runs. */
export const text = (...parts: TextPart[]): Value => ({ kind: 'text', parts, hasAttachmentsKey: true });

export type Params = Record<string, Value>;

function entries(params: Params): Entry<Value>[] {
  return Object.entries(params).map(([key, value]) => ({ key, value }));
}

export function part(params: Params = {}, uuid?: string): ControlPart {
  return { parameters: entries(params), extraKeys: [], ...(uuid === undefined ? {} : { outputUuid: uuid }) };
}

export function act(identifier: string, params: Params = {}, uuid?: string): ActionStatement {
  return { kind: 'action', identifier, ...part(params, uuid) };
}

export const setVariable = (name: string, value: Value): ActionStatement => act('is.workflow.actions.setvariable', { WFVariableName: str(name), WFInput: value });

let group = 0;
const nextGroup = (): string => `G${++group}`;

export function ifBlock(condition: Params, then: Statement[], otherwise?: Statement[], endUuid?: string): IfStatement {
  return {
    kind: 'if',
    groupingIdentifier: nextGroup(),
    start: part(condition),
    then,
    ...(otherwise === undefined ? {} : { otherwise: { part: part(), body: otherwise } }),
    end: part({}, endUuid),
  };
}

export function menu(cases: Record<string, Statement[]>): MenuStatement {
  return {
    kind: 'menu',
    groupingIdentifier: nextGroup(),
    start: part({ WFMenuItems: list(...Object.keys(cases).map(str)) }),
    cases: Object.entries(cases).map(([title, body]) => ({ part: part({ WFMenuItemTitle: str(title) }), body })),
    end: part(),
  };
}

export function repeatEach(input: Value, body: Statement[]): RepeatEachStatement {
  return { kind: 'repeatEach', groupingIdentifier: nextGroup(), start: part({ WFInput: input }), body, end: part() };
}

export function repeatCount(count: Value | undefined, body: Statement[]): RepeatCountStatement {
  return { kind: 'repeatCount', groupingIdentifier: nextGroup(), start: part(count === undefined ? {} : { WFRepeatCount: count }), body, end: part() };
}

export function workflow(...body: Statement[]): Workflow {
  return { metadata: { extra: [] }, body };
}
