import type {
  ActionCore,
  ActionStatement,
  BlockStatement,
  ControlPart,
  IfStatement,
  MenuStatement,
  Statement as IrStatement,
  Value,
} from '../ir/types.js';
import { blockIdentifier } from '../ir/walk.js';
import type { Expression, Keyword, MatchCase, Statement } from '../syntax/ast.js';
import { outputNameFromIdentifier } from '../syntax/output-names.js';
import type { Analysis } from './analysis.js';
import { isBareEnd, parameterMap } from './blocks.js';
import { assign, attr, call, ellipsis, expressionStatement, int, kw, name, none, str } from './build.js';
import type { EmitterCatalog } from './catalog.js';
import { condition } from './conditions.js';
import type { ValueSpeller } from './values.js';

/**
 * IR statements → syntax statements (grammars/dialect.md §7–§9): explicit
 * calls, the sugar forms, blocks, and flat control actions where a block
 * cannot say its parts exactly.
 */

const CONDITIONAL = 'is.workflow.actions.conditional';
/** Calls that spell an aggrandizement (dialect §6.2.1): reserved names no action has, so `X = coerce_variable(…)` is Set Variable. */
const AGGRANDIZEMENT_FORMS: ReadonlySet<string> = new Set(['getattr', 'coerce_variable', 'format_date', 'unit_variable_transform', 'aggrandize']);
const MENU = 'is.workflow.actions.choosefrommenu';

/** Why a block is written flat (for the SC8002 note). */
export interface FlatBlock {
  readonly identifier: string;
  readonly reason: string;
}

export class StatementEmitter {
  readonly flatBlocks: FlatBlock[] = [];

  constructor(
    private readonly analysis: Analysis,
    private readonly values: ValueSpeller,
    private readonly core: EmitterCatalog,
  ) {}

  /** A body; `indent` is its indentation level, `repeats` the structured repeat blocks around it. */
  body(statements: readonly IrStatement[], indent: number, repeats: number): Statement[] {
    const out: Statement[] = [];
    for (const statement of statements) {
      switch (statement.kind) {
        case 'action':
          out.push(this.action(statement));
          break;
        case 'raw':
          out.push(expressionStatement(call('raw_action', [this.values.value(statement.action)])));
          break;
        default:
          // A loop, not push(...): a flat block can hold 200,000 statements, more than a call's arguments may be.
          for (const written of this.block(statement, indent, repeats)) out.push(written);
      }
    }
    return out;
  }

  // ─── Actions ───────────────────────────────────────────────────────────────

  private action(action: ActionStatement): Statement {
    const literal = action.outputUuid !== undefined && this.analysis.literalUuids.has(action.outputUuid);
    if (!literal && action.extraKeys.length === 0) {
      const sugar = this.sugar(action);
      if (sugar !== undefined) return sugar;
    }
    return this.bound(action.identifier, action, this.explicitCall(action.identifier, action));
  }

  /** `name(Key=value, …)` (dialect §7.2); `control` adds the flat control keys first. */
  private explicitCall(identifier: string, core: ActionCore, control?: { mode: number | undefined; groupingIdentifier: string }): Expression {
    const keywords: Keyword[] = [];
    if (control !== undefined) {
      if (control.mode !== undefined) keywords.push(kw('WFControlFlowMode', int(BigInt(control.mode))));
      keywords.push(kw('GroupingIdentifier', str(control.groupingIdentifier)));
    }
    keywords.push(...this.parameterKeywords(core));
    if (core.outputUuid !== undefined && this.analysis.literalUuids.has(core.outputUuid)) keywords.push(kw('UUID', str(core.outputUuid)));
    const args = core.extraKeys.length === 0 ? [] : [call('dict', [], core.extraKeys.map((e) => kw(e.key, this.values.plist(e.value))))];
    return call(this.analysis.actionNames.nameOf(identifier), args, keywords);
  }

  /** Parameters in order, then `CustomOutputName`. */
  private parameterKeywords(core: ActionCore, skip: ReadonlySet<string> = new Set()): Keyword[] {
    const keywords = core.parameters.filter((e) => !skip.has(e.key)).map((e) => kw(e.key, this.values.value(e.value)));
    if (core.customOutputName !== undefined) keywords.push(kw('CustomOutputName', str(core.customOutputName)));
    return keywords;
  }

  /** `name = expression` (annotated when references carry another OutputName) when the action has a UUID a binding can name. */
  private bound(identifier: string, core: ActionCore, expression: Expression): Statement {
    const uuid = core.outputUuid;
    const output = uuid === undefined ? undefined : this.analysis.outputs.get(uuid);
    if (output === undefined) return expressionStatement(expression);
    return assign(output.identifier, expression, this.annotation(identifier, core));
  }

  /** The OutputName annotation (dialect §5.2), when what references carry is not the derived value. */
  private annotation(identifier: string, core: ActionCore): Expression | undefined {
    const output = core.outputUuid === undefined ? undefined : this.analysis.outputs.get(core.outputUuid);
    if (output === undefined || !output.referenced) return undefined;
    const derived = core.customOutputName ?? this.core.outputName(identifier) ?? outputNameFromIdentifier(output.identifier);
    if (output.effectiveOutputName === derived) return undefined;
    return output.effectiveOutputName === undefined ? none : str(output.effectiveOutputName, "'");
  }

  // ─── Sugar (dialect §8) ──────────────────────────────────────────────────

  private sugar(action: ActionStatement): Statement | undefined {
    const params = parameterMap(action);
    if (params === undefined) return undefined;
    const only = (...keys: string[]): boolean => [...params.keys()].every((k) => keys.includes(k));
    const plain = action.customOutputName === undefined;
    switch (action.identifier) {
      case 'is.workflow.actions.gettext': {
        const text = params.get('WFTextActionText');
        if (!plain || !only('WFTextActionText') || text === undefined) return undefined;
        const expression = text.kind === 'string' ? str(text.value) : text.kind === 'text' ? this.values.text(text) : undefined;
        return expression === undefined ? undefined : this.bound(action.identifier, action, expression);
      }
      case 'is.workflow.actions.dictionary': {
        const items = params.get('WFItems');
        if (!plain || !only('WFItems') || items?.kind !== 'dictionary') return undefined;
        const display = this.values.value(items);
        return display.kind === 'dict' ? this.bound(action.identifier, action, display) : undefined;
      }
      case 'is.workflow.actions.getvalueforkey': {
        const key = params.get('WFDictionaryKey');
        if (!plain || !only('WFInput', 'WFDictionaryKey') || key === undefined) return undefined;
        const subject = this.subject(params.get('WFInput'));
        if (subject === undefined) return undefined;
        return this.bound(action.identifier, action, { kind: 'subscript', object: subject, index: this.values.value(key) });
      }
      case 'is.workflow.actions.ask': {
        const prompt = params.get('WFAskActionPrompt');
        const args = prompt === undefined ? [] : [this.values.value(prompt)];
        // Like every sugar, Ask compiles its parameters in sorted key order; writing them so keeps the code a fixed point.
        const sorted = { ...action, parameters: [...action.parameters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
        return this.bound(action.identifier, action, call('input', args, this.parameterKeywords(sorted, new Set(['WFAskActionPrompt']))));
      }
      case 'is.workflow.actions.setvariable': {
        const variable = this.variableTarget(params.get('WFVariableName'));
        if (!plain || action.outputUuid !== undefined || !only('WFVariableName', 'WFInput') || variable === undefined) return undefined;
        const value = this.subject(params.get('WFInput'));
        // `X = d["k"]` is Get Dictionary Value and `X = is_workflow_actions_getclipboard()` an action call; the
        // aggrandizement forms (`coerce_variable(…)`, `getattr(…)`, …) are no action's name, so they stay Set Variable.
        if (value === undefined || value.kind === 'subscript' || (value.kind === 'call' && value.callee.kind === 'name' && !AGGRANDIZEMENT_FORMS.has(value.callee.name))) return undefined;
        return assign(variable, value);
      }
      case 'is.workflow.actions.appendvariable': {
        const variable = this.variableTarget(params.get('WFVariableName'));
        if (!plain || !only('WFVariableName', 'WFInput') || variable === undefined) return undefined;
        const input = params.get('WFInput');
        const value = input === undefined ? ellipsis : this.values.value(input);
        return this.bound(action.identifier, action, call(attr(name(variable), 'append'), [value]));
      }
      default:
        return undefined;
    }
  }

  /** A sugar's input slot: `...` when absent, a variable expression without details, else undefined. */
  private subject(input: Value | undefined): Expression | undefined {
    if (input === undefined) return ellipsis;
    if (input.kind !== 'variable') return undefined;
    const spelled = this.values.reference(input.variable);
    return spelled.details ? undefined : spelled.expression;
  }

  private variableTarget(value: Value | undefined): string | undefined {
    return value?.kind === 'string' ? this.analysis.variables.get(value.value)?.identifier : undefined;
  }

  // ─── Blocks (dialect §9) ─────────────────────────────────────────────────

  private block(block: BlockStatement, indent: number, repeats: number): Statement[] {
    const reason = this.analysis.flatBlocks.get(block);
    if (reason !== undefined) {
      this.flatBlocks.push({ identifier: blockIdentifier(block), reason });
      return this.flat(block, indent, repeats);
    }
    const out: Statement[] = [];
    switch (block.kind) {
      case 'if':
        out.push(this.ifStatement(block, indent, repeats));
        break;
      case 'menu':
        out.push(this.menuStatement(block, indent, repeats));
        break;
      case 'repeatCount': {
        const n = repeats + 1;
        const count = block.start.parameters.find((e) => e.key === 'WFRepeatCount')?.value;
        out.push({
          kind: 'for',
          target: name(loopName('Repeat_Index', n)),
          iterable: call('range', [call('int', [count === undefined ? ellipsis : this.values.value(count)])]),
          body: this.nonEmpty(this.body(block.body, indent + 1, n)),
        });
        break;
      }
      case 'repeatEach': {
        const n = repeats + 1;
        const input = block.start.parameters.find((e) => e.key === 'WFInput')?.value;
        out.push({
          kind: 'for',
          target: { kind: 'tuple', elements: [name(loopName('Repeat_Index', n)), name(loopName('Repeat_Item', n))], parenthesized: false },
          iterable: call('enumerate', [input === undefined ? ellipsis : this.values.value(input)], [kw('start', int(1n))]),
          body: this.nonEmpty(this.body(block.body, indent + 1, n)),
        });
        break;
      }
    }
    const after = this.blockEnd(block);
    if (after !== undefined) out.push(after);
    return out;
  }

  /**
   * The line after a block that says its End (dialect §9.6): `x = _` binds
   * its UUID, `_(Key=v, …)` gives its parameters and `CustomOutputName`
   * (`x = _(…)`: both), `_ = None` says it has no UUID where
   * `__defaults__["block_outputs"]` would give it one; no line: the default.
   */
  private blockEnd(block: BlockStatement): Statement | undefined {
    const end = block.end;
    const output = end.outputUuid === undefined ? undefined : this.analysis.outputs.get(end.outputUuid);
    const value = isBareEnd(end) ? name('_') : this.endCall(end);
    if (output !== undefined) return assign(output.identifier, value, this.annotation(blockIdentifier(block), end));
    if (end.outputUuid !== undefined) return undefined; // unnamed: the default gives it one
    if (!isBareEnd(end)) return expressionStatement(value);
    return this.analysis.defaults.blockOutputs ? assign('_', none) : undefined;
  }

  /** `_(dict(…), Key=v, …, CustomOutputName='…')`: the End's keys as an explicit call's (§7.2). */
  private endCall(end: ControlPart): Expression {
    const args = end.extraKeys.length === 0 ? [] : [call('dict', [], end.extraKeys.map((e) => kw(e.key, this.values.plist(e.value))))];
    return call('_', args, this.parameterKeywords(end));
  }

  /** Each part as an explicit call with its control keys, bodies not indented (dialect §9.1). */
  private flat(block: BlockStatement, indent: number, repeats: number): Statement[] {
    const identifier = blockIdentifier(block);
    const gi = block.groupingIdentifier;
    const part = (core: ControlPart, mode: number | undefined): Statement =>
      this.bound(identifier, core, this.explicitCall(identifier, core, { mode, groupingIdentifier: gi }));
    const out: Statement[] = [part(block.start, block.startModeImplicit === true ? undefined : 0)];
    switch (block.kind) {
      case 'if':
        for (const written of this.body(block.then, indent, repeats)) out.push(written);
        if (block.otherwise !== undefined) {
          out.push(part(block.otherwise.part, 1));
          for (const written of this.body(block.otherwise.body, indent, repeats)) out.push(written);
        }
        break;
      case 'menu':
        for (const c of block.cases) {
          out.push(part(c.part, 1));
          for (const written of this.body(c.body, indent, repeats)) out.push(written);
        }
        break;
      case 'repeatCount':
      case 'repeatEach':
        for (const written of this.body(block.body, indent, repeats)) out.push(written);
        break;
    }
    out.push(part(block.end, 2));
    return out;
  }

  private ifStatement(block: IfStatement, indent: number, repeats: number): Statement {
    const found = condition(block.start, this.analysis.defaults, this.values);
    let test: Expression;
    if (found === undefined) test = this.explicitTest(CONDITIONAL, block.start);
    else if (found.rest.length === 0 && block.start.customOutputName === undefined) test = found.comparison;
    else test = call(this.analysis.actionNames.nameOf(CONDITIONAL), [found.comparison], this.parameterKeywords({ ...block.start, parameters: found.rest }));
    return {
      kind: 'if',
      test,
      body: this.nonEmpty(this.body(block.then, indent + 1, repeats)),
      elifs: [],
      ...(block.otherwise === undefined ? {} : { orelse: this.nonEmpty(this.body(block.otherwise.body, indent + 1, repeats)) }),
    };
  }

  private menuStatement(block: MenuStatement, indent: number, repeats: number): Statement {
    const titles = block.cases.map((c) => caseTitle(c.part));
    const cases: MatchCase[] = block.cases.map((c, i) => {
      const title = titles[i];
      const body = this.nonEmpty(this.body(c.body, indent + 2, repeats));
      return title === undefined
        ? { kind: 'case', pattern: name('_'), guard: this.explicitTest(MENU, c.part), body }
        : { kind: 'case', pattern: str(title, '"'), body };
    });
    return { kind: 'match', subject: this.menuSubject(block, titles), cases };
  }

  /** `input(prompt=…)` when WFMenuItems is exactly the case titles (dialect §9.3). */
  private menuSubject(block: MenuStatement, titles: readonly (string | undefined)[]): Expression {
    const start = block.start;
    const params = parameterMap(start);
    const items = params?.get('WFMenuItems');
    const sugar =
      params !== undefined &&
      start.customOutputName === undefined &&
      [...params.keys()].every((k) => k === 'WFMenuItems' || k === 'WFMenuPrompt') &&
      items?.kind === 'list' &&
      items.items.length === titles.length &&
      items.items.every((item, i) => item.kind === 'string' && titles[i] !== undefined && item.value === titles[i]);
    if (!sugar) return this.explicitTest(MENU, start);
    const prompt = params.get('WFMenuPrompt');
    return call('input', [], prompt === undefined ? [] : [kw('prompt', this.values.value(prompt))]);
  }

  /** The explicit form of a start or case action in a block header: every parameter as a keyword. */
  private explicitTest(identifier: string, core: ControlPart): Expression {
    return call(this.analysis.actionNames.nameOf(identifier), [], this.parameterKeywords(core));
  }

  private nonEmpty(body: Statement[]): Statement[] {
    return body.length === 0 ? [{ kind: 'pass' }] : body;
  }
}

function loopName(base: string, depth: number): string {
  return depth <= 1 ? base : `${base}_${depth}`;
}

/** A case's title when its action is exactly `{WFMenuItemTitle: plain string}`. */
function caseTitle(part: ControlPart): string | undefined {
  if (part.customOutputName !== undefined || part.parameters.length !== 1) return undefined;
  const only = part.parameters[0]!;
  return only.key === 'WFMenuItemTitle' && only.value.kind === 'string' ? only.value.value : undefined;
}
