import { readFileSync } from 'node:fs';
import { sharedPath } from './shared.js';

/** One row of ../shared/corpus/manifest.tsv. */
export interface ManifestRow {
  /** Path under corpus/, e.g. `unsigned/x.shortcut`. */
  readonly file: string;
  readonly format: string;
  readonly sha256: string;
  /** Hash of the parsed value: the same shortcut exported twice shares it. */
  readonly semanticSha256: string;
  readonly nActions: string;
  readonly clientVersion: string;
}

export function readManifest(): ManifestRow[] {
  const [header, ...lines] = readFileSync(sharedPath('corpus', 'manifest.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const columns = header!.split('\t');
  const at = (name: string): number => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      file: cells[at('file')] ?? '',
      format: cells[at('format')] ?? '',
      sha256: cells[at('sha256')] ?? '',
      semanticSha256: cells[at('semantic_sha256')] ?? '',
      nActions: cells[at('n_actions')] ?? '',
      clientVersion: cells[at('client_version')] ?? '',
    };
  });
}

/** Groups of unsigned files that hold the same shortcut in more than one plist format. */
export function crossFormatGroups(rows: readonly ManifestRow[]): ManifestRow[][] {
  const groups = new Map<string, ManifestRow[]>();
  for (const row of rows) {
    if (!row.file.startsWith('unsigned/') || row.semanticSha256 === '') continue;
    const group = groups.get(row.semanticSha256) ?? [];
    group.push(row);
    groups.set(row.semanticSha256, group);
  }
  return [...groups.values()].filter((group) => new Set(group.map((r) => r.format)).size > 1);
}
