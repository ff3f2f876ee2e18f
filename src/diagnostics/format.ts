import { formatPath } from '../plist/equal.js';
import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  /** The source text the diagnostic's span points into, for a code frame. */
  readonly source?: string;
  /** Lines of context above and below the reported line. */
  readonly contextLines?: number;
}

/**
 * `file:line:col: error SC4001: message` for code, `file: error SC1003: message
 * (at byte 123)` for binary input; then a code frame and the suggestion.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const where = d.file ?? '<input>';
  const loc = d.location;
  let head: string;
  if (loc?.kind === 'source') {
    head = `${where}:${loc.span.start.line}:${loc.span.start.column}: ${d.severity} ${d.code}: ${d.message}`;
  } else if (loc?.kind === 'bytes') {
    head = `${where}: ${d.severity} ${d.code}: ${d.message} (at byte ${loc.offset})`;
  } else if (loc?.kind === 'plist') {
    head = `${where}: ${d.severity} ${d.code}: ${d.message} (at ${formatPath(loc.path)})`;
  } else {
    head = `${where}: ${d.severity} ${d.code}: ${d.message}`;
  }
  const lines = [head];
  if (loc?.kind === 'source' && options.source !== undefined) {
    lines.push(...codeFrame(options.source, loc.span.start.line, loc.span.start.column, loc.span.end, options.contextLines ?? 1));
  }
  if (d.suggestion !== undefined) lines.push(`  help: ${d.suggestion}`);
  return lines.join('\n');
}

const MAX_FRAME_WIDTH = 160;

function codeFrame(
  source: string,
  line: number,
  column: number,
  end: { line: number; column: number },
  context: number,
): string[] {
  const all = source.split(/\r\n|\r|\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(all.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = all[n - 1] ?? '';
    // Long lines (a 50 MB one-liner) are cut around the column so the frame stays readable.
    const startAt = n === line && column > MAX_FRAME_WIDTH ? column - MAX_FRAME_WIDTH / 2 : 0;
    const text = raw.slice(startAt, startAt + MAX_FRAME_WIDTH).replace(/\t/g, ' ');
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${text}`);
    if (n === line) {
      const col = Math.max(1, column - startAt);
      const span = end.line === line ? Math.max(1, Math.min(end.column - column, MAX_FRAME_WIDTH - col + 1)) : 1;
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(col - 1)}${'^'.repeat(span)}`);
    }
  }
  return out;
}
