/** Shortcut files: which container a file is, and its workflow dictionary. */
export { containerDiagnostics } from './diagnostics.js';
export {
  asWorkflow,
  detectContainer,
  readShortcutFile,
  type ContainerKind,
  type ShortcutFile,
  type ShortcutSignature,
} from './shortcut-file.js';
export { containerLabel, shortcutInfo, type ShortcutIcon, type ShortcutInfo } from './info.js';
