/**
 * `compile --dataset` with worker threads. Workers only run from the built
 * JavaScript (a thread cannot load the TypeScript sources vitest runs), so
 * this test builds the CLI into dist-worker-test/ first (beside dist/, where it finds api-catalog/), then checks that
 * two worker threads give exactly what one thread gives: the same report
 * (summary and every sample, in order) and byte-identical shortcuts, for a
 * JSON array and for JSON lines, with entries that compile, entries that
 * fail, entries that are not objects, and non-ASCII code (each entry travels
 * to its worker as undecoded bytes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../support/shared.js';

const BUILD = repoPath('dist-worker-test');
const CLI = join(BUILD, 'cli', 'main.js');

const GOOD = "t = is_workflow_actions_gettext(WFTextActionText='''héllo 😀''')\nis_workflow_actions_showresult(Text=t)\n";
const BAD = 'x = 1 +\nis_workflow_actions_x(A=a < b)\n';

interface Report {
  summary: unknown;
  samples: { index: number; status: string; output: string | null; diagnostics: unknown[] }[];
}

function run(dir: string, dataset: string, jobs: number): { report: Report; files: Map<string, string> } {
  const out = `out-${jobs}`;
  const result = spawnSync(process.execPath, [CLI, 'compile', '--dataset', dataset, '--out-dir', out, '--report', `report-${jobs}.json`, '--jobs', String(jobs)], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, XDG_DATA_HOME: join(dir, 'xdg'), SHORTCUTC_CATALOG: '' },
  });
  expect(result.stderr).toBe('');
  const report = JSON.parse(readFileSync(join(dir, `report-${jobs}.json`), 'utf8')) as Report;
  // The output folder's name differs between the runs; nothing else may.
  for (const sample of report.samples) if (sample.output !== null) sample.output = sample.output.replace(out, 'out');
  const files = new Map(readdirSync(join(dir, out)).map((name) => [name, readFileSync(join(dir, out, name)).toString('base64')]));
  rmSync(join(dir, out), { recursive: true });
  return { report, files };
}

describe('compile --dataset on worker threads', () => {
  beforeAll(() => {
    rmSync(BUILD, { recursive: true, force: true });
    execFileSync(process.execPath, [repoPath('node_modules', 'typescript', 'bin', 'tsc'), '-p', repoPath('tsconfig.json'), '--outDir', BUILD, '--declaration', 'false', '--sourceMap', 'false']);
  }, 120_000);

  it('two workers give the report and the shortcuts one thread gives, in order', () => {
    const samples: unknown[] = [];
    for (let i = 0; i < 150; i++) samples.push(i % 7 === 3 ? { annotated_code: BAD } : i % 11 === 5 ? 42 : { annotated_code: GOOD.replace('1', String(i)), query: `q${i}` });
    const dir = mkdtempSync(join(tmpdir(), 'shortcutc-workers-'));
    writeFileSync(join(dir, 'data.json'), JSON.stringify(samples, null, 1));
    writeFileSync(join(dir, 'data.jsonl'), samples.map((s) => JSON.stringify(s)).join('\n'));
    for (const dataset of ['data.json', 'data.jsonl']) {
      const one = run(dir, dataset, 1);
      const two = run(dir, dataset, 2);
      expect(one.report.samples).toHaveLength(150);
      expect(one.report.samples.filter((s) => s.status === 'compiled')).toHaveLength(two.files.size);
      expect(two.report).toEqual(one.report);
      expect(two.files).toEqual(one.files);
    }
  }, 60_000);
});
