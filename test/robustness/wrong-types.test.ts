/**
 * A shortcut whose typed keys hold the wrong kind of value, one key at a
 * time, through the whole pipeline (binary and XML): nothing throws, every
 * problem is a registered diagnostic, and what lifting cannot type it keeps
 * verbatim (so the round trip through the IR stays exact) with the warning
 * the key deserves.
 */
import { describe, expect, it } from 'vitest';
import { liftWorkflow } from '../../src/lift/workflow.js';
import { data, integer, isDict, real, uid, type PlistDict, type PlistValue } from '../../src/plist/value.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { d, int } from '../support/shortcut-build.js';
import { throughBytes } from './harness.js';
import { binaryOf, richShortcut } from './samples.js';
import { copyValue } from './value-mutations.js';

interface Case {
  readonly name: string;
  readonly change: (plist: PlistDict) => void;
  /** Whether the result still lifts (false: SC3001, it is no workflow). */
  readonly lifts: boolean;
  /** Codes lifting must report (besides whatever else). */
  readonly codes?: readonly string[];
}

const actions = (plist: PlistDict): PlistValue[] => plist.get('WFWorkflowActions') as PlistValue[];
/** The parameters of the first action with this identifier (the rich sample has each one it names). */
function parameters(plist: PlistDict, identifier: string, nth = 0): PlistDict {
  const found = actions(plist).filter((a) => isDict(a) && a.get('WFWorkflowActionIdentifier') === identifier);
  const action = found[nth];
  if (!isDict(action)) throw new Error(`no ${identifier} #${nth}`);
  return action.get('WFWorkflowActionParameters') as PlistDict;
}
/** The `attachmentsByRange` of the first text of the Show Result action. */
function ranges(plist: PlistDict): PlistDict {
  const textValue = (parameters(plist, 'is.workflow.actions.showresult').get('Text') as PlistDict).get('Value') as PlistDict;
  return textValue.get('attachmentsByRange') as PlistDict;
}
function rename(dict: PlistDict, from: string, to: string): void {
  const entries = [...dict].map(([k, v]): [string, PlistValue] => [k === from ? to : k, v]);
  dict.clear();
  for (const [k, v] of entries) dict.set(k, v);
}

const IF = 'is.workflow.actions.conditional';
const CASES: readonly Case[] = [
  { name: 'WFWorkflowActions a string', change: (p) => p.set('WFWorkflowActions', 'actions'), lifts: false, codes: ['SC3001'] },
  { name: 'WFWorkflowActions a dictionary', change: (p) => p.set('WFWorkflowActions', d({ 0: d({}) })), lifts: false, codes: ['SC3001'] },
  { name: 'WFWorkflowActions missing', change: (p) => p.delete('WFWorkflowActions'), lifts: false, codes: ['SC3001'] },
  { name: 'an action entry an integer, another an array', change: (p) => actions(p).splice(1, 0, int(3), ['x']), lifts: true, codes: ['SC3003'] },
  { name: 'WFWorkflowActionIdentifier an integer', change: (p) => (actions(p)[0] as PlistDict).set('WFWorkflowActionIdentifier', int(1)), lifts: true, codes: ['SC3003'] },
  { name: 'WFWorkflowActionParameters a string', change: (p) => (actions(p)[0] as PlistDict).set('WFWorkflowActionParameters', 'params'), lifts: true, codes: ['SC3003'] },
  { name: 'WFWorkflowActionParameters an array', change: (p) => (actions(p)[1] as PlistDict).set('WFWorkflowActionParameters', [d({})]), lifts: true, codes: ['SC3003'] },
  { name: 'WFControlFlowMode a dictionary', change: (p) => parameters(p, IF).set('WFControlFlowMode', d({ mode: int(0) })), lifts: true, codes: ['SC3004'] },
  { name: 'WFControlFlowMode a string', change: (p) => parameters(p, IF, 1).set('WFControlFlowMode', '1'), lifts: true, codes: ['SC3004'] },
  { name: 'WFControlFlowMode a real', change: (p) => parameters(p, IF, 2).set('WFControlFlowMode', real(2)), lifts: true, codes: ['SC3004'] },
  { name: 'WFControlFlowMode 2^64 - 1', change: (p) => parameters(p, IF).set('WFControlFlowMode', integer(2n ** 64n - 1n)), lifts: true, codes: ['SC3004'] },
  { name: 'GroupingIdentifier an integer', change: (p) => parameters(p, IF).set('GroupingIdentifier', int(1)), lifts: true, codes: ['SC3004'] },
  { name: 'GroupingIdentifier a data blob', change: (p) => parameters(p, 'is.workflow.actions.choosefrommenu').set('GroupingIdentifier', data(new Uint8Array([1]))), lifts: true, codes: ['SC3004'] },
  { name: 'UUID a data blob', change: (p) => parameters(p, 'is.workflow.actions.gettext').set('UUID', data(new Uint8Array(16))), lifts: true, codes: ['SC3009'] },
  { name: 'UUID an integer, CustomOutputName a dictionary', change: (p) => { parameters(p, 'is.workflow.actions.downloadurl').set('UUID', int(2)); parameters(p, 'is.workflow.actions.downloadurl').set('CustomOutputName', d({})); }, lifts: true },
  { name: 'attachmentsByRange keys {x, y}', change: (p) => rename(ranges(p), '{0, 1}', '{x, y}'), lifts: true },
  { name: 'attachmentsByRange key out of range', change: (p) => rename(ranges(p), '{4, 1}', '{400000, 1}'), lifts: true },
  { name: 'attachmentsByRange key beyond 2^53', change: (p) => rename(ranges(p), '{4, 1}', '{9999999999999999, 1}'), lifts: true },
  { name: 'attachmentsByRange ranges overlapping', change: (p) => rename(ranges(p), '{0, 1}', '{0, 5}'), lifts: true },
  { name: 'attachmentsByRange pointing at no object character', change: (p) => rename(ranges(p), '{4, 1}', '{1, 1}'), lifts: true },
  { name: 'attachmentsByRange an array', change: (p) => ((parameters(p, 'is.workflow.actions.showresult').get('Text') as PlistDict).get('Value') as PlistDict).set('attachmentsByRange', [d({})]), lifts: true },
  { name: 'an attachment a string', change: (p) => ranges(p).set('{0, 1}', 'variable'), lifts: true },
  { name: 'a text string an integer', change: (p) => ((parameters(p, 'is.workflow.actions.showresult').get('Text') as PlistDict).get('Value') as PlistDict).set('string', int(5)), lifts: true },
  { name: 'WFSerializationType an integer, Value missing', change: (p) => { const t = parameters(p, 'is.workflow.actions.showresult').get('Text') as PlistDict; t.set('WFSerializationType', int(1)); t.delete('Value'); }, lifts: true },
  { name: 'Aggrandizements a dictionary, an aggrandizement a string', change: (p) => { const a = ranges(p).get('{0, 1}') as PlistDict; a.set('Aggrandizements', d({})); (ranges(p).get('{4, 1}') as PlistDict).set('Aggrandizements', ['coerce']); }, lifts: true },
  { name: 'OutputUUID an integer, VariableName an array, Type a UID', change: (p) => { (ranges(p).get('{0, 1}') as PlistDict).set('OutputUUID', int(6)); (ranges(p).get('{4, 1}') as PlistDict).set('VariableName', ['Who']); ranges(p).set('{9, 1}', d({ Type: uid(1) })); }, lifts: true },
  { name: 'WFDictionaryFieldValueItems a string, WFItemType a string, WFKey a dictionary', change: (p) => { const items = (((parameters(p, 'is.workflow.actions.dictionary').get('WFItems') as PlistDict).get('Value') as PlistDict).get('WFDictionaryFieldValueItems') as PlistValue[]); (items[0] as PlistDict).set('WFItemType', 'zero'); (items[1] as PlistDict).set('WFKey', d({ nested: d({}) })); (items[2] as PlistDict).set('WFItemType', integer(-(2n ** 63n))); }, lifts: true },
  { name: 'WFQuantityFieldValue Magnitude a dictionary, Unit an integer', change: (p) => { const q = (parameters(p, 'is.workflow.actions.adjustdate').get('WFDuration') as PlistDict).get('Value') as PlistDict; q.set('Magnitude', d({ x: d({}) })); q.set('Unit', int(60)); }, lifts: true },
  { name: 'WFMenuItems a dictionary, WFMenuItemTitle an integer', change: (p) => { parameters(p, 'is.workflow.actions.choosefrommenu').set('WFMenuItems', d({ A: 'B' })); parameters(p, 'is.workflow.actions.choosefrommenu', 1).set('WFMenuItemTitle', int(1)); }, lifts: true },
  { name: 'WFCondition a string, WFInput a data blob', change: (p) => { parameters(p, IF).set('WFCondition', 'Sometimes'); parameters(p, IF).set('WFInput', data(new Uint8Array([0xff]))); }, lifts: true },
  { name: 'WFRepeatCount a string, negative, huge', change: (p) => parameters(p, 'is.workflow.actions.repeat.count').set('WFRepeatCount', integer(-(2n ** 63n))), lifts: true },
  { name: 'WFNumberActionNumber a dictionary', change: (p) => parameters(p, 'is.workflow.actions.number').set('WFNumberActionNumber', d({ n: real(Number.NaN) })), lifts: true },
  { name: 'WFWorkflowIcon a string', change: (p) => p.set('WFWorkflowIcon', 'icon'), lifts: true },
  { name: 'WFWorkflowIconStartColor a string, glyph 2^64 - 1', change: (p) => p.set('WFWorkflowIcon', d({ WFWorkflowIconGlyphNumber: integer(2n ** 64n - 1n), WFWorkflowIconStartColor: 'red' })), lifts: true },
  { name: 'WFWorkflowImportQuestions a dictionary', change: (p) => p.set('WFWorkflowImportQuestions', d({ ActionIndex: int(0) })), lifts: true },
  { name: 'an import question pointing past the actions', change: (p) => p.set('WFWorkflowImportQuestions', [d({ ActionIndex: integer(2n ** 63n - 1n), ParameterKey: int(3) }), 'question']), lifts: true },
  { name: 'WFWorkflowTypes a dictionary, input classes mixed kinds', change: (p) => { p.set('WFWorkflowTypes', d({ NCWidget: true })); p.set('WFWorkflowInputContentItemClasses', ['WFStringContentItem', int(1), d({})]); }, lifts: true },
  { name: 'client versions of the wrong kinds', change: (p) => { p.set('WFWorkflowMinimumClientVersion', d({})); p.set('WFWorkflowClientVersion', int(2038)); p.set('WFWorkflowMinimumClientVersionString', real(-0)); }, lifts: true },
  { name: 'WFWorkflowName a data blob, WFWorkflowHasOutputFallback a string', change: (p) => { p.set('WFWorkflowName', data(new Uint8Array([0]))); p.set('WFWorkflowHasOutputFallback', 'no'); }, lifts: true },
];

describe('wrong types where typed keys are expected', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const plist = copyValue(richShortcut()) as PlistDict;
      c.change(plist);
      const lifted = liftWorkflow(plist);
      expect(lifted.ok).toBe(c.lifts);
      for (const code of c.codes ?? []) expect(lifted.diagnostics.map((x) => x.code)).toContain(code);
      // XML cannot hold a UID: those cases go through the binary container only.
      const xml = writeXmlPlist(plist);
      for (const bytes of xml.ok ? [binaryOf(plist), xml.value] : [binaryOf(plist)]) {
        const outcome = throughBytes(bytes);
        expect(outcome.read).toBe(true);
        expect(outcome.lifted).toBe(c.lifts);
        if (c.lifts) expect(outcome.code.startsWith('__workflow__ = ')).toBe(true);
      }
    });
  }

});
