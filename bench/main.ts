/**
 * `npm run bench [-- <section>...]`: runs the benchmark sections in this list
 * (all, or those named). To add one, write bench/sections/<name>.ts exporting
 * a `BenchSection` and append it here.
 */
import { sharedLocation, type BenchSection } from './harness.js';
import { checkSection } from './sections/check.js';
import { compileSection } from './sections/compile.js';
import { datasetSection } from './sections/dataset.js';
import { decompileSection } from './sections/decompile.js';
import { hostileScalingSection } from './sections/hostile-scaling.js';
import { liftLowerSection } from './sections/lift-lower.js';
import { parseSection } from './sections/parse.js';
import { plistReadSection } from './sections/plist-read.js';
import { signedExtractSection } from './sections/signed-extract.js';

// One per line, so branches that add sections merge without conflicts.
const sections: BenchSection[] = [
  plistReadSection,
  signedExtractSection,
  liftLowerSection,
  checkSection,
  decompileSection,
  parseSection,
  compileSection,
  hostileScalingSection,
  datasetSection,
];

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`unknown section(s): ${unknown.join(', ')}; sections: ${sections.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const shared = sharedLocation();
  console.log(`shortcutc bench — node ${process.version}, shared material: ${shared.dir ?? `missing (looked at ${shared.lookedAt})`}`);
  let status = 0;
  for (const section of sections) {
    if (wanted.length > 0 && !wanted.includes(section.name)) continue;
    console.log(`\n## ${section.name}: ${section.description}`);
    try {
      const result = await section.run({ sharedDir: shared.dir, sharedLookedAt: shared.lookedAt, print: (line) => console.log(`  ${line}`) });
      if (result === false) status = 1;
    } catch (error) {
      console.log(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      status = 1;
    }
  }
  return status;
}

process.exitCode = await main();
