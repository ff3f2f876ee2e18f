/**
 * The benchmark harness: `npm run bench [-- <section>...]` runs every section
 * listed in main.ts (or the named ones) and prints its figures. Performance
 * targets live here, never in unit tests.
 *
 * A section is a module in bench/sections/ exporting a `BenchSection`; add it
 * to the list in main.ts. It receives a context with the shared material's
 * folder (or undefined when missing: it then says so and returns) and a
 * timing helper, and prints its own lines through `context.print`.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchContext {
  /** ../shared (or $SHORTCUTC_SHARED) when it exists. */
  readonly sharedDir: string | undefined;
  /** Where the shared folder was looked for, for "missing" messages. */
  readonly sharedLookedAt: string;
  readonly print: (line: string) => void;
}

export interface BenchSection {
  readonly name: string;
  readonly description: string;
  /** Returns false when a stated target was missed (the run then exits 1). */
  readonly run: (context: BenchContext) => Promise<boolean | void> | boolean | void;
}

export function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function sharedLocation(): { dir: string | undefined; lookedAt: string } {
  const lookedAt = resolve(process.env.SHORTCUTC_SHARED ?? join(findRepoRoot(), '..', 'shared'));
  return { dir: existsSync(join(lookedAt, 'corpus')) ? lookedAt : undefined, lookedAt };
}

export interface Timing {
  /** Median seconds per round (wall clock). */
  readonly seconds: number;
  /**
   * Median CPU seconds per round (user + system of the whole process, from
   * `process.cpuUsage()`): on a machine loaded by other work, wall-clock
   * rounds stretch while CPU time stays close to the work done.
   */
  readonly cpuSeconds: number;
  readonly rounds: number;
}

/** CPU seconds (user + system) of this process so far, all its threads included. */
export function cpuSecondsNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * Times several contestants on the same work, after a warm-up, interleaving
 * their rounds (so a slow phase of the machine hits all of them alike) until
 * each has run for `minSeconds`; returns each one's median round.
 */
export function race(contestants: Readonly<Record<string, () => void>>, minSeconds = 1.5, maxRounds = 500): Record<string, Timing> {
  const names = Object.keys(contestants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpuSamples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  // Warm-up: each contestant runs for half the measured time first (at least once), so V8's optimizing JIT,
  // which compiles on other threads during the first rounds, is done before CPU time is counted.
  for (const name of names) {
    const start = process.hrtime.bigint();
    do contestants[name]!();
    while (Number(process.hrtime.bigint() - start) / 1e9 < minSeconds / 2);
  }
  let elapsed = 0;
  while (elapsed < minSeconds * names.length && (samples[names[0]!]?.length ?? 0) < maxRounds) {
    for (const name of names) {
      const cpuStart = cpuSecondsNow();
      const start = process.hrtime.bigint();
      contestants[name]!();
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      cpuSamples[name]!.push(cpuSecondsNow() - cpuStart);
      samples[name]!.push(seconds);
      elapsed += seconds;
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { seconds: median(samples[name]!), cpuSeconds: median(cpuSamples[name]!), rounds: samples[name]!.length }]),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Left-aligned first column, right-aligned others. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}
