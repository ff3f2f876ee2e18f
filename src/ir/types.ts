/**
 * The workflow IR: a typed tree that says everything a shortcut's plist says.
 *
 * Lifting (plist → IR, `src/lift/`) and lowering (IR → plist) are exact
 * inverses on every input: what the typed forms below cannot say exactly is
 * kept verbatim (`extra` entries, `raw` values, `raw` statements), never
 * dropped. The decompiler, the code compiler and the checker all speak this IR.
 *
 * Conventions:
 *  - Ordered key/value lists (`Entry[]`) wherever the plist has a dictionary
 *    whose order is not fixed by this model, so re-encoding keeps the order.
 *  - A typed form is used only when the plist has exactly that form's shape;
 *    any other wrapper lifts to `serialized` (its `Value` lifted
 *    generically), any other dictionary to `map`, any other action entry to a
 *    `RawActionStatement`.
 *  - Integers are bigint (the full 64-bit range), reals are numbers.
 *  - Key order. Lowering writes a dictionary in its canonical order: the
 *    `Entry[]` keys in list order, with the typed keys merged in sorted
 *    (code-unit) order — so a file whose keys were sorted (every XML file:
 *    Apple's XML writer sorts) needs nothing more. Where a file had another
 *    order (binary files: Apple's binary writer does not sort), lifting
 *    records it (`keyOrder`, `parameterOrder`, `actionKeyOrder`, `layout`).
 *    These fields are absent whenever the order was the canonical one, so IR
 *    built from code (which never sets them) lifts back identically. They
 *    carry no meaning: tools other than lift/lower can ignore them.
 */
import type { PlistValue } from '../plist/value.js';

/** A key and a value, in plist order. */
export interface Entry<V> {
  readonly key: string;
  readonly value: V;
}

// ─── Workflow ────────────────────────────────────────────────────────────────

export interface Workflow {
  readonly metadata: WorkflowMetadata;
  /** The actions as a tree: control-flow groups become block statements. */
  readonly body: readonly Statement[];
}

/**
 * Every top-level key but `WFWorkflowActions`. Known keys are typed when their
 * value has the expected plist type; otherwise the key lands in `extra`.
 */
export interface WorkflowMetadata {
  /** `WFWorkflowClientVersion`, e.g. "1146.11.1". */
  readonly clientVersion?: string;
  /** `WFWorkflowClientRelease`, e.g. "2.0" (older files). */
  readonly clientRelease?: string;
  /** `WFWorkflowMinimumClientVersion`, e.g. 900. */
  readonly minimumClientVersion?: bigint;
  /** `WFWorkflowMinimumClientVersionString`, e.g. "900". */
  readonly minimumClientVersionString?: string;
  readonly icon?: WorkflowIcon;
  readonly importQuestions?: readonly ImportQuestion[];
  /** `WFWorkflowTypes`: NCWidget, WatchKit, ActionExtension, … */
  readonly types?: readonly string[];
  /** `WFQuickActionSurfaces`. */
  readonly quickActionSurfaces?: readonly string[];
  /** `WFWorkflowInputContentItemClasses`. */
  readonly inputContentItemClasses?: readonly string[];
  /** `WFWorkflowOutputContentItemClasses`. */
  readonly outputContentItemClasses?: readonly string[];
  readonly hasOutputFallback?: boolean;
  readonly hasShortcutInputVariables?: boolean;
  /** `WFWorkflowNoInputBehavior`: what to do when run without input (a dictionary). */
  readonly noInputBehavior?: PlistValue;
  /** `WFWorkflowName` (rare; the name usually lives outside the file). */
  readonly name?: string;
  /** Unknown keys, and known keys whose value had an unexpected type, verbatim. */
  readonly extra: readonly Entry<PlistValue>[];
  /**
   * The top-level keys in the order the file had them (including
   * `WFWorkflowActions`), so lowering re-creates that order. Absent for
   * workflows built from code and when the file's order was the canonical
   * one (see the conventions at the top).
   */
  readonly keyOrder?: readonly string[];
}

export interface WorkflowIcon {
  /** `WFWorkflowIconStartColor`: an RGBA colour, seen both as signed 32-bit and unsigned. */
  readonly startColor?: bigint;
  readonly glyphNumber?: bigint;
  /** `WFWorkflowIconImageData`. */
  readonly imageData?: Uint8Array;
  /** Other icon keys (e.g. `WFWorkflowIconEndColor`) and mistyped known keys. */
  readonly extra: readonly Entry<PlistValue>[];
  readonly keyOrder?: readonly string[];
}

/** One `WFWorkflowImportQuestions` entry: asked when the shortcut is added. */
export interface ImportQuestion {
  /** Index of the action in the flat action list that the answer goes into. */
  readonly actionIndex?: bigint;
  readonly category?: string;
  readonly parameterKey?: string;
  readonly text?: string;
  readonly defaultValue?: PlistValue;
  readonly extra: readonly Entry<PlistValue>[];
  readonly keyOrder?: readonly string[];
}

// ─── Statements ──────────────────────────────────────────────────────────────

export type Statement =
  | ActionStatement
  | IfStatement
  | MenuStatement
  | RepeatCountStatement
  | RepeatEachStatement
  | RawActionStatement;

/** What every flat action shares beside its identifier. */
export interface ActionCore {
  /** Parameters other than those the statement types (UUID, control-flow keys), in order. */
  readonly parameters: readonly Entry<Value>[];
  /** `UUID`: the identity later `ActionOutput` references point at. */
  readonly outputUuid?: string;
  /** `CustomOutputName`: the name the user gave the output in the app. */
  readonly customOutputName?: string;
  /** Keys on the action dictionary beside the identifier and parameters (e.g. `SCPLData`). */
  readonly extraKeys: readonly Entry<PlistValue>[];
  /**
   * Order of the parameter keys as they came, including the ones typed above
   * (`UUID`, `CustomOutputName`, `GroupingIdentifier`, `WFControlFlowMode`).
   * Absent for actions built from code and when the order was canonical.
   */
  readonly parameterOrder?: readonly string[];
  /**
   * Order of the action dictionary's own keys (`WFWorkflowActionIdentifier`,
   * `WFWorkflowActionParameters`, extra keys) when not canonical (new: 137 of
   * 7,666 corpus actions list the parameters first).
   */
  readonly actionKeyOrder?: readonly string[];
}

/** A plain action: `{WFWorkflowActionIdentifier, WFWorkflowActionParameters}`. */
export interface ActionStatement extends ActionCore {
  readonly kind: 'action';
  readonly identifier: string;
}

/**
 * An entry of `WFWorkflowActions` that is not an action dictionary (not a
 * dictionary, no string identifier, parameters missing or not a dictionary).
 *
 * Changed from the first draft: control-flow actions outside a well-formed
 * group are NOT raw statements; they lift to plain `ActionStatement`s whose
 * `GroupingIdentifier` / `WFControlFlowMode` stay ordinary parameters, so
 * their variables stay typed and their UUIDs renameable, and an emitter can
 * print them as ordinary calls. `action` is a lifted `Value` (not a
 * `PlistValue`) for the same reason: every `ActionOutput` reference anywhere
 * in `WFWorkflowActions` stays a typed `VariableReference`.
 */
export interface RawActionStatement {
  readonly kind: 'raw';
  readonly action: Value;
  /** Why it could not be typed; lifting also reports it as a warning. */
  readonly reason: string;
}

/**
 * One flat action of a control-flow group (start, middle or end). The group's
 * `GroupingIdentifier` and each part's `WFControlFlowMode` are implied by the
 * block; everything else the flat action carries stays here.
 */
export type ControlPart = ActionCore;

interface BlockCommon {
  /** `GroupingIdentifier` shared by all parts of the group. */
  readonly groupingIdentifier: string;
  /** The mode-2 action. Its `outputUuid` lets later actions use the block's output. */
  readonly end: ControlPart;
  /**
   * True when the start action has no `WFControlFlowMode` key at all, which
   * Shortcuts reads as 0. Old Workflow-app files write starts that way (74
   * start actions in the corpus); without this flag they would look malformed.
   */
  readonly startModeImplicit?: true;
}

/** `is.workflow.actions.conditional`: If / Otherwise / End If. */
export interface IfStatement extends BlockCommon {
  readonly kind: 'if';
  /** The mode-0 action: `WFCondition`, `WFInput`, `WFConditionalActionString`, … */
  readonly start: ControlPart;
  readonly then: readonly Statement[];
  /** The mode-1 action and the statements after it, when the group has one. */
  readonly otherwise?: { readonly part: ControlPart; readonly body: readonly Statement[] };
}

/** `is.workflow.actions.choosefrommenu`: Choose from Menu / cases / End Menu. */
export interface MenuStatement extends BlockCommon {
  readonly kind: 'menu';
  /** The mode-0 action: `WFMenuPrompt`, `WFMenuItems`, … */
  readonly start: ControlPart;
  /** Each mode-1 action (with `WFMenuItemTitle`) and its statements. */
  readonly cases: readonly { readonly part: ControlPart; readonly body: readonly Statement[] }[];
}

/** `is.workflow.actions.repeat.count`: Repeat n times / End Repeat. */
export interface RepeatCountStatement extends BlockCommon {
  readonly kind: 'repeatCount';
  /** The mode-0 action: `WFRepeatCount`. */
  readonly start: ControlPart;
  readonly body: readonly Statement[];
}

/** `is.workflow.actions.repeat.each`: Repeat with Each / End Repeat. */
export interface RepeatEachStatement extends BlockCommon {
  readonly kind: 'repeatEach';
  /** The mode-0 action: `WFInput`. */
  readonly start: ControlPart;
  readonly body: readonly Statement[];
}

export type BlockStatement = IfStatement | MenuStatement | RepeatCountStatement | RepeatEachStatement;

// ─── Values ──────────────────────────────────────────────────────────────────

/**
 * A parameter value. Plain plist values map to the first group of kinds;
 * `{WFSerializationType, Value}` wrappers map to the typed kinds when their
 * shape is exactly the canonical one and to `serialized` otherwise (other
 * wrapper types, or a known type with an unusual `Value`); `raw` holds what
 * the model has no kind for (UIDs).
 */
export type Value =
  // plain plist values
  | StringValue
  | IntegerValue
  | RealValue
  | BooleanValue
  | DateValue
  | DataValue
  | ListValue
  | MapValue
  // serializations
  | TextValue
  | VariableValue
  | AttachmentValue
  | DictionaryValue
  | ArrayStateValue
  | QuantityValue
  | SerializedValue
  // escape hatch
  | RawValue;

export interface StringValue {
  readonly kind: 'string';
  readonly value: string;
}
export interface IntegerValue {
  readonly kind: 'integer';
  readonly value: bigint;
}
export interface RealValue {
  readonly kind: 'real';
  readonly value: number;
}
export interface BooleanValue {
  readonly kind: 'boolean';
  readonly value: boolean;
}
export interface DateValue {
  readonly kind: 'date';
  readonly secondsSince2001: number;
}
export interface DataValue {
  readonly kind: 'data';
  readonly bytes: Uint8Array;
}
/**
 * How a typed value's dictionaries were laid out in the file, when that
 * differs from the canonical order lowering writes by default (see the
 * conventions at the top). New; meaningless to every tool but lift/lower.
 */
export interface Layout {
  /** Key order of the `{WFSerializationType, Value}` wrapper (93 of 3,833 corpus wrappers are not sorted). */
  readonly wrapper?: readonly string[];
  /** Key order of the node's own dictionary: the wrapper's `Value`, an attachment, an aggrandizement, an item. */
  readonly keys?: readonly string[];
  /**
   * `WFTextTokenString` only: the order of `attachmentsByRange` as indexes
   * into the text's variable parts (0 = first variable in the text).
   */
  readonly ranges?: readonly number[];
}

/** A plain plist array (e.g. `WFMenuItems`), items lifted recursively. */
export interface ListValue {
  readonly kind: 'list';
  readonly items: readonly Value[];
}
/** A plain plist dictionary without `WFSerializationType` (e.g. `WFSelectedApp`). */
export interface MapValue {
  readonly kind: 'map';
  readonly entries: readonly Entry<Value>[];
}

/**
 * `WFTextTokenString`: text with variables embedded. In the plist each variable
 * is a U+FFFC in `string`, located by UTF-16 offset in `attachmentsByRange`.
 * Here the text is a sequence of literal runs and variables; a U+FFFC that no
 * attachment points at stays a literal character.
 */
export interface TextValue {
  readonly kind: 'text';
  readonly parts: readonly TextPart[];
  /** False when the plist's `Value` had no `attachmentsByRange` key at all (older files). */
  readonly hasAttachmentsKey: boolean;
  readonly layout?: Layout;
}
export type TextPart = string | VariableReference;

/** `WFTextTokenAttachment`: a parameter that is exactly one variable. */
export interface VariableValue {
  readonly kind: 'variable';
  readonly variable: VariableReference;
  /** Only `wrapper` is used; the attachment's own order is on the reference. */
  readonly layout?: Layout;
}

/**
 * A bare attachment dictionary with no serialization wrapper, as the plist has
 * it in some places (e.g. a `WFQuantityFieldValue`'s `Magnitude`, a
 * `WFTimeOffsetValue`'s `Value`). Lifting recognises a plain dictionary as one
 * when its `Type` is a known source and that source's key is there
 * (`OutputUUID` for ActionOutput, `VariableName` for Variable); so the source
 * is never `other` here.
 */
export interface AttachmentValue {
  readonly kind: 'attachment';
  readonly variable: VariableReference;
}

/** An attachment: where a value comes from, and how it is transformed on the way. */
export interface VariableReference {
  readonly source: VariableSource;
  readonly aggrandizements: readonly Aggrandizement[];
  /** Whether the plist had an `Aggrandizements` key (possibly an empty array). */
  readonly hasAggrandizementsKey: boolean;
  /**
   * Keys of the attachment this model does not type, lifted (changed from
   * `PlistValue` in the draft so that a reference nested in an unknown key
   * still stays typed).
   */
  readonly extra: readonly Entry<Value>[];
  /** Key order of the attachment dictionary, including `Type`, when not canonical. */
  readonly keyOrder?: readonly string[];
}

export type VariableSource =
  /** `ActionOutput`: the output of the action whose `UUID` is `outputUuid`. */
  | { readonly kind: 'actionOutput'; readonly outputUuid: string; readonly outputName?: string }
  /** `Variable`: a named variable (also `Repeat Item`, `Repeat Index`). */
  | { readonly kind: 'variable'; readonly name: string; readonly variableUuid?: string }
  /** `ExtensionInput`: the shortcut's input. */
  | { readonly kind: 'shortcutInput' }
  /** `Ask`: ask each time. */
  | { readonly kind: 'ask' }
  | { readonly kind: 'clipboard' }
  | { readonly kind: 'currentDate' }
  | { readonly kind: 'deviceDetails' }
  /** `Input`: the input of the action (older files). */
  | { readonly kind: 'input' }
  /** Any other `Type`, kept as is. */
  | { readonly kind: 'other'; readonly type: string };

/**
 * The typed aggrandizements hold `PlistValue`s beside their key field; lifting
 * uses them only when none of those values holds a variable reference
 * (`PropertyUserInfo` is a plain string or dictionary in every real file), and
 * `other` otherwise. `keyOrder` is the dictionary's key order (with `Type`)
 * when not canonical.
 */
export type Aggrandizement =
  /** `WFCoercionVariableAggrandizement`: get the value as another content type. */
  | { readonly kind: 'coercion'; readonly itemClass: string; readonly extra: readonly Entry<PlistValue>[]; readonly keyOrder?: readonly string[] }
  /** `WFDictionaryValueVariableAggrandizement`: value for a key. */
  | { readonly kind: 'dictionaryKey'; readonly key: string; readonly extra: readonly Entry<PlistValue>[]; readonly keyOrder?: readonly string[] }
  /** `WFPropertyVariableAggrandizement`: a property such as Name or File Extension. */
  | { readonly kind: 'property'; readonly name: string; readonly extra: readonly Entry<PlistValue>[]; readonly keyOrder?: readonly string[] }
  /** `WFDateFormatVariableAggrandizement`: the date/time styles, kept as entries. */
  | { readonly kind: 'dateFormat'; readonly fields: readonly Entry<PlistValue>[]; readonly keyOrder?: readonly string[] }
  /** `WFUnitVariableAggrandizement`. */
  | { readonly kind: 'unit'; readonly fields: readonly Entry<PlistValue>[]; readonly keyOrder?: readonly string[] }
  /**
   * Any other aggrandizement (or a typed one whose shape is off), lifted
   * generically (changed from `PlistValue` so references inside stay typed).
   */
  | { readonly kind: 'other'; readonly value: Value };

/** `WFDictionaryFieldValue`: the Dictionary action's and JSON bodies' key/value table. */
export interface DictionaryValue {
  readonly kind: 'dictionary';
  readonly items: readonly DictionaryItem[];
  /** Only `wrapper` is used (the wrapped `Value` has the one key `WFDictionaryFieldValueItems`). */
  readonly layout?: Layout;
}

/**
 * `WFItemType`: 0 text, 1 dictionary, 2 array, 3 number, 4 boolean. Changed
 * from the draft's `0 | 1 | 2 | 3 | 4`: real files also use 5 (an item whose
 * value is a `WFTokenAttachmentParameterState`, 3 corpus items), so any
 * integer is kept.
 */
export type DictionaryItemType = number;

export interface DictionaryItem {
  readonly itemType: DictionaryItemType;
  /** Optional (changed from the draft): array items have no `WFKey`. */
  readonly key?: Value;
  /** Optional (changed from the draft): a corpus item has `WFItemType` 5 and `WFKey` but no `WFValue`. */
  readonly value?: Value;
  /** Keys on the item beside WFItemType, WFKey and WFValue, verbatim (never holding a reference). */
  readonly extra: readonly Entry<PlistValue>[];
  /** Key order of the item dictionary, when not canonical (387 of 570 corpus items put `WFKey` first). */
  readonly keyOrder?: readonly string[];
}

/** `WFArrayParameterState`: a list whose items are plain values or typed items. */
export interface ArrayStateValue {
  readonly kind: 'arrayState';
  readonly items: readonly ArrayStateItem[];
  /** Only `wrapper` is used. */
  readonly layout?: Layout;
}
/**
 * `typed` is exactly `{WFItemType: integer, WFValue}` (plus reference-free
 * extra keys); any other item is `plain`, lifted generically.
 */
export type ArrayStateItem =
  | { readonly kind: 'plain'; readonly value: Value }
  | {
      readonly kind: 'typed';
      readonly itemType: DictionaryItemType;
      readonly value: Value;
      readonly extra: readonly Entry<PlistValue>[];
      readonly keyOrder?: readonly string[];
    };

/** `WFQuantityFieldValue`: a magnitude (number, text or variable) and a unit. */
export interface QuantityValue {
  readonly kind: 'quantity';
  readonly magnitude?: Value;
  readonly unit?: string;
  /** `wrapper`, and `keys` for the `{Magnitude, Unit}` dictionary (33 of 47 corpus quantities put `Unit` first). */
  readonly layout?: Layout;
}

/**
 * Any other `{WFSerializationType, Value}` wrapper (WFTimeOffsetValue,
 * WFContactFieldValue, WFContentPredicateTableTemplate,
 * WFNumberSubstitutableState, WFTokenAttachmentParameterState, …): the type
 * name and the wrapped value, lifted recursively so variables inside stay typed.
 */
export interface SerializedValue {
  readonly kind: 'serialized';
  readonly serializationType: string;
  readonly value: Value;
  /** Only `wrapper` is used. */
  readonly layout?: Layout;
}

/**
 * A value this model does not type, verbatim. Lifting never puts a variable
 * reference (an `OutputUUID`) inside a raw value: every reference stays typed,
 * so that tools can follow and rename them. Since plain dictionaries and
 * arrays lift to `map`/`list` and unknown wrappers to `serialized`, lifting
 * uses `raw` only for keyed-archiver UIDs.
 */
export interface RawValue {
  readonly kind: 'raw';
  readonly value: PlistValue;
}
