import { Option } from 'commander';
import { readShortcutFile } from '../../container/shortcut-file.js';
import { hasErrors, inFile, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatPath, type PlistDifference } from '../../plist/equal.js';
import { roundTrippers, type RoundTripOutcome } from '../../roundtrip/index.js';
import { collectInputs, readInputFile } from '../files.js';
import { ExitCode, reportDiagnostics } from '../io.js';
import type { RegisterCommand } from '../program.js';

/** The round trip used when `--via` is not given: through canonical code, the toolkit's two jobs together. */
export const DEFAULT_VIA = 'code';

/** One file's result, as `--json` prints it. */
export interface RoundTripReport {
  readonly file: string;
  readonly ok: boolean;
  /** The first difference, with the path both as parts and as text. */
  readonly difference?: { readonly path: readonly (string | number)[]; readonly at: string; readonly reason: string };
  readonly keyOrderKept?: boolean;
  readonly keyOrderDifference?: { readonly path: readonly (string | number)[]; readonly at: string; readonly reason: string };
  readonly diagnostics: readonly Diagnostic[];
}

function describeDifference(difference: PlistDifference): NonNullable<RoundTripReport['difference']> {
  return { path: difference.path, at: formatPath(difference.path), reason: difference.reason };
}

/**
 * `shortcutc roundtrip <file|dir...> [--via code|ir] [--json]`: takes each shortcut
 * away (to canonical code by default, or to the IR) and back, and compares the result with the
 * original as values. Prints the first difference of each failing file as a
 * path into the plist and closes with `N passed, M failed`; exit 1 if any failed.
 */
export const registerRoundtrip: RegisterCommand = (program, io, setExit) => {
  program
    .command('roundtrip')
    .description('take shortcuts to code (or the IR) and back and check that nothing changed')
    .argument('<file...>', 'shortcut files, or folders to search for them')
    .addOption(new Option('--via <form>', 'what to go through').choices([...roundTrippers.keys()]).default(DEFAULT_VIA))
    .option('--json', 'print one JSON object with a result per file')
    .action((args: string[], options: { via: string; json?: boolean }) => {
      const trip = roundTrippers.get(options.via);
      if (trip === undefined) {
        // commander's choices() already refuses unknown names; this keeps the types honest.
        io.stderr(`shortcutc: unknown --via ${options.via}\n`);
        setExit(ExitCode.usage);
        return;
      }
      const { files, diagnostics } = collectInputs(args, io);
      reportDiagnostics(io, diagnostics);
      if (hasErrors(diagnostics)) setExit(ExitCode.failure);

      const reports: RoundTripReport[] = [];
      for (const file of files) {
        const bytes = readInputFile(file);
        const read = bytes.ok ? readShortcutFile(bytes.value, file.display) : bytes;
        let report: RoundTripReport;
        if (!read.ok) {
          report = {
            file: file.display,
            ok: false,
            difference: { path: [], at: formatPath([]), reason: 'the file could not be read as a shortcut' },
            diagnostics: read.diagnostics,
          };
        } else {
          const outcome: RoundTripOutcome = trip(read.value.plist);
          report = {
            file: file.display,
            ok: outcome.ok,
            ...(outcome.difference === undefined ? {} : { difference: describeDifference(outcome.difference) }),
            ...(outcome.keyOrderKept === undefined ? {} : { keyOrderKept: outcome.keyOrderKept }),
            ...(outcome.keyOrderDifference === undefined ? {} : { keyOrderDifference: describeDifference(outcome.keyOrderDifference) }),
            diagnostics: [...read.diagnostics, ...inFile(file.display, outcome.diagnostics)],
          };
        }
        reports.push(report);
        if (options.json) continue;
        reportDiagnostics(io, report.diagnostics);
        if (!report.ok && report.difference !== undefined) {
          io.stdout(`FAIL ${report.file}: ${report.difference.at}: ${report.difference.reason}\n`);
        }
      }

      const passed = reports.filter((r) => r.ok).length;
      const failed = reports.length - passed;
      const summary = `${passed} passed, ${failed} failed`;
      if (options.json) {
        const keyOrderKept = reports.filter((r) => r.keyOrderKept === true).length;
        io.stdout(`${JSON.stringify({ via: options.via, passed, failed, keyOrderKept, files: reports }, null, 2)}\n`);
        io.stderr(`${summary}\n`);
      } else {
        io.stdout(`${summary}\n`);
      }
      if (failed > 0) setExit(ExitCode.failure);
    });
};
