import { extname } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { readShortcutFile } from '../container/shortcut-file.js';
import { hasErrors, inFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../ir/source-map.js';
import type { Workflow } from '../ir/types.js';
import { liftWorkflow } from '../lift/workflow.js';
import { codeToIr } from '../compile/front-end.js';
import { binderDiagnostics } from '../binder/diagnostics.js';
import { checkWorkflow } from './check.js';
import { checkerDiagnostics } from './diagnostics.js';
import type { Origin } from './context.js';

/**
 * What `check` needs from an input file: the IR, where it came from, and
 * what the front end itself found (read and lift problems for shortcuts —
 * SC1xxx, SC2xxx, SC3xxx, malformed control flow among them; syntax and
 * binding problems for code). The checker reuses those and never re-derives
 * them.
 */
export interface CheckInput {
  readonly origin: Origin;
  /** Undefined when the front end could not build one (its diagnostics say why). */
  readonly workflow?: Workflow;
  readonly sourceMap?: SourceMap;
  readonly diagnostics: readonly Diagnostic[];
  /** The code text, for code frames. */
  readonly source?: string;
}

/** A front end turns one file's bytes into IR. */
export interface FrontEnd {
  /** File name endings it takes (lower case, with the dot); the shortcut front end takes everything else. */
  readonly extensions: readonly string[];
  /** `catalog`: the one the check uses (model code is read with it, so both see the same actions). */
  readonly read: (bytes: Uint8Array, file: string, catalog?: Catalog) => CheckInput;
  /**
   * Front-end codes the checker says better (with its suggestions and the
   * severity `check` gives them): dropped where the checker reports one of
   * the listed codes at the same place, so each problem is said once.
   */
  readonly supersededBy?: ReadonlyMap<string, readonly string[]>;
}

/** Any shortcut container (binary, XML, signed once its reader is in), lifted into the IR. */
export const shortcutFrontEnd: FrontEnd = {
  extensions: ['.shortcut', '.plist', '.wflow', '.xml'],
  read(bytes, file) {
    const read = readShortcutFile(bytes, file);
    if (!read.ok) return { origin: 'shortcut', diagnostics: read.diagnostics };
    const lifted = liftWorkflow(read.value.plist);
    const diagnostics = [...read.diagnostics, ...inFile(file, lifted.diagnostics)];
    return lifted.ok ? { origin: 'shortcut', workflow: lifted.value, diagnostics } : { origin: 'shortcut', diagnostics };
  },
};

const C = checkerDiagnostics;
const B = binderDiagnostics;

/**
 * Python-style code (canonical or model-written): parsed and bound into the
 * IR with its source map (src/compile/front-end.ts), so checker diagnostics
 * point at lines and columns. The IR built so far is checked even when
 * parsing or binding reported errors, so a file's problems come out
 * together. The binder's notes on unknown actions and undefined names give
 * way to the checker's at the same place.
 */
export const codeFrontEnd: FrontEnd = {
  extensions: ['.py'],
  read(bytes, file, catalog) {
    const source = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    const front = codeToIr(source, { file, ...(catalog === undefined ? {} : { catalog }) });
    return { origin: 'code', workflow: front.partial, sourceMap: front.sourceMap, diagnostics: front.diagnostics, source };
  },
  supersededBy: new Map([
    [B.unknownAction.code, [C.unknownAction.code]],
    [B.undefinedNameRead.code, [C.undefinedVariable.code, C.usedBeforeSet.code, C.maybeUnset.code, C.repeatVariableOutsideLoop.code]],
    [B.usedBeforeAssignment.code, [C.usedBeforeSet.code, C.maybeUnset.code]],
  ]),
};

/** The front ends `check` knows, most specific first. */
export const frontEnds: readonly FrontEnd[] = [codeFrontEnd, shortcutFrontEnd];

export function frontEndFor(file: string, ends: readonly FrontEnd[] = frontEnds): FrontEnd {
  const extension = extname(file).toLowerCase();
  return ends.find((end) => end.extensions.includes(extension)) ?? shortcutFrontEnd;
}

export interface FileCheck {
  /** The front end's diagnostics, then the checker's (the checker runs only when there is a workflow). */
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: string;
  /** Whether the front end gave a workflow and the checker ran. */
  readonly checked: boolean;
}

/** Reads one file with the front end its name selects and checks it. */
export function checkFile(bytes: Uint8Array, file: string, catalog: Catalog, ends: readonly FrontEnd[] = frontEnds): FileCheck {
  const end = frontEndFor(file, ends);
  const input = end.read(bytes, file, catalog);
  const source = input.source === undefined ? {} : { source: input.source };
  if (input.workflow === undefined) return { diagnostics: input.diagnostics, checked: false, ...source };
  const found = checkWorkflow(input.workflow, catalog, {
    origin: input.origin,
    file,
    ...(input.sourceMap === undefined ? {} : { sourceMap: input.sourceMap }),
    ...(input.source === undefined ? {} : { source: input.source }),
  });
  // In code every output reference is bound by name, so one to no action means its statement did not compile: said already.
  const own = input.origin === 'code' && hasErrors(input.diagnostics) ? found.filter((d) => d.code !== C.danglingOutput.code) : found;
  const front = end.supersededBy === undefined ? input.diagnostics : withoutSuperseded(input.diagnostics, own, end.supersededBy);
  return { diagnostics: [...front, ...own], checked: true, ...source };
}

/** The front end's diagnostics minus those the checker reported better at the same place. */
function withoutSuperseded(front: readonly Diagnostic[], found: readonly Diagnostic[], supersededBy: ReadonlyMap<string, readonly string[]>): Diagnostic[] {
  const at = (d: Diagnostic): string | undefined => (d.location?.kind === 'source' ? `${d.location.span.start.line}:${d.location.span.start.column}` : undefined);
  const reported = new Set(found.flatMap((d) => (at(d) === undefined ? [] : [`${d.code}@${at(d)!}`])));
  return front.filter((d) => {
    const codes = supersededBy.get(d.code);
    const where = at(d);
    return codes === undefined || where === undefined || !codes.some((code) => reported.has(`${code}@${where}`));
  });
}
