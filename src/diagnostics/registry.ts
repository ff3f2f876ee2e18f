import type { DiagnosticDefinition } from './codes.js';
import { syntaxDiagnostics } from '../parser/diagnostics.js';

/**
 * Every phase's diagnostic table, for uniqueness checks and documentation.
 * A phase that defines a table (with `defineDiagnostics`, in its own folder)
 * imports it here and adds it under the phase's name.
 */
export const diagnosticTables: Readonly<Record<string, Readonly<Record<string, DiagnosticDefinition>>>> = {
  syntax: syntaxDiagnostics,
};

export function allDiagnosticDefinitions(): DiagnosticDefinition[] {
  return Object.values(diagnosticTables).flatMap((table) => Object.values(table));
}
