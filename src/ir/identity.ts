import { createHash } from 'node:crypto';
import type { Workflow } from './types.js';
import { flatActions, renameIdentities } from './walk.js';

/**
 * Deterministic identity. Compiled code has no UUIDs or GroupingIdentifiers
 * to keep, so they are derived from what the action is and where it stands:
 * the same input always gives the same bytes, and a change in one place does
 * not renumber the rest.
 *
 * A derived identifier is the SHA-256 of a stable description (the JSON text
 * of its parts) formatted as an uppercase RFC 9562 UUID, version 8 (custom)
 * — the same 8-4-4-4-12 form Shortcuts writes.
 */
export function deriveUuid(description: readonly (string | number)[]): string {
  const digest = createHash('sha256').update(JSON.stringify(description)).digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `8-4-4-4-12` hexadecimal, either case (37 real files use lower case). */
export function isUuidLike(text: string): boolean {
  return /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(text);
}

/**
 * Hands out derived identifiers for one workflow. The seed separates
 * workflows (e.g. the source file's name or content hash); a description
 * asked for twice gets an occurrence number, so identifiers never collide.
 */
export class IdentitySource {
  private readonly seen = new Map<string, number>();
  private readonly issued = new Set<string>();

  constructor(private readonly seed: string = '') {}

  /** A UUID for an action output, e.g. `uuid('action', 12, 'is.workflow.actions.gettext')`. */
  uuid(...description: (string | number)[]): string {
    return this.next(['uuid', ...description]);
  }

  /** A GroupingIdentifier for a block, e.g. `groupingIdentifier('if', 3)`. */
  groupingIdentifier(...description: (string | number)[]): string {
    return this.next(['group', ...description]);
  }

  private next(description: (string | number)[]): string {
    const key = JSON.stringify(description);
    let occurrence = this.seen.get(key) ?? 0;
    let id: string;
    do {
      id = deriveUuid([this.seed, ...description, occurrence]);
      occurrence++;
    } while (this.issued.has(id));
    this.seen.set(key, occurrence);
    this.issued.add(id);
    return id;
  }
}

/**
 * The workflow with every action UUID and GroupingIdentifier replaced by one
 * derived from the seed, the action's flat position and identifier (blocks:
 * their start's position and kind), references renamed to match. Two
 * workflows that differ only in their identifiers come out identical.
 */
export function deriveIdentities(workflow: Workflow, seed = ''): Workflow {
  const source = new IdentitySource(seed);
  const uuids = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const action of flatActions(workflow.body)) {
    if (action.role === 'raw') continue;
    const uuid = action.core.outputUuid;
    if (uuid !== undefined && !uuids.has(uuid)) uuids.set(uuid, source.uuid('action', action.index, action.identifier));
    if (action.role === 'start' && action.statement.kind !== 'action' && action.statement.kind !== 'raw') {
      const gi = action.statement.groupingIdentifier;
      if (!groups.has(gi)) groups.set(gi, source.groupingIdentifier(action.statement.kind, action.index));
    }
    if (action.role === 'action') {
      const gi = action.core.parameters.find((e) => e.key === 'GroupingIdentifier')?.value;
      if (gi?.kind === 'string' && !groups.has(gi.value)) groups.set(gi.value, source.groupingIdentifier('flat', action.index));
    }
  }
  return renameIdentities(workflow, { uuids, groupingIdentifiers: groups });
}
