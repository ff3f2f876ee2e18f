import { inFile } from '../../diagnostics/diagnostic.js';
import { extractSigned } from '../../signed/extract.js';
import { inputFile, readInputFile, writeOutputFile } from '../files.js';
import { ExitCode, reportDiagnostics } from '../io.js';
import type { RegisterCommand } from '../program.js';

/** `shortcutc extract <signed> -o <plist>`: writes the workflow plist inside a signed shortcut, byte for byte. */
export const registerExtract: RegisterCommand = (program, io, setExit) => {
  program
    .command('extract')
    .description('write the workflow plist inside a signed (AEA1) shortcut, as Apple stored it')
    .argument('<signed>', 'a signed .shortcut file')
    .requiredOption('-o, --output <plist>', 'where to write the plist')
    .action((input: string, options: { output: string }) => {
      const bytes = readInputFile(inputFile(input, io));
      if (!bytes.ok) {
        reportDiagnostics(io, bytes.diagnostics);
        setExit(ExitCode.failure);
        return;
      }
      const result = extractSigned(bytes.value);
      reportDiagnostics(io, inFile(input, result.diagnostics));
      if (!result.ok) {
        setExit(ExitCode.failure);
        return;
      }
      const written = writeOutputFile(options.output, result.value.plist, io);
      if (!written.ok) {
        reportDiagnostics(io, written.diagnostics);
        setExit(ExitCode.failure);
        return;
      }
      const { segments, checksumsMatched } = result.value.stats;
      io.stdout(`${options.output}: ${result.value.plist.length} bytes (${segments} segment${segments === 1 ? '' : 's'}, ${checksumsMatched} SHA-256 checked)\n`);
    });
};
