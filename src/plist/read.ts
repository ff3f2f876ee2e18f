import { diagnostic } from '../diagnostics/codes.js';
import { fail, type Result } from '../diagnostics/diagnostic.js';
import { looksLikeBinaryPlist, readBinaryPlist } from './binary-reader.js';
import { plistDiagnostics as D } from './diagnostics.js';
import type { PlistReadOptions } from './limits.js';
import type { PlistValue } from './value.js';
import { looksLikeXml, readXmlPlist } from './xml-reader.js';

export type PlistFormat = 'binary' | 'xml';

/** Which plist format the bytes are in, judged by their first bytes; undefined when neither. */
export function detectPlistFormat(bytes: Uint8Array): PlistFormat | undefined {
  if (looksLikeBinaryPlist(bytes)) return 'binary';
  if (looksLikeXml(bytes)) return 'xml';
  return undefined;
}

/** Reads a binary or XML property list, whichever the bytes are. */
export function readPlist(bytes: Uint8Array, options: PlistReadOptions = {}): Result<PlistValue> {
  switch (detectPlistFormat(bytes)) {
    case 'binary':
      return readBinaryPlist(bytes, options);
    case 'xml':
      return readXmlPlist(bytes, options);
    default:
      return fail([
        diagnostic(D.notAPlist, `not a property list: it starts with ${describeStart(bytes)}, neither "bplist00" nor "<"`, {
          location: { kind: 'bytes', offset: 0 },
        }),
      ]);
  }
}

/** The first bytes, as text when printable, else as hex. */
export function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing (the file is empty)';
  const head = bytes.subarray(0, 8);
  const printable = head.every((b) => b >= 0x20 && b < 0x7f);
  return printable
    ? JSON.stringify(String.fromCharCode(...head))
    : `the bytes ${[...head].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
}
