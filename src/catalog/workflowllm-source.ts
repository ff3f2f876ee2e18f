import type { CatalogValue } from './schema.js';

/**
 * Reads the Python "documentation function" WorkflowLLM stores per action in
 * `identifier2python.pkl`:
 *
 *     class Playbacksortdirectionenum:        (app intents: enums and entities)
 *         oldest = 0
 *     def app_surfed_app_ListenCollectionIntent(
 *         collection: CollectionEntity,
 *         sortDirection: int = PlaybackSortDirectionEnum.oldest
 *     ) -> None:
 *         """
 *     Listen article                           (title; empty for built-ins)
 *
 *     Listen all articles of selected tag or collection
 *     Key Words: …
 *     …
 *
 * The text is generated, not valid Python: string defaults are not escaped
 * (a JavaScript default holds quotes, commas and newlines). So parameters are
 * found by the names WorkflowLLM's JSON entry gives, never by a Python parser,
 * and what cannot be read is left out rather than guessed.
 */

export interface SourceParameter {
  readonly name: string;
  readonly type?: string;
  /** The default exactly as written after ` = ` (bounded length). */
  readonly defaultText?: string;
}

export interface PythonSourceInfo {
  readonly functionName?: string;
  readonly parameters: ReadonlyMap<string, SourceParameter>;
  readonly returnType?: string;
  readonly title?: string;
  readonly keywords: readonly string[];
  /** Enumeration classes: lower-cased class name → members (`oldest = 0`). */
  readonly enums: ReadonlyMap<string, readonly { readonly name: string; readonly code: number }[]>;
}

const MAX_DEFAULT_TEXT = 4000;

export function readPythonSource(source: string, parameterNames: readonly string[]): PythonSourceInfo | undefined {
  const def = /(?:^|\n)def ([^\s(]+)\(\n?/.exec(source);
  if (def === null) return undefined;
  const bodyStart = def.index + def[0].length;
  const close = /\n\)\s*->\s*([^\n]*?):[ \t]*\n/g;
  close.lastIndex = bodyStart;
  const end = close.exec(source);
  if (end === null) return undefined;
  const body = source.slice(bodyStart, end.index);
  const returnType = (end[1] ?? '').trim();

  const parameters = new Map<string, SourceParameter>();
  const known = new Set(parameterNames);
  const headers: { name: string; start: number; valueStart: number }[] = [];
  const header = /(?:^|\n)[ \t]+([^\s:(),]+): /g;
  for (let m = header.exec(body); m !== null; m = header.exec(body)) {
    const name = m[1] as string;
    if (known.has(name) && !headers.some((h) => h.name === name)) headers.push({ name, start: m.index, valueStart: m.index + m[0].length });
  }
  headers.forEach((h, i) => {
    const next = headers[i + 1];
    let text = body.slice(h.valueStart, next === undefined ? body.length : next.start).replace(/\s+$/, '');
    if (next !== undefined && text.endsWith(',')) text = text.slice(0, -1);
    const eq = text.indexOf(' = ');
    const type = (eq < 0 ? text : text.slice(0, eq)).trim();
    const param: { name: string; type?: string; defaultText?: string } = { name: h.name };
    if (type !== '' && !type.includes('\n')) param.type = type;
    if (eq >= 0) param.defaultText = text.slice(eq + 3, eq + 3 + MAX_DEFAULT_TEXT);
    parameters.set(h.name, param);
  });

  const doc = source.slice(end.index + end[0].length);
  const docStart = doc.indexOf('"""');
  const docText = docStart < 0 ? '' : doc.slice(docStart + 3);
  const firstLine = /^\n([^\n]*)\n/.exec(docText);
  const title = firstLine?.[1]?.trim();
  const keywordLine = /\nKey Words: ([^\n]*)/.exec(docText);
  const keywords = keywordLine === null ? [] : (keywordLine[1] ?? '').split(',').map((k) => k.trim()).filter((k) => k.length > 0);

  const info: { -readonly [K in keyof PythonSourceInfo]: PythonSourceInfo[K] } = {
    functionName: def[1] as string,
    parameters,
    keywords,
    enums: readEnumClasses(source.slice(0, def.index)),
  };
  if (returnType !== '') info.returnType = returnType;
  if (title !== undefined && title !== '') info.title = title;
  return info;
}

/** `class Name:` blocks whose members are `name = <int>` (entity classes, with `name: type` members, are skipped). */
function readEnumClasses(prelude: string): Map<string, { name: string; code: number }[]> {
  const enums = new Map<string, { name: string; code: number }[]>();
  const blocks = prelude.split(/\n(?=class )/);
  for (const block of blocks) {
    const head = /^\s*class ([^\s:(]+)\s*:/.exec(block);
    if (head === null) continue;
    const members: { name: string; code: number }[] = [];
    for (const m of block.matchAll(/\n[ \t]+([^\s=:]+) = (-?\d{1,15})[ \t]*(?=\n|$)/g)) {
      members.push({ name: m[1] as string, code: Number(m[2]) });
    }
    if (members.length > 0) enums.set((head[1] as string).toLowerCase(), members);
  }
  return enums;
}

/**
 * The value a WorkflowLLM default spells, when it spells one plainly:
 * a quoted string, a number, True/False/None, a list or dict literal of
 * those, or `EnumClass.member` (→ the member's name). Else undefined.
 */
export function parseDefaultText(text: string): CatalogValue | undefined {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"') && !t.slice(1, -1).includes('"')) return t.slice(1, -1);
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (t === 'None') return null;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const member = /^[A-Za-z_][\w]*\.([A-Za-z_0-9][\w]*)$/.exec(t);
  if (member !== null) return member[1] as string;
  if (t.startsWith('[') || t.startsWith('{')) return parseLiteral(t);
  return undefined;
}

/** A tiny reader for Python list/dict literals of strings, numbers and booleans (depth-bounded). */
function parseLiteral(text: string): CatalogValue | undefined {
  let pos = 0;
  const MAX_DEPTH = 16;
  const ws = (): void => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  };
  const value = (depth: number): CatalogValue | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    ws();
    const c = text[pos];
    if (c === '[' || c === '{') {
      const close = c === '[' ? ']' : '}';
      pos++;
      const list: CatalogValue[] = [];
      const dict: Record<string, CatalogValue> = Object.create(null) as Record<string, CatalogValue>;
      ws();
      while (text[pos] !== close) {
        const item = value(depth + 1);
        if (item === undefined) return undefined;
        if (c === '{') {
          ws();
          if (text[pos] !== ':' || typeof item !== 'string') return undefined;
          pos++;
          const v = value(depth + 1);
          if (v === undefined) return undefined;
          dict[item] = v;
        } else {
          list.push(item);
        }
        ws();
        if (text[pos] === ',') {
          pos++;
          ws();
        } else if (text[pos] !== close) {
          return undefined;
        }
      }
      pos++;
      return c === '[' ? list : { ...dict };
    }
    if (c === "'" || c === '"') {
      const endQuote = text.indexOf(c, pos + 1);
      if (endQuote < 0) return undefined;
      const s = text.slice(pos + 1, endQuote);
      pos = endQuote + 1;
      return s;
    }
    const atom = /^(-?\d+(?:\.\d+)?|True|False|None)/.exec(text.slice(pos));
    if (atom === null) return undefined;
    pos += (atom[1] as string).length;
    const a = atom[1] as string;
    return a === 'True' ? true : a === 'False' ? false : a === 'None' ? null : Number(a);
  };
  const result = value(0);
  ws();
  return pos === text.length ? result : undefined;
}
