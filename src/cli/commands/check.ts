import type { Catalog } from '../../catalog/catalog.js';
import { checkFile, frontEnds } from '../../checker/front-ends.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { formatPath } from '../../plist/equal.js';
import { addCatalogOptions, loadCatalogForCommand, type CatalogCommandOptions } from '../catalog-options.js';
import { collectInputs, readInputFile, SHORTCUT_EXTENSIONS } from '../files.js';
import { ExitCode, reportDiagnostics } from '../io.js';
import type { RegisterCommand } from '../program.js';

/** One diagnostic as `check --json` prints it. */
export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** 1-based; null when the diagnostic does not point into code (shortcut files). */
  readonly line: number | null;
  readonly column: number | null;
  readonly suggestion: string | null;
  /** Where in a shortcut's plist (`WFWorkflowActions[3].WFWorkflowActionParameters.WFInput`); null for code. */
  readonly path: string | null;
}

export interface JsonFileReport {
  readonly file: string;
  readonly diagnostics: readonly JsonDiagnostic[];
}

export function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const loc = d.location;
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    line: loc?.kind === 'source' ? loc.span.start.line : null,
    column: loc?.kind === 'source' ? loc.span.start.column : null,
    suggestion: d.suggestion ?? null,
    path: loc?.kind === 'plist' ? formatPath(loc.path) : null,
  };
}

interface CheckCommandOptions extends CatalogCommandOptions {
  readonly json?: boolean;
}

/**
 * `shortcutc check <file|dir...> [--json] [--catalog p] [--verbose]`:
 * validates API usage against the catalog. Code is parsed and bound,
 * shortcut files of any container read and lifted; each file's reading
 * problems come first, then the checker's. Informational diagnostics show with --verbose. Exit 1 when any
 * error was found (or a file could not be read).
 */
export const registerCheck: RegisterCommand = (program, io, setExit) => {
  addCatalogOptions(
    program
      .command('check')
      .description('validate API usage against the catalog: unknown actions, parameters and enum values, wrong kinds, variables used before set')
      .argument('<file...>', 'code (.py) or shortcut files (.shortcut, .plist, .wflow, any container), or folders to search for them')
      .option('--json', 'print one JSON array with an object per file'),
  ).action((args: string[], options: CheckCommandOptions) => {
    const catalog = loadCatalogForCommand(io, options);
    if (catalog === undefined) {
      setExit(ExitCode.failure);
      return;
    }
    const extensions = [...new Set([...SHORTCUT_EXTENSIONS, ...frontEnds.flatMap((end) => end.extensions)])];
    const { files, diagnostics } = collectInputs(args, io, { extensions });
    reportDiagnostics(io, diagnostics);
    if (hasErrors(diagnostics)) setExit(ExitCode.failure);
    const shown = (list: readonly Diagnostic[]): Diagnostic[] => (options.verbose === true ? [...list] : list.filter((d) => d.severity !== 'info'));
    const reports: JsonFileReport[] = [];
    const totals = { files: 0, errors: 0, warnings: 0 };
    for (const file of files) {
      const result = checkOne(file, catalog);
      totals.files++;
      totals.errors += result.diagnostics.filter((d) => d.severity === 'error').length;
      totals.warnings += result.diagnostics.filter((d) => d.severity === 'warning').length;
      if (hasErrors(result.diagnostics)) setExit(ExitCode.failure);
      const visible = shown(result.diagnostics);
      if (options.json === true) {
        reports.push({ file: file.display, diagnostics: visible.map(jsonDiagnostic) });
      } else {
        for (const d of visible) io.stdout(`${formatDiagnostic(d, result.source === undefined ? {} : { source: result.source })}\n`);
      }
    }
    if (options.json === true) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
    else io.stdout(`${totals.files} file${totals.files === 1 ? '' : 's'} checked: ${totals.errors} error${totals.errors === 1 ? '' : 's'}, ${totals.warnings} warning${totals.warnings === 1 ? '' : 's'}\n`);
  });
};

function checkOne(file: { display: string; absolute: string }, catalog: Catalog): { diagnostics: readonly Diagnostic[]; source?: string } {
  const bytes = readInputFile(file);
  if (!bytes.ok) return { diagnostics: bytes.diagnostics };
  return checkFile(bytes.value, file.display, catalog);
}
