import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * The plist codec's diagnostic codes (SC1xxx). Blocks:
 *   SC100x  any property list (detection, limits shared by both readers)
 *   SC101x–SC102x  binary (`bplist00`) reading
 *   SC103x–SC104x  XML reading
 *   SC105x  writing (values a format cannot hold, or values that are not plist values)
 * Codes are stable: add new ones, never renumber.
 */
export const plistDiagnostics = defineDiagnostics({
  notAPlist: { code: 'SC1001', severity: 'error', title: 'not a property list (neither `bplist00` nor XML)' },
  tooDeep: { code: 'SC1002', severity: 'error', title: 'arrays and dictionaries nest deeper than the reader allows' },
  duplicateKey: { code: 'SC1003', severity: 'warning', title: 'a dictionary holds the same key twice; the last value is kept' },
  tooManyValues: { code: 'SC1004', severity: 'error', title: 'the file expands to more values than its size allows (shared references multiply)' },

  binaryHeader: { code: 'SC1010', severity: 'error', title: 'binary plist header is not `bplist00`' },
  binaryTruncated: { code: 'SC1011', severity: 'error', title: 'binary plist is too short to hold its header and trailer' },
  binaryTrailer: { code: 'SC1012', severity: 'error', title: 'binary plist trailer declares impossible sizes' },
  binaryOffsetTable: { code: 'SC1013', severity: 'error', title: 'binary plist offset table lies outside the file' },
  binaryObjectOffset: { code: 'SC1014', severity: 'error', title: 'an object offset points outside the object area' },
  binaryObjectOverrun: { code: 'SC1015', severity: 'error', title: 'an object runs past the end of the object area' },
  binaryUnknownMarker: { code: 'SC1016', severity: 'error', title: 'unknown or unsupported object type in a binary plist' },
  binaryBadReference: { code: 'SC1017', severity: 'error', title: 'an object reference points past the object table' },
  binaryCycle: { code: 'SC1018', severity: 'error', title: 'an array or dictionary contains itself' },
  binaryBadString: { code: 'SC1019', severity: 'error', title: 'a string is not valid ASCII or UTF-16' },
  binaryKeyNotString: { code: 'SC1020', severity: 'error', title: 'a dictionary key is not a string' },
  binaryBadInteger: { code: 'SC1021', severity: 'error', title: 'an integer has an invalid width or lies outside the 64-bit range' },
  binaryBadCount: { code: 'SC1022', severity: 'error', title: 'an object length is not encoded as an integer' },

  xmlEncoding: { code: 'SC1030', severity: 'error', title: 'XML plist is not valid UTF-8 (or declares an unsupported encoding)' },
  xmlSyntax: { code: 'SC1031', severity: 'error', title: 'XML plist is not well-formed' },
  xmlUnknownElement: { code: 'SC1032', severity: 'error', title: 'unknown element in an XML plist' },
  xmlUnclosed: { code: 'SC1033', severity: 'error', title: 'an XML element is not closed, or closed by the wrong tag' },
  xmlEntity: { code: 'SC1034', severity: 'error', title: 'an entity reference other than XML’s five and numeric character references' },
  xmlBadCharacter: { code: 'SC1035', severity: 'error', title: 'a character that XML 1.0 does not allow' },
  xmlBadValue: { code: 'SC1036', severity: 'error', title: 'the text of <integer>, <real>, <date>, <data> or <true/>/<false/> is malformed' },
  xmlIntegerRange: { code: 'SC1037', severity: 'error', title: '<integer> lies outside the 64-bit range' },
  xmlDictStructure: { code: 'SC1038', severity: 'error', title: '<dict> does not alternate <key> and value' },
  xmlRoot: { code: 'SC1039', severity: 'error', title: 'XML plist holds no value, or more than one at the top' },
  xmlUnexpectedText: { code: 'SC1040', severity: 'error', title: 'text where only elements may appear' },

  xmlCannotHoldCharacter: { code: 'SC1050', severity: 'error', title: 'a string holds a character XML 1.0 cannot hold' },
  xmlCannotHoldUid: { code: 'SC1051', severity: 'error', title: 'a UID cannot be written to an XML plist' },
  xmlCannotHoldDate: { code: 'SC1052', severity: 'error', title: 'a date that XML cannot say exactly (fractional seconds or outside years 1–9999)' },
  invalidValue: { code: 'SC1053', severity: 'error', title: 'a value that no property list can hold (out of range, lone surrogate, not a plist value)' },
  valueCycle: { code: 'SC1054', severity: 'error', title: 'a value contains itself' },
  xmlAmbiguousUidDict: { code: 'SC1055', severity: 'error', title: 'a dictionary Apple’s XML reader would turn into a UID' },
});

export type PlistDiagnosticName = keyof typeof plistDiagnostics;
