import type { ActionCore, BlockStatement, ControlPart, Statement, Value } from '../ir/types.js';

/**
 * Which control-flow groups are written as Python blocks and which flat
 * (grammars/dialect.md §9.1), decided for the whole tree before emitting:
 * the analysis needs it to know which End UUIDs a line must name (§9.6).
 */

/** CPython allows 100 indentation levels; blocks deeper than this are written flat. */
export const MAX_INDENT = 95;

/** What the flat-or-block decision depends on beside the block itself. */
export interface BlockContext {
  /** `__defaults__["start_mode"]`. */
  readonly startMode: 'explicit' | 'implicit';
  /** How many groups and flat actions use each GroupingIdentifier. */
  readonly groupUses: ReadonlyMap<string, number>;
  /** UUIDs more than one action carries. */
  readonly literalUuids: ReadonlySet<string>;
}

/**
 * Every group written flat, with the reason (for the SC8002 note). A flat
 * group's bodies are not indented, so the indentation a nested block starts
 * at depends on its ancestors' decisions: the walk follows the emitter's.
 */
export function flatBlocks(body: readonly Statement[], context: BlockContext): Map<BlockStatement, string> {
  const flat = new Map<BlockStatement, string>();
  const walk = (statements: readonly Statement[], indent: number): void => {
    for (const statement of statements) {
      if (statement.kind === 'action' || statement.kind === 'raw') continue;
      const reason = flatReason(statement, indent, context);
      if (reason !== undefined) flat.set(statement, reason);
      const inner = reason !== undefined ? indent : indent + (statement.kind === 'menu' ? 2 : 1);
      switch (statement.kind) {
        case 'if':
          walk(statement.then, inner);
          if (statement.otherwise !== undefined) walk(statement.otherwise.body, inner);
          break;
        case 'menu':
          for (const c of statement.cases) walk(c.body, inner);
          break;
        case 'repeatCount':
        case 'repeatEach':
          walk(statement.body, inner);
          break;
      }
    }
  };
  walk(body, 0);
  return flat;
}

/** Why the block cannot be written as a Python block, or undefined when it can. */
function flatReason(block: BlockStatement, indent: number, context: BlockContext): string | undefined {
  const middles: ControlPart[] =
    block.kind === 'if' ? (block.otherwise === undefined ? [] : [block.otherwise.part]) : block.kind === 'menu' ? block.cases.map((c) => c.part) : [];
  if (block.start.outputUuid !== undefined) return 'its start action has a UUID';
  if (middles.some((p) => p.outputUuid !== undefined)) return 'a middle action (Otherwise or a case) has a UUID';
  if (block.kind === 'if' && block.otherwise !== undefined && !isBare(block.otherwise.part)) return 'its Otherwise action has parameters';
  if (block.end.outputUuid !== undefined && context.literalUuids.has(block.end.outputUuid)) return 'its End action shares its UUID with another action';
  // The End's own keys are said by `_(dict(…), …)` after the block (§9.6); the other parts have no place for them.
  if ([block.start, ...middles].some((p) => p.extraKeys.length > 0)) return 'a start or middle part has keys beside its identifier and parameters';
  if ((block.startModeImplicit === true) !== (context.startMode === 'implicit')) {
    return block.startModeImplicit === true ? 'its start has no WFControlFlowMode, unlike the file' : 'its start has a WFControlFlowMode, unlike the file';
  }
  if ((context.groupUses.get(block.groupingIdentifier) ?? 0) > 1) return 'its GroupingIdentifier is used by another group or action';
  if (block.kind === 'menu' && block.cases.length === 0) return 'the menu has no case';
  if (indent + (block.kind === 'menu' ? 2 : 1) > MAX_INDENT) return `it nests deeper than ${MAX_INDENT} indentation levels`;
  if (block.kind === 'repeatCount' && !onlyKeys(block.start, ['WFRepeatCount'])) return 'its start has parameters besides WFRepeatCount';
  if (block.kind === 'repeatEach' && !onlyKeys(block.start, ['WFInput'])) return 'its start has parameters besides WFInput';
  return undefined;
}

/** Whether an End says nothing beside its UUID: then `x = _` (or nothing, by the file default) says it all. */
export function isBareEnd(end: ControlPart): boolean {
  return isBare(end) && end.extraKeys.length === 0;
}

/** Parameters by key; undefined when a key repeats (such IR has no sugar). */
export function parameterMap(core: ActionCore): Map<string, Value> | undefined {
  const params = new Map<string, Value>();
  for (const e of core.parameters) {
    if (params.has(e.key)) return undefined;
    params.set(e.key, e.value);
  }
  return params;
}

function isBare(part: ControlPart): boolean {
  return part.parameters.length === 0 && part.customOutputName === undefined;
}

function onlyKeys(part: ControlPart, keys: readonly string[]): boolean {
  return part.customOutputName === undefined && part.parameters.every((e) => keys.includes(e.key)) && parameterMap(part) !== undefined;
}
