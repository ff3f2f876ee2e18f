import type { Diagnostic, Severity, SourcePosition, SourceSpan } from '../diagnostics/diagnostic.js';
import { diagnostic, type DiagnosticDefinition } from '../diagnostics/codes.js';
import { syntaxDiagnostics } from './diagnostics.js';

interface Entry {
  readonly offset: number;
  readonly order: number;
  readonly diagnostic: Diagnostic;
}

export function position(line: number, column: number, offset: number): SourcePosition {
  return { line, column, offset };
}

export function span(start: SourcePosition, end: SourcePosition): SourceSpan {
  return { start, end };
}

/**
 * Collects one phase's diagnostics with the offset they point at, so the lexer
 * can withdraw what it said about text it later re-reads (unquoted text), and
 * so lexer and parser diagnostics merge in source order. Each phase keeps at
 * most `limit` entries; the rest are counted, never stored (hostile input can
 * produce one problem per byte).
 */
export class Reporter {
  private entries: Entry[] = [];
  private dropped = 0;
  private order = 0;

  constructor(private readonly limit: number) {}

  add(definition: DiagnosticDefinition, message: string, where: SourceSpan, suggestion?: string, severity?: Severity): void {
    if (this.entries.length >= this.limit) {
      this.dropped++;
      return;
    }
    const details: { location: { kind: 'source'; span: SourceSpan }; suggestion?: string; severity?: Severity } = {
      location: { kind: 'source', span: where },
    };
    if (suggestion !== undefined) details.suggestion = suggestion;
    if (severity !== undefined) details.severity = severity;
    this.entries.push({ offset: where.start.offset, order: this.order++, diagnostic: diagnostic(definition, message, details) });
  }

  /** Withdraws everything reported at or after `offset` (the lexer re-reads that text). */
  withdrawFrom(offset: number): void {
    if (!this.entries.some((e) => e.offset >= offset)) return;
    this.entries = this.entries.filter((e) => e.offset < offset);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Offsets of the errors reported so far, ascending. */
  errorOffsets(): number[] {
    const out: number[] = [];
    for (const e of this.entries) if (e.diagnostic.severity === 'error') out.push(e.offset);
    return out.sort((a, b) => a - b);
  }

  /** Drops warnings (never errors) whose offset lies in one of the ranges; used for text read as bare text. */
  dropWarningsIn(ranges: readonly (readonly [number, number])[]): void {
    if (ranges.length === 0) return;
    this.entries = this.entries.filter(
      (e) => e.diagnostic.severity === 'error' || !ranges.some(([from, to]) => e.offset >= from && e.offset < to),
    );
  }

  static merge(limit: number, ...reporters: Reporter[]): Diagnostic[] {
    const all: Entry[] = [];
    let dropped = 0;
    reporters.forEach((r, phase) => {
      dropped += r.dropped;
      for (const e of r.entries) all.push({ offset: e.offset, order: phase * 1e9 + e.order, diagnostic: e.diagnostic });
    });
    all.sort((a, b) => a.offset - b.offset || a.order - b.order);
    const out = all.slice(0, limit).map((e) => e.diagnostic);
    dropped += Math.max(0, all.length - limit);
    if (dropped > 0) {
      const at = position(1, 1, 0);
      out.push(
        diagnostic(syntaxDiagnostics.tooManyProblems, `${dropped} more syntax problem${dropped === 1 ? '' : 's'} not reported`, {
          location: { kind: 'source', span: span(at, at) },
          suggestion: 'fix the problems above first',
        }),
      );
    }
    return out;
  }
}
