import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { VariableSource } from '../ir/types.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import type { FileNames, OutputDecl } from './prescan.js';
import { sourceOf, wellKnownRepeatName, type Binding, type Scope } from './scope.js';
import { closestNames } from './suggest.js';

/** Names that stand for attachment sources without a name of their own (dialect §6.2.2). */
export const MAGIC_NAMES: ReadonlyMap<string, VariableSource> = new Map<string, VariableSource>([
  ['Shortcut_Input', { kind: 'shortcutInput' }],
  ['Ask_Each_Time', { kind: 'ask' }],
  ['Action_Input', { kind: 'input' }],
]);

/**
 * Name resolution: what a name used as a value stands for.
 *
 * Canonical code (dialect §4.3), file-wide: the output bound by that name
 * anywhere in the file; else a magic name; else the named variable
 * `__names__[name]`, or the name itself (`Repeat_Item_2` → `Repeat Item 2`).
 *
 * Model code, in program order like Python: the latest binding (outputs,
 * Set Variable, loop variables); magic names; `Repeat_Item`, `Repeat_Index_2`,
 * …; an output bound later in the file (the previous loop iteration's; a
 * warning outside loops); a variable some Set Variable in the file assigns;
 * anything else is read as a named variable with a warning (Shortcuts reads a
 * variable nothing sets as empty).
 */
export class NameResolver {
  constructor(
    private readonly ctx: BindContext,
    readonly scope: Scope,
    readonly file: FileNames,
  ) {}

  /** The real variable name a code name stands for when it names a variable. */
  variableName(code: string): string {
    return this.ctx.header.names.get(code) ?? wellKnownRepeatName(code) ?? code;
  }

  /** The source of a named variable, with its derived VariableUUID when `__defaults__` asks for one. */
  variable(name: string): VariableSource {
    const uuids = this.ctx.header.defaults.variableUuids;
    const derived = uuids === true || (Array.isArray(uuids) && uuids.includes(name));
    return derived ? { kind: 'variable', name, variableUuid: this.ctx.variableUuid(name) } : { kind: 'variable', name };
  }

  /** Binds `name` to the next output declared for it (model code: in file order). */
  bindOutput(name: string): OutputDecl | undefined {
    const decl = this.ctx.canonical ? this.file.first(name) : this.file.take(name);
    if (decl !== undefined && !this.ctx.canonical) this.scope.bind(name, { kind: 'output', uuid: decl.uuid, ...(decl.outputName === undefined ? {} : { outputName: decl.outputName }) });
    return decl;
  }

  bindVariable(code: string): string {
    const name = this.variableName(code);
    if (!this.ctx.canonical) this.scope.bind(code, { kind: 'variable', name });
    return name;
  }

  /** Whether `name` stands for something without a warning (model code: unquoted text in literals is not). */
  isKnown(name: string): boolean {
    if (this.ctx.canonical) return true;
    return (
      this.scope.lookup(name) !== undefined ||
      MAGIC_NAMES.has(name) ||
      wellKnownRepeatName(name) !== undefined ||
      this.file.upcoming(name) !== undefined ||
      this.file.variables.has(name)
    );
  }

  resolve(name: string, span: SourceSpan | undefined, inLoop: boolean): VariableSource {
    if (this.ctx.canonical) {
      const output = this.file.first(name);
      if (output !== undefined) return outputSource(output);
      const magic = MAGIC_NAMES.get(name);
      if (magic !== undefined) return magic;
      return this.variable(this.variableName(name));
    }
    const bound = this.scope.lookup(name);
    if (bound !== undefined) return this.withUuid(bound);
    const magic = MAGIC_NAMES.get(name);
    if (magic !== undefined) return magic;
    const repeat = wellKnownRepeatName(name);
    if (repeat !== undefined) return this.variable(repeat);
    const upcoming = this.file.upcoming(name);
    if (upcoming !== undefined) {
      if (!inLoop) {
        this.ctx.report(
          D.usedBeforeAssignment,
          `\`${name}\` is used before the action that produces it runs; it refers to that action's output, which is empty here`,
          span,
          `move the assignment of \`${name}\` above this line`,
        );
      }
      return outputSource(upcoming);
    }
    if (this.file.variables.has(name)) return this.variable(this.variableName(name));
    // Cheap first (same words, other case or underscores), edit distance for a few names per file only.
    const same = this.file.sameWords(name);
    const near =
      same.length > 0
        ? `did you mean ${same.slice(0, 3).map((n) => `\`${n}\``).join(', ')}?`
        : this.ctx.hint(`name:${name}`, () => {
            const found = closestNames(name, this.file.allNames());
            return found.length > 0 ? `did you mean ${found.map((n) => `\`${n}\``).join(', ')}?` : undefined;
          });
    const hint = near ?? `assign \`${name}\` before this line`;
    this.ctx.report(D.undefinedNameRead, `\`${name}\` is not assigned anywhere; read as the named variable \`${name}\` (empty unless the shortcut gets it elsewhere)`, span, hint);
    return this.variable(name);
  }

  private withUuid(binding: Binding): VariableSource {
    return binding.kind === 'variable' ? this.variable(binding.name) : sourceOf(binding);
  }
}

function outputSource(decl: OutputDecl): VariableSource {
  return { kind: 'actionOutput', outputUuid: decl.uuid, ...(decl.outputName === undefined ? {} : { outputName: decl.outputName }) };
}
