import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Catalog } from '../../catalog/catalog.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { decompile } from '../../emitter/decompile.js';
import { addCatalogOptions, loadCatalogForCommand, type CatalogCommandOptions } from '../catalog-options.js';
import { collectInputs, isDirectory, readInputFile, writeOutputFile, type InputFile } from '../files.js';
import { ExitCode, type CliIO } from '../io.js';
import { progressBar } from '../progress.js';
import type { RegisterCommand } from '../program.js';

interface DecompileCommandOptions extends CatalogCommandOptions {
  readonly output?: string;
  readonly stdout?: boolean;
}

/** One input and where its code goes. */
interface Job {
  readonly input: InputFile;
  /** The output file (absolute), or undefined for stdout. */
  readonly target?: string;
}

/**
 * `shortcutc decompile <file|dir...> [-o out] [--stdout]`: shortcut files
 * (any container) → canonical code in the dialect. A folder is walked and its
 * layout mirrored under `-o` (each file's extension replaced by `.py`);
 * without `-o` each code file is written beside its shortcut. A file that
 * fails is reported and the others go on; exit 1 if any failed.
 */
export const registerDecompile: RegisterCommand = (program, io, setExit) => {
  addCatalogOptions(
    program
      .command('decompile')
      .description('write shortcuts as Python-style code in the WorkflowLLM dialect (lossless, valid Python)')
      .argument('<file...>', 'shortcut files (binary, XML or signed), or folders to search for them')
      .option('-o, --output <path>', 'the code file (one input file), or the folder the code files go to (mirroring the inputs)')
      .option('--stdout', 'print the code instead of writing files'),
  ).action((args: string[], options: DecompileCommandOptions) => {
    if (options.stdout === true && options.output !== undefined) {
      io.stderr('shortcutc: give either -o or --stdout, not both\n');
      setExit(ExitCode.usage);
      return;
    }
    const catalog = loadCatalogForCommand(io, options);
    if (catalog === undefined) {
      setExit(ExitCode.failure);
      return;
    }
    const { jobs, diagnostics } = planJobs(args, options, io);
    const shown = (list: readonly Diagnostic[]): Diagnostic[] => (options.verbose === true ? [...list] : list.filter((d) => d.severity !== 'info'));
    for (const d of shown(diagnostics)) io.stderr(`${formatDiagnostic(d)}\n`);
    if (hasErrors(diagnostics)) setExit(ExitCode.failure);

    const progress = progressBar(io, jobs.length);
    let failed = 0;
    for (const job of jobs) {
      const problems = decompileOne(job, catalog, options.stdout === true ? io.stdout : undefined, jobs.length > 1, io);
      progress.tick(job.input.display);
      for (const d of shown(problems)) progress.note(`${formatDiagnostic(d)}\n`);
      if (hasErrors(problems)) {
        failed++;
        setExit(ExitCode.failure);
      }
    }
    progress.done();
    if (jobs.length > 1) io.stderr(`${jobs.length - failed} of ${jobs.length} files decompiled${failed > 0 ? `, ${failed} failed` : ''}\n`);
  });
};

function decompileOne(job: Job, catalog: Catalog, stdout: ((text: string) => void) | undefined, several: boolean, io: CliIO): readonly Diagnostic[] {
  const bytes = readInputFile(job.input);
  if (!bytes.ok) return bytes.diagnostics;
  const result = decompile(bytes.value, { file: job.input.display, catalog });
  if (hasErrors(result.diagnostics)) return result.diagnostics;
  if (stdout !== undefined) {
    stdout(several ? `# ${job.input.display}\n${result.code}\n` : result.code);
    return result.diagnostics;
  }
  const target = job.target!;
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch {
    // writeOutputFile reports the failure with the path.
  }
  const written = writeOutputFile(target, result.code, io);
  return written.ok ? result.diagnostics : [...result.diagnostics, ...written.diagnostics];
}

/**
 * Where each input's code goes. With `-o` and a single input file that is not
 * a folder, `-o` is the code file; otherwise `-o` is a folder mirroring each
 * argument (a folder's files keep their path below it). Two inputs that would
 * write the same `.py` (`x.plist`, `x.shortcut`) keep their extension
 * (`x.plist.py`, `x.shortcut.py`).
 */
function planJobs(args: readonly string[], options: DecompileCommandOptions, io: CliIO): { jobs: Job[]; diagnostics: Diagnostic[] } {
  const cwd = io.cwd;
  const diagnostics: Diagnostic[] = [];
  const planned: { input: InputFile; base: string; relativePath: string }[] = [];
  let anyFolder = false;
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const isFolder = isDirectory(absolute);
    anyFolder ||= isFolder;
    const collected = collectInputs([arg], io);
    diagnostics.push(...collected.diagnostics);
    for (const input of collected.files) {
      planned.push({ input, base: isFolder ? absolute : dirname(absolute), relativePath: isFolder ? relative(absolute, input.absolute) : basename(input.absolute) });
    }
  }
  if (options.stdout === true) return { jobs: planned.map((p) => ({ input: p.input })), diagnostics };

  const output = options.output === undefined ? undefined : resolve(cwd, options.output);
  const singleFile = planned.length === 1 && !anyFolder && output !== undefined && !isDirectory(output) && !options.output!.endsWith('/');
  const targetOf = (p: (typeof planned)[number], keepExtension: boolean): string => {
    if (singleFile) return output!;
    const ext = extname(p.relativePath);
    const stem = keepExtension || ext === '' ? p.relativePath : p.relativePath.slice(0, -ext.length);
    return output === undefined ? join(dirname(p.input.absolute), `${basename(stem)}.py`) : join(output, `${stem}.py`);
  };
  const counts = new Map<string, number>();
  for (const p of planned) counts.set(targetOf(p, false), (counts.get(targetOf(p, false)) ?? 0) + 1);
  const jobs = planned.map((p) => ({ input: p.input, target: targetOf(p, (counts.get(targetOf(p, false)) ?? 0) > 1) }));
  return { jobs, diagnostics };
}
