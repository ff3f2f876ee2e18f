import type { Workflow } from '../../src/ir/types.js';
import { emitModule, type EmitOptions } from '../../src/emitter/index.js';
import type { PlistValue } from '../../src/plist/value.js';
import { printModule } from '../../src/syntax/printer/index.js';
import { roundTrip, shortcut } from '../support/shortcut-build.js';

/** Lifts a hand-made shortcut (checking lift∘lower), emits it and renders it. */
export function decompiled(actions: readonly PlistValue[], metadata: Record<string, PlistValue> = {}, options: EmitOptions = {}): { text: string; workflow: Workflow; codes: string[] } {
  const { workflow } = roundTrip(shortcut(actions, metadata));
  const { module, diagnostics } = emitModule(workflow, options);
  return { text: printModule(module, { lineWidth: Infinity }), workflow, codes: diagnostics.map((d) => d.code) };
}

/** The code without the header lines. */
export function body(actions: readonly PlistValue[], metadata: Record<string, PlistValue> = {}): string {
  return decompiled(actions, metadata)
    .text.split('\n')
    .filter((line) => !line.startsWith('__workflow__ = '))
    .join('\n');
}

/** One header table's line (e.g. `__names__`), or undefined. */
export function headerLine(actions: readonly PlistValue[], table: string, metadata: Record<string, PlistValue> = {}): string | undefined {
  return decompiled(actions, metadata)
    .text.split('\n')
    .find((line) => line.startsWith(`${table} = `));
}
