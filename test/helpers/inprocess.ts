import { main } from '../../bin/cli.js';
import type { RunResult } from '../cli/run.js';

/**
 * Runs the CLI's `main` in this process, as `node dist/bin/schemac.js ...argv` would in `cwd`:
 * stdout, stderr (console included) and the exit code are captured, the environment is
 * `process.env` plus `env`. Hundreds of runs cost what a few spawned ones do, so the fuzz test
 * can afford its inputs. One run at a time: the working folder and the streams are global.
 */
export async function runInProcess(cwd: string, argv: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const saved = {
    cwd: process.cwd(), exitCode: process.exitCode, exit: process.exit,
    out: process.stdout.write, errw: process.stderr.write,
    log: console.log, error: console.error, warn: console.warn, info: console.info,
    env: Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]])),
  };
  const capture = (sink: (s: string) => void) => ((chunk: unknown, ...rest: unknown[]) => {
    sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write;
  const line = (sink: (s: string) => void) => (...args: unknown[]) => sink(args.map(String).join(' ') + '\n');
  let status: number | null = null;
  process.chdir(cwd);
  process.exitCode = undefined;
  Object.assign(process.env, env);
  process.stdout.write = capture((s) => { stdout += s; });
  process.stderr.write = capture((s) => { stderr += s; });
  console.log = console.info = line((s) => { stdout += s; });
  console.error = console.warn = line((s) => { stderr += s; });
  process.exit = ((code?: number) => { throw new ExitCalled(code ?? 0); }) as typeof process.exit;
  try {
    await main(argv);
    status = Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof ExitCalled) status = e.code;
    else stderr += `(main threw) ${(e as Error)?.stack ?? String(e)}\n`;
  } finally {
    process.chdir(saved.cwd);
    process.exitCode = saved.exitCode;
    process.exit = saved.exit;
    process.stdout.write = saved.out;
    process.stderr.write = saved.errw;
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn, info: saved.info });
    for (const [k, v] of Object.entries(saved.env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { status, stdout, stderr };
}

/** process.exit called during an in-process run (the CLI should not, but a library might). */
class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}
