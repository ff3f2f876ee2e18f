import type { Command } from 'commander';
import type { Catalog, CatalogOrigin } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load.js';
import { reportDiagnostics, type CliIO } from './io.js';

/**
 * The catalog options every command that consults the catalog shares
 * (`catalog …`, `check`, `compile`, `decompile`): `--catalog <path>` and
 * `--verbose`, and one loader that says which catalog it used.
 */
export interface CatalogCommandOptions {
  readonly catalog?: string;
  readonly verbose?: boolean;
}

export function addCatalogOptions(command: Command): Command {
  return command
    .option('--catalog <path>', 'catalog JSON to use (else $SHORTCUTC_CATALOG, else the user data folder, else the built-in core)')
    .option('--verbose', 'say which catalog is used, and print informational diagnostics');
}

export function describeOrigin(origin: CatalogOrigin): string {
  switch (origin.kind) {
    case 'flag':
      return `${origin.path} (from --catalog)`;
    case 'env':
      return `${origin.path} (from $SHORTCUTC_CATALOG)`;
    case 'user':
      return `${origin.path} (the user data folder)`;
    case 'builtin':
      return `the built-in core catalog (${origin.path}); run \`shortcutc catalog import <dir>\` for the full one`;
    case 'memory':
      return 'a catalog built in memory';
  }
}

/** Loads the catalog the options select; reports problems and returns undefined when there is none to use. */
export function loadCatalogForCommand(io: CliIO, options: CatalogCommandOptions): Catalog | undefined {
  const result = loadCatalog({ ...(options.catalog === undefined ? {} : { flag: options.catalog }), env: io.env, cwd: io.cwd });
  const shown = options.verbose === true ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== 'info');
  reportDiagnostics(io, shown);
  if (!result.ok) return undefined;
  if (options.verbose === true) io.stderr(`catalog: ${describeOrigin(result.value.origin)}, ${result.value.size} actions\n`);
  return result.value;
}
