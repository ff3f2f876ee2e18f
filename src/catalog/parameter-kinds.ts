import type { ParameterEntry } from './schema.js';

/**
 * What kind of value a parameter takes, for the checker ("value of the wrong
 * kind") and for `catalog show`. Derived from the app's parameter class, or
 * WorkflowLLM's type for app intents, or the Python type, in that order.
 */
export type ValueKind =
  | 'text'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'dictionary'
  | 'list'
  | 'date'
  | 'file'
  | 'location'
  | 'entity'
  /** Any content: a variable or an action's output (WFVariablePickerParameter). */
  | 'content'
  | 'unknown';

const CLASS_KINDS: Readonly<Record<string, ValueKind>> = {
  WFTextInputParameter: 'text',
  WFEmailAddressFieldParameter: 'text',
  WFPhoneNumberFieldParameter: 'text',
  WFURLParameter: 'text',
  WFCustomDateFormatParameter: 'text',
  WFOSAScriptEditorParameter: 'text',
  WFVariableFieldParameter: 'text',
  WFContactHandleFieldParameter: 'text',
  WFNumberFieldParameter: 'number',
  WFStepperParameter: 'number',
  WFSliderParameter: 'number',
  WFSwitchParameter: 'boolean',
  WFEnumerationParameter: 'enum',
  WFDictionaryParameter: 'dictionary',
  WFIntentAppPickerParameter: 'dictionary',
  WFArrayParameter: 'list',
  WFContentArrayParameter: 'list',
  WFChooseFromMenuArrayParameter: 'list',
  WFDateFieldParameter: 'date',
  WFDatePickerParameter: 'date',
  WFFilePickerParameter: 'file',
  WFLocationParameter: 'location',
  WFVariablePickerParameter: 'content',
  WFExpandingParameter: 'content',
  // WorkflowLLM's classes for app intent parameters.
  STRING: 'text',
  NUMBER: 'number',
  INTEGER: 'number',
  FLOAT: 'number',
  BOOLEAN: 'boolean',
  ENUM: 'enum',
  ENTITY: 'entity',
  DATETIME: 'date',
  FILE: 'file',
  OBJECT: 'content',
  object: 'content',
};

const PYTHON_KINDS: Readonly<Record<string, ValueKind>> = {
  str: 'text',
  int: 'number',
  float: 'number',
  bool: 'boolean',
  dict: 'dictionary',
  list: 'list',
  datetime: 'date',
  'datetime.date': 'date',
  object: 'content',
};

export function valueKindOf(param: ParameterEntry): ValueKind {
  if (param.enum !== undefined && param.enum.length > 0) return 'enum';
  const byClass = param.class === undefined ? undefined : CLASS_KINDS[param.class];
  if (byClass !== undefined) return byClass;
  if (param.class !== undefined && /Quantity|Duration/.test(param.class)) return 'number';
  const python = param.pythonType;
  if (python !== undefined) {
    const kind = PYTHON_KINDS[python];
    if (kind !== undefined) return kind;
    if (python.startsWith('List[')) return 'list';
  }
  if (param.class !== undefined && /Picker|Enumeration/.test(param.class)) return 'text';
  return 'unknown';
}

/**
 * The Python type WorkflowLLM writes for a parameter class, for actions it
 * does not document (the 27 only in WFActions.plist, and core entries).
 * Measured on the 358 actions both sources describe: every class maps to
 * one type there.
 */
const CLASS_PYTHON_TYPES: Readonly<Record<string, string>> = {
  WFSwitchParameter: 'bool',
  WFNumberFieldParameter: 'float',
  WFSliderParameter: 'float',
  WFStepperParameter: 'int',
  WFDateFieldParameter: 'datetime.date',
  WFDictionaryParameter: 'dict',
  WFIntentAppPickerParameter: 'dict',
  WFLocationParameter: 'object',
  WFExpandingParameter: 'object',
  WFContentArrayParameter: 'list',
  WFChooseFromMenuArrayParameter: 'list',
  WFArrayParameter: 'list',
};

export function pythonTypeForClass(cls: string): string {
  const known = CLASS_PYTHON_TYPES[cls];
  if (known !== undefined) return known;
  if (/Quantity/.test(cls)) return 'float';
  return 'str';
}
