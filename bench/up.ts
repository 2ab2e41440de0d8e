/*
 * `schemac up` of the demo (two databases) on empty databases, against piping the same up files
 * into the `mariadb` client. Run by hand, not in CI:
 *
 *   npx tsc -p . && npx tsc -p bench && node dist/bench/up.js [iterations] [project folder]
 *
 * Another built project can be given instead of the demo (e.g. the 200 tables of
 * `BENCH_KEEP=1 node bench/build.mjs 200` after `schemac build` in it); its databases' URLs are
 * replaced by scratch databases on the server.
 * Server: SCHEMAC_TEST_URL (default mysql://root@127.0.0.1:3306). Prints the median wall time of
 * each way and the median of its per-run ratios to the client. "in process" is the runtime's
 * up() on each database, connections included, without node's start-up (what a deploy tool
 * that embeds schemac pays); "CLI" is `node dist/bin/schemac.js up`; `node -e 0` is the floor
 * of any node program.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { loadProject } from '../compiler/project/generated.js';
import { up } from '../runtime/migrator.js';
import { eachSession, loadTargets } from '../runtime/project.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'dist', 'bin', 'schemac.js');
const SERVER = new URL(process.env.SCHEMAC_TEST_URL ?? 'mysql://root@127.0.0.1:3306');
const iterations = Number(process.argv[2] ?? 10);
const PROJECT = resolve(process.argv[3] ?? ROOT);

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
  const config = JSON.parse(readFileSync(join(PROJECT, 'schemac.config.json'), 'utf8')) as { databases: Record<string, { out: string; url?: string }> };
  const DBS = Object.keys(config.databases);
  const names = DBS.map((d) => `schemac_bench_${d}`);
  DBS.forEach((d, k) => {
    config.databases[d].url = urlFor(names[k]);
    cpSync(join(PROJECT, config.databases[d].out), join(dir, config.databases[d].out), { recursive: true });
  });
  writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify(config));
  const env: Record<string, string> = {};
  const upFiles = DBS.map((d) => {
    const migDir = join(dir, config.databases[d].out, 'migrations');
    return readdirSync(migDir).filter((f) => f.endsWith('.up.sql')).sort().map((f) => readFileSync(join(migDir, f), 'utf8')).join('\n');
  });
  const statements = upFiles.reduce((n, text) => n + (text.match(/;\n/g) ?? []).length, 0);
  const admin = await mysql.createConnection({ uri: SERVER.toString() });
  const clientArgs = ['-h', SERVER.hostname, '-P', SERVER.port || '3306', '-u', decodeURIComponent(SERVER.username || 'root')];
  const clientEnv = { ...process.env, MYSQL_PWD: decodeURIComponent(SERVER.password) };
  const times = { client: [] as number[], cli: [] as number[], inProcess: [] as number[], node: [] as number[] };
  const ways: Record<'client' | 'cli' | 'inProcess', () => Promise<void>> = {
    client: async () => {
      for (let k = 0; k < DBS.length; k++) {
        const r = spawnSync('mariadb', [...clientArgs, names[k]], { input: upFiles[k], env: clientEnv, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`mariadb client failed: ${r.stderr}`);
      }
    },
    cli: async () => {
      const r = spawnSync(process.execPath, [BIN, 'up'], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`schemac up failed: ${r.stderr}`);
    },
    inProcess: async () => {
      await eachSession(loadTargets(loadProject(dir), undefined), env, { lockWaitTimeout: 10, multipleStatements: true },
        (target, session) => up({ session, set: target.set, log: () => undefined }));
    },
  };
  const order = ['client', 'inProcess', 'cli'] as const;
  try {
    for (let i = 0; i < iterations; i++) {
      // The order turns each run, so that a slow spell of the machine falls on each way alike.
      for (let w = 0; w < order.length; w++) {
        const way = order[(i + w) % order.length];
        await fresh(admin, names);
        const t = performance.now();
        await ways[way]();
        times[way].push(performance.now() - t);
      }
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      times.node.push(performance.now() - t);
    }
  } finally {
    for (const n of names) await admin.query(`DROP DATABASE IF EXISTS \`${n}\``);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  const [client, cli, inProcess, node] = [median(times.client), median(times.cli), median(times.inProcess), median(times.node)];
  // The ratio of each run to the client's run next to it, then the median of those.
  const ratio = (xs: number[]) => median(xs.map((x, i) => x / times.client[i])).toFixed(2);
  const c = await mysql.createConnection({ uri: SERVER.toString() });
  const [rows] = await c.query('SELECT VERSION() AS v');
  await c.end();
  console.log(`${PROJECT === ROOT ? 'demo' : PROJECT}: ${DBS.length} database${DBS.length === 1 ? '' : 's'}, ${statements} statements; server ${(rows as { v: string }[])[0].v}; median of ${iterations} runs`);
  console.log(`mariadb client (one process per database):   ${client.toFixed(1)} ms`);
  console.log(`schemac up, in process (runtime up()):        ${inProcess.toFixed(1)} ms  ratio ${ratio(times.inProcess)}x`);
  console.log(`schemac up, CLI (node start-up included):     ${cli.toFixed(1)} ms  ratio ${ratio(times.cli)}x`);
  console.log(`node start-up alone (node -e 0):              ${node.toFixed(1)} ms  (${(node / client).toFixed(2)}x the client's whole run)`);
}

await main();
