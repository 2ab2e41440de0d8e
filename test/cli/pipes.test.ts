import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, copyDemo } from './run.js';
import { connect } from '../helpers/server.js';
import { urlFor } from '../runtime/helpers.js';

/*
 * A reader that goes away (`| head -1`): the command must end quietly, with its own exit code,
 * and clean up as on any other exit (test-migrations drops its scratch database).
 */

const base = `sct_pipe_${randomBytes(3).toString('hex')}`;
const env = { ...process.env, MEMBERS_DATABASE_URL: urlFor(`${base}_members`), USERS_DATABASE_URL: urlFor(`${base}_users`) };

/** Runs `schemac ARGS REDIRECT | head -1` in bash; the command's exit status and what reached head. */
function piped(dir: string, args: string, redirect = ''): { status: number; head: string } {
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args} ${redirect} | head -1; exit "\${PIPESTATUS[0]}"`],
    { cwd: dir, encoding: 'utf8', env });
  return { status: r.status ?? -1, head: r.stdout };
}

async function databases(): Promise<string[]> {
  const conn = await connect();
  try {
    const [rows] = await conn.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [`${base}%`]);
    return (rows as { name: string }[]).map((r) => r.name).sort();
  } finally {
    await conn.end();
  }
}

describe('a closed output pipe', () => {
  beforeAll(async () => {
    const conn = await connect();
    await conn.query(`CREATE DATABASE \`${base}_members\``);
    await conn.query(`CREATE DATABASE \`${base}_users\``);
    await conn.end();
  });
  afterAll(async () => {
    const conn = await connect();
    await conn.query(`DROP DATABASE IF EXISTS \`${base}_members\``);
    await conn.query(`DROP DATABASE IF EXISTS \`${base}_users\``);
    await conn.end();
  });

  it('`verify | head -1` ends quietly with verify\'s exit code (1: both databases are empty, so they drift)', () => {
    const dir = copyDemo('pipe_verify', true);
    const r = piped(dir, 'verify', '2>stderr.txt');
    expect(r.head).toMatch(/^-- members \(.*\): drift from generated\/members\/snapshot.json/);
    expect(r.status).toBe(1);
    // The second database's report is written after head has gone: no EPIPE crash on stderr.
    expect(readFileSync(join(dir, 'stderr.txt'), 'utf8')).toBe('');
  });

  it('`test-migrations 2>&1 | head -1` exits 0 and drops its scratch databases', async () => {
    const dir = copyDemo('pipe_testmig', true);
    const r = piped(dir, 'test-migrations', '2>&1');
    expect(r.head).toMatch(/^members: testing 2 migrations on scratch database /);
    expect(r.status).toBe(0);
    expect(await databases()).toEqual([`${base}_members`, `${base}_users`]);
  });
});
