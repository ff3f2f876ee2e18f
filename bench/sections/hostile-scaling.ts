/**
 * Hostile shapes at n and 2n: the time must grow linearly (target: doubling
 * the input at most triples the time; quadratic work quadruples it). These
 * are the shapes the robustness tests found quadratic: outputs that all want
 * the same name, blocks that never end, ends of groups never opened, a
 * flat-written block holding everything, and a huge text of variables. The
 * unit tests only prove these end; the growth rate is measured here.
 */
import { Catalog } from '../../src/catalog/catalog.js';
import { compile } from '../../src/compile/compile.js';
import { catalogAdapter } from '../../src/emitter/catalog.js';
import { decompile } from '../../src/emitter/decompile.js';
import { liftWorkflow } from '../../src/lift/workflow.js';
import type { PlistDict, PlistValue } from '../../src/plist/value.js';
import { race, table, type BenchSection } from '../harness.js';
import { coreCatalogDocument } from '../material.js';

const int = (n: number): PlistValue => ({ kind: 'integer', value: BigInt(n) });
const dict = (entries: Record<string, PlistValue>): PlistDict => new Map(Object.entries(entries));
const action = (identifier: string, parameters: Record<string, PlistValue>): PlistDict =>
  dict({ WFWorkflowActionIdentifier: identifier, WFWorkflowActionParameters: dict(parameters) });
const workflow = (actions: PlistValue[]): PlistDict => dict({ WFWorkflowActions: actions });

interface Shape {
  readonly name: string;
  /** Builds the n-sized input and returns the work to time on it. */
  readonly build: (n: number, catalog: Catalog) => () => void;
}

const SHAPES: readonly Shape[] = [
  {
    name: 'decompile: n outputs all named "Text"',
    build: (n, catalog) => {
      const actions = Array.from({ length: n }, (_, i) => action('is.workflow.actions.gettext', { UUID: `U${i}`, WFTextActionText: 'x' }));
      const lifted = liftWorkflow(workflow(actions)).value!;
      return () => decompile(lifted, { catalog, core: catalogAdapter(catalog) });
    },
  },
  {
    name: 'lift: n If starts never ended, n ends of other groups',
    build: (n) => {
      const actions: PlistValue[] = [];
      for (let i = 0; i < n; i++) actions.push(action('is.workflow.actions.conditional', { GroupingIdentifier: `G${i}`, WFControlFlowMode: int(0) }));
      for (let i = 0; i < n; i++) actions.push(action('is.workflow.actions.conditional', { GroupingIdentifier: `X${i}`, WFControlFlowMode: int(2) }));
      const plist = workflow(actions);
      return () => liftWorkflow(plist);
    },
  },
  {
    name: 'decompile: a flat-written block of n actions',
    build: (n, catalog) => {
      const actions: PlistValue[] = [action('is.workflow.actions.conditional', { GroupingIdentifier: 'G', UUID: 'S', WFControlFlowMode: int(0) })];
      for (let i = 0; i < n; i++) actions.push(action('is.workflow.actions.comment', { WFCommentActionText: 'c' }));
      actions.push(action('is.workflow.actions.conditional', { GroupingIdentifier: 'G', WFControlFlowMode: int(2) }));
      const lifted = liftWorkflow(workflow(actions)).value!;
      return () => decompile(lifted, { catalog, core: catalogAdapter(catalog) });
    },
  },
  {
    name: 'compile: n statements in one block',
    build: (n, catalog) => {
      const code = `if x:\n${'    is_workflow_actions_comment(WFCommentActionText="c")\n'.repeat(n)}`;
      return () => compile(code, { catalog });
    },
  },
];

const N = 40_000;
const TARGET = 3;

export const hostileScalingSection: BenchSection = {
  name: 'hostile-scaling',
  description: `hostile shapes at n = ${N} and 2n: time(2n) / time(n) ≤ ${TARGET} (linear, not quadratic)`,
  run({ print }) {
    // The compiled bench lives under build/, away from api-catalog/: hand the phases the core itself.
    const catalog = new Catalog(coreCatalogDocument());
    const rows: string[][] = [['shape', 'n (ms)', '2n (ms)', 'ratio']];
    let ok = true;
    for (const shape of SHAPES) {
      const timings = race({ n: shape.build(N, catalog), twice: shape.build(2 * N, catalog) }, 0.5, 20);
      const ratio = timings.twice!.seconds / timings.n!.seconds;
      if (ratio > TARGET) ok = false;
      rows.push([shape.name, (timings.n!.seconds * 1000).toFixed(0), (timings.twice!.seconds * 1000).toFixed(0), `${ratio.toFixed(2)}${ratio > TARGET ? ' (over target)' : ''}`]);
    }
    table(rows).forEach((line) => print(line));
    return ok;
  },
};
