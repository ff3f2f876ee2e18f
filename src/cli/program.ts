import { Command, CommanderError } from 'commander';
import { registerCatalogCommand } from './commands/catalog.js';
import { registerCheck } from './commands/check.js';
import { registerDecompile } from './commands/decompile.js';
import { registerConvert } from './commands/convert.js';
import { registerExtract } from './commands/extract.js';
import { registerInfo } from './commands/info.js';
import { registerVerify } from './commands/verify.js';
import { registerRoundtrip } from './commands/roundtrip.js';
import { registerCompile } from './commands/compile.js';
import { ExitCode, type CliIO } from './io.js';

/**
 * A command module adds one subcommand to the program. Its action returns the
 * exit code (never calls process.exit), so the CLI runs the same in tests.
 */
export type RegisterCommand = (program: Command, io: CliIO, setExit: (code: ExitCode) => void) => void;

/** Every command, in the order `--help` lists them. Each lives in `commands/`. */
// One per line, so branches that add commands merge without conflicts.
const commands: RegisterCommand[] = [
  registerInfo,
  registerConvert,
  registerCatalogCommand,
  registerExtract,
  registerVerify,
  registerRoundtrip,
  registerCheck,
  registerCompile,
  registerDecompile,
];

export function buildProgram(io: CliIO, setExit: (code: ExitCode) => void): Command {
  const program = new Command('shortcutc')
    .description('Compile Apple Shortcuts to Python-style code and back, and check API usage.')
    .version('0.1.0')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program, io, setExit);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  let exit: ExitCode = ExitCode.ok;
  const setExit = (code: ExitCode): void => {
    if (code > exit) exit = code;
  };
  const program = buildProgram(io, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`shortcutc: internal error: ${message}\n`);
    return ExitCode.failure;
  }
  return exit;
}
