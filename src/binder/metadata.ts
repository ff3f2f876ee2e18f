import { allStatements, blockSections } from '../ir/walk.js';
import type { Statement, TextPart, Value, VariableReference, WorkflowMetadata } from '../ir/types.js';

/**
 * The top-level keys for a shortcut compiled from model code: all twelve
 * keys Apple's current export writes (format notes §3, §8), with the values a
 * new, empty shortcut gets: a current client version as a string, minimum
 * client version 900 (what current generators use), the default blue icon,
 * every input type accepted, and `WFWorkflowHasShortcutInputVariables` true
 * exactly when some action uses the Shortcut Input.
 */
export const MODEL_CODE_CLIENT_VERSION = '2038.0.2.4';

/** Every content item class a new shortcut accepts as input, in the app's order. */
export const DEFAULT_INPUT_CLASSES: readonly string[] = [
  'WFAppStoreAppContentItem',
  'WFArticleContentItem',
  'WFContactContentItem',
  'WFDateContentItem',
  'WFEmailAddressContentItem',
  'WFFolderContentItem',
  'WFGenericFileContentItem',
  'WFImageContentItem',
  'WFiTunesProductContentItem',
  'WFLocationContentItem',
  'WFDCMapsLinkContentItem',
  'WFAVAssetContentItem',
  'WFPDFContentItem',
  'WFPhoneNumberContentItem',
  'WFRichTextContentItem',
  'WFSafariWebPageContentItem',
  'WFStringContentItem',
  'WFURLContentItem',
];

export function modelCodeMetadata(body: readonly Statement[]): WorkflowMetadata {
  return {
    clientVersion: MODEL_CODE_CLIENT_VERSION,
    minimumClientVersion: 900n,
    minimumClientVersionString: '900',
    icon: { startColor: 4282601983n, glyphNumber: 59511n, extra: [] },
    importQuestions: [],
    types: [],
    quickActionSurfaces: [],
    inputContentItemClasses: [...DEFAULT_INPUT_CLASSES],
    outputContentItemClasses: [],
    hasOutputFallback: false,
    hasShortcutInputVariables: usesShortcutInput(body),
    extra: [],
  };
}

/** Whether any value in the statements refers to the Shortcut Input. */
export function usesShortcutInput(body: readonly Statement[]): boolean {
  for (const statement of allStatements(body)) {
    const cores =
      statement.kind === 'action' ? [statement] : statement.kind === 'raw' ? [] : [...blockSections(statement).map((s) => s.part), statement.end];
    for (const core of cores) if (core.parameters.some((p) => valueUses(p.value))) return true;
    if (statement.kind === 'raw' && valueUses(statement.action)) return true;
  }
  return false;
}

function referenceUses(reference: VariableReference): boolean {
  return reference.source.kind === 'shortcutInput' || reference.extra.some((e) => valueUses(e.value));
}

function valueUses(value: Value): boolean {
  // The IR's depth is bounded by the binder's limits, so recursion is safe here.
  switch (value.kind) {
    case 'text':
      return value.parts.some((p: TextPart) => typeof p !== 'string' && referenceUses(p));
    case 'variable':
    case 'attachment':
      return referenceUses(value.variable);
    case 'list':
      return value.items.some(valueUses);
    case 'map':
      return value.entries.some((e) => valueUses(e.value));
    case 'dictionary':
      return value.items.some((i) => (i.key !== undefined && valueUses(i.key)) || (i.value !== undefined && valueUses(i.value)));
    case 'arrayState':
      return value.items.some((i) => valueUses(i.value));
    case 'quantity':
      return value.magnitude !== undefined && valueUses(value.magnitude);
    case 'serialized':
      return valueUses(value.value);
    default:
      return false;
  }
}
