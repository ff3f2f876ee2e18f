import { valueKindOf, type ValueKind } from '../../catalog/parameter-kinds.js';
import type { ParameterEntry } from '../../catalog/schema.js';
import type { Entry, Value } from '../../ir/types.js';
import type { ActionSite, CheckContext } from '../context.js';
import { checkerDiagnostics as D } from '../diagnostics.js';
import { describeShape, isBooleanText, isNumericText, shapeOf, type ValueShape } from '../values.js';
import { codeList } from '../wording.js';

/**
 * Value of the wrong kind (SC6004), judged by what Shortcuts accepts rather
 * than by type names. Accepted everywhere: variables and text holding them
 * (any kind at run time), empty values (cleared fields), serializations the
 * checker does not model. Numbers written as text ("3") are normal in number
 * fields, and a quantity is a number with a unit.
 *
 * How sure the kind is matters. A parameter class from the app's own
 * definitions (`WF…Parameter`) says exactly what the field stores; the
 * classes WorkflowLLM gives app intents do not (real shortcuts store enum
 * names such as "overwrite" in its NUMBER parameters, lists in STRING ones),
 * so there only a Dictionary action's table where a scalar belongs is wrong.
 */
const PLAIN_NUMBER_CLASSES: ReadonlySet<string> = new Set(['WFNumberFieldParameter', 'WFStepperParameter', 'WFSliderParameter']);

type Verdict = undefined | 'wrong';

function judge(kind: ValueKind, s: ValueShape, declared: ParameterEntry): Verdict {
  if (s.shape === 'dynamic' || s.shape === 'other') return undefined;
  if (s.shape === 'text' && s.text.trim() === '') return undefined;
  const appClass = declared.class?.startsWith('WF') === true;
  if (!appClass) {
    return s.shape === 'dictionary' && (kind === 'number' || kind === 'boolean' || kind === 'enum' || kind === 'date') ? 'wrong' : undefined;
  }
  const structured = s.shape === 'dictionary' || s.shape === 'list' || s.shape === 'map' || s.shape === 'data';
  switch (kind) {
    case 'number':
      if (structured || s.shape === 'date') return 'wrong';
      if (s.shape === 'text' && declared.class !== undefined && PLAIN_NUMBER_CLASSES.has(declared.class) && !isNumericText(s.text)) return 'wrong';
      return undefined;
    case 'boolean':
      if (structured || s.shape === 'date' || s.shape === 'quantity') return 'wrong';
      if (s.shape === 'text' && !isBooleanText(s.text)) return 'wrong';
      return undefined;
    case 'enum':
      return structured || s.shape === 'date' || s.shape === 'quantity' ? 'wrong' : undefined;
    case 'dictionary':
      return s.shape === 'text' || s.shape === 'number' || s.shape === 'boolean' || s.shape === 'list' || s.shape === 'date' ? 'wrong' : undefined;
    case 'list':
      return s.shape === 'dictionary' || s.shape === 'number' || s.shape === 'boolean' || s.shape === 'date' ? 'wrong' : undefined;
    case 'date':
      return structured || s.shape === 'boolean' || s.shape === 'number' ? 'wrong' : undefined;
    case 'text':
      return s.shape === 'dictionary' ? 'wrong' : undefined;
    default:
      return undefined;
  }
}

/** Number fields that hold a quantity (a magnitude with a unit) rather than a plain number. */
const isQuantity = (declared: ParameterEntry): boolean => declared.class !== undefined && /Quantity|Duration/.test(declared.class);

/** The kind named in messages and suggestions ("a number"). */
export function kindPhrase(kind: ValueKind, declared?: ParameterEntry): string {
  if (kind === 'number' && declared !== undefined && isQuantity(declared)) return 'a quantity (a number with a unit)';
  switch (kind) {
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'enum':
      return 'one of its values';
    case 'dictionary':
      return 'a dictionary';
    case 'list':
      return 'a list';
    case 'date':
      return 'a date';
    case 'text':
      return 'text';
    default:
      return `a value of kind ${kind}`;
  }
}

function example(kind: ValueKind, declared: ParameterEntry, origin: 'code' | 'shortcut'): string {
  const code = origin === 'code';
  switch (kind) {
    case 'number': {
      if (isQuantity(declared)) return code ? "`WFQuantityFieldValue(Magnitude=1, Unit='min')`" : 'a WFQuantityFieldValue';
      const d = declared.default;
      return `\`${typeof d === 'number' ? d : 1}\``;
    }
    case 'boolean':
      return code ? '`True` or `False`' : '`true` or `false`';
    case 'enum':
      return codeList((declared.enum ?? []).map((item) => String(item.value)), 8);
    case 'dictionary':
      return code ? '`{"key": "value"}`' : 'a Dictionary';
    case 'list':
      return code ? '`["a", "b"]`' : 'an array';
    case 'date':
      return code ? "`'tomorrow at 9:00'`" : 'a date as text';
    default:
      return code ? "`'…'`" : 'a string';
  }
}

export function checkValueKind(ctx: CheckContext, action: ActionSite, parameter: Entry<Value>, declared: ParameterEntry): void {
  const kind = valueKindOf(declared);
  const s = shapeOf(parameter.value);
  if (judge(kind, s, declared) === undefined) return;
  const phrase = kindPhrase(kind, declared);
  ctx.report(
    D.wrongKind,
    `\`${parameter.key}\` takes ${phrase}, not ${describeShape(s)}`,
    { action, parameter, value: parameter.value, focus: 'value' },
    { suggestion: `give ${phrase}, e.g. ${example(kind, declared, ctx.origin)}, or a variable holding one` },
  );
}
