/**
 * Decompiling the unsigned corpus (bytes → canonical code), next to bare
 * bplist-parser parsing of the same binary files in the same run (XML files:
 * next to the plist package). Target (issue #4): the whole decompile of the
 * binary files costs at most 2× bare bplist-parser parsing of them.
 * WorkflowLLM's converter costs about 2.6× Python's plistlib.
 */
import { parseBuffer, setMaxObjectCount } from 'bplist-parser';
import { parse as parsePlistXml } from 'plist';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { decompile } from '../../src/emitter/decompile.js';
import { emitModule } from '../../src/emitter/emit.js';
import type { Workflow } from '../../src/ir/types.js';
import { liftWorkflow } from '../../src/lift/workflow.js';
import type { PlistDict } from '../../src/plist/value.js';
import type { Module } from '../../src/syntax/ast.js';
import { printModule } from '../../src/syntax/printer/index.js';
import { Catalog } from '../../src/catalog/catalog.js';
import { catalogAdapter } from '../../src/emitter/catalog.js';
import { race, table, type BenchSection } from '../harness.js';
import { coreCatalogDocument, unsignedCorpusByFormat } from '../material.js';

export const decompileSection: BenchSection = {
  name: 'decompile',
  description: 'decompiling all unsigned corpus files (actions/s, files/s) next to bare bplist-parser / plist parsing; target ≤ 2× bplist-parser',
  run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const { binary, xml, buffers, xmlText } = unsignedCorpusByFormat(sharedDir);
    setMaxObjectCount(Number.MAX_SAFE_INTEGER);
    const catalog = new Catalog(coreCatalogDocument());
    const core = catalogAdapter(catalog);
    const decompileBytes = (b: Uint8Array): string => decompile(b, { catalog, core }).code;

    const actionsIn = (files: readonly Uint8Array[]): number =>
      files.reduce((n, b) => {
        const read = readShortcutFile(b);
        const actions = read.ok ? read.value.plist.get('WFWorkflowActions') : undefined;
        return n + (Array.isArray(actions) ? actions.length : 0);
      }, 0);

    // The phases on their own, to see where the time goes.
    const plists: PlistDict[] = binary.map((b) => readShortcutFile(b).value!.plist);
    const workflows: Workflow[] = plists.map((p) => liftWorkflow(p).value!);
    const modules: Module[] = workflows.map((w) => emitModule(w, { core }).module);

    let failures = 0;
    const check = (ok: boolean): void => {
      if (!ok) failures++;
    };
    const timings = race({
      'decompile, binary files': () => binary.forEach((b) => check(decompileBytes(b) !== '')),
      'bplist-parser, binary files': () => buffers.forEach((b) => check(parseBuffer(b).length === 1)),
      'decompile, XML files': () => xml.forEach((b) => check(decompileBytes(b) !== '')),
      'plist package, XML files': () => xmlText.forEach((t) => check(parsePlistXml(t) !== undefined)),
      '  phase: read (binary)': () => binary.forEach((b) => check(readShortcutFile(b).ok)),
      '  phase: lift (binary)': () => plists.forEach((p) => check(liftWorkflow(p).ok)),
      '  phase: emit (binary)': () => workflows.forEach((w) => check(emitModule(w, { core }).module.body.length > 0)),
      '  phase: print (binary)': () => modules.forEach((m) => check(printModule(m).length > 0)),
    });
    const binaryActions = actionsIn(binary);
    const xmlActions = actionsIn(xml);
    const sets: Record<string, { files: number; actions: number }> = {
      'decompile, binary files': { files: binary.length, actions: binaryActions },
      'bplist-parser, binary files': { files: binary.length, actions: binaryActions },
      'decompile, XML files': { files: xml.length, actions: xmlActions },
      'plist package, XML files': { files: xml.length, actions: xmlActions },
    };
    const rows: string[][] = [['', 'files', 'actions', 'ms (wall)', 'ms (CPU)', 'actions/s', 'files/s', 'rounds']];
    for (const [name, timing] of Object.entries(timings)) {
      const set = sets[name] ?? { files: binary.length, actions: binaryActions };
      rows.push([
        name,
        String(set.files),
        String(set.actions),
        (timing.seconds * 1000).toFixed(1),
        (timing.cpuSeconds * 1000).toFixed(1),
        Math.round(set.actions / timing.seconds).toLocaleString('en-US'),
        Math.round(set.files / timing.seconds).toLocaleString('en-US'),
        String(timing.rounds),
      ]);
    }
    table(rows).forEach((line) => print(line));
    if (failures > 0) print(`warning: ${failures} runs failed during timing`);
    const ratio = timings['decompile, binary files']!.seconds / timings['bplist-parser, binary files']!.seconds;
    const cpuRatio = timings['decompile, binary files']!.cpuSeconds / timings['bplist-parser, binary files']!.cpuSeconds;
    const xmlRatio = timings['decompile, XML files']!.seconds / timings['plist package, XML files']!.seconds;
    const met = cpuRatio <= 2;
    print(
      `target (whole decompile ≤ 2× bare bplist-parser parsing of the same files, by CPU time): ${met ? 'met' : 'NOT met'}, ${cpuRatio.toFixed(2)}× (${ratio.toFixed(2)}× by the wall clock)`,
    );
    print(`XML files: whole decompile is ${xmlRatio.toFixed(2)}× the plist package's bare parsing`);
    return met && failures === 0;
  },
};
