import { wordsOf } from './names.js';
import type { ActionEntry } from './schema.js';

/**
 * Ranked search over actions: BM25 over weighted fields (name and keywords
 * count more than the description), plus a bonus when a query word is part
 * of the identifier's own words (`download` and `url` in `downloadurl`, which
 * a tokenizer cannot split), and a bonus for covering every query word.
 */
export interface SearchHit {
  readonly action: ActionEntry;
  readonly score: number;
  /** The query words that matched somewhere. */
  readonly matched: readonly string[];
}

const FIELD_WEIGHTS = { name: 3, identifier: 2.5, keywords: 2, category: 1, description: 1 } as const;
const K1 = 1.2;
const B = 0.75;
const ID_BONUS = 2.5;
const EXACT_ID_BONUS = 10;

interface Doc {
  readonly action: ActionEntry;
  readonly tf: Map<string, number>;
  readonly length: number;
  /** The identifier after the app namespace, lower-cased, without separators (`downloadurl`, `textreplace`). */
  readonly tail: string;
  /** The identifier's last dotted component, likewise (`match` in `text.match`). */
  readonly lastSegment: string;
}

export class SearchIndex {
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(actions: readonly ActionEntry[]) {
    this.docs = actions.map(makeDoc);
    for (const doc of this.docs) for (const term of doc.tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    this.avgLength = this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.docs.length);
  }

  search(query: string | readonly string[], limit = 10): SearchHit[] {
    const words = (typeof query === 'string' ? [query] : query).flatMap(wordsOf).filter((w) => w.length > 0);
    const terms = [...new Set(words.map(stem))];
    if (terms.length === 0 || limit <= 0) return [];
    const n = this.docs.length;
    const joined = words.join('');
    const hits: SearchHit[] = [];
    for (const doc of this.docs) {
      let score = 0;
      const matched: string[] = [];
      terms.forEach((term, i) => {
        let termScore = 0;
        const tf = doc.tf.get(term) ?? 0;
        if (tf > 0) {
          const df = this.df.get(term) ?? 0;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          termScore += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength));
        }
        const word = words[i] ?? term;
        if (word.length >= 3 && (doc.tail.includes(word) || doc.tail.includes(term))) termScore += ID_BONUS;
        if (termScore > 0) {
          score += termScore;
          matched.push(word);
        }
      });
      if (score <= 0) continue;
      if (matched.length === terms.length && terms.length > 1) score *= 1.5;
      // The words, run together, are the identifier itself ("download url" → downloadurl).
      if (words.length > 1 && (doc.tail === joined || doc.lastSegment === joined)) score += EXACT_ID_BONUS;
      hits.push({ action: doc.action, score, matched });
    }
    hits.sort((a, b) => b.score - a.score || a.action.identifier.length - b.action.identifier.length || a.action.identifier.localeCompare(b.action.identifier));
    return hits.slice(0, limit);
  }
}

function makeDoc(action: ActionEntry): Doc {
  const tf = new Map<string, number>();
  let length = 0;
  const add = (text: string | undefined, weight: number): void => {
    if (text === undefined) return;
    for (const word of wordsOf(text)) {
      const term = stem(word);
      tf.set(term, (tf.get(term) ?? 0) + weight);
      length += weight;
    }
  };
  const tailId = identifierTail(action);
  add(action.name, FIELD_WEIGHTS.name);
  add(tailId.replace(/[._-]/g, ' '), FIELD_WEIGHTS.identifier);
  for (const k of action.keywords ?? []) add(k, FIELD_WEIGHTS.keywords);
  add(action.category, FIELD_WEIGHTS.category);
  add(action.subcategory, FIELD_WEIGHTS.category);
  for (const t of action.topics ?? []) add(t, FIELD_WEIGHTS.category);
  add(action.description, FIELD_WEIGHTS.description);
  add(action.appName, FIELD_WEIGHTS.category);
  const last = tailId.slice(tailId.lastIndexOf('.') + 1);
  return { action, tf, length, tail: tailId.toLowerCase().replace(/[._-]/g, ''), lastSegment: last.toLowerCase().replace(/[_-]/g, '') };
}

function identifierTail(action: ActionEntry): string {
  return action.identifier.startsWith(`${action.app}.`) ? action.identifier.slice(action.app.length + 1) : action.identifier;
}

/** A light English stemmer: enough to meet "downloading"/"download", "files"/"file", "matches"/"match". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  for (const [suffix, min] of [
    ['ing', 7],
    ['ies', 5],
    ['es', 5],
    ['ed', 5],
    ['s', 4],
  ] as const) {
    if (word.endsWith(suffix) && word.length >= min && !word.endsWith('ss')) {
      const base = word.slice(0, -suffix.length);
      if (suffix === 'ies') return `${base}y`;
      if (suffix === 'es' && !/(sh|ch|x|s|z)$/.test(base)) return `${base}e`;
      return base;
    }
  }
  return word;
}
