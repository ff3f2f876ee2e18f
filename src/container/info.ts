import { isArray, isDict, type PlistDict, type PlistValue } from '../plist/value.js';
import type { ContainerKind, ShortcutFile, ShortcutSignature } from './shortcut-file.js';

/** What `shortcutc info` tells about a shortcut: facts from the top-level workflow dictionary. */
export interface ShortcutInfo {
  readonly container: ContainerKind;
  /** Signed files: who signed (iCloud or contact), and the certificates. */
  readonly signature?: ShortcutSignature;
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
  const minimum = w.get('WFWorkflowMinimumClientVersion');
  const icon = w.get('WFWorkflowIcon');
  // Built in the order people read it (and JSON prints it); absent facts are left out.
  return {
    container: file.container,
    ...optional('signature', file.signature),
    ...optional('name', text(w.get('WFWorkflowName'))),
    ...optional('clientVersion', text(w.get('WFWorkflowClientVersion'))),
    ...optional('clientRelease', text(w.get('WFWorkflowClientRelease'))),
    ...optional('minimumClientVersion', numberOf(minimum) ?? (typeof minimum === 'string' ? minimum : undefined)),
    ...optional('minimumClientVersionString', text(w.get('WFWorkflowMinimumClientVersionString'))),
    ...optional('actionCount', isArray(actions) ? actions.length : undefined),
    ...optional('icon', isDict(icon) ? iconOf(icon) : undefined),
    inputClasses: strings(w.get('WFWorkflowInputContentItemClasses')),
    types: strings(w.get('WFWorkflowTypes')),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function iconOf(icon: PlistDict): ShortcutIcon {
  const color = numberOf(icon.get('WFWorkflowIconStartColor'));
  // Signed (-1263359489) and unsigned (4282601983) forms name the same RGBA bits.
  const rgba = color === undefined ? undefined : (((color % 2 ** 32) + 2 ** 32) % 2 ** 32);
  return {
    ...optional('glyph', numberOf(icon.get('WFWorkflowIconGlyphNumber'))),
    ...optional('color', color),
    ...optional('colorHex', rgba === undefined ? undefined : `#${rgba.toString(16).toUpperCase().padStart(8, '0')}`),
    hasImage: icon.has('WFWorkflowIconImageData'),
  };
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
