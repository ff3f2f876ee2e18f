import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one place tests find the shared material (`../shared` beside the
 * repository, or $SHORTCUTC_SHARED). Corpus tests use `describeShared`: outside
 * CI they skip with a plain message when the folder is missing; under CI=true
 * they fail, so a CI run can never pass without having read the corpus.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const sharedDir: string = resolve(process.env.SHORTCUTC_SHARED ?? join(repoRoot, '..', 'shared'));
export const sharedAvailable: boolean = existsSync(join(sharedDir, 'corpus'));
export const inCI: boolean = process.env.CI === 'true' || process.env.CI === '1';

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

/** Sorted absolute paths of the files in a shared folder (e.g. `corpus/unsigned`). */
export function sharedFiles(folder: string): string[] {
  return readdirSync(sharedPath(folder))
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => sharedPath(folder, name));
}

export const repoPath = (...parts: string[]): string => join(repoRoot, ...parts);
