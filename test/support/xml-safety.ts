import { plistKind, type PlistValue } from '../../src/plist/value.js';
import { isXmlChar } from '../../src/plist/xml-reader.js';
import { formatDate } from '../../src/plist/xml-writer.js';

/**
 * Whether an XML plist can say the value exactly, judged independently of the
 * XML writer (which must accept exactly these values): no UIDs, no characters
 * outside XML 1.0, no dates but whole seconds in years 1–9999, no dictionary
 * Apple's reader would take for a UID.
 */
export function xmlCanHold(value: PlistValue): boolean {
  const stack: PlistValue[] = [value];
  const textOk = (s: string): boolean => {
    for (const c of s) {
      const code = c.codePointAt(0)!;
      if (!isXmlChar(code) || (code >= 0xd800 && code <= 0xdfff)) return false;
    }
    return true;
  };
  while (stack.length > 0) {
    const v = stack.pop()!;
    switch (plistKind(v)) {
      case 'string':
        if (!textOk(v as string)) return false;
        break;
      case 'uid':
        return false;
      case 'date':
        if (formatDate((v as { secondsSince2001: number }).secondsSince2001) === undefined) return false;
        break;
      case 'array':
        stack.push(...(v as PlistValue[]));
        break;
      case 'dict': {
        const m = v as Map<string, PlistValue>;
        if (m.size === 1 && m.has('CF$UID')) {
          const only = plistKind(m.get('CF$UID')!);
          if (only === 'integer' || only === 'real') return false;
        }
        for (const [k, child] of m) {
          if (!textOk(k)) return false;
          stack.push(child);
        }
      }
    }
  }
  return true;
}
