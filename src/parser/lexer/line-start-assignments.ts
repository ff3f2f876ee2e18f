/**
 * Names a file assigns at the start of a line (`name = …`, not `==`), for the
 * leniencies that read a word Python would not take as a name (`1n`, `3_4`,
 * `break`) as a variable only where the file itself assigns it so.
 */

/** A pattern for `<name> = …` at the start of a line, where `name` is a regular expression (its match is group 1). */
export function lineStartAssignment(name: string): RegExp {
  return new RegExp(`^[ \\t]*(${name})[ \\t]*=(?!=)`, 'gm');
}

/** Every name `pattern` (made by `lineStartAssignment`) finds assigned in `src`. */
export function assignedAtLineStart(src: string, pattern: RegExp): Set<string> {
  const names = new Set<string>();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(src); m !== null; m = pattern.exec(src)) names.add(m[1] as string);
  return names;
}
