import { coreCatalog } from '../catalog/load.js';
import { inFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../ir/source-map.js';
import type { Workflow } from '../ir/types.js';
import { lowerWorkflow } from '../lift/workflow.js';
import { writeBinaryPlist } from '../plist/binary-writer.js';
import type { PlistValue } from '../plist/value.js';
import { writeXmlPlist } from '../plist/xml-writer.js';
import { codeToIr, type FrontEndOptions } from './front-end.js';

export interface CompileOptions extends FrontEndOptions {
  /** `binary` (the default: what Apple embeds and `shortcuts sign` takes) or `xml`. */
  readonly format?: 'binary' | 'xml';
}

export interface CompileResult {
  /** The unsigned shortcut file ("signed-ready"), when compiling succeeded. */
  readonly shortcut?: Uint8Array;
  /** The workflow plist the file holds. */
  readonly plist?: PlistValue;
  readonly workflow?: Workflow;
  readonly sourceMap?: SourceMap;
  /** Every problem found: syntax (SC4xxx), binding (SC5xxx), writing (SC1xxx). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Code → shortcut. Canonical code (with the decompiler's header) compiles to
 * exactly the plist it was decompiled from, up to renamed UUIDs and
 * GroupingIdentifiers; model code is read leniently (grammars/model-code.md)
 * and gets all twelve top-level keys Apple writes. Deterministic: the same
 * code and options give the same bytes. Never throws.
 */
export function compile(code: string, options: CompileOptions = {}): CompileResult {
  const catalog = options.catalog ?? builtinCatalog();
  const front = codeToIr(code, { ...options, ...(catalog === undefined ? {} : { catalog }) });
  const base = { sourceMap: front.sourceMap };
  if (front.workflow === undefined) return { ...base, diagnostics: front.diagnostics };
  const plist = lowerWorkflow(front.workflow);
  const written = options.format === 'xml' ? writeXmlPlist(plist) : writeBinaryPlist(plist);
  if (!written.ok) {
    const problems = options.file === undefined ? written.diagnostics : inFile(options.file, written.diagnostics);
    return { ...base, workflow: front.workflow, plist, diagnostics: [...front.diagnostics, ...problems] };
  }
  return { ...base, shortcut: written.value, plist, workflow: front.workflow, diagnostics: front.diagnostics };
}

let builtin: ReturnType<typeof coreCatalog> | undefined;

/** The built-in core catalog (read once), for callers that pass none. */
function builtinCatalog(): import('../catalog/catalog.js').Catalog | undefined {
  builtin ??= coreCatalog();
  return builtin.ok ? builtin.value : undefined;
}
