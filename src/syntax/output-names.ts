/**
 * The `OutputName` canonical code derives from an output's identifier when
 * the core catalog gives the action none (grammars/dialect.md §5.2), shared
 * by the decompiler (which annotates a binding only where references carry
 * something else) and the compiler (which gives references this name).
 *
 * The identifier is the snake case of the name Shortcuts shows (§4.2), so
 * the rule undoes that for names in Apple's English style: a numbering
 * suffix `_2` dropped, words capitalized, `of` and `from` kept lowercase
 * after the first word, `url` written `URL` (`contents_of_url` → "Contents
 * of URL", `global_variable_result_2` → "Global Variable Result"). Over the
 * corpus this matches what references carry for half the outputs the core
 * catalog does not name; the others keep their annotation.
 */
export function outputNameFromIdentifier(identifier: string): string {
  return identifier
    .replace(/_[0-9]+$/, '')
    .split('_')
    .filter((word) => word !== '')
    .map((word, i) => (word === 'url' ? 'URL' : i > 0 && LOWERCASE_WORDS.has(word) ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join(' ');
}

const LOWERCASE_WORDS: ReadonlySet<string> = new Set(['of', 'from']);
