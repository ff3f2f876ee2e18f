import { diagnostic } from '../diagnostics/codes.js';
import { fail, inFile, ok, type Result } from '../diagnostics/diagnostic.js';
import { describe } from '../plist/equal.js';
import type { PlistReadOptions } from '../plist/limits.js';
import { describeStart, detectPlistFormat, readPlist, type PlistFormat } from '../plist/read.js';
import { plistKind, type PlistDict, type PlistValue } from '../plist/value.js';
import type { CertificateSummary } from '../signed/auth-data.js';
import { extractSigned } from '../signed/extract.js';
import { readSigner } from '../signed/signed-shortcut.js';
import { containerDiagnostics as D } from './diagnostics.js';

/** How a shortcut file is stored (format notes §1). */
export type ContainerKind = 'binary' | 'xml' | 'signed';

/**
 * Who signed a signed shortcut, as its container says. The signed-container
 * reader (src/signed) fills this in; unsigned files have none.
 */
export interface ShortcutSignature {
  /** `icloud`: signed for anyone via iCloud; `contact`: signed for people who know the author. */
  readonly signer: 'icloud' | 'contact';
  /** The certificate chain, leaf first (iCloud signing chain or Apple ID chain): subjects and validity. */
  readonly certificates: readonly CertificateSummary[];
}

/** A shortcut file taken apart: how it was stored, and its workflow dictionary. */
export interface ShortcutFile {
  readonly container: ContainerKind;
  /** The format of the workflow plist itself (inside a signed file: the embedded plist's). */
  readonly plistFormat: PlistFormat;
  /** The workflow dictionary, the top level of the plist (`WFWorkflowActions`, …). */
  readonly plist: PlistDict;
  /** Signed files only. */
  readonly signature?: ShortcutSignature;
}

/** The container kind, decided from the first bytes alone (as Shortcuts does); undefined when unknown. */
export function detectContainer(bytes: Uint8Array): ContainerKind | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x41 && bytes[1] === 0x45 && bytes[2] === 0x41 && bytes[3] === 0x31) return 'signed';
  return detectPlistFormat(bytes);
}

/**
 * Reads a shortcut file of any container. `file` names it in diagnostics.
 * Never throws: bad input gives a failed result whose diagnostics say which
 * byte or which value was wrong.
 */
export function readShortcutFile(bytes: Uint8Array, file?: string, options: PlistReadOptions = {}): Result<ShortcutFile> {
  const named = (result: Result<ShortcutFile>): Result<ShortcutFile> =>
    file === undefined ? result : result.ok ? ok(result.value, inFile(file, result.diagnostics)) : fail(inFile(file, result.diagnostics));
  const container = detectContainer(bytes);
  switch (container) {
    case 'signed': {
      // AEA1: container, LZFSE and Apple Archive (src/signed); then the embedded plist as usual.
      // Signatures are not checked here (`shortcutc verify` does): reading never depends on trust.
      const signed = extractSigned(bytes);
      if (!signed.ok) return named(fail(signed.diagnostics));
      // Damaged auth data does not stop the workflow from being read: it is reported as a warning.
      const signer = readSigner(signed.value.container);
      const signerWarnings = signer.diagnostics.map((d) => ({ ...d, severity: 'warning' as const }));
      const inner = signed.value.plist;
      const format = detectPlistFormat(inner);
      const read = readPlist(inner, options);
      if (!read.ok || format === undefined) {
        return named(fail(read.ok ? [diagnostic(D.notAWorkflow, `the signed file holds ${describeStart(inner)}, not a property list`)] : read.diagnostics));
      }
      const signature: ShortcutSignature | undefined = signer.ok ? { signer: signer.value.kind, certificates: signer.value.certificates } : undefined;
      return named(asWorkflow(read.value, 'signed', format, [...signed.diagnostics, ...signerWarnings, ...read.diagnostics], signature));
    }
    case 'binary':
    case 'xml': {
      const read = readPlist(bytes, options);
      if (!read.ok) return named(fail(read.diagnostics));
      return named(asWorkflow(read.value, container, container, read.diagnostics));
    }
    default:
      return named(
        fail([
          diagnostic(D.unknownContainer, `not a shortcut file: it starts with ${describeStart(bytes)}; shortcuts start with "bplist00", "<?xml" or "<plist", or "AEA1"`, {
            location: { kind: 'bytes', offset: 0 },
          }),
        ]),
      );
  }
}

/** Wraps a plist read from any container as a shortcut, if its top level is a dictionary. */
export function asWorkflow(
  value: PlistValue,
  container: ContainerKind,
  plistFormat: PlistFormat,
  diagnostics: Result<unknown>['diagnostics'] = [],
  signature?: ShortcutSignature,
): Result<ShortcutFile> {
  if (!(value instanceof Map)) {
    return fail([
      ...diagnostics,
      diagnostic(D.notAWorkflow, `the property list holds ${plistKind(value) === 'array' ? 'an array' : `a ${plistKind(value)}`} (${describe(value)}) at the top; a shortcut is a dictionary`, {
        location: { kind: 'plist', path: [] },
      }),
    ]);
  }
  const file: ShortcutFile = signature === undefined ? { container, plistFormat, plist: value } : { container, plistFormat, plist: value, signature };
  return ok(file, diagnostics);
}
