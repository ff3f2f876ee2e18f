/**
 * The code front end over the 50 WorkflowBench samples (1.4 MB of model code,
 * 43 of 50 with syntax problems, so recovery is on the measured path): lexing
 * alone, `parseModule` (lex + parse + diagnostics), and printing the parsed
 * trees back. Figures: MB/s of code and programs/s, per core.
 *
 * Target: the whole compile must reach 15 MB/s per core (WorkflowBench's
 * 3.3 GB in under two minutes on two cores), so parsing may take at most
 * half of that budget: parse ≥ 30 MB/s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModule } from '../../src/parser/index.js';
import { lex } from '../../src/parser/lexer.js';
import { Reporter } from '../../src/parser/reporter.js';
import type { Module } from '../../src/syntax/ast.js';
import { printModule } from '../../src/syntax/printer/index.js';
import { race, table, type BenchSection } from '../harness.js';

export const PARSE_TARGET_MB_PER_S = 30;

export const parseSection: BenchSection = {
  name: 'parse',
  description: `lex, parse and print the 50 WorkflowBench samples (MB/s of code, programs/s; target: parse ≥ ${PARSE_TARGET_MB_PER_S} MB/s)`,
  run({ sharedDir, sharedLookedAt, print }) {
    if (sharedDir === undefined) {
      print(`skipped: no shared material at ${sharedLookedAt} (set SHORTCUTC_SHARED)`);
      return;
    }
    const samples = (
      JSON.parse(readFileSync(join(sharedDir, 'workflowllm', 'data_samples.json'), 'utf8')) as { annotated_code: string }[]
    ).map((s) => s.annotated_code);
    const bytes = samples.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), 0);
    const modules: Module[] = samples.map((s) => parseModule(s).module);
    const timings = race({
      lex: () => {
        for (const s of samples) lex(s, new Reporter(1000), { maxTokens: 1_000_000, maxNesting: 64, maxIndent: 100 });
      },
      parse: () => {
        for (const s of samples) parseModule(s);
      },
      print: () => {
        for (const m of modules) printModule(m);
      },
    });
    const rows = [['', 'MB/s (wall)', 'MB/s (CPU)', 'programs/s (CPU)', 'rounds']];
    for (const [name, t] of Object.entries(timings)) {
      rows.push([
        name,
        (bytes / 1e6 / t.seconds).toFixed(1),
        (bytes / 1e6 / t.cpuSeconds).toFixed(1),
        (samples.length / t.cpuSeconds).toFixed(0),
        String(t.rounds),
      ]);
    }
    for (const line of table(rows)) print(line);
    // Per core: CPU time, which other work on a loaded machine does not stretch.
    const parseRate = bytes / 1e6 / timings['parse']!.cpuSeconds;
    const met = parseRate >= PARSE_TARGET_MB_PER_S;
    print(
      `${samples.length} programs, ${(bytes / 1e6).toFixed(2)} MB; parse ${parseRate.toFixed(1)} MB/s by CPU time: target ≥ ${PARSE_TARGET_MB_PER_S} MB/s ${met ? 'met' : 'MISSED'}`,
    );
    return met;
  },
};
