/**
 * End-to-end fuzzing: real-shaped shortcuts of every container, mutated, go
 * through every library entry point (test/robustness/harness.ts). The
 * property: no exception escapes, every problem is a Diagnostic with a
 * registered code, and outputs stay bounded by the input.
 *
 * Seeded and bounded so the suite stays fast. For a longer local run:
 *   SHORTCUTC_FUZZ_RUNS=5000 npx vitest run test/robustness/fuzz.test.ts
 * (SHORTCUTC_FUZZ_SEED picks another seed; SHORTCUTC_FUZZ_REPORT=1 prints
 * the entry point × mutation kind table.)
 */
import { readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readShortcutFile, type ContainerKind } from '../../src/container/shortcut-file.js';
import { decompile } from '../../src/emitter/decompile.js';
import type { PlistValue } from '../../src/plist/value.js';
import { writeXmlPlist } from '../../src/plist/xml-writer.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedFiles } from '../support/shared.js';
import { applyCodeMutation, CODE_MUTATION_KINDS, codeMutation } from './code-mutations.js';
import { Coverage, ENTRY_POINTS, coreForTests, throughBytes, throughCode, type EntryPoint } from './harness.js';
import { applyMutations, byteMutations, MUTATION_KINDS } from './mutations.js';
import { basePlists, binaryOf, exampleFiles, signedOf, xmlOf } from './samples.js';
import { applyValueMutations, VALUE_MUTATION_KINDS, valueMutations } from './value-mutations.js';

/** `base` runs by default; SHORTCUTC_FUZZ_RUNS replaces it for local runs. */
function runs(base: number): number {
  const wanted = Number(process.env.SHORTCUTC_FUZZ_RUNS);
  return Number.isSafeInteger(wanted) && wanted > 0 ? wanted : base;
}
const SEED = Number.isSafeInteger(Number(process.env.SHORTCUTC_FUZZ_SEED)) && process.env.SHORTCUTC_FUZZ_SEED !== undefined ? Number(process.env.SHORTCUTC_FUZZ_SEED) : 20_251_125;

interface Sample {
  readonly name: string;
  readonly bytes: Uint8Array;
}

interface ReadSample {
  readonly container: ContainerKind;
  readonly plist: PlistValue;
}

/** The samples' workflow plists and containers, for value mutations. */
function readSamples(samples: readonly Sample[]): ReadSample[] {
  return samples.flatMap((s) => {
    const read = readShortcutFile(s.bytes);
    return read.ok ? [{ container: read.value.container, plist: read.value.plist }] : [];
  });
}

/** A mutated plist in its sample's container (binary when XML cannot hold what the mutation put in). */
function encodeLike(container: ContainerKind, plist: PlistValue): Uint8Array {
  if (container === 'xml') {
    const xml = writeXmlPlist(plist);
    if (xml.ok) return xml.value;
  }
  return container === 'signed' ? signedOf(plist) : binaryOf(plist);
}

/** Value mutations of readable samples, written back and pushed through every entry point. */
function fuzzValues(samples: readonly ReadSample[], coverage: Coverage, numRuns: number, name?: string): void {
  const donors = samples.map((s) => s.plist);
  fc.assert(
    fc.property(fc.nat(samples.length - 1), valueMutations, (pick, { kind, mutations }) => {
      const sample = samples[pick]!;
      const mutated = applyValueMutations(sample.plist, mutations, donors);
      throughBytes(encodeLike(sample.container, mutated), { coverage, label: `value:${kind}`, ...(name === undefined ? {} : { name }) });
    }),
    { numRuns, seed: SEED },
  );
}

/** Entry points a readable input reaches (codeToIr runs inside compile; code inputs call it directly). */
const DEEP: readonly EntryPoint[] = ENTRY_POINTS.filter((e) => e !== 'codeToIr');

/** Entry points every mutated input reaches, whatever the mutation did to it. */
const ALWAYS: readonly EntryPoint[] = ['readShortcutFile', 'checkFile', 'decompile'];

function report(title: string, coverage: Coverage): void {
  if (process.env.SHORTCUTC_FUZZ_REPORT !== undefined) console.info(`${title}\n${coverage.table()}`);
}

/** Every mutation kind reached the readers, and lifting, checking and compiling were reached too. */
function expectCoverage(coverage: Coverage, kinds: readonly string[], deep: readonly EntryPoint[]): void {
  for (const kind of kinds) for (const entry of ALWAYS) expect(coverage.count(kind, entry), `${kind} × ${entry}`).toBeGreaterThan(0);
  for (const entry of deep) expect(kinds.reduce((n, kind) => n + coverage.count(kind, entry), 0), entry).toBeGreaterThan(0);
}

describe('robustness fuzz: shortcuts built in the test, every container', () => {
  const plists = basePlists();
  const samples: Sample[] = [];
  for (const [name, plist] of plists) {
    samples.push({ name: `${name}.shortcut (binary)`, bytes: binaryOf(plist) });
    samples.push({ name: `${name}.shortcut (XML)`, bytes: xmlOf(plist) });
  }
  samples.push({ name: 'rich.shortcut (signed, LZVN)', bytes: signedOf(plists.get('rich')!, 'lzvn') });
  samples.push({ name: 'rich.shortcut (signed, FSE)', bytes: signedOf(plists.get('rich')!, 'fse2') });
  for (const [name, bytes] of exampleFiles()) samples.push({ name: `examples/${name}`, bytes });
  const all = samples.map((s) => s.bytes);
  const coverage = new Coverage();
  const codeCoverage = new Coverage();
  afterAll(() => {
    report('built shortcuts: entry point × mutation kind (calls)', coverage);
    report('decompiled code: entry point × mutation kind (calls)', codeCoverage);
  });

  it('every sample reads, lifts, decompiles and compiles back before it is mutated', () => {
    for (const sample of samples) {
      const outcome = throughBytes(sample.bytes, { name: 'sample.shortcut', coverage, label: 'none' });
      expect(outcome.lifted, sample.name).toBe(true);
      expect(outcome.code.startsWith('__workflow__ = '), sample.name).toBe(true);
    }
  });

  it('mutated files: no exception, only registered diagnostics, bounded output', () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), byteMutations, (pick, { kind, mutations }) => {
        throughBytes(applyMutations(samples[pick]!.bytes, mutations, all), { coverage, label: kind });
      }),
      { numRuns: runs(350), seed: SEED },
    );
    expectCoverage(coverage, MUTATION_KINDS, ['verifySigned', 'extractSigned', 'liftWorkflow', 'check', 'compile', 'roundTripViaCode']);
  }, 300_000);

  it('value-mutated shortcuts (wrong kinds, removed keys, grafted subtrees, extreme integers): the same, through the whole pipeline', () => {
    fuzzValues(readSamples(samples), coverage, runs(250));
    expectCoverage(coverage, VALUE_MUTATION_KINDS.map((k) => `value:${k}`), DEEP);
  }, 300_000);

  it('mutated decompiled code: no exception through compile, codeToIr and check', () => {
    const catalog = coreForTests();
    const codes = samples.filter((s) => !s.name.includes('signed')).map((s) => decompile(s.bytes, { catalog }).code);
    expect(codes.every((code) => code.length > 0)).toBe(true);
    fc.assert(
      fc.property(fc.nat(codes.length - 1), codeMutation, (pick, { kind, mutation }) => {
        throughCode(applyCodeMutation(codes[pick]!, mutation, codes), { coverage: codeCoverage, label: kind });
      }),
      { numRuns: runs(250), seed: SEED },
    );
    for (const kind of CODE_MUTATION_KINDS) for (const entry of ['compile', 'codeToIr', 'checkFile'] as const) expect(codeCoverage.count(kind, entry), `${kind} × ${entry}`).toBeGreaterThan(0);
    expect(CODE_MUTATION_KINDS.reduce((n, kind) => n + codeCoverage.count(kind, 'decompile'), 0)).toBeGreaterThan(0);
  }, 300_000);
});

describeShared('robustness fuzz: corpus files', () => {
  /** Small files only (under 40 KB), so a run stays fast; the signed ones are about 20 KB. */
  const pickSmall = (folder: string): Sample[] =>
    (sharedAvailable ? sharedFiles(folder) : [])
      .filter((path) => statSync(path).size < 40_000)
      .map((path) => ({ name: path, bytes: new Uint8Array(readFileSync(path)) }));
  const unsigned = pickSmall('corpus/unsigned');
  const signed = pickSmall('corpus/signed');
  const coverage = new Coverage();
  afterAll(() => report('corpus files: entry point × mutation kind (calls)', coverage));

  it('has small files of both kinds to mutate', () => {
    expect(unsigned.length).toBeGreaterThan(20);
    expect(signed.length).toBeGreaterThan(20);
  });

  for (const [title, files, base] of [
    ['unsigned', unsigned, 150],
    ['signed', signed, 100],
  ] as const) {
    it(`value-mutated ${title} corpus files: the same, through the whole pipeline`, () => {
      fuzzValues(readSamples(files), coverage, runs(base / 2), 'corpus.shortcut');
    }, 600_000);

    it(`mutated ${title} corpus files: no exception, only registered diagnostics, bounded output`, () => {
      const all = files.map((f) => f.bytes);
      fc.assert(
        fc.property(fc.nat(files.length - 1), byteMutations, (pick, { kind, mutations }) => {
          throughBytes(applyMutations(files[pick]!.bytes, mutations, all), { coverage, label: kind, name: 'corpus.shortcut' });
        }),
        { numRuns: runs(base), seed: SEED },
      );
    }, 600_000);
  }

  it('reached every entry point with every mutation kind that leaves a file readable', () => {
    expectCoverage(coverage, [...MUTATION_KINDS, ...VALUE_MUTATION_KINDS.map((k) => `value:${k}`)], DEEP);
  });
});
