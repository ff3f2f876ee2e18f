import type { ActionSuggestion, Catalog } from '../../catalog/catalog.js';
import type { ActionEntry } from '../../catalog/schema.js';
import type { ActionSite, CheckContext } from '../context.js';
import { checkerDiagnostics as D } from '../diagnostics.js';
import { codeList, didYouMean } from '../wording.js';

const SUGGESTIONS = 5;

/**
 * Suggestions per catalog and name: the same unknown action (a third-party
 * app's intent, a model's favourite invention) recurs across the files of a
 * run, and ranking 1,500 names costs about a millisecond. Bounded, so a long
 * run over many distinct names does not grow without limit.
 */
const MEMO_LIMIT = 4096;
const memo = new WeakMap<Catalog, Map<string, ActionSuggestion[]>>();

function suggestionsFor(catalog: Catalog, name: string): ActionSuggestion[] {
  let map = memo.get(catalog);
  if (map === undefined) {
    map = new Map();
    memo.set(catalog, map);
  }
  let found = map.get(name);
  if (found === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    found = catalog.suggestActions(name, SUGGESTIONS);
    map.set(name, found);
  }
  return found;
}

/**
 * Unknown action (SC6001): the identifier is not exactly one the catalog
 * knows (Shortcuts looks identifiers up exactly, so a match only up to case
 * or separators is unknown too, and that match is the first suggestion).
 * Suggestions: the names a few edits away, then actions whose names and
 * keywords share the name's words. Returns the entry when the action is known.
 */
export function checkAction(ctx: CheckContext, action: ActionSite): ActionEntry | undefined {
  const entry = ctx.entry(action.identifier);
  if (entry !== undefined) return entry;
  const name = ctx.actionName(action.identifier);
  const candidates: ActionEntry[] = [];
  const loose = ctx.catalog.resolve(action.identifier) ?? ctx.catalog.resolve(name);
  if (loose !== undefined) candidates.push(loose.action);
  const spelled: ActionEntry[] = [];
  const related: ActionEntry[] = [];
  for (const s of suggestionsFor(ctx.catalog, name)) {
    if (candidates.includes(s.action)) continue;
    (s.reason === 'spelling' ? spelled : related).push(s.action);
  }
  candidates.push(...spelled);
  const names = candidates.map((a) => ctx.actionName(a.identifier, a));
  const describe = (candidate: string): string | undefined => {
    const a = candidates[names.indexOf(candidate)];
    return a?.name;
  };
  const parts: string[] = [];
  if (names.length > 0) parts.push(didYouMean(names.slice(0, SUGGESTIONS), describe));
  const relatedNames = related.map((a) => `${ctx.actionName(a.identifier, a)}`);
  if (relatedNames.length > 0) parts.push(`${names.length > 0 ? 'Related' : 'Actions with similar words'}: ${codeList(relatedNames, 4, 'and')}.`);
  const where =
    ctx.origin === 'shortcut'
      ? 'the catalog does not know it (an app the catalog does not cover, or an action of another Shortcuts version)'
      : 'the catalog has no action of that name';
  ctx.report(D.unknownAction, `unknown action \`${name}\`: ${where}`, { action, focus: 'callee' }, {
    suggestion: parts.length > 0 ? parts.join(' ') : undefined,
  });
  return undefined;
}
