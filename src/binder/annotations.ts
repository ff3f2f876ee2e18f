import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { Expression, FStringPart, Statement } from '../syntax/ast.js';
import type { BindContext } from './context.js';
import { binderDiagnostics as D } from './diagnostics.js';

/**
 * Model code only: the comment lines WorkflowLLM's annotator put inside
 * multi-line strings.
 *
 * The WorkflowBench samples are annotated line by line: above every line of
 * code the annotator wrote a `# …` line explaining it, and it did so inside
 * multi-line strings too, so a text `a\nb\nc` reads
 * `'''a\n# Adds b.\nb\n# Adds c.\nc'''`. Python (and the parser) take those
 * lines as part of the text; the shortcut never had them. They are removed
 * where the annotator's signature is unmistakable, and nowhere else:
 *
 * 1. the file is annotated: at least half of its statements have comment
 *    lines above them;
 * 2. the string spans lines, and its lines after the first alternate
 *    comment / text: every odd one (1st, 3rd, …) starts with `#` after
 *    optional indentation, and there is an even number of them, so each
 *    comment line has the text line it describes below it.
 *
 * Then exactly the odd lines are removed (a text line that itself starts
 * with `#`, such as a Markdown heading, sits at an even position and stays),
 * with one warning per string (SC5513). The parse itself is untouched: this
 * is the model-code reading of the text, as `grammars/model-code.md` says.
 */
export function removeAnnotationLines(ctx: BindContext, body: readonly Statement[]): readonly Statement[] {
  if (!isAnnotated(body)) return body;
  return rewrite(ctx, body, 0) as readonly Statement[];
}

/** Nodes deeper than this are left as they are (the parser already bounds trees far below it). */
const MAX_DEPTH = 2000;

function isAnnotated(body: readonly Statement[]): boolean {
  let total = 0;
  let annotated = 0;
  const stack: (readonly Statement[])[] = [body];
  while (stack.length > 0) {
    for (const statement of stack.pop() as readonly Statement[]) {
      total++;
      if (statement.leadingComments !== undefined && statement.leadingComments.length > 0) annotated++;
      for (const block of blocksOf(statement)) stack.push(block);
    }
  }
  return total > 0 && annotated * 2 >= total;
}

function blocksOf(statement: Statement): (readonly Statement[])[] {
  switch (statement.kind) {
    case 'if':
      return [statement.body, ...statement.elifs.map((e) => e.body), ...(statement.orelse === undefined ? [] : [statement.orelse])];
    case 'for':
    case 'while':
      return [statement.body, ...(statement.orelse === undefined ? [] : [statement.orelse])];
    case 'match':
      return statement.cases.map((c) => c.body);
    case 'unsupported':
      return [statement.body];
    default:
      return [];
  }
}

const SPAN_KEYS = new Set(['span', 'nameSpan', 'elseSpan']);

/** Copy-on-write walk: only the nodes on the way to a changed string are copied. */
function rewrite(ctx: BindContext, value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const changed = rewrite(ctx, item, depth + 1);
      if (changed !== item) (out ??= value.slice())[i] = changed;
    }
    return out ?? value;
  }
  const node = value as { readonly kind?: string; readonly span?: SourceSpan; readonly body?: unknown };
  // A node on one line holds no multi-line string: most statements are skipped here. (Not a clause
  // such as `case`, whose span is its header line while its body follows.)
  if (node.span !== undefined && node.body === undefined && node.span.start.line === node.span.end.line) return value;
  if (node.kind === 'string' || node.kind === 'fstring') return stripString(ctx, node as Extract<Expression, { kind: 'string' | 'fstring' }>);
  let out: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  // `for…in` over own keys (AST nodes are plain objects): no entry arrays to collect on every node.
  for (const key in record) {
    const child = record[key];
    if (child === null || typeof child !== 'object' || SPAN_KEYS.has(key)) continue;
    const changed = rewrite(ctx, child, depth + 1);
    if (changed !== child) (out ??= { ...record })[key] = changed;
  }
  return out ?? value;
}

type Line = FStringPart[];

function stripString(ctx: BindContext, node: Extract<Expression, { kind: 'string' | 'fstring' }>): Expression {
  const where = node.span;
  if (where === undefined || where.start.line === where.end.line) return node;
  const lines = splitLines(node.kind === 'string' ? [node.value] : node.parts);
  const continuation = lines.length - 1;
  if (continuation < 2 || continuation % 2 !== 0) return node;
  for (let i = 1; i < lines.length; i += 2) if (!isCommentLine(lines[i] as Line)) return node;
  const kept: Line[] = lines.filter((_, i) => i === 0 || i % 2 === 0);
  const parts = joinLines(kept);
  report(ctx, continuation / 2, where);
  if (node.kind === 'string') return { ...node, value: parts.map((p) => p as string).join('') };
  return { ...node, parts };
}

function report(ctx: BindContext, count: number, where: SourceSpan): void {
  ctx.report(
    D.annotationLines,
    `${count} '#' line${count === 1 ? '' : 's'} inside this text ${count === 1 ? 'is' : 'are'} WorkflowLLM's annotation (one above each line of the text), not text: removed`,
    where,
    "remove the '#' lines from inside the string",
  );
}

/** Parts split at line breaks inside literal text; an interpolation stays on its line. */
function splitLines(parts: readonly FStringPart[]): Line[] {
  const lines: Line[] = [[]];
  for (const part of parts) {
    if (typeof part !== 'string') {
      (lines[lines.length - 1] as Line).push(part);
      continue;
    }
    const pieces = part.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') (lines[lines.length - 1] as Line).push(piece);
    });
  }
  return lines;
}

function joinLines(lines: readonly Line[]): FStringPart[] {
  const out: FStringPart[] = [];
  lines.forEach((line, i) => {
    if (i > 0) append(out, '\n');
    for (const part of line) append(out, part);
  });
  return out;
}

function append(out: FStringPart[], part: FStringPart): void {
  const last = out[out.length - 1];
  if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
  else out.push(part);
}

function isCommentLine(line: Line): boolean {
  const first = line[0];
  return typeof first === 'string' && /^[ \t]*#/.test(first);
}
