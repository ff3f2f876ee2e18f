import { mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { Option } from 'commander';
import type { Catalog } from '../../catalog/catalog.js';
import { compile } from '../../compile/compile.js';
import { diagnostic } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { addCatalogOptions, loadCatalogForCommand, type CatalogCommandOptions } from '../catalog-options.js';
import { defaultJobs, runDataset, type DatasetRun } from '../compile-dataset.js';
import { cliDiagnostics } from '../diagnostics.js';
import { collectInputs, isDirectory, readInputFile, writeOutputFile, type InputFile } from '../files.js';
import { ExitCode, reportDiagnostics, type CliIO } from '../io.js';
import type { RegisterCommand } from '../program.js';
import { jsonDiagnostic, type JsonDiagnostic } from './check.js';

interface CompileCommandOptions extends CatalogCommandOptions {
  readonly output?: string;
  readonly xml?: boolean;
  readonly json?: boolean;
  readonly dataset?: string;
  readonly field: string;
  readonly outDir?: string;
  readonly report?: string;
  readonly jobs?: string;
}

/** One file's result, as `--json` prints it. */
export interface CompileFileReport {
  readonly file: string;
  readonly status: 'compiled' | 'failed';
  readonly output: string | null;
  readonly diagnostics: readonly JsonDiagnostic[];
}

/**
 * `shortcutc compile <file.py...> [-o out] [--xml] [--json]`: code → an
 * unsigned ("signed-ready") shortcut per file, binary by default. Canonical
 * code (with the decompiler's header) compiles back exactly; model code is
 * read leniently, with warnings. Diagnostics go to stderr as
 * `file:line:col: error SC5301: message`, a code frame and a suggestion.
 *
 * `shortcutc compile --dataset <file.json|file.jsonl> [--field annotated_code]
 * --out-dir <dir> [--report report.json] [--jobs n]`: every sample of a
 * WorkflowBench-style dataset.
 */
export const registerCompile: RegisterCommand = (program, io, setExit) => {
  addCatalogOptions(
    program
      .command('compile')
      .description('compile Python-style code (canonical or model-written) into shortcut files ready to sign')
      .argument('[file...]', 'code files (.py), or folders to search for them')
      .option('-o, --output <path>', 'the shortcut to write (one input), or the folder for several inputs; default: beside each input, as .shortcut')
      .addOption(new Option('--xml', 'write XML property lists instead of binary ones'))
      .option('--json', 'print one JSON array with the result and diagnostics of each file (dataset mode: the summary)')
      .option('--dataset <file>', 'compile every sample of a dataset: a JSON array or JSON lines of objects')
      .option('--field <name>', 'the dataset field holding the code', 'annotated_code')
      .option('--out-dir <dir>', 'dataset mode: where to write the shortcuts (000042.shortcut for sample 42)')
      .option('--report <file>', 'dataset mode: write a JSON report (summary, then each sample\'s status and diagnostics)')
      .option('--jobs <n>', 'dataset mode: worker threads (default: one per core)'),
  ).action(async (files: string[], options: CompileCommandOptions) => {
    const dataset = options.dataset === undefined ? undefined : datasetRun(options.dataset, files, options);
    let usage: string | undefined;
    if (typeof dataset === 'string') usage = dataset;
    else if (dataset === undefined && files.length === 0) usage = 'compile needs code files, or --dataset <file> --out-dir <dir>';
    if (usage !== undefined) {
      io.stderr(`shortcutc: ${usage}\n`);
      setExit(ExitCode.usage);
      return;
    }
    // Both modes load the catalog once, after their arguments are known to be usable.
    const catalog = loadCatalogForCommand(io, options);
    if (catalog === undefined) {
      setExit(ExitCode.failure);
      return;
    }
    setExit(typeof dataset === 'object' ? await runDataset(io, dataset, catalog) : compileFiles(io, files, options, catalog));
  });
};

/** Dataset mode's run, or what is wrong with its arguments (a usage message). */
function datasetRun(dataset: string, files: readonly string[], options: CompileCommandOptions): DatasetRun | string {
  if (files.length > 0 || options.output !== undefined) return 'compile --dataset takes no file arguments and no -o (use --out-dir)';
  if (options.outDir === undefined) return 'compile --dataset needs --out-dir <dir>';
  const jobs = options.jobs === undefined ? defaultJobs() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) return '--jobs takes a whole number from 1 to 256';
  return {
    dataset,
    field: options.field,
    outDir: options.outDir,
    ...(options.report === undefined ? {} : { report: options.report }),
    format: options.xml === true ? 'xml' : 'binary',
    jobs,
    ...(options.json === undefined ? {} : { json: options.json }),
  };
}

function compileFiles(io: CliIO, args: readonly string[], options: CompileCommandOptions, catalog: Catalog): ExitCode {
  const { files, diagnostics } = collectInputs(args, io, { extensions: ['.py'] });
  reportDiagnostics(io, diagnostics);
  let exit: ExitCode = diagnostics.some((d) => d.severity === 'error') ? ExitCode.failure : ExitCode.ok;
  const outputs = outputPaths(io, files, options.output);
  if (!outputs.ok) {
    reportDiagnostics(io, [outputs.problem]);
    return ExitCode.failure;
  }
  const reports: CompileFileReport[] = [];
  let compiled = 0;
  for (const [i, file] of files.entries()) {
    const output = outputs.paths[i]!;
    const bytes = readInputFile(file);
    if (!bytes.ok) {
      reports.push({ file: file.display, status: 'failed', output: null, diagnostics: bytes.diagnostics.map(jsonDiagnostic) });
      if (options.json !== true) reportDiagnostics(io, bytes.diagnostics);
      exit = ExitCode.failure;
      continue;
    }
    const code = new TextDecoder('utf-8').decode(bytes.value).replace(/^\uFEFF/, '');
    const result = compile(code, { catalog, file: file.display, format: options.xml === true ? 'xml' : 'binary' });
    const all: Diagnostic[] = [...result.diagnostics];
    let written: string | null = null;
    if (result.shortcut !== undefined) {
      const saved = writeOutputFile(output, result.shortcut, io);
      if (saved.ok) written = output;
      else all.push(...saved.diagnostics);
    }
    if (written === null) exit = ExitCode.failure;
    else compiled++;
    reports.push({ file: file.display, status: written === null ? 'failed' : 'compiled', output: written, diagnostics: all.map(jsonDiagnostic) });
    if (options.json !== true) {
      const shown = options.verbose === true ? all : all.filter((d) => d.severity !== 'info');
      for (const d of shown) io.stderr(`${formatDiagnostic(d, { source: code })}\n`);
    }
  }
  if (options.json === true) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  else io.stdout(`${compiled} compiled, ${files.length - compiled} failed\n`);
  return exit;
}

/**
 * Where each input's shortcut goes: `-o` names the file for one input and a
 * folder for several (created when missing); without `-o`, beside the input
 * with `.shortcut` for its extension.
 */
function outputPaths(io: CliIO, files: readonly InputFile[], output: string | undefined): { ok: true; paths: string[] } | { ok: false; problem: Diagnostic } {
  const replaceExtension = (path: string): string => {
    const extension = extname(path);
    return `${extension === '' ? path : path.slice(0, -extension.length)}.shortcut`;
  };
  if (output === undefined) return { ok: true, paths: files.map((f) => replaceExtension(f.display)) };
  const asFolder = files.length > 1 || isDirectory(resolve(io.cwd, output));
  if (!asFolder) return { ok: true, paths: [output] };
  try {
    mkdirSync(resolve(io.cwd, output), { recursive: true });
  } catch (error) {
    return { ok: false, problem: diagnostic(cliDiagnostics.cannotWrite, `cannot create the output folder: ${error instanceof Error ? error.message : String(error)}`, { file: output }) };
  }
  const taken = new Set<string>();
  const paths = files.map((f) => {
    let name = basename(replaceExtension(f.display));
    for (let n = 2; taken.has(name); n++) name = `${basename(replaceExtension(f.display), '.shortcut')}-${n}.shortcut`;
    taken.add(name);
    return join(output, name);
  });
  return { ok: true, paths };
}
