import { editDistance } from '../catalog/suggest.js';

/** Up to `limit` names within a few edits of `name` (case-insensitive), nearest first. */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const query = name.toLowerCase();
  const bound = Math.max(1, Math.floor(query.length / 3));
  const scored: { name: string; distance: number }[] = [];
  // Bounded: a file with very many names gets suggestions from the first few thousand only.
  for (const candidate of candidates.slice(0, 5000)) {
    if (candidate === name) continue;
    const distance = editDistance(query, candidate.toLowerCase(), bound);
    if (distance <= bound) scored.push({ name: candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
