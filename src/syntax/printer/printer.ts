/**
 * The printer: AST → code text, stable and valid Python 3.8+.
 *
 * Four spaces per block level, one statement per line. A statement that fits
 * in `lineWidth` is printed on one line; otherwise its outermost call, list,
 * dictionary, set or parenthesised tuple breaks one item per line (with a
 * trailing comma), and the items break the same way if they still do not fit:
 *
 *     result = is_workflow_actions_downloadurl(
 *         WFURL=f'''https://example.com/{item}''',
 *         WFHTTPMethod='POST',
 *     )
 *
 * This is prettier's group/indent/softline layout for the few shapes the
 * dialect has, written directly rather than with prettier's document builders
 * (so prettier is not a dependency): the decompiler prints whole corpora
 * within a budget of 2× bare plist parsing (`npm run bench -- decompile`),
 * and building then laying out a document per node would spend that budget
 * on a layout this small printer already gets right.
 *
 * Spelling decisions (see `grammars/syntax.md` §Printing): strings keep the
 * quote style of their node (raw only where a raw literal can hold the text);
 * inside f-string interpolations nested strings use a quote the enclosing
 * f-strings do not, as Python before 3.12 requires; numbers keep their
 * spelling; keyword names that are not identifiers are written
 * `**{'Show-text': True}`; parentheses are added wherever precedence needs
 * them; empty blocks get `pass`.
 */
import type {
  CallExpression,
  Expression,
  FStringLiteral,
  FStringPart,
  Keyword,
  Module,
  NumberLiteral,
  QuoteStyle,
  Statement,
} from '../ast.js';
import { escapeBody, nestedStyles, printBytesLiteral, printStringLiteral, quoteWithoutEscapes } from './strings.js';
import { PYTHON_KEYWORDS } from '../keywords.js';

export interface PrintOptions {
  /**
   * A statement longer than this breaks its calls, lists and dictionaries one
   * item per line. Default 100; `Infinity` keeps every statement on one line
   * (WorkflowLLM's own layout).
   */
  readonly lineWidth?: number;
}

const INDENT = '    ';

const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

/**
 * A Python identifier (not a keyword): what may stand before `=` in a call.
 * Python takes XID_Start/XID_Continue, which leave out the few ID characters
 * NFKC changes (U+037A, U+309B, U+FC5E…); requiring the NFKC form to be the
 * name itself keeps those out (and sends the rare others to `**{…}`).
 */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !PYTHON_KEYWORDS.has(name) && name.normalize('NFKC') === name;
}

// ─── Precedence ──────────────────────────────────────────────────────────────

const enum Prec {
  Tuple = 0,
  Or = 1,
  And = 2,
  Not = 3,
  Compare = 4,
  BitOr = 5,
  BitXor = 6,
  BitAnd = 7,
  Shift = 8,
  Arith = 9,
  Term = 10,
  Unary = 11,
  Power = 12,
  Primary = 13,
}

const BINARY_PREC: Readonly<Record<string, Prec>> = {
  '|': Prec.BitOr,
  '^': Prec.BitXor,
  '&': Prec.BitAnd,
  '<<': Prec.Shift,
  '>>': Prec.Shift,
  '+': Prec.Arith,
  '-': Prec.Arith,
  '*': Prec.Term,
  '/': Prec.Term,
  '//': Prec.Term,
  '%': Prec.Term,
  '@': Prec.Term,
  '**': Prec.Power,
};

function precedenceOf(e: Expression): Prec {
  switch (e.kind) {
    case 'tuple':
      return e.parenthesized || e.elements.length === 0 ? Prec.Primary : Prec.Tuple;
    case 'boolOp':
      return e.operator === 'or' ? Prec.Or : Prec.And;
    case 'unary':
      return e.operator === 'not' ? Prec.Not : Prec.Unary;
    case 'compare':
      return Prec.Compare;
    case 'binary':
      return BINARY_PREC[e.operator] ?? Prec.Arith;
    case 'starred':
      return Prec.Tuple;
    case 'bareText':
    case 'error':
      return Prec.Primary;
    case 'number':
      return Prec.Primary;
    default:
      return Prec.Primary;
  }
}

// ─── Flat expressions ────────────────────────────────────────────────────────

interface Context {
  /** Quote styles of the f-strings this expression is inside (innermost last). */
  readonly fstrings: readonly QuoteStyle[];
}

const TOP: Context = { fstrings: [] };

class Printer {
  private readonly flatCache = new Map<Expression, string>();
  /** Nested strings that had to use escapes or an enclosing quote (not valid before Python 3.12). */
  private fallbacks = 0;

  constructor(private readonly width: number) {}

  /** An element of a list, tuple, set or argument list: `*x` and `**x` stand there unparenthesised. */
  private element(e: Expression, ctx: Context): string {
    return e.kind === 'starred' ? this.flat(e, Prec.Tuple, ctx) : this.flat(e, Prec.Or, ctx);
  }

  /** The expression on one line, parenthesised to at least `min` precedence. */
  flat(e: Expression, min: Prec, ctx: Context): string {
    const text = ctx.fstrings.length === 0 ? this.flatCached(e) : this.flatText(e, ctx);
    return precedenceOf(e) < min ? `(${text})` : text;
  }

  private flatCached(e: Expression): string {
    let text = this.flatCache.get(e);
    if (text === undefined) {
      text = this.flatText(e, TOP);
      this.flatCache.set(e, text);
    }
    return text;
  }

  private flatText(e: Expression, ctx: Context): string {
    switch (e.kind) {
      case 'name':
        return e.name;
      case 'attribute': {
        const object = e.object.kind === 'number' ? `(${this.flat(e.object, Prec.Primary, ctx)})` : this.flat(e.object, Prec.Primary, ctx);
        return `${object}.${e.name}`;
      }
      case 'subscript':
        return `${this.flat(e.object, Prec.Primary, ctx)}[${this.flat(e.index, Prec.Tuple, ctx)}]`;
      case 'call':
        return `${this.flat(e.callee, Prec.Primary, ctx)}(${this.callItems(e, ctx).join(', ')})`;
      case 'string':
        return this.stringText(e.value, e.quote, e.raw === true, ctx);
      case 'bytes':
        return printBytesLiteral(e.value, e.quote);
      case 'fstring':
        return this.fstringText(e, ctx);
      case 'number':
        return numberText(e);
      case 'boolean':
        return e.value ? 'True' : 'False';
      case 'none':
        return 'None';
      case 'ellipsis':
        return '...';
      case 'list':
        return `[${e.elements.map((x) => this.element(x, ctx)).join(', ')}]`;
      case 'tuple': {
        const items = e.elements.map((x) => this.element(x, ctx));
        const body = items.length === 1 ? `${items[0]},` : items.join(', ');
        return e.parenthesized || items.length === 0 ? `(${body})` : body;
      }
      case 'dict':
        return `{${e.entries.map((entry) => `${this.flat(entry.key, Prec.Or, ctx)}: ${this.flat(entry.value, Prec.Or, ctx)}`).join(', ')}}`;
      case 'set':
        return e.elements.length === 0 ? 'set()' : `{${e.elements.map((x) => this.element(x, ctx)).join(', ')}}`;
      case 'compare': {
        let text = this.flat(e.left, Prec.BitOr, ctx);
        e.operators.forEach((op, i) => {
          text += ` ${op} ${this.flat(e.comparators[i] as Expression, Prec.BitOr, ctx)}`;
        });
        return text;
      }
      case 'unary':
        if (e.operator === 'not') return `not ${this.flat(e.operand, Prec.Not, ctx)}`;
        return `${e.operator}${this.flat(e.operand, Prec.Unary, ctx)}`;
      case 'binary': {
        const p = BINARY_PREC[e.operator] ?? Prec.Arith;
        if (e.operator === '**') return `${this.flat(e.left, Prec.Primary, ctx)} ** ${this.flat(e.right, Prec.Unary, ctx)}`;
        return `${this.flat(e.left, p, ctx)} ${e.operator} ${this.flat(e.right, p + 1, ctx)}`;
      }
      case 'boolOp': {
        const p = e.operator === 'or' ? Prec.Or : Prec.And;
        return e.values.map((v) => this.flat(v, p + 1, ctx)).join(` ${e.operator} `);
      }
      case 'starred':
        return `${e.double ? '**' : '*'}${this.flat(e.value, Prec.BitOr, ctx)}`;
      case 'bareText':
        return e.text;
      case 'error':
        return e.text;
    }
  }

  private callItems(e: CallExpression, ctx: Context): string[] {
    return [...e.args.map((a) => this.element(a, ctx)), ...e.keywords.map((k) => this.keywordText(k, ctx))];
  }

  private keywordText(k: Keyword, ctx: Context, value?: string): string {
    const v = value ?? this.flat(k.value, Prec.Or, ctx);
    if (isIdentifier(k.name)) return `${k.name}=${v}`;
    return `**{${this.stringText(k.name, "'", false, ctx)}: ${v}}`;
  }

  private stringText(value: string, quote: QuoteStyle, raw: boolean, ctx: Context): string {
    if (ctx.fstrings.length > 0) {
      const plain = quoteWithoutEscapes(value, quote, ctx.fstrings);
      // Text that needs escapes cannot be written inside braces before Python 3.12; write it as 3.12 would.
      if (plain !== undefined) return plain;
      this.fallbacks++;
      const style = nestedStyles(quote, ctx.fstrings)[0] ?? quote;
      return printStringLiteral(value, style, false);
    }
    return printStringLiteral(value, quote, raw);
  }

  /**
   * An outermost f-string whose nested strings cannot all be written without
   * escapes in its quote style is written in a triple-quoted style that lets
   * them (`f'{f"{x['k']}"}'` cannot exist before Python 3.12; `f'''{f"{x['k']}"}'''` can).
   */
  private fstringText(e: FStringLiteral, ctx: Context): string {
    if (ctx.fstrings.length > 0) return this.fstringIn(e, nestedStyles(e.quote, ctx.fstrings)[0] ?? e.quote, ctx);
    const before = this.fallbacks;
    const text = this.fstringIn(e, e.quote, ctx);
    if (this.fallbacks === before) return text;
    for (const style of e.quote.includes('"') ? (['"""', "'''"] as const) : (["'''", '"""'] as const)) {
      if (style === e.quote) continue;
      this.fallbacks = before;
      const upgraded = this.fstringIn(e, style, ctx);
      if (this.fallbacks === before) return upgraded;
    }
    this.fallbacks = before + 1;
    return text;
  }

  private fstringIn(e: FStringLiteral, style: QuoteStyle, ctx: Context): string {
    const inner: Context = { fstrings: [...ctx.fstrings, style] };
    const raw = e.raw === true && e.parts.every((p) => typeof p !== 'string' || rawFStringText(p, style));
    return `${raw ? 'rf' : 'f'}${style}${this.partsText(e.parts, style, raw, inner, ctx.fstrings.length > 0)}${style}`;
  }

  private partsText(parts: readonly FStringPart[], style: QuoteStyle, raw: boolean, inner: Context, nested: boolean): string {
    let out = '';
    for (const [i, part] of parts.entries()) {
      if (typeof part === 'string') {
        // Text followed by an interpolation does not meet the closing quotes: `'{x}` keeps its quote unescaped.
        out += raw ? part.replace(/[{}]/g, (b) => b + b) : escapeBody(part, style, true, i === parts.length - 1);
        continue;
      }
      let expression = this.flat(part.expression, Prec.Tuple, inner);
      // `{{` would read as an escaped brace; a lambda-free expression never needs more than a space.
      if (expression.startsWith('{')) expression = ` ${expression}`;
      if (expression.endsWith('}')) expression = `${expression} `;
      out += `{${expression}`;
      if (part.conversion !== undefined) out += `!${part.conversion}`;
      if (part.formatSpec !== undefined) out += `:${this.partsText(part.formatSpec, style, raw, inner, nested)}`;
      out += '}';
    }
    void nested;
    return out;
  }

  // ─── Layout ────────────────────────────────────────────────────────────────

  /**
   * The expression starting at `column` with `suffix` characters to follow it
   * on its last line: flat if it fits, else its brackets broken one item per line.
   */
  layout(e: Expression, min: Prec, indent: string, column: number, suffix: number): string {
    const flat = this.flat(e, min, TOP);
    if (this.fits(flat, column, suffix)) return flat;
    const broken = this.broken(e, indent);
    if (broken === undefined) return flat;
    return precedenceOf(e) < min ? `(${broken})` : broken;
  }

  private fits(text: string, column: number, suffix: number): boolean {
    if (text.includes('\n')) return false;
    return column + text.length + suffix <= this.width;
  }

  private broken(e: Expression, indent: string): string | undefined {
    const inner = indent + INDENT;
    const lines = (items: readonly string[], open: string, close: string): string =>
      `${open}\n${items.map((item) => `${inner}${item},\n`).join('')}${indent}${close}`;
    const item = (x: Expression, min: Prec, prefix = ''): string =>
      x.kind === 'starred' ? prefix + this.flat(x, Prec.Tuple, TOP) : prefix + this.layout(x, min, inner, inner.length + prefix.length, 1);
    switch (e.kind) {
      case 'call': {
        if (e.args.length + e.keywords.length === 0) return undefined;
        // Unquoted keyword text (model code) reads back only on the call's own line: keep such a call flat.
        if (e.keywords.some((k) => k.value.kind === 'bareText')) return undefined;
        const callee = this.flat(e.callee, Prec.Primary, TOP);
        const items = [
          ...e.args.map((a) => item(a, Prec.Or)),
          ...e.keywords.map((k) =>
            isIdentifier(k.name)
              ? item(k.value, Prec.Or, `${k.name}=`)
              : item(k.value, Prec.Or, `**{${printStringLiteral(k.name, "'", false)}: `) + '}',
          ),
        ];
        return lines(items, `${callee}(`, ')');
      }
      case 'list':
        if (e.elements.length === 0) return undefined;
        return lines(
          e.elements.map((x) => item(x, Prec.Or)),
          '[',
          ']',
        );
      case 'set':
        if (e.elements.length === 0) return undefined;
        return lines(
          e.elements.map((x) => item(x, Prec.Or)),
          '{',
          '}',
        );
      case 'dict':
        if (e.entries.length === 0) return undefined;
        return lines(
          e.entries.map((entry) => {
            const key = this.flat(entry.key, Prec.Or, TOP);
            return item(entry.value, Prec.Or, `${key}: `);
          }),
          '{',
          '}',
        );
      case 'tuple':
        if (!e.parenthesized || e.elements.length === 0) return undefined;
        return lines(
          e.elements.map((x) => item(x, Prec.Or)),
          '(',
          ')',
        );
      default:
        return undefined;
    }
  }

  // ─── Statements ────────────────────────────────────────────────────────────

  statements(body: readonly Statement[], indent: string, out: string[]): void {
    if (body.length === 0) {
      out.push(`${indent}pass`);
      return;
    }
    for (const s of body) this.statement(s, indent, out);
  }

  private comments(s: Statement, indent: string, out: string[]): void {
    for (const text of s.leadingComments ?? []) {
      for (const line of text.split(/\r\n|\r|\n/)) out.push(`${indent}#${line.trimEnd()}`);
    }
  }

  private statement(s: Statement, indent: string, out: string[]): void {
    this.comments(s, indent, out);
    const col = indent.length;
    switch (s.kind) {
      case 'assign': {
        let prefix = '';
        if (s.annotation !== undefined && s.targets.length === 1) {
          prefix = `${this.flat(s.targets[0] as Expression, Prec.Tuple, TOP)}: ${this.flat(s.annotation, Prec.Or, TOP)} = `;
        } else {
          for (const t of s.targets) prefix += `${this.flat(t, Prec.Tuple, TOP)} = `;
        }
        out.push(`${indent}${prefix}${this.layout(s.value, Prec.Tuple, indent, col + prefix.length, 0)}`);
        return;
      }
      case 'augAssign': {
        const prefix = `${this.flat(s.target, Prec.Primary, TOP)} ${s.operator}= `;
        out.push(`${indent}${prefix}${this.layout(s.value, Prec.Tuple, indent, col + prefix.length, 0)}`);
        return;
      }
      case 'expression':
        out.push(`${indent}${this.layout(s.expression, Prec.Tuple, indent, col, 0)}`);
        return;
      case 'pass':
        out.push(`${indent}pass`);
        return;
      case 'if': {
        out.push(`${indent}if ${this.layout(s.test, Prec.Or, indent, col + 3, 1)}:`);
        this.statements(s.body, indent + INDENT, out);
        for (const elif of s.elifs) {
          out.push(`${indent}elif ${this.layout(elif.test, Prec.Or, indent, col + 5, 1)}:`);
          this.statements(elif.body, indent + INDENT, out);
        }
        if (s.orelse !== undefined) {
          out.push(`${indent}else:`);
          this.statements(s.orelse, indent + INDENT, out);
        }
        return;
      }
      case 'while':
        out.push(`${indent}while ${this.layout(s.test, Prec.Or, indent, col + 6, 1)}:`);
        this.statements(s.body, indent + INDENT, out);
        if (s.orelse !== undefined) {
          out.push(`${indent}else:`);
          this.statements(s.orelse, indent + INDENT, out);
        }
        return;
      case 'for': {
        const target = this.flat(s.target, Prec.Tuple, TOP);
        const prefix = `for ${target} in `;
        out.push(`${indent}${prefix}${this.layout(s.iterable, Prec.Tuple, indent, col + prefix.length, 1)}:`);
        this.statements(s.body, indent + INDENT, out);
        if (s.orelse !== undefined) {
          out.push(`${indent}else:`);
          this.statements(s.orelse, indent + INDENT, out);
        }
        return;
      }
      case 'match': {
        out.push(`${indent}match ${this.layout(s.subject, Prec.Tuple, indent, col + 6, 1)}:`);
        const caseIndent = indent + INDENT;
        if (s.cases.length === 0) out.push(`${caseIndent}case _:`, `${caseIndent}${INDENT}pass`);
        for (const c of s.cases) {
          const guard = c.guard === undefined ? '' : ` if ${this.flat(c.guard, Prec.Or, TOP)}`;
          out.push(`${caseIndent}case ${this.flat(c.pattern, Prec.Tuple, TOP)}${guard}:`);
          this.statements(c.body, caseIndent + INDENT, out);
        }
        return;
      }
      case 'unsupported':
        if (s.body.length === 0 && s.header !== undefined && !s.header.trimEnd().endsWith(':')) {
          out.push(`${indent}${s.header}`);
          return;
        }
        out.push(`${indent}${s.header ?? `${s.keyword}:`}`);
        if (s.header === undefined || s.header.trimEnd().endsWith(':')) this.statements(s.body, indent + INDENT, out);
        return;
      case 'error':
        out.push(`${indent}${s.text}`);
        return;
    }
  }
}

function rawFStringText(text: string, style: QuoteStyle): boolean {
  const q = style[0] as string;
  if (text.includes('\r')) return false;
  if (style.length === 1 && (text.includes('\n') || text.includes(q))) return false;
  if (style.length === 3 && (text.includes(q + q + q) || text.endsWith(q))) return false;
  return (
    !/\\$/.test(text) &&
    ![...text].some(
      (ch) =>
        ch.length === 1 &&
        (ch.charCodeAt(0) < 0x20
          ? ch !== '\t' && ch !== '\n'
          : ch.charCodeAt(0) === 0x7f || (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff)),
    )
  );
}

const NUMBER_LITERAL =
  /^(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.(?:[eE][+-]?\d(?:_?\d)*)?|0[xX](?:_?[\da-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+)$/;

/**
 * The number as written (`text`) when that is a valid literal of the right
 * kind; otherwise the value in Python's spelling (`3.0` for a float, `inf`
 * and `nan` through `float(…)`).
 */
export function numberText(n: NumberLiteral): string {
  if (NUMBER_LITERAL.test(n.text) && isFloatText(n.text) === n.isFloat && !(!n.isFloat && /^0[0_]*[1-9]/.test(n.text))) return n.text;
  if (!n.isFloat && (typeof n.value === 'bigint' || Number.isInteger(n.value))) return BigInt(n.value).toString();
  const value = Number(n.value);
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "(-float('inf'))";
  const text = String(value);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

function isFloatText(text: string): boolean {
  if (/^0[xXoObB]/.test(text)) return false;
  return /[.eE]/.test(text);
}

export function printModuleText(module: Module, options: PrintOptions = {}): string {
  const printer = new Printer(options.lineWidth ?? 100);
  const out: string[] = [];
  for (const s of module.body) printer.statements([s], '', out);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

export function printExpressionText(e: Expression, options: PrintOptions = {}): string {
  return new Printer(options.lineWidth ?? 100).layout(e, Prec.Tuple, '', 0, 0);
}

export function printStatementsText(body: readonly Statement[], options: PrintOptions = {}): string {
  const printer = new Printer(options.lineWidth ?? 100);
  const out: string[] = [];
  printer.statements(body, '', out);
  return `${out.join('\n')}\n`;
}
