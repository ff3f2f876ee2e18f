import type { Catalog } from '../catalog/catalog.js';
import { coreCatalog } from '../catalog/load.js';
import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type * as ast from '../syntax/ast.js';
import { lookupActionName } from './actions.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';
import { blockStatementIdentifier, formOf, isAppendCall } from './forms.js';
import { outputNameFromIdentifier } from '../syntax/output-names.js';
import { calleeName, literalText } from './syntax.js';

/** What a name bound to an action's output stands for: the UUID, and the OutputName references carry. */
export interface OutputDecl {
  readonly uuid: string;
  /** Absent: references carry no `OutputName` key. */
  readonly outputName?: string;
  readonly span?: SourceSpan;
}

/**
 * Every output binding in the file, found before binding starts, so that a
 * name can be resolved before the assignment that binds it: canonical code
 * resolves names file-wide (dialect §4.3); model code uses it for outputs
 * read inside a loop before the action that produces them runs.
 *
 * Also every name a Set/Append Variable assigns (model code: such a name used
 * before its assignment is that variable, e.g. from the previous iteration).
 */
export class FileNames {
  private readonly outputs = new Map<string, OutputDecl[]>();
  private readonly bound = new Map<string, number>();
  readonly variables = new Set<string>();

  declare(name: string, decl: OutputDecl): void {
    const list = this.outputs.get(name);
    if (list === undefined) this.outputs.set(name, [decl]);
    else list.push(decl);
  }

  /** The first binding of `name` (canonical: the only one). */
  first(name: string): OutputDecl | undefined {
    return this.outputs.get(name)?.[0];
  }

  /** The binding the next assignment to `name` makes, without consuming it (model code's forward uses). */
  upcoming(name: string): OutputDecl | undefined {
    return this.outputs.get(name)?.[this.bound.get(name) ?? 0];
  }

  /** The binding an assignment to `name` makes now (model code: in file order). */
  take(name: string): OutputDecl | undefined {
    const n = this.bound.get(name) ?? 0;
    this.bound.set(name, n + 1);
    return this.outputs.get(name)?.[n];
  }

  isOutput(name: string): boolean {
    return this.outputs.has(name);
  }

  private normalized: Map<string, string[]> | undefined;

  /** Every name the file binds (outputs and variables). */
  allNames(): string[] {
    return [...this.outputs.keys(), ...this.variables];
  }

  /** Names the file binds that differ from `name` only in case and underscores (`userId` for `user_id`). */
  sameWords(name: string): string[] {
    if (this.normalized === undefined) {
      this.normalized = new Map();
      for (const bound of this.allNames()) {
        const key = wordKey(bound);
        const list = this.normalized.get(key);
        if (list === undefined) this.normalized.set(key, [bound]);
        else if (!list.includes(bound)) list.push(bound);
      }
    }
    return (this.normalized.get(wordKey(name)) ?? []).filter((n) => n !== name);
  }
}

function wordKey(name: string): string {
  return name.toLowerCase().replaceAll('_', '');
}

let core: Catalog | undefined | null;

/** The built-in core catalog, which alone decides canonical code's derived OutputNames (dialect §1.2, §5.2). */
export function coreOutputName(identifier: string): string | undefined {
  if (core === undefined) {
    const loaded = coreCatalog();
    core = loaded.ok ? loaded.value : null;
  }
  return core?.byIdentifier(identifier)?.output?.name;
}

const SUGAR_IDENTIFIERS: Readonly<Partial<Record<ReturnType<typeof formOf>, string>>> = {
  ask: 'is.workflow.actions.ask',
  append: 'is.workflow.actions.appendvariable',
  text: 'is.workflow.actions.gettext',
  dictionary: 'is.workflow.actions.dictionary',
  getValue: 'is.workflow.actions.getvalueforkey',
  number: 'is.workflow.actions.number',
  list: 'is.workflow.actions.list',
};

/** Scans the file (iteratively: hostile nesting cannot exhaust the stack). */
export function scanNames(ctx: BindContext, body: readonly ast.Statement[]): FileNames {
  const names = new FileNames();
  const occurrences = new Map<string, number>();
  // Depth-first in file order: a stack of (statements, next index).
  const stack: { statements: readonly ast.Statement[]; next: number }[] = [{ statements: body, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.statements.length) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const statement = frame.statements[index]!;
    const children: (readonly ast.Statement[])[] = [];
    switch (statement.kind) {
      case 'assign':
        noteAssignment(ctx, names, occurrences, statement, frame.statements[index - 1]);
        break;
      case 'augAssign':
        if (statement.target.kind === 'name') names.variables.add(statement.target.name);
        break;
      case 'expression':
        if (isAppendCall(statement.expression)) names.variables.add(statement.expression.callee.object.name);
        break;
      case 'if':
        children.push(statement.body, ...statement.elifs.map((e) => e.body));
        if (statement.orelse !== undefined) children.push(statement.orelse);
        break;
      case 'match':
        for (const arm of statement.cases) children.push(arm.body);
        break;
      case 'for':
      case 'while':
      case 'unsupported':
        children.push(statement.body);
        break;
      default:
        break;
    }
    // Pushed in reverse so the first child body is scanned first.
    for (let i = children.length - 1; i >= 0; i--) stack.push({ statements: children[i]!, next: 0 });
  }
  return names;
}

function noteAssignment(
  ctx: BindContext,
  names: FileNames,
  occurrences: Map<string, number>,
  statement: ast.AssignStatement,
  previous: ast.Statement | undefined,
): void {
  const target = statement.targets.length === 1 ? statement.targets[0] : undefined;
  if (target?.kind !== 'name') return;
  const value = statement.value;
  const form = formOf(value, ctx.mode);
  if (form === 'append' && isAppendCall(value)) names.variables.add(value.callee.object.name);
  if (form === 'setVariable') {
    names.variables.add(target.name);
    return;
  }
  if (form === 'invalid' || form === 'raw') return;
  let identifier: string | undefined;
  let customOutputName: string | undefined;
  if (form === 'blockOutput') {
    identifier = previous === undefined ? undefined : blockStatementIdentifier(previous);
    // `x = _(CustomOutputName='…')`: the End's own name (dialect §9.6).
    if (value.kind === 'call') customOutputName = customOutputNameOf(value);
  } else if (form === 'action') {
    const call = value as ast.CallExpression;
    const name = calleeName(call);
    identifier = name === undefined ? undefined : lookupActionName(ctx, name)?.identifier;
    customOutputName = customOutputNameOf(call);
  } else {
    identifier = SUGAR_IDENTIFIERS[form];
    if (form === 'ask') customOutputName = customOutputNameOf(value as ast.CallExpression);
  }
  const occurrence = occurrences.get(target.name) ?? 0;
  occurrences.set(target.name, occurrence + 1);
  if (ctx.canonical && occurrence > 0) {
    ctx.report(D.duplicateOutput, `\`${target.name}\` is bound to a second action; in canonical code each output name binds one action`, target.span, `rename this output (e.g. ${target.name}_${occurrence + 1})`);
  }
  const outputName = outputNameFor(ctx, statement, identifier, customOutputName, target.name);
  const literal = form === 'action' ? literalUuidOf(value as ast.CallExpression) : undefined;
  names.declare(target.name, {
    uuid: literal ?? ctx.outputUuid(target.name, occurrence),
    ...(outputName === undefined ? {} : { outputName }),
    ...(target.span === undefined ? {} : { span: target.span }),
  });
}

/** `UUID='…'`: a literal UUID (dialect §5.1). */
export function literalUuidOf(call: ast.CallExpression): string | undefined {
  const keyword = call.keywords.find((k) => k.name === 'UUID');
  return keyword?.value.kind === 'string' ? keyword.value.value : undefined;
}

function customOutputNameOf(call: ast.CallExpression): string | undefined {
  const keyword = call.keywords.find((k) => k.name === 'CustomOutputName');
  return keyword === undefined || keyword.value.kind === 'fstring' ? undefined : literalText(keyword.value);
}

/**
 * The OutputName references to this output carry. Canonical (dialect §5.2):
 * the annotation (`None`: no key), else the action's CustomOutputName, else
 * the core catalog's output name, else the name made from the identifier
 * (`battery_level` → "Battery Level"). Model code: the annotation, the
 * CustomOutputName, the catalog's output name or action name, else the name
 * in code.
 */
function outputNameFor(ctx: BindContext, statement: ast.AssignStatement, identifier: string | undefined, custom: string | undefined, codeName: string): string | undefined {
  const annotation = statement.annotation;
  if (annotation !== undefined) {
    if (annotation.kind === 'string') return annotation.value;
    if (annotation.kind === 'none' && ctx.canonical) return undefined;
  }
  if (custom !== undefined) return custom;
  if (ctx.canonical) return (identifier === undefined ? undefined : coreOutputName(identifier)) ?? outputNameFromIdentifier(codeName);
  const entry = identifier === undefined ? undefined : ctx.catalog?.byIdentifier(identifier);
  return entry?.output?.name ?? entry?.name ?? (identifier === undefined ? undefined : coreOutputName(identifier)) ?? codeName;
}
