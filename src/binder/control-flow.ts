import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { ControlPart, Entry, IfStatement, MenuStatement, RepeatCountStatement, RepeatEachStatement, Statement, TextValue, Value } from '../ir/types.js';
import type * as ast from '../syntax/ast.js';
import { bindCondition, explicitTest } from './conditions.js';
import { MAX_BLOCK_DEPTH } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { collectBody, type Env } from './env.js';
import { isEllipsis } from './forms.js';
import { repeatVariable, type Binding } from './scope.js';
import { calleeName, describeExpression, literalText } from './syntax.js';
import { bindText, hasInterpolation } from './text.js';
import { OMIT, bindValue, slotFor } from './values.js';

/** Binds a list of statements into `env.body` (statements.ts passes itself, to keep the modules acyclic). */
export type BodyBinder = (env: Env, body: readonly ast.Statement[]) => void;

const IF = 'is.workflow.actions.conditional';
const MENU = 'is.workflow.actions.choosefrommenu';
const REPEAT_COUNT = 'is.workflow.actions.repeat.count';
const REPEAT_EACH = 'is.workflow.actions.repeat.each';

function part(parameters: Entry<Value>[] = []): ControlPart {
  return { parameters, extraKeys: [] };
}

/** Runs a block binder one level deeper, refusing nesting beyond `MAX_BLOCK_DEPTH`. */
export function nested(env: Env, span: SourceSpan | undefined, f: () => void): void {
  if (env.blockDepth >= MAX_BLOCK_DEPTH) {
    env.ctx.report(D.tooDeep, `blocks nest more than ${MAX_BLOCK_DEPTH} levels deep; the inner ones are not compiled`, span, 'move the inner part into a separate shortcut (is_workflow_actions_runworkflow)');
    return;
  }
  env.blockDepth++;
  try {
    f();
  } finally {
    env.blockDepth--;
  }
}

function mapSpan(env: Env, node: Statement | ControlPart, span: SourceSpan | undefined): void {
  if (span !== undefined) env.ctx.sourceMap.setStatement(node, span);
}

/**
 * The End action, at flat position `index`. In canonical code it has a UUID
 * nothing names when `__defaults__["block_outputs"]` says ends carry one (a
 * line after the block may bind it, `x = _`, or take it away, `_ = None`;
 * dialect §9.6). Model code never refers to a block's output but by `x = _`,
 * so its Ends get a UUID only that way (grammars/model-code.md).
 */
function endPart(env: Env, index: number, identifier: string): ControlPart {
  return env.ctx.canonical && env.ctx.header.defaults.blockOutputs ? { ...part(), outputUuid: env.ctx.unnamedUuid(index, identifier) } : part();
}

/** Block starts carry `WFControlFlowMode: 0` unless `__defaults__["start_mode"]` is "implicit" (old files). */
function startMode(env: Env): { startModeImplicit?: true } {
  return env.ctx.header.defaults.startMode === 'implicit' ? { startModeImplicit: true } : {};
}

/** `if test:` / `else:` → If / Otherwise / End If (model code: `elif` is an If inside the Otherwise). */
export function bindIf(env: Env, statement: ast.IfStatement, bindBody: BodyBinder): void {
  nested(env, statement.span, () => bindIfChain(env, statement.test, statement.body, statement.elifs, statement.orelse, statement.span, statement.elseSpan, bindBody));
}

function bindIfChain(
  env: Env,
  test: ast.Expression,
  body: readonly ast.Statement[],
  elifs: ast.IfStatement['elifs'],
  orelse: readonly ast.Statement[] | undefined,
  span: SourceSpan | undefined,
  elseSpan: SourceSpan | undefined,
  bindBody: BodyBinder,
): void {
  const ctx = env.ctx;
  const start = bindCondition(env, test) ?? part();
  const startIndex = ctx.claimIndex();
  mapSpan(env, start, span);
  const then = collectBody(env, () => bindBody(env, body));
  let otherwise: IfStatement['otherwise'];
  if (elifs.length > 0) {
    const [first, ...rest] = elifs;
    ctx.lenient(D.elifRead, '`elif` read as `else:` holding an `if` (Shortcuts has no elif)', first!.span, 'write `else:` and indent an `if` inside it');
    const otherPart = part();
    ctx.claimIndex();
    mapSpan(env, otherPart, first!.span);
    const inner = collectBody(env, () => nested(env, first!.span, () => bindIfChain(env, first!.test, first!.body, rest, orelse, first!.span, elseSpan, bindBody)));
    otherwise = { part: otherPart, body: inner };
  } else if (orelse !== undefined) {
    const otherPart = part();
    ctx.claimIndex();
    mapSpan(env, otherPart, elseSpan ?? span);
    otherwise = { part: otherPart, body: collectBody(env, () => bindBody(env, orelse)) };
  }
  const endIndex = ctx.claimIndex();
  const block: IfStatement = {
    kind: 'if',
    groupingIdentifier: ctx.groupingIdentifier('if', startIndex),
    start,
    then,
    ...(otherwise === undefined ? {} : { otherwise }),
    end: endPart(env, endIndex, IF),
    ...startMode(env),
  };
  mapSpan(env, block, span);
  env.body.push(block);
}

interface CaseHead {
  /** The case action's parameters (and CustomOutputName, for the explicit form). */
  readonly part: ControlPart;
  /** What the case adds to `WFMenuItems` when the subject is `input(…)`; undefined for an explicit case. */
  readonly item?: Value;
}

/** `match input(prompt=…):` with `case "Title":` arms → Choose from Menu (dialect §9.3). */
export function bindMatch(env: Env, statement: ast.MatchStatement, bindBody: BodyBinder): void {
  nested(env, statement.span, () => {
    const ctx = env.ctx;
    // A match without cases is not Python: the parser has reported it.
    if (statement.cases.length === 0) return;
    const heads = statement.cases.map((arm) => caseHead(env, arm));
    const start = menuStart(env, statement.subject, heads);
    if (start === undefined || heads.some((h) => h === undefined)) return;
    const startIndex = ctx.claimIndex();
    mapSpan(env, start, statement.span);
    const cases: MenuStatement['cases'][number][] = [];
    statement.cases.forEach((arm, i) => {
      const casePart = heads[i]!.part;
      ctx.claimIndex();
      mapSpan(env, casePart, arm.span);
      cases.push({ part: casePart, body: collectBody(env, () => bindBody(env, arm.body)) });
    });
    const endIndex = ctx.claimIndex();
    const block: MenuStatement = {
      kind: 'menu',
      groupingIdentifier: ctx.groupingIdentifier('menu', startIndex),
      start,
      cases,
      end: endPart(env, endIndex, MENU),
      ...startMode(env),
    };
    mapSpan(env, block, statement.span);
    env.body.push(block);
  });
}

/**
 * The menu's start: `input(prompt=P)` / `input()` gives `WFMenuPrompt` and
 * `WFMenuItems` derived from the case titles (which all must be titles);
 * `is_workflow_actions_choosefrommenu(Key=value, …)` gives the parameters as written.
 */
function menuStart(env: Env, subject: ast.Expression, heads: readonly (CaseHead | undefined)[]): ControlPart | undefined {
  const ctx = env.ctx;
  const explicit = explicitTest(env, subject, MENU);
  if (explicit === 'error') return undefined;
  if (explicit !== undefined) return explicit;
  if (subject.kind !== 'call' || calleeName(subject) !== 'input' || subject.args.length + subject.keywords.length > 1 || subject.keywords.some((k) => k.name !== 'prompt')) {
    ctx.report(D.badMatch, `a menu is written \`match input(prompt='''…'''):\`, not \`match\` on ${describeExpression(subject)}`, subject.span, "write match input(prompt='''Choose'''):, or compare the value with if/else");
    return undefined;
  }
  const parameters: Entry<Value>[] = [];
  const prompt = subject.keywords[0]?.value ?? subject.args[0];
  if (prompt !== undefined) {
    if (subject.args.length === 1) ctx.lenient(D.looseMenu, 'the menu prompt is given without `prompt=`', prompt.span, "write input(prompt='''…''')");
    const value = bindValue(env, prompt, slotFor(env, { identifier: MENU }, 'WFMenuPrompt'));
    if (value === undefined) return undefined;
    if (value !== OMIT) parameters.push({ key: 'WFMenuPrompt', value });
  }
  const items: Value[] = [];
  for (const head of heads) {
    if (head === undefined) continue;
    if (head.item === undefined) {
      ctx.report(D.badMatch, '`match input(…)` derives the menu items from the case titles, so every case must be a title; with an explicit case write the menu\'s start explicitly too', subject.span, 'write match is_workflow_actions_choosefrommenu(WFMenuItems=[…], …):');
      return undefined;
    }
    items.push(head.item);
  }
  parameters.push({ key: 'WFMenuItems', value: { kind: 'list', items } });
  return part(parameters.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
}

/**
 * A case: `case "Title":` (the case action holds `WFMenuItemTitle`), or
 * `case _ if is_workflow_actions_choosefrommenu(Key=value, …):` (its
 * parameters written out). Model code may write an f-string title with
 * variables: the item is `{WFItemType: 0, WFValue: text}` and the case holds
 * the title's text and `WFMenuItemAttributedTitle`, as the app writes them.
 */
function caseHead(env: Env, arm: ast.MatchCase): CaseHead | undefined {
  const ctx = env.ctx;
  const pattern = arm.pattern;
  if (arm.guard !== undefined) {
    const explicit = pattern.kind === 'name' && pattern.name === '_' ? explicitTest(env, arm.guard, MENU) : undefined;
    if (explicit === 'error') return undefined;
    if (explicit !== undefined) return { part: explicit };
    ctx.report(D.badMatch, 'a menu case cannot have a guard (`if …`) other than the explicit case form', arm.guard.span, 'test the condition with an if inside the case');
    return undefined;
  }
  if (pattern.kind === 'fstring' && hasInterpolation(pattern) && !ctx.canonical) {
    const text = bindText(env, pattern);
    return {
      part: part([
        { key: 'WFMenuItemAttributedTitle', value: attributedTitle(text) },
        { key: 'WFMenuItemTitle', value: { kind: 'string', value: displayTitle(text) } },
      ]),
      item: { kind: 'map', entries: [{ key: 'WFItemType', value: { kind: 'integer', value: 0n } }, { key: 'WFValue', value: text }] },
    };
  }
  const title = pattern.kind === 'string' || (!ctx.canonical && pattern.kind !== 'name') ? literalText(pattern) : undefined;
  if (title === undefined) {
    ctx.report(
      D.badMatch,
      pattern.kind === 'name' && pattern.name === '_' ? 'a menu has no default case (`case _:`): every item is a title' : `a menu case is a title string, not ${describeExpression(pattern)}`,
      pattern.span,
      'write case "Title":',
    );
    return undefined;
  }
  return { part: part([{ key: 'WFMenuItemTitle', value: { kind: 'string', value: title } }]), item: { kind: 'string', value: title } };
}

/** The title as the app shows it in `WFMenuItemTitle`: each variable by its name. */
function displayTitle(text: TextValue): string {
  return text.parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const s = p.source;
      return s.kind === 'variable' ? s.name : s.kind === 'actionOutput' ? (s.outputName ?? '') : '';
    })
    .join('');
}

/** `{string, attachmentsByRange}` without the serialization wrapper (WFMenuItemAttributedTitle). */
function attributedTitle(text: TextValue): Value {
  let string = '';
  const ranges: Entry<Value>[] = [];
  for (const p of text.parts) {
    if (typeof p === 'string') {
      string += p;
    } else {
      ranges.push({ key: `{${string.length}, 1}`, value: { kind: 'attachment', variable: p } });
      string += '\uFFFC';
    }
  }
  return {
    kind: 'map',
    entries: [
      { key: 'attachmentsByRange', value: { kind: 'map', entries: ranges } },
      { key: 'string', value: { kind: 'string', value: string } },
    ],
  };
}

/**
 * `for Repeat_Index, Repeat_Item in enumerate(x, start=1):` → Repeat with Each;
 * `for Repeat_Index in range(int(n)):` → Repeat n times (`...`: no input / count).
 * Canonical code ignores the loop names (they resolve by rule). Model code may
 * write `for item in x:`, `range(n)` and other names: they are bound to the
 * loop's Repeat Item / Repeat Index.
 */
export function bindFor(env: Env, statement: ast.ForStatement, bindBody: BodyBinder): void {
  nested(env, statement.span, () => {
    const ctx = env.ctx;
    if (statement.orelse !== undefined && statement.orelse.length > 0) {
      ctx.report(D.loopElse, 'a loop cannot have `else:` in a shortcut', statement.span, 'move the else body after the loop');
    }
    const level = env.repeatLevel + 1;
    const item = repeatVariable('item', level);
    const index = repeatVariable('index', level);
    const targets = statement.target.kind === 'tuple' ? statement.target.elements : [statement.target];
    const names = targets.map((t) => (t.kind === 'name' ? t.name : undefined));
    if (names.some((n) => n === undefined) || names.length > 2) {
      ctx.report(D.badLoop, 'the loop variables must be one or two names (`Repeat_Index, Repeat_Item`)', statement.target.span, `write for ${index.code}, ${item.code} in enumerate(x, start=1):`);
      return;
    }
    const [first, second] = names as string[];
    const range = rangeCount(statement.iterable);
    const each = range === undefined ? enumerateInput(statement.iterable) : undefined;
    const canonicalShape = range !== undefined ? range.conventional && names.length === 1 : each !== undefined && each.conventional && names.length === 2;
    if (!canonicalShape) {
      const fix = range !== undefined ? `write for ${index.code} in range(int(n)):` : `write for ${index.code}, ${item.code} in enumerate(x, start=1):`;
      if (range !== undefined && names.length !== 1) {
        ctx.report(D.badLoop, 'a Repeat n times loop has one variable, the index', statement.target.span, fix);
        return;
      }
      if (range === undefined && each === undefined && names.length === 2) {
        ctx.report(D.badLoop, 'two loop variables need `enumerate(x, start=1)`', statement.target.span, fix);
        return;
      }
      ctx.lenient(D.looseLoop, range !== undefined ? `read as Repeat n times with \`${first}\` as ${index.name}` : `read as Repeat with Each with ${names.length === 2 ? `\`${first}\` as ${index.name} and \`${second}\`` : `\`${first}\``} as ${item.name}`, statement.span, fix);
    }
    const bindings: (readonly [string, Binding])[] = [];
    if (!ctx.canonical) {
      if (range !== undefined) bindings.push([first!, { kind: 'variable', name: index.name }]);
      else if (names.length === 2) bindings.push([first!, { kind: 'variable', name: index.name }], [second!, { kind: 'variable', name: item.name }]);
      else bindings.push([first!, { kind: 'variable', name: item.name }]);
    }
    const identifier = range !== undefined ? REPEAT_COUNT : REPEAT_EACH;
    const key = range !== undefined ? 'WFRepeatCount' : 'WFInput';
    const operand = range?.count ?? each?.input ?? statement.iterable;
    const parameters: Entry<Value>[] = [];
    if (!isEllipsis(operand)) {
      const value = bindValue(env, operand, slotFor(env, { identifier }, key));
      if (value !== undefined && value !== OMIT) parameters.push({ key, value });
    }
    const startIndex = ctx.claimIndex();
    const start = part(parameters);
    mapSpan(env, start, statement.span);
    const body = loopBody(env, bindings, statement.body, bindBody);
    const endIndex = ctx.claimIndex();
    const block: RepeatCountStatement | RepeatEachStatement =
      range !== undefined
        ? { kind: 'repeatCount', groupingIdentifier: ctx.groupingIdentifier('repeatCount', startIndex), start, body, end: endPart(env, endIndex, REPEAT_COUNT), ...startMode(env) }
        : { kind: 'repeatEach', groupingIdentifier: ctx.groupingIdentifier('repeatEach', startIndex), start, body, end: endPart(env, endIndex, REPEAT_EACH), ...startMode(env) };
    mapSpan(env, block, statement.span);
    env.body.push(block);
  });
}

function loopBody(env: Env, bindings: readonly (readonly [string, Binding])[], body: readonly ast.Statement[], bindBody: BodyBinder): Statement[] {
  env.repeatLevel++;
  try {
    return env.names.scope.within(bindings, () => collectBody(env, () => bindBody(env, body)));
  } finally {
    env.repeatLevel--;
  }
}

/** `range(int(n))` (conventional) or `range(n)`: the count. */
function rangeCount(iterable: ast.Expression): { count: ast.Expression; conventional: boolean } | undefined {
  if (iterable.kind !== 'call' || calleeName(iterable) !== 'range' || iterable.args.length !== 1 || iterable.keywords.length > 0) return undefined;
  const argument = iterable.args[0]!;
  if (argument.kind === 'call' && calleeName(argument) === 'int' && argument.args.length === 1 && argument.keywords.length === 0) {
    return { count: argument.args[0]!, conventional: true };
  }
  return { count: argument, conventional: false };
}

/** `enumerate(x, start=1)` (conventional) or `enumerate(x)`: the input. */
function enumerateInput(iterable: ast.Expression): { input: ast.Expression; conventional: boolean } | undefined {
  if (iterable.kind !== 'call' || calleeName(iterable) !== 'enumerate' || iterable.args.length !== 1) return undefined;
  const start = iterable.keywords.find((k) => k.name === 'start');
  const conventional = iterable.keywords.length === 1 && start?.value.kind === 'number' && start.value.value === 1n;
  return { input: iterable.args[0]!, conventional };
}

export const BLOCK_IDENTIFIERS = { IF, MENU, REPEAT_COUNT, REPEAT_EACH } as const;
