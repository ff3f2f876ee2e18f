import type { ControlPart, Statement } from '../ir/types.js';
import type { DiagnosticDefinition } from '../diagnostics/codes.js';
import type { PlistPath } from '../plist/equal.js';
import { liftCore, liftUnparsed, PARAMETERS_KEY, type ParsedAction, type UnparsedEntry } from './actions.js';
import type { ValueSink } from './context.js';
import { liftDiagnostics as D } from './diagnostics.js';
import { safeInteger } from './shape.js';

/**
 * Groups the flat action list into block statements (format notes §5).
 *
 * Actions that share a `GroupingIdentifier` and carry `WFControlFlowMode`
 * 0 (start), 1 (middle) and 2 (end) become one block when they nest
 * properly. Whatever does not (an end without a start, a start whose end
 * never comes, groups that overlap, a middle where none is allowed, a mode
 * of the wrong type) stays a flat `ActionStatement` with its control-flow
 * keys as ordinary parameters, with a warning: lowering then writes exactly
 * the same actions back. The walk is iterative; nesting deeper than
 * `MAX_BLOCK_DEPTH` is kept flat, so later recursion over the tree is bounded.
 */
export const MAX_BLOCK_DEPTH = 256;

export const CONTROL_FLOW_IDENTIFIERS = {
  'is.workflow.actions.conditional': 'if',
  'is.workflow.actions.choosefrommenu': 'menu',
  'is.workflow.actions.repeat.count': 'repeatCount',
  'is.workflow.actions.repeat.each': 'repeatEach',
} as const;
type BlockKind = (typeof CONTROL_FLOW_IDENTIFIERS)[keyof typeof CONTROL_FLOW_IDENTIFIERS];

export type Warn = (definition: DiagnosticDefinition, message: string, path: PlistPath, suggestion?: string) => void;

export interface StructureSink extends ValueSink {
  /** Called before each parameter is lifted, with where it is. */
  readonly parameter?: (key: string) => void;
  /** Called before each action is lifted. */
  readonly action?: (index: number) => void;
}

interface Section {
  readonly part?: ParsedAction;
  readonly body: Statement[];
}

interface Frame {
  readonly kind: BlockKind;
  readonly start: ParsedAction;
  readonly groupingIdentifier: string;
  readonly startModeImplicit: boolean;
  /** Beyond the depth limit: its parts go straight into the enclosing body. */
  readonly flat: boolean;
  readonly sections: Section[];
}

type Role = { readonly mode: 0 | 1 | 2; readonly groupingIdentifier: string; readonly implicit: boolean } | 'bad' | undefined;

const actionPath = (index: number): PlistPath => ['WFWorkflowActions', index];
const parameterPath = (index: number, key: string): PlistPath => ['WFWorkflowActions', index, PARAMETERS_KEY, key];

function roleOf(action: ParsedAction): Role {
  if (!Object.hasOwn(CONTROL_FLOW_IDENTIFIERS, action.identifier)) return undefined;
  const groupingIdentifier = action.parameters.get('GroupingIdentifier');
  const rawMode = action.parameters.get('WFControlFlowMode');
  if (typeof groupingIdentifier !== 'string') return 'bad';
  // Shortcuts reads a missing mode as 0; old Workflow-app files write starts that way.
  if (rawMode === undefined) return { mode: 0, groupingIdentifier, implicit: true };
  const mode = safeInteger(rawMode);
  if (mode !== 0 && mode !== 1 && mode !== 2) return 'bad';
  return { mode, groupingIdentifier, implicit: false };
}

export function structure(entries: readonly (ParsedAction | UnparsedEntry)[], sink: StructureSink, warn: Warn): Statement[] {
  const root: Statement[] = [];
  const stack: Frame[] = [];
  let depthWarned = false;
  // Flat frames are only ever pushed above MAX_BLOCK_DEPTH non-flat ones, so the
  // non-flat frames are the bottom `nonFlat` of the stack. Counting them (and
  // indexing open groups) keeps each action O(1): 100,000 unclosed starts
  // would otherwise cost 10^10 steps.
  let nonFlat = 0;
  const open = new Map<string, number[]>();
  const groupKey = (identifier: string, groupingIdentifier: string): string => `${identifier}\u0000${groupingIdentifier}`;

  const currentBody = (): Statement[] => {
    if (nonFlat === 0) return root;
    const frame = stack[nonFlat - 1]!;
    return frame.sections[frame.sections.length - 1]!.body;
  };
  const pushFrame = (frame: Frame): void => {
    const key = groupKey(frame.start.identifier, frame.groupingIdentifier);
    let positions = open.get(key);
    if (positions === undefined) open.set(key, (positions = []));
    positions.push(stack.length);
    stack.push(frame);
    if (!frame.flat) nonFlat++;
  };
  const popFrame = (): Frame => {
    const frame = stack.pop()!;
    const key = groupKey(frame.start.identifier, frame.groupingIdentifier);
    const positions = open.get(key)!;
    positions.pop();
    if (positions.length === 0) open.delete(key);
    if (!frame.flat) nonFlat--;
    return frame;
  };
  const plain = (action: ParsedAction): Statement => {
    sink.action?.(action.index);
    return { kind: 'action', identifier: action.identifier, ...liftCore(action, false, sink) };
  };
  const part = (action: ParsedAction): ControlPart => {
    sink.action?.(action.index);
    return liftCore(action, true, sink);
  };
  /** Pops the top frame and puts its actions back flat into the enclosing body. */
  const breakTop = (): void => {
    const frame = popFrame();
    if (frame.flat) return;
    const body = currentBody();
    body.push(plain(frame.start));
    for (const section of frame.sections) {
      if (section.part !== undefined) body.push(plain(section.part));
      // A loop, not push(...): spreading a body of 200,000 statements overflows the call stack.
      for (const statement of section.body) body.push(statement);
    }
  };

  for (const entry of entries) {
    if (entry.kind === 'unparsed') {
      warn(D.notAnAction, `Action ${entry.index} is kept verbatim: ${entry.reason}.`, actionPath(entry.index));
      sink.action?.(entry.index);
      currentBody().push(liftUnparsed(entry, sink));
      continue;
    }
    const role = roleOf(entry);
    if (role === undefined) {
      currentBody().push(plain(entry));
      continue;
    }
    if (role === 'bad') {
      const gi = entry.parameters.get('GroupingIdentifier');
      const what = typeof gi !== 'string' ? 'GroupingIdentifier is missing or not a string' : 'WFControlFlowMode is not the integer 0, 1 or 2';
      warn(
        D.badControlFlowKeys,
        `${entry.identifier} at action ${entry.index}: ${what}; it is kept as a plain action, outside any block.`,
        typeof gi !== 'string' ? parameterPath(entry.index, 'GroupingIdentifier') : parameterPath(entry.index, 'WFControlFlowMode'),
      );
      currentBody().push(plain(entry));
      continue;
    }
    const kind = CONTROL_FLOW_IDENTIFIERS[entry.identifier as keyof typeof CONTROL_FLOW_IDENTIFIERS];
    if (role.mode === 0) {
      const flat = nonFlat >= MAX_BLOCK_DEPTH;
      if (flat) {
        if (!depthWarned) {
          warn(
            D.tooDeeplyNestedBlocks,
            `Blocks nest more than ${MAX_BLOCK_DEPTH} deep at action ${entry.index}; deeper blocks are kept as flat actions.`,
            actionPath(entry.index),
          );
          depthWarned = true;
        }
        currentBody().push(plain(entry));
      }
      pushFrame({
        kind,
        start: entry,
        groupingIdentifier: role.groupingIdentifier,
        startModeImplicit: role.implicit,
        flat,
        sections: [{ body: [] }],
      });
      continue;
    }
    // The innermost open block of this kind and group.
    const k = open.get(groupKey(entry.identifier, role.groupingIdentifier))?.at(-1) ?? -1;
    const label = role.mode === 1 ? 'middle (mode 1)' : 'end (mode 2)';
    if (k < 0) {
      warn(
        D.orphanControlAction,
        `${entry.identifier} ${label} at action ${entry.index} has no open block with GroupingIdentifier ${role.groupingIdentifier}; it is kept as a plain action.`,
        actionPath(entry.index),
      );
      currentBody().push(plain(entry));
      continue;
    }
    const frame = stack[k]!;
    if (role.mode === 1) {
      if (k !== stack.length - 1) {
        warn(
          D.interleavedBlocks,
          `${entry.identifier} middle at action ${entry.index} belongs to a block that is not the innermost open one; it is kept as a plain action.`,
          actionPath(entry.index),
        );
        currentBody().push(plain(entry));
      } else if (frame.flat) {
        currentBody().push(plain(entry));
      } else if (kind === 'repeatCount' || kind === 'repeatEach' || (kind === 'if' && frame.sections.length >= 2)) {
        const what = kind === 'if' ? 'a second Otherwise' : 'a middle action inside a repeat';
        warn(D.misplacedMiddle, `${entry.identifier} at action ${entry.index} is ${what}; it is kept as a plain action.`, actionPath(entry.index));
        currentBody().push(plain(entry));
      } else {
        frame.sections.push({ part: entry, body: [] });
      }
      continue;
    }
    // An end: blocks opened after this one and still open never got their end.
    while (stack.length - 1 > k) {
      const inner = stack[stack.length - 1]!;
      if (!inner.flat) {
        warn(
          D.interleavedBlocks,
          `${inner.start.identifier} started at action ${inner.start.index} is still open when the end of an enclosing block (action ${entry.index}) comes; it is kept flat.`,
          actionPath(inner.start.index),
        );
      }
      breakTop();
    }
    if (frame.flat) {
      popFrame();
      currentBody().push(plain(entry));
      continue;
    }
    if (frame.kind === 'menu' && frame.sections[0]!.body.length > 0) {
      warn(
        D.actionsBeforeFirstCase,
        `Choose from Menu at action ${frame.start.index} has actions before its first case; the menu is kept flat.`,
        actionPath(frame.start.index),
      );
      breakTop();
      currentBody().push(plain(entry));
      continue;
    }
    popFrame();
    currentBody().push(buildBlock(frame, entry, part));
  }
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (!frame.flat) {
      warn(
        D.unterminatedBlock,
        `${frame.start.identifier} started at action ${frame.start.index} never ends (no mode-2 action with GroupingIdentifier ${frame.groupingIdentifier}); its actions are kept flat.`,
        actionPath(frame.start.index),
      );
    }
    breakTop();
  }
  return root;
}

function buildBlock(frame: Frame, endAction: ParsedAction, part: (action: ParsedAction) => ControlPart): Statement {
  // Lift in plist order so references are reported in order.
  const start = part(frame.start);
  const sections = frame.sections.slice(1).map((section) => ({ part: part(section.part!), body: section.body }));
  const end = part(endAction);
  const common = {
    groupingIdentifier: frame.groupingIdentifier,
    start,
    end,
    ...(frame.startModeImplicit ? { startModeImplicit: true as const } : {}),
  };
  const first = frame.sections[0]!.body;
  switch (frame.kind) {
    case 'if':
      return { kind: 'if', ...common, then: first, ...(sections[0] === undefined ? {} : { otherwise: sections[0] }) };
    case 'menu':
      return { kind: 'menu', ...common, cases: sections };
    case 'repeatCount':
      return { kind: 'repeatCount', ...common, body: first };
    case 'repeatEach':
      return { kind: 'repeatEach', ...common, body: first };
  }
}
