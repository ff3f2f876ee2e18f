import { diagnostic } from '../diagnostics/codes.js';
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { signedDiagnostics, type SignedDiagnosticCode } from './diagnostics.js';

/**
 * Raised inside the signed-file readers and caught at their public edge, where
 * it becomes a Diagnostic. The decoders' inner loops stay free of result
 * plumbing this way; nothing outside `src/signed/` ever sees this class.
 */
export class SignedFormatError extends Error {
  constructor(
    readonly kind: SignedDiagnosticCode,
    message: string,
    /** Byte offset in the buffer being read when the problem was found. */
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'SignedFormatError';
  }
}

export function formatError(kind: SignedDiagnosticCode, message: string, offset?: number): SignedFormatError {
  return new SignedFormatError(kind, message, offset);
}

/** The diagnostic for a caught error; `base` moves its offset into the enclosing file. */
export function errorDiagnostic(error: SignedFormatError, base = 0): Diagnostic {
  return diagnostic(
    signedDiagnostics[error.kind],
    error.message,
    error.offset === undefined ? {} : { location: { kind: 'bytes', offset: base + error.offset } },
  );
}

/** Runs a reader and turns a SignedFormatError into a failed Result; other errors are bugs and propagate. */
export function attempt<T>(read: () => T, base = 0): Result<T> {
  try {
    return ok(read());
  } catch (error) {
    if (error instanceof SignedFormatError) return fail([errorDiagnostic(error, base)]);
    throw error;
  }
}
