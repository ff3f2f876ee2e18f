import type { ActionCore, BlockStatement, Entry, Statement, Value, VariableReference, Workflow } from '../ir/types.js';
import { blockIdentifier, forEachChild, forEachReferenceChild, type ChildVisitor } from '../ir/walk.js';
import { liftParameterValue } from '../lift/value-api.js';

/**
 * One pass over the workflow collecting what the analysis needs (the walks
 * of src/ir/walk.ts fused into one, on `forEachChild` rather than generators:
 * decompiling is measured against bare plist parsing, see
 * bench/sections/decompile.ts). The IR's depth is bounded by the lifter, so
 * plain recursion is safe.
 */
export interface SurveyedAction {
  readonly identifier: string;
  readonly core: ActionCore;
  readonly role: 'action' | 'start' | 'middle' | 'end';
}

export interface Survey {
  /** Every flat action but raw entries, in plist order. */
  readonly actions: readonly SurveyedAction[];
  /** Every variable reference, in plist order (nested ones after their container). */
  readonly references: readonly VariableReference[];
  /** Named variables in order of first appearance (Set/Append targets and references). */
  readonly variableOrder: readonly string[];
  readonly blocks: readonly BlockStatement[];
  /** How many groups and flat actions use each GroupingIdentifier. */
  readonly groupUses: ReadonlyMap<string, number>;
  /** Texts without variables in dictionary items, by whether they have `attachmentsByRange`. */
  readonly itemTexts: { with: number; without: number };
}

/** Entries sorted by key (code units); the list itself when already sorted. */
function inKeyOrder<V>(entries: readonly Entry<V>[]): readonly Entry<V>[] {
  for (let i = 1; i < entries.length; i++) {
    if (entries[i - 1]!.key > entries[i]!.key) return [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return entries;
}

const VARIABLE_SETTERS: ReadonlySet<string> = new Set(['is.workflow.actions.setvariable', 'is.workflow.actions.appendvariable']);

export function survey(workflow: Workflow): Survey {
  const actions: SurveyedAction[] = [];
  const references: VariableReference[] = [];
  const variableOrder: string[] = [];
  const seenVariables = new Set<string>();
  const blocks: BlockStatement[] = [];
  const groupUses = new Map<string, number>();
  const itemTexts = { with: 0, without: 0 };

  const noteVariable = (name: string): void => {
    if (seenVariables.has(name)) return;
    seenVariables.add(name);
    variableOrder.push(name);
  };
  const useGroup = (gi: string): void => {
    groupUses.set(gi, (groupUses.get(gi) ?? 0) + 1);
  };
  const itemText = (value: Value | undefined): void => {
    if (value?.kind !== 'text') return;
    for (const part of value.parts) if (typeof part !== 'string') return;
    if (value.hasAttachmentsKey) itemTexts.with++;
    else itemTexts.without++;
  };

  const visitor: ChildVisitor = {
    value,
    reference: (r) => {
      references.push(r);
      if (r.source.kind === 'variable') noteVariable(r.source.name);
      forEachReferenceChild(r, visitor);
    },
  };
  function value(v: Value): void {
    // Item texts are only tallied, so counting them before the descent gives the same survey.
    if (v.kind === 'dictionary') {
      for (const item of v.items) {
        itemText(item.key);
        itemText(item.value);
      }
    } else if (v.kind === 'arrayState') {
      for (const item of v.items) if (item.kind === 'typed') itemText(item.value);
    }
    forEachChild(v, visitor);
  }

  const core = (identifier: string, c: ActionCore, role: SurveyedAction['role']): void => {
    actions.push({ identifier, core: c, role });
    // Parameters in sorted key order, not plist order: key order is not part of the dialect (sugar compiles its
    // parameters sorted), so no name, OutputName or VariableUUID the analysis picks may depend on it (§4.1, §5).
    for (const e of inKeyOrder(c.parameters)) {
      if (role === 'action') {
        if (e.key === 'WFVariableName' && e.value.kind === 'string' && VARIABLE_SETTERS.has(identifier)) noteVariable(e.value.value);
        if (e.key === 'GroupingIdentifier' && e.value.kind === 'string') useGroup(e.value.value);
      }
      value(e.value);
    }
    // Extra action keys are plist, but the code spells them in the value grammar (`dict(SCPLData=x)`), lifted:
    // a reference there is a reference like any other (its name, its OutputName, its VariableUUID).
    for (const e of inKeyOrder(c.extraKeys)) {
      const lifted = liftParameterValue(e.value);
      if (lifted.ok) value(lifted.value);
    }
  };
  const body = (statements: readonly Statement[]): void => {
    for (const s of statements) {
      switch (s.kind) {
        case 'action':
          core(s.identifier, s, 'action');
          break;
        case 'raw':
          value(s.action);
          break;
        default: {
          blocks.push(s);
          useGroup(s.groupingIdentifier);
          const identifier = blockIdentifier(s);
          core(identifier, s.start, 'start');
          switch (s.kind) {
            case 'if':
              body(s.then);
              if (s.otherwise !== undefined) {
                core(identifier, s.otherwise.part, 'middle');
                body(s.otherwise.body);
              }
              break;
            case 'menu':
              for (const c of s.cases) {
                core(identifier, c.part, 'middle');
                body(c.body);
              }
              break;
            case 'repeatCount':
            case 'repeatEach':
              body(s.body);
              break;
          }
          core(identifier, s.end, 'end');
        }
      }
    }
  };
  body(workflow.body);
  return { actions, references, variableOrder, blocks, groupUses, itemTexts };
}
