import { defineConfig } from 'vitest/config';

// One run covers the unit layer (no network, no ../shared) and the corpus layer
// (reads ../shared, or $SHORTCUTC_SHARED; skips outside CI when it is missing,
// fails under CI=true). The JSON report feeds the `N passed, M failed` line of .ci/run.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
