import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/ir/types.js';
import { action, control, int, named, roundTrip, shortcut, text, tokenAttachment } from '../support/shortcut-build.js';

const show = (label: string) => action('is.workflow.actions.showresult', { Text: text(label) });

/** A compact picture of a statement tree for assertions. */
function shape(body: readonly Statement[]): unknown[] {
  return body.map((s) => {
    switch (s.kind) {
      case 'action':
        return s.identifier.replace('is.workflow.actions.', '');
      case 'raw':
        return 'raw';
      case 'if':
        return { if: shape(s.then), ...(s.otherwise === undefined ? {} : { else: shape(s.otherwise.body) }) };
      case 'menu':
        return { menu: s.cases.map((c) => shape(c.body)) };
      case 'repeatCount':
        return { repeat: shape(s.body) };
      case 'repeatEach':
        return { each: shape(s.body) };
    }
  });
}

describe('control-flow blocks', () => {
  it('groups If / Otherwise / End If, keeping the start parameters and the end UUID', () => {
    const { workflow, diagnostics } = roundTrip(
      shortcut([
        control('if', 'G1', 0, { WFCondition: int(4), WFConditionalActionString: text('yes'), WFInput: tokenAttachment(named('X')) }),
        show('a'),
        control('if', 'G1', 1),
        show('b'),
        control('if', 'G1', 2, { UUID: 'END-1', CustomOutputName: 'Result' }),
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(shape(workflow.body)).toEqual([{ if: ['showresult'], else: ['showresult'] }]);
    const block = workflow.body[0]!;
    if (block.kind !== 'if') throw new Error(block.kind);
    expect(block.groupingIdentifier).toBe('G1');
    expect(block.start.parameters.map((p) => p.key)).toEqual(['WFCondition', 'WFConditionalActionString', 'WFInput']);
    expect(block.end).toMatchObject({ outputUuid: 'END-1', customOutputName: 'Result', parameters: [] });
  });

  it('groups an If without Otherwise', () => {
    const { workflow } = roundTrip(shortcut([control('if', 'G', 0), show('a'), control('if', 'G', 2)]));
    expect(shape(workflow.body)).toEqual([{ if: ['showresult'] }]);
  });

  it('groups Choose from Menu with its cases and their titles', () => {
    const { workflow } = roundTrip(
      shortcut([
        control('menu', 'M', 0, { WFMenuItems: ['One', 'Two'], WFMenuPrompt: 'Pick' }),
        control('menu', 'M', 1, { WFMenuItemTitle: 'One' }),
        show('1'),
        control('menu', 'M', 1, { WFMenuItemTitle: 'Two' }),
        control('menu', 'M', 2, { UUID: 'MENU-OUT' }),
      ]),
    );
    expect(shape(workflow.body)).toEqual([{ menu: [['showresult'], []] }]);
    const block = workflow.body[0]!;
    if (block.kind !== 'menu') throw new Error(block.kind);
    expect(block.cases.map((c) => c.part.parameters[0]?.value)).toEqual([
      { kind: 'string', value: 'One' },
      { kind: 'string', value: 'Two' },
    ]);
  });

  it('groups Repeat n times and Repeat with Each', () => {
    const { workflow } = roundTrip(
      shortcut([
        control('count', 'R', 0, { WFRepeatCount: int(3) }),
        show('x'),
        control('count', 'R', 2),
        control('each', 'E', 0, { WFInput: tokenAttachment(named('List')) }),
        show('y'),
        control('each', 'E', 2, { UUID: 'EACH-OUT' }),
      ]),
    );
    expect(shape(workflow.body)).toEqual([{ repeat: ['showresult'] }, { each: ['showresult'] }]);
  });

  it('nests blocks inside blocks', () => {
    const { workflow } = roundTrip(
      shortcut([
        control('each', 'E', 0),
        control('if', 'I', 0),
        control('menu', 'M', 0),
        control('menu', 'M', 1, { WFMenuItemTitle: 'a' }),
        control('count', 'R', 0),
        show('deep'),
        control('count', 'R', 2),
        control('menu', 'M', 2),
        control('if', 'I', 1),
        control('if', 'I2', 0),
        control('if', 'I2', 2),
        control('if', 'I', 2),
        control('each', 'E', 2),
      ]),
    );
    expect(shape(workflow.body)).toEqual([{ each: [{ if: [{ menu: [[{ repeat: ['showresult'] }]] }], else: [{ if: [] }] }] }]);
  });

  it('keeps parameters on middle and end actions, and their key order', () => {
    const { workflow } = roundTrip(
      shortcut([
        control('menu', 'M', 0),
        action('is.workflow.actions.choosefrommenu', [
          ['WFMenuItemTitle', 'a'],
          ['WFControlFlowMode', int(1)],
          ['GroupingIdentifier', 'M'],
          ['WFMenuLegacyCancelBehavior', true],
        ]),
        control('menu', 'M', 2, { WFMenuLegacyCancelBehavior: false }),
      ]),
    );
    const block = workflow.body[0]!;
    if (block.kind !== 'menu') throw new Error(block.kind);
    expect(block.cases[0]!.part.parameterOrder).toEqual(['WFMenuItemTitle', 'WFControlFlowMode', 'GroupingIdentifier', 'WFMenuLegacyCancelBehavior']);
    expect(block.end.parameters).toEqual([{ key: 'WFMenuLegacyCancelBehavior', value: { kind: 'boolean', value: false } }]);
  });

  it('reads a start without WFControlFlowMode as mode 0, as old files write it', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([control('if', 'G', undefined), show('a'), control('if', 'G', 1), control('if', 'G', 2)]));
    expect(diagnostics).toEqual([]);
    expect(workflow.body[0]).toMatchObject({ kind: 'if', startModeImplicit: true });
  });

  it('matches a nested block that reuses its parent GroupingIdentifier to the innermost start', () => {
    const { workflow } = roundTrip(shortcut([control('if', 'G', 0), control('if', 'G', 0), control('if', 'G', 2), control('if', 'G', 2)]));
    expect(shape(workflow.body)).toEqual([{ if: [{ if: [] }] }]);
  });

  it('does not pair parts of different block kinds that share a GroupingIdentifier', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([control('if', 'G', 0), control('count', 'G', 2), control('if', 'G', 2)]));
    expect(shape(workflow.body)).toEqual([{ if: ['repeat.count'] }]);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3005']);
  });
});
