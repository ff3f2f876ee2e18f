import type { ControlPart, Statement } from '../ir/types.js';
import type { PlistValue } from '../plist/value.js';
import { lowerAction } from './actions.js';
import { lowerValue } from './lower-values.js';

const IDENTIFIERS = {
  if: 'is.workflow.actions.conditional',
  menu: 'is.workflow.actions.choosefrommenu',
  repeatCount: 'is.workflow.actions.repeat.count',
  repeatEach: 'is.workflow.actions.repeat.each',
} as const;

/** The flat `WFWorkflowActions` array of a statement tree. */
export function lowerStatements(body: readonly Statement[]): PlistValue[] {
  const out: PlistValue[] = [];
  lowerInto(body, out);
  return out;
}

function lowerInto(body: readonly Statement[], out: PlistValue[]): void {
  for (const statement of body) {
    switch (statement.kind) {
      case 'action':
        out.push(lowerAction(statement.identifier, statement));
        break;
      case 'raw':
        out.push(lowerValue(statement.action));
        break;
      default: {
        const identifier = IDENTIFIERS[statement.kind];
        const groupingIdentifier = statement.groupingIdentifier;
        const emit = (part: ControlPart, mode: 0 | 1 | 2 | undefined): void => {
          out.push(lowerAction(identifier, part, { groupingIdentifier, mode }));
        };
        emit(statement.start, statement.startModeImplicit === true ? undefined : 0);
        switch (statement.kind) {
          case 'if':
            lowerInto(statement.then, out);
            if (statement.otherwise !== undefined) {
              emit(statement.otherwise.part, 1);
              lowerInto(statement.otherwise.body, out);
            }
            break;
          case 'menu':
            for (const menuCase of statement.cases) {
              emit(menuCase.part, 1);
              lowerInto(menuCase.body, out);
            }
            break;
          case 'repeatCount':
          case 'repeatEach':
            lowerInto(statement.body, out);
            break;
        }
        emit(statement.end, 2);
      }
    }
  }
}
