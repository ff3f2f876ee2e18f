/**
 * Structurally hostile inputs through the whole pipeline (not just the
 * reader): huge action lists, deep blocks and values, wrong-way references.
 * Each must end with diagnostics, not an exception, and with output bounded
 * by the input (harness.ts). Termination is the work bound here: vitest
 * fails a test that runs past its timeout, and before the fixes these inputs
 * ran for minutes (18 for the 100,000 names); how time grows with size is
 * measured by the `hostile-scaling` bench section. Huge texts and programs
 * are in huge-inputs.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../../src/checker/check.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { decompile } from '../../src/emitter/decompile.js';
import { liftWorkflow } from '../../src/lift/workflow.js';
import { readPlist } from '../../src/plist/read.js';
import type { PlistDict, PlistValue } from '../../src/plist/value.js';
import { roundTripViaCode, roundTripViaIr } from '../../src/roundtrip/index.js';
import { action, d, int, named, shortcut, text, tokenAttachment } from '../support/shortcut-build.js';
import { coreForTests, throughBytes, throughCode } from './harness.js';
import { binaryOf, xmlOf } from './samples.js';

const codes = (diagnostics: readonly { code: string }[]): string[] => [...new Set(diagnostics.map((x) => x.code))].sort();

/** An If start or end with group `G<i>`. */
const ifPart = (i: number, mode: 0 | 2): PlistDict =>
  action('is.workflow.actions.conditional', mode === 0 ? { GroupingIdentifier: `G${i}`, WFControlFlowMode: int(0), WFCondition: int(100) } : { GroupingIdentifier: `G${i}`, WFControlFlowMode: int(2) });

describe('a workflow of 100,000 actions', () => {
  it('every output named text, text_2, … text_100000: decompiles, compiles back and round-trips (naming was quadratic)', () => {
    const actions: PlistValue[] = [];
    for (let i = 0; i < 100_000; i++) actions.push(action('is.workflow.actions.gettext', { UUID: `U${i}`, WFTextActionText: `x${i}` }));
    const plist = shortcut(actions);
    const read = readShortcutFile(binaryOf(plist));
    expect(read.ok).toBe(true);
    const lifted = liftWorkflow(read.value!.plist);
    const decompiled = decompile(lifted.value!);
    expect(decompiled.code.includes("\ntext_100000 = '''x99999'''\n")).toBe(true);
    expect(checkWorkflow(lifted.value!, coreForTests(), { origin: 'shortcut' })).toEqual([]);
    const trip = roundTripViaCode(plist);
    expect(trip.ok).toBe(true);
    expect(trip.diagnostics).toEqual([]);
  }, 120_000);

  it('100,000 If starts that never end, then 50,000 ends of other groups: kept flat, with warnings (grouping was quadratic)', () => {
    const actions: PlistValue[] = [];
    for (let i = 0; i < 100_000; i++) actions.push(ifPart(i, 0));
    for (let i = 0; i < 50_000; i++) actions.push(action('is.workflow.actions.conditional', { GroupingIdentifier: `X${i}`, WFControlFlowMode: int(2) }));
    const lifted = liftWorkflow(shortcut(actions));
    expect(lifted.ok).toBe(true);
    expect(codes(lifted.diagnostics)).toEqual(['SC3005', 'SC3006', 'SC3011']);
    expect(lifted.value!.body).toHaveLength(150_000);
    const decompiled = decompile(lifted.value!);
    expect(decompiled.code.split('\n').filter((line) => line.startsWith('is_workflow_actions_conditional('))).toHaveLength(150_000);
  }, 120_000);

  it('200,000 entries that are not actions (a 200 KB file): decompiled with a warning each (decompile threw RangeError)', () => {
    const actions: PlistValue[] = [];
    for (let i = 0; i < 200_000; i++) actions.push(int(i % 100));
    const outcome = throughBytes(binaryOf(shortcut(actions)), { skipCodeRoundTrip: true });
    expect(outcome.code.includes('raw_action(99)')).toBe(true);
    expect(outcome.diagnostics.filter((x) => x.code === 'SC3003').length).toBeGreaterThanOrEqual(200_000);
  }, 120_000);

  it('an If that never ends, holding 200,000 actions: kept flat (lifting spread them into one push)', () => {
    const actions: PlistValue[] = [ifPart(0, 0)];
    for (let i = 0; i < 200_000; i++) actions.push(action('is.workflow.actions.comment', { WFCommentActionText: 'c' }));
    const plist = shortcut(actions);
    const lifted = liftWorkflow(plist);
    expect(codes(lifted.diagnostics)).toEqual(['SC3006']);
    expect(lifted.value!.body).toHaveLength(200_001);
    expect(roundTripViaIr(plist).ok).toBe(true);
  }, 120_000);

  it('a block written flat (its start has a UUID) holding 200,000 actions (the emitter spread them into one push)', () => {
    const actions: PlistValue[] = [action('is.workflow.actions.conditional', { GroupingIdentifier: 'G', UUID: 'START', WFControlFlowMode: int(0), WFCondition: int(100) })];
    for (let i = 0; i < 200_000; i++) actions.push(action('is.workflow.actions.comment', { WFCommentActionText: 'c' }));
    actions.push(action('is.workflow.actions.conditional', { GroupingIdentifier: 'G', WFControlFlowMode: int(2) }));
    const lifted = liftWorkflow(shortcut(actions));
    expect(lifted.value!.body.map((s) => s.kind)).toEqual(['if']);
    const decompiled = decompile(lifted.value!);
    expect(codes(decompiled.diagnostics)).toEqual(['SC8002']);
    expect(decompiled.code.split('\n').filter((line) => line === "is_workflow_actions_comment(WFCommentActionText='''c''')")).toHaveLength(200_000);
  }, 120_000);
});

describe('blocks nested 10,000 deep', () => {
  it('in a plist (If inside If …): the first 256 levels are blocks, the rest stay flat; code compiles back and round-trips', () => {
    const actions: PlistValue[] = [];
    for (let i = 0; i < 10_000; i++) actions.push(ifPart(i, 0));
    actions.push(action('is.workflow.actions.comment', { WFCommentActionText: 'innermost' }));
    for (let i = 9_999; i >= 0; i--) actions.push(ifPart(i, 2));
    const plist = shortcut(actions);
    const outcome = throughBytes(binaryOf(plist), { skipCodeRoundTrip: true });
    expect(codes(outcome.diagnostics.filter((x) => x.severity !== 'info'))).toEqual(['SC3011']);
    expect(roundTripViaCode(plist).ok).toBe(true);
  }, 120_000);

  it('in code (if inside if …, and match inside match …): a located nesting error', () => {
    let ifs = '';
    for (let i = 0; i < 10_000; i++) ifs += `${' '.repeat(i)}if x:\n`;
    ifs += `${' '.repeat(10_000)}is_workflow_actions_comment()\n`;
    let matches = '';
    for (let i = 0; i < 10_000; i++) matches += `${' '.repeat(2 * i)}match input(prompt='m'):\n${' '.repeat(2 * i + 1)}case "A":\n`;
    for (const code of [ifs, matches]) {
      const outcome = throughCode(code);
      expect(outcome.compiled).toBe(false);
      expect(codes(outcome.diagnostics)).toContain('SC4190');
    }
  }, 120_000);
});

describe('a parameter value nested 10,000 deep', () => {
  const deep = (depth: number): PlistValue => {
    let value: PlistValue = 'leaf';
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : d({ k: value });
    return value;
  };
  const plist = shortcut([action('is.workflow.actions.showresult', { Text: deep(10_000) })]);

  it('as binary and XML plists: the reader refuses it (SC1002) in every entry point', () => {
    for (const bytes of [binaryOf(plist), xmlOf(plist)]) {
      const outcome = throughBytes(bytes);
      expect(outcome.read).toBe(false);
      expect(codes(outcome.diagnostics)).toEqual(['SC1002']);
    }
  });

  it('read with a higher depth limit, or built in memory: lifting refuses it (SC3002)', () => {
    const read = readPlist(binaryOf(plist), { maxDepth: 20_000 });
    expect(read.ok).toBe(true);
    const lifted = liftWorkflow(read.value!);
    expect(lifted.ok).toBe(false);
    expect(codes(lifted.diagnostics)).toEqual(['SC3002']);
    expect(roundTripViaCode(read.value!).ok).toBe(false);
  });

  it('as code (a list, a dictionary, a call argument): a located nesting error', () => {
    for (const code of [
      `is_workflow_actions_showresult(Text=${'['.repeat(10_000)}${']'.repeat(10_000)})\n`,
      `is_workflow_actions_showresult(Text=${'{"k": '.repeat(10_000)}1${'}'.repeat(10_000)})\n`,
      `x = ${'is_workflow_actions_count(Input='.repeat(10_000)}1${')'.repeat(10_000)}\n`,
    ]) {
      const outcome = throughCode(code);
      expect(outcome.compiled).toBe(false);
      expect(codes(outcome.diagnostics.filter((x) => x.severity === 'error'))).toContain('SC4190');
    }
  });
});

describe('reference cycles', () => {
  it('UIDs that point at each other (a keyed-archiver object graph) are values, never followed', () => {
    const archive = d({
      $archiver: 'NSKeyedArchiver',
      $objects: ['$null', d({ next: { kind: 'uid', value: 2 }, self: { kind: 'uid', value: 1 } }), d({ next: { kind: 'uid', value: 1 } })],
      $top: d({ root: { kind: 'uid', value: 1 } }),
    });
    const plist = shortcut([action('is.workflow.actions.showresult', { Text: archive, Loop: { kind: 'uid', value: 0 } })]);
    const outcome = throughBytes(binaryOf(plist));
    expect(outcome.lifted).toBe(true);
    expect(outcome.code.includes('UID(')).toBe(true);
  });

  it('action outputs that use each other, and a variable set from itself', () => {
    const plist = shortcut([
      action('is.workflow.actions.gettext', { UUID: 'A', WFTextActionText: text('\uFFFC', [['{0, 1}', d({ OutputName: 'B', OutputUUID: 'B', Type: 'ActionOutput' })]]) }),
      action('is.workflow.actions.gettext', { UUID: 'B', WFTextActionText: text('\uFFFC', [['{0, 1}', d({ OutputName: 'A', OutputUUID: 'A', Type: 'ActionOutput' })]]) }),
      action('is.workflow.actions.setvariable', { WFInput: tokenAttachment(named('Self')), WFVariableName: 'Self' }),
    ]);
    const outcome = throughBytes(binaryOf(plist));
    expect(outcome.lifted).toBe(true);
    expect(roundTripViaCode(plist).ok).toBe(true);
  });

  it('a binary plist whose array contains itself is refused (SC1018), not followed', () => {
    // Object 0: a dictionary {WFWorkflowActions: object 2}; object 2 an array holding object 2.
    const bytes = Uint8Array.from([
      ...'bplist00'.split('').map((c) => c.charCodeAt(0)),
      0xd1, 0x01, 0x02,
      0x5f, 0x10, 0x11, ...'WFWorkflowActions'.split('').map((c) => c.charCodeAt(0)),
      0xa1, 0x02,
      8, 11, 31,
      0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 33,
    ]);
    const outcome = throughBytes(bytes);
    expect(codes(outcome.diagnostics)).toEqual(['SC1018']);
  });
});
