import type { Result } from '../diagnostics/diagnostic.js';
import { DEFAULT_LIMITS, readAeaLayout, type AeaContainer, type AeaLimits } from './aea.js';
import { findWorkflow, parseAppleArchive, type ArchiveEntry } from './apple-archive.js';
import { attempt } from './failure.js';
import { decompressPayload, type PayloadStats } from './payload.js';

/** A signed shortcut taken apart: the container, the archive inside it, and the workflow plist's bytes. */
export interface ExtractedShortcut {
  readonly container: AeaContainer;
  /** The decompressed Apple Archive. */
  readonly archive: Uint8Array;
  readonly entries: readonly ArchiveEntry[];
  /** The bytes of `Shortcut.wflow`: the workflow as a (binary) property list. */
  readonly plist: Uint8Array;
  readonly stats: PayloadStats;
}

/**
 * Reads an `AEA1` file down to its workflow plist: layout, every segment
 * decompressed and checked against its SHA-256, then the archive. Signatures
 * and MACs are not checked here (see `verifySigned`).
 */
export function extractSigned(bytes: Uint8Array, limits: AeaLimits = DEFAULT_LIMITS): Result<ExtractedShortcut> {
  return attempt(() => {
    const container = readAeaLayout(bytes, limits);
    const { bytes: archive, stats } = decompressPayload(container);
    const entries = parseAppleArchive(archive);
    return { container, archive, entries, plist: findWorkflow(entries), stats };
  });
}
