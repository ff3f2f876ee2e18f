import { describe, expect, it } from 'vitest';
import { firstDifferenceModuloIdentity, roundTripViaIr } from '../../src/roundtrip/index.js';
import { action, control, d, named, output, shortcut, tokenAttachment } from '../support/shortcut-build.js';

const make = (uuid: string, ref: string, group: string, variable = 'V-1') =>
  shortcut([
    action('is.workflow.actions.gettext', { UUID: uuid }),
    control('each', group, 0, { WFInput: tokenAttachment(output(ref)) }),
    control('each', group, 2),
    action('is.workflow.actions.showresult', { Text: tokenAttachment(named('X', { VariableUUID: variable })) }),
  ]);

describe('identifier-insensitive comparison', () => {
  it('accepts a consistent renaming of UUIDs, OutputUUIDs, GroupingIdentifiers and VariableUUIDs', () => {
    expect(firstDifferenceModuloIdentity(make('A', 'A', 'G'), make('B', 'B', 'H', 'V-2'))).toBeUndefined();
  });

  it('rejects a reference that no longer follows its action', () => {
    const difference = firstDifferenceModuloIdentity(make('A', 'A', 'G'), make('B', 'C', 'H'));
    expect(difference?.path).toEqual(['WFWorkflowActions', 1, 'WFWorkflowActionParameters', 'WFInput', 'Value', 'OutputUUID']);
    expect(difference?.reason).toMatch(/inconsistently/);
  });

  it('rejects two identifiers merged into one', () => {
    const a = shortcut([action('x', { UUID: 'A' }), action('y', { UUID: 'B' })]);
    const b = shortcut([action('x', { UUID: 'C' }), action('y', { UUID: 'C' })]);
    expect(firstDifferenceModuloIdentity(a, b)?.path).toEqual(['WFWorkflowActions', 1, 'WFWorkflowActionParameters', 'UUID']);
  });

  it('still sees every other difference, and VariableUUIDs when asked', () => {
    expect(firstDifferenceModuloIdentity(shortcut([action('x', { Name: 'a' })]), shortcut([action('x', { Name: 'b' })]))?.reason).toBe('"a" vs "b"');
    expect(firstDifferenceModuloIdentity(make('A', 'A', 'G', 'V-1'), make('A', 'A', 'G', 'V-2'), { variableUuids: false })).toBeDefined();
    expect(firstDifferenceModuloIdentity(d([['a', '1'], ['b', '2']]), d([['b', '2'], ['a', '1']]), { keyOrder: true })).toBeDefined();
  });
});

describe('round trip via the IR', () => {
  it('reports equality and key order', () => {
    const outcome = roundTripViaIr(make('A', 'A', 'G'));
    expect(outcome).toMatchObject({ ok: true, keyOrderKept: true });
  });

  it('reports a plist that is not a workflow as a failure with the diagnostic', () => {
    const outcome = roundTripViaIr('not a workflow');
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics.map((x) => x.code)).toEqual(['SC3001']);
  });
});
