import type { Diagnostic, Location, Severity } from './diagnostic.js';

/**
 * Each phase declares its diagnostic codes in its own folder with
 * `defineDiagnostics`, in its own range:
 *
 *   SC1xxx plist codec        SC2xxx signed container   SC3xxx IR lift/lower
 *   SC4xxx code syntax        SC5xxx code → IR          SC6xxx checker
 *   SC7xxx catalog            SC8xxx emitter            SC9xxx CLI and files
 *
 * `registry.ts` gathers every phase's table so that codes stay unique and the
 * README's table can be checked against them.
 */
export interface DiagnosticDefinition {
  readonly code: string;
  readonly severity: Severity;
  /** One line saying what the code means, for the README and `--help`. */
  readonly title: string;
}

export function defineDiagnostics<const T extends Record<string, DiagnosticDefinition>>(table: T): T {
  return table;
}

export interface DiagnosticDetails {
  readonly location?: Location;
  readonly suggestion?: string;
  readonly file?: string;
  /** Overrides the definition's severity (a lenient reading can downgrade an error). */
  readonly severity?: Severity;
}

export function diagnostic(definition: DiagnosticDefinition, message: string, details: DiagnosticDetails = {}): Diagnostic {
  const result: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code: definition.code,
    severity: details.severity ?? definition.severity,
    message,
  };
  if (details.file !== undefined) result.file = details.file;
  if (details.location !== undefined) result.location = details.location;
  if (details.suggestion !== undefined) result.suggestion = details.suggestion;
  return result;
}
