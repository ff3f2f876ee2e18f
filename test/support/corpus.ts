import { describe, expect, it } from 'vitest';
import { inCI, sharedAvailable, sharedDir } from './shared.js';

/**
 * `describe` for tests that read ../shared. Missing material skips the suite
 * locally (saying why) and fails it under CI=true.
 */
export function describeShared(name: string, body: () => void): void {
  if (sharedAvailable) {
    describe(name, body);
  } else if (inCI) {
    describe(name, () => {
      it('has the shared material', () => {
        throw new Error(`CI=true but the shared folder ${sharedDir} is missing; set SHORTCUTC_SHARED`);
      });
    });
  } else {
    // Not `describe.skip(name, body)`: vitest still runs a skipped suite's body to collect its tests, and
    // bodies read the shared files while collecting (a corpus file list, the samples).
    describe(`${name} (skipped: no shared material at ${sharedDir})`, () => {
      it.skip('reads the shared material', () => {
        expect(sharedAvailable).toBe(true);
      });
    });
  }
}
