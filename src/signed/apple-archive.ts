import type { Result } from '../diagnostics/diagnostic.js';
import { attempt, formatError } from './failure.js';

/**
 * Apple Archive (the `aa` format inside a signed shortcut). Each entry is
 * "AA01" (older "YAA1"), a u16 header size counting those six bytes, then
 * fields of a 3-character key and a 1-character type:
 *
 *   *            flag, no value
 *   1 2 4 8      unsigned integer of that many bytes
 *   A B C        blob whose 2/4/8-byte size is in the header; its bytes follow
 *                the header, blob after blob in field order
 *   F G H I J    hash of 4/20/32/48/64 bytes
 *   S T          timespec: u64 seconds, and for T a u32 of nanoseconds
 *   P            string with a u16 length
 *
 * The reader keeps every field; callers look up what they need by key and do
 * not depend on field order.
 */

export type ArchiveFieldValue =
  | { readonly kind: 'flag' }
  | { readonly kind: 'uint'; readonly value: bigint; readonly bytes: 1 | 2 | 4 | 8 }
  | { readonly kind: 'blob'; readonly offset: number; readonly size: number }
  | { readonly kind: 'hash'; readonly bytes: Uint8Array }
  | { readonly kind: 'timespec'; readonly seconds: bigint; readonly nanoseconds: number }
  | { readonly kind: 'string'; readonly value: string };

export interface ArchiveField {
  readonly key: string;
  readonly type: string;
  readonly value: ArchiveFieldValue;
}

export interface ArchiveEntry {
  /** Offset of the entry's magic within the archive. */
  readonly offset: number;
  readonly magic: 'AA01' | 'YAA1';
  readonly fields: readonly ArchiveField[];
  /** `TYP` as a character ('F' file, 'D' directory, 'L' link, ...), when present. */
  readonly type?: string;
  /** `PAT`, when present. */
  readonly path?: string;
  /** The `DAT` blob's bytes (a view into the archive), when present. */
  readonly data?: Uint8Array;
}

const HASH_SIZES: Record<string, number> = { F: 4, G: 20, H: 32, I: 48, J: 64 };
const UINT_SIZES: Record<string, 1 | 2 | 4 | 8> = { '1': 1, '2': 2, '4': 4, '8': 8 };
const BLOB_SIZE_BYTES: Record<string, 2 | 4 | 8> = { A: 2, B: 4, C: 8 };

const utf8 = new TextDecoder('utf-8', { fatal: false });

function uint(b: Uint8Array, p: number, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[p + i]!);
  return v;
}

/** Reads every entry of an archive. Throws SignedFormatError; `readAppleArchive` wraps it in a Result. */
export function parseAppleArchive(bytes: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let at = 0;
  while (at < bytes.length) {
    const entry = readEntry(bytes, at);
    entries.push(entry.entry);
    at = entry.end;
  }
  return entries;
}

export function readAppleArchive(bytes: Uint8Array): Result<ArchiveEntry[]> {
  return attempt(() => parseAppleArchive(bytes));
}

function readEntry(bytes: Uint8Array, at: number): { entry: ArchiveEntry; end: number } {
  if (at + 6 > bytes.length) throw formatError('archiveTruncated', 'archive ends inside an entry header', at);
  const magic = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (magic !== 'AA01' && magic !== 'YAA1') {
    throw formatError('archiveBadHeader', `archive entry starts with ${JSON.stringify(magic)}, not "AA01" or "YAA1"`, at);
  }
  const headerSize = bytes[at + 4]! | (bytes[at + 5]! << 8);
  if (headerSize < 6) throw formatError('archiveBadHeader', `archive header size ${headerSize} is smaller than its own prefix`, at + 4);
  const headerEnd = at + headerSize;
  if (headerEnd > bytes.length) throw formatError('archiveTruncated', `archive header of ${headerSize} bytes runs past the archive`, at);

  const fields: ArchiveField[] = [];
  let p = at + 6;
  let blobAt = headerEnd;
  let type: string | undefined;
  let path: string | undefined;
  let data: Uint8Array | undefined;
  while (p < headerEnd) {
    if (p + 4 > headerEnd) throw formatError('archiveBadHeader', 'archive field key runs past its header', p);
    const key = String.fromCharCode(bytes[p]!, bytes[p + 1]!, bytes[p + 2]!);
    const t = String.fromCharCode(bytes[p + 3]!);
    const fieldAt = p;
    p += 4;
    const needs = (n: number): void => {
      if (p + n > headerEnd) throw formatError('archiveBadHeader', `archive field ${key}${t} runs past its header`, fieldAt);
    };
    let value: ArchiveFieldValue;
    if (t === '*') {
      value = { kind: 'flag' };
    } else if (UINT_SIZES[t] !== undefined) {
      const n = UINT_SIZES[t];
      needs(n);
      value = { kind: 'uint', value: uint(bytes, p, n), bytes: n };
      p += n;
    } else if (BLOB_SIZE_BYTES[t] !== undefined) {
      const n = BLOB_SIZE_BYTES[t];
      needs(n);
      const size = uint(bytes, p, n);
      p += n;
      // Checked as a bigint, before it becomes an offset: an 8-byte size can be anything.
      if (BigInt(blobAt) + size > BigInt(bytes.length)) {
        throw formatError('archiveTruncated', `archive blob ${key} of ${size} bytes runs past the archive (${bytes.length - blobAt} bytes left)`, fieldAt);
      }
      value = { kind: 'blob', offset: blobAt, size: Number(size) };
      blobAt += Number(size);
    } else if (HASH_SIZES[t] !== undefined) {
      const n = HASH_SIZES[t];
      needs(n);
      value = { kind: 'hash', bytes: bytes.subarray(p, p + n) };
      p += n;
    } else if (t === 'S' || t === 'T') {
      const n = t === 'S' ? 8 : 12;
      needs(n);
      value = { kind: 'timespec', seconds: BigInt.asIntN(64, uint(bytes, p, 8)), nanoseconds: t === 'T' ? Number(uint(bytes, p + 8, 4)) : 0 };
      p += n;
    } else if (t === 'P') {
      needs(2);
      const n = bytes[p]! | (bytes[p + 1]! << 8);
      p += 2;
      needs(n);
      value = { kind: 'string', value: utf8.decode(bytes.subarray(p, p + n)) };
      p += n;
    } else {
      throw formatError('archiveBadHeader', `archive field ${key} has unknown type ${JSON.stringify(t)}`, fieldAt);
    }
    fields.push({ key, type: t, value });
    if (key === 'TYP' && value.kind === 'uint') type = String.fromCharCode(Number(value.value & 0xffn));
    else if (key === 'PAT' && value.kind === 'string') path = value.value;
    else if (key === 'DAT' && value.kind === 'blob') data = bytes.subarray(value.offset, value.offset + value.size);
  }
  const entry: ArchiveEntry = {
    offset: at,
    magic,
    fields,
    ...(type === undefined ? {} : { type }),
    ...(path === undefined ? {} : { path }),
    ...(data === undefined ? {} : { data }),
  };
  return { entry, end: blobAt };
}

export const WORKFLOW_PATH = 'Shortcut.wflow';

/** The workflow plist: the DAT blob of the regular file `Shortcut.wflow`. */
export function findWorkflow(entries: readonly ArchiveEntry[]): Uint8Array {
  const entry = entries.find((e) => e.path === WORKFLOW_PATH && (e.type === undefined || e.type === 'F'));
  if (entry?.data === undefined) {
    const files = entries.filter((e) => e.type === 'F').map((e) => e.path ?? '?');
    throw formatError(
      'archiveNoWorkflow',
      `the archive has no ${WORKFLOW_PATH} file with data${files.length > 0 ? ` (files: ${files.join(', ')})` : ''}`,
    );
  }
  return entry.data;
}
