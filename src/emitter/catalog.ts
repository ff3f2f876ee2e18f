import type { Catalog } from '../catalog/catalog.js';
import { coreCatalog } from '../catalog/load.js';

/**
 * What the emitter asks a catalog. Two catalogs take part and play different
 * roles (grammars/dialect.md §1.2): the *naming* catalog (the full one when
 * installed) only makes names readable; the built-in *core* decides what is
 * derived and therefore left unwritten (OutputName annotations), so canonical
 * code compiles the same whichever full catalog the compiler has.
 */
export interface EmitterCatalog {
  /** The python name the catalog gives an identifier (WorkflowLLM's, e.g. with `-`), if it knows it. */
  pythonName(identifier: string): string | undefined;
  /** The output name the catalog gives the action ("Contents of URL"), for readable names. */
  outputName(identifier: string): string | undefined;
}

export function catalogAdapter(catalog: Catalog): EmitterCatalog {
  return {
    pythonName: (identifier) => catalog.byIdentifier(identifier)?.pythonName,
    outputName: (identifier) => catalog.byIdentifier(identifier)?.output?.name,
  };
}

/** A catalog that knows nothing (names then come from identifiers alone). */
export const emptyCatalog: EmitterCatalog = { pythonName: () => undefined, outputName: () => undefined };

let core: EmitterCatalog | undefined;

/**
 * The built-in core catalog, which decides derived OutputNames. It is part of
 * the package; if it cannot be read the package is broken, which is worth
 * failing loudly on rather than writing code that compiles differently.
 */
export function coreEmitterCatalog(): EmitterCatalog {
  if (core === undefined) {
    const loaded = coreCatalog();
    if (!loaded.ok) throw new Error(`the built-in core catalog cannot be read: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    core = catalogAdapter(loaded.value);
  }
  return core;
}
