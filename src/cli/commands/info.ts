import { containerLabel, shortcutInfo, type ShortcutInfo } from '../../container/info.js';
import { readShortcutFile } from '../../container/shortcut-file.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { collectInputs, readInputFile } from '../files.js';
import { ExitCode, reportDiagnostics } from '../io.js';
import type { RegisterCommand } from '../program.js';

/** `shortcutc info <file...> [--json]`: what each shortcut file is and holds. */
export const registerInfo: RegisterCommand = (program, io, setExit) => {
  program
    .command('info')
    .description('show container, client versions, action count, icon, input classes and name of shortcut files')
    .argument('<file...>', 'shortcut files, or folders to search for them')
    .option('--json', 'print one JSON array with an object per file')
    .action((args: string[], options: { json?: boolean }) => {
      const { files, diagnostics } = collectInputs(args, io);
      reportDiagnostics(io, diagnostics);
      if (hasErrors(diagnostics)) setExit(ExitCode.failure);
      const results: (ShortcutInfo & { file: string })[] = [];
      for (const file of files) {
        const bytes = readInputFile(file);
        if (!bytes.ok) {
          reportDiagnostics(io, bytes.diagnostics);
          setExit(ExitCode.failure);
          continue;
        }
        const read = readShortcutFile(bytes.value, file.display);
        reportDiagnostics(io, read.diagnostics);
        if (!read.ok) {
          setExit(ExitCode.failure);
          continue;
        }
        const info = { file: file.display, ...shortcutInfo(read.value) };
        if (options.json) results.push(info);
        else io.stdout(formatInfo(info));
      }
      if (options.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    });
};

/** The human-readable block for one file. */
export function formatInfo(info: ShortcutInfo & { file: string }): string {
  const lines = [`${info.file}`, `  container:              ${containerLabel(info.container)}`];
  if (info.signature !== undefined) {
    const mode = info.signature.signer === 'icloud' ? 'anyone (iCloud)' : 'people who know me (contact)';
    lines.push(`  signed for:             ${mode}`);
    for (const [i, c] of info.signature.certificates.entries()) {
      const dates = `${c.validFrom.toISOString().slice(0, 10)} to ${c.validTo.toISOString().slice(0, 10)}`;
      lines.push(`  ${i === 0 ? 'certificates:          ' : '                       '} ${c.subject} (valid ${dates})`);
    }
  }
  if (info.name !== undefined) lines.push(`  name:                   ${info.name}`);
  const release = info.clientRelease === undefined ? '' : ` (release ${info.clientRelease})`;
  lines.push(`  client version:         ${info.clientVersion ?? '(none)'}${release}`);
  const minimumString = info.minimumClientVersionString === undefined ? '' : ` ("${info.minimumClientVersionString}")`;
  lines.push(`  minimum client version: ${info.minimumClientVersion ?? '(none)'}${minimumString}`);
  lines.push(`  actions:                ${info.actionCount ?? '(no action list)'}`);
  if (info.icon === undefined) {
    lines.push('  icon:                   (none)');
  } else {
    const parts = [
      `glyph ${info.icon.glyph ?? '(none)'}`,
      `colour ${info.icon.color === undefined ? '(none)' : `${info.icon.color} (${info.icon.colorHex})`}`,
    ];
    if (info.icon.hasImage) parts.push('custom image');
    lines.push(`  icon:                   ${parts.join(', ')}`);
  }
  lines.push(`  input classes:          ${info.inputClasses.length === 0 ? '(none)' : info.inputClasses.join(', ')}`);
  if (info.types.length > 0) lines.push(`  types:                  ${info.types.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
