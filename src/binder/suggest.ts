import { editDistance } from '../catalog/suggest.js';

/**
 * Up to `limit` names within a few edits of `name` (case-insensitive),
 * nearest first. Only candidates of about the same length that start with the
 * same letter are measured: a typo rarely changes the first letter, and the
 * filter keeps this cheap in files that bind thousands of names.
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const query = name.toLowerCase();
  if (query === '') return [];
  const bound = Math.max(1, Math.floor(query.length / 3));
  const first = query[0];
  const firstCode = query.charCodeAt(0);
  const scored: { name: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - query.length) > bound) continue;
    // An ASCII first letter is compared before the candidate is lower-cased (most candidates stop here).
    const c0 = candidate.charCodeAt(0);
    if (c0 < 128 && (c0 >= 65 && c0 <= 90 ? c0 + 32 : c0) !== firstCode) continue;
    const lower = candidate.toLowerCase();
    if (lower[0] !== first) continue;
    const distance = editDistance(query, lower, bound);
    if (distance <= bound) scored.push({ name: candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
