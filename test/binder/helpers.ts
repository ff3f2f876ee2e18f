import fc from 'fast-check';
import { expect } from 'vitest';
import { coreCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import { compile, type CompileResult } from '../../src/compile/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatPath } from '../../src/plist/equal.js';
import { isDict, type PlistDict, type PlistValue } from '../../src/plist/value.js';
import { firstDifferenceModuloIdentity } from '../../src/roundtrip/index.js';

/** The built-in core catalog: what unit tests compile model code with (no ../shared). */
export function core(): Catalog {
  const loaded = coreCatalog();
  if (!loaded.ok) throw new Error('the core catalog cannot be read');
  return loaded.value;
}

export interface Compiled extends CompileResult {
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** `WFWorkflowActions` of the compiled plist (empty when compiling failed). */
  readonly actions: readonly PlistDict[];
}

export function compiled(code: string, catalog: Catalog = core()): Compiled {
  const result = compile(code, { catalog, file: 'test.py' });
  const root = result.plist;
  const actions = root !== undefined && isDict(root) ? ((root.get('WFWorkflowActions') as PlistDict[] | undefined) ?? []) : [];
  return {
    ...result,
    errors: result.diagnostics.filter((d) => d.severity === 'error'),
    warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
    actions,
  };
}

/** Compiles code that must compile without errors. */
export function ok(code: string, catalog?: Catalog): Compiled {
  const result = compiled(code, catalog);
  expect(result.errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.shortcut).toBeDefined();
  return result;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function identifierOf(action: PlistDict): string {
  return action.get('WFWorkflowActionIdentifier') as string;
}

export function parametersOf(action: PlistDict): PlistDict {
  return action.get('WFWorkflowActionParameters') as PlistDict;
}

/** Asserts that the actions equal `expected` up to consistently renamed UUIDs and GroupingIdentifiers. */
export function expectActions(actual: readonly PlistValue[], expected: readonly PlistValue[]): void {
  const wrap = (actions: readonly PlistValue[]): PlistDict => new Map([['WFWorkflowActions', [...actions]]]);
  const difference = firstDifferenceModuloIdentity(wrap(expected), wrap(actual));
  expect(difference === undefined ? 'equal' : `${formatPath(difference.path)}: ${difference.reason}`).toBe('equal');
}

/** The source line and column a diagnostic points at. */
export function at(d: Diagnostic): string {
  return d.location?.kind === 'source' ? `${d.location.span.start.line}:${d.location.span.start.column}` : 'nowhere';
}

/**
 * Compiles hostile code: it must not throw, every code must be registered in
 * form, and every binding error must say where.
 */
export function survive(code: string, catalog: Catalog = core()): CompileResult {
  let result: CompileResult | undefined;
  expect(() => {
    result = compile(code, { catalog, file: 'hostile.py' });
  }).not.toThrow();
  for (const d of result!.diagnostics) {
    expect(d.code).toMatch(/^SC\d{4}$/);
    if (d.severity === 'error' && d.code.startsWith('SC5')) expect(d.location?.kind).toBe('source');
  }
  return result!;
}

/** Property: up to twelve random bytes of `snippet` overwritten, the compiler survives (`survive`). */
export function surviveByteMutations(snippet: string, catalog: Catalog = core()): void {
  const bytes = new TextEncoder().encode(snippet);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), (edits) => {
      const mutated = bytes.slice();
      for (const [at, byte] of edits) mutated[at] = byte;
      survive(new TextDecoder().decode(mutated), catalog);
    }),
    { numRuns: 300 },
  );
}

/** Property: a random stretch of `snippet` replaced by random text, the compiler survives (`survive`). */
export function surviveSplices(snippet: string, catalog: Catalog = core()): void {
  fc.assert(
    fc.property(fc.nat(snippet.length), fc.nat(snippet.length), fc.string({ maxLength: 20 }), (from, to, inserted) => {
      survive(snippet.slice(0, Math.min(from, to)) + inserted + snippet.slice(Math.max(from, to)), catalog);
    }),
    { numRuns: 300 },
  );
}
