/**
 * The CLI's file handling, shared by every command: finding inputs (files, or
 * folders walked for shortcut files), reading them, and writing outputs
 * without leaving half-written files behind.
 */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { cliDiagnostics as D } from './diagnostics.js';
import type { CliIO } from './io.js';

/** File name endings that hold shortcuts when a folder is walked (files named directly are read whatever their name). */
export const SHORTCUT_EXTENSIONS: readonly string[] = ['.shortcut', '.wflow', '.plist', '.xml'];

/** Files bigger than this are refused before reading (real shortcuts are at most a few MB). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Whether `path` names a folder (following links). A path that does not exist
 * or cannot be read is not one: output paths are then written as files, and
 * writing reports the problem.
 */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface InputFile {
  /** The path as the user wrote it (or folder + relative path): what messages show. */
  readonly display: string;
  readonly absolute: string;
}

export interface CollectOptions {
  /** Endings of files taken from folders; default SHORTCUT_EXTENSIONS. */
  readonly extensions?: readonly string[];
}

/**
 * Expands command-line arguments into input files: a file stands for itself,
 * a folder for the shortcut files under it (sorted, hidden entries skipped,
 * symbolic links to folders not followed, so a link loop cannot hang).
 */
export function collectInputs(args: readonly string[], io: CliIO, options: CollectOptions = {}): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const extensions = (options.extensions ?? SHORTCUT_EXTENSIONS).map((e) => e.toLowerCase());
  const files: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const arg of args) {
    const absolute = resolve(io.cwd, arg);
    let folder: boolean;
    try {
      folder = statSync(absolute).isDirectory();
    } catch (error) {
      diagnostics.push(diagnostic(D.cannotRead, `cannot read: ${systemMessage(error)}`, { file: arg }));
      continue;
    }
    if (!folder) {
      files.push({ display: arg, absolute });
      continue;
    }
    const found = walk(arg, absolute, extensions, diagnostics);
    if (found.length === 0) {
      diagnostics.push(diagnostic(D.noInputs, `the folder holds no files ending in ${extensions.join(', ')}`, { file: arg }));
    }
    for (const file of found) files.push(file);
  }
  return { files, diagnostics };
}

function walk(display: string, absolute: string, extensions: readonly string[], diagnostics: Diagnostic[]): InputFile[] {
  const found: InputFile[] = [];
  // Iterative, depth-first, sorted: the same order on every machine.
  const pending: { display: string; absolute: string }[] = [{ display, absolute }];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir.absolute).sort();
    } catch (error) {
      diagnostics.push(diagnostic(D.cannotRead, `cannot read the folder: ${systemMessage(error)}`, { file: dir.display }));
      continue;
    }
    const subdirs: { display: string; absolute: string }[] = [];
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const entry = { display: join(dir.display, name), absolute: join(dir.absolute, name) };
      let stat;
      try {
        stat = lstatSync(entry.absolute);
      } catch (error) {
        diagnostics.push(diagnostic(D.cannotRead, `cannot read: ${systemMessage(error)}`, { file: entry.display }));
        continue;
      }
      if (stat.isDirectory()) subdirs.push(entry);
      else if (extensions.includes(extname(name).toLowerCase())) found.push(entry);
    }
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push(subdirs[i]!);
  }
  return found;
}

/** Reads an input file whole, refusing files larger than `maxBytes`. */
export function readInputFile(file: InputFile, maxBytes = MAX_INPUT_BYTES): Result<Uint8Array> {
  try {
    const stat = statSync(file.absolute);
    // A pipe, device or socket: opening a FIFO blocks until something writes to it, and a
    // device such as /dev/zero never ends; only regular files have a size to check.
    if (!stat.isFile()) {
      return fail([diagnostic(D.cannotRead, 'cannot read: not a regular file (a pipe, device or socket); save it to a file first', { file: file.display })]);
    }
    const size = stat.size;
    if (size > maxBytes) {
      return fail([diagnostic(D.tooLarge, `the file has ${size} bytes; the CLI reads files of at most ${maxBytes}`, { file: file.display })]);
    }
    const buffer = readFileSync(file.absolute);
    return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  } catch (error) {
    return fail([diagnostic(D.cannotRead, `cannot read: ${systemMessage(error)}`, { file: file.display })]);
  }
}

/** The input file for one path argument (resolved against the CLI's working folder). */
export function inputFile(path: string, io: CliIO): InputFile {
  return { display: path, absolute: resolve(io.cwd, path) };
}

/**
 * Writes an output file: first to a temporary file beside it, then renamed into
 * place, so a failure never leaves a truncated file under the output's name.
 */
export function writeOutputFile(path: string, content: Uint8Array | string, io: CliIO): Result<void> {
  const absolute = resolve(io.cwd, path);
  const temporary = join(dirname(absolute), `.${basename(absolute)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, absolute);
    return ok(undefined);
  } catch (error) {
    rmSync(temporary, { force: true });
    return fail([diagnostic(D.cannotWrite, `cannot write: ${systemMessage(error)}`, { file: path })]);
  }
}

/** A file-system error's message without the Node.js error-code prefix noise. */
function systemMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
      case 'ENOENT':
        return 'no such file or folder';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'it is a folder';
      case 'ENOTDIR':
        return 'a part of the path is not a folder';
      default:
        return code === undefined ? error.message : `${code}: ${error.message.replace(/^[A-Z]+: /, '')}`;
    }
  }
  return String(error);
}
