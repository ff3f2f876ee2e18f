/**
 * Pushes one input through every library entry point and checks the
 * repository's promise about bad input: nothing throws, every problem is a
 * `Diagnostic` with a registered code, and what comes out is bounded by what
 * went in (sizes, not time: performance targets live in the benchmark).
 *
 * Bytes go through the readers (any container), the signed reader and
 * verifier, `info`'s summary, both writers (`convert`), lift and lower,
 * `check` on the lifted IR and `checkFile`, `decompile`, `compile` of the
 * decompiled code, and both round trips. Code goes through `compile`,
 * `codeToIr`, `checkFile` and, when it compiles, back through `decompile`.
 */
import { expect } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { coreCatalog } from '../../src/catalog/load.js';
import { checkFile } from '../../src/checker/front-ends.js';
import { checkWorkflow } from '../../src/checker/check.js';
import { codeToIr } from '../../src/compile/front-end.js';
import { compile } from '../../src/compile/compile.js';
import { shortcutInfo } from '../../src/container/info.js';
import { detectContainer, readShortcutFile } from '../../src/container/shortcut-file.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { allDiagnosticDefinitions } from '../../src/diagnostics/registry.js';
import { decompile } from '../../src/emitter/decompile.js';
import type { Workflow } from '../../src/ir/types.js';
import { liftWorkflow, lowerWorkflow } from '../../src/lift/workflow.js';
import { writeBinaryPlist } from '../../src/plist/binary-writer.js';
import { isArray, isDict, type PlistValue } from '../../src/plist/value.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { roundTripViaCode, roundTripViaIr } from '../../src/roundtrip/index.js';
import { extractSigned } from '../../src/signed/extract.js';
import { readSignedShortcut, verifySigned } from '../../src/signed/signed-shortcut.js';

/** Every entry point the harness calls, in the order it calls them (the coverage table's rows). */
export const ENTRY_POINTS = [
  'readShortcutFile',
  'verifySigned',
  'extractSigned',
  'readSignedShortcut',
  'shortcutInfo',
  'writeBinaryPlist',
  'writeXmlPlist',
  'liftWorkflow',
  'lowerWorkflow',
  'check',
  'checkFile',
  'decompile',
  'compile',
  'codeToIr',
  'roundTripViaIr',
  'roundTripViaCode',
] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];

const registered: ReadonlyMap<string, string> = new Map(allDiagnosticDefinitions().map((d) => [d.code, d.severity]));
const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

let core: Catalog | undefined;
/** The built-in core catalog (what every command uses without an import). */
export function coreForTests(): Catalog {
  if (core === undefined) {
    const loaded = coreCatalog();
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
    core = loaded.value;
  }
  return core;
}

/** Which entry points ran, per label (the mutation kind), for the coverage table. */
export class Coverage {
  readonly calls = new Map<string, Map<EntryPoint, number>>();

  record(label: string, entry: EntryPoint): void {
    let row = this.calls.get(label);
    if (row === undefined) this.calls.set(label, (row = new Map()));
    row.set(entry, (row.get(entry) ?? 0) + 1);
  }

  count(label: string, entry: EntryPoint): number {
    return this.calls.get(label)?.get(entry) ?? 0;
  }

  /** Entry points × labels as a text table (printed with SHORTCUTC_FUZZ_REPORT=1). */
  table(): string {
    const labels = [...this.calls.keys()];
    const width = Math.max(...ENTRY_POINTS.map((e) => e.length));
    const head = `${''.padEnd(width)} ${labels.map((l) => l.padStart(Math.max(l.length, 6))).join(' ')}`;
    const rows = ENTRY_POINTS.map((e) => `${e.padEnd(width)} ${labels.map((l) => String(this.count(l, e)).padStart(Math.max(l.length, 6))).join(' ')}`);
    return [head, ...rows].join('\n');
  }
}

/**
 * Runs `fn` and fails the test with the entry point's name and the input's
 * description if it throws: an exception escaping is the bug this harness
 * exists to find.
 */
function guarded<T>(entry: EntryPoint, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new Error(`${entry} threw on ${what}: ${detail}`);
  }
}

/** Every diagnostic is well-formed and its code registered with the severity its table gives (or a lenient override). */
export function expectWellFormed(diagnostics: readonly Diagnostic[], where: string): void {
  for (const d of diagnostics) {
    if (!registered.has(d.code)) throw new Error(`${where}: diagnostic code ${d.code} is not registered in src/diagnostics/registry.ts (${d.message})`);
    if (!SEVERITIES.has(d.severity)) throw new Error(`${where}: ${d.code} has severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message.length === 0) throw new Error(`${where}: ${d.code} has no message`);
    const loc = d.location;
    if (loc !== undefined) {
      if (loc.kind === 'bytes' && !(Number.isSafeInteger(loc.offset) && loc.offset >= 0)) throw new Error(`${where}: ${d.code} points at byte ${loc.offset}`);
      if (loc.kind === 'source' && !(loc.span.start.line >= 1 && loc.span.start.column >= 1)) throw new Error(`${where}: ${d.code} has span ${JSON.stringify(loc.span)}`);
      if (loc.kind === 'plist' && !Array.isArray(loc.path)) throw new Error(`${where}: ${d.code} has a path that is no array`);
    }
  }
}

/**
 * The size of a plist value as work: one per node plus the length of its
 * strings and data. Iterative (the value may be 10,000 levels deep) and
 * bounded by the reader's value budget.
 */
export function plistWeight(value: PlistValue): number {
  let weight = 0;
  const pending: PlistValue[] = [value];
  while (pending.length > 0) {
    const v = pending.pop()!;
    weight++;
    if (typeof v === 'string') weight += v.length;
    else if (isArray(v)) for (const item of v) pending.push(item);
    else if (isDict(v)) {
      for (const [key, item] of v) {
        weight += key.length;
        pending.push(item);
      }
    } else if (typeof v === 'object' && v.kind === 'data') weight += v.bytes.length;
  }
  return weight;
}

/**
 * Output bounds, as multiples of the input's weight. They hold for the whole
 * corpus with a wide margin (code is at most ~4× its plist's weight, binary
 * plists at most ~3× their code); what they catch is output that grows
 * faster than the input: a blow-up, a loop that keeps writing.
 */
const CODE_PER_WEIGHT = 64;
const BYTES_PER_CODE_CHAR = 16;
const DIAGNOSTICS_PER_WEIGHT = 4;
const SLACK = 64 * 1024;

export interface BytesOutcome {
  readonly read: boolean;
  readonly lifted: boolean;
  /** The decompiled code ('' when decompiling failed). */
  readonly code: string;
  /** Every diagnostic any entry point gave. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface HarnessOptions {
  readonly catalog?: Catalog;
  /** The file name diagnostics carry (decides checkFile's front end: use a shortcut extension). */
  readonly name?: string;
  /** Skips the round trip through code (it repeats decompile and compile; structural tests on huge inputs leave it out). */
  readonly skipCodeRoundTrip?: boolean;
  readonly coverage?: Coverage;
  /** The coverage table's column for this input. */
  readonly label?: string;
}

/** A shortcut file's bytes through every entry point that takes bytes or what they give. */
export function throughBytes(bytes: Uint8Array, options: HarnessOptions = {}): BytesOutcome {
  const catalog = options.catalog ?? coreForTests();
  const name = options.name ?? 'input.shortcut';
  const what = `${bytes.length} bytes (${name})`;
  const all: Diagnostic[] = [];
  const run = <T>(entry: EntryPoint, fn: () => T): T => {
    options.coverage?.record(options.label ?? 'input', entry);
    return guarded(entry, what, fn);
  };
  const collect = (entry: string, diagnostics: readonly Diagnostic[]): void => {
    expectWellFormed(diagnostics, `${entry} on ${what}`);
    for (const d of diagnostics) all.push(d);
  };

  const read = run('readShortcutFile', () => readShortcutFile(bytes, name));
  collect('readShortcutFile', read.diagnostics);
  if (!read.ok) expect(read.diagnostics.some((d) => d.severity === 'error'), `readShortcutFile failed without an error on ${what}`).toBe(true);

  if (detectContainer(bytes) === 'signed') {
    const verified = run('verifySigned', () => verifySigned(bytes));
    collect('verifySigned', verified.diagnostics);
    if (!verified.valid) expect(verified.diagnostics.length).toBeGreaterThan(0);
    const extracted = run('extractSigned', () => extractSigned(bytes));
    collect('extractSigned', extracted.diagnostics);
    if (extracted.ok) expect(extracted.value.plist.length).toBeLessThanOrEqual(extracted.value.archive.length);
    const signed = run('readSignedShortcut', () => readSignedShortcut(bytes));
    collect('readSignedShortcut', signed.diagnostics);
  }

  let lifted = false;
  let weight = 0;
  if (read.ok) {
    const plist = read.value.plist;
    weight = plistWeight(plist);
    run('shortcutInfo', () => shortcutInfo(read.value));
    const binary = run('writeBinaryPlist', () => writeBinaryPlist(plist));
    collect('writeBinaryPlist', binary.diagnostics);
    const xml = run('writeXmlPlist', () => writeXmlPlist(plist));
    collect('writeXmlPlist', xml.diagnostics);
    const lift = run('liftWorkflow', () => liftWorkflow(plist));
    collect('liftWorkflow', lift.diagnostics);
    expect(lift.diagnostics.length).toBeLessThanOrEqual(DIAGNOSTICS_PER_WEIGHT * weight + 16);
    if (lift.ok) {
      lifted = true;
      const workflow: Workflow = lift.value;
      run('lowerWorkflow', () => lowerWorkflow(workflow));
      collect('check', run('check', () => checkWorkflow(workflow, catalog, { origin: 'shortcut', file: name })));
      const ir = run('roundTripViaIr', () => roundTripViaIr(plist));
      collect('roundTripViaIr', ir.diagnostics);
      // Lifting is exact: whatever lifted comes back equal.
      expect(ir.ok, `roundTripViaIr on ${what}: ${ir.difference?.reason ?? ''}`).toBe(true);
      if (options.skipCodeRoundTrip !== true) collect('roundTripViaCode', run('roundTripViaCode', () => roundTripViaCode(plist)).diagnostics);
    }
  }

  const file = run('checkFile', () => checkFile(bytes, name, catalog));
  collect('checkFile', file.diagnostics);

  const decompiled = run('decompile', () => decompile(bytes, { catalog, file: name }));
  collect('decompile', decompiled.diagnostics);
  if (decompiled.code === '') {
    expect(decompiled.diagnostics.some((d) => d.severity === 'error'), `decompile gave no code and no error on ${what}`).toBe(true);
  } else {
    expect(decompiled.code.length).toBeLessThanOrEqual(CODE_PER_WEIGHT * weight + SLACK);
    const compiled = run('compile', () => compile(decompiled.code, { catalog, file: 'decompiled.py' }));
    collect('compile', compiled.diagnostics);
    if (compiled.shortcut !== undefined) expect(compiled.shortcut.length).toBeLessThanOrEqual(BYTES_PER_CODE_CHAR * decompiled.code.length + SLACK);
  }
  return { read: read.ok, lifted, code: decompiled.code, diagnostics: all };
}

export interface CodeOutcome {
  readonly compiled: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** Code text through the compiler, its front end, `check` and, when it compiles, back through the decompiler. */
export function throughCode(code: string, options: HarnessOptions = {}): CodeOutcome {
  const catalog = options.catalog ?? coreForTests();
  const what = `${code.length} characters of code`;
  const all: Diagnostic[] = [];
  const run = <T>(entry: EntryPoint, fn: () => T): T => {
    options.coverage?.record(options.label ?? 'code', entry);
    return guarded(entry, what, fn);
  };
  const collect = (entry: string, diagnostics: readonly Diagnostic[]): void => {
    expectWellFormed(diagnostics, `${entry} on ${what}`);
    for (const d of diagnostics) all.push(d);
  };
  const compiled = run('compile', () => compile(code, { catalog, file: 'input.py' }));
  collect('compile', compiled.diagnostics);
  // Every problem of a file is reported, but not without bound: the parser and binder stop at 1,000 each.
  expect(compiled.diagnostics.length).toBeLessThanOrEqual(2_100);
  if (compiled.shortcut === undefined) expect(compiled.diagnostics.some((d) => d.severity === 'error'), `compile failed without an error on ${what}`).toBe(true);
  else expect(compiled.shortcut.length).toBeLessThanOrEqual(BYTES_PER_CODE_CHAR * code.length + SLACK);
  const front = run('codeToIr', () => codeToIr(code, { catalog }));
  collect('codeToIr', front.diagnostics);
  const file = run('checkFile', () => checkFile(new TextEncoder().encode(code), 'input.py', catalog));
  collect('checkFile', file.diagnostics);
  if (compiled.shortcut !== undefined) {
    const back = run('decompile', () => decompile(compiled.shortcut!, { catalog }));
    collect('decompile', back.diagnostics);
    expect(back.code.length).toBeGreaterThan(0);
  }
  return { compiled: compiled.shortcut !== undefined, diagnostics: all };
}
