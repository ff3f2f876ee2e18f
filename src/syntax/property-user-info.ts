/**
 * The `PropertyUserInfo` a property aggrandizement carries by its property
 * name alone in canonical code (grammars/dialect.md §6.2.1), shared by the
 * decompiler and the compiler: `x.Name` stands for `PropertyName: "Name"`
 * with `PropertyUserInfo: "WFItemName"`. Shortcuts writes these three
 * consistently: in the 382 corpus files every `Name` property (163) carries
 * `WFItemName`, every `File Extension` (19) `WFFileExtensionProperty`, every
 * `File Size` (14) `WFFileSizeProperty`; other property names carry a
 * `PropertyUserInfo` in some files and none in others, so they have no
 * default.
 */
export const DERIVED_PROPERTY_USER_INFO: ReadonlyMap<string, string> = new Map([
  ['Name', 'WFItemName'],
  ['File Extension', 'WFFileExtensionProperty'],
  ['File Size', 'WFFileSizeProperty'],
]);
