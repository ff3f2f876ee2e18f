import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { allDiagnosticDefinitions } from '../../src/diagnostics/registry.js';
import { parseModule, type ParseResult } from '../../src/parser/index.js';
import { printModule } from '../../src/syntax/printer/index.js';
import { mutate, mutation } from '../arbitraries/mutations.js';
import { describeShared } from '../support/corpus.js';
import { inCI, sharedPath } from '../support/shared.js';
import { withoutSpans } from '../unit/parser/helpers.js';

interface Sample {
  readonly annotated_code: string;
}

/** Which programs python3's own parser accepts (one process for all); undefined without python3. */
function pythonAccepts(programs: readonly string[]): boolean[] | undefined {
  const script =
    'import ast, json, sys\nout = []\nfor p in json.load(sys.stdin):\n    try:\n        ast.parse(p); out.append(True)\n    except (SyntaxError, ValueError):\n        out.append(False)\nprint(json.dumps(out))';
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(programs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error !== undefined || run.status !== 0) return undefined;
  return JSON.parse(run.stdout) as boolean[];
}

const errors = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 'error');

/** An empty block (model code without `pass`, read with a warning) prints as `pass`. */
function emptyBlocksAsPass(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(emptyBlocksAsPass);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const isBlock = key === 'body' || key === 'orelse';
    out[key] = isBlock && Array.isArray(child) && child.length === 0 ? [{ kind: 'pass' }] : emptyBlocksAsPass(child);
  }
  return out;
}

describeShared('parser on the 50 WorkflowBench samples', () => {
  let codes: string[] = [];
  let results: ParseResult[] = [];
  beforeAll(() => {
    const samples = JSON.parse(readFileSync(sharedPath('workflowllm', 'data_samples.json'), 'utf8')) as Sample[];
    codes = samples.map((s) => s.annotated_code);
    results = codes.map((code) => parseModule(code));
  });

  it('parses every sample into a module with statements, without an internal error', () => {
    expect(results).toHaveLength(50);
    results.forEach((r, i) => {
      expect(r.module.body.length, `sample ${i}`).toBeGreaterThan(0);
      expect(
        r.diagnostics.map((d) => d.code),
        `sample ${i}`,
      ).not.toContain('SC4199');
    });
  });

  it('reports only registered SC4xxx codes, each pointing into the sample', () => {
    const known = new Set(allDiagnosticDefinitions().map((d) => d.code));
    results.forEach((r, i) => {
      for (const d of r.diagnostics) {
        expect(known.has(d.code), `${d.code} in sample ${i}`).toBe(true);
        expect(d.location?.kind).toBe('source');
        const span = d.location?.kind === 'source' ? d.location.span : undefined;
        expect(span!.start.offset).toBeLessThanOrEqual(codes[i]!.length);
        expect(span!.end.offset).toBeGreaterThanOrEqual(span!.start.offset);
      }
    });
  });

  it('gives the same diagnostics on every run (summary by code is stable)', () => {
    const again = codes.map((code) => parseModule(code));
    const summary = (rs: readonly ParseResult[]): Record<string, number> => {
      const byCode: Record<string, number> = {};
      for (const r of rs) for (const d of r.diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
      return byCode;
    };
    expect(again.map((r) => r.diagnostics)).toEqual(results.map((r) => r.diagnostics));
    const byCode = summary(results);
    const samplesWithErrors = results.filter((r) => errors(r.diagnostics).length > 0).length;
    console.log(`parser on 50 samples: ${50 - samplesWithErrors} without errors; diagnostics by code: ${JSON.stringify(byCode)}`);
    expect(summary(again)).toEqual(byCode);
  });

  it('reads every sample python3 accepts without an error, and agrees that the others have problems', () => {
    const accepted = pythonAccepts(codes);
    if (accepted === undefined) {
      expect(inCI, 'python3 is required under CI=true').toBe(false);
      console.log('python3 not found: skipping the comparison with ast.parse');
      return;
    }
    accepted.forEach((ok, i) => {
      const errs = errors(results[i]!.diagnostics);
      if (ok)
        expect(
          errs.map((d) => `${d.code} ${d.message}`),
          `sample ${i} is valid Python`,
        ).toEqual([]);
    });
    expect(accepted.filter(Boolean).length).toBeGreaterThan(0);
    // The parser may read some sloppy samples leniently (warnings only), but never claims more than Python plus leniency.
    results.forEach((r, i) => {
      if (accepted[i] === false && errors(r.diagnostics).length === 0) {
        expect(r.diagnostics.length, `sample ${i}: Python rejects it, so the lenient reading must have said something`).toBeGreaterThan(0);
      }
    });
  });

  it('never throws, hangs or fails internally on random mutations of the samples', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 49 }), fc.array(mutation, { minLength: 1, maxLength: 20 }), (index, mutations) => {
        const result = parseModule(mutate(codes[index]!, mutations));
        expect(result.module.kind).toBe('module');
        expect(result.diagnostics.every((d) => d.location?.kind === 'source')).toBe(true);
        expect(result.diagnostics.map((d) => d.code)).not.toContain('SC4199');
      }),
      { numRuns: 300 },
    );
  });

  it('reprints every error-free sample so that it parses back to the same tree', () => {
    const printed: string[] = [];
    results.forEach((r, i) => {
      if (errors(r.diagnostics).length > 0) return;
      const text = printModule(r.module);
      const again = parseModule(text);
      expect(errors(again.diagnostics), `sample ${i}`).toEqual([]);
      expect(withoutSpans(again.module.body), `sample ${i}`).toEqual(emptyBlocksAsPass(withoutSpans(r.module.body)));
      if (!r.diagnostics.some((d) => d.code === 'SC4025')) printed.push(text);
    });
    // Reprinted without unquoted text, the samples are valid Python.
    const accepted = pythonAccepts(printed);
    if (accepted !== undefined) expect(accepted.every(Boolean)).toBe(true);
  });
});
