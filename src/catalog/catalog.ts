import { normalizeName, wordsOf } from './names.js';
import type { ActionEntry, CatalogDocument, CatalogSourceKind, EnumItem, ParameterEntry, WildKeyRule } from './schema.js';
import { SearchIndex, type SearchHit } from './search.js';
import { editDistance, SpellingIndex } from './suggest.js';

/** Which catalog a command uses, and how it was found (for `--verbose`). */
export interface CatalogOrigin {
  /** `flag`: --catalog; `env`: SHORTCUTC_CATALOG; `user`: the user data folder; `builtin`: the core in the package; `memory`: built in process. */
  readonly kind: 'flag' | 'env' | 'user' | 'builtin' | 'memory';
  readonly path?: string;
}

/** How a name was resolved. */
export interface Resolution {
  readonly action: ActionEntry;
  /** `identifier` (dotted), `pythonName` (exact), `normalized` (case and `-`/`_`/`.` loosely). */
  readonly via: 'identifier' | 'pythonName' | 'normalized';
}

/** What the catalog knows about a parameter key on an action. */
export type KeyStatus =
  | { readonly kind: 'declared'; readonly parameter: ParameterEntry }
  /** Not declared, but real shortcuts carry it (the rule says why). */
  | { readonly kind: 'wild'; readonly rule: WildKeyRule }
  | { readonly kind: 'unknown' };

export interface ActionSuggestion {
  readonly action: ActionEntry;
  /** `spelling`: close by edit distance; `words`: shares words with the name (search). */
  readonly reason: 'spelling' | 'words';
  /** Edit distance between the normalised names (spelling suggestions). */
  readonly distance?: number;
}

export interface KeySuggestion {
  readonly key: string;
  /** 0 for a match up to case or the `WF` prefix or the label; else the edit distance. */
  readonly distance: number;
}

export interface CountRow {
  readonly name: string;
  readonly count: number;
}

export interface CatalogStats {
  readonly actions: number;
  /** Actions each source described (an action described by two counts in both). */
  readonly bySource: Readonly<Record<CatalogSourceKind, number>>;
  /** Actions WorkflowLLM's 1,503 do not describe (WFActions-only and core-only ones). */
  readonly notInWorkflowLlm: number;
  /** Actions only the hand-written core describes. */
  readonly coreOnly: number;
  readonly apps: number;
  /** Per app (namespace), most actions first. */
  readonly appCounts: readonly CountRow[];
  /** The Shortcuts app's categories. */
  readonly categories: readonly CountRow[];
  /** WorkflowLLM's topic categories (primary topic of each action). */
  readonly topics: readonly CountRow[];
  readonly parameters: number;
  readonly enumParameters: number;
  readonly parametersWithRelations: number;
  readonly actionsWithOutput: number;
  readonly wildKeyRules: number;
}

/**
 * The query API over one catalog. Built once per process (indexes are made
 * in the constructor, about a millisecond per hundred actions); every method
 * is a lookup or a bounded scan.
 */
export class Catalog {
  private readonly byId = new Map<string, ActionEntry>();
  private readonly byPython = new Map<string, ActionEntry>();
  private readonly byNormalized = new Map<string, ActionEntry>();
  private readonly params = new Map<ActionEntry, Map<string, ParameterEntry>>();
  private index: SearchIndex | undefined;
  /** Normalised Python names in `actions` order, for spelling suggestions (built on first use). */
  private spelling: SpellingIndex | undefined;
  /** Identifiers or Python names that more than one entry used (the first entry wins). */
  readonly duplicates: readonly string[];

  constructor(
    readonly document: CatalogDocument,
    readonly origin: CatalogOrigin = { kind: 'memory' },
  ) {
    const duplicates: string[] = [];
    for (const action of document.actions) {
      if (this.byId.has(action.identifier)) {
        duplicates.push(action.identifier);
        continue;
      }
      this.byId.set(action.identifier, action);
      if (this.byPython.has(action.pythonName)) duplicates.push(action.pythonName);
      else this.byPython.set(action.pythonName, action);
      for (const name of [action.pythonName, action.identifier]) {
        const key = normalizeName(name);
        if (!this.byNormalized.has(key)) this.byNormalized.set(key, action);
      }
      const map = new Map<string, ParameterEntry>();
      for (const p of action.parameters) if (!map.has(p.key)) map.set(p.key, p);
      this.params.set(action, map);
    }
    this.duplicates = duplicates;
  }

  /** Every action, in catalog order (first occurrence of each identifier). */
  get actions(): readonly ActionEntry[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  get wildKeys(): readonly WildKeyRule[] {
    return this.document.wildKeys ?? [];
  }

  byIdentifier(identifier: string): ActionEntry | undefined {
    return this.byId.get(identifier);
  }

  /** Exact: `is_workflow_actions_display_always-on_set`. */
  byPythonName(name: string): ActionEntry | undefined {
    return this.byPython.get(name);
  }

  /** Loose, for model code: case and `-`/`_`/`.` do not matter. */
  byNormalizedName(name: string): ActionEntry | undefined {
    return this.byNormalized.get(normalizeName(name));
  }

  /** A dotted identifier, an exact Python name, or a loose one, in that order. */
  resolve(name: string): Resolution | undefined {
    const byId = this.byId.get(name);
    if (byId !== undefined) return { action: byId, via: 'identifier' };
    const byPython = this.byPython.get(name);
    if (byPython !== undefined) return { action: byPython, via: 'pythonName' };
    const loose = this.byNormalizedName(name);
    return loose === undefined ? undefined : { action: loose, via: 'normalized' };
  }

  parameter(action: ActionEntry | string, key: string): ParameterEntry | undefined {
    const entry = this.entry(action);
    return entry === undefined ? undefined : this.params.get(entry)?.get(key);
  }

  /** Declared parameter, a key real shortcuts use (wild), or unknown. */
  keyStatus(action: ActionEntry | string, key: string): KeyStatus {
    const entry = this.entry(action);
    const identifier = typeof action === 'string' ? (entry?.identifier ?? action) : action.identifier;
    const parameter = entry === undefined ? undefined : this.params.get(entry)?.get(key);
    if (parameter !== undefined) return { kind: 'declared', parameter };
    const rule = this.wildKeys.find((r) => r.actions.some((a) => patternMatches(a, identifier)) && r.keys.some((k) => patternMatches(k, key)));
    return rule === undefined ? { kind: 'unknown' } : { kind: 'wild', rule };
  }

  /** Keys known for an action without a pattern: declared ones, then wild ones. */
  knownKeys(action: ActionEntry | string): string[] {
    const entry = this.entry(action);
    const identifier = typeof action === 'string' ? (entry?.identifier ?? action) : action.identifier;
    const keys = entry === undefined ? [] : entry.parameters.map((p) => p.key);
    for (const rule of this.wildKeys) {
      if (!rule.actions.some((a) => patternMatches(a, identifier))) continue;
      for (const k of rule.keys) if (!k.endsWith('*') && !keys.includes(k)) keys.push(k);
    }
    return keys;
  }

  /** The name references show for the action's output ("Contents of URL"). */
  outputName(action: ActionEntry | string): string | undefined {
    return this.entry(action)?.output?.name;
  }

  /** Whether the action has an output; undefined for an unknown action. */
  hasOutput(action: ActionEntry | string): boolean | undefined {
    const entry = this.entry(action);
    return entry === undefined ? undefined : entry.output !== undefined;
  }

  /** Ranked over names, identifiers, keywords, categories and descriptions. */
  search(words: string | readonly string[], limit = 10): SearchHit[] {
    this.index ??= new SearchIndex(this.actions);
    return this.index.search(words, limit);
  }

  /**
   * "Did you mean" for an unknown action name (Python or dotted): the names
   * within a few edits first (closest first), then actions whose names and
   * keywords share the name's words.
   */
  suggestActions(name: string, limit = 5): ActionSuggestion[] {
    const query = normalizeName(name);
    if (query === '' || limit <= 0) return [];
    const bound = Math.max(2, Math.floor(query.length / 4));
    const actions = this.actions;
    this.spelling ??= new SpellingIndex(actions.map((a) => normalizeName(a.pythonName)));
    const spelled = this.spelling.within(query, bound).map(({ index, distance }) => ({ action: actions[index]!, distance }));
    spelled.sort((a, b) => a.distance - b.distance || a.action.pythonName.length - b.action.pythonName.length);
    const out: ActionSuggestion[] = spelled.slice(0, limit).map((s) => ({ action: s.action, reason: 'spelling', distance: s.distance }));
    if (out.length < limit) {
      const words = wordsOf(name).filter((w) => !NAMESPACE_WORDS.has(w));
      for (const hit of this.search(words, limit * 2)) {
        if (out.length >= limit) break;
        if (!out.some((s) => s.action === hit.action)) out.push({ action: hit.action, reason: 'words' });
      }
    }
    return out;
  }

  /** The nearest known keys of an action (declared first, then wild), for an unknown key. */
  suggestParameters(action: ActionEntry | string, key: string, limit = 3): KeySuggestion[] {
    const entry = this.entry(action);
    const candidates = this.knownKeys(action);
    const query = key.toLowerCase();
    const bound = Math.max(2, Math.floor(query.length / 3));
    const out: KeySuggestion[] = [];
    for (const candidate of candidates) {
      const label = entry === undefined ? undefined : this.params.get(entry)?.get(candidate)?.label;
      const distance = keyDistance(query, candidate, label, bound);
      if (distance <= bound) out.push({ key: candidate, distance });
    }
    out.sort((a, b) => a.distance - b.distance || candidates.indexOf(a.key) - candidates.indexOf(b.key));
    return out.slice(0, limit);
  }

  /** The nearest allowed enum items for a value outside the list. */
  suggestEnumValues(parameter: ParameterEntry, value: string, limit = 3): EnumItem[] {
    const items = parameter.enum ?? [];
    const query = value.toLowerCase();
    const scored = items.map((item) => {
      const texts = [String(item.value), ...(item.title === undefined ? [] : [item.title])].map((t) => t.toLowerCase());
      const distance = Math.min(...texts.map((t) => (t === query ? 0 : t.startsWith(query) || query.startsWith(t) ? 1 : editDistance(query, t, 12))));
      return { item, distance };
    });
    const bound = Math.max(2, Math.floor(query.length / 2));
    return scored
      .filter((s) => s.distance <= bound)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, limit)
      .map((s) => s.item);
  }

  stats(): CatalogStats {
    const bySource: Record<CatalogSourceKind, number> = { core: 0, workflowllm: 0, wfactions: 0 };
    let notInWorkflowLlm = 0;
    let coreOnly = 0;
    const apps = new Map<string, number>();
    const categories = new Map<string, number>();
    const topics = new Map<string, number>();
    let parameters = 0;
    let enumParameters = 0;
    let withRelations = 0;
    let withOutput = 0;
    for (const action of this.byId.values()) {
      for (const s of action.sources) bySource[s]++;
      if (!action.sources.includes('workflowllm')) notInWorkflowLlm++;
      if (action.sources.length === 1 && action.sources[0] === 'core') coreOnly++;
      bump(apps, action.app);
      if (action.category !== undefined) bump(categories, action.category);
      const topic = action.topics?.[0];
      if (topic !== undefined) bump(topics, topic);
      parameters += action.parameters.length;
      enumParameters += action.parameters.filter((p) => (p.enum?.length ?? 0) > 0).length;
      withRelations += action.parameters.filter((p) => (p.relations?.length ?? 0) > 0).length;
      if (action.output !== undefined) withOutput++;
    }
    return {
      actions: this.byId.size,
      bySource,
      notInWorkflowLlm,
      coreOnly,
      apps: apps.size,
      appCounts: rows(apps),
      categories: rows(categories),
      topics: rows(topics),
      parameters,
      enumParameters,
      parametersWithRelations: withRelations,
      actionsWithOutput: withOutput,
      wildKeyRules: this.wildKeys.length,
    };
  }

  private entry(action: ActionEntry | string): ActionEntry | undefined {
    return typeof action === 'string' ? this.resolve(action)?.action : action;
  }
}

const NAMESPACE_WORDS: ReadonlySet<string> = new Set(['is', 'workflow', 'actions', 'com', 'intent']);

/** `*` alone matches everything; a trailing `*` matches a prefix; else exact. */
export function patternMatches(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

function keyDistance(query: string, candidate: string, label: string | undefined, bound: number): number {
  const c = candidate.toLowerCase();
  if (c === query) return 0;
  const stripWf = (s: string): string => (s.startsWith('wf') ? s.slice(2) : s);
  if (stripWf(c) === stripWf(query)) return 0;
  if (label !== undefined && label.toLowerCase().replace(/\s+/g, '') === query.replace(/[\s_-]+/g, '')) return 0;
  return Math.min(editDistance(query, c, bound), editDistance(stripWf(query), stripWf(c), bound) + 1);
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function rows(map: Map<string, number>): CountRow[] {
  return [...map].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
