/**
 * Cross-checks against Python's plistlib, an implementation independent of
 * ours: one python3 process loads every reference and candidate file and
 * compares them strictly (see plistlib_compare.py).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plistKind, type PlistValue } from '../../src/plist/value.js';
import { repoPath } from './shared.js';

export interface PlistlibItem {
  readonly name: string;
  readonly reference: { readonly plist: string } | { readonly json: string };
  readonly candidates: readonly string[];
}

export interface PlistlibReport {
  readonly checked: number;
  readonly mismatches: readonly { name: string; file: string; difference: string }[];
  readonly errors: readonly { name: string; file: string; error: string }[];
}

export function python3Available(): boolean {
  const result = spawnSync('python3', ['-c', 'import plistlib'], { encoding: 'utf8' });
  return result.status === 0;
}

export function comparePlistlib(items: readonly PlistlibItem[], workDir: string): PlistlibReport {
  const list = join(workDir, 'items.json');
  writeFileSync(list, JSON.stringify(items));
  const result = spawnSync('python3', [repoPath('test', 'support', 'plistlib_compare.py'), list], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`plistlib_compare.py failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as PlistlibReport;
}

export function temporaryDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The value as tagged JSON that plistlib_compare.py turns into what plistlib would return. */
export function toTaggedJson(value: PlistValue): unknown {
  const hex = (x: number): string => {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    return Buffer.from(view.buffer).toString('hex');
  };
  // Iterative: build children into placeholders.
  const root: { v?: unknown } = {};
  const stack: { value: PlistValue; set: (tagged: unknown) => void }[] = [{ value, set: (t) => (root.v = t) }];
  while (stack.length > 0) {
    const { value: v, set } = stack.pop()!;
    switch (plistKind(v)) {
      case 'string':
        set({ s: v });
        break;
      case 'boolean':
        set({ b: v });
        break;
      case 'array': {
        const items: unknown[] = [];
        set({ a: items });
        (v as PlistValue[]).forEach((child, i) => stack.push({ value: child, set: (t) => (items[i] = t) }));
        break;
      }
      case 'dict': {
        const pairs: [string, unknown][] = [];
        set({ m: pairs });
        [...(v as Map<string, PlistValue>)].forEach(([k, child], i) => {
          pairs[i] = [k, null];
          stack.push({ value: child, set: (t) => (pairs[i]![1] = t) });
        });
        break;
      }
      default: {
        const s = v as Exclude<PlistValue, string | boolean | PlistValue[] | Map<string, PlistValue>>;
        switch (s.kind) {
          case 'integer':
            set({ i: s.value.toString() });
            break;
          case 'real':
            set({ r: hex(s.value) });
            break;
          case 'date':
            set({ d: hex(s.secondsSince2001) });
            break;
          case 'data':
            set({ x: Buffer.from(s.bytes).toString('base64') });
            break;
          case 'uid':
            set({ u: s.value });
            break;
        }
      }
    }
  }
  return root.v;
}
