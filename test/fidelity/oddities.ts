/**
 * A generator of real-world-plausible odd shortcuts, for round-trip fidelity
 * (test/fidelity/oddities.property.test.ts). Not random mutation: every
 * shortcut is built from the shapes real generators write (Shortcuts of
 * several versions, the Workflow app, third-party tools that add keys), with
 * oddities placed on purpose:
 *
 *  - identifiers everywhere they can stand: action `UUID`s, `OutputUUID`s,
 *    `GroupingIdentifier`s and `VariableUUID`s drawn from one small pool per
 *    shortcut (so the same string recurs: shared UUIDs, a UUID reused as a
 *    GroupingIdentifier or a VariableUUID, dangling references), upper and
 *    lower case, UUID-looking text that is ordinary text, and identifiers
 *    in the header (import questions' `DefaultValue`,
 *    `WFWorkflowNoInputBehavior`, unknown keys, icon keys), in raw entries,
 *    in extra action keys (`SCPLData`), in unknown wrappers, in
 *    aggrandizement extras, in dictionary keys;
 *  - odd key sets on every typed shape (token strings, attachments,
 *    aggrandizements, dictionary items, array items, quantities);
 *  - control flow: every `WFControlFlowMode` (absent, 0–2, out of range, a
 *    string), shared, missing and non-string GroupingIdentifiers, unclosed
 *    and unopened groups, UUIDs, parameters, `CustomOutputName` and extra
 *    keys on every part, menus whose items do not match their cases;
 *  - empty, missing and mistyped parameter dictionaries, non-dictionary
 *    entries.
 *
 * Each shortcut is a plain plist value (`PlistDict`), as a reader returns it.
 */
import fc from 'fast-check';
import { data, date, integer, real, uid, type PlistDict, type PlistValue } from '../../src/plist/value.js';

type Arb<T> = fc.Arbitrary<T>;
type Pairs = [string, PlistValue][];

const d = (entries: readonly (readonly [string, PlistValue])[]): PlistDict => new Map(entries);
const wrap = (type: string, value: PlistValue): PlistDict =>
  d([
    ['Value', value],
    ['WFSerializationType', type],
  ]);

// ─── Identifiers ─────────────────────────────────────────────────────────────

const hex = (n: number): Arb<string> => fc.array(fc.constantFrom(...'0123456789ABCDEF'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const upperUuid: Arb<string> = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((p) => p.join('-'));

/** Strings real files put where an identifier goes besides fresh UUIDs: other files' UUIDs (either case) and odd strings. */
const poolIdentifier: Arb<string> = fc.oneof(
  { weight: 6, arbitrary: upperUuid },
  { weight: 2, arbitrary: upperUuid.map((u) => u.toLowerCase()) },
  { weight: 1, arbitrary: fc.constantFrom('', 'UUID', '1', 'x-y', '{0, 1}', '00000000-0000-0000-0000-000000000000', 'Repeat Item') },
);

/**
 * What the shape generators draw from. Identifiers are placeholders first
 * (`marker`), resolved once the whole shortcut exists (`resolveIdentifiers`):
 * each action `UUID` and each group's `GroupingIdentifier` fresh, each
 * reference pointing at one of the shortcut's actions, each variable with
 * one `VariableUUID` — as Shortcuts writes them — while an odd decision
 * (one in `odd`) puts a string of the shared `ids` pool there instead, so
 * strings recur across slots and kinds: shared UUIDs, a UUID reused as a
 * GroupingIdentifier, dangling references, identifiers in the header.
 */
interface Pool {
  readonly ids: readonly string[];
  /** One odd decision in this many. */
  readonly odd: number;
}

/** `arb` one time in `oneIn`, else undefined (fast-check's `option` takes the odds of nil, the other way round). */
const rarely = <T>(arb: Arb<T>, oneIn: number): Arb<T | undefined> => fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** The regular shape, or one time in `pool.odd` the odd one. */
const oddly = <A, B>(pool: Pool, regular: Arb<A>, odd: Arb<B>): Arb<A | B> => fc.oneof({ weight: pool.odd - 1, arbitrary: regular as Arb<A | B> }, { weight: 1, arbitrary: odd as Arb<A | B> });
/** An odd addition, one time in `pool.odd`. */
const oddAddition = <T>(pool: Pool, arb: Arb<T>): Arb<T | undefined> => rarely(arb, pool.odd);

const pick = (pool: Pool): Arb<string> => fc.nat({ max: pool.ids.length - 1 }).map((i) => pool.ids[i]!);

const MARK = '\u0000oddities:';
const marker = (kind: 'uuid' | 'ref' | 'group' | 'var', tag: string | number): string => `${MARK}${kind}:${tag}`;

/** An action's `UUID`: fresh, or (odd) a pool string. */
const actionUuid = (pool: Pool): Arb<string> => oddly(pool, fc.nat().map((n) => marker('uuid', n)), pick(pool));
/** A reference's `OutputUUID`: one of the shortcut's actions, or (odd) a pool string. */
const referenceUuid = (pool: Pool): Arb<string> => oddly(pool, fc.nat().map((n) => marker('ref', n)), pick(pool));
/** A group's `GroupingIdentifier`: fresh, or (odd) a pool string. */
const groupIdentifier = (pool: Pool): Arb<string> => oddly(pool, fc.nat().map((n) => marker('group', n)), pick(pool));
/** A named variable's `VariableUUID`: the variable's own, or (odd) a pool string. */
const variableUuid = (pool: Pool, name: string): Arb<string> => oddly(pool, fc.constant(marker('var', name)), pick(pool));

/** A fresh identifier, numbered: the n-th of a shortcut. */
function freshIdentifier(n: number, lowerCase: boolean): string {
  const digits = n.toString(16).toUpperCase().padStart(12, '0');
  const uuid = `${digits.slice(4, 12)}-5EED-4ABC-8DEF-${digits}`;
  return lowerCase ? uuid.toLowerCase() : uuid;
}

/** Replaces the placeholders (see `Pool`) in a generated shortcut. */
function resolveIdentifiers(shortcut: PlistDict, pool: Pool, lowerCase: boolean): PlistDict {
  let next = 0;
  const fresh = new Map<string, string>();
  const freshFor = (key: string): string => {
    let id = fresh.get(key);
    if (id === undefined) fresh.set(key, (id = freshIdentifier(next++, lowerCase)));
    return id;
  };
  // The actions' UUIDs in plist order, for references to point at.
  const actionUuids: string[] = [];
  const actions = shortcut.get('WFWorkflowActions');
  if (Array.isArray(actions)) {
    for (const entry of actions) {
      const parameters = entry instanceof Map ? entry.get('WFWorkflowActionParameters') : undefined;
      const uuid = parameters instanceof Map ? parameters.get('UUID') : undefined;
      if (typeof uuid === 'string') actionUuids.push(uuid.startsWith(MARK) ? freshFor(uuid) : uuid);
    }
  }
  const resolve = (s: string): string => {
    if (!s.startsWith(MARK)) return s;
    const [kind, tag] = s.slice(MARK.length).split(':', 2) as [string, string];
    if (kind === 'ref') {
      const k = Number(tag);
      return actionUuids.length > 0 ? actionUuids[k % actionUuids.length]! : pool.ids[k % pool.ids.length]!;
    }
    return freshFor(s);
  };
  const walk = (v: PlistValue): PlistValue => {
    if (typeof v === 'string') return resolve(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(shortcut) as PlistDict;
}

// ─── Text and names ──────────────────────────────────────────────────────────

const variableNames = [
  'Repeat Item', 'Repeat Index', 'Repeat Item 2', 'Repeat_Item', 'Name', 'My Var', 'My_Var', 'My-Var', 'x', 'dict', 'input', 'text', 'Shortcut Input',
  'Shortcut_Input', 'if', '_', 'match', 'var', 'Wörter', '', '1st', 'is_workflow_actions_nothing',
];
const outputNames = ['Text', 'Dictionary', 'If Result', 'Menu Result', 'Repeat Results', 'Provided Input', 'Contents of URL', 'Wenn-Ergebnis', '', 'Value', 'text', 'Text 2', 'input', 'My Var'];
const textBits = ['hello', '', 'a\nb', "it's", '{x}', '\uFFFC', '"""', "'''", '\\', '😀', '\r\n', ' ', 'Ann'];

/** Text as real shortcuts hold it; now and then (odd) a pool identifier as ordinary text. */
const plainText = (pool: Pool): Arb<string> => oddly(pool, fc.constantFrom(...textBits), pick(pool));

// ─── Attachments ─────────────────────────────────────────────────────────────

const aggrandizement = (pool: Pool, value: Arb<PlistValue>): Arb<PlistValue> => {
  const regular: Arb<PlistValue> = fc.oneof(
    fc.constantFrom('WFStringContentItem', 'WFDictionaryContentItem', 'WFNumberContentItem').map((c) =>
      d([
        ['CoercionItemClass', c],
        ['Type', 'WFCoercionVariableAggrandizement'],
      ]),
    ),
    oddly(pool, fc.constantFrom('key', 'a b', 'Name', ''), pick(pool)).map((k) =>
      d([
        ['DictionaryKey', k],
        ['Type', 'WFDictionaryValueVariableAggrandizement'],
      ]),
    ),
    fc.constantFrom('Name', 'File Extension', 'File Size', 'Artist', 'class').map((name) =>
      d([
        ['PropertyName', name],
        ...(name === 'Name' ? [['PropertyUserInfo', 'WFItemName'] as const] : name === 'File Extension' ? [['PropertyUserInfo', 'WFFileExtensionProperty'] as const] : []),
        ['Type', 'WFPropertyVariableAggrandizement'],
      ]),
    ),
    fc.constant(
      d([
        ['Type', 'WFDateFormatVariableAggrandizement'],
        ['WFDateFormatStyle', 'Short'],
        ['WFISO8601IncludeTime', false],
      ]),
    ),
    fc.constant(
      d([
        ['Type', 'WFUnitVariableAggrandizement'],
        ['WFMeasurementUnitType', 'Length'],
        ['WFUnitSymbol', 'm'],
      ]),
    ),
  );
  const odd: Arb<PlistValue> = fc.oneof(
    // A property whose PropertyUserInfo is not the derived one: another string, an identifier, absent for Name.
    fc.tuple(fc.constantFrom('Name', 'Artist'), fc.option(fc.oneof(fc.constant('artist'), pick(pool)), { nil: undefined })).map(([name, info]) =>
      d([
        ['PropertyName', name],
        ...(info === undefined ? [] : [['PropertyUserInfo', info] as const]),
        ['Type', 'WFPropertyVariableAggrandizement'],
      ]),
    ),
    // A typed aggrandizement with an extra key holding an identifier, an attachment or any value; an unknown type.
    fc.tuple(fc.constantFrom('WFCoercionVariableAggrandizement', 'WFPropertyVariableAggrandizement', 'WFFutureAggrandizement'), fc.constantFrom('Extra', 'OutputUUID', 'VariableUUID', 'UUID'), fc.oneof(value, pick(pool))).map(([type, key, v]) =>
      d([
        ['Type', type],
        ['CoercionItemClass', 'WFStringContentItem'],
        ['PropertyName', 'Name'],
        [key, v],
      ]),
    ),
    fc.constantFrom<PlistValue>('not a dictionary', d([]), d([['Type', integer(3)]])),
  );
  return oddly(pool, regular, odd);
};

/** An attachment dictionary: every source, and (odd) the shapes around ActionOutput and Variable real files also have. */
const attachment = (pool: Pool, value: Arb<PlistValue>): Arb<PlistDict> => {
  const aggrandizements = rarely(fc.array(aggrandizement(pool, value), { maxLength: 2 }), 3);
  const extras = oddAddition(pool, fc.tuple(fc.constantFrom('Extra', 'UUID', 'VariableUUID', 'OutputUUID', 'OutputName', 'VariableName', 'GroupingIdentifier'), fc.oneof(value, pick(pool))));
  const regular: Arb<[string, PlistValue][]> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.tuple(referenceUuid(pool), fc.option(fc.constantFrom(...outputNames), { nil: undefined })).map(([u, n]): Pairs => [
        ['Type', 'ActionOutput'],
        ['OutputUUID', u],
        ...(n === undefined ? [] : [['OutputName', n] as [string, PlistValue]]),
      ]),
    },
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(...variableNames)
        .chain((n) => fc.tuple(fc.constant(n), rarely(variableUuid(pool, n), 3)))
        .map(([n, u]): Pairs => [['Type', 'Variable'], ['VariableName', n], ...(u === undefined ? [] : [['VariableUUID', u] as [string, PlistValue]])]),
    },
    { weight: 2, arbitrary: fc.constantFrom('ExtensionInput', 'Ask', 'Clipboard', 'CurrentDate', 'DeviceDetails', 'Input').map((t): Pairs => [['Type', t]]) },
  );
  // No OutputUUID, a non-string one, a Variable without a name but with a UUID, an unknown Type naming a UUID.
  const odd: Arb<[string, PlistValue][]> = fc.oneof(
    fc.constant<Pairs>([['Type', 'ActionOutput'], ['OutputName', 'Text']]),
    fc.constant<Pairs>([['Type', 'ActionOutput'], ['OutputUUID', integer(7)]]),
    pick(pool).map((u): Pairs => [['Type', 'Variable'], ['VariableUUID', u]]),
    fc.tuple(fc.constantFrom('FutureSource', 'actionoutput'), referenceUuid(pool)).map(([t, u]): Pairs => [['Type', t], ['OutputUUID', u]]),
  );
  return fc.tuple(oddly(pool, regular, odd), aggrandizements, extras).map(([entries, aggs, extra]) => {
    const out = new Map<string, PlistValue>(entries);
    if (aggs !== undefined) out.set('Aggrandizements', aggs);
    if (extra !== undefined && !out.has(extra[0])) out.set(extra[0], extra[1]);
    return out;
  });
};

const tokenAttachment = (pool: Pool, value: Arb<PlistValue>): Arb<PlistDict> => attachment(pool, value).map((a) => wrap('WFTextTokenAttachment', a));

// ─── Values ──────────────────────────────────────────────────────────────────

/** A token string from parts (text runs and attachments), with (odd) the irregular encodings real files have. */
const tokenString = (pool: Pool, value: Arb<PlistValue>): Arb<PlistDict> =>
  fc
    .tuple(
      fc.array(fc.oneof({ weight: 2, arbitrary: plainText(pool) }, { weight: 2, arbitrary: attachment(pool, value) }), { maxLength: 4 }),
      oddly(pool, fc.constant('normal'), fc.constantFrom('noRanges', 'extraKey', 'strayRange', 'unsortedRanges')),
    )
    .map(([parts, oddity]) => {
      let string = '';
      const ranges: [string, PlistValue][] = [];
      for (const part of parts) {
        if (typeof part === 'string') string += part;
        else {
          ranges.push([`{${string.length}, 1}`, part]);
          string += '\uFFFC';
        }
      }
      const inner = new Map<string, PlistValue>([['string', string]]);
      if (oddity === 'unsortedRanges') ranges.reverse();
      if (oddity !== 'noRanges' || ranges.length > 0) inner.set('attachmentsByRange', d(ranges));
      if (oddity === 'extraKey') inner.set('SCPLExtra', ranges.length > 0 ? ranges[0]![1] : 'x');
      if (oddity === 'strayRange' && ranges.length > 0) (inner.get('attachmentsByRange') as PlistDict).set(`{${string.length + 3}, 1}`, ranges[0]![1]);
      return wrap('WFTextTokenString', inner);
    });

/** A `WFDictionaryFieldValue` with well-formed and (odd) irregular items. */
const dictionaryField = (pool: Pool, value: Arb<PlistValue>): Arb<PlistDict> => {
  const key: Arb<PlistValue> = oddly(pool, tokenString(pool, value), fc.oneof(plainText(pool), pick(pool)));
  const emptyText = (text: string): PlistDict => wrap('WFTextTokenString', d([['string', text], ['attachmentsByRange', d([])]]));
  const regular: Arb<PlistDict> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(key, tokenString(pool, value)).map(([k, v]) => d([['WFItemType', integer(0)], ['WFKey', k], ['WFValue', v]])) },
    { weight: 1, arbitrary: fc.tuple(key, fc.constantFrom('1', '-2.5', '42')).map(([k, n]) => d([['WFItemType', integer(3)], ['WFKey', k], ['WFValue', emptyText(n)]])) },
    { weight: 1, arbitrary: fc.tuple(key, fc.boolean()).map(([k, b]) => d([['WFItemType', integer(4)], ['WFKey', k], ['WFValue', wrap('WFNumberSubstitutableState', b)]])) },
    { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => d([['WFItemType', integer(1)], ['WFKey', k], ['WFValue', v]])) },
    { weight: 1, arbitrary: fc.tuple(key, value).map(([k, v]) => d([['WFItemType', integer(2)], ['WFKey', k], ['WFValue', v]])) },
  );
  // No key, no value, type 5, a non-integer type, an extra key holding an identifier or an attachment, a number item with odd text.
  const odd: Arb<PlistDict> = fc.oneof(
    value.map((v) => d([['WFItemType', integer(0)], ['WFValue', v]])),
    key.map((k) => d([['WFItemType', integer(5)], ['WFKey', k]])),
    fc.tuple(key, value).map(([k, v]) => d([['WFItemType', '0'], ['WFKey', k], ['WFValue', v]])),
    fc.tuple(key, tokenString(pool, value), fc.oneof(pick(pool), attachment(pool, value))).map(([k, v, x]) => d([['WFItemType', integer(0)], ['WFKey', k], ['WFValue', v], ['UUID', x]])),
    fc.tuple(key, fc.constantFrom('', '01', '1e3', '-0')).map(([k, n]) => d([['WFItemType', integer(3)], ['WFKey', k], ['WFValue', emptyText(n)]])),
  );
  return fc.array(oddly(pool, regular, odd), { maxLength: 4 }).map((items) => wrap('WFDictionaryFieldValue', d([['WFDictionaryFieldValueItems', items]])));
};

/** Parameter values of every kind real files hold, identifiers and odd shapes included. */
function valueArbitrary(pool: Pool): Arb<PlistValue> {
  const { value } = fc.letrec<{ value: PlistValue }>((tie) => {
    const inner = tie('value');
    const regular = fc.oneof(
      { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
      { weight: 8, arbitrary: plainText(pool) },
      { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -3, max: 100 }).map(integer), fc.constantFrom(real(3), real(0.5)), fc.boolean()) },
      { weight: 8, arbitrary: tokenAttachment(pool, inner) },
      { weight: 8, arbitrary: tokenString(pool, inner) },
      { weight: 3, arbitrary: dictionaryField(pool, inner) },
      { weight: 1, arbitrary: fc.array(fc.oneof(plainText(pool), inner), { maxLength: 3 }).map((items) => wrap('WFArrayParameterState', items)) },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(attachment(pool, inner), fc.constant<PlistValue>(integer(5))), fc.constantFrom('min', 'km')).map(([m, u]) => wrap('WFQuantityFieldValue', d([['Magnitude', m], ['Unit', u]]))) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('WFTokenAttachmentParameterState', 'WFNumberSubstitutableState', 'WFTimeOffsetValue'), inner).map(([t, v]) => wrap(t, v)) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom('Type', 'Value', 'key', 'WFSerializationType', 'Show-text'), inner), { maxLength: 3 }).map((entries) => d(entries)) },
      { weight: 1, arbitrary: fc.array(inner, { maxLength: 3 }) },
    );
    const odd = fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      // Wrappers no model types, holding variables; bare attachments; identifiers as dictionary keys; attachment-like plain dictionaries.
      fc.tuple(fc.constantFrom('WFFutureState', 'class', 'Value'), inner).map(([t, v]) => wrap(t, v)),
      attachment(pool, inner),
      fc.array(fc.tuple(pick(pool), inner), { minLength: 1, maxLength: 2 }).map((entries) => d(entries)),
      fc.tuple(pick(pool), fc.constantFrom('Variable', 'ActionOutput')).map(([u, t]) => d([['Type', t], [t === 'Variable' ? 'VariableUUID' : 'OutputUUID', u], ['Other', 'x']])),
      fc.constantFrom<PlistValue>(uid(3), data(new Uint8Array([1, 2])), date(0), real(Number.NaN)),
      pick(pool),
    );
    return { value: oddly(pool, regular, odd) };
  });
  return value;
}

// ─── Actions ─────────────────────────────────────────────────────────────────

const REGULAR_IDENTIFIERS = [
  'is.workflow.actions.gettext',
  'is.workflow.actions.gettext',
  'is.workflow.actions.dictionary',
  'is.workflow.actions.ask',
  'is.workflow.actions.setvariable',
  'is.workflow.actions.setvariable',
  'is.workflow.actions.appendvariable',
  'is.workflow.actions.getvalueforkey',
  'is.workflow.actions.showresult',
  'is.workflow.actions.comment',
  'is.workflow.actions.nothing',
  'is.workflow.actions.number',
  'is.workflow.actions.downloadurl',
  'com.vendor.App.SomeIntent',
  'is.workflow.actions.display.always-on.set',
  'com.Christopher-Hannah.Text-Case.TextCaseIntent',
];
/** Identifiers that are names of the dialect, do not reverse by rule, or belong to control actions used outside a group. */
const ODD_IDENTIFIERS = [
  'dict',
  '',
  'input',
  'raw_action',
  'is_workflow_actions_gettext',
  '1password.action',
  'is.workflow.actions.getclipboard',
  'is.workflow.actions.getdevicedetails',
  'is.workflow.actions.conditional',
  'is.workflow.actions.repeat.each',
];
const CONTROL = ['is.workflow.actions.conditional', 'is.workflow.actions.choosefrommenu', 'is.workflow.actions.repeat.count', 'is.workflow.actions.repeat.each'] as const;
const PARAMETER_KEYS = ['WFInput', 'Text', 'WFTextActionText', 'WFVariableName', 'WFDictionaryKey', 'WFItems', 'WFAskActionPrompt', 'WFNumberValue', 'WFCommentActionText', 'Show-text', 'class'];
const ODD_PARAMETER_KEYS = ['UUID', 'GroupingIdentifier', 'WFControlFlowMode', 'CustomOutputName', 'value', '__workflow__'];

/** The parameters of an action in the shape its sugar form reads, or (odd) any parameters. */
const actionParameters = (pool: Pool, value: Arb<PlistValue>, identifier: string): Arb<[string, PlistValue][]> => {
  const any = fc.array(fc.tuple(oddly(pool, fc.constantFrom(...PARAMETER_KEYS), fc.constantFrom(...ODD_PARAMETER_KEYS)), value), { maxLength: 3 });
  let regular: Arb<[string, PlistValue][]>;
  switch (identifier) {
    case 'is.workflow.actions.gettext':
      regular = fc.oneof(plainText(pool), tokenString(pool, value)).map((t) => [['WFTextActionText', t]]);
      break;
    case 'is.workflow.actions.dictionary':
      regular = dictionaryField(pool, value).map((f) => [['WFItems', f]]);
      break;
    case 'is.workflow.actions.setvariable':
    case 'is.workflow.actions.appendvariable':
      regular = fc
        .tuple(fc.constantFrom(...variableNames), fc.option(tokenAttachment(pool, value), { nil: undefined }), fc.boolean())
        .map(([n, input, nameFirst]) => {
          const name: [string, PlistValue] = ['WFVariableName', n];
          const rest: [string, PlistValue][] = input === undefined ? [] : [['WFInput', input]];
          return nameFirst ? [name, ...rest] : [...rest, name];
        });
      break;
    case 'is.workflow.actions.getvalueforkey':
      regular = fc.tuple(tokenAttachment(pool, value), fc.oneof(plainText(pool), tokenString(pool, value))).map(([a, k]) => [['WFInput', a], ['WFDictionaryKey', k]]);
      break;
    case 'is.workflow.actions.ask':
      regular = fc.tuple(fc.option(fc.oneof(plainText(pool), tokenString(pool, value)), { nil: undefined }), fc.option(value, { nil: undefined, freq: 2 })).map(([p, v]) => [
        ...(p === undefined ? [] : [['WFAskActionPrompt', p] as [string, PlistValue]]),
        ...(v === undefined ? [] : [['WFAskActionDefaultAnswer', v] as [string, PlistValue]]),
      ]);
      break;
    default:
      return any;
  }
  return oddly(pool, regular, any);
};

/** Keys an action dictionary may carry beside identifier and parameters (SCPL and other tools add some). */
const extraActionKeys = (pool: Pool, value: Arb<PlistValue>): Arb<[string, PlistValue][]> =>
  oddAddition(pool, fc.array(fc.tuple(fc.constantFrom('SCPLData', 'UUID', 'Extra'), fc.oneof(value, pick(pool))), { minLength: 1, maxLength: 2 })).map((e) => e ?? []);

/** One action dictionary, with (odd) the UUID / CustomOutputName / parameter-dictionary oddities. */
const actionEntry = (pool: Pool, value: Arb<PlistValue>): Arb<PlistValue> =>
  oddly(pool, fc.constantFrom(...REGULAR_IDENTIFIERS), fc.constantFrom(...ODD_IDENTIFIERS)).chain((identifier) =>
    fc
      .tuple(
        actionParameters(pool, value, identifier),
        fc.option(actionUuid(pool), { nil: undefined, freq: 3 }),
        oddAddition(pool, fc.oneof(fc.constantFrom(...outputNames), pick(pool))),
        extraActionKeys(pool, value),
        oddly(pool, fc.constant('dict'), fc.constantFrom('empty', 'missing', 'notDict', 'paramsFirst')),
      )
      .map(([parameters, uuid, customName, extra, shape]) => {
        const params = new Map<string, PlistValue>(parameters);
        if (uuid !== undefined) params.set('UUID', uuid);
        if (customName !== undefined) params.set('CustomOutputName', customName);
        const entry = new Map<string, PlistValue>();
        if (shape === 'paramsFirst') entry.set('WFWorkflowActionParameters', params);
        entry.set('WFWorkflowActionIdentifier', identifier);
        if (shape === 'dict') entry.set('WFWorkflowActionParameters', params);
        else if (shape === 'empty') entry.set('WFWorkflowActionParameters', d([]));
        else if (shape === 'notDict') entry.set('WFWorkflowActionParameters', [params]);
        for (const [k, v] of extra) if (!entry.has(k)) entry.set(k, v);
        return entry;
      }),
  );

/** Entries of `WFWorkflowActions` that are no action: what broken generators leave behind. */
const rawEntry = (pool: Pool, value: Arb<PlistValue>): Arb<PlistValue> =>
  fc.oneof(
    fc.tuple(fc.oneof(referenceUuid(pool), pick(pool)), fc.option(pick(pool), { nil: undefined })).map(([u, g]) =>
      d([['WFWorkflowActionParameters', d([['UUID', u], ...(g === undefined ? [] : [['GroupingIdentifier', g] as [string, PlistValue]])])]]),
    ),
    fc.tuple(value, referenceUuid(pool)).map(([v, u]) => d([['WFWorkflowActionIdentifier', integer(1)], ['WFWorkflowActionParameters', d([['UUID', u], ['WFInput', v]])]])),
    fc.oneof(referenceUuid(pool), pick(pool)),
    value,
    fc.tuple(attachment(pool, value), referenceUuid(pool)).map(([a, u]) => {
      // An attachment-shaped entry whose extra keys hold parameters.
      const out = new Map(a);
      out.set('WFWorkflowActionParameters', d([['UUID', u]]));
      return out;
    }),
  );

// ─── Control flow ────────────────────────────────────────────────────────────

/** A `WFControlFlowMode` as real and (odd) broken files write it. */
const modeValue = (pool: Pool, mode: number): Arb<PlistValue | undefined> =>
  oddly(pool, fc.constant<PlistValue | undefined>(integer(mode)), fc.constantFrom<PlistValue | undefined>(undefined, integer(3), integer(-1), String(mode), real(mode)));

interface PartOptions {
  readonly identifier: string;
  readonly group: PlistValue | undefined;
  readonly mode: PlistValue | undefined;
  readonly parameters: [string, PlistValue][];
  /** An End: a UUID is regular there (Shortcuts gives Ends one lazily). */
  readonly end: boolean;
}

/** One part of a group; (odd) UUIDs on starts and middles, parameters, CustomOutputName and extra keys. */
const controlPart = (pool: Pool, value: Arb<PlistValue>, options: PartOptions): Arb<PlistValue> =>
  fc
    .tuple(
      options.end ? fc.option(actionUuid(pool), { nil: undefined, freq: 2 }) : oddAddition(pool, actionUuid(pool)),
      oddAddition(pool, fc.array(fc.tuple(fc.constantFrom('WFShowWorkflow', 'WFMenuLegacyCancelBehavior', 'WFInput', 'Extra'), value), { minLength: 1, maxLength: 2 })).map((e) => e ?? []),
      oddAddition(pool, fc.constantFrom(...outputNames)),
      extraActionKeys(pool, value),
    )
    .map(([uuid, more, customName, extra]) => {
      const params = new Map<string, PlistValue>();
      if (options.group !== undefined) params.set('GroupingIdentifier', options.group);
      if (options.mode !== undefined) params.set('WFControlFlowMode', options.mode);
      for (const [k, v] of [...options.parameters, ...more]) if (!params.has(k)) params.set(k, v);
      if (uuid !== undefined) params.set('UUID', uuid);
      if (customName !== undefined) params.set('CustomOutputName', customName);
      const entry = d([
        ['WFWorkflowActionIdentifier', options.identifier],
        ['WFWorkflowActionParameters', params],
      ]);
      for (const [k, v] of extra) if (!entry.has(k)) entry.set(k, v);
      return entry;
    });

/** The start's parameters per kind: the shapes the sugar reads, or (odd) near them or anything. */
const startParameters = (pool: Pool, value: Arb<PlistValue>, kind: (typeof CONTROL)[number], titles: readonly string[]): Arb<[string, PlistValue][]> => {
  const subject = tokenAttachment(pool, value);
  const any = fc.array(fc.tuple(fc.constantFrom('WFInput', 'WFCondition', 'WFConditionalActionString', 'WFNumberValue', 'WFAnotherNumber', 'WFMenuPrompt', 'WFMenuItems', 'WFRepeatCount'), value), { maxLength: 3 });
  switch (kind) {
    case 'is.workflow.actions.conditional':
      return oddly(
        pool,
        fc.oneof(
          fc.tuple(subject, fc.constantFrom<PlistValue>(integer(4), integer(5), integer(99), integer(999), integer(8)), fc.oneof(plainText(pool), tokenString(pool, value))).map(([s, c, t]): Pairs => [
            ['WFInput', d([['Type', 'Variable'], ['Variable', s]])],
            ['WFCondition', c],
            ['WFConditionalActionString', t],
          ]),
          fc.tuple(subject, fc.constantFrom<PlistValue>(integer(100), integer(101), integer(1002))).map(([s, c]): Pairs => [
            ['WFInput', d([['Type', 'Variable'], ['Variable', s]])],
            ['WFCondition', c],
          ]),
          fc.tuple(subject, fc.constantFrom<PlistValue>(integer(0), integer(2), integer(3)), fc.oneof(fc.constant<PlistValue>('3'), value)).map(([s, c, n]): Pairs => [
            ['WFCondition', c],
            ['WFInput', s],
            ['WFNumberValue', n],
          ]),
          fc.tuple(subject, value, value).map(([s, lo, hi]): Pairs => [
            ['WFCondition', integer(1003)],
            ['WFInput', d([['Type', 'Variable'], ['Variable', s]])],
            ['WFNumberValue', lo],
            ['WFAnotherNumber', hi],
          ]),
        ),
        fc.oneof(
          // Old files: string codes and direct subjects; a leftover operand; an unknown code; anything.
          fc.tuple(subject, fc.constantFrom<PlistValue>('Equals', 'Contains', 'Is Greater Than', 'Is Less Than', '', integer(77)), plainText(pool)).map(([s, c, t]): Pairs => [
            ['WFCondition', c],
            ['WFConditionalActionString', t],
            ['WFInput', s],
          ]),
          fc.tuple(subject, plainText(pool)).map(([s, t]): Pairs => [
            ['WFCondition', integer(4)],
            ['WFConditionalActionString', t],
            ['WFInput', d([['Type', 'Variable'], ['Variable', s]])],
            ['WFNumberValue', '0'],
            ['WFConditionalLegacyComparisonBehavior', true],
          ]),
          any,
        ),
      );
    case 'is.workflow.actions.choosefrommenu':
      return fc
        .tuple(fc.option(fc.oneof(plainText(pool), tokenString(pool, value)), { nil: undefined }), oddly(pool, fc.constant('match'), fc.constantFrom('other', 'none', 'token')))
        .map(([prompt, items]): Pairs => [
          ...(prompt === undefined ? [] : [['WFMenuPrompt', prompt] as [string, PlistValue]]),
          ...(items === 'none'
            ? []
            : [['WFMenuItems', items === 'match' ? [...titles] : items === 'token' ? titles.map((t) => wrap('WFTextTokenString', d([['string', t]]))) : [...titles, 'extra']] as [string, PlistValue]]),
        ]);
    case 'is.workflow.actions.repeat.count':
      return oddly(pool, fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }).map(integer), subject), { nil: undefined }).map((n): Pairs => (n === undefined ? [] : [['WFRepeatCount', n]])), any);
    case 'is.workflow.actions.repeat.each':
      return oddly(pool, fc.option(subject, { nil: undefined }).map((s): Pairs => (s === undefined ? [] : [['WFInput', s]])), any);
  }
};

/** A control group, flattened, with bodies; (odd) broken: a part left out, another group's identifier, a wrong identifier. */
function controlGroup(pool: Pool, value: Arb<PlistValue>, body: Arb<PlistValue[]>): Arb<PlistValue[]> {
  return fc
    .record({
      kind: fc.constantFrom(...CONTROL),
      group: oddly(pool, groupIdentifier(pool).map((g): PlistValue | undefined => g), fc.constantFrom<PlistValue | undefined>(undefined, integer(1))),
      titles: fc.array(oddly(pool, fc.constantFrom('One', 'Two', 'Three', 'case "x"'), fc.oneof(fc.constantFrom('', 'One'), pick(pool))), { minLength: 0, maxLength: 3 }),
      otherwise: fc.boolean(),
      breakage: oddly(pool, fc.constant('none'), fc.constantFrom('noEnd', 'noStart', 'otherGroup', 'wrongIdentifier')),
      startMode: oddly(pool, modeValue(pool, 0), fc.constant(undefined)),
      middleMode: modeValue(pool, 1),
      endMode: modeValue(pool, 2),
      bodies: fc.array(body, { minLength: 4, maxLength: 4 }),
      otherGroup: groupIdentifier(pool),
      titleShape: oddly(pool, fc.constant('plain'), fc.constant('token')),
    })
    .chain((g) =>
      startParameters(pool, value, g.kind, g.titles).chain((startParams) => {
        const part = (mode: PlistValue | undefined, parameters: [string, PlistValue][], end = false, group = g.group, identifier: string = g.kind): Arb<PlistValue> =>
          controlPart(pool, value, { identifier, group, mode, parameters, end });
        const start = part(g.startMode, startParams);
        const middles: Arb<PlistValue>[] =
          g.kind === 'is.workflow.actions.conditional'
            ? g.otherwise
              ? [part(g.middleMode, [])]
              : []
            : g.kind === 'is.workflow.actions.choosefrommenu'
              ? g.titles.map((t) => part(g.middleMode, [['WFMenuItemTitle', g.titleShape === 'plain' ? t : wrap('WFTextTokenString', d([['string', t], ['attachmentsByRange', d([])]]))]]))
              : [];
        const endGroup = g.breakage === 'otherGroup' ? g.otherGroup : g.group;
        const endIdentifier = g.breakage === 'wrongIdentifier' ? 'is.workflow.actions.repeat.count' : g.kind;
        const end = part(g.endMode, [], true, endGroup, endIdentifier);
        return fc.tuple(start, fc.tuple(...middles), end).map(([s, ms, e]) => {
          const out: PlistValue[] = [];
          if (g.breakage !== 'noStart') out.push(s);
          out.push(...g.bodies[0]!);
          ms.forEach((m, i) => {
            out.push(m);
            out.push(...g.bodies[(i % 3) + 1]!);
          });
          if (g.breakage !== 'noEnd') out.push(e);
          return out;
        });
      }),
    );
}

// ─── Metadata ────────────────────────────────────────────────────────────────

/** The top-level keys beside the actions, with (odd) identifiers and references where generators put them. */
const metadataEntries = (pool: Pool, value: Arb<PlistValue>): Arb<[string, PlistValue][]> =>
  fc
    .record({
      version: fc.constantFrom('2038.0.2.4', '1146.11.1', '900'),
      questions: fc.array(
        fc.record({
          index: fc.nat({ max: 5 }),
          defaultValue: oddly(pool, fc.option(plainText(pool), { nil: undefined }), value),
          key: fc.constantFrom('WFTextActionText', 'WFInput', 'UUID'),
        }),
        { maxLength: 2 },
      ),
      noInput: oddAddition(pool, value),
      unknown: oddAddition(pool, fc.tuple(fc.constantFrom('SCPLMetadata', 'WFWorkflowClientRelese', 'WFWorkflowActionsExtra'), fc.oneof(value, referenceUuid(pool), pick(pool)))),
      iconExtra: oddAddition(pool, fc.oneof(value, pick(pool))),
    })
    .map((m) => {
      const icon = d([
        ['WFWorkflowIconGlyphNumber', integer(59511)],
        ['WFWorkflowIconStartColor', integer(4282601983n)],
      ]);
      if (m.iconExtra !== undefined) icon.set('WFWorkflowIconEndColor', m.iconExtra);
      const out: [string, PlistValue][] = [
        ['WFWorkflowClientVersion', m.version],
        ['WFWorkflowIcon', icon],
        [
          'WFWorkflowImportQuestions',
          m.questions.map((q) =>
            d([
              ['ActionIndex', integer(q.index)],
              ['Category', 'Parameter'],
              ...(q.defaultValue === undefined ? [] : [['DefaultValue', q.defaultValue] as [string, PlistValue]]),
              ['ParameterKey', q.key],
              ['Text', 'Question?'],
            ]),
          ),
        ],
        ['WFWorkflowMinimumClientVersion', integer(900)],
        ['WFWorkflowTypes', ['NCWidget']],
      ];
      if (m.noInput !== undefined) out.push(['WFWorkflowNoInputBehavior', d([['Name', 'WFWorkflowNoInputBehaviorAskForInput'], ['Parameters', d([['Value', m.noInput]])]])]);
      if (m.unknown !== undefined) out.push(m.unknown);
      return out;
    });

// ─── Shortcuts ───────────────────────────────────────────────────────────────

export interface OddityOptions {
  /** How deep control groups nest (default 3). */
  readonly maxDepth?: number;
  /** Most entries at the top level (default 8; bodies hold at most 3). */
  readonly maxEntries?: number;
  /** One odd decision in this many (default: drawn per shortcut from 3, 8 and 30, so both wild and mostly regular shortcuts come). */
  readonly odd?: number;
}

/** A whole odd shortcut plist. */
export function oddShortcut(options: OddityOptions = {}): Arb<PlistDict> {
  const maxDepth = options.maxDepth ?? 3;
  const maxEntries = options.maxEntries ?? 8;
  const settings = fc.record({
    ids: fc.uniqueArray(poolIdentifier, { minLength: 1, maxLength: 4 }),
    odd: options.odd === undefined ? fc.constantFrom(3, 8, 30) : fc.constant(options.odd),
    lowerCase: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  });
  return settings.chain(({ ids, odd, lowerCase }) => {
    const pool: Pool = { ids, odd };
    const value = valueArbitrary(pool);
    const bodyAt = (depth: number): Arb<PlistValue[]> => {
      const entry: Arb<PlistValue[]> = fc.oneof(
        { weight: 8, arbitrary: actionEntry(pool, value).map((a) => [a]) },
        { weight: 1, arbitrary: oddAddition(pool, rawEntry(pool, value)).map((r) => (r === undefined ? [] : [r])) },
        ...(depth < maxDepth ? [{ weight: 3, arbitrary: fc.constant(null).chain(() => controlGroup(pool, value, bodyAt(depth + 1))) }] : []),
      );
      return fc.array(entry, { maxLength: depth === 0 ? maxEntries : 3 }).map((lists) => lists.flat());
    };
    return fc.tuple(bodyAt(0), metadataEntries(pool, value), oddly(pool, fc.constant(false), fc.constant(true))).map(([actions, metadata, actionsLast]) => {
      const out = new Map<string, PlistValue>();
      if (!actionsLast) out.set('WFWorkflowActions', actions);
      for (const [k, v] of metadata) out.set(k, v);
      if (actionsLast) out.set('WFWorkflowActions', actions);
      return resolveIdentifiers(out, pool, lowerCase);
    });
  });
}
