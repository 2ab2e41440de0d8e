/*
 * `schemac up` of the demo (two databases) on empty databases, against piping the same up files
 * into the `mariadb` client. Run by hand, not in CI:
 *
 *   npx tsc -p . && npx tsc -p bench && node dist/bench/up.js [iterations]
 *
 * Server: SCHEMAC_TEST_URL (default mysql://root@127.0.0.1:3306). Prints the median wall time of
 * each way and the ratios. "in-process" is the runtime's up() without node's start-up (what a
 * long-running deploy tool would pay); "CLI" is `node dist/bin/schemac.js up`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { loadProject } from '../compiler/emit/generated.js';
import { up } from '../runtime/migrator.js';
import { loadTargets, withSession } from '../runtime/project.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'dist', 'bin', 'schemac.js');
const SERVER = new URL(process.env.SCHEMAC_TEST_URL ?? 'mysql://root@127.0.0.1:3306');
const iterations = Number(process.argv[2] ?? 10);
const DBS = ['members', 'users'] as const;

function urlFor(db: string): string {
  const u = new URL(SERVER.toString());
  u.pathname = '/' + db;
  return u.toString();
}

async function fresh(admin: mysql.Connection, names: readonly string[]): Promise<void> {
  for (const n of names) {
    await admin.query(`DROP DATABASE IF EXISTS \`${n}\``);
    await admin.query(`CREATE DATABASE \`${n}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'schemac-bench-'));
  cpSync(join(ROOT, 'schemac.config.json'), join(dir, 'schemac.config.json'));
  cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
  const names = DBS.map((d) => `schemac_bench_${d}`);
  const env: Record<string, string> = { MEMBERS_DATABASE_URL: urlFor(names[0]), USERS_DATABASE_URL: urlFor(names[1]) };
  const upFiles = DBS.map((d) => {
    const migDir = join(dir, 'generated', d, 'migrations');
    return readdirSync(migDir).filter((f) => f.endsWith('.up.sql')).sort().map((f) => readFileSync(join(migDir, f), 'utf8')).join('\n');
  });
  const statements = upFiles.reduce((n, text) => n + (text.match(/;\n/g) ?? []).length, 0);
  const admin = await mysql.createConnection({ uri: SERVER.toString() });
  const clientArgs = ['-h', SERVER.hostname, '-P', SERVER.port || '3306', '-u', decodeURIComponent(SERVER.username || 'root')];
  const clientEnv = { ...process.env, MYSQL_PWD: decodeURIComponent(SERVER.password) };
  const times = { client: [] as number[], cli: [] as number[], inProcess: [] as number[] };
  try {
    for (let i = 0; i < iterations; i++) {
      await fresh(admin, names);
      let t = performance.now();
      for (let k = 0; k < DBS.length; k++) {
        const r = spawnSync('mariadb', [...clientArgs, names[k]], { input: upFiles[k], env: clientEnv, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`mariadb client failed: ${r.stderr}`);
      }
      times.client.push(performance.now() - t);

      await fresh(admin, names);
      t = performance.now();
      const r = spawnSync(process.execPath, [BIN, 'up'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`schemac up failed: ${r.stderr}`);
      times.cli.push(performance.now() - t);

      await fresh(admin, names);
      t = performance.now();
      for (const target of loadTargets(loadProject(dir), undefined)) {
        await withSession(target, env, { lockWaitTimeout: 10 }, (session) => up({ session, set: target.set, log: () => undefined }));
      }
      times.inProcess.push(performance.now() - t);
    }
  } finally {
    for (const n of names) await admin.query(`DROP DATABASE IF EXISTS \`${n}\``);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  const [client, cli, inProcess] = [median(times.client), median(times.cli), median(times.inProcess)];
  const [version] = (await (async () => {
    const c = await mysql.createConnection({ uri: SERVER.toString() });
    const [rows] = await c.query('SELECT VERSION() AS v');
    await c.end();
    return [(rows as { v: string }[])[0].v];
  })());
  console.log(`demo: ${DBS.length} databases, ${statements} statements; server ${version}; median of ${iterations} runs`);
  console.log(`mariadb client (one process per database): ${client.toFixed(1)} ms`);
  console.log(`schemac up (CLI, node start-up included):  ${cli.toFixed(1)} ms  ratio ${(cli / client).toFixed(2)}x`);
  console.log(`schemac up (in-process runtime):           ${inProcess.toFixed(1)} ms  ratio ${(inProcess / client).toFixed(2)}x`);
}

await main();
