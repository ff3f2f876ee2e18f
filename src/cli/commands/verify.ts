import { inFile, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { verifySigned, type SignerInfo } from '../../signed/signed-shortcut.js';
import { collectInputs, readInputFile } from '../files.js';
import { ExitCode } from '../io.js';
import type { RegisterCommand } from '../program.js';

interface FileVerdict {
  readonly file: string;
  readonly valid: boolean;
  readonly signer?: SignerInfo;
  readonly segments?: number;
  readonly diagnostics: readonly Diagnostic[];
}

function signerText(signer: SignerInfo | undefined): string {
  if (signer === undefined) return '';
  const leaf = signer.certificates[0];
  const who = leaf === undefined ? '' : `, ${leaf.subject}`;
  return ` (${signer.kind === 'icloud' ? 'iCloud, anyone' : 'contact, people who know me'}${who})`;
}

/** `shortcutc verify <file|dir...> [--json]`: a line per file, then `N passed, M failed`; exit 1 if any failed. */
export const registerVerify: RegisterCommand = (program, io, setExit) => {
  program
    .command('verify')
    .description('verify signed shortcuts: signature, MAC chain, certificate chain and segment checksums')
    .argument('<paths...>', 'signed .shortcut files, or directories to search for them')
    .option('--json', 'print one JSON report instead of lines')
    .action((inputs: string[], options: { json?: boolean }) => {
      // Folders are searched for .shortcut files only: other plists in them are not signed.
      const { files, diagnostics } = collectInputs(inputs, io, { extensions: ['.shortcut'] });
      // An input that cannot be read, or a folder without shortcuts, counts as a failed file.
      const verdicts: FileVerdict[] = diagnostics.map((d) => ({ file: d.file ?? '?', valid: false, diagnostics: [d] }));
      for (const file of files) {
        const bytes = readInputFile(file);
        if (!bytes.ok) {
          verdicts.push({ file: file.display, valid: false, diagnostics: bytes.diagnostics });
          continue;
        }
        const report = verifySigned(bytes.value);
        verdicts.push({
          file: file.display,
          valid: report.valid,
          ...(report.signer === undefined ? {} : { signer: report.signer }),
          ...(report.stats === undefined ? {} : { segments: report.stats.segments }),
          diagnostics: inFile(file.display, report.diagnostics),
        });
      }
      const passed = verdicts.filter((v) => v.valid).length;
      const failed = verdicts.length - passed;
      if (options.json === true) {
        io.stdout(`${JSON.stringify({ passed, failed, files: verdicts }, null, 2)}\n`);
      } else {
        for (const v of verdicts) {
          if (v.valid) io.stdout(`ok      ${v.file}${signerText(v.signer)}\n`);
          else {
            io.stdout(`FAILED  ${v.file}${signerText(v.signer)}\n`);
            for (const d of v.diagnostics) io.stdout(`${formatDiagnostic(d).replace(/^/gm, '        ')}\n`);
          }
        }
        io.stdout(`${passed} passed, ${failed} failed\n`);
      }
      if (failed > 0 || verdicts.length === 0) setExit(ExitCode.failure);
    });
};
