/**
 * Reading every unsigned corpus file: our readers next to bplist-parser (binary
 * files) and the plist package (XML files), on the same bytes in the same run.
 * Target: our binary reader at least as fast as bplist-parser, while keeping
 * the types it loses (integer vs real, 64-bit integers, key order, dates).
 */
import { parseBuffer, setMaxObjectCount } from 'bplist-parser';
import { parse as parsePlistXml } from 'plist';
import { readBinaryPlist } from '../../src/plist/binary-reader.js';
import { readPlist } from '../../src/plist/read.js';
import { readXmlPlist } from '../../src/plist/xml-reader.js';
import { race, table, type BenchSection } from '../harness.js';
import { unsignedCorpusByFormat } from '../material.js';

export const plistReadSection: BenchSection = {
  name: 'plist-read',
  description: 'reading all unsigned corpus files (MB/s, files/s): ours vs bplist-parser and plist',
  run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const { binary, xml, buffers, xmlText } = unsignedCorpusByFormat(sharedDir);
    const all = [...binary, ...xml];
    // bplist-parser refuses files over 32,768 objects by default; lift that so it reads them all.
    setMaxObjectCount(Number.MAX_SAFE_INTEGER);

    let failures = 0;
    const check = (ok: boolean): void => {
      if (!ok) failures++;
    };
    const timings = race({
      'ours, all files (readPlist)': () => all.forEach((b) => check(readPlist(b).ok)),
      'ours, binary (readBinaryPlist)': () => binary.forEach((b) => check(readBinaryPlist(b).ok)),
      'bplist-parser, binary': () => buffers.forEach((b) => check(parseBuffer(b).length === 1)),
      'ours, XML (readXmlPlist)': () => xml.forEach((b) => check(readXmlPlist(b).ok)),
      'plist package, XML': () => xmlText.forEach((t) => check(parsePlistXml(t) !== undefined)),
    });
    const bytes = (files: readonly Uint8Array[]): number => files.reduce((n, b) => n + b.length, 0);
    const sets: Record<string, readonly Uint8Array[]> = {
      'ours, all files (readPlist)': all,
      'ours, binary (readBinaryPlist)': binary,
      'bplist-parser, binary': binary,
      'ours, XML (readXmlPlist)': xml,
      'plist package, XML': xml,
    };
    const rows: string[][] = [['reader', 'files', 'MB', 'MB/s', 'files/s', 'rounds']];
    for (const [name, timing] of Object.entries(timings)) {
      const files = sets[name]!;
      rows.push([
        name,
        String(files.length),
        (bytes(files) / 1e6).toFixed(2),
        (bytes(files) / 1e6 / timing.seconds).toFixed(1),
        (files.length / timing.seconds).toFixed(0),
        String(timing.rounds),
      ]);
    }
    table(rows).forEach((line) => print(line));
    if (failures > 0) print(`warning: ${failures} reads failed during timing`);
    const ours = timings['ours, binary (readBinaryPlist)']!.seconds;
    const theirs = timings['bplist-parser, binary']!.seconds;
    const met = ours <= theirs;
    print(`target (our binary reader at least as fast as bplist-parser): ${met ? 'met' : 'NOT met'}, ${(theirs / ours).toFixed(2)}× its speed`);
    return met && failures === 0;
  },
};
