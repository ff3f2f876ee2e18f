import type { Catalog, CatalogStats, CountRow } from '../../catalog/catalog.js';
import { diagnostic } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { catalogDiagnostics as D } from '../../catalog/diagnostics.js';
import { importCatalogDir, writeCatalogFile } from '../../catalog/import.js';
import { userCatalogPath } from '../../catalog/load.js';
import { formatSignature } from '../../catalog/signature.js';
import { resolve } from 'node:path';
import { addCatalogOptions, loadCatalogForCommand, type CatalogCommandOptions } from '../catalog-options.js';
import { ExitCode, reportDiagnostics } from '../io.js';
import type { RegisterCommand } from '../program.js';

/**
 * `shortcutc catalog stats | search | show | import`: inspect the API
 * catalog and build the full one from WorkflowLLM's pickles and/or
 * WFActions.plist.
 */
export const registerCatalogCommand: RegisterCommand = (program, io, setExit) => {
  const catalog = program.command('catalog').description('inspect the API catalog, or import the full one');

  addCatalogOptions(
    catalog
      .command('stats')
      .description('count APIs, apps and categories (per-app counts included)')
      .option('--json', 'print the figures as JSON'),
  ).action((options: CatalogCommandOptions & { json?: boolean }) => {
    const loaded = loadCatalogForCommand(io, options);
    if (loaded === undefined) return setExit(ExitCode.failure);
    const stats = loaded.stats();
    io.stdout(options.json === true ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    setExit(ExitCode.ok);
  });

  addCatalogOptions(
    catalog
      .command('search')
      .description('ranked search over names, identifiers, keywords and descriptions')
      .argument('<words...>', 'what to look for, e.g. "download url"')
      .option('-n, --limit <n>', 'how many results', '10')
      .option('--json', 'print the results as JSON'),
  ).action((words: string[], options: CatalogCommandOptions & { limit: string; json?: boolean }) => {
    const limit = Number.parseInt(options.limit, 10);
    if (!Number.isSafeInteger(limit) || limit < 1) {
      io.stderr(`shortcutc: --limit must be a positive whole number, not ${JSON.stringify(options.limit)}\n`);
      return setExit(ExitCode.usage);
    }
    const loaded = loadCatalogForCommand(io, options);
    if (loaded === undefined) return setExit(ExitCode.failure);
    const hits = loaded.search(words, limit);
    if (options.json === true) {
      io.stdout(`${JSON.stringify(hits.map((h) => ({ identifier: h.action.identifier, pythonName: h.action.pythonName, name: h.action.name, score: Number(h.score.toFixed(3)), matched: h.matched })), null, 2)}\n`);
    } else if (hits.length === 0) {
      io.stdout(`no action matches ${JSON.stringify(words.join(' '))}\n`);
    } else {
      hits.forEach((h, i) => {
        const title = h.action.name === undefined ? '' : `  ${h.action.name}`;
        const description = h.action.description === undefined ? '' : `\n      ${truncate(h.action.description.split('\n')[0] ?? '', 100)}`;
        io.stdout(`${String(i + 1).padStart(3)}. ${h.action.pythonName}${title}  [${h.action.identifier}]${description}\n`);
      });
    }
    setExit(ExitCode.ok);
  });

  addCatalogOptions(
    catalog
      .command('show')
      .description('an action as a Python signature: types, defaults, enum values, description, relations')
      .argument('<name>', 'dotted identifier or Python name (case and -/_ are loose)')
      .option('--json', 'print the catalog entry as JSON'),
  ).action((name: string, options: CatalogCommandOptions & { json?: boolean }) => {
    const loaded = loadCatalogForCommand(io, options);
    if (loaded === undefined) return setExit(ExitCode.failure);
    const resolution = loaded.resolve(name);
    if (resolution === undefined) {
      reportDiagnostics(io, [unknownActionDiagnostic(loaded, name)]);
      return setExit(ExitCode.failure);
    }
    io.stdout(options.json === true ? `${JSON.stringify(resolution.action, null, 2)}\n` : `${formatSignature(resolution.action)}\n`);
    setExit(ExitCode.ok);
  });

  catalog
    .command('import')
    .description('build the full catalog from a folder holding the WorkflowLLM pickles and/or WFActions.plist')
    .argument('<dir>', 'folder with identifier2json.pkl (and the other pickles) and/or WFActions.plist')
    .option('--to <path>', 'where to write the catalog (default: the user data folder)')
    .option('--verbose', 'print informational diagnostics too')
    .action((dir: string, options: { to?: string; verbose?: boolean }) => {
      const target = options.to === undefined ? userCatalogPath({ env: io.env }) : resolve(io.cwd, options.to);
      const result = importCatalogDir(resolve(io.cwd, dir));
      reportDiagnostics(io, options.verbose === true ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== 'info'));
      if (!result.ok) return setExit(ExitCode.failure);
      const written = writeCatalogFile(result.value.document, target);
      reportDiagnostics(io, written.diagnostics);
      if (!written.ok) return setExit(ExitCode.failure);
      const report = result.value;
      const sources = report.document.sources.map((s) => `${s.kind} ${s.actions.toLocaleString('en-US')}`).join(', ');
      io.stdout(
        `imported ${report.document.actions.length.toLocaleString('en-US')} actions (${sources}) from ${report.found.length} file(s) ` +
          `in ${Math.round(report.milliseconds.read + report.milliseconds.build)} ms\nwrote ${target}\n`,
      );
      setExit(ExitCode.ok);
    });
};

/** SC7050 with the nearest names as the suggestion (shared with the checker's wording). */
export function unknownActionDiagnostic(catalog: Catalog, name: string): Diagnostic {
  const suggestions = catalog.suggestActions(name, 3).map((s) => s.action.pythonName);
  return diagnostic(D.unknownAction, `no action in the catalog is called ${JSON.stringify(name)}`, {
    ...(suggestions.length > 0 ? { suggestion: `did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?` } : {}),
  });
}

function formatStats(s: CatalogStats): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `APIs: ${n(s.actions)} actions`,
    `  from WorkflowLLM: ${n(s.bySource.workflowllm)}`,
    `  from WFActions.plist: ${n(s.bySource.wfactions)}`,
    `  in the built-in core: ${n(s.bySource.core)}`,
    `  not in WorkflowLLM: ${n(s.notInWorkflowLlm)}${s.coreOnly > 0 ? ` (${n(s.coreOnly)} only in the core)` : ''}`,
    `Apps: ${n(s.apps)}`,
    `Parameters: ${n(s.parameters)} (${n(s.enumParameters)} enumerations, ${n(s.parametersWithRelations)} with relations)`,
    `Actions with an output: ${n(s.actionsWithOutput)}`,
    `Wild-key rules: ${n(s.wildKeyRules)}`,
    '',
    'Per app:',
    ...table(s.appCounts),
  ];
  if (s.categories.length > 0) lines.push('', 'Shortcuts app categories:', ...table(s.categories));
  if (s.topics.length > 0) lines.push('', 'WorkflowLLM categories (primary):', ...table(s.topics));
  return `${lines.join('\n')}\n`;
}

function table(rows: readonly CountRow[]): string[] {
  const width = Math.max(...rows.map((r) => String(r.count).length), 1);
  return rows.map((r) => `  ${String(r.count).padStart(width)}  ${r.name}`);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
