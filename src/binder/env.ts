import type { Statement } from '../ir/types.js';
import type { BindContext } from './context.js';
import type { NameResolver } from './names.js';

/**
 * The binder's state while it walks one body of statements. `body` is where
 * bound IR statements go; block binders swap it for the block's own body.
 */
export interface Env {
  readonly ctx: BindContext;
  readonly names: NameResolver;
  /** How many Repeat blocks enclose the statement being bound (0 at top level). */
  repeatLevel: number;
  /** How many blocks of any kind enclose it. */
  blockDepth: number;
  body: Statement[];
}

/** Runs `f` with `env.body` set to a fresh list, and returns that list. */
export function collectBody(env: Env, f: () => void): Statement[] {
  const outer = env.body;
  const inner: Statement[] = [];
  env.body = inner;
  try {
    f();
  } finally {
    env.body = outer;
  }
  return inner;
}
