import { Option } from 'commander';
import { readShortcutFile } from '../../container/shortcut-file.js';
import { inFile } from '../../diagnostics/diagnostic.js';
import { writeBinaryPlist } from '../../plist/binary-writer.js';
import { writeXmlPlist } from '../../plist/xml-writer.js';
import { inputFile, readInputFile, writeOutputFile } from '../files.js';
import { ExitCode, reportDiagnostics } from '../io.js';
import type { RegisterCommand } from '../program.js';

/**
 * `shortcutc convert <in> -o <out> [--xml|--binary]`: re-encodes a shortcut's
 * plist. Binary is the default: it is what Apple embeds, what `shortcuts sign`
 * takes, and it can hold every value (XML cannot hold UIDs, fractional dates
 * or some control characters; converting such a file to XML fails and says why).
 */
export const registerConvert: RegisterCommand = (program, io, setExit) => {
  program
    .command('convert')
    .description('re-encode a shortcut as a binary (default) or XML property list, losing nothing')
    .argument('<in>', 'the shortcut file to read (binary or XML plist)')
    .requiredOption('-o, --output <file>', 'where to write the converted shortcut')
    .addOption(new Option('--xml', 'write an XML property list').conflicts('binary'))
    .addOption(new Option('--binary', 'write a binary property list (the default)').conflicts('xml'))
    .action((input: string, options: { output: string; xml?: boolean; binary?: boolean }) => {
      const file = inputFile(input, io);
      const bytes = readInputFile(file);
      if (!bytes.ok) {
        reportDiagnostics(io, bytes.diagnostics);
        setExit(ExitCode.failure);
        return;
      }
      const read = readShortcutFile(bytes.value, file.display);
      reportDiagnostics(io, read.diagnostics);
      if (!read.ok) {
        setExit(ExitCode.failure);
        return;
      }
      const written = options.xml ? writeXmlPlist(read.value.plist) : writeBinaryPlist(read.value.plist);
      if (!written.ok) {
        reportDiagnostics(io, inFile(file.display, written.diagnostics));
        setExit(ExitCode.failure);
        return;
      }
      const saved = writeOutputFile(options.output, written.value, io);
      if (!saved.ok) {
        reportDiagnostics(io, saved.diagnostics);
        setExit(ExitCode.failure);
      }
    });
};
