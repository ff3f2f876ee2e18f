/**
 * The canonical header's `__defaults__` (grammars/dialect.md §3.2): the
 * file's choice between two plist encodings for each piece of sugar. The
 * decompiler finds them in a workflow and writes those that differ from the
 * defaults; the binder reads them back; both sides share this one definition.
 */

/** `__defaults__` (dialect §3.2): which of two encodings the sugar of the file produces. */
export interface Defaults {
  /** `strings`: `==`, `in`, `>`, `<` compile to 'Equals', 'Contains', 'Is Greater Than', 'Is Less Than'. */
  readonly conditionCodes: 'integers' | 'strings';
  /** `wrapped`: a condition's subject is `{Type: Variable, Variable: …}`; `direct`: the token attachment itself. */
  readonly conditionInput: 'wrapped' | 'direct';
  /** `implicit`: block starts carry no `WFControlFlowMode`. */
  readonly startMode: 'explicit' | 'implicit';
  /** Which named variables' references carry a derived `VariableUUID`. */
  readonly variableUuids: boolean | readonly string[];
  /**
   * Whether a text without variables inside a dictionary display (a key, a
   * text or number item, an array item) has an (empty) `attachmentsByRange`
   * key, as current Shortcuts writes; old files leave it out.
   */
  readonly itemTextAttachments: boolean;
  /**
   * Whether a block's End carries a UUID when no line after the block says
   * otherwise (`x = _` binds one, `_ = None` and `_(…)` alone give none), as
   * current Shortcuts mostly writes; old files mostly leave it out.
   */
  readonly blockOutputs: boolean;
}

export const DEFAULT_DEFAULTS: Defaults = {
  conditionCodes: 'integers',
  conditionInput: 'wrapped',
  startMode: 'explicit',
  variableUuids: false,
  itemTextAttachments: true,
  blockOutputs: true,
};
