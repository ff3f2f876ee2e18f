/**
 * Real shortcuts' own constructs, recombined, for round-trip fidelity
 * (test/fidelity/corpus-recombined.test.ts). Where test/fidelity/oddities.ts
 * builds shortcuts from the shapes real generators write, this takes the
 * shapes from real files themselves: slices of the action lists of one to
 * three files put together (cutting through groups, so control flow ends up
 * unbalanced and references dangle), under the first slice's file's
 * metadata, and then identifiers moved where real generators and real
 * editing move them (`Injection`).
 *
 * A plan (`Recombination`) is plain numbers, so fast-check shrinks it and a
 * counterexample reads as "these slices of these files, these injections".
 */
import fc from 'fast-check';
import { copyValue } from '../robustness/value-mutations.js';
import { isUuidLike } from '../../src/ir/identity.js';
import { integer, isArray, isDict, type PlistArray, type PlistDict, type PlistValue } from '../../src/plist/value.js';

/**
 * What is done to the recombined actions, each after something seen in real files:
 *
 *  - `questionDefault`: an import question whose `DefaultValue` references an action's output (the header holds a UUID);
 *  - `noInput`: `WFWorkflowNoInputBehavior` passing an action's output;
 *  - `unknownKey`: a third-party top-level key holding an action's UUID (generators keep their state there);
 *  - `rawEntry`: an entry with parameters but no identifier, holding an action's UUID (left by broken generators);
 *  - `scplData`: an extra action key beside the two standard ones, holding an action's UUID and a reference;
 *  - `duplicate`: an action copied with its UUID (copy-paste in other editors keeps the UUID);
 *  - `groupOnAction`: a group's `GroupingIdentifier` on a plain action;
 *  - `lowerCase`: every UUID of the file in lower case, consistently (37 real files are so);
 *  - `emptyParameters`: an action's parameters emptied (`{}`, as generators write for defaults);
 *  - `reverseParameters`: an action's parameters in another key order (Apple's binary writer does not sort);
 *  - `variableInHeader`: a named-variable attachment of the actions copied into a top-level key;
 *  - `retarget`: a reference pointed at another action, maybe later or from another file (actions moved above their source);
 *  - `dropUuid`: an action's UUID removed while references to it stay (48 dangling `OutputUUID`s are known);
 *  - `uuidAsText`: a Text action holding an action's UUID as ordinary text, plain or in a token string
 *    (shortcuts carry device, HomeKit and API identifiers as text; text is no reference);
 *  - `outputNamedAsVariable`: an action's output renamed (`CustomOutputName`) to a variable name the actions use;
 *  - `shareUuid`: one action's UUID given to another, different action (shortcuts merged by text-based tools that copy UUIDs);
 *  - `renameVariable`: a Set/Add to Variable's `WFVariableName` changed while the references keep the old name
 *    (a variable renamed in one place only, by hand or by an older app).
 */
export const INJECTIONS = [
  'questionDefault',
  'noInput',
  'unknownKey',
  'rawEntry',
  'scplData',
  'duplicate',
  'groupOnAction',
  'lowerCase',
  'emptyParameters',
  'reverseParameters',
  'variableInHeader',
  'retarget',
  'dropUuid',
  'uuidAsText',
  'outputNamedAsVariable',
  'shareUuid',
  'renameVariable',
] as const;
export type Injection = (typeof INJECTIONS)[number];

export interface Slice {
  /** Index into the source files. */
  readonly file: number;
  /** First action, modulo the file's action count. */
  readonly start: number;
  readonly length: number;
}

export interface InjectionPlan {
  readonly kind: Injection;
  /** Chooses the identifier (or the thing) injected, modulo how many there are. */
  readonly pick: number;
  /** Chooses where it goes, modulo how many places there are. */
  readonly at: number;
}

export interface Recombination {
  readonly slices: readonly Slice[];
  readonly injections: readonly InjectionPlan[];
}

/** Plans over `files` source files: one to three slices, one to four injections. */
export const recombination = (files: number): fc.Arbitrary<Recombination> =>
  fc.record({
    slices: fc.array(fc.record({ file: fc.nat({ max: files - 1 }), start: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 3 }),
    // At least one: fast-check's arrays favour the empty one, and plain slices alone are what the corpus test already covers.
    injections: fc.array(fc.record({ kind: fc.constantFrom(...INJECTIONS), pick: fc.nat(), at: fc.nat() }), { minLength: 1, maxLength: 4 }),
  });

// ─── Reading the recombined actions ──────────────────────────────────────────

const d = (entries: readonly (readonly [string, PlistValue])[]): PlistDict => new Map(entries);

/** `{Type: ActionOutput}` wrapped as a single-variable parameter, as Shortcuts writes an action's output. */
const outputAttachment = (uuid: string): PlistDict =>
  d([
    [
      'Value',
      d([
        ['OutputName', 'Text'],
        ['OutputUUID', uuid],
        ['Type', 'ActionOutput'],
      ]),
    ],
    ['WFSerializationType', 'WFTextTokenAttachment'],
  ]);

const parametersOf = (entry: PlistValue | undefined): PlistDict | undefined => {
  const p = isDict(entry) ? entry.get('WFWorkflowActionParameters') : undefined;
  return isDict(p) ? p : undefined;
};

/** Every dictionary anywhere in a value, in document order. Iterative: real files nest deep. */
function dictionariesIn(value: PlistValue): PlistDict[] {
  const out: PlistDict[] = [];
  const stack: PlistValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]!);
    } else if (isDict(v)) {
      out.push(v);
      stack.push(...[...v.values()].reverse());
    }
  }
  return out;
}

/** Every string under `key` anywhere in a value. */
const stringsUnder = (value: PlistValue, key: string): string[] =>
  dictionariesIn(value).flatMap((dict) => {
    const s = dict.get(key);
    return typeof s === 'string' ? [s] : [];
  });

/** The n-th of `items` (modulo their count), or undefined when there is none. */
const nth = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

/** Every UUID-shaped string in lower case (dictionary keys are not identifiers and stay). */
const lowerUuids = (v: PlistValue): PlistValue =>
  typeof v === 'string' ? (isUuidLike(v) ? v.toLowerCase() : v) : isArray(v) ? v.map(lowerUuids) : isDict(v) ? new Map([...v].map(([k, x]) => [k, lowerUuids(x)])) : v;

// ─── Recombining ─────────────────────────────────────────────────────────────

/** Applies a plan to copies of `sources` (workflow plists); the sources are not changed. */
export function recombine(sources: readonly PlistDict[], plan: Recombination): PlistDict {
  const first = sources[plan.slices[0]!.file]!;
  let out: PlistDict = new Map([...first].map(([k, v]) => [k, k === 'WFWorkflowActions' ? [] : copyValue(v)]));
  let actions: PlistArray = [];
  for (const slice of plan.slices) {
    const list = sources[slice.file]!.get('WFWorkflowActions');
    if (!isArray(list) || list.length === 0) continue;
    const start = slice.start % list.length;
    for (const entry of list.slice(start, start + slice.length)) actions.push(copyValue(entry));
  }
  out.set('WFWorkflowActions', actions);

  for (const { kind, pick, at } of plan.injections) {
    const withUuid = actions.filter((a) => typeof parametersOf(a)?.get('UUID') === 'string');
    const uuid = nth(
      withUuid.map((a) => parametersOf(a)!.get('UUID') as string),
      pick,
    );
    const position = at % (actions.length + 1);
    const target = nth(actions, at);
    switch (kind) {
      case 'questionDefault': {
        if (uuid === undefined) break;
        const questions = out.get('WFWorkflowImportQuestions');
        const question = d([
          ['ActionIndex', integer(position)],
          ['Category', 'Parameter'],
          ['DefaultValue', outputAttachment(uuid)],
          ['ParameterKey', 'WFInput'],
          ['Text', 'Which?'],
        ]);
        out.set('WFWorkflowImportQuestions', isArray(questions) ? [...questions, question] : [question]);
        break;
      }
      case 'noInput':
        if (uuid !== undefined) out.set('WFWorkflowNoInputBehavior', d([['Name', 'WFWorkflowNoInputBehaviorGetClipboard'], ['Parameters', d([['Input', outputAttachment(uuid)]])]]));
        break;
      case 'unknownKey':
        if (uuid !== undefined) out.set('SCPLLastOutput', uuid);
        break;
      case 'rawEntry':
        if (uuid !== undefined) actions.splice(position, 0, d([['WFWorkflowActionParameters', d([['UUID', uuid]])]]));
        break;
      case 'scplData':
        if (uuid !== undefined && isDict(target)) target.set('SCPLData', d([['Output', outputAttachment(uuid)], ['UUID', uuid]]));
        break;
      case 'duplicate': {
        const original = nth(withUuid, pick);
        if (original !== undefined) actions.splice(position, 0, copyValue(original));
        break;
      }
      case 'groupOnAction': {
        const group = nth(stringsUnder(actions, 'GroupingIdentifier'), pick);
        const plain = actions.flatMap((a) => {
          const p = parametersOf(a);
          return p !== undefined && !p.has('GroupingIdentifier') ? [p] : [];
        });
        const parameters = nth(plain, at);
        if (group !== undefined && parameters !== undefined) parameters.set('GroupingIdentifier', group);
        break;
      }
      case 'lowerCase':
        out = lowerUuids(out) as PlistDict;
        actions = out.get('WFWorkflowActions') as PlistArray;
        break;
      case 'emptyParameters':
        if (isDict(target) && target.has('WFWorkflowActionParameters')) target.set('WFWorkflowActionParameters', d([]));
        break;
      case 'reverseParameters': {
        const parameters = parametersOf(target);
        if (parameters !== undefined && isDict(target)) target.set('WFWorkflowActionParameters', new Map([...parameters].reverse()));
        break;
      }
      case 'variableInHeader': {
        // A whole attachment as the actions hold it, so name and VariableUUID stay the pair Shortcuts wrote.
        const variables = dictionariesIn(actions).filter((a) => a.get('Type') === 'Variable' && typeof a.get('VariableName') === 'string');
        const variable = nth(variables, pick);
        if (variable !== undefined) out.set('SCPLVariable', d([['Value', copyValue(variable)], ['WFSerializationType', 'WFTextTokenAttachment']]));
        break;
      }
      case 'retarget': {
        const references = dictionariesIn(actions).filter((a) => typeof a.get('OutputUUID') === 'string');
        const reference = nth(references, at);
        if (reference !== undefined && uuid !== undefined) reference.set('OutputUUID', uuid);
        break;
      }
      case 'dropUuid':
        parametersOf(nth(withUuid, pick))?.delete('UUID');
        break;
      case 'uuidAsText': {
        if (uuid === undefined) break;
        const text: PlistValue = pick % 2 === 0 ? uuid : d([['Value', d([['attachmentsByRange', d([])], ['string', `id: ${uuid}`]])], ['WFSerializationType', 'WFTextTokenString']]);
        actions.splice(position, 0, d([['WFWorkflowActionIdentifier', 'is.workflow.actions.gettext'], ['WFWorkflowActionParameters', d([['WFTextActionText', text]])]]));
        break;
      }
      case 'outputNamedAsVariable': {
        const name = nth([...stringsUnder(actions, 'VariableName'), ...stringsUnder(actions, 'WFVariableName')], pick);
        const parameters = parametersOf(nth(withUuid, at));
        if (name !== undefined && parameters !== undefined) parameters.set('CustomOutputName', name);
        break;
      }
      case 'shareUuid': {
        const parameters = parametersOf(nth(withUuid, at));
        if (uuid !== undefined && parameters !== undefined) parameters.set('UUID', uuid);
        break;
      }
      case 'renameVariable': {
        const setters = actions.map(parametersOf).filter((p) => typeof p?.get('WFVariableName') === 'string');
        const names = stringsUnder(actions, 'VariableName');
        const parameters = nth(setters, at);
        if (parameters !== undefined) parameters.set('WFVariableName', nth(names, pick) ?? 'Renamed');
        break;
      }
    }
  }
  return out;
}
