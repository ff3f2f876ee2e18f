import { isArray, isDict, type PlistDict, type PlistValue } from '../plist/value.js';
import type { ContainerKind, ShortcutFile, ShortcutSignature } from './shortcut-file.js';

/** What `shortcutc info` tells about a shortcut: facts from the top-level workflow dictionary. */
export interface ShortcutInfo {
  readonly container: ContainerKind;
  /** `WFWorkflowName`, which only some generators write (Shortcuts names a shortcut by its file). */
  readonly name?: string;
  /** `WFWorkflowClientVersion`: the Shortcuts build that wrote the file, e.g. "1146.11.1". */
  readonly clientVersion?: string;
  /** `WFWorkflowClientRelease`, e.g. "2.1.2" (older files). */
  readonly clientRelease?: string;
  /** `WFWorkflowMinimumClientVersion`: a device with an older Shortcuts cannot open the file. */
  readonly minimumClientVersion?: number | string;
  readonly minimumClientVersionString?: string;
  /** Number of entries in `WFWorkflowActions`; undefined when that key is missing or not an array. */
  readonly actionCount?: number;
  readonly icon?: ShortcutIcon;
  /** `WFWorkflowInputContentItemClasses`: the kinds of input the shortcut accepts. */
  readonly inputClasses: readonly string[];
  /** `WFWorkflowTypes`: where the shortcut appears (NCWidget, WatchKit, ActionExtension, …). */
  readonly types: readonly string[];
  /** Signed files: who signed, and the certificates. */
  readonly signature?: ShortcutSignature;
}

export interface ShortcutIcon {
  /** `WFWorkflowIconGlyphNumber`: which of Shortcuts' glyphs. */
  readonly glyph?: number;
  /** `WFWorkflowIconStartColor` as stored (files use both signed and unsigned 32-bit forms). */
  readonly color?: number;
  /** The colour as `#RRGGBBAA`. */
  readonly colorHex?: string;
  /** Whether a custom icon image (`WFWorkflowIconImageData`) is embedded. */
  readonly hasImage: boolean;
}

export function shortcutInfo(file: ShortcutFile): ShortcutInfo {
  const w = file.plist;
  const actions = w.get('WFWorkflowActions');
  const info: { -readonly [K in keyof ShortcutInfo]: ShortcutInfo[K] } = {
    container: file.container,
    inputClasses: strings(w.get('WFWorkflowInputContentItemClasses')),
    types: strings(w.get('WFWorkflowTypes')),
  };
  const name = text(w.get('WFWorkflowName'));
  if (name !== undefined) info.name = name;
  const client = text(w.get('WFWorkflowClientVersion'));
  if (client !== undefined) info.clientVersion = client;
  const release = text(w.get('WFWorkflowClientRelease'));
  if (release !== undefined) info.clientRelease = release;
  const minimum = w.get('WFWorkflowMinimumClientVersion');
  const minimumNumber = numberOf(minimum);
  if (minimumNumber !== undefined) info.minimumClientVersion = minimumNumber;
  else if (typeof minimum === 'string') info.minimumClientVersion = minimum;
  const minimumString = text(w.get('WFWorkflowMinimumClientVersionString'));
  if (minimumString !== undefined) info.minimumClientVersionString = minimumString;
  if (isArray(actions)) info.actionCount = actions.length;
  if (file.signature !== undefined) info.signature = file.signature;
  const icon = w.get('WFWorkflowIcon');
  if (isDict(icon)) info.icon = iconOf(icon);
  return info;
}

function iconOf(icon: PlistDict): ShortcutIcon {
  const result: { -readonly [K in keyof ShortcutIcon]: ShortcutIcon[K] } = { hasImage: icon.has('WFWorkflowIconImageData') };
  const glyph = numberOf(icon.get('WFWorkflowIconGlyphNumber'));
  if (glyph !== undefined) result.glyph = glyph;
  const color = numberOf(icon.get('WFWorkflowIconStartColor'));
  if (color !== undefined) {
    result.color = color;
    // Signed (-1263359489) and unsigned (4282601983) forms name the same RGBA bits.
    const rgba = ((color % 2 ** 32) + 2 ** 32) % 2 ** 32;
    result.colorHex = `#${rgba.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return result;
}

function numberOf(value: PlistValue | undefined): number | undefined {
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Map) return undefined;
  if (value.kind === 'integer') {
    const n = Number(value.value);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (value.kind === 'real' && Number.isFinite(value.value)) return value.value;
  return undefined;
}

function text(value: PlistValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  const n = numberOf(value);
  return n === undefined ? undefined : String(n);
}

function strings(value: PlistValue | undefined): string[] {
  return isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** How `info` names a container for people. */
export function containerLabel(kind: ContainerKind): string {
  switch (kind) {
    case 'binary':
      return 'binary property list (bplist00)';
    case 'xml':
      return 'XML property list';
    case 'signed':
      return 'signed (AEA1)';
  }
}
