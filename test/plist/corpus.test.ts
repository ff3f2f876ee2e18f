/**
 * The codec on every unsigned shortcut in ../shared/corpus: nothing is lost
 * through either format, the same shortcut stored as binary and as XML reads
 * to the same value, and Python's plistlib agrees with every file we write.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { firstDifference, formatPath } from '../../src/plist/equal.js';
import { readPlist } from '../../src/plist/read.js';
import type { PlistValue } from '../../src/plist/value.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { describeShared } from '../support/corpus.js';
import { crossFormatGroups, readManifest } from '../support/manifest.js';
import { comparePlistlib, temporaryDirectory, type PlistlibItem } from '../support/plistlib.js';
import { sharedFiles, sharedPath } from '../support/shared.js';
import { xmlCanHold } from '../support/xml-safety.js';

interface CorpusFile {
  readonly path: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly value: PlistValue | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

function difference(a: PlistValue, b: PlistValue, keyOrder: boolean): string | undefined {
  const d = firstDifference(a, b, { keyOrder });
  return d === undefined ? undefined : `${formatPath(d.path)}: ${d.reason}`;
}

describeShared('unsigned corpus through the plist codec', () => {
  let files: CorpusFile[] = [];

  beforeAll(() => {
    files = sharedFiles('corpus/unsigned').map((path) => {
      const bytes = new Uint8Array(readFileSync(path));
      const read = readPlist(bytes);
      return { path, name: basename(path), bytes, value: read.value, diagnostics: read.diagnostics };
    });
  });

  it('reads every file without an error', () => {
    expect(files.length).toBeGreaterThan(0);
    const failed = files.filter((f) => f.value === undefined).map((f) => `${f.name}: ${f.diagnostics[0]?.message}`);
    expect(failed).toEqual([]);
  });

  it('read → write binary → read gives the first value, types and key order included', () => {
    const problems: string[] = [];
    for (const f of files) {
      const written = writeBinaryPlist(f.value!);
      if (!written.ok) {
        problems.push(`${f.name}: ${written.diagnostics[0]?.message}`);
        continue;
      }
      const back = readPlist(written.value);
      const d = back.ok ? difference(f.value!, back.value, true) : back.diagnostics[0]?.message;
      if (d !== undefined) problems.push(`${f.name}: ${d}`);
    }
    expect(problems).toEqual([]);
  });

  it('read → write XML → read gives the first value; files XML cannot hold are refused with a clear diagnostic', () => {
    const problems: string[] = [];
    const refused: string[] = [];
    for (const f of files) {
      const written = writeXmlPlist(f.value!);
      if (!written.ok) {
        const d = written.diagnostics[0]!;
        refused.push(`${f.name}: ${d.code} ${d.message}`);
        if (!/^SC105[0-5]$/.test(d.code) || d.location?.kind !== 'plist' || d.suggestion === undefined) problems.push(`${f.name}: unclear refusal ${JSON.stringify(d)}`);
        if (xmlCanHold(f.value!)) problems.push(`${f.name}: refused although XML can hold it: ${d.message}`);
        continue;
      }
      if (!xmlCanHold(f.value!)) problems.push(`${f.name}: written as XML although XML cannot hold it`);
      const back = readPlist(written.value);
      const d = back.ok ? difference(f.value!, back.value, true) : back.diagnostics[0]?.message;
      if (d !== undefined) problems.push(`${f.name}: ${d}`);
    }
    expect(problems).toEqual([]);
    console.info(`corpus: ${files.length} files, XML round trip ${files.length - refused.length}, refused ${refused.length}${refused.length ? `: ${refused.join('; ')}` : ''}`);
  });

  it('the same shortcut stored as binary and as XML reads to the same value', () => {
    const groups = crossFormatGroups(readManifest());
    expect(groups.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const group of groups) {
      const values = group.map((row) => {
        const read = readPlist(new Uint8Array(readFileSync(sharedPath('corpus', row.file))));
        return { row, value: read.value };
      });
      const [first, ...rest] = values;
      for (const other of rest) {
        // Apple's XML writer sorts keys and its binary writer does not: compare without key order.
        const d = first!.value && other.value ? difference(first!.value, other.value, false) : 'unreadable';
        if (d !== undefined) problems.push(`${first!.row.file} vs ${other.row.file}: ${d}`);
      }
    }
    expect(problems).toEqual([]);
    console.info(`corpus: ${groups.length} shortcuts stored in both formats read equal`);
  });

  it("Python's plistlib reads our binary and XML of every file as it reads the original", () => {
    const dir = temporaryDirectory('shortcutc-corpus-plistlib-');
    const items: PlistlibItem[] = files.map((f, i) => {
      const candidates: string[] = [];
      const binary = join(dir, `${i}.bin`);
      writeFileSync(binary, writeBinaryPlist(f.value!).value!);
      candidates.push(binary);
      // Files XML cannot hold are refused by our writer (tested above); nothing to compare.
      const xml = writeXmlPlist(f.value!);
      if (xml.ok) {
        const path = join(dir, `${i}.xml`);
        writeFileSync(path, xml.value);
        candidates.push(path);
      }
      return { name: f.name, reference: { plist: f.path }, candidates };
    });
    const report = comparePlistlib(items, dir);
    rmSync(dir, { recursive: true, force: true });
    expect(report.errors).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(report.checked).toBe(items.reduce((n, item) => n + item.candidates.length, 0));
    console.info(`corpus: plistlib agreed on ${report.checked} files we wrote (${files.length} originals)`);
  });
});
