import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';

export const BIN = join(ROOT, 'dist', 'bin', 'schemac.js');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI in `cwd`. */
export function schemac(cwd: string, ...args: string[]): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `schemac-${prefix}-`));
}

/** A copy of the demo project (config and schema, no generated output) in a new folder. */
export function copyDemo(prefix: string, withGenerated = false): string {
  const dir = tempDir(prefix);
  cpSync(join(ROOT, 'schema'), join(dir, 'schema'), { recursive: true });
  cpSync(join(ROOT, 'schemac.config.json'), join(dir, 'schemac.config.json'));
  if (withGenerated) cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
  return dir;
}

/** Every file under a folder with its bytes, by relative path: compares folders exactly. */
export function tree(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  let names: string[] = [];
  try { names = readdirSync(dir).sort(); } catch { return out; }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, tree(p, base));
    else out[p.slice(base.length + 1)] = readFileSync(p, 'utf8');
  }
  return out;
}
