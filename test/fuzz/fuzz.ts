import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from '../cli/run.js';
import { runInProcess } from '../helpers/inprocess.js';
import { Random } from './mutate.js';

/*
 * The fuzz tests' common part: the seed, the number of inputs, the oracle, and where a failing
 * input is kept. Each surface (fuzz-*.test.ts) makes at least FUZZ_COUNT inputs from the golden
 * files with mutate.ts and runs the CLI in process on each.
 *
 * SCHEMAC_FUZZ_SEED and SCHEMAC_FUZZ_COUNT change the seed and the number (to explore more);
 * the defaults are what CI runs.
 */

export const FUZZ_SEED = Number(process.env.SCHEMAC_FUZZ_SEED ?? 13);
export const FUZZ_COUNT = Number(process.env.SCHEMAC_FUZZ_COUNT ?? 300);

/** The generator of one surface: the same inputs on every run. */
export function surfaceRandom(surface: string): Random {
  let h = FUZZ_SEED;
  for (const c of surface) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return new Random(h);
}

/** What a run may not end in, whatever the input: a bug, not an answer. */
export function crashOf(r: RunResult): string | null {
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) return `exit code ${r.status}`;
  const text = r.stdout + '\n' + r.stderr;
  const m = /internal error|\(main threw\)|Maximum call stack|\bE_INTERNAL\b|\bE_VALIDATE_INTERNAL\b|\ba bug\b|\n\s+at (?:[^\n(]*\()?(?:file:|node:|\/)/.exec(text);
  return m ? `"${m[0].trim()}" in the output` : null;
}

export interface FuzzFailure {
  readonly input: number;
  readonly argv: readonly string[];
  readonly problem: string;
  /** Where the input is kept to reproduce it. */
  readonly kept: string;
  readonly output: string;
}

/** Collects the failures of a surface, keeping each failing input's files in a folder of its own. */
export class FuzzReport {
  readonly failures: FuzzFailure[] = [];
  /** Runs by exit code: a surface whose inputs all fail at their first byte would test little. */
  readonly statuses: Record<string, number> = {};
  runs = 0;
  /** Milliseconds by command, with SCHEMAC_FUZZ_TIMES set (to see where a surface spends its time). */
  readonly times: Record<string, number> = {};
  constructor(private readonly surface: string) {
    rmSync(this.folder(), { recursive: true, force: true });
  }

  private folder(): string {
    return join(tmpdir(), `schemac-fuzz-${this.surface}-seed${FUZZ_SEED}`);
  }

  /** Runs the CLI on one input and checks the result; `files` are the input's files (kept on failure). */
  async run(input: number, cwd: string, argv: readonly string[], files: Readonly<Record<string, string>>,
    env: Readonly<Record<string, string>> = {}, extra?: (r: RunResult) => string | null): Promise<RunResult> {
    const started = performance.now();
    const r = await runInProcess(cwd, argv, env);
    if (process.env.SCHEMAC_FUZZ_TIMES) this.times[argv[0]] = (this.times[argv[0]] ?? 0) + performance.now() - started;
    this.runs++;
    this.statuses[String(r.status)] = (this.statuses[String(r.status)] ?? 0) + 1;
    const problem = crashOf(r) ?? extra?.(r) ?? null;
    if (problem) {
      const kept = join(this.folder(), String(input));
      mkdirSync(kept, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(kept, name.replace(/\//g, '__')), text);
      writeFileSync(join(kept, 'argv.json'), JSON.stringify(argv) + '\n');
      this.failures.push({ input, argv, problem, kept, output: (r.stderr + r.stdout).slice(0, 600) });
    }
    return r;
  }

  /**
   * The surface's verdict: no failures, `runs` runs, and more than one in twenty of them ending
   * in each of the `exits` (a surface whose inputs all end in usage errors would test little).
   * With SCHEMAC_FUZZ_TIMES set, prints the exit codes and the time by command first.
   */
  expectClean(runs: number, exits: readonly number[]): void {
    if (process.env.SCHEMAC_FUZZ_TIMES) console.log(this.surface, this.statuses, this.times);
    expect(this.failures).toEqual([]);
    expect(this.runs).toBe(runs);
    for (const code of exits) expect(this.statuses[String(code)] ?? 0).toBeGreaterThan(runs / 20);
  }
}
