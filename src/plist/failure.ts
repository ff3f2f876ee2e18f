import type { DiagnosticDefinition } from '../diagnostics/codes.js';
import { diagnostic } from '../diagnostics/codes.js';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';

/**
 * Thrown inside a codec only, and always caught at its public entry point,
 * which turns it into a failed `Result`. It lets deep helper code stop at the
 * first fatal problem without threading results through every call.
 */
export class PlistFailure extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'PlistFailure';
  }
}

export function failAt(definition: DiagnosticDefinition, message: string, offset: number): PlistFailure {
  return new PlistFailure(diagnostic(definition, message, { location: { kind: 'bytes', offset } }));
}

export function failWith(definition: DiagnosticDefinition, message: string, location: Location, suggestion?: string): PlistFailure {
  return new PlistFailure(diagnostic(definition, message, suggestion === undefined ? { location } : { location, suggestion }));
}
