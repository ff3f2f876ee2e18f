import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';

/**
 * Everything a command touches outside itself, so tests can run the CLI in
 * process and read what it printed.
 */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  env: process.env,
};

/** Exit codes: 0 success, 1 an error was found or a file failed, 2 usage error. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Prints diagnostics to stderr, one block each, with code frames when the source is known. */
export function reportDiagnostics(io: CliIO, diagnostics: readonly Diagnostic[], source?: string): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d, source === undefined ? {} : { source })}\n`);
}
