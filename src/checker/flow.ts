import type { ActionCore, Entry, Statement, Value, VariableReference } from '../ir/types.js';
import { allStatements, blockSections, referencesIn } from '../ir/walk.js';
import type { ActionSite } from './context.js';
import { literalOf } from './values.js';

/**
 * Which variables and action outputs are set where a value is used.
 *
 * Shortcuts variables are global and a variable that was never set reads as
 * empty, so "used before set" is about execution paths, not scopes. The
 * analysis is the classic definite/possible assignment over the block tree:
 *  - an action sets its output (when it has a UUID) and, for Set Variable /
 *    Add to Variable, the named variable — after its own parameters are read;
 *  - If/Otherwise and menu cases: set afterwards only if set in every branch
 *    (a menu runs exactly one case, or the shortcut stops); possibly set if
 *    in any;
 *  - a repeat may run zero times (unless it is Repeat n times with a literal
 *    n ≥ 1), and anything its body sets may already be set when the body is
 *    reached again, so inside a loop those count as possibly set.
 * A use is `set` (on every path), `maybe` (on some) or `unset` (on none).
 * One pass over the tree; each loop body's definitions are gathered once.
 */

/** `v:<name>` for a named variable, `o:<UUID>` for an action output. */
export type FlowSymbol = string;

export const variableSymbol = (name: string): FlowSymbol => `v:${name}`;
export const outputSymbol = (uuid: string): FlowSymbol => `o:${uuid}`;

export interface Use {
  readonly action: ActionSite;
  readonly parameter: Entry<Value>;
  readonly reference: VariableReference;
  readonly symbol: FlowSymbol;
  readonly state: 'set' | 'maybe' | 'unset';
  /** How many repeat blocks enclose the use. */
  readonly loopDepth: number;
}

export interface FlowFacts {
  readonly uses: readonly Use[];
  /** Every symbol some action defines, anywhere. */
  readonly defined: ReadonlySet<FlowSymbol>;
  /** Named variables set anywhere (literal names), in order of first setting. */
  readonly variableNames: readonly string[];
  /** A Set Variable whose name is itself a variable: names cannot be known. */
  readonly dynamicNames: boolean;
  /** The action that carries each output UUID (the first, when UUIDs repeat). */
  readonly owners: ReadonlyMap<string, ActionSite>;
}

/** Actions that set a named variable, and the parameter holding the name. */
const VARIABLE_SETTERS: ReadonlyMap<string, string> = new Map([
  ['is.workflow.actions.setvariable', 'WFVariableName'],
  ['is.workflow.actions.appendvariable', 'WFVariableName'],
]);

/**
 * Definitely and possibly set symbols as bit sets over the symbols some
 * action defines (numbered once per workflow), so copying a state at a
 * branch and joining branches cost a few words each, not a set per symbol.
 */
class State {
  constructor(
    readonly definite: Uint32Array,
    readonly possible: Uint32Array,
  ) {}
  static empty(symbols: number): State {
    const words = Math.ceil(symbols / 32);
    return new State(new Uint32Array(words), new Uint32Array(words));
  }
  copy(): State {
    return new State(this.definite.slice(), this.possible.slice());
  }
  add(bit: number): void {
    this.definite[bit >>> 5]! |= 1 << (bit & 31);
    this.possible[bit >>> 5]! |= 1 << (bit & 31);
  }
  addPossible(bit: number): void {
    this.possible[bit >>> 5]! |= 1 << (bit & 31);
  }
  status(bit: number): 'set' | 'maybe' | 'unset' {
    const mask = 1 << (bit & 31);
    if ((this.definite[bit >>> 5]! & mask) !== 0) return 'set';
    return (this.possible[bit >>> 5]! & mask) !== 0 ? 'maybe' : 'unset';
  }
  /** Where branches join: set if set in all, possibly set if in any. */
  static join(branches: readonly State[]): State {
    const first = branches[0]!.copy();
    for (let b = 1; b < branches.length; b++) {
      const other = branches[b]!;
      for (let w = 0; w < first.definite.length; w++) {
        first.definite[w]! &= other.definite[w]!;
        first.possible[w]! |= other.possible[w]!;
      }
    }
    return first;
  }
}

/** `ignored`: parameters whose references are not uses (the app ignores those parameters). */
export function analyseFlow(body: readonly Statement[], sites: ReadonlyMap<ActionCore, ActionSite>, ignored: ReadonlySet<Entry<Value>> = new Set()): FlowFacts {
  const uses: Use[] = [];
  const defined = new Set<FlowSymbol>();
  const variableNames: string[] = [];
  const owners = new Map<string, ActionSite>();
  let dynamicNames = false;

  // Definitions of each action, computed once (also gathers the workflow-wide facts).
  const definitions = new Map<ActionCore, number[]>();
  const bits = new Map<FlowSymbol, number>();
  const bitOf = (symbol: FlowSymbol): number => {
    let bit = bits.get(symbol);
    if (bit === undefined) {
      bit = bits.size;
      bits.set(symbol, bit);
    }
    return bit;
  };
  for (const site of sites.values()) {
    const symbols: FlowSymbol[] = [];
    const uuid = site.core.outputUuid;
    if (uuid !== undefined) {
      symbols.push(outputSymbol(uuid));
      if (!owners.has(uuid)) owners.set(uuid, site);
    }
    const nameKey = site.role === 'action' ? VARIABLE_SETTERS.get(site.identifier) : undefined;
    if (nameKey !== undefined) {
      const given = site.core.parameters.find((p) => p.key === nameKey);
      const name = given === undefined ? undefined : literalOf(given.value);
      if (typeof name === 'string' && name !== '') {
        symbols.push(variableSymbol(name));
        if (!defined.has(variableSymbol(name))) variableNames.push(name);
      } else if (given !== undefined) {
        dynamicNames = true;
      }
    }
    for (const s of symbols) defined.add(s);
    definitions.set(site.core, symbols.map(bitOf));
  }

  const visitCore = (core: ActionCore, state: State, loopDepth: number): void => {
    const action = sites.get(core);
    if (action === undefined) return;
    for (const parameter of core.parameters) {
      if (ignored.has(parameter)) continue;
      for (const reference of referencesIn(parameter.value)) {
        const source = reference.source;
        let symbol: FlowSymbol;
        if (source.kind === 'variable') symbol = variableSymbol(source.name);
        else if (source.kind === 'actionOutput') symbol = outputSymbol(source.outputUuid);
        else continue;
        const bit = bits.get(symbol);
        const status = bit === undefined ? 'unset' : state.status(bit);
        uses.push({ action, parameter, reference, symbol, state: status, loopDepth });
      }
    }
    for (const symbol of definitions.get(core) ?? []) state.add(symbol);
  };

  const definedIn = (statements: readonly Statement[]): number[] => {
    const out: number[] = [];
    for (const statement of allStatements(statements)) {
      if (statement.kind === 'raw') continue;
      if (statement.kind === 'action') {
        out.push(...(definitions.get(statement) ?? []));
        continue;
      }
      for (const section of blockSections(statement)) out.push(...(definitions.get(section.part) ?? []));
      out.push(...(definitions.get(statement.end) ?? []));
    }
    return out;
  };

  const walk = (statements: readonly Statement[], state: State, loopDepth: number): State => {
    let current = state;
    for (const statement of statements) {
      switch (statement.kind) {
        case 'raw':
          break;
        case 'action':
          visitCore(statement, current, loopDepth);
          break;
        case 'if': {
          visitCore(statement.start, current, loopDepth);
          const then = walk(statement.then, current.copy(), loopDepth);
          let otherwise = current.copy();
          if (statement.otherwise !== undefined) {
            visitCore(statement.otherwise.part, otherwise, loopDepth);
            otherwise = walk(statement.otherwise.body, otherwise, loopDepth);
          }
          current = State.join([then, otherwise]);
          visitCore(statement.end, current, loopDepth);
          break;
        }
        case 'menu': {
          visitCore(statement.start, current, loopDepth);
          const branches = statement.cases.map((c) => {
            const branch = current.copy();
            visitCore(c.part, branch, loopDepth);
            return walk(c.body, branch, loopDepth);
          });
          if (branches.length > 0) current = State.join(branches);
          visitCore(statement.end, current, loopDepth);
          break;
        }
        case 'repeatCount':
        case 'repeatEach': {
          visitCore(statement.start, current, loopDepth);
          // On the second and later iterations, whatever the body sets may already be set.
          const entry = current.copy();
          for (const bit of definedIn(statement.body)) entry.addPossible(bit);
          const after = walk(statement.body, entry, loopDepth + 1);
          current = runsAtLeastOnce(statement) ? after : new State(current.definite, after.possible);
          visitCore(statement.end, current, loopDepth);
          break;
        }
      }
    }
    return current;
  };

  walk(body, State.empty(bits.size), 0);
  return { uses, defined, variableNames, dynamicNames, owners };
}

/** Repeat n times with a literal n of at least 1 runs its body; anything else may run it zero times. */
function runsAtLeastOnce(statement: Statement): boolean {
  if (statement.kind !== 'repeatCount') return false;
  const count = statement.start.parameters.find((p) => p.key === 'WFRepeatCount');
  if (count === undefined) return false; // unknown here; assuming zero runs can only turn `set` into `maybe`
  const n = literalOf(count.value);
  return (typeof n === 'number' || typeof n === 'string') && Number(n) >= 1;
}
