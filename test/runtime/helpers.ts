import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSum } from '../../compiler/emit/sum.js';
import { chainLink } from '../../runtime/history.js';
import { EMPTY_SCHEMA, writeSnapshot } from '../../compiler/ir/snapshot.js';
import { BIN, tempDir, type RunResult } from '../cli/run.js';
import { shape, TEST_URL, type Conn } from '../helpers/server.js';

/** The test server's URL for one database. */
export function urlFor(database: string): string {
  const url = new URL(TEST_URL);
  url.pathname = '/' + database;
  return url.toString();
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', ...env };
}

/** Runs the CLI in `cwd` with extra environment variables (the databases' URLs). */
export function cli(cwd: string, env: Record<string, string>, ...args: string[]): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: childEnv(env) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting: for concurrent runs and kills. */
export function cliAsync(cwd: string, env: Record<string, string>, ...args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The database's shape without schemac's own version table. */
export async function appShape(conn: Conn, db: string): Promise<unknown> {
  const s = await shape(conn, db) as Record<string, { t: string }[]>;
  return Object.fromEntries(Object.entries(s).map(([k, rows]) => [k, rows.filter((r) => r.t !== 'schemac_migrations')]));
}

/**
 * Writes the chain links schemac would have written for the history rows as they are: for tests
 * that recreate by hand what a runner leaves (a row inserted before a crash).
 */
export async function relinkHistory(conn: Conn, db: string): Promise<void> {
  const [rows] = await conn.query(`SELECT version, name, checksum, applied_down_checksum AS down FROM \`${db}\`.schemac_migrations ORDER BY version`);
  let prev = '';
  for (const r of rows as any[]) {
    prev = chainLink(prev, { version: Number(r.version), name: r.name, checksum: r.checksum, appliedDownChecksum: r.down });
    await conn.query(`UPDATE \`${db}\`.schemac_migrations SET chain = ? WHERE version = ?`, [prev, r.version]);
  }
}

/** History rows, oldest first. */
export async function history(conn: Conn, db: string): Promise<any[]> {
  const [rows] = await conn.query(`SELECT * FROM \`${db}\`.schemac_migrations ORDER BY version`);
  return rows as any[];
}

/** A project with one database `app` (url env:APP_DATABASE_URL) whose schema is `schema/app.ts`, holding `text`; nothing built. */
export function schemaProject(prefix: string, text: string): string {
  const dir = tempDir(prefix);
  writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
    dialect: 'mysql', databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app', url: 'env:APP_DATABASE_URL' } },
  }, null, 2));
  mkdirSync(join(dir, 'schema'));
  writeFileSync(join(dir, 'schema/app.ts'), text);
  return dir;
}

/**
 * A project with one database `app` (url env:APP_DATABASE_URL) and hand-written migrations
 * `{ '0001_init': [up, down] }`, summed.
 */
export function makeProject(prefix: string, migrations: Record<string, [string, string]>): string {
  const dir = tempDir(prefix);
  writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
    dialect: 'mysql',
    databases: { app: { schema: ['schema/**/*.ts'], out: 'generated/app', url: 'env:APP_DATABASE_URL' } },
  }, null, 2));
  mkdirSync(join(dir, 'generated/app/migrations'), { recursive: true });
  writeFileSync(join(dir, 'generated/app/snapshot.json'), writeSnapshot(EMPTY_SCHEMA));
  for (const [name, [up, down]] of Object.entries(migrations)) writeMigration(dir, name, up, down);
  resum(dir);
  return dir;
}

/** Writes (or overwrites) a migration's files in a makeProject folder, without re-summing. */
export function writeMigration(dir: string, name: string, up: string, down: string): void {
  writeFileSync(join(dir, 'generated/app/migrations', `${name}.up.sql`), up);
  writeFileSync(join(dir, 'generated/app/migrations', `${name}.down.sql`), down);
}

/** Rewrites a makeProject folder's schemac.sum (what `schemac sum` does). */
export function resum(dir: string, db = 'app'): void {
  const migDir = join(dir, 'generated', db, 'migrations');
  const files = readdirSync(migDir).sort().map((name) => ({ name, text: readFileSync(join(migDir, name), 'utf8') }));
  writeFileSync(join(dir, 'generated', db, 'schemac.sum'), renderSum(files));
}

/** Polls until `probe` returns a value (or fails after `ms`). */
export async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The id of the connection running a statement that starts with `prefix` (from PROCESSLIST). */
export async function connectionRunning(conn: Conn, prefix: string): Promise<number | undefined> {
  const [rows] = await conn.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND ID <> CONNECTION_ID()', [prefix + '%']);
  return (rows as any[])[0]?.id;
}
