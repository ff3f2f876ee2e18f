import type { ActionEntry, CatalogSourceKind, InputSpec, OutputSpec, ParameterEntry, WildKeyRule } from './schema.js';

/**
 * Merges catalog layers into one list of actions. Layers are given highest
 * precedence first — normally core (hand-written), then WFActions.plist
 * (the app's own definitions, richer for the built-ins), then WorkflowLLM.
 *
 * Per field the first layer that says something wins, with these exceptions:
 *  - the Python name and Python types prefer WorkflowLLM's spelling over a
 *    name or type derived from a parameter class (they are the dialect),
 *    but a hand-written core value still wins;
 *  - keywords, notes and sources are unions (first layer's order first);
 *  - parameters are merged key by key, in the first layer's order, then keys
 *    only later layers know, in their order.
 *
 * Merging is idempotent: merging a merged catalog with one of its layers
 * again gives the same result (the loader relies on that to re-apply the
 * current core over an imported file).
 */
export function mergeActions(layers: readonly (readonly ActionEntry[])[]): ActionEntry[] {
  const order: string[] = [];
  const byId = new Map<string, ActionEntry[]>();
  for (const layer of layers) {
    for (const entry of layer) {
      const list = byId.get(entry.identifier);
      if (list === undefined) {
        order.push(entry.identifier);
        byId.set(entry.identifier, [entry]);
      } else {
        list.push(entry);
      }
    }
  }
  return order.map((id) => (byId.get(id) as ActionEntry[]).reduce((a, b) => mergeAction(a, b)));
}

/** `a` has precedence over `b`. */
export function mergeAction(a: ActionEntry, b: ActionEntry): ActionEntry {
  const merged: { -readonly [K in keyof ActionEntry]: ActionEntry[K] } = {
    identifier: a.identifier,
    pythonName: pickPythonName(a, b),
    app: a.app,
    parameters: mergeParameters(a, b),
    sources: union(a.sources, b.sources) as CatalogSourceKind[],
  };
  assign(merged, 'name', a.name ?? b.name);
  assign(merged, 'appName', a.appName ?? b.appName);
  assign(merged, 'category', a.category ?? b.category);
  assign(merged, 'subcategory', a.subcategory ?? b.subcategory);
  assign(merged, 'topics', a.topics ?? b.topics);
  assign(merged, 'description', a.description ?? b.description);
  assign(merged, 'notes', unionOrUndefined(a.notes, b.notes));
  assign(merged, 'keywords', unionOrUndefined(a.keywords, b.keywords, (k) => k.toLowerCase()));
  assign(merged, 'input', mergeInput(a.input, b.input));
  assign(merged, 'output', mergeOutput(a.output, b.output));
  assign(merged, 'summaries', a.summaries ?? b.summaries);
  assign(merged, 'actionClass', a.actionClass ?? b.actionClass);
  assign(merged, 'discontinued', a.discontinued ?? b.discontinued);
  return merged;
}

function pickPythonName(a: ActionEntry, b: ActionEntry): string {
  if (a.sources.includes('core') || a.sources.includes('workflowllm')) return a.pythonName;
  if (b.sources.includes('workflowllm')) return b.pythonName;
  return a.pythonName;
}

function mergeParameters(a: ActionEntry, b: ActionEntry): ParameterEntry[] {
  const out = a.parameters.map((p) => {
    const other = b.parameters.find((q) => q.key === p.key);
    return other === undefined ? p : mergeParameter(p, other);
  });
  for (const q of b.parameters) if (!a.parameters.some((p) => p.key === q.key)) out.push(q);
  return out;
}

function mergeParameter(a: ParameterEntry, b: ParameterEntry): ParameterEntry {
  const merged: { -readonly [K in keyof ParameterEntry]: ParameterEntry[K] } = {
    key: a.key,
    sources: union(a.sources, b.sources) as CatalogSourceKind[],
  };
  assign(merged, 'label', a.label ?? b.label);
  assign(merged, 'class', preferAppClass(a, b));
  assign(merged, 'pythonType', pickPythonType(a, b));
  assign(merged, 'description', a.description ?? b.description);
  assign(merged, 'default', a.default !== undefined ? a.default : b.default);
  assign(merged, 'placeholder', a.placeholder ?? b.placeholder);
  assign(merged, 'enum', a.enum ?? b.enum);
  assign(merged, 'enumClass', a.enumClass ?? b.enumClass);
  assign(merged, 'entityClass', a.entityClass ?? b.entityClass);
  assign(merged, 'relations', a.relations ?? b.relations);
  assign(merged, 'multiple', a.multiple ?? b.multiple);
  assign(merged, 'hidden', a.hidden ?? b.hidden);
  assign(merged, 'minimum', a.minimum ?? b.minimum);
  assign(merged, 'maximum', a.maximum ?? b.maximum);
  return merged;
}

/** The app's class names (`WF…Parameter`) say more than WorkflowLLM's `STRING`/`ENUM` for the same key. */
function preferAppClass(a: ParameterEntry, b: ParameterEntry): string | undefined {
  if (a.class !== undefined && b.class !== undefined && !a.class.startsWith('WF') && b.class.startsWith('WF')) return b.class;
  return a.class ?? b.class;
}

/** WorkflowLLM's Python types are the dialect's; a type derived from a class (WFActions layer) yields to them. */
function pickPythonType(a: ParameterEntry, b: ParameterEntry): string | undefined {
  const aDerived = !a.sources.includes('core') && !a.sources.includes('workflowllm');
  if (aDerived && b.sources.includes('workflowllm') && b.pythonType !== undefined) return b.pythonType;
  return a.pythonType ?? b.pythonType;
}

function mergeInput(a: InputSpec | undefined, b: InputSpec | undefined): InputSpec | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const merged: { -readonly [K in keyof InputSpec]: InputSpec[K] } = { types: a.types.length > 0 ? a.types : b.types };
  assign(merged, 'parameterKey', a.parameterKey ?? b.parameterKey);
  assign(merged, 'multiple', a.multiple ?? b.multiple);
  assign(merged, 'required', a.required ?? b.required);
  return merged;
}

function mergeOutput(a: OutputSpec | undefined, b: OutputSpec | undefined): OutputSpec | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const merged: { -readonly [K in keyof OutputSpec]: OutputSpec[K] } = { types: a.types.length > 0 ? a.types : b.types };
  assign(merged, 'name', a.name ?? b.name);
  assign(merged, 'multiple', a.multiple ?? b.multiple);
  assign(merged, 'pythonType', a.pythonType ?? b.pythonType);
  assign(merged, 'fields', a.fields ?? b.fields);
  return merged;
}

/** Wild-key rules from several layers: all of them, without exact repeats. */
export function mergeWildKeys(layers: readonly (readonly WildKeyRule[] | undefined)[]): WildKeyRule[] {
  const seen = new Set<string>();
  const out: WildKeyRule[] = [];
  for (const rules of layers) {
    for (const rule of rules ?? []) {
      const id = JSON.stringify([rule.actions, rule.keys, rule.note]);
      if (!seen.has(id)) {
        seen.add(id);
        out.push(rule);
      }
    }
  }
  return out;
}

function union<T>(a: readonly T[], b: readonly T[], keyOf: (item: T) => unknown = (x) => x): T[] {
  const seen = new Set(a.map(keyOf));
  const out = [...a];
  for (const item of b) {
    const k = keyOf(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

function unionOrUndefined<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, keyOf?: (item: T) => unknown): readonly T[] | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return union(a, b, keyOf);
}

/** Sets an optional field only when there is a value, so merged entries carry no `undefined` keys. */
function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
