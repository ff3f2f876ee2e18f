/**
 * Nearest-name ranking for "did you mean": an edit distance that counts a
 * swap of two neighbours as one edit (optimal string alignment), bounded so
 * a comparison costs at most O(len × bound).
 */
export function editDistance(a: string, b: string, bound = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  // A common prefix and suffix never change the distance, and catalog names
  // share long ones (`is_workflow_actions_`): compare only what differs.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  if (start > 0 || end > 0) {
    a = a.slice(start, a.length - end);
    b = b.slice(start, b.length - end);
  }
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound) return bound + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[n] as number;
}

/** Share of `a`'s words that also occur in `b` (0…1). */
export function wordOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return 0;
  const set = new Set(b);
  return a.filter((w) => set.has(w)).length / a.length;
}

const BUCKETS = 64;

function histogram(text: string): Uint16Array {
  const h = new Uint16Array(BUCKETS);
  for (let i = 0; i < text.length; i++) h[text.charCodeAt(i) % BUCKETS]!++;
  return h;
}

/**
 * Names to search by edit distance, with a cheap filter in front: every edit
 * (insertion, deletion, substitution, swap) changes a name's character counts
 * by at most 2 in total, so half the difference of two names' counts is a
 * lower bound on their distance. Names that cannot be within the bound are
 * skipped without running the quadratic comparison; the results are exactly
 * those of comparing every name.
 */
export class SpellingIndex {
  private readonly histograms: Uint16Array[];

  constructor(readonly names: readonly string[]) {
    this.histograms = names.map(histogram);
  }

  /** Indexes and distances of the names within `bound` edits of `query`, in index order. */
  within(query: string, bound: number): { readonly index: number; readonly distance: number }[] {
    const q = histogram(query);
    const out: { index: number; distance: number }[] = [];
    for (let index = 0; index < this.names.length; index++) {
      const name = this.names[index]!;
      if (Math.abs(name.length - query.length) > bound) continue;
      const h = this.histograms[index]!;
      let difference = 0;
      for (let b = 0; b < BUCKETS; b++) difference += Math.abs(h[b]! - q[b]!);
      if (difference > 2 * bound) continue;
      const distance = editDistance(query, name, bound);
      if (distance <= bound) out.push({ index, distance });
    }
    return out;
  }
}
