import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diagnostic } from '../../diagnostics/codes.js';
import { inFile } from '../../diagnostics/diagnostic.js';
import { extractSigned } from '../../signed/extract.js';
import { cliDiagnostics } from '../diagnostics.js';
import { ExitCode, reportDiagnostics } from '../io.js';
import type { RegisterCommand } from '../program.js';

/** `shortcutc extract <signed> -o <plist>`: writes the workflow plist inside a signed shortcut, byte for byte. */
export const registerExtract: RegisterCommand = (program, io, setExit) => {
  program
    .command('extract')
    .description('write the workflow plist inside a signed (AEA1) shortcut, as Apple stored it')
    .argument('<signed>', 'a signed .shortcut file')
    .requiredOption('-o, --output <plist>', 'where to write the plist')
    .action(async (input: string, options: { output: string }) => {
      const path = resolve(io.cwd, input);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(path));
      } catch (error) {
        const message = `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
        reportDiagnostics(io, [diagnostic(cliDiagnostics.unreadableFile, message, { file: input })]);
        setExit(ExitCode.failure);
        return;
      }
      const result = extractSigned(bytes);
      reportDiagnostics(io, inFile(input, result.diagnostics));
      if (!result.ok) {
        setExit(ExitCode.failure);
        return;
      }
      const out = resolve(io.cwd, options.output);
      await writeFile(out, result.value.plist);
      const { segments, checksumsMatched } = result.value.stats;
      io.stdout(`${options.output}: ${result.value.plist.length} bytes (${segments} segment${segments === 1 ? '' : 's'}, ${checksumsMatched} SHA-256 checked)\n`);
    });
};
