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
  /** Full of errors only: nothing more can get in. */
  private onlyErrors = false;
  private order = 0;

  constructor(private readonly limit: number) {}

  add(definition: DiagnosticDefinition, message: string, where: SourceSpan, suggestion?: string, severity?: Severity): void {
    if (this.entries.length >= this.limit) {
      this.dropped++;
      // Full: an error still gets in, in place of the latest warning (a file must never look error-free
      // because a thousand warnings came first); that the input was cut short (SC4191) always does.
      if (definition.code === syntaxDiagnostics.tooLarge.code) this.entries.pop();
      else if ((severity ?? definition.severity) !== 'error' || this.onlyErrors || !this.evictWarning()) return;
    }
    const details: { location: { kind: 'source'; span: SourceSpan }; suggestion?: string; severity?: Severity } = {
      location: { kind: 'source', span: where },
    };
    if (suggestion !== undefined) details.suggestion = suggestion;
    if (severity !== undefined) details.severity = severity;
    this.entries.push({ offset: where.start.offset, order: this.order++, diagnostic: diagnostic(definition, message, details) });
  }

  private evictWarning(): boolean {
    if (this.entries.every((e) => e.diagnostic.severity === 'error')) {
      this.onlyErrors = true;
      return false;
    }
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if ((this.entries[i] as Entry).diagnostic.severity !== 'error') {
        this.entries.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  /** Withdraws everything reported at or after `offset` (the lexer re-reads that text). */
  withdrawFrom(offset: number): void {
    if (!this.entries.some((e) => e.offset >= offset)) return;
    this.entries = this.entries.filter((e) => e.offset < offset);
    this.onlyErrors = false;
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
    // Binary search over the ranges (sorted by start; they never overlap): a million bare texts and a thousand warnings stay fast.
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    const inRange = (offset: number): boolean => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sorted[mid] as readonly [number, number])[0] <= offset) lo = mid + 1;
        else hi = mid;
      }
      const range = sorted[lo - 1];
      return range !== undefined && offset < range[1];
    };
    this.entries = this.entries.filter((e) => e.diagnostic.severity === 'error' || !inRange(e.offset));
  }

  static merge(limit: number, ...reporters: Reporter[]): Diagnostic[] {
    const all: Entry[] = [];
    let dropped = 0;
    reporters.forEach((r, phase) => {
      dropped += r.dropped;
      for (const e of r.entries) all.push({ offset: e.offset, order: phase * 1e9 + e.order, diagnostic: e.diagnostic });
    });
    all.sort((a, b) => a.offset - b.offset || a.order - b.order);
    let kept = all;
    if (all.length > limit) {
      // Errors first (in source order), then the earliest warnings, so that no error is lost to warnings.
      const errors = all
        .filter((e) => e.diagnostic.severity === 'error')
        .sort((a, b) => Number(b.diagnostic.code === syntaxDiagnostics.tooLarge.code) - Number(a.diagnostic.code === syntaxDiagnostics.tooLarge.code))
        .slice(0, limit);
      const others = all.filter((e) => e.diagnostic.severity !== 'error').slice(0, limit - errors.length);
      kept = [...errors, ...others].sort((a, b) => a.offset - b.offset || a.order - b.order);
    }
    const out = kept.map((e) => e.diagnostic);
    dropped += all.length - kept.length;
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
