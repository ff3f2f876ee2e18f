import type { Catalog } from '../catalog/catalog.js';
import { coreCatalog } from '../catalog/load.js';
import { inFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Workflow } from '../ir/types.js';
import { checkWorkflowDepth } from '../lift/depth-guard.js';
import { checkWorkflow } from './check.js';
import { codeFrontEnd, shortcutFrontEnd, checkFile } from './front-ends.js';

export interface CheckRequestOptions {
  /** The catalog to check against (`loadCatalog()` for the installed one); default: the built-in core. */
  readonly catalog?: Catalog;
  /** Names the input in every diagnostic. */
  readonly file?: string;
}

export interface Checked {
  /** The reader's problems (syntax and binding for code; reading and lifting for shortcuts), then the checker's. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The library's third job, shaped like `compile` and `decompile`: checks API
 * usage in code (a string), a shortcut file's bytes (binary, XML or signed),
 * or a workflow already in the IR (checked as a shortcut). Never throws.
 *
 *     const { diagnostics } = check(code, { catalog });
 */
export function check(input: string | Uint8Array | Workflow, options: CheckRequestOptions = {}): Checked {
  const catalog = options.catalog ?? builtinCatalog();
  if (typeof input === 'string') {
    const file = options.file ?? '<code>.py';
    return { diagnostics: checkFile(new TextEncoder().encode(input), file, catalog, [codeFrontEnd]).diagnostics };
  }
  if (input instanceof Uint8Array) {
    return { diagnostics: checkFile(input, options.file ?? '<shortcut>', catalog, [shortcutFrontEnd]).diagnostics };
  }
  const tooDeep = checkWorkflowDepth(input);
  if (tooDeep !== undefined) return { diagnostics: options.file === undefined ? [tooDeep] : inFile(options.file, [tooDeep]) };
  return { diagnostics: checkWorkflow(input, catalog, { origin: 'shortcut', ...(options.file === undefined ? {} : { file: options.file }) }) };
}

let builtin: Catalog | undefined;

function builtinCatalog(): Catalog {
  if (builtin === undefined) {
    const core = coreCatalog();
    // The core ships inside the package and is validated by its tests; failing to load it is a broken install.
    if (!core.ok) throw new Error(`shortcutc: the built-in core catalog cannot be loaded: ${core.diagnostics.map((d) => d.message).join('; ')}`);
    builtin = core.value;
  }
  return builtin;
}
