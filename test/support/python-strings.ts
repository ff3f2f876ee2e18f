import { spawnSync } from 'node:child_process';
import { parseModule } from '../../src/parser/index.js';
import type { Expression, FStringPart } from '../../src/syntax/ast.js';

/**
 * How CPython reads a batch of programs: for each, whether `ast.parse`
 * accepts it and, if so, its string literals in source order (an f-string as
 * its literal text with `{}` for each interpolation, strings inside
 * interpolations listed after it). Undefined without python3 on PATH.
 */
export function pythonStrings(programs: readonly string[]): ({ ok: true; strings: string[] } | { ok: false })[] | undefined {
  const script = `
import ast, json, sys
def fstring(node):
    out = []
    for v in node.values:
        out.append(v.value if isinstance(v, ast.Constant) else '{}')
    return ''.join(out)
result = []
for src in json.load(sys.stdin):
    try:
        tree = ast.parse(src)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        result.append({'ok': False})
        continue
    found = []
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for v in node.values:
                inner.add(id(v))
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            inner.add(id(node.format_spec))
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in inner:
            found.append((node.lineno, node.col_offset, fstring(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inner:
            found.append((node.lineno, node.col_offset, node.value))
    found.sort(key=lambda f: (f[0], f[1]))
    result.append({'ok': True, 'strings': [f[2] for f in found]})
print(json.dumps(result))
`;
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(programs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error !== undefined || run.status !== 0) return undefined;
  return JSON.parse(run.stdout) as ({ ok: true; strings: string[] } | { ok: false })[];
}

/** The same list from this project's parser (strings and f-strings by their start, as CPython orders them). */
export function ourStrings(src: string): string[] {
  const found: { line: number; column: number; text: string }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
    const node = value as Expression;
    if (node.kind === 'string' || node.kind === 'fstring') {
      const at = node.span?.start;
      const text = node.kind === 'string' ? node.value : node.parts.map((p: FStringPart) => (typeof p === 'string' ? p : '{}')).join('');
      found.push({ line: at?.line ?? 0, column: at?.column ?? 0, text });
      if (node.kind === 'fstring') for (const p of node.parts) if (typeof p !== 'string') visit(p.expression);
      return;
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'span' && key !== 'nameSpan') visit(child);
  };
  visit(parseModule(src).module.body);
  return found.sort((a, b) => a.line - b.line || a.column - b.column).map((f) => f.text);
}
