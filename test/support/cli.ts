import type { ExitCode } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

export interface CliRun {
  readonly exit: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in process, in folder `cwd`, and returns what it printed and its exit code. */
export async function runInProcess(argv: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exit = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    cwd,
    env,
  });
  return { exit, stdout, stderr };
}
