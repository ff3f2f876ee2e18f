/**
 * The API catalog's schema: what one catalog file (JSON) holds.
 *
 * The same types serve the hand-written core (`api-catalog/core.json`), a
 * catalog built by `shortcutc catalog import`, and the merged catalog the
 * query API answers from. Everything is plain JSON (no Maps, no bigints), so
 * a catalog file is readable and diffable; `api-catalog/catalog.schema.json`
 * is the JSON Schema of this file format and `api-catalog/README.md` explains
 * each field and where it comes from.
 */

export const CATALOG_FORMAT = 'shortcutc-catalog';
export const CATALOG_VERSION = 1;

/** Where a fact came from. Entries and parameters list every source that described them. */
export type CatalogSourceKind = 'core' | 'workflowllm' | 'wfactions';

export interface CatalogDocument {
  readonly format: typeof CATALOG_FORMAT;
  readonly version: typeof CATALOG_VERSION;
  /** What this file is, in a sentence. */
  readonly description?: string;
  /** The inputs it was built from, with how many actions each gave. */
  readonly sources: readonly CatalogSourceInfo[];
  readonly actions: readonly ActionEntry[];
  /**
   * Parameter keys that real shortcuts carry although no source declares them
   * (other app versions, UI state, per-family keys). See `WildKeyRule`.
   */
  readonly wildKeys?: readonly WildKeyRule[];
}

export interface CatalogSourceInfo {
  readonly kind: CatalogSourceKind;
  /** The file or folder read (informational). */
  readonly path?: string;
  /** Actions this source described. */
  readonly actions: number;
}

/** A JSON value as it appears in a catalog (defaults, enum values). */
export type CatalogValue = string | number | boolean | null | readonly CatalogValue[] | { readonly [key: string]: CatalogValue };

export interface ActionEntry {
  /** The dotted action identifier stored in a shortcut, e.g. `is.workflow.actions.downloadurl`. */
  readonly identifier: string;
  /**
   * The function name in the Python-style code, e.g. `is_workflow_actions_downloadurl`.
   * WorkflowLLM's names are kept exactly (135 contain `-`); others are the
   * identifier with `.` → `_`.
   */
  readonly pythonName: string;
  /** The name the Shortcuts app shows ("Get Contents of URL"), or an app intent's title. */
  readonly name?: string;
  /**
   * The app (namespace) the action belongs to: `is.workflow.actions` for the
   * built-ins, else the identifier without its last component
   * (`com.joehribar.toggl` for `com.joehribar.toggl.StartTimeEntryIntent`).
   */
  readonly app: string;
  /** The app's display name when a source gives it (WFActions `AppDefinition.Name`). */
  readonly appName?: string;
  /** The Shortcuts app's own category and subcategory ("Scripting" / "Lists"). */
  readonly category?: string;
  readonly subcategory?: string;
  /** WorkflowLLM's topic categories ("Tools", "Communication", …), primary first. */
  readonly topics?: readonly string[];
  /** One paragraph saying what the action does. */
  readonly description?: string;
  /** Further notes (WFActions `DescriptionNote`, `DescriptionInput`, `DescriptionResult`). */
  readonly notes?: readonly string[];
  /** Search words ("Key Words" in WorkflowLLM, `ActionKeywords` in WFActions). */
  readonly keywords?: readonly string[];
  /** In the order the app shows them (WFActions) or WorkflowLLM's signature order. */
  readonly parameters: readonly ParameterEntry[];
  readonly input?: InputSpec;
  readonly output?: OutputSpec;
  /** The app's one-line summaries, keyed by the parameters they show ("Get ${WFItemSpecifier} from ${WFInput}"). */
  readonly summaries?: readonly ParameterSummary[];
  /** The implementing class in the app (WFActions `ActionClass`), e.g. `WFHandleCustomIntentAction`. */
  readonly actionClass?: string;
  /** WFActions says the action is discontinued. */
  readonly discontinued?: boolean;
  readonly sources: readonly CatalogSourceKind[];
}

export interface ParameterEntry {
  /** The key in `WFWorkflowActionParameters`, and the keyword in the Python-style code. */
  readonly key: string;
  /** The label the app shows next to it. */
  readonly label?: string;
  /** The app's parameter class, e.g. `WFEnumerationParameter`, or WorkflowLLM's `ENUM`/`STRING` for app intents. */
  readonly class?: string;
  /** The Python type in WorkflowLLM's signature (`str`, `float`, `bool`, `dict`, `List[str]`, an entity class…). */
  readonly pythonType?: string;
  readonly description?: string;
  /** The value the app uses when the key is absent. */
  readonly default?: CatalogValue;
  /** Hint text shown in an empty field (not a value: WorkflowLLM's "Default is" often quotes it). */
  readonly placeholder?: string;
  /** The allowed values of an enumeration, in the app's order. */
  readonly enum?: readonly EnumItem[];
  /** For app intents: the Python class naming the enumeration or the entity type. */
  readonly enumClass?: string;
  readonly entityClass?: string;
  /** The parameter only applies when all of these hold ("only when WFItemSpecifier is Item At Index"). */
  readonly relations?: readonly ParameterRelation[];
  /** The parameter takes a list of values (`AllowsMultipleValues`). */
  readonly multiple?: boolean;
  /** The app hides it from the editor. */
  readonly hidden?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly sources: readonly CatalogSourceKind[];
}

export interface EnumItem {
  /** The value stored in the shortcut (a string for the built-ins, an identifier for app intents). */
  readonly value: string | number | boolean;
  /** The name shown when it differs from the value (`ItemDisplayNames`). */
  readonly title?: string;
  /** An app intent enum's numeric case (`oldest = 0`). */
  readonly code?: number;
}

/**
 * One WFParameterRelationResource: the parameter is shown (applies) only when
 * `key` relates to `values` as `relation` says.
 */
export interface ParameterRelation {
  readonly key: string;
  /**
   * `equals`: the other parameter's value is one of `values`;
   * `notEquals`: it is none of them; `hasValue`: it is set (`??`);
   * `hasNoValue`: it is not set (`nil`). Numeric comparisons keep the app's
   * operator (`<`, `>=`, …).
   */
  readonly relation: RelationKind;
  readonly values?: readonly (string | number | boolean)[];
}

export type RelationKind = 'equals' | 'notEquals' | 'hasValue' | 'hasNoValue' | '<' | '<=' | '>' | '>=';

export interface InputSpec {
  /** The parameter the action's input goes to (`WFInput`). */
  readonly parameterKey?: string;
  /** Content item classes accepted (`WFContentItem`, `WFStringContentItem`, …). */
  readonly types: readonly string[];
  readonly multiple?: boolean;
  readonly required?: boolean;
}

export interface OutputSpec {
  /** The name references show for the output ("Contents of URL"). */
  readonly name?: string;
  /** Content item classes produced. */
  readonly types: readonly string[];
  readonly multiple?: boolean;
  /** WorkflowLLM's Python return type (`object`, `str`, `dict`…). */
  readonly pythonType?: string;
  /** Named values of an app intent's result (`message`, `details`, …). */
  readonly fields?: readonly OutputField[];
}

export interface OutputField {
  readonly name: string;
  readonly description?: string;
  readonly pythonType?: string;
}

export interface ParameterSummary {
  /** The parameters (with the enum value in parentheses when it matters), as the app writes them: `WFItemSpecifier(Item At Index),WFItemIndex,WFInput`. */
  readonly when: string;
  readonly text: string;
}

/**
 * Keys seen in real shortcuts though the sources do not declare them.
 * `actions` lists identifiers; an entry ending in `*` matches every
 * identifier with that prefix, and `*` alone matches every action. A key
 * ending in `*` matches every key with that prefix (`Show-*`).
 * The checker decides what to do with a match (accept silently, or note it).
 */
export interface WildKeyRule {
  readonly actions: readonly string[];
  readonly keys: readonly string[];
  /** Why these keys occur (version, UI state, …): shown to users. */
  readonly note: string;
}
