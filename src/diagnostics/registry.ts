import { catalogDiagnostics } from '../catalog/diagnostics.js';
import { checkerDiagnostics } from '../checker/diagnostics.js';
import type { DiagnosticDefinition } from './codes.js';
import { cliDiagnostics } from '../cli/diagnostics.js';
import { liftDiagnostics } from '../lift/diagnostics.js';
import { containerDiagnostics } from '../container/diagnostics.js';
import { plistDiagnostics } from '../plist/diagnostics.js';
import { signedDiagnostics } from '../signed/diagnostics.js';
import { syntaxDiagnostics } from '../parser/diagnostics.js';
import { binderDiagnostics } from '../binder/diagnostics.js';
import { datasetDiagnostics } from '../compile/diagnostics.js';
import { emitterDiagnostics } from '../emitter/diagnostics.js';

/**
 * Every phase's diagnostic table, for uniqueness checks and documentation.
 * A phase that defines a table (with `defineDiagnostics`, in its own folder)
 * imports it here and adds it under the phase's name.
 */
export const diagnosticTables: Readonly<Record<string, Readonly<Record<string, DiagnosticDefinition>>>> = {
  cli: cliDiagnostics,
  lift: liftDiagnostics,
  plist: plistDiagnostics,
  catalog: catalogDiagnostics,
  container: containerDiagnostics,
  signed: signedDiagnostics,
  syntax: syntaxDiagnostics,
  checker: checkerDiagnostics,
  binder: binderDiagnostics,
  dataset: datasetDiagnostics,
  emitter: emitterDiagnostics,
};

export function allDiagnosticDefinitions(): DiagnosticDefinition[] {
  return Object.values(diagnosticTables).flatMap((table) => Object.values(table));
}
