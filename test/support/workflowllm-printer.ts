import type { Catalog } from '../../src/catalog/catalog.js';
import type {
  ActionStatement,
  Aggrandizement,
  ControlPart,
  Entry,
  IfStatement,
  Statement,
  TextValue,
  Value,
  VariableReference,
  Workflow,
} from '../../src/ir/types.js';

/**
 * Prints a lifted workflow the way WorkflowLLM's converter
 * (`preprocess/utils.py`, grammars/model-code.md §1) printed shortcuts, with
 * readable names where the annotation step replaced its UUIDs. Test support
 * only: it lets the corpus stand in for model output that is not in ../shared,
 * so the model-code reader meets every construct real shortcuts contain.
 *
 * It follows the converter's spellings, including its lossy ones (Append to
 * Variable printed like Set Variable, Comment actions as `#` lines, unquoted
 * text in plain dictionaries and parameter dictionaries, `{"string": …}` for a
 * text without `attachmentsByRange`, brace-less magic values in text), but not
 * its destructive defects (the 384-character cut, `format_date(value={value})`,
 * properties printed with spaces outside text): those are errors by design.
 * Where the converter dropped an action's parameters (Ask with a default
 * answer, Get Dictionary Value of all keys) it prints the plain call instead.
 */
export interface PrintOptions {
  /**
   * With a catalog, the converter's implicit inputs are written out: an
   * action without its input parameter gets the previous action's output
   * (naming that action when it had no UUID), the first action in an If its
   * subject, as `add_necessary_UUID` did.
   */
  readonly catalog?: Catalog;
}

export function printWorkflowLlm(workflow: Workflow, options: PrintOptions = {}): string {
  const printer = new Printer(workflow.body);
  if (options.catalog !== undefined) printer.implicitInputs(workflow.body, options.catalog, undefined);
  printer.block(workflow.body, 0, 0);
  return printer.lines.join('\n') + '\n';
}

const MAGIC_PROMPT = `f'{input("Please enter the value:")}'`;

/** Names the model-code reader gives a meaning of its own, and Python's keywords. */
const RESERVED = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield', 'match', 'case', 'input', 'str', 'float', 'int', 'dict', 'range', 'enumerate', 'datetime', 'format_date',
  'coerce_variable', 'unit_variable_transform', 'getattr', 'aggrandize', 'attachment', 'plist', 'Shortcut_Input', 'Ask_Each_Time',
  'Action_Input', 'get_future_time', 'get_recent_time', 'zip', 'list', 'print', 'len', 'type', 'serialized', 'raw_action',
]);

class Printer {
  readonly lines: string[] = [];
  /** Output UUID → the readable name the annotation would have given it. */
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>(RESERVED);
  /** The output UUIDs something refers to. */
  private readonly used = new Set<string>();
  /** Actions that print a block's output name (see carryBlockOutput). */
  private readonly carriedNames = new Map<ActionStatement, string>();

  constructor(body: readonly Statement[]) {
    // Named variables keep their (sanitized) names; outputs get names that clash with none of them.
    for (const s of walk(body)) if (s.kind === 'action' && isVariableAction(s)) this.taken.add(variableName(s) ?? '');
    for (const s of walk(body)) {
      for (const ref of referencesOf(s)) {
        if (ref.source.kind === 'variable') this.taken.add(sanitize(ref.source.name));
        if (ref.source.kind === 'actionOutput') this.used.add(ref.source.outputUuid);
      }
    }
  }

  /** Actions the converter gave an output (a generated UUID) because the next one takes it as its input. */
  private readonly synthetic = new Map<ActionStatement, string>();
  /** Inputs the converter wrote out: the parameter key and the value. */
  private readonly addedInputs = new Map<ActionStatement, { readonly key: string; readonly value: VariableReference }>();

  implicitInputs(body: readonly Statement[], catalog: Catalog, subject: Value | undefined): void {
    const outputOf = (s: Statement | undefined): string | undefined => {
      if (s === undefined || s.kind !== 'action') return undefined;
      if (s.outputUuid !== undefined) return s.outputUuid;
      if (catalog.hasOutput(s.identifier) !== true) return undefined;
      const uuid = this.synthetic.get(s) ?? `implicit-${this.synthetic.size}`;
      this.synthetic.set(s, uuid);
      return uuid;
    };
    let recent = body[0]?.kind === 'action' ? body[0].outputUuid : undefined;
    body.forEach((s, i) => {
      if (s.kind === 'action') {
        const key = catalog.byIdentifier(s.identifier)?.input?.parameterKey;
        if (key !== undefined && param(s, key) === undefined) {
          const subjectRef = i === 0 && subject !== undefined ? referenceOf(conditionSubject(subject)) : undefined;
          const uuid = i === 0 ? undefined : (outputOf(body[i - 1]) ?? recent);
          const value = subjectRef ?? (uuid === undefined ? undefined : { source: { kind: 'actionOutput' as const, outputUuid: uuid }, aggrandizements: [], hasAggrandizementsKey: false, extra: [] });
          if (value !== undefined) this.addedInputs.set(s, { key, value });
        }
        recent = s.outputUuid ?? this.synthetic.get(s) ?? recent;
      } else if (s.kind === 'if') {
        this.implicitInputs(s.then, catalog, param(s.start, 'WFInput'));
        if (s.otherwise !== undefined) this.implicitInputs(s.otherwise.body, catalog, undefined);
      } else if (s.kind === 'menu') for (const c of s.cases) this.implicitInputs(c.body, catalog, undefined);
      else if (s.kind !== 'raw') this.implicitInputs(s.body, catalog, undefined);
    });
  }

  block(body: readonly Statement[], indent: number, loopDepth: number): void {
    const before = this.lines.length;
    for (const statement of body) this.statement(statement, indent, loopDepth);
    if (this.lines.length === before || this.lines.slice(before).every((l) => l.trimStart().startsWith('#'))) this.line(indent, 'pass');
  }

  private line(indent: number, text: string): void {
    this.lines.push('    '.repeat(indent) + text);
  }

  private statement(s: Statement, indent: number, loopDepth: number): void {
    const carried = s.kind === 'action' || s.kind === 'raw' ? true : this.carryBlockOutput(s);
    switch (s.kind) {
      case 'action':
        this.action(s, indent);
        return;
      case 'raw':
        this.line(indent, '# (an entry that is no action)');
        return;
      case 'if':
        this.line(indent, `if ${this.condition(s)}:`);
        this.block(s.then, indent + 1, loopDepth);
        if (s.otherwise !== undefined) {
          this.line(indent, 'else:');
          this.block(s.otherwise.body, indent + 1, loopDepth);
        }
        break;
      case 'menu': {
        const prompt = param(s.start, 'WFMenuPrompt');
        this.line(indent, prompt === undefined ? 'match input():' : `match input(prompt=${this.value(prompt, 'quoted')}):`);
        for (const c of s.cases) {
          const title = param(c.part, 'WFMenuItemTitle');
          this.line(indent + 1, `case ${title === undefined ? '""' : title.kind === 'string' ? JSON.stringify(title.value) : this.value(title, 'quoted')}:`);
          this.block(c.body, indent + 2, loopDepth);
        }
        break;
      }
      case 'repeatCount': {
        const suffix = loopDepth === 0 ? '' : `_${loopDepth + 1}`;
        const count = param(s.start, 'WFRepeatCount');
        this.line(indent, `for Repeat_Index${suffix} in range(int(${count === undefined ? '1' : this.value(count, 'bare')})):`);
        this.block(s.body, indent + 1, loopDepth + 1);
        break;
      }
      case 'repeatEach': {
        const suffix = loopDepth === 0 ? '' : `_${loopDepth + 1}`;
        const input = param(s.start, 'WFInput');
        this.line(indent, `for Repeat_Index${suffix}, Repeat_Item${suffix} in enumerate(${input === undefined ? 'None' : this.value(input, 'quoted')}, start=1):`);
        this.block(s.body, indent + 1, loopDepth + 1);
        break;
      }
    }
    // A block output that is used but no branch's last action could carry: our dialect's `x = _` right below.
    if (!carried && s.end.outputUuid !== undefined && this.used.has(s.end.outputUuid)) this.line(indent, `${this.bind(s.end.outputUuid, s.end.customOutputName ?? s.kind)} = _`);
  }

  /**
   * The converter moved a block's output (its End action's UUID) onto the
   * last action of each branch, so `x = call(…)` ends every branch and `x`
   * is used after the block. Done here where every branch ends with an
   * action that has no output of its own; false when not possible.
   */
  private carryBlockOutput(s: Exclude<Statement, ActionStatement | { kind: 'raw' }>): boolean {
    if (s.end.outputUuid === undefined) return true;
    const branches = s.kind === 'if' ? [s.then, ...(s.otherwise === undefined ? [] : [s.otherwise.body])] : s.kind === 'menu' ? s.cases.map((c) => c.body) : [s.body];
    const lasts = branches.map((b) => b[b.length - 1]);
    const carriers = lasts.filter((l): l is ActionStatement => l?.kind === 'action' && l.outputUuid === undefined && !this.synthetic.has(l) && !isVariableAction(l) && l.identifier !== 'is.workflow.actions.comment' && l.identifier !== 'is.workflow.actions.nothing');
    if (carriers.length === 0 || carriers.length !== lasts.length) return false;
    const name = this.bind(s.end.outputUuid, s.end.customOutputName ?? s.kind);
    for (const c of carriers) this.carriedNames.set(c, name);
    return true;
  }

  private action(s: ActionStatement, indent: number): void {
    const id = s.identifier;
    if (id === 'is.workflow.actions.comment') {
      const text = param(s, 'WFCommentActionText');
      const body = text === undefined ? '' : plainText(text) ?? this.value(text, 'bare');
      for (const l of body.split('\n')) this.line(indent, `# ${l}`.trimEnd());
      return;
    }
    if (id === 'is.workflow.actions.nothing' && s.parameters.length === 0 && s.outputUuid === undefined) return this.line(indent, 'pass');
    const uuid = s.outputUuid ?? this.synthetic.get(s);
    const target = uuid === undefined ? this.carriedNames.get(s) : this.bind(uuid, s.customOutputName ?? shortName(id));
    const assign = (text: string) => this.line(indent, target === undefined ? text : `${target} = ${text}`);
    const only = (...keys: string[]) => s.parameters.every((e) => keys.includes(e.key)) && s.customOutputName === undefined;

    if (isVariableAction(s) && target === undefined && only('WFVariableName', 'WFInput')) {
      const input = param(s, 'WFInput');
      const added = this.addedInputs.get(s);
      const value = input !== undefined ? this.value(input, 'quoted') : added !== undefined ? this.reference(added.value) : 'None';
      return this.line(indent, `${variableName(s)} = ${value}`);
    }
    if (id === 'is.workflow.actions.gettext' && only('WFTextActionText')) {
      const text = param(s, 'WFTextActionText');
      return assign(text === undefined ? '""' : this.value(text, 'quoted'));
    }
    if (id === 'is.workflow.actions.dictionary' && only('WFItems') && param(s, 'WFItems')?.kind === 'dictionary') {
      return assign(this.dictionary(param(s, 'WFItems')!, 'quoted'));
    }
    if (id === 'is.workflow.actions.getvalueforkey' && only('WFInput', 'WFDictionaryKey', 'WFGetDictionaryValueType')) {
      const input = param(s, 'WFInput');
      const key = param(s, 'WFDictionaryKey');
      const type = param(s, 'WFGetDictionaryValueType');
      if (input !== undefined && key !== undefined && (type === undefined || (type.kind === 'string' && type.value === 'Value'))) {
        return assign(`${this.value(input, 'quoted')}[${this.value(key, 'quoted')}]`);
      }
    }
    if (id === 'is.workflow.actions.ask' && only('WFAskActionPrompt')) {
      const prompt = param(s, 'WFAskActionPrompt');
      return assign(`input(${prompt === undefined ? '' : this.value(prompt, 'quoted')})`);
    }
    const args = s.parameters.filter((e) => !(e.value.kind === 'string' && e.value.value === '')).map((e) => `${e.key}=${this.value(e.value, 'quoted')}`);
    if (s.customOutputName !== undefined) args.push(`CustomOutputName=${quote(s.customOutputName)}`);
    const added = this.addedInputs.get(s);
    if (added !== undefined) args.push(`${added.key}=${this.reference(added.value)}`);
    assign(`${id.replaceAll('.', '_')}(${args.map((a) => ` ${a}`).join(',')})`);
  }

  private condition(s: IfStatement): string {
    const p = s.start;
    const input = param(p, 'WFInput');
    const subject = input === undefined ? 'None' : this.value(conditionSubject(input), 'quoted');
    const raw = param(p, 'WFCondition');
    const code = raw === undefined ? '' : raw.kind === 'integer' ? String(raw.value) : raw.kind === 'real' ? String(raw.value) : raw.kind === 'string' ? raw.value : '';
    const op = ({ '0': '<', '1': '<=', '2': '>', '3': '>=', '4': '==', '5': '!=', Equals: '==', 'Is Greater Than': '>', 'Is Less Than': '<' } as Record<string, string>)[code];
    // Shortcuts keeps stale operands of other operators; the converter took WFConditionalActionString first,
    // which gives an ordering test a text operand it never had: the operand the operator uses comes first here.
    const numeric = op !== undefined && op !== '==' && op !== '!=';
    const operandValue = numeric
      ? (param(p, 'WFNumberValue') ?? param(p, 'WFDate') ?? param(p, 'WFConditionalActionString'))
      : (param(p, 'WFConditionalActionString') ?? param(p, 'WFNumberValue') ?? param(p, 'WFDate') ?? param(p, 'WFEnumeration'));
    const operand = operandValue === undefined ? "''''''" : this.value(operandValue, 'quoted');
    if (op !== undefined) return `${subject} ${op} ${operand}`;
    switch (code) {
      case '8': return `${subject}.startswith(${operand})`;
      case '9': return `${subject}.endswith(${operand})`;
      case '100': return subject;
      case '101': return `not ${subject}`;
      case '999': return `${operand} not in ${subject}`;
      case '1002': return `${subject}.date() == datetime.now().date()`;
      case '1003': {
        const lo = param(p, 'WFNumberValue') ?? param(p, 'WFDate');
        const hi = param(p, 'WFAnotherNumber') ?? param(p, 'WFAnotherDate');
        return `${lo === undefined ? '0' : this.value(lo, 'quoted')} <= ${subject} <= ${hi === undefined ? '0' : this.value(hi, 'quoted')}`;
      }
      case '1000':
      case '1001': {
        const d = param(p, 'WFDuration');
        const magnitude = d?.kind === 'quantity' && d.magnitude !== undefined ? this.value(d.magnitude, 'bare') : '1';
        const unit = d?.kind === 'quantity' ? d.unit ?? '' : '';
        return code === '1000' ? `${subject} <= get_future_time(${magnitude},'${unit}')` : `${subject} >= get_recent_time(${magnitude},'${unit}')`;
      }
      default: return `${operand} in ${subject}`; // 99, 'Contains' and the converter's default
    }
  }

  /**
   * A value in the converter's spelling. `quoted`: a top-level position (a
   * keyword argument, a Dictionary action's item), where plain text gets
   * `'''…'''`; `bare`: inside plain dictionaries, lists and parameter
   * dictionaries, where the converter left text unquoted.
   */
  private value(v: Value, mode: 'quoted' | 'bare'): string {
    switch (v.kind) {
      case 'string': return mode === 'quoted' ? quote(v.value) : v.value.replaceAll("'", "\\'");
      case 'integer': return String(v.value);
      case 'real': return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
      case 'boolean': return v.value ? 'True' : 'False';
      case 'date': return quote(new Date(Date.UTC(2001, 0, 1) + v.secondsSince2001 * 1000).toISOString());
      case 'data': return `b'${[...v.bytes].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}'`;
      case 'list': return `[${v.items.map((i) => this.value(i, 'bare')).join(', ')}]`;
      case 'map': return `{${v.entries.map((e) => `"${e.key}": ${this.value(e.value, 'bare')}`).join(', ')}}`;
      case 'text': return this.text(v, mode);
      case 'variable':
      case 'attachment': return this.reference(v.variable);
      case 'dictionary': return this.dictionary(v, 'bare');
      case 'arrayState':
        return `[${v.items.map((i) => this.value(i.value, 'bare')).join(', ')}]`;
      case 'quantity': {
        const parts: string[] = [];
        if (v.magnitude !== undefined) parts.push(`"Magnitude": ${this.value(v.magnitude, 'bare')}`);
        if (v.unit !== undefined) parts.push(`"Unit": ${v.unit}`);
        if (v.layout?.keys?.[0] === 'Unit') parts.reverse();
        return `{${parts.join(', ')}}`;
      }
      case 'serialized': return this.value(v.value, mode);
      case 'raw': return 'None';
    }
  }

  /** A Dictionary action's items are quoted like parameters; a dictionary parameter's (and nested ones') are bare. */
  private dictionary(v: Value, mode: 'quoted' | 'bare'): string {
    if (v.kind !== 'dictionary') return this.value(v, mode);
    const item = (x: Value | undefined) => (x === undefined ? 'None' : this.value(unwrapItem(x), mode));
    return `{${v.items.map((i) => `${item(i.key)}: ${item(i.value)}`).join(', ')}}`;
  }

  private text(v: TextValue, mode: 'quoted' | 'bare'): string {
    const plain = plainText(v);
    if (!v.hasAttachmentsKey) return `{"string": ${plain ?? this.interpolated(v)}}`;
    if (plain !== undefined) return mode === 'quoted' ? quote(plain) : plain.replaceAll("'", "\\'");
    return this.interpolated(v);
  }

  /** `f'''…'''` with `{x}` for variables and the magic values brace-less, as the converter wrote them. */
  private interpolated(v: TextValue): string {
    const body = v.parts.map((part) => (typeof part === 'string' ? escapeText(part) : this.embedded(part).replaceAll("'", "\\'"))).join('');
    return `f'''${body}'''`;
  }

  /** A variable inside text; the converter escaped the single quotes of what it put there along with the text's own. */
  private embedded(ref: VariableReference): string {
    switch (ref.source.kind) {
      case 'currentDate': return 'datetime.datetime.now()';
      case 'shortcutInput': return 'input("Please enter the value: ")';
      case 'clipboard': return 'is_workflow_actions_getclipboard()';
      case 'deviceDetails': return deviceDetails(ref);
      case 'ask':
      case 'input': return MAGIC_PROMPT;
      default: return `{${this.reference(ref, true)}}`;
    }
  }

  private reference(ref: VariableReference, inText = false): string {
    let base: string;
    switch (ref.source.kind) {
      case 'actionOutput': base = this.bind(ref.source.outputUuid, ref.source.outputName ?? 'output'); break;
      case 'variable': base = sanitize(ref.source.name); break;
      case 'shortcutInput':
      case 'ask':
      case 'input': return MAGIC_PROMPT;
      case 'clipboard': return 'is_workflow_actions_getclipboard()';
      case 'currentDate': return 'datetime.datetime.now()';
      case 'deviceDetails': return deviceDetails(ref);
      case 'other': return 'None';
    }
    return ref.aggrandizements.reduce((value, a) => aggrandize(value, a, inText), base);
  }

  /** The readable name of an output (a name bound once per UUID, clashing with nothing else). */
  private bind(uuid: string, hint: string): string {
    const known = this.names.get(uuid);
    if (known !== undefined) return known;
    const name = this.fresh(hint);
    this.names.set(uuid, name);
    return name;
  }

  private fresh(hint: string): string {
    let base = sanitize(hint).replace(/^_+|_+$/g, '') || 'output';
    if (/^\d/.test(base)) base = `v_${base}`;
    base = base.charAt(0).toLowerCase() + base.slice(1);
    let name = base;
    for (let n = 2; this.taken.has(name) || /^Repeat_(Item|Index)/.test(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}

function aggrandize(value: string, a: Aggrandizement, inText: boolean): string {
  switch (a.kind) {
    // Inside text the converter wrote the property as it is named (`{x.File Extension}`); outside, with `_`.
    case 'property': return `${value}.${inText ? a.name : a.name.replaceAll(' ', '_')}`;
    case 'dictionaryKey': return `${value}["${a.key}"]`;
    case 'coercion':
      return a.itemClass === 'WFStringContentItem' ? `str(${value})` : a.itemClass === 'WFNumberContentItem' ? `float(${value})` : `coerce_variable(value=${value}, coercion_class="${a.itemClass}")`;
    case 'unit': {
      const field = (k: string) => { const f = a.fields.find((e) => e.key === k)?.value; return typeof f === 'string' ? f : ''; };
      return `unit_variable_transform(value=${value}, unit_type="${field('WFMeasurementUnitType')}", unit_symbol="${field('WFUnitSymbol')}")`;
    }
    case 'dateFormat': {
      const args = [`value=${value}`];
      for (const [key, name] of [['WFDateFormatStyle', 'date_format'], ['WFTimeFormatStyle', 'time_format']] as const) {
        const f = a.fields.find((e) => e.key === key)?.value;
        if (typeof f === 'string') args.push(`${name}='${f}'`);
      }
      const iso = a.fields.find((e) => e.key === 'WFISO8601IncludeTime')?.value;
      if (typeof iso === 'boolean') args.push(`iso_include_time=${iso ? 'True' : 'False'}`);
      return `format_date(${args.join(', ')})`;
    }
    case 'other': return value;
  }
}

function deviceDetails(ref: VariableReference): string {
  const names = ref.aggrandizements.flatMap((a) => (a.kind === 'property' ? [`'${a.name}'`] : []));
  return `is_workflow_actions_getdevicedetails(${names.length === 0 ? '' : `[${names.join(', ')}]`})`;
}

/** A dictionary item's value: WFNumberSubstitutableState / WFArrayParameterState / nested WFDictionaryFieldValue wrappers printed by what they hold. */
function unwrapItem(v: Value): Value {
  return v.kind === 'serialized' && v.serializationType === 'WFNumberSubstitutableState' ? v.value : v;
}

/** The text of a text value without variables, else undefined. */
function plainText(v: Value): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind !== 'text') return undefined;
  return v.parts.every((p) => typeof p === 'string') ? (v.parts as string[]).join('') : undefined;
}

/** The variable a value is exactly (a `WFTextTokenAttachment` or a bare attachment). */
function referenceOf(v: Value): VariableReference | undefined {
  return v.kind === 'variable' || v.kind === 'attachment' ? v.variable : undefined;
}

/** A condition's `WFInput`: `{Type: Variable, Variable: x}` (current files) or the attachment itself (older ones). */
function conditionSubject(v: Value): Value {
  if (v.kind === 'map') return v.entries.find((e) => e.key === 'Variable')?.value ?? v;
  return v;
}

function quote(text: string): string {
  return `'''${escapeText(text)}'''`;
}

/** The converter escaped single quotes; backslashes are escaped too so the text reads back as written. */
function escapeText(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
}

function sanitize(name: string): string {
  return name.replace(/[^a-zA-Z0-9]/g, '_');
}

function shortName(identifier: string): string {
  return identifier.split('.').pop() ?? identifier;
}

function param(core: ControlPart, key: string): Value | undefined {
  return core.parameters.find((e: Entry<Value>) => e.key === key)?.value;
}

function isVariableAction(s: ActionStatement): boolean {
  return (s.identifier === 'is.workflow.actions.setvariable' || s.identifier === 'is.workflow.actions.appendvariable') && variableName(s) !== undefined;
}

function variableName(s: ActionStatement): string | undefined {
  const name = param(s, 'WFVariableName');
  return name?.kind === 'string' && sanitize(name.value) !== '' ? sanitize(name.value) : undefined;
}

function* walk(body: readonly Statement[]): Generator<Statement> {
  for (const s of body) {
    yield s;
    if (s.kind === 'if') { yield* walk(s.then); if (s.otherwise !== undefined) yield* walk(s.otherwise.body); }
    else if (s.kind === 'menu') for (const c of s.cases) yield* walk(c.body);
    else if (s.kind === 'repeatCount' || s.kind === 'repeatEach') yield* walk(s.body);
  }
}

function* referencesOf(s: Statement): Generator<VariableReference> {
  const parts: ControlPart[] = s.kind === 'action' ? [s] : s.kind === 'raw' ? [] : [s.start];
  for (const part of parts) for (const e of part.parameters) yield* referencesInValue(e.value);
}

function* referencesInValue(v: Value): Generator<VariableReference> {
  switch (v.kind) {
    case 'variable': case 'attachment': yield v.variable; break;
    case 'text': for (const p of v.parts) if (typeof p !== 'string') yield p; break;
    case 'list': for (const i of v.items) yield* referencesInValue(i); break;
    case 'map': for (const e of v.entries) yield* referencesInValue(e.value); break;
    case 'dictionary': for (const i of v.items) { if (i.key !== undefined) yield* referencesInValue(i.key); if (i.value !== undefined) yield* referencesInValue(i.value); } break;
    case 'arrayState': for (const i of v.items) yield* referencesInValue(i.value); break;
    case 'quantity': if (v.magnitude !== undefined) yield* referencesInValue(v.magnitude); break;
    case 'serialized': yield* referencesInValue(v.value); break;
    default: break;
  }
}
