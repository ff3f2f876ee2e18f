import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/index.js';
import { firstDifference } from '../../src/plist/equal.js';
import { data, type PlistValue } from '../../src/plist/value.js';
import { action, control, d, int, real, roundTrip, shortcut, text } from '../support/shortcut-build.js';

describe('workflow metadata', () => {
  it('types every known top-level key', () => {
    const { workflow } = roundTrip(
      d({
        WFQuickActionSurfaces: ['Finder'],
        WFWorkflowActions: [],
        WFWorkflowClientRelease: '2.0',
        WFWorkflowClientVersion: '1146.11.1',
        WFWorkflowHasOutputFallback: false,
        WFWorkflowHasShortcutInputVariables: true,
        WFWorkflowIcon: d({
          WFWorkflowIconGlyphNumber: int(59511),
          WFWorkflowIconImageData: data(new Uint8Array([9])),
          WFWorkflowIconStartColor: int(-1263359489),
        }),
        WFWorkflowImportQuestions: [
          d({ ActionIndex: int(2), Category: 'Parameter', DefaultValue: real(1.5), ParameterKey: 'WFInput', Text: 'How many?' }),
        ],
        WFWorkflowInputContentItemClasses: ['WFStringContentItem'],
        WFWorkflowMinimumClientVersion: int(900),
        WFWorkflowMinimumClientVersionString: '900',
        WFWorkflowName: 'Test',
        WFWorkflowNoInputBehavior: d({ Name: 'WFWorkflowNoInputBehaviorGetClipboard', Parameters: d({}) }),
        WFWorkflowOutputContentItemClasses: [],
        WFWorkflowTypes: ['NCWidget', 'WatchKit'],
      }),
    );
    const m = workflow.metadata;
    expect(m).toMatchObject({
      clientVersion: '1146.11.1',
      clientRelease: '2.0',
      minimumClientVersion: 900n,
      minimumClientVersionString: '900',
      types: ['NCWidget', 'WatchKit'],
      quickActionSurfaces: ['Finder'],
      inputContentItemClasses: ['WFStringContentItem'],
      outputContentItemClasses: [],
      hasOutputFallback: false,
      hasShortcutInputVariables: true,
      name: 'Test',
      extra: [],
    });
    expect(m.keyOrder).toBeUndefined();
    expect(m.icon).toMatchObject({ startColor: -1263359489n, glyphNumber: 59511n, extra: [] });
    expect(m.importQuestions).toEqual([
      { actionIndex: 2n, category: 'Parameter', defaultValue: { kind: 'real', value: 1.5 }, parameterKey: 'WFInput', text: 'How many?', extra: [] },
    ]);
  });

  it('keeps unknown, misspelled and mistyped keys verbatim, and the file order', () => {
    const { workflow } = roundTrip(
      d([
        ['WFWorkflowClientVersion', int(7)],
        ['WFWorkflowActions', []],
        ['WFWorkflowClientRelese', '2.1'],
        ['WFWorkflowIcon', d([['WFWorkflowIconStartColor', int(1)], ['WFWorkflowIconEndColor', int(2)], ['WFWorkflowIconGlyphNumber', 'x']])],
        ['WFWorkflowTypes', ['ok', int(1)]],
        ['WFWorkflowImportQuestions', ['not a dictionary']],
      ]),
    );
    const m = workflow.metadata;
    expect(m.clientVersion).toBeUndefined();
    expect(m.extra.map((e) => e.key)).toEqual(['WFWorkflowClientVersion', 'WFWorkflowClientRelese', 'WFWorkflowTypes', 'WFWorkflowImportQuestions']);
    expect(m.icon?.extra.map((e) => e.key)).toEqual(['WFWorkflowIconEndColor', 'WFWorkflowIconGlyphNumber']);
    expect(m.keyOrder).toBeDefined();
  });

  it('keeps extra keys on actions and a parameters-first key order', () => {
    const { workflow } = roundTrip(
      shortcut([
        d([
          ['WFWorkflowActionParameters', d({ UUID: 'U', WFInput: text('x') })],
          ['WFWorkflowActionIdentifier', 'is.workflow.actions.gettext'],
          ['SCPLData', d({ Shaped: true })],
        ]),
      ]),
    );
    const statement = workflow.body[0]!;
    if (statement.kind !== 'action') throw new Error(statement.kind);
    expect(statement.actionKeyOrder).toEqual(['WFWorkflowActionParameters', 'WFWorkflowActionIdentifier', 'SCPLData']);
    expect(statement.extraKeys.map((e) => e.key)).toEqual(['SCPLData']);
    expect(statement.outputUuid).toBe('U');
  });

  it('keeps a non-string UUID or CustomOutputName as an ordinary parameter', () => {
    const { workflow } = roundTrip(shortcut([action('x', { CustomOutputName: int(1), UUID: int(2) })]));
    const statement = workflow.body[0]!;
    expect(statement.kind === 'action' && statement.parameters.map((p) => p.key)).toEqual(['CustomOutputName', 'UUID']);
  });
});

describe('input that is not a workflow', () => {
  it.each<[string, PlistValue]>([
    ['a string', 'hello'],
    ['an array', []],
    ['a dictionary without actions', d({ WFWorkflowClientVersion: '1' })],
    ['actions that are not an array', d({ WFWorkflowActions: 'x' })],
  ])('%s fails with SC3001', (_label, plist) => {
    const lifted = liftWorkflow(plist);
    expect(lifted.ok).toBe(false);
    expect(lifted.diagnostics.map((x) => [x.code, x.severity])).toEqual([['SC3001', 'error']]);
  });

  it('a parameter nested beyond the limit fails with SC3002 at that parameter', () => {
    let deep: PlistValue = 'x';
    for (let i = 0; i < 100_000; i++) deep = d({ k: deep });
    const lifted = liftWorkflow(shortcut([action('a'), action('b', { Deep: deep })]));
    expect(lifted.ok).toBe(false);
    expect(lifted.diagnostics.map((x) => [x.code, x.location])).toEqual([
      ['SC3002', { kind: 'plist', path: ['WFWorkflowActions', 1, 'WFWorkflowActionParameters', 'Deep'] }],
    ]);
  });
});

/** Hostile and random shapes: lifting never throws and lowering always gives the input back. */
describe('lifting arbitrary plists', () => {
  const leaf = fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map((v) => int(v)),
    fc.double().map((v) => real(v)),
    fc.constantFrom<PlistValue>('\uFFFC', '{0, 1}', 'ActionOutput', 'Variable', 'WFTextTokenString', 'WFTextTokenAttachment'),
  );
  const keys = fc.constantFrom(
    'Type',
    'Value',
    'WFSerializationType',
    'OutputUUID',
    'OutputName',
    'VariableName',
    'Aggrandizements',
    'string',
    'attachmentsByRange',
    '{0, 1}',
    '{1, 1}',
    'WFDictionaryFieldValueItems',
    'WFItemType',
    'WFKey',
    'WFValue',
    'Magnitude',
    'Unit',
    'UUID',
    'GroupingIdentifier',
    'WFControlFlowMode',
    'WFWorkflowActionIdentifier',
    'WFWorkflowActionParameters',
    'x',
  );
  const { value } = fc.letrec<{ value: PlistValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.uniqueArray(fc.tuple(keys, tie('value')), { maxLength: 5, selector: (e) => e[0] }).map((entries) => d(entries)),
    ),
  }));
  const controlAction = fc
    .record({
      kind: fc.constantFrom('if', 'menu', 'count', 'each') as fc.Arbitrary<'if' | 'menu' | 'count' | 'each'>,
      group: fc.constantFrom('A', 'B', 'C'),
      mode: fc.oneof(fc.constantFrom(0, 1, 2, 1, 2), fc.constant(undefined), fc.constant(7)),
      uuid: fc.option(fc.constantFrom('U1', 'U2'), { nil: undefined }),
    })
    .map(({ kind, group, mode, uuid }) => control(kind, group, mode, uuid === undefined ? {} : { UUID: uuid }));
  const entry = fc.oneof(
    controlAction,
    controlAction,
    value,
    fc.dictionary(keys, value, { maxKeys: 4 }).map((params) => action('is.workflow.actions.x', Object.entries(params))),
  );

  it('round-trips random workflows, control flow and values (key order included)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), fc.array(fc.tuple(keys, value), { maxLength: 3 }), (actions, top) => {
        const plist = d([...top, ['WFWorkflowActions', actions]]);
        const lifted = liftWorkflow(plist);
        expect(lifted.ok).toBe(true);
        if (!lifted.ok) return;
        expect(firstDifference(plist, lowerWorkflow(lifted.value), { keyOrder: true })).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});

describe('lowering IR built by hand', () => {
  it('never throws on values a plist writer would refuse; the writer reports them', async () => {
    const { writeBinaryPlist } = await import('../../src/plist/binary-writer.js');
    const plist = lowerWorkflow({
      metadata: { extra: [] },
      body: [
        {
          kind: 'action',
          identifier: 'x',
          parameters: [
            { key: 'Big', value: { kind: 'integer', value: 2n ** 70n } },
            { key: 'Items', value: { kind: 'dictionary', items: [{ itemType: 1.5, extra: [] }] } },
          ],
          extraKeys: [],
        },
      ],
    });
    const written = writeBinaryPlist(plist);
    expect(written.ok).toBe(false);
    expect(written.diagnostics.length).toBeGreaterThan(0);
  });
});
