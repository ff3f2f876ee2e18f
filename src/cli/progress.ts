import type { CliIO } from './io.js';

/**
 * A one-line progress bar on stderr for commands that walk many files. It
 * draws only on a terminal (never into a pipe or a log) and only when there
 * is more than one item; a message printed meanwhile goes through `note`, so
 * it does not land in the middle of the bar.
 */
export interface Progress {
  /** One more item done. */
  tick(label: string): void;
  /** Prints a message above the bar. */
  note(text: string): void;
  /** Removes the bar. */
  done(): void;
}

const WIDTH = 30;

export function progressBar(io: CliIO, total: number): Progress {
  const active = io.isTTY && total > 1;
  let count = 0;
  let drawn = false;
  const clear = (): void => {
    if (drawn) io.stderr('\r\x1b[2K');
    drawn = false;
  };
  const draw = (label: string): void => {
    const filled = Math.round((count / total) * WIDTH);
    const name = label.length > 40 ? `…${label.slice(-39)}` : label;
    io.stderr(`\r\x1b[2K[${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${count}/${total} ${name}`);
    drawn = true;
  };
  return {
    tick(label) {
      count++;
      if (active) draw(label);
    },
    note(text) {
      if (!active) {
        io.stderr(text);
        return;
      }
      clear();
      io.stderr(text);
    },
    done() {
      if (active) clear();
    },
  };
}
