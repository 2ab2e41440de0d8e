import type { SourcePos } from '../ir/types.js';

/**
 * The source position the static evaluator is currently calling the DSL from. Builders copy it
 * when they are created, so diagnostics can point at `file:line:col`. At run time (a schema file
 * imported and executed by Node) it is undefined and positions are simply absent.
 */
let current: SourcePos | undefined;

/** Runs `fn` with `pos` as the current call site (used by the static evaluator only). */
export function withSite<T>(pos: SourcePos | undefined, fn: () => T): T {
  const saved = current;
  current = pos;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** The current call site, if any. */
export function site(): SourcePos | undefined {
  return current;
}
