import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryDirectory } from './plistlib.js';

/**
 * Checks code with CPython's own parser: one python3 process runs
 * `ast.parse` on every source of a batch and reports the ones it rejects.
 */
export interface AstFailure {
  readonly name: string;
  readonly error: string;
}

const SCRIPT = `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
sources = json.load(open(sys.argv[1], encoding="utf-8"))
failures = []
for item in sources:
    try:
        ast.parse(item["code"])
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        failures.append({"name": item["name"], "error": f"{type(e).__name__}: {e}"})
print(json.dumps({"version": sys.version.split()[0], "failures": failures}))
`;

export function python3Version(): string | undefined {
  const result = spawnSync('python3', ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const version = result.stdout.trim();
  const [major, minor] = version.split('.').map(Number);
  // The dialect's `match` needs 3.10; f-string rules are 3.11's.
  return major === 3 && (minor ?? 0) >= 10 ? version : undefined;
}

export function parseWithPython(sources: readonly { name: string; code: string }[]): AstFailure[] {
  const dir = temporaryDirectory('shortcutc-ast-');
  try {
    const list = join(dir, 'sources.json');
    writeFileSync(list, JSON.stringify(sources));
    const result = spawnSync('python3', ['-c', SCRIPT, list], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
    if (result.status !== 0) throw new Error(`python3 failed (${result.status}): ${result.stderr}`);
    return (JSON.parse(result.stdout) as { failures: AstFailure[] }).failures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
