import type { Entry, ImportQuestion, WorkflowIcon, WorkflowMetadata } from '../ir/types.js';
import { isDict, isInteger, type PlistDict, type PlistValue } from '../plist/value.js';
import { mergeTyped } from './lower-values.js';
import { canonicalOrder, recordOrder } from './order.js';

export const ACTIONS_KEY = 'WFWorkflowActions';

/**
 * A typed field of a small dictionary: its plist key, the test its value must
 * pass to be typed, and how it converts. A value that fails the test stays in
 * `extra` verbatim.
 */
interface Field<T> {
  readonly key: string;
  readonly prop: keyof T & string;
  readonly accepts: (value: PlistValue) => boolean;
  readonly lift: (value: PlistValue) => unknown;
  readonly lower: (value: never) => PlistValue;
}

const isString = (v: PlistValue): boolean => typeof v === 'string';
const isBoolean = (v: PlistValue): boolean => typeof v === 'boolean';
const isStringArray = (v: PlistValue): boolean => Array.isArray(v) && v.every((item) => typeof item === 'string');
const same = (v: PlistValue): unknown => v;
const sameBack = (v: never): PlistValue => v;
const bigintOf = (v: PlistValue): unknown => (v as { value: bigint }).value;
const bigintBack = (v: never): PlistValue => ({ kind: 'integer', value: v as bigint });
const anything = (): boolean => true;

function field<T>(key: string, prop: keyof T & string, accepts: (v: PlistValue) => boolean, lift = same, lower = sameBack): Field<T> {
  return { key, prop, accepts, lift, lower };
}

const METADATA_FIELDS: readonly Field<WorkflowMetadata>[] = [
  field('WFWorkflowClientVersion', 'clientVersion', isString),
  field('WFWorkflowClientRelease', 'clientRelease', isString),
  field('WFWorkflowMinimumClientVersion', 'minimumClientVersion', isInteger, bigintOf, bigintBack),
  field('WFWorkflowMinimumClientVersionString', 'minimumClientVersionString', isString),
  field('WFWorkflowTypes', 'types', isStringArray, (v) => [...(v as string[])], (v) => [...(v as string[])]),
  field('WFQuickActionSurfaces', 'quickActionSurfaces', isStringArray, (v) => [...(v as string[])], (v) => [...(v as string[])]),
  field('WFWorkflowInputContentItemClasses', 'inputContentItemClasses', isStringArray, (v) => [...(v as string[])], (v) => [...(v as string[])]),
  field('WFWorkflowOutputContentItemClasses', 'outputContentItemClasses', isStringArray, (v) => [...(v as string[])], (v) => [...(v as string[])]),
  field('WFWorkflowHasOutputFallback', 'hasOutputFallback', isBoolean),
  field('WFWorkflowHasShortcutInputVariables', 'hasShortcutInputVariables', isBoolean),
  field('WFWorkflowNoInputBehavior', 'noInputBehavior', anything),
  field('WFWorkflowName', 'name', isString),
];

const ICON_FIELDS: readonly Field<WorkflowIcon>[] = [
  field('WFWorkflowIconStartColor', 'startColor', isInteger, bigintOf, bigintBack),
  field('WFWorkflowIconGlyphNumber', 'glyphNumber', isInteger, bigintOf, bigintBack),
  field(
    'WFWorkflowIconImageData',
    'imageData',
    (v) => typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map) && v.kind === 'data',
    (v) => (v as { bytes: Uint8Array }).bytes,
    (v) => ({ kind: 'data', bytes: v as Uint8Array }),
  ),
];

const QUESTION_FIELDS: readonly Field<ImportQuestion>[] = [
  field('ActionIndex', 'actionIndex', isInteger, bigintOf, bigintBack),
  field('Category', 'category', isString),
  field('ParameterKey', 'parameterKey', isString),
  field('Text', 'text', isString),
  field('DefaultValue', 'defaultValue', anything),
];

/** Lifts the typed fields of `dict`; everything else goes to `extra`, order to `keyOrder`. */
function liftFields<T>(dict: PlistDict, fields: readonly Field<T>[], skip: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const typed: string[] = [...skip.filter((key) => dict.has(key))];
  const extra: Entry<PlistValue>[] = [];
  for (const [key, value] of dict) {
    if (skip.includes(key)) continue;
    const f = fields.find((candidate) => candidate.key === key);
    if (f !== undefined && f.accepts(value)) {
      out[f.prop] = f.lift(value);
      typed.push(key);
    } else {
      extra.push({ key, value });
    }
  }
  out.extra = extra;
  const keyOrder = recordOrder(dict, () => canonicalOrder(typed, extra.map((e) => e.key)));
  if (keyOrder !== undefined) out.keyOrder = keyOrder;
  return out;
}

function lowerFields<T>(
  node: T & { readonly extra: readonly Entry<PlistValue>[]; readonly keyOrder?: readonly string[] },
  fields: readonly Field<T>[],
  more: ReadonlyMap<string, PlistValue> = new Map(),
): PlistDict {
  const typed = new Map<string, PlistValue>(more);
  for (const f of fields) {
    const value = (node as Record<string, unknown>)[f.prop];
    if (value !== undefined) typed.set(f.key, f.lower(value as never));
  }
  return mergeTyped(typed, node.extra, node.keyOrder);
}

/** Every top-level key but the actions. Never fails: mistyped keys land in `extra`. */
export function liftMetadata(root: PlistDict): WorkflowMetadata {
  const out = liftFields(root, METADATA_FIELDS, [ACTIONS_KEY]);
  const extra = out.extra as Entry<PlistValue>[];
  // The icon and the import questions are typed when their container has the right shape.
  const iconAt = extra.findIndex((e) => e.key === 'WFWorkflowIcon' && isDict(e.value));
  if (iconAt >= 0) {
    out.icon = liftFields(extra[iconAt]!.value as PlistDict, ICON_FIELDS) as unknown as WorkflowIcon;
    extra.splice(iconAt, 1);
  }
  const questionsAt = extra.findIndex((e) => e.key === 'WFWorkflowImportQuestions' && Array.isArray(e.value) && e.value.every(isDict));
  if (questionsAt >= 0) {
    const questions = extra[questionsAt]!.value as PlistDict[];
    out.importQuestions = questions.map((q) => liftFields(q, QUESTION_FIELDS) as unknown as ImportQuestion);
    extra.splice(questionsAt, 1);
  }
  // The two typed containers moved out of `extra`: recompute whether the order is canonical.
  const typedKeys = [...root.keys()].filter((key) => !extra.some((e) => e.key === key));
  const keyOrder = recordOrder(root, () => canonicalOrder(typedKeys, extra.map((e) => e.key)));
  if (keyOrder === undefined) delete out.keyOrder;
  else out.keyOrder = keyOrder;
  return out as unknown as WorkflowMetadata;
}

/** The top-level dictionary, with `actions` under `WFWorkflowActions`. */
export function lowerMetadata(metadata: WorkflowMetadata, actions: PlistValue[]): PlistDict {
  const more = new Map<string, PlistValue>([[ACTIONS_KEY, actions]]);
  if (metadata.icon !== undefined) more.set('WFWorkflowIcon', lowerFields(metadata.icon, ICON_FIELDS));
  if (metadata.importQuestions !== undefined) {
    more.set(
      'WFWorkflowImportQuestions',
      metadata.importQuestions.map((q) => lowerFields(q, QUESTION_FIELDS)),
    );
  }
  return lowerFields(metadata, METADATA_FIELDS, more);
}
