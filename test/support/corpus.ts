import { describe, it } from 'vitest';
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
    describe.skip(`${name} (skipped: no shared material at ${sharedDir})`, body);
  }
}
