import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/ir/types.js';
import { MAX_BLOCK_DEPTH } from '../../src/lift/index.js';
import type { PlistValue } from '../../src/plist/value.js';
import { action, control, d, int, output, real, roundTrip, shortcut, text, tokenAttachment } from '../support/shortcut-build.js';

const show = (label: string) => action('is.workflow.actions.showresult', { Text: text(label) });

function kinds(body: readonly Statement[]): string[] {
  return body.map((s) => (s.kind === 'action' ? `action:${s.identifier.replace('is.workflow.actions.', '')}` : s.kind));
}

/** Every malformed form lowers back to the very same actions (roundTrip checks it) and warns. */
describe('malformed control flow', () => {
  it('a missing End If: the start and its actions stay flat (SC3006)', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([control('if', 'G', 0), show('a'), control('if', 'G', 1), show('b')]));
    expect(kinds(workflow.body)).toEqual(['action:conditional', 'action:showresult', 'action:conditional', 'action:showresult']);
    expect(diagnostics.map((x) => [x.code, x.severity, x.location])).toEqual([
      ['SC3006', 'warning', { kind: 'plist', path: ['WFWorkflowActions', 0] }],
    ]);
    // The flat parts keep their control-flow keys as ordinary parameters.
    const first = workflow.body[0]!;
    expect(first.kind === 'action' && first.parameters.map((p) => p.key)).toEqual(['GroupingIdentifier', 'WFControlFlowMode']);
  });

  it('a mode 1 without a start (SC3005)', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([show('a'), control('if', 'G', 1), show('b')]));
    expect(kinds(workflow.body)).toEqual(['action:showresult', 'action:conditional', 'action:showresult']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3005']);
    expect(diagnostics[0]!.location).toEqual({ kind: 'plist', path: ['WFWorkflowActions', 1] });
  });

  it('an End without a start (SC3005), inside a well-formed block', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([control('each', 'E', 0), control('if', 'X', 2), control('each', 'E', 2)]));
    expect(kinds(workflow.body)).toEqual(['repeatEach']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3005']);
  });

  it('interleaved groups: A0 B0 A2 B2 keeps A, flattens B (SC3007, SC3005)', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([control('if', 'A', 0), control('count', 'B', 0), control('if', 'A', 2), control('count', 'B', 2)]));
    expect(kinds(workflow.body)).toEqual(['if', 'action:repeat.count']);
    const block = workflow.body[0]!;
    expect(block.kind === 'if' && kinds(block.then)).toEqual(['action:repeat.count']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3007', 'SC3005']);
  });

  it('a middle of an outer group inside an inner one stays flat (SC3007)', () => {
    const { workflow, diagnostics } = roundTrip(
      shortcut([control('if', 'A', 0), control('count', 'B', 0), control('if', 'A', 1), control('count', 'B', 2), control('if', 'A', 2)]),
    );
    expect(kinds(workflow.body)).toEqual(['if']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3007']);
  });

  it('a start whose end never comes, before other blocks (SC3006)', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([control('menu', 'M', 0), control('if', 'G', 0), control('if', 'G', 2), show('x')]));
    expect(kinds(workflow.body)).toEqual(['action:choosefrommenu', 'if', 'action:showresult']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3006']);
  });

  it.each<[string, PlistValue | undefined]>([
    ['a string mode', '0'],
    ['a real mode', real(0)],
    ['an integer mode out of range', int(3)],
    ['a negative mode', int(-1)],
  ])('%s keeps the action plain (SC3004)', (_label, mode) => {
    const bad = action('is.workflow.actions.conditional', { GroupingIdentifier: 'G', WFControlFlowMode: mode! });
    const { workflow, diagnostics } = roundTrip(shortcut([bad, show('a'), control('if', 'G', 2)]));
    expect(kinds(workflow.body)).toEqual(['action:conditional', 'action:showresult', 'action:conditional']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3004', 'SC3005']);
    expect(diagnostics[0]!.location).toEqual({ kind: 'plist', path: ['WFWorkflowActions', 0, 'WFWorkflowActionParameters', 'WFControlFlowMode'] });
  });

  it('a missing or non-string GroupingIdentifier keeps the action plain (SC3004)', () => {
    const { diagnostics } = roundTrip(
      shortcut([action('is.workflow.actions.conditional', { WFControlFlowMode: int(0) }), action('is.workflow.actions.repeat.count', { GroupingIdentifier: int(5) })]),
    );
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3004', 'SC3004']);
  });

  it('a second Otherwise and a middle inside a repeat stay plain (SC3008)', () => {
    const { workflow, diagnostics } = roundTrip(
      shortcut([
        control('if', 'G', 0),
        control('if', 'G', 1),
        control('if', 'G', 1),
        control('if', 'G', 2),
        control('count', 'R', 0),
        control('count', 'R', 1),
        control('count', 'R', 2),
      ]),
    );
    expect(kinds(workflow.body)).toEqual(['if', 'repeatCount']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3008', 'SC3008']);
  });

  it('actions between a menu start and its first case keep the menu flat (SC3012)', () => {
    const { workflow, diagnostics } = roundTrip(shortcut([control('menu', 'M', 0), show('x'), control('menu', 'M', 1), control('menu', 'M', 2)]));
    expect(kinds(workflow.body)).toEqual(['action:choosefrommenu', 'action:showresult', 'action:choosefrommenu', 'action:choosefrommenu']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3012']);
  });

  it('dangling output references lift as typed references, with a warning at the parameter (SC3009)', () => {
    const { workflow, diagnostics } = roundTrip(
      shortcut([action('is.workflow.actions.gettext', { UUID: 'HAS-1' }), action('is.workflow.actions.showresult', { Text: tokenAttachment(output('NOBODY', 'Text')), Other: tokenAttachment(output('HAS-1')) })]),
    );
    expect(diagnostics.map((x) => [x.code, x.location])).toEqual([
      ['SC3009', { kind: 'plist', path: ['WFWorkflowActions', 1, 'WFWorkflowActionParameters', 'Text'] }],
    ]);
    const statement = workflow.body[1]!;
    expect(statement.kind === 'action' && statement.parameters[0]!.value.kind).toBe('variable');
  });

  it('a block end UUID counts as an output, so references to it do not dangle', () => {
    const { diagnostics } = roundTrip(
      shortcut([control('if', 'G', 0), control('if', 'G', 2, { UUID: 'IF-OUT' }), action('is.workflow.actions.showresult', { Text: tokenAttachment(output('IF-OUT')) })]),
    );
    expect(diagnostics).toEqual([]);
  });

  it('two actions with the same UUID (SC3010)', () => {
    const { diagnostics } = roundTrip(shortcut([action('a', { UUID: 'SAME' }), action('b', { UUID: 'SAME' })]));
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3010']);
  });

  it('blocks nested beyond the depth limit stay flat, bounded and exact (SC3011)', () => {
    const depth = MAX_BLOCK_DEPTH + 20;
    const actions: PlistValue[] = [];
    for (let i = 0; i < depth; i++) actions.push(control('if', `G${i}`, 0));
    for (let i = depth - 1; i >= 0; i--) actions.push(control('if', `G${i}`, 2));
    const { workflow, diagnostics } = roundTrip(shortcut(actions));
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3011']);
    let body = workflow.body;
    let levels = 0;
    for (let first = body[0]; body.length === 1 && first?.kind === 'if'; first = body[0]) {
      body = first.then;
      levels++;
    }
    expect(levels).toBe(MAX_BLOCK_DEPTH);
    expect(body).toHaveLength(40);
  });

  it('entries that are not actions stay raw, lifted so their references stay typed (SC3003)', () => {
    const { workflow, diagnostics } = roundTrip(
      shortcut(['just a string', d({ WFWorkflowActionParameters: d({ X: tokenAttachment(output('U')) }) }), d({ WFWorkflowActionIdentifier: 'x', WFWorkflowActionParameters: 'nope' })]),
    );
    expect(kinds(workflow.body)).toEqual(['raw', 'raw', 'raw']);
    expect(diagnostics.map((x) => x.code)).toEqual(['SC3003', 'SC3003', 'SC3009', 'SC3003']);
  });
});
