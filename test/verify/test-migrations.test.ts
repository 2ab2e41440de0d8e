import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemo } from '../cli/run.js';
import { connect } from '../helpers/server.js';
import { cli, urlFor } from '../runtime/helpers.js';

/*
 * `schemac test-migrations` on the demo and on copies with hand-broken migration files. The
 * configured databases need not exist: the scratch databases are created next to them on the
 * same server, named after them, and always dropped.
 */

const base = `sct_tm_${randomBytes(3).toString('hex')}`;
const env = { MEMBERS_DATABASE_URL: urlFor(`${base}_members`), USERS_DATABASE_URL: urlFor(`${base}_users`) };

async function leftovers(): Promise<string[]> {
  const conn = await connect();
  try {
    const [rows] = await conn.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?', [`${base}%`]);
    return (rows as { name: string }[]).map((r) => r.name);
  } finally {
    await conn.end();
  }
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, 'generated', file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  writeFileSync(path, next);
}

describe('schemac test-migrations', () => {
  afterAll(async () => {
    expect(await leftovers()).toEqual([]);
  });

  it('passes on the demo (both databases), text and --json, and leaves no scratch database', async () => {
    const dir = copyDemo('testmig', true);
    const r = cli(dir, env, 'test-migrations');
    expect(r.stdout).toBe('members: ok, 2 migrations up and down (22 statements) match generated/members/snapshot.json\n'
      + 'users: ok, 1 migration up and down (6 statements) match generated/users/snapshot.json\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^members: testing 2 migrations on scratch database ${base}_members_schemac_test_[0-9a-f]{8}$`, 'm'));
    expect(r.stderr).toContain('members: 0002_status_report down (5 statements)');
    const j = cli(dir, env, 'test-migrations', '--json', '--db', 'users');
    expect(j.status).toBe(0);
    const report = JSON.parse(j.stdout);
    expect(report.ok).toBe(true);
    expect(report.databases).toHaveLength(1);
    expect(report.databases[0]).toMatchObject({ database: 'users', migrations: ['0001_init'], ok: true, failure: null });
    expect(await leftovers()).toEqual([]);
  });

  it('fails on a hand-broken down script, naming the migration and the direction, with both shapes', async () => {
    const dir = copyDemo('testmig_down', true);
    // The down no longer drops position.has_status_report.
    edit(dir, 'members/migrations/0002_status_report.down.sql', /-- undo step 2:[^\n]*\nALTER TABLE `position`\nDROP COLUMN `has_status_report`;\n/, '');
    const unsummed = cli(dir, env, 'test-migrations', '--db', 'members');
    expect(unsummed.status).toBe(1);
    expect(unsummed.stderr).toContain('0002_status_report.down.sql');
    expect(cli(dir, env, 'sum').status).toBe(0);

    const r = cli(dir, env, 'test-migrations');
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('members: FAIL at 0002_status_report down: after its down script the database differs from the schema before 0002_status_report up');
    expect(r.stdout).toContain('    add column position.has_status_report: `has_status_report` TINYINT(1) NULL');
    expect(r.stdout).toMatch(/ {2}expected:\n {4}CREATE TABLE `position` \(/);
    expect(r.stdout).toMatch(/ {2}actual:\n {4}CREATE TABLE `position` \([^;]*`has_status_report` TINYINT\(1\) NULL/);
    // The other database is still tested.
    expect(r.stdout).toContain('users: ok, 1 migration');

    const j = JSON.parse(cli(dir, env, 'test-migrations', '--json', '--db', 'members').stdout);
    expect(j.ok).toBe(false);
    expect(j.databases[0].failure).toMatchObject({ kind: 'mismatch', migration: '0002_status_report', direction: 'down',
      differences: ['add column position.has_status_report: `has_status_report` TINYINT(1) NULL'] });
  });

  it('fails naming the statement (migration, number, line, server error) when an up statement is broken', async () => {
    const dir = copyDemo('testmig_stmt', true);
    edit(dir, 'members/migrations/0002_status_report.up.sql', 'AFTER `completion`', 'AFTER `no_such_column`');
    expect(cli(dir, env, 'sum').status).toBe(0);
    const r = cli(dir, env, 'test-migrations', '--db', 'members');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^members: FAIL at 0002_status_report up: statement 4 \(generated\/members\/migrations\/0002_status_report\.up\.sql:\d+\) failed: ER_BAD_FIELD_ERROR \(1054\): Unknown column 'no_such_column'/);
    expect(r.stdout).toContain('  ALTER TABLE `taskcompletion`');
    const j = JSON.parse(cli(dir, env, 'test-migrations', '--json', '--db', 'members').stdout);
    expect(j.databases[0].failure).toMatchObject({ kind: 'statement', migration: '0002_status_report', direction: 'up', statement: 4 });

    const down = copyDemo('testmig_stmt_down', true);
    edit(down, 'members/migrations/0002_status_report.down.sql', 'DROP TABLE `statusreport`', 'DROP TABLE `no_such_table`');
    expect(cli(down, env, 'sum').status).toBe(0);
    const d = cli(down, env, 'test-migrations', '--db', 'members');
    expect(d.status).toBe(1);
    expect(d.stdout).toMatch(/^members: FAIL at 0002_status_report down: statement 5 \(generated\/members\/migrations\/0002_status_report\.down\.sql:\d+\) failed: ER_BAD_TABLE_ERROR \(1051\)/);
  });

  it('fails when the migrations do not lead to the snapshot', async () => {
    const dir = copyDemo('testmig_up', true);
    edit(dir, 'members/migrations/0002_status_report.up.sql', 'MODIFY COLUMN `has_status_report` TINYINT(1) NOT NULL DEFAULT 1',
      'MODIFY COLUMN `has_status_report` TINYINT(1) NOT NULL DEFAULT 0');
    expect(cli(dir, env, 'sum').status).toBe(0);
    const r = cli(dir, env, 'test-migrations', '--db', 'members');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('members: FAIL at 0002_status_report up: after its up script the database differs from the snapshot (generated/members/snapshot.json)');
    expect(r.stdout).toContain('modify column position.has_status_report: `has_status_report` TINYINT(1) NOT NULL DEFAULT 1 -> `has_status_report` TINYINT(1) NOT NULL DEFAULT 0');
  });
});
