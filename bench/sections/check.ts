/**
 * `check` over the unsigned corpus (actions/s) with the full catalog
 * imported from the shared WorkflowLLM files, next to `compile` of the same
 * shortcuts' decompiled code in the same run. Target: checking must not
 * double the cost of compiling, i.e. check ≤ compile (checking the IR that
 * compiling built, with its source map, is what `check` adds).
 *
 * Rows: `check (warm)` is the steady state of a run over many files (the
 * catalog's indexes built, suggestions for recurring unknown actions
 * remembered), on lifted shortcut files and on IR bound from code;
 * `check (cold)` checks the lifted corpus once with a catalog built just
 * before, so it pays for every index and every suggestion.
 */
import { Catalog } from '../../src/catalog/catalog.js';
import { checkWorkflow } from '../../src/checker/index.js';
import { compile } from '../../src/compile/compile.js';
import { codeToIr } from '../../src/compile/front-end.js';
import { readShortcutFile } from '../../src/container/shortcut-file.js';
import { catalogAdapter, decompile } from '../../src/emitter/index.js';
import type { SourceMap } from '../../src/ir/source-map.js';
import type { Workflow } from '../../src/ir/types.js';
import { flatActions } from '../../src/ir/walk.js';
import { liftWorkflow } from '../../src/lift/index.js';
import { race, table, type BenchSection } from '../harness.js';
import { coreCatalogDocument, fullCatalogDocument, unsignedCorpus } from '../material.js';

export const CHECK_TO_COMPILE_TARGET = 1;

export const checkSection: BenchSection = {
  name: 'check',
  description: 'check over the unsigned corpus with the full catalog (actions/s), next to compile of the decompiled code (target: check ≤ compile)',
  run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const core = coreCatalogDocument();
    const document = fullCatalogDocument(sharedDir, core);
    const catalog = new Catalog(document);
    const emitterCore = catalogAdapter(new Catalog(core));

    const lifted: Workflow[] = [];
    const codes: string[] = [];
    const bound: { workflow: Workflow; sourceMap: SourceMap; source: string }[] = [];
    for (const bytes of unsignedCorpus(sharedDir)) {
      const read = readShortcutFile(bytes);
      if (!read.ok) continue;
      const workflow = liftWorkflow(read.value.plist);
      if (!workflow.ok) continue;
      lifted.push(workflow.value);
      const { code } = decompile(workflow.value, { catalog, core: emitterCore });
      codes.push(code);
      const front = codeToIr(code, { catalog });
      bound.push({ workflow: front.partial, sourceMap: front.sourceMap, source: code });
    }
    let actions = 0;
    for (const w of lifted) for (const _ of flatActions(w.body)) actions++;
    const codeMB = codes.reduce((n, c) => n + Buffer.byteLength(c), 0) / 1e6;

    const coldStart = process.hrtime.bigint();
    const fresh = new Catalog(document);
    let findings = 0;
    for (const w of lifted) findings += checkWorkflow(w, fresh, { origin: 'shortcut' }).length;
    const cold = Number(process.hrtime.bigint() - coldStart) / 1e9;

    const timings = race({
      'check shortcut IR (warm)': () => lifted.forEach((w) => checkWorkflow(w, catalog, { origin: 'shortcut' })),
      'check code IR (warm)': () => bound.forEach((b) => checkWorkflow(b.workflow, catalog, { origin: 'code', sourceMap: b.sourceMap, source: b.source })),
      'compile (code → shortcut bytes)': () => codes.forEach((c) => compile(c, { catalog })),
    });
    const rows: string[][] = [['phase', 'files', 'actions', 'actions/s', 'files/s', 'rounds']];
    rows.push(['check shortcut IR (cold)', String(lifted.length), String(actions), (actions / cold).toFixed(0), (lifted.length / cold).toFixed(0), '1']);
    for (const [name, timing] of Object.entries(timings)) {
      rows.push([name, String(lifted.length), String(actions), (actions / timing.seconds).toFixed(0), (lifted.length / timing.seconds).toFixed(0), String(timing.rounds)]);
    }
    table(rows).forEach((line) => print(line));
    const compileSeconds = timings['compile (code → shortcut bytes)']!.seconds;
    const ratio = timings['check code IR (warm)']!.seconds / compileSeconds;
    const verdict = ratio <= CHECK_TO_COMPILE_TARGET ? 'meets' : 'MISSES';
    print(`compile: ${(codeMB / compileSeconds).toFixed(1)} MB/s of code (${codeMB.toFixed(2)} MB)`);
    print(`check costs ${ratio.toFixed(2)}× compile (${verdict} the target check ≤ compile: compile + check ≤ 2× compile); ${findings} findings per pass over the shortcut files`);
    return ratio <= CHECK_TO_COMPILE_TARGET;
  },
};
