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
