import type { PlistPath } from '../plist/equal.js';

/**
 * The one diagnostic type every phase reports with, from the byte reader to the
 * checker (as the TypeScript compiler does): a stable code, a severity, a message
 * a person can act on, where it happened, and what to do about it.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A point in source text. `line` and `column` count from 1; `offset` from 0, in UTF-16 units. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface SourceSpan {
  readonly start: SourcePosition;
  /** Exclusive. */
  readonly end: SourcePosition;
}

/** Where a diagnostic points: into code, into a file's bytes, or into a plist value. */
export type Location =
  | { readonly kind: 'source'; readonly span: SourceSpan }
  | { readonly kind: 'bytes'; readonly offset: number; readonly length?: number }
  | { readonly kind: 'plist'; readonly path: PlistPath };

export interface Diagnostic {
  /** Stable code such as `SC1003`, documented in the README. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The file the diagnostic is about, when the caller knows it. */
  readonly file?: string;
  readonly location?: Location;
  /** A concrete fix ("did you mean `WFInput`?"), when one exists. */
  readonly suggestion?: string;
}

/** What a phase returns: a value, or none, and everything it has to say. */
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly value?: undefined; readonly diagnostics: readonly Diagnostic[] };

export function ok<T>(value: T, diagnostics: readonly Diagnostic[] = []): Result<T> {
  return { ok: true, value, diagnostics };
}

export function fail<T = never>(diagnostics: readonly Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Attaches a file name to diagnostics that do not name one yet. */
export function inFile(file: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.file === undefined ? { ...d, file } : d));
}
