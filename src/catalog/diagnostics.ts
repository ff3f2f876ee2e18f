import { defineDiagnostics } from '../diagnostics/codes.js';

/**
 * The catalog's diagnostic codes (SC7xxx): reading the WorkflowLLM pickles,
 * importing WFActions.plist, loading and validating catalog files, and the
 * `catalog` commands. Stable: the checker and the README refer to them.
 */
export const catalogDiagnostics = defineDiagnostics({
  // Pickle reader (SC700x)
  pickleTruncated: { code: 'SC7001', severity: 'error', title: 'pickle ends before its STOP opcode (truncated file)' },
  pickleBadOpcode: { code: 'SC7002', severity: 'error', title: 'pickle uses an opcode that is unknown or builds arbitrary objects' },
  pickleForbiddenGlobal: { code: 'SC7003', severity: 'error', title: 'pickle refers to a Python global other than the data types it may use' },
  pickleMalformed: { code: 'SC7004', severity: 'error', title: 'pickle is malformed (stack, mark or memo used wrongly, bad text)' },
  pickleTooLarge: { code: 'SC7005', severity: 'error', title: 'pickle exceeds a size limit' },

  // WorkflowLLM release files (SC701x)
  workflowllmShape: { code: 'SC7010', severity: 'error', title: 'a WorkflowLLM pickle does not have the expected shape' },
  workflowllmEntry: { code: 'SC7011', severity: 'warning', title: 'a WorkflowLLM catalog entry is malformed and was skipped or partly read' },
  workflowllmSignature: { code: 'SC7012', severity: 'warning', title: 'a Python signature in identifier2python.pkl could not be read' },
  workflowllmMismatch: { code: 'SC7013', severity: 'warning', title: 'the WorkflowLLM pickles disagree about an identifier' },

  // WFActions.plist (SC702x)
  wfactionsUnreadable: { code: 'SC7020', severity: 'error', title: 'WFActions.plist could not be read as a property list' },
  wfactionsShape: { code: 'SC7021', severity: 'error', title: 'WFActions.plist is not a dictionary of action definitions' },
  wfactionsEntry: { code: 'SC7022', severity: 'warning', title: 'a WFActions.plist definition is malformed and was skipped or partly read' },

  // Catalog files (SC703x)
  catalogUnreadable: { code: 'SC7030', severity: 'error', title: 'the catalog file could not be read' },
  catalogNotJson: { code: 'SC7031', severity: 'error', title: 'the catalog file is not valid JSON' },
  catalogInvalid: { code: 'SC7032', severity: 'error', title: 'the catalog file does not follow the catalog schema' },
  catalogEntryInvalid: { code: 'SC7033', severity: 'warning', title: 'a catalog entry does not follow the schema and was skipped or partly read' },
  catalogVersion: { code: 'SC7034', severity: 'error', title: 'the catalog file has an unsupported format or version' },
  catalogDuplicate: { code: 'SC7035', severity: 'warning', title: 'two catalog entries share an identifier or a Python name' },

  // Import and commands (SC704x)
  importNoSources: { code: 'SC7040', severity: 'error', title: 'the import folder holds none of the catalog sources' },
  importWriteFailed: { code: 'SC7041', severity: 'error', title: 'the imported catalog could not be written' },
  importMissingSource: { code: 'SC7042', severity: 'info', title: 'an optional catalog source is missing from the import folder' },
  unknownAction: { code: 'SC7050', severity: 'error', title: 'no catalog action has this identifier or Python name' },
});
