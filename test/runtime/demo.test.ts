import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyDemo } from '../cli/run.js';
import { ROOT } from '../helpers/compile.js';
import { connect, runSql, scratchDatabase, type Conn } from '../helpers/server.js';
import { appShape, cli, cliAsync, history, urlFor } from './helpers.js';

/*
 * The runtime on the demo project (two databases), against the real server: every result is
 * checked through information_schema and the version table.
 */

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;
const demoSql = (path: string) => readFileSync(join(ROOT, 'generated', path), 'utf8');

describe('schemac up / status / down on the demo', () => {
  let members: Scratch;
  let users: Scratch;
  let reference: Scratch;
  let dir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    members = await scratchDatabase('rt_members');
    users = await scratchDatabase('rt_users');
    reference = await scratchDatabase('rt_reference');
    dir = copyDemo('runtime', true);
    env = { MEMBERS_DATABASE_URL: urlFor(members.name), USERS_DATABASE_URL: urlFor(users.name) };
  });
  afterEach(async () => {
    await members.drop();
    await users.drop();
    await reference.drop();
  });

  it('up, status, down, down --to 0, up: the shape follows schema.sql and each migration file', async () => {
    const upRun = cli(dir, env, 'up');
    expect(upRun.stderr).toContain('members: applying 0001_init (5 statements)');
    expect(upRun.status).toBe(0);
    expect(upRun.stdout).toBe('members: applied 0001_init, 0002_status_report (at 0002_status_report)\nusers: applied 0001_init (at 0001_init)\n');

    await runSql(reference.conn, demoSql('members/schema.sql'));
    const membersFinal = await appShape(reference.conn, reference.name);
    expect(await appShape(members.conn, members.name)).toEqual(membersFinal);
    await runSql(reference.conn, `DROP DATABASE \`${reference.name}\`; CREATE DATABASE \`${reference.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci; USE \`${reference.name}\`;`);
    await runSql(reference.conn, demoSql('users/schema.sql'));
    expect(await appShape(users.conn, users.name)).toEqual(await appShape(reference.conn, reference.name));

    const rows = await history(members.conn, members.name);
    expect(rows.map((r) => [r.version, r.name, r.state, r.statements_applied, r.statements_total])).toEqual([
      [1, '0001_init', 'applied', 5, 5], [2, '0002_status_report', 'applied', 7, 7]]);
    expect(rows[1].checksum).toBe(readFileSync(join(dir, 'generated/members/schemac.sum'), 'utf8').match(/0002_status_report\.up\.sql (\S+)/)![1]);

    const again = cli(dir, env, 'up');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('members: nothing to apply (at 0002_status_report)');

    const st = cli(dir, env, 'status', '--json');
    expect(st.status).toBe(0);
    const report = JSON.parse(st.stdout);
    expect(report.databases.map((d: any) => [d.database, d.migrations.map((m: any) => `${m.name}:${m.state}`)])).toEqual([
      ['members', ['0001_init:applied', '0002_status_report:applied']], ['users', ['0001_init:applied']]]);
    expect(cli(dir, env, 'status').stdout).toMatch(/0002_status_report {2}applied/);

    // down (one step, members only) → the shape after 0001 alone.
    const downRun = cli(dir, env, 'down', '--db', 'members');
    expect(downRun.status).toBe(0);
    expect(downRun.stdout).toBe('members: reverted 0002_status_report (at 0001_init)\n');
    const step1 = await scratchDatabase('rt_step1');
    try {
      await runSql(step1.conn, demoSql('members/migrations/0001_init.up.sql'));
      expect(await appShape(members.conn, members.name)).toEqual(await appShape(step1.conn, step1.name));
    } finally {
      await step1.drop();
    }
    expect(JSON.parse(cli(dir, env, 'status', '--json', '--db', 'members').stdout).databases[0].migrations.map((m: any) => m.state))
      .toEqual(['applied', 'pending']);

    // down --to 0 → empty; up → the final shape again.
    expect(cli(dir, env, 'down', '--to', '0').status).toBe(0);
    const empty = { tables: [], columns: [], indexes: [], fks: [], checks: [], partitions: [], views: [], triggers: [], routines: [], parameters: [], events: [] };
    expect(await appShape(members.conn, members.name)).toEqual(empty);
    expect(await appShape(users.conn, users.name)).toEqual(empty);
    expect(await history(members.conn, members.name)).toEqual([]);
    const json = cli(dir, env, 'up', '--json', '--db', 'members');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).databases[0].migrations.map((m: any) => m.name)).toEqual(['0001_init', '0002_status_report']);
    expect(await appShape(members.conn, members.name)).toEqual(membersFinal);
  });

  it('up --dry-run prints the statements and changes nothing; --to stops at a migration', async () => {
    const dry = cli(dir, env, 'up', '--dry-run', '--db', 'members');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('-- members: generated/members/migrations/0002_status_report.up.sql: would apply statements 1..7 of its 7');
    expect(dry.stdout).toContain('-- statement 2 (line 18)\nALTER TABLE `position`\nADD COLUMN `has_status_report` TINYINT(1) NULL AFTER `description`;');
    const [tables] = await members.conn.query('SHOW TABLES');
    expect(tables).toEqual([]);

    expect(cli(dir, env, 'up', '--to', '1', '--db', 'members').status).toBe(0);
    expect((await history(members.conn, members.name)).map((r) => r.name)).toEqual(['0001_init']);
    const bad = cli(dir, env, 'up', '--to', '9', '--db', 'members');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('has no migration numbered 0009');
    const usage = cli(dir, env, 'down', '--steps', '0');
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining('--steps must be a whole number of at least 1')]);
  });

  it('two `schemac up` started together: both exit 0, each migration is recorded and applied once', async () => {
    const [a, b] = await Promise.all([cliAsync(dir, env, 'up'), cliAsync(dir, env, 'up')]);
    expect([a.status, b.status, a.stderr + b.stderr]).toEqual([0, 0, expect.not.stringContaining('error')]);
    const applied = (a.stdout + b.stdout).match(/applied [0-9a-z_, ]+/g)!.join(' ');
    expect(applied.match(/0002_status_report/g)).toHaveLength(1);
    expect((await history(members.conn, members.name)).map((r) => [r.name, r.state])).toEqual([['0001_init', 'applied'], ['0002_status_report', 'applied']]);
    expect((await history(users.conn, users.name)).map((r) => [r.name, r.state])).toEqual([['0001_init', 'applied']]);
  });

  it('refuses a tampered file (applied or not) until `schemac sum` accepts the edit', async () => {
    expect(cli(dir, env, 'up', '--to', '1', '--db', 'members').status).toBe(0);
    const applied = join(dir, 'generated/members/migrations/0001_init.up.sql');
    appendFileSync(applied, '\n-- reviewed by ops\n');
    const refused = cli(dir, env, 'up');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('generated/members/migrations/0001_init.up.sql was changed');
    expect(refused.stderr).toContain('run `schemac sum` if the edit is deliberate');
    expect((await history(members.conn, members.name)).map((r) => r.name)).toEqual(['0001_init']);
    expect(JSON.parse(cli(dir, env, 'status', '--json', '--db', 'members').stdout).databases[0].migrations[0])
      .toMatchObject({ state: 'edited', sumMismatch: true });

    const pending = join(dir, 'generated/members/migrations/0002_status_report.up.sql');
    writeFileSync(pending, readFileSync(pending, 'utf8').replace('`title` VARCHAR(128)', '`title` VARCHAR(200)'));
    const both = cli(dir, env, 'up');
    expect(both.stderr).toContain('0002_status_report.up.sql was changed');

    const summed = cli(dir, env, 'sum');
    expect(summed.status).toBe(0);
    expect(summed.stdout).toContain('members: wrote generated/members/schemac.sum\n  changed: 0001_init.up.sql\n  changed: 0002_status_report.up.sql');
    expect(cli(dir, env, 'sum').stdout).toContain('members: generated/members/schemac.sum is up to date');

    const accepted = cli(dir, env, 'up');
    expect(accepted.status).toBe(0);
    expect(accepted.stderr).toContain('0001_init.up.sql was edited after it was applied here');
    const [cols] = await members.conn.query("SELECT COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'statusreport' AND COLUMN_NAME = 'title'", [members.name]);
    expect(cols).toEqual([{ t: 'varchar(200)' }]);
    const st = JSON.parse(cli(dir, env, 'status', '--json', '--db', 'members').stdout).databases[0].migrations;
    expect(st.map((m: any) => [m.state, m.sumMismatch])).toEqual([['edited', false], ['applied', false]]);
  });

  it('never prints a password: a wrong password, an unreachable server, a missing env var', async () => {
    const secret = 'Sup3r-s3cret-pw';
    const wrong = new URL(urlFor(members.name));
    wrong.password = secret;
    for (const args of [['up'], ['status'], ['down'], ['up', '--json'], ['status', '--json']]) {
      const r = cli(dir, { ...env, MEMBERS_DATABASE_URL: wrong.toString() }, ...args);
      expect(r.status).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(secret);
      expect(r.stdout + r.stderr).toContain(':***@');
    }
    const unreachable = cli(dir, { ...env, MEMBERS_DATABASE_URL: `mysql://app:${secret}@127.0.0.1:1/db` }, 'up');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toContain('cannot connect to mysql://app:***@127.0.0.1:1/db');
    expect(unreachable.stderr).not.toContain(secret);
    // A literal URL in the config.
    const config = join(dir, 'schemac.config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('env:MEMBERS_DATABASE_URL', `mysql://root:${secret}@127.0.0.1:1/x`));
    const literal = cli(dir, env, 'status');
    expect(literal.stderr).not.toContain(secret);
    expect(literal.status).toBe(1);

    const missing = cli(dir, { USERS_DATABASE_URL: '' }, 'status', '--db', 'users');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('environment variable USERS_DATABASE_URL is not set');
  });

  it('a user with a password: status shows the URL redacted and works', async () => {
    const user = `sct_u_${members.name.slice(-8)}`;
    const secret = 'An0ther-s3cret';
    const admin: Conn = await connect();
    try {
      await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${secret}'`);
      await admin.query(`GRANT ALL ON \`${members.name}\`.* TO '${user}'@'%'`);
      const url = new URL(urlFor(members.name));
      url.username = user;
      url.password = secret;
      const r = cli(dir, { ...env, MEMBERS_DATABASE_URL: url.toString() }, 'up', '--db', 'members');
      expect(r.status).toBe(0);
      const st = cli(dir, { ...env, MEMBERS_DATABASE_URL: url.toString() }, 'status', '--db', 'members');
      expect(st.stdout).toContain(`(mysql://${user}:***@`);
      expect(r.stdout + r.stderr + st.stdout + st.stderr).not.toContain(secret);
    } finally {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.end();
    }
  });
});
