import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { VariableSource } from '../ir/types.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { sourceOf, wellKnownRepeatName, type Scope } from './scope.js';
import { closestNames } from './suggest.js';

/**
 * Name resolution: what a name used as a value stands for.
 *
 *   1. the scope (outputs and named variables bound so far, loop variables);
 *   2. `Repeat_Item`, `Repeat_Index_2`, …: the loop variables by their
 *      conventional names, even where no loop binds them;
 *   3. the header's `__names__` table (canonical code: variables whose real
 *      name is not an identifier, or that nothing in the file sets);
 *   4. model code: a name some Set Variable in the file assigns (a use before
 *      the assignment is normal in loops) is that variable; any other name is
 *      read as a named variable with a warning (Shortcuts reads a variable
 *      nothing sets as empty), canonical code reports it as an error.
 */
export class NameResolver {
  constructor(
    private readonly ctx: BindContext,
    readonly scope: Scope,
    /** Names some Set/Append Variable in the file assigns (model code's forward uses). */
    private readonly variablesSetLater: ReadonlySet<string>,
    /** Names some `x = call(...)` binds later in the file (for a better message). */
    private readonly outputsBoundLater: ReadonlySet<string>,
  ) {}

  /** The real variable name a code name stands for when it names a variable. */
  variableName(code: string): string {
    return this.ctx.header.names.get(code) ?? code;
  }

  resolve(name: string, span: SourceSpan | undefined): VariableSource {
    const bound = this.scope.lookup(name);
    if (bound !== undefined) return sourceOf(bound);
    const repeat = wellKnownRepeatName(name);
    if (repeat !== undefined) return { kind: 'variable', name: repeat };
    const declared = this.ctx.header.names.get(name);
    if (declared !== undefined) return { kind: 'variable', name: declared };
    if (this.variablesSetLater.has(name)) return { kind: 'variable', name };

    const near = closestNames(name, this.scope.names());
    const hint = near.length > 0 ? `did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : undefined;
    if (this.ctx.canonical) {
      this.ctx.report(D.undefinedName, `\`${name}\` is not defined: canonical code sets every variable or declares it in the header's __names__ table`, span, hint ?? `declare it in __names__ or assign it before this use`);
    } else if (this.outputsBoundLater.has(name)) {
      this.ctx.report(
        D.usedBeforeAssignment,
        `\`${name}\` is used before the action that produces it runs; read as a named variable \`${name}\`, which is empty here`,
        span,
        `move the assignment of \`${name}\` above this line`,
      );
    } else {
      this.ctx.report(D.undefinedNameRead, `\`${name}\` is not assigned anywhere; read as the named variable \`${name}\` (empty unless the shortcut gets it elsewhere)`, span, hint ?? `assign \`${name}\` before this line`);
    }
    return { kind: 'variable', name };
  }
}
