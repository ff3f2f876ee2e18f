import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checkFile } from '../../src/checker/index.js';
import { sharedCatalog } from '../support/catalog.js';
import { describeShared } from '../support/corpus.js';
import { sharedAvailable, sharedPath } from '../support/shared.js';

/**
 * `check` on the 50 WorkflowBench samples (model-training code, most of it
 * not valid as written): none crashes, every checker finding points at a
 * line and column, and the table of what is found, by code, is printed for
 * the closing note.
 */
describeShared('check over the 50 WorkflowBench samples', () => {
  const samples: { annotated_code: string }[] = sharedAvailable ? (JSON.parse(readFileSync(sharedPath('workflowllm', 'data_samples.json'), 'utf8')) as { annotated_code: string }[]) : [];

  it('checks every sample, pointing every finding at a line and column', () => {
    const { catalog } = sharedCatalog();
    expect(samples).toHaveLength(50);
    const byCode = new Map<string, { severity: string; count: number; samples: Set<number> }>();
    samples.forEach((sample, index) => {
      const result = checkFile(new TextEncoder().encode(sample.annotated_code), `sample-${index}.py`, catalog);
      expect(result.checked).toBe(true);
      for (const d of result.diagnostics) {
        if (d.code.startsWith('SC6')) expect(d.location?.kind, `${d.code} ${d.message}`).toBe('source');
        const key = `${d.code} ${d.severity}`;
        const row = byCode.get(key) ?? { severity: d.severity, count: 0, samples: new Set<number>() };
        row.count++;
        row.samples.add(index);
        byCode.set(key, row);
      }
    });
    const rows = [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([key, row]) => `${key.padEnd(16)} ${String(row.count).padStart(5)} in ${String(row.samples.size).padStart(2)} samples`);
    console.info(`check over the 50 WorkflowBench samples, by code:\n${rows.join('\n')}`);
  });
});
