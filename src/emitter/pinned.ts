import { attachmentIdentityNamespace, forEachAttachmentIdentifier, parameterIdentityNamespace, type IdentityNamespace } from '../ir/identity.js';
import type { Entry, Statement, Value, Workflow } from '../ir/types.js';
import { blockSections, forEachChild, forEachReferenceChild, type ChildVisitor } from '../ir/walk.js';
import { lowerMetadata } from '../lift/metadata.js';
import { liftParameterValue } from '../lift/value-api.js';
import type { PlistValue } from '../plist/value.js';

/**
 * Identifiers the canonical code must write literally somewhere
 * (grammars/dialect.md §10.1).
 *
 * The compiler derives fresh action UUIDs, GroupingIdentifiers and
 * VariableUUIDs only where the IR types them: a bound action's `UUID`, the
 * `OutputUUID` of a typed reference, a structured block's parts, a typed
 * named-variable reference. An identifier can also stand where the code has
 * nothing but a literal: in the header (`__workflow__`: an import question's
 * `DefaultValue`, `WFWorkflowNoInputBehavior`, an unknown key), in a
 * `raw_action(…)` entry's parameters, in a plain dictionary shaped like an
 * attachment that lifting does not type (a `Variable` without
 * `VariableName`, anywhere: also in extra action keys such as `SCPLData` and
 * the verbatim keys of aggrandizements and items, which the code spells
 * lifted, in the value grammar), and as the `GroupingIdentifier`
 * parameter of a control action outside a well-formed group. Such an
 * identifier keeps its text there, so a round trip renames it nowhere: its
 * actions are written with `UUID='…'`, its references with a literal
 * `OutputUUID`, its groups flat, its variables without a derived VariableUUID
 * — the forms the dialect already has for shared UUIDs (§5.1).
 *
 * "Stands" is the round-trip comparison's definition
 * (`src/ir/identity.ts`): a string under `UUID` / `GroupingIdentifier` of an
 * entry's `WFWorkflowActionParameters`, and under `OutputUUID` /
 * `VariableUUID` of any dictionary whose `Type` is `ActionOutput` /
 * `Variable`. The walk visits exactly the places that lower to plist the
 * code writes verbatim, so it costs no lowering of the actions.
 */
export type PinnedIdentifiers = Readonly<Record<IdentityNamespace, ReadonlySet<string>>>;

export function pinnedIdentifiers(workflow: Workflow): PinnedIdentifiers {
  const pinned: Record<IdentityNamespace, Set<string>> = { action: new Set(), group: new Set(), variable: new Set() };
  const pin = (namespace: IdentityNamespace, identifier: string): void => {
    pinned[namespace].add(identifier);
  };
  const plist = (value: PlistValue): void => forEachAttachmentIdentifier(value, pin);
  // Plist inside actions (extra action keys, verbatim keys of items and aggrandizements) is spelled in the value
  // grammar, lifted (`ValueSpeller.plist`): a typed reference there is renamed like any other; only a value too deep
  // to lift is written as a `plist(…)` literal.
  const plistEntries = (entries: readonly Entry<PlistValue>[]): void => {
    for (const e of entries) {
      const lifted = liftParameterValue(e.value);
      if (lifted.ok) value(lifted.value);
      else plist(e.value);
    }
  };

  plist(lowerMetadata(workflow.metadata, []));

  /** Attachment identifiers a dictionary with this `Type` holds under plain string entries (the comparison's rule). */
  const literalEntries = (type: string | undefined, entries: readonly Entry<Value>[]): void => {
    for (const e of entries) {
      if (e.value.kind !== 'string') continue;
      const namespace = attachmentIdentityNamespace(type, e.key);
      if (namespace !== undefined) pin(namespace, e.value.value);
    }
  };
  // Only sets are filled, so each hook's own places may be visited before the values inside.
  const visitor: ChildVisitor = {
    value,
    reference: (r) => {
      // A typed source owns its identifier; an untyped one (`Type: Variable` without a name) lowers to its extra keys verbatim.
      if (r.source.kind === 'other') literalEntries(r.source.type, r.extra);
      for (const a of r.aggrandizements) {
        if (a.kind === 'dateFormat' || a.kind === 'unit') plistEntries(a.fields);
        else if (a.kind !== 'other') plistEntries(a.extra);
      }
      forEachReferenceChild(r, visitor);
    },
  };
  function value(v: Value): void {
    switch (v.kind) {
      case 'map': {
        const type = v.entries.find((e) => e.key === 'Type')?.value;
        literalEntries(type?.kind === 'string' ? type.value : undefined, v.entries);
        break;
      }
      case 'dictionary':
        for (const item of v.items) plistEntries(item.extra);
        break;
      case 'arrayState':
        for (const item of v.items) if (item.kind === 'typed') plistEntries(item.extra);
        break;
      case 'raw':
        plist(v.value);
        return;
      default:
        break;
    }
    forEachChild(v, visitor);
  }

  /** A raw entry's parameters: their `UUID` and `GroupingIdentifier` are written as they are. */
  const rawEntry = (action: Value): void => {
    const entries = action.kind === 'map' ? action.entries : action.kind === 'attachment' ? action.variable.extra : [];
    const parameters = entries.find((e) => e.key === 'WFWorkflowActionParameters')?.value;
    const inner = parameters?.kind === 'map' ? parameters.entries : parameters?.kind === 'attachment' ? parameters.variable.extra : [];
    for (const e of inner) {
      const namespace = parameterIdentityNamespace(e.key);
      if (namespace !== undefined && e.value.kind === 'string') pin(namespace, e.value.value);
    }
    value(action);
  };

  const body = (statements: readonly Statement[]): void => {
    for (const s of statements) {
      if (s.kind === 'raw') {
        rawEntry(s.action);
        continue;
      }
      const cores = s.kind === 'action' ? [s] : [...blockSections(s).map((section) => section.part), s.end];
      for (const core of cores) {
        plistEntries(core.extraKeys);
        for (const e of core.parameters) {
          // Outside a well-formed group a control action's GroupingIdentifier is an ordinary parameter, written as it is.
          if (s.kind === 'action' && e.key === 'GroupingIdentifier' && e.value.kind === 'string') pin('group', e.value.value);
          value(e.value);
        }
      }
      if (s.kind !== 'action') for (const section of blockSections(s)) body(section.body);
    }
  };
  body(workflow.body);
  return pinned;
}
