import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { diagnostic } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import { verifySigned, type SignerInfo } from '../../signed/signed-shortcut.js';
import { cliDiagnostics } from '../diagnostics.js';
import { ExitCode } from '../io.js';
import type { RegisterCommand } from '../program.js';

interface FileVerdict {
  readonly file: string;
  readonly valid: boolean;
  readonly signer?: SignerInfo;
  readonly segments?: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The files to check: each file argument, and every `.shortcut` file under each directory argument (sorted). */
async function expand(cwd: string, inputs: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (shown: string, path: string): Promise<void> => {
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(shown, entry.name);
      if (entry.isDirectory()) await walk(child, join(path, entry.name));
      else if (entry.name.endsWith('.shortcut')) files.push(child);
    }
  };
  for (const input of inputs) {
    try {
      const info = await stat(resolve(cwd, input));
      if (info.isDirectory()) await walk(input, resolve(cwd, input));
      else files.push(input);
    } catch {
      missing.push(input);
    }
  }
  return { files, missing };
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
    .action(async (inputs: string[], options: { json?: boolean }) => {
      const { files, missing } = await expand(io.cwd, inputs);
      const verdicts: FileVerdict[] = missing.map((file) => ({
        file,
        valid: false,
        diagnostics: [diagnostic(cliDiagnostics.unreadableFile, 'no such file or directory', { file })],
      }));
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(resolve(io.cwd, file)));
        } catch (error) {
          const message = `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
          verdicts.push({ file, valid: false, diagnostics: [diagnostic(cliDiagnostics.unreadableFile, message, { file })] });
          continue;
        }
        const report = verifySigned(bytes);
        verdicts.push({
          file,
          valid: report.valid,
          ...(report.signer === undefined ? {} : { signer: report.signer }),
          ...(report.stats === undefined ? {} : { segments: report.stats.segments }),
          diagnostics: report.diagnostics.map((d) => ({ ...d, file })),
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
