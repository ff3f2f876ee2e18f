import type { Expression, FStringPart, Keyword, Module, QuoteStyle, Statement } from '../../src/syntax/ast.js';

/**
 * A minimal AST → text rendering for the emitter's tests, standing in until
 * the real printer (src/syntax/printer, branch `parser`) is merged: one line
 * per statement, no line breaking, escapes by Python's rules. Not shipped.
 */
export function renderModule(module: Module): string {
  const lines: string[] = [];
  for (const s of module.body) statement(s, 0, lines);
  return lines.map((l) => `${l}\n`).join('');
}

function statement(s: Statement, level: number, out: string[]): void {
  const pad = '    '.repeat(level);
  const block = (body: readonly Statement[]): void => body.forEach((b) => statement(b, level + 1, out));
  switch (s.kind) {
    case 'assign':
      out.push(`${pad}${s.targets.map(expr).join(' = ')}${s.annotation === undefined ? '' : `: ${expr(s.annotation)}`} = ${expr(s.value)}`);
      return;
    case 'expression':
      out.push(pad + expr(s.expression));
      return;
    case 'pass':
      out.push(`${pad}pass`);
      return;
    case 'if':
      out.push(`${pad}if ${expr(s.test)}:`);
      block(s.body);
      if (s.orelse !== undefined) {
        out.push(`${pad}else:`);
        block(s.orelse);
      }
      return;
    case 'for':
      out.push(`${pad}for ${expr(s.target)} in ${expr(s.iterable)}:`);
      block(s.body);
      return;
    case 'match':
      out.push(`${pad}match ${expr(s.subject)}:`);
      for (const c of s.cases) {
        out.push(`${pad}    case ${expr(c.pattern)}${c.guard === undefined ? '' : ` if ${expr(c.guard)}`}:`);
        c.body.forEach((b) => statement(b, level + 2, out));
      }
      return;
    default:
      throw new Error(`render: statement ${s.kind} is not emitted`);
  }
}

const KEYWORDS = new Set('False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '));
const isName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !KEYWORDS.has(s);

function keyword(k: Keyword): string {
  return isName(k.name) ? `${k.name}=${expr(k.value)}` : `**{${quote(k.name, "'", false)}: ${expr(k.value)}}`;
}

function operand(e: Expression): string {
  return e.kind === 'compare' || e.kind === 'boolOp' || (e.kind === 'unary' && e.operator === 'not') ? `(${expr(e)})` : expr(e);
}

function expr(e: Expression): string {
  switch (e.kind) {
    case 'name':
      return e.name;
    case 'attribute':
      return `${e.object.kind === 'number' || e.object.kind === 'unary' ? `(${expr(e.object)})` : expr(e.object)}.${e.name}`;
    case 'subscript':
      return `${e.object.kind === 'unary' ? `(${expr(e.object)})` : expr(e.object)}[${expr(e.index)}]`;
    case 'call':
      return `${expr(e.callee)}(${[...e.args.map(expr), ...e.keywords.map(keyword)].join(', ')})`;
    case 'string':
      return quote(e.value, e.quote, false);
    case 'fstring':
      return `f${e.quote}${e.parts.map((p) => fpart(p, e.quote)).join('')}${e.quote}`;
    case 'bytes':
      return `b'${[...e.value].map(byte).join('')}'`;
    case 'number':
      return e.text;
    case 'boolean':
      return e.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'ellipsis':
      return '...';
    case 'list':
      return `[${e.elements.map(expr).join(', ')}]`;
    case 'tuple':
      return e.parenthesized ? `(${e.elements.map(expr).join(', ')}${e.elements.length === 1 ? ',' : ''})` : e.elements.map(expr).join(', ');
    case 'dict':
      return `{${e.entries.map((x) => `${expr(x.key)}: ${expr(x.value)}`).join(', ')}}`;
    case 'compare':
      return [operand(e.left), ...e.operators.map((op, i) => `${op} ${operand(e.comparators[i]!)}`)].join(' ');
    case 'unary':
      return e.operator === 'not' ? `not ${operand(e.operand)}` : `${e.operator}${operand(e.operand)}`;
    default:
      throw new Error(`render: expression ${e.kind} is not emitted`);
  }
}

function fpart(p: FStringPart, q: QuoteStyle): string {
  if (typeof p === 'string') return escape(p, q, true);
  // A dictionary display would open with `{{`; the emitter never interpolates one.
  return `{${expr(p.expression)}}`;
}

function quote(value: string, q: QuoteStyle, inF: boolean): string {
  return `${q}${escape(value, q, inF)}${q}`;
}

function escape(value: string, q: QuoteStyle, inF: boolean): string {
  const c = q[0]!;
  const triple = q.length === 3;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const code = value.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === c) out += `\\${c}`;
    else if (ch === '\n') out += triple ? '\n' : '\\n';
    else if (ch === '\r') out += '\\r';
    else if (inF && (ch === '{' || ch === '}')) out += ch + ch;
    else if (code >= 0xd800 && code <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += ch + value[i + 1]!;
      i++;
    } else if ((code < 0x20 && code !== 0x09) || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

function byte(b: number): string {
  if (b === 0x5c) return '\\\\';
  if (b === 0x27) return "\\'";
  if (b >= 0x20 && b < 0x7f) return String.fromCharCode(b);
  return `\\x${b.toString(16).padStart(2, '0')}`;
}
