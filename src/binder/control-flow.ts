import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { ControlPart, Entry, IfStatement, MenuStatement, RepeatCountStatement, RepeatEachStatement, Statement, TextValue, Value } from '../ir/types.js';
import type * as ast from '../syntax/ast.js';
import { bindCondition } from './conditions.js';
import { MAX_BLOCK_DEPTH } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { collectBody, type Env } from './env.js';
import { repeatVariable, type Binding } from './scope.js';
import { calleeName, describeExpression, literalText } from './syntax.js';
import { bindText, hasInterpolation } from './text.js';
import { OMIT, bindValue, slotFor } from './values.js';

/** Binds a list of statements into `env.body` (provided by statements.ts, to avoid an import cycle at load). */
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

/** `if test:` / `elif` / `else:` → If / Otherwise / End If (elif: an If inside the Otherwise). */
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
  const condition = bindCondition(env, test) ?? [];
  const startIndex = ctx.claimIndex();
  const start = part(condition);
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
  ctx.claimIndex();
  const end = part();
  const block: IfStatement = {
    kind: 'if',
    groupingIdentifier: ctx.identity.groupingIdentifier('if', startIndex),
    start,
    then,
    ...(otherwise === undefined ? {} : { otherwise }),
    end,
  };
  mapSpan(env, block, span);
  env.body.push(block);
}

/** `match input(prompt=…):` with `case "Title":` arms → Choose from Menu. */
export function bindMatch(env: Env, statement: ast.MatchStatement, bindBody: BodyBinder): void {
  nested(env, statement.span, () => {
    const ctx = env.ctx;
    const startParameters = menuPrompt(env, statement.subject);
    if (startParameters === undefined) return;
    const titles: { title: Value; caseTitle: Entry<Value>[] }[] = [];
    for (const arm of statement.cases) {
      const title = caseTitle(env, arm);
      if (title !== undefined) titles.push(title);
      else titles.push({ title: { kind: 'string', value: '' }, caseTitle: [{ key: 'WFMenuItemTitle', value: { kind: 'string', value: '' } }] });
    }
    if (statement.cases.length === 0) {
      ctx.report(D.badMatch, 'a menu needs at least one `case "Title":`', statement.span, 'add the menu items as cases');
    }
    const items: Value = { kind: 'list', items: titles.map((t) => t.title) };
    const parameters: Entry<Value>[] = [...startParameters, { key: 'WFMenuItems', value: items }];
    parameters.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const startIndex = ctx.claimIndex();
    const start = part(parameters);
    mapSpan(env, start, statement.span);
    const cases: MenuStatement['cases'][number][] = [];
    statement.cases.forEach((arm, i) => {
      const casePart = part(titles[i]!.caseTitle);
      ctx.claimIndex();
      mapSpan(env, casePart, arm.span);
      cases.push({ part: casePart, body: collectBody(env, () => bindBody(env, arm.body)) });
    });
    ctx.claimIndex();
    const block: MenuStatement = {
      kind: 'menu',
      groupingIdentifier: ctx.identity.groupingIdentifier('menu', startIndex),
      start,
      cases,
      end: part(),
    };
    mapSpan(env, block, statement.span);
    env.body.push(block);
  });
}

/** The subject of a menu: `input()`, `input(prompt=…)` or `input(…)`; its prompt is `WFMenuPrompt`. */
function menuPrompt(env: Env, subject: ast.Expression): Entry<Value>[] | undefined {
  const ctx = env.ctx;
  if (subject.kind !== 'call' || calleeName(subject) !== 'input' || subject.args.length + subject.keywords.length > 1 || subject.keywords.some((k) => k.name !== 'prompt')) {
    ctx.report(D.badMatch, `a menu is written \`match input(prompt='…'):\`, not \`match\` on ${describeExpression(subject)}`, subject.span, "write match input(prompt='Choose'):, or compare the value with if/else");
    return undefined;
  }
  const prompt = subject.keywords[0]?.value ?? subject.args[0];
  if (prompt === undefined) return [];
  if (subject.args.length === 1) ctx.lenient(D.looseMenu, 'the menu prompt is given without `prompt=`', prompt.span, "write input(prompt='…')");
  const value = bindValue(env, prompt, slotFor(env, { identifier: MENU }, 'WFMenuPrompt'));
  if (value === undefined || value === OMIT) return value === OMIT ? [] : undefined;
  return [{ key: 'WFMenuPrompt', value }];
}

/**
 * A case's title: `WFMenuItems` gets the title (plain text as a string, text
 * with variables as `{WFItemType: 0, WFValue: text}`), the case action gets
 * `WFMenuItemTitle` (and `WFMenuItemAttributedTitle` when the title holds
 * variables, as the app writes it).
 */
function caseTitle(env: Env, arm: ast.MatchCase): { title: Value; caseTitle: Entry<Value>[] } | undefined {
  const ctx = env.ctx;
  if (arm.guard !== undefined) {
    ctx.report(D.badMatch, 'a menu case cannot have a guard (`if …`)', arm.guard.span, 'test the condition with an if inside the case');
  }
  const pattern = arm.pattern;
  if (pattern.kind === 'fstring' && hasInterpolation(pattern)) {
    const text = bindText(env, pattern);
    return {
      title: { kind: 'map', entries: [{ key: 'WFItemType', value: { kind: 'integer', value: 0n } }, { key: 'WFValue', value: text }] },
      caseTitle: [
        { key: 'WFMenuItemAttributedTitle', value: attributedTitle(text) },
        { key: 'WFMenuItemTitle', value: { kind: 'string', value: displayTitle(text) } },
      ],
    };
  }
  const title = literalText(pattern);
  if (title === undefined) {
    ctx.report(
      D.badMatch,
      pattern.kind === 'name' && pattern.name === '_' ? 'a menu has no default case (`case _:`): every item is a title' : `a menu case is a title string, not ${describeExpression(pattern)}`,
      pattern.span,
      'write case "Title":',
    );
    return undefined;
  }
  return { title: { kind: 'string', value: title }, caseTitle: [{ key: 'WFMenuItemTitle', value: { kind: 'string', value: title } }] };
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
 * `for Repeat_Index in range(int(n)):` → Repeat n times. Model code may also
 * write `for item in x:` and `range(n)`, with other loop names.
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
    const iterable = statement.iterable;
    const targets = statement.target.kind === 'tuple' ? statement.target.elements : [statement.target];
    const targetNames = targets.map((t) => (t.kind === 'name' ? t.name : undefined));
    if (targetNames.some((n) => n === undefined) || targetNames.length > 2) {
      ctx.report(D.badLoop, 'the loop variables must be one or two names (`Repeat_Index, Repeat_Item`)', statement.target.span, `write for ${index.code}, ${item.code} in enumerate(x, start=1):`);
      return;
    }
    const names = targetNames as string[];

    const range = rangeCount(iterable);
    if (range !== undefined) {
      if (names.length !== 1) {
        ctx.report(D.badLoop, 'a Repeat n times loop has one variable, the index', statement.target.span, `write for ${index.code} in range(n):`);
        return;
      }
      if (!range.conventional || names[0] !== index.code) {
        ctx.lenient(D.looseLoop, `read as Repeat ${'n'} times with \`${names[0]}\` as ${index.name}`, statement.span, `write for ${index.code} in range(int(n)):`);
      }
      const count = bindValue(env, range.count, slotFor(env, { identifier: REPEAT_COUNT }, 'WFRepeatCount'));
      const startIndex = ctx.claimIndex();
      const start = part(count === undefined || count === OMIT ? [] : [{ key: 'WFRepeatCount', value: count }]);
      mapSpan(env, start, statement.span);
      const body = loopBody(env, [[names[0]!, { kind: 'variable', name: index.name }]], statement.body, bindBody);
      ctx.claimIndex();
      const block: RepeatCountStatement = { kind: 'repeatCount', groupingIdentifier: ctx.identity.groupingIdentifier('repeatCount', startIndex), start, body, end: part() };
      mapSpan(env, block, statement.span);
      env.body.push(block);
      return;
    }

    const each = enumerateInput(iterable);
    let input = iterable;
    const bindings: (readonly [string, Binding])[] = [];
    if (each !== undefined) {
      input = each.input;
      if (names.length === 2) {
        bindings.push([names[0]!, { kind: 'variable', name: index.name }], [names[1]!, { kind: 'variable', name: item.name }]);
        if (!each.conventional || names[0] !== index.code || names[1] !== item.code) {
          ctx.lenient(D.looseLoop, `read as Repeat with Each, with \`${names[0]}\` as ${index.name} and \`${names[1]}\` as ${item.name}`, statement.span, `write for ${index.code}, ${item.code} in enumerate(x, start=1):`);
        }
      } else {
        bindings.push([names[0]!, { kind: 'variable', name: item.name }]);
        ctx.lenient(D.looseLoop, `\`enumerate\` gives (index, item) pairs; \`${names[0]}\` is read as ${item.name}`, statement.target.span, `write for ${index.code}, ${item.code} in enumerate(x, start=1):`);
      }
    } else {
      if (names.length !== 1) {
        ctx.report(D.badLoop, 'two loop variables need `enumerate(x, start=1)`', statement.target.span, `write for ${index.code}, ${item.code} in enumerate(x, start=1):`);
        return;
      }
      bindings.push([names[0]!, { kind: 'variable', name: item.name }]);
      ctx.lenient(D.looseLoop, `read as Repeat with Each over the items, with \`${names[0]}\` as ${item.name}`, statement.span, `write for ${index.code}, ${item.code} in enumerate(x, start=1):`);
    }
    const value = bindValue(env, input, slotFor(env, { identifier: REPEAT_EACH }, 'WFInput'));
    const startIndex = ctx.claimIndex();
    const start = part(value === undefined || value === OMIT ? [] : [{ key: 'WFInput', value }]);
    mapSpan(env, start, statement.span);
    const body = loopBody(env, bindings, statement.body, bindBody);
    ctx.claimIndex();
    const block: RepeatEachStatement = { kind: 'repeatEach', groupingIdentifier: ctx.identity.groupingIdentifier('repeatEach', startIndex), start, body, end: part() };
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
