/**
 * The property-list layer: a lossless value model and its codecs.
 * Readers return `Result<PlistValue>` and never throw on bad input; writers
 * return `Result<Uint8Array>` and refuse values their format cannot say exactly.
 */
export * from './value.js';
export * from './equal.js';
export { plistDiagnostics } from './diagnostics.js';
export { DEFAULT_MAX_DEPTH, type PlistReadOptions } from './limits.js';
export { readBinaryPlist, looksLikeBinaryPlist } from './binary-reader.js';
export { writeBinaryPlist } from './binary-writer.js';
export { readXmlPlist, looksLikeXml } from './xml-reader.js';
export { writeXmlPlist, writeXmlPlistText, formatReal, formatDate } from './xml-writer.js';
export { readPlist, detectPlistFormat, describeStart, type PlistFormat } from './read.js';
