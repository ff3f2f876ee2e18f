import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { lex } from '../../../src/parser/lexer.js';
import { parseModule } from '../../../src/parser/index.js';
import { Reporter } from '../../../src/parser/reporter.js';
import type { Token } from '../../../src/parser/tokens.js';
import type { Expression, Statement } from '../../../src/syntax/ast.js';

const SPAN_KEYS = new Set(['span', 'nameSpan', 'elseSpan']);

/** The value without source positions (what two parses of equivalent text share). */
export function withoutSpans<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withoutSpans(v)) as T;
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!SPAN_KEYS.has(k) && v !== undefined) out[k] = withoutSpans(v);
  return out as T;
}

export function tokens(src: string): {
  tokens: Token[];
  diagnostics: Diagnostic[];
  comments: { text: string; ownLine: boolean; at: string }[];
} {
  const reporter = new Reporter(1000);
  const result = lex(src, reporter, { maxTokens: 1_000_000, maxNesting: 100, maxIndent: 100 });
  const comments = result.comments.map((c, i) => ({
    text: c.text,
    ownLine: result.ownLine[i] === true,
    at: `${c.span?.start.line}:${c.span?.start.column}`,
  }));
  return { tokens: result.tokens, diagnostics: Reporter.merge(1000, reporter), comments };
}

/** `Name:x Assign:= …` — the token stream as compact text. */
export function tokenText(src: string): string {
  return tokens(src)
    .tokens.map((t) => `${t.tokenType.name}:${t.image}`)
    .join(' ');
}

export function parse(src: string): { body: Statement[]; diagnostics: Diagnostic[]; codes: string[] } {
  const r = parseModule(src);
  return { body: withoutSpans(r.module.body) as Statement[], diagnostics: r.diagnostics, codes: r.diagnostics.map((d) => d.code) };
}

/** The expression of a one-expression program, without spans. */
export function expr(src: string): Expression {
  const { body, diagnostics } = parse(src);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`unexpected errors: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const s = body[0];
  if (body.length !== 1 || s === undefined || s.kind !== 'expression') throw new Error(`not one expression: ${JSON.stringify(body)}`);
  return s.expression;
}

export function errorCodes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

/** `line:column` of each diagnostic, for position assertions. */
export function where(d: Diagnostic): string {
  const loc = d.location;
  return loc?.kind === 'source' ? `${loc.span.start.line}:${loc.span.start.column}` : '?';
}

export const name = (n: string): Expression => ({ kind: 'name', name: n });
export const str = (value: string, quote: "'" | '"' | "'''" | '"""' = "'"): Expression => ({ kind: 'string', value, quote });
export const int = (text: string): Expression => ({ kind: 'number', text, isFloat: false, value: BigInt(text.replace(/_/g, '')) });
