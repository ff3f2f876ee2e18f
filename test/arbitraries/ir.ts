import fc from 'fast-check';
import type {
  ActionCore,
  Aggrandizement,
  ArrayStateItem,
  ControlPart,
  DictionaryItem,
  Entry,
  ImportQuestion,
  RawActionStatement,
  Statement,
  TextPart,
  Value,
  VariableReference,
  VariableSource,
  Workflow,
  WorkflowIcon,
  WorkflowMetadata,
} from '../../src/ir/types.js';
import { parseActionEntry } from '../../src/lift/actions.js';
import { lowerValue } from '../../src/lift/lower-values.js';
import type { PlistValue } from '../../src/plist/value.js';

/**
 * fast-check arbitraries for IR workflows, for every issue that speaks the IR.
 *
 * They generate IR in the normal form lifting produces for IR built from code:
 * no layout fields (`keyOrder`, `parameterOrder`, `actionKeyOrder`, `layout`),
 * text parts merged (no empty or adjacent literal runs), maps whose keys cannot
 * be mistaken for a wrapper or an attachment, verbatim `extra` keys that do
 * not repeat typed keys, plain actions that are not control-flow actions. For
 * such IR `liftWorkflow(lowerWorkflow(w))` gives `w` back.
 */

export interface IrArbitraryOptions {
  /** Maximum block nesting (default 3). */
  readonly maxDepth?: number;
  /** Maximum statements per body (default 4). */
  readonly maxStatements?: number;
}

/** Text with astral characters, U+FFFC and line breaks among ordinary ones. */
export const irString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('😀', '𝄞', '\uFFFC', 'a\uFFFCb', '\r\n', 'é', '👩‍👩‍👧', '') },
);

const nonEmptyString = fc.string({ minLength: 1, maxLength: 10 });
const uuid = fc.uuid().map((u) => u.toUpperCase());
/**
 * Output UUIDs and the UUIDs references point at: mostly fresh, sometimes
 * from a small pool, so that references reach real outputs (End outputs
 * bound by `x = _` among them) and a few UUIDs are shared.
 */
const UUID_POOL = ['00000000-0000-4000-8000-0000000000A1', '00000000-0000-4000-8000-0000000000A2', '00000000-0000-4000-8000-0000000000A3'];
const outputUuid = fc.oneof({ weight: 3, arbitrary: uuid }, { weight: 1, arbitrary: fc.constantFrom(...UUID_POOL) });
/** Keys for verbatim `extra` entries and plain maps: never a typed key, never `Type` or a wrapper key. */
const extraKey = fc.string({ minLength: 1, maxLength: 8 }).map((s) => `X${s}`);
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n });

/** Small plist values that hold no reference (for verbatim `extra` entries). */
export const plainPlist: fc.Arbitrary<PlistValue> = fc.oneof(
  irString,
  fc.boolean(),
  int64.map((value): PlistValue => ({ kind: 'integer', value })),
  fc.double().map((value): PlistValue => ({ kind: 'real', value })),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

function uniqueEntries<V>(value: fc.Arbitrary<V>, maxLength = 3): fc.Arbitrary<Entry<V>[]> {
  return fc
    .uniqueArray(fc.tuple(extraKey, value), { maxLength, selector: (e) => e[0] })
    .map((pairs) => pairs.map(([key, v]) => ({ key, value: v })));
}

const KNOWN_SOURCES = ['ActionOutput', 'Variable', 'ExtensionInput', 'Ask', 'Clipboard', 'CurrentDate', 'DeviceDetails', 'Input'];

export const variableSource: fc.Arbitrary<VariableSource> = fc.oneof(
  fc.record({ kind: fc.constant('actionOutput' as const), outputUuid, outputName: fc.option(nonEmptyString, { nil: undefined }) }).map(dropUndefined),
  fc.record({ kind: fc.constant('variable' as const), name: nonEmptyString, variableUuid: fc.option(uuid, { nil: undefined }) }).map(dropUndefined),
  fc.constantFrom<VariableSource>(
    { kind: 'shortcutInput' },
    { kind: 'ask' },
    { kind: 'clipboard' },
    { kind: 'currentDate' },
    { kind: 'deviceDetails' },
    { kind: 'input' },
  ),
  nonEmptyString.filter((t) => !KNOWN_SOURCES.includes(t)).map((type): VariableSource => ({ kind: 'other', type })),
);

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const typedAggrandizement: fc.Arbitrary<Aggrandizement> = fc.oneof(
  fc.record({ kind: fc.constant('coercion' as const), itemClass: fc.constantFrom('WFDictionaryContentItem', 'WFStringContentItem', 'WFNumberContentItem'), extra: uniqueEntries(plainPlist, 1) }),
  fc.record({ kind: fc.constant('dictionaryKey' as const), key: irString, extra: uniqueEntries(plainPlist, 1) }),
  fc.record({ kind: fc.constant('property' as const), name: fc.constantFrom('Name', 'File Extension', 'Width'), extra: uniqueEntries(plainPlist, 1) }),
  // A PropertyUserInfo as Shortcuts writes it, the one `x.Name` derives or another (dialect §6.2.1).
  fc
    .record({
      name: fc.constantFrom('Name', 'File Extension', 'File Size', 'Artist'),
      info: fc.constantFrom<PlistValue>('WFItemName', 'WFFileExtensionProperty', 'artist', { kind: 'integer', value: 14n }),
      extra: uniqueEntries(plainPlist, 1),
    })
    .map(({ name, info, extra }): Aggrandizement => ({ kind: 'property', name, extra: [{ key: 'PropertyUserInfo', value: info }, ...extra] })),
  fc.record({ kind: fc.constant('dateFormat' as const), fields: uniqueEntries(plainPlist, 3) }),
  fc.record({ kind: fc.constant('unit' as const), fields: uniqueEntries(plainPlist, 2) }),
);

/** Text parts in normal form: no empty literal runs, no two runs side by side. */
export function normalizeText(parts: readonly TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + part;
      else out.push(part);
    } else {
      out.push(part);
    }
  }
  return out;
}

const SERIALIZED_TYPES = [
  'WFTimeOffsetValue',
  'WFContactFieldValue',
  'WFContentPredicateTableTemplate',
  'WFNumberSubstitutableState',
  'WFTokenAttachmentParameterState',
  'WFStringSubstitutableState',
  'WFLinkDynamicOptionSubstitutableState',
];

interface ValueArbitraries {
  value: Value;
  reference: VariableReference;
  display: Value;
}

/** Values of every kind, variables with aggrandizement chains, nested to a small depth. */
export const { value: irValue, reference: variableReference } = fc.letrec<ValueArbitraries>((tie) => {
  const value = tie('value') as fc.Arbitrary<Value>;
  const reference = tie('reference') as fc.Arbitrary<VariableReference>;
  const display = tie('display') as fc.Arbitrary<Value>;
  const otherAggrandizement = fc
    .record({ type: nonEmptyString.map((s) => `WFCustom${s}Aggrandizement`), extra: uniqueEntries(value, 2) })
    .map(
      ({ type, extra }): Aggrandizement => ({
        kind: 'other',
        value: { kind: 'map', entries: [{ key: 'Type', value: { kind: 'string', value: type } }, ...extra] },
      }),
    );
  const aggrandizements = fc.array(fc.oneof({ weight: 4, arbitrary: typedAggrandizement }, { weight: 1, arbitrary: otherAggrandizement }), {
    maxLength: 4,
  });
  const bareSource = variableSource.filter((s) => s.kind !== 'other');
  const referenceWith = (sources: fc.Arbitrary<VariableSource>): fc.Arbitrary<VariableReference> =>
    fc.record({ source: sources, aggrandizements, emptyKey: fc.boolean(), extra: uniqueEntries(value, 1) }).map(
      ({ source, aggrandizements: list, emptyKey, extra }): VariableReference => ({
        source,
        aggrandizements: list,
        hasAggrandizementsKey: list.length > 0 || emptyKey,
        extra,
      }),
    );
  const dictionaryItem: fc.Arbitrary<DictionaryItem> = fc
    .record({
      itemType: fc.integer({ min: 0, max: 5 }),
      key: fc.option(value, { nil: undefined }),
      value: fc.option(value, { nil: undefined }),
      extra: uniqueEntries(plainPlist, 1),
    })
    .map(dropUndefined);
  const arrayStateItem: fc.Arbitrary<ArrayStateItem> = fc.oneof(
    value.filter((v) => v.kind !== 'map').map((v): ArrayStateItem => ({ kind: 'plain', value: v })),
    fc.record({ kind: fc.constant('typed' as const), itemType: fc.integer({ min: 0, max: 5 }), value, extra: uniqueEntries(plainPlist, 1) }),
  );
  // Dictionaries in the shapes Shortcuts writes (the display of dialect §6.5): random items above rarely have them.
  const textOf = (parts: readonly TextPart[], key: boolean): Value => {
    const normal = normalizeText(parts);
    return { kind: 'text', parts: normal, hasAttachmentsKey: key || normal.some((p) => typeof p !== 'string') };
  };
  const displayText = fc
    .record({ parts: fc.array(fc.oneof({ weight: 3, arbitrary: irString }, { weight: 1, arbitrary: reference }), { maxLength: 3 }), key: fc.boolean() })
    .map(({ parts, key }) => textOf(parts, key));
  const displayString = fc.oneof(
    { weight: 4, arbitrary: displayText },
    { weight: 1, arbitrary: irString.map((v): Value => ({ kind: 'string', value: v })) },
  );
  // A key of any kind: where the display's spellings cannot say it, it is written in the value grammar.
  const displayKey = fc.oneof({ weight: 6, arbitrary: displayString }, { weight: 1, arbitrary: value });
  const numberText = fc.stringMatching(/^-?(0|[1-9][0-9]{0,3})(\.[0-9]{1,3})?$/);
  const numberValue = fc.record({ text: numberText, key: fc.boolean() }).map(({ text, key }) => textOf([text], key));
  const arrayItem: fc.Arbitrary<ArrayStateItem> = fc.oneof(
    { weight: 2, arbitrary: irString.map((v): ArrayStateItem => ({ kind: 'plain', value: { kind: 'string', value: v } })) },
    { weight: 2, arbitrary: displayText.map((v): ArrayStateItem => ({ kind: 'typed', itemType: 0, value: v, extra: [] })) },
    { weight: 2, arbitrary: numberValue.map((v): ArrayStateItem => ({ kind: 'typed', itemType: 3, value: v, extra: [] })) },
    // Items the array spellings cannot say (written as their dictionary) and plain dictionaries.
    { weight: 1, arbitrary: arrayStateItem },
  );
  const displayItem: fc.Arbitrary<DictionaryItem> = fc.oneof(
    { maxDepth: 2 },
    // An item the item grammar cannot say (written in place as its own dictionary), under any key.
    fc.record({ key: displayKey, item: dictionaryItem }).map(({ key, item }): DictionaryItem => ({ ...item, key })),
    fc.record({ key: displayKey, value: displayString }).map(({ key, value: v }): DictionaryItem => ({ itemType: 0, key, value: v, extra: [] })),
    fc.record({ key: displayString, value: numberValue }).map(({ key, value: v }): DictionaryItem => ({ itemType: 3, key, value: v, extra: [] })),
    fc.record({ key: displayString, flag: fc.boolean() }).map(
      ({ key, flag }): DictionaryItem => ({ itemType: 4, key, value: { kind: 'serialized', serializationType: 'WFNumberSubstitutableState', value: { kind: 'boolean', value: flag } }, extra: [] }),
    ),
    fc.record({ key: displayString, inner: display }).map(
      ({ key, inner }): DictionaryItem => ({ itemType: 1, key, value: { kind: 'serialized', serializationType: 'WFDictionaryFieldValue', value: inner }, extra: [] }),
    ),
    fc.record({ key: displayString, items: fc.array(arrayItem, { maxLength: 3 }) }).map(
      ({ key, items }): DictionaryItem => ({ itemType: 2, key, value: { kind: 'arrayState', items }, extra: [] }),
    ),
  );
  return {
    display: fc.array(displayItem, { maxLength: 3 }).map((items): Value => ({ kind: 'dictionary', items })),
    reference: referenceWith(variableSource),
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      irString.map((v): Value => ({ kind: 'string', value: v })),
      int64.map((v): Value => ({ kind: 'integer', value: v })),
      fc.double().map((v): Value => ({ kind: 'real', value: v })),
      fc.boolean().map((v): Value => ({ kind: 'boolean', value: v })),
      fc.double({ noNaN: true, min: -1e10, max: 1e10 }).map((v): Value => ({ kind: 'date', secondsSince2001: v })),
      fc.uint8Array({ maxLength: 6 }).map((v): Value => ({ kind: 'data', bytes: v })),
      fc.nat({ max: 1000 }).map((v): Value => ({ kind: 'raw', value: { kind: 'uid', value: v } })),
      fc.array(value, { maxLength: 3 }).map((items): Value => ({ kind: 'list', items })),
      uniqueEntries(value, 3).map((entries): Value => ({ kind: 'map', entries })),
      fc
        .record({ parts: fc.array(fc.oneof(irString, reference), { maxLength: 5 }), key: fc.boolean() })
        .map(({ parts, key }): Value => {
          const normal = normalizeText(parts);
          return { kind: 'text', parts: normal, hasAttachmentsKey: key || normal.some((p) => typeof p !== 'string') };
        }),
      reference.map((variable): Value => ({ kind: 'variable', variable })),
      referenceWith(bareSource).map((variable): Value => ({ kind: 'attachment', variable })),
      fc.array(dictionaryItem, { maxLength: 3 }).map((items): Value => ({ kind: 'dictionary', items })),
      display,
      fc.array(arrayStateItem, { maxLength: 3 }).map((items): Value => ({ kind: 'arrayState', items })),
      fc
        .record({ kind: fc.constant('quantity' as const), magnitude: fc.option(value, { nil: undefined }), unit: fc.option(nonEmptyString, { nil: undefined }) })
        .map((q) => dropUndefined(q) as Value),
      fc.record({ type: fc.constantFrom(...SERIALIZED_TYPES), value }).map(({ type, value: v }): Value => ({ kind: 'serialized', serializationType: type, value: v })),
    ),
  };
});

const RESERVED_PARAMETERS = new Set(['UUID', 'CustomOutputName', 'GroupingIdentifier', 'WFControlFlowMode']);
const parameterKey = fc.oneof(
  fc.constantFrom('WFInput', 'WFCondition', 'WFMenuItemTitle', 'WFTextActionText', 'Show-text', 'WFRepeatCount', 'text'),
  fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !RESERVED_PARAMETERS.has(k)),
);

/** The parts every flat action shares. */
export const actionCore: fc.Arbitrary<ActionCore> = fc
  .record({
    parameters: fc.uniqueArray(fc.tuple(parameterKey, irValue), { maxLength: 4, selector: (e) => e[0] }),
    outputUuid: fc.option(outputUuid, { nil: undefined }),
    customOutputName: fc.option(nonEmptyString, { nil: undefined }),
    extraKeys: uniqueEntries(plainPlist, 1).map((entries) => entries.filter((e) => !e.key.startsWith('WFWorkflowAction'))),
  })
  .map(({ parameters, ...rest }) => dropUndefined({ ...rest, parameters: parameters.map(([key, value]) => ({ key, value })) }));

const CONTROL_IDENTIFIERS = new Set([
  'is.workflow.actions.conditional',
  'is.workflow.actions.choosefrommenu',
  'is.workflow.actions.repeat.count',
  'is.workflow.actions.repeat.each',
]);
const identifier = fc.oneof(
  fc.constantFrom('is.workflow.actions.gettext', 'is.workflow.actions.showresult', 'is.workflow.actions.setvariable', 'com.vendor.App.SomeIntent'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((id) => !CONTROL_IDENTIFIERS.has(id)),
);

/** An entry that is not an action dictionary, with the reason lifting gives it. */
const rawStatement: fc.Arbitrary<RawActionStatement> = fc
  .oneof(
    irString.map((v): Value => ({ kind: 'string', value: v })),
    uniqueEntries(irValue, 2).map((entries): Value => ({ kind: 'map', entries })),
  )
  .map((action): RawActionStatement => {
    const parsed = parseActionEntry(lowerValue(action), 0);
    return { kind: 'raw', action, reason: parsed.kind === 'unparsed' ? parsed.reason : 'unreachable' };
  });

/** Set Variable in the sugar's shape (`X = varexpr`, `X = coerce_variable(…)`, `X = ...`), or near it. */
const setVariable: fc.Arbitrary<Statement> = fc
  .record({ name: nonEmptyString, input: fc.option(variableReference, { nil: undefined }) })
  .map(({ name, input }): Statement => ({
    kind: 'action',
    identifier: 'is.workflow.actions.setvariable',
    parameters: [...(input === undefined ? [] : [{ key: 'WFInput', value: { kind: 'variable', variable: input } as Value }]), { key: 'WFVariableName', value: { kind: 'string', value: name } }],
    extraKeys: [],
  }));

/** Statement lists with blocks nested up to `maxDepth`. */
export function statements(options: IrArbitraryOptions = {}): fc.Arbitrary<Statement[]> {
  const maxDepth = options.maxDepth ?? 3;
  const maxStatements = options.maxStatements ?? 4;
  const memo = new Map<number, fc.Arbitrary<Statement[]>>();
  const bodyAt = (depth: number): fc.Arbitrary<Statement[]> => {
    const cached = memo.get(depth);
    if (cached !== undefined) return cached;
    const plain = fc.oneof(
      { weight: 6, arbitrary: fc.record({ identifier, core: actionCore }).map(({ identifier: id, core }): Statement => ({ kind: 'action', identifier: id, ...core })) },
      { weight: 1, arbitrary: rawStatement },
      { weight: 1, arbitrary: setVariable },
    );
    const statement =
      depth >= maxDepth
        ? plain
        : fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: block(depth + 1) }, { weight: 2, arbitrary: structuredBlock(depth + 1) });
    const body = fc.array(statement, { maxLength: maxStatements });
    memo.set(depth, body);
    return body;
  };
  const block = (depth: number): fc.Arbitrary<Statement> => {
    const inner = fc.constant(null).chain(() => bodyAt(depth));
    const common = {
      groupingIdentifier: uuid,
      start: actionCore,
      end: actionCore,
      implicit: fc.boolean(),
    };
    const withImplicit = <T extends { implicit: boolean }>({ implicit, ...rest }: T): Omit<T, 'implicit'> & { startModeImplicit?: true } =>
      implicit ? { ...rest, startModeImplicit: true } : rest;
    return fc.oneof(
      fc
        .record({ ...common, then: inner, otherwise: fc.option(fc.record({ part: actionCore, body: inner }), { nil: undefined }) })
        .map((r): Statement => dropUndefined({ kind: 'if', ...withImplicit(r) })),
      fc
        .record({ ...common, cases: fc.array(fc.record({ part: actionCore, body: inner }), { maxLength: 3 }) })
        .map((r): Statement => ({ kind: 'menu', ...withImplicit(r) })),
      fc.record({ ...common, body: inner }).map((r): Statement => ({ kind: 'repeatCount', ...withImplicit(r) })),
      fc.record({ ...common, body: inner }).map((r): Statement => ({ kind: 'repeatEach', ...withImplicit(r) })),
    );
  };
  /**
   * Blocks whose start and middle parts a Python block can say (dialect
   * §9.1): no UUID and no extra keys on them, a bare Otherwise, a repeat's
   * start with its one parameter or none; their Ends vary (UUID or not,
   * parameters, CustomOutputName, extra keys: §9.6), and so do menus (title
   * cases with `input(…)`, or explicit parts) and start modes.
   */
  const structuredBlock = (depth: number): fc.Arbitrary<Statement> => {
    const inner = fc.constant(null).chain(() => bodyAt(depth));
    const bare: ControlPart = { parameters: [], extraKeys: [] };
    const opening = actionCore.map(({ outputUuid: _uuid, extraKeys: _extra, ...rest }): ControlPart => ({ ...rest, extraKeys: [] }));
    const end = fc.oneof(
      { weight: 3, arbitrary: fc.option(outputUuid, { nil: undefined }).map((u): ControlPart => (u === undefined ? bare : { ...bare, outputUuid: u })) },
      { weight: 1, arbitrary: actionCore },
    );
    const common = { groupingIdentifier: uuid, end, implicit: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) };
    const withImplicit = <T extends { implicit: boolean }>({ implicit, ...rest }: T): Omit<T, 'implicit'> & { startModeImplicit?: true } =>
      implicit ? { ...rest, startModeImplicit: true } : rest;
    const only = (key: string): fc.Arbitrary<ControlPart> =>
      fc.option(irValue, { nil: undefined }).map((v): ControlPart => (v === undefined ? bare : { parameters: [{ key, value: v }], extraKeys: [] }));
    const titled = fc
      .record({ titles: fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }), prompt: fc.option(irValue, { nil: undefined }), bodies: fc.array(inner, { minLength: 3, maxLength: 3 }) })
      .map(({ titles, prompt, bodies }) => ({
        start: {
          parameters: [{ key: 'WFMenuItems', value: { kind: 'list', items: titles.map((t): Value => ({ kind: 'string', value: t })) } as Value }, ...(prompt === undefined ? [] : [{ key: 'WFMenuPrompt', value: prompt }])],
          extraKeys: [],
        } as ControlPart,
        cases: titles.map((t, i) => ({ part: { parameters: [{ key: 'WFMenuItemTitle', value: { kind: 'string', value: t } as Value }], extraKeys: [] } as ControlPart, body: bodies[i]! })),
      }));
    const explicitMenu = fc.record({ start: opening, cases: fc.array(fc.record({ part: opening, body: inner }), { minLength: 1, maxLength: 3 }) });
    return fc.oneof(
      fc
        .record({ ...common, start: opening, then: inner, otherwise: fc.option(fc.record({ part: fc.constant(bare), body: inner }), { nil: undefined }) })
        .map((r): Statement => dropUndefined({ kind: 'if', ...withImplicit(r) })),
      fc.record({ ...common, menu: fc.oneof(titled, explicitMenu) }).map(({ menu, ...r }): Statement => ({ kind: 'menu', ...withImplicit(r), ...menu })),
      fc.record({ ...common, start: only('WFRepeatCount'), body: inner }).map((r): Statement => ({ kind: 'repeatCount', ...withImplicit(r) })),
      fc.record({ ...common, start: only('WFInput'), body: inner }).map((r): Statement => ({ kind: 'repeatEach', ...withImplicit(r) })),
    );
  };
  return bodyAt(0);
}

const icon: fc.Arbitrary<WorkflowIcon> = fc
  .record({
    startColor: fc.option(int64, { nil: undefined }),
    glyphNumber: fc.option(fc.bigInt({ min: 0n, max: 70000n }), { nil: undefined }),
    imageData: fc.option(fc.uint8Array({ maxLength: 8 }), { nil: undefined }),
    extra: uniqueEntries(plainPlist, 1),
  })
  .map(dropUndefined);

const importQuestion: fc.Arbitrary<ImportQuestion> = fc
  .record({
    actionIndex: fc.option(fc.bigInt({ min: 0n, max: 100n }), { nil: undefined }),
    category: fc.option(fc.constantFrom('Parameter'), { nil: undefined }),
    parameterKey: fc.option(parameterKey, { nil: undefined }),
    text: fc.option(irString, { nil: undefined }),
    defaultValue: fc.option(plainPlist, { nil: undefined }),
    extra: uniqueEntries(plainPlist, 1),
  })
  .map(dropUndefined);

const stringList = fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 });

export const workflowMetadata: fc.Arbitrary<WorkflowMetadata> = fc
  .record({
    clientVersion: fc.option(fc.constantFrom('2038.0.2.4', '1146.11.1'), { nil: undefined }),
    clientRelease: fc.option(fc.constantFrom('2.0', '2.1.2'), { nil: undefined }),
    minimumClientVersion: fc.option(fc.bigInt({ min: 0n, max: 3000n }), { nil: undefined }),
    minimumClientVersionString: fc.option(fc.constantFrom('900', '1106'), { nil: undefined }),
    icon: fc.option(icon, { nil: undefined }),
    importQuestions: fc.option(fc.array(importQuestion, { maxLength: 2 }), { nil: undefined }),
    types: fc.option(stringList, { nil: undefined }),
    quickActionSurfaces: fc.option(stringList, { nil: undefined }),
    inputContentItemClasses: fc.option(stringList, { nil: undefined }),
    outputContentItemClasses: fc.option(stringList, { nil: undefined }),
    hasOutputFallback: fc.option(fc.boolean(), { nil: undefined }),
    hasShortcutInputVariables: fc.option(fc.boolean(), { nil: undefined }),
    noInputBehavior: fc.option(plainPlist, { nil: undefined }),
    name: fc.option(irString, { nil: undefined }),
    extra: uniqueEntries(plainPlist, 2),
  })
  .map(dropUndefined);

/** Whole workflows: metadata and a statement tree. */
export function irWorkflow(options: IrArbitraryOptions = {}): fc.Arbitrary<Workflow> {
  return fc.record({ metadata: workflowMetadata, body: statements(options) });
}
