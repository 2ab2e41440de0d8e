import type { RunResult } from '../cli/run.js';

/** What a bad input may end in: exit 1 with `pattern` in stderr, no stack trace, no "internal error". */
export function expectRefused(r: RunResult, pattern: RegExp, status = 1): void {
  expect(r.stderr).not.toMatch(/internal error|Maximum call stack|\n\s+at /);
  expect(r.stderr).toMatch(pattern);
  expect(r.status).toBe(status);
}
