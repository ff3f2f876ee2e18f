import type { Catalog } from '../catalog/catalog.js';
import { pythonNameOf } from '../catalog/names.js';
import type { ActionEntry } from '../catalog/schema.js';
import { diagnostic } from '../diagnostics/codes.js';
import type { Diagnostic, Location, Severity, SourceSpan } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../ir/source-map.js';
import type { Entry, Value, VariableReference } from '../ir/types.js';
import type { FlatAction } from '../ir/walk.js';
import type { PlistPath } from '../plist/equal.js';
import type { CheckerDiagnosticDefinition } from './diagnostics.js';
import { identifierForm } from './wording.js';

/** Where the workflow came from: code someone wrote, or a shortcut file. */
export type Origin = 'code' | 'shortcut';

export interface CheckOptions {
  readonly origin: Origin;
  /** Where IR nodes came from in code (the binder fills it); absent for shortcuts. */
  readonly sourceMap?: SourceMap;
  /** Names the file in every diagnostic. */
  readonly file?: string;
  /** The code text the source map points into, so messages can quote what was written. */
  readonly source?: string;
}

/** A flat action that is an action dictionary (not a raw entry). */
export type ActionSite = Extract<FlatAction, { readonly role: 'action' | 'start' | 'middle' | 'end' }>;

/** What a diagnostic points at: an action, and optionally one of its parameters, a value inside it, a reference. */
export interface Site {
  readonly action: ActionSite;
  readonly parameter?: Entry<Value>;
  readonly value?: Value;
  readonly reference?: VariableReference;
  /** `callee`: the action's name (unknown action); `key`: the parameter's name; `value`: what it is given. */
  readonly focus: 'callee' | 'key' | 'value';
}

export interface ReportDetails {
  readonly suggestion?: string | undefined;
  /** Overrides the severity the origin policy gives (each check says why). */
  readonly severity?: Severity | undefined;
}

const ACTIONS_KEY = 'WFWorkflowActions';
const PARAMETERS_KEY = 'WFWorkflowActionParameters';

/**
 * What every check shares: the catalog, the origin's severity policy, how to
 * name actions the way the reader wrote them, and where a site is (a line and
 * column from the source map, else a path into the shortcut's plist).
 */
export class CheckContext {
  /** Diagnostics with the flat index of their action, so they come out in workflow order. */
  private readonly found: { readonly index: number; readonly diagnostic: Diagnostic }[] = [];
  private readonly entries = new Map<string, ActionEntry | null>();

  constructor(
    readonly catalog: Catalog,
    readonly options: CheckOptions,
  ) {}

  get origin(): Origin {
    return this.options.origin;
  }

  /** The catalog action with exactly this identifier (what Shortcuts itself would look up), cached. */
  entry(identifier: string): ActionEntry | undefined {
    let found = this.entries.get(identifier);
    if (found === undefined) {
      found = this.catalog.byIdentifier(identifier) ?? null;
      this.entries.set(identifier, found);
    }
    return found ?? undefined;
  }

  /** An action's name as the reader writes it: the function name in code, the identifier in a shortcut. */
  actionName(identifier: string, entry?: ActionEntry): string {
    if (this.origin === 'shortcut') return entry?.identifier ?? identifier;
    return entry?.pythonName ?? pythonNameOf(identifier);
  }

  severity(definition: CheckerDiagnosticDefinition): Severity {
    return this.origin === 'code' ? definition.severity : definition.onShortcut;
  }

  /** Everything reported, in the order of the actions they are about (stable within an action). */
  get diagnostics(): Diagnostic[] {
    return [...this.found].sort((a, b) => a.index - b.index).map((f) => f.diagnostic);
  }

  report(definition: CheckerDiagnosticDefinition, message: string, site: Site, details: ReportDetails = {}): void {
    this.found.push({
      index: site.action.index,
      diagnostic: diagnostic(definition, message, {
        severity: details.severity ?? this.severity(definition),
        location: this.locate(site),
        ...(details.suggestion === undefined ? {} : { suggestion: details.suggestion }),
        ...(this.options.file === undefined ? {} : { file: this.options.file }),
      }),
    });
  }

  /** How a message points at another action: its line in code when known, else its position in the workflow. */
  describeAction(action: ActionSite): string {
    const name = `\`${this.actionName(action.identifier, this.entry(action.identifier))}\``;
    const span = this.options.sourceMap?.statement(action.core);
    return span === undefined ? `${name} (action ${action.index})` : `${name} (line ${span.start.line})`;
  }

  /** The code written for a reference, when the source map and the text have it (`response`, `resp.Name`). */
  written(reference: VariableReference): string | undefined {
    const span = this.options.sourceMap?.value(reference);
    const text = this.options.source;
    if (span === undefined || text === undefined || span.end.offset <= span.start.offset || span.end.offset - span.start.offset > 80) return undefined;
    const quoted = text.slice(span.start.offset, span.end.offset);
    return /[\n`]/.test(quoted) ? undefined : quoted;
  }

  /**
   * The name code bound an action's output to (`response = is_workflow_…(…)`),
   * read from the start of the action's statement when the text is given.
   */
  boundName(action: ActionSite): string | undefined {
    const span = this.options.sourceMap?.statement(action.core);
    const text = this.options.source;
    if (span === undefined || text === undefined) return undefined;
    const head = text.slice(span.start.offset, Math.min(span.end.offset, span.start.offset + 200));
    return /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*(?::[^=\n]*)?=(?!=)/u.exec(head)?.[1];
  }

  private assignedNames: Set<string> | undefined;

  /**
   * The names the code text assigns (`name = …`, `name += …`, `for …name… in`),
   * in order of first appearance; empty without the text.
   */
  namesAssignedInSource(): ReadonlySet<string> {
    if (this.assignedNames !== undefined) return this.assignedNames;
    this.assignedNames = new Set();
    const text = this.options.source;
    if (text === undefined) return this.assignedNames;
    const identifier = /[\p{L}_][\p{L}\p{N}_]*/gu;
    for (const line of text.split(/\r\n|\r|\n/)) {
      const assignment = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*(?::[^=]*)?\+?=(?!=)/u.exec(line);
      if (assignment !== null && !assignment[1]!.startsWith('__')) this.assignedNames.add(assignment[1]!);
      const loop = /^\s*for\s+(.+?)\s+in\b/u.exec(line);
      if (loop !== null) for (const m of loop[1]!.matchAll(identifier)) this.assignedNames.add(m[0]);
    }
    return this.assignedNames;
  }

  /**
   * Whether the code text assigns this name somewhere. A name the text
   * assigns but the IR never sets sits in a statement the front end could not
   * compile: that statement was reported there, and its name is not undefined.
   */
  assignedInSource(name: string): boolean {
    return this.namesAssignedInSource().has(name);
  }

  /** A variable's name as the reader writes it: an identifier in code, the name itself in a shortcut. */
  variableName(name: string): string {
    return this.origin === 'code' ? identifierForm(name) : name;
  }

  /** The source span when the source map knows the node, else the plist path of the action or parameter. */
  locate(site: Site): Location {
    const span = this.span(site);
    if (span !== undefined) return { kind: 'source', span };
    const path: PlistPath =
      site.parameter === undefined ? [ACTIONS_KEY, site.action.index] : [ACTIONS_KEY, site.action.index, PARAMETERS_KEY, site.parameter.key];
    return { kind: 'plist', path };
  }

  private span(site: Site): SourceSpan | undefined {
    const map = this.options.sourceMap;
    if (map === undefined) return undefined;
    const core = site.action.core;
    switch (site.focus) {
      case 'callee':
        return map.callee(core);
      case 'key':
        return (site.parameter === undefined ? undefined : map.key(site.parameter)) ?? map.statement(core);
      case 'value':
        return (
          (site.reference === undefined ? undefined : map.value(site.reference)) ??
          (site.value === undefined ? undefined : map.value(site.value)) ??
          (site.parameter === undefined ? undefined : (map.value(site.parameter.value) ?? map.key(site.parameter))) ??
          map.statement(core)
        );
    }
  }
}
