import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileHash } from '../../compiler/emit/sum.js';
import { classifyStatement } from '../../runtime/classify.js';
import { openSession, parseDatabaseUrl } from '../../runtime/connection.js';
import { fingerprint } from '../../runtime/fingerprint.js';
import { statementChain } from '../../runtime/history.js';
import { splitStatements } from '../../runtime/statements.js';
import { connect, runSql, scratchDatabase, type Conn } from '../helpers/server.js';
import { appShape, cli, cliAsync, connectionRunning, history, makeProject, relinkHistory, resum, urlFor, waitFor, writeMigration } from './helpers.js';

/*
 * Partial failures, resume, down of a partial migration, a killed connection, the
 * committed-but-not-recorded gap, and out-of-order history, on the real server.
 */

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;

const INIT_UP = `-- step 1: create table account
CREATE TABLE account (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL
);
`;
const INIT_DOWN = '-- undo step 1: create table account\nDROP TABLE account;\n';

const UNIQUE_UP = `-- schemac migration 0002_unique (up)

-- step 1: add column account.nickname
ALTER TABLE account ADD COLUMN nickname VARCHAR(64) NULL;

-- step 2: add unique key uq_account_email
ALTER TABLE account
  ADD UNIQUE KEY uq_account_email (email);

-- step 3: add index ix_account_nickname
CREATE INDEX ix_account_nickname ON account (nickname);
`;
const UNIQUE_DOWN = `-- undo step 3: add index ix_account_nickname
DROP INDEX ix_account_nickname ON account;

-- undo step 2: add unique key uq_account_email
ALTER TABLE account DROP INDEX uq_account_email;

-- undo step 1: add column account.nickname
ALTER TABLE account DROP COLUMN nickname;
`;

describe('partial migrations', () => {
  let db: Scratch;
  let env: Record<string, string>;
  beforeEach(async () => {
    db = await scratchDatabase('rt_partial');
    env = { APP_DATABASE_URL: urlFor(db.name) };
  });
  afterEach(async () => { await db.drop(); });

  it('fails at statement 2 of 3, records partial, down reverts what ran, up resumes at 2 after the fix', async () => {
    const dir = makeProject('partial', { '0001_init': [INIT_UP, INIT_DOWN], '0002_unique': [UNIQUE_UP, UNIQUE_DOWN] });
    expect(cli(dir, env, 'up', '--to', '1').status).toBe(0);
    const afterInit = await appShape(db.conn, db.name);
    await db.conn.query("INSERT INTO account (email) VALUES ('a@x'), ('a@x'), ('b@x')");

    const failed = cli(dir, env, 'up');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('generated/app/migrations/0002_unique.up.sql:7:1: error E_STATEMENT_FAILED: database app: migration 0002_unique failed at statement 2 of 3 (line 7: ALTER TABLE account)');
    expect(failed.stderr).toContain('ER_DUP_ENTRY (1062)');
    expect(failed.stderr).toContain('statements 1..1 ran and are recorded (state partial). Fix the cause, then `schemac up` resumes at statement 2; or `schemac down` reverts what ran');
    expect((await history(db.conn, db.name)).map((r) => [r.name, r.state, r.statements_applied, r.statements_total, r.running]))
      .toEqual([['0001_init', 'applied', 1, 1, null], ['0002_unique', 'partial', 1, 3, null]]);
    expect(cli(dir, env, 'status').stdout).toContain('0002_unique  partial       1 of 3 statements ran; `schemac up` resumes at statement 2');

    // down of the partial migration: only undo step 1 runs (the unique key and index never existed).
    const reverted = cli(dir, env, 'down');
    expect(reverted.stderr).toContain('reverting 0002_unique (partly applied: undoing step 1)');
    expect(reverted.status).toBe(0);
    expect(await appShape(db.conn, db.name)).toEqual(afterInit);
    expect((await history(db.conn, db.name)).map((r) => r.name)).toEqual(['0001_init']);

    // Fails again at 2; fix the data; up resumes at 2 (statement 1 would fail if it ran twice).
    expect(cli(dir, env, 'up').status).toBe(1);
    await db.conn.query("DELETE FROM account WHERE email = 'a@x' LIMIT 1");
    const resumed = cli(dir, env, 'up');
    expect(resumed.stderr).toContain('resuming 0002_unique at statement 2 of 3');
    expect(resumed.status).toBe(0);
    expect((await history(db.conn, db.name)).map((r) => [r.state, r.statements_applied])).toEqual([['applied', 1], ['applied', 3]]);

    const reference = await scratchDatabase('rt_partial_ref');
    try {
      await runSql(reference.conn, INIT_UP + UNIQUE_UP);
      expect(await appShape(db.conn, db.name)).toEqual(await appShape(reference.conn, reference.name));
    } finally {
      await reference.drop();
    }
  });

  it('resumes with a re-summed edit after the statements that ran, and refuses an edit of what ran', async () => {
    const dir = makeProject('edit', { '0001_init': [INIT_UP, INIT_DOWN], '0002_unique': [UNIQUE_UP, UNIQUE_DOWN] });
    expect(cli(dir, env, 'up', '--to', '1').status).toBe(0);
    await db.conn.query("INSERT INTO account (email) VALUES ('a@x'), ('a@x')");
    expect(cli(dir, env, 'up').status).toBe(1);

    // Editing statement 1 (it ran) is refused even after `schemac sum`.
    writeMigration(dir, '0002_unique', UNIQUE_UP.replace('VARCHAR(64)', 'VARCHAR(65)'), UNIQUE_DOWN);
    expect(cli(dir, env, 'sum').status).toBe(0);
    const refused = cli(dir, env, 'up');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('E_PARTIAL_EDITED');

    // Inserting a fix before statement 2 is the deliberate edit to make.
    writeMigration(dir, '0002_unique', UNIQUE_UP.replace('-- step 2:', "DELETE FROM account WHERE id > (SELECT MIN(id) FROM (SELECT id FROM account) x);\n\n-- step 2:"), UNIQUE_DOWN);
    expect(cli(dir, env, 'sum').status).toBe(0);
    const r = cli(dir, env, 'up');
    expect(r.stderr).toContain('resuming 0002_unique at statement 2 of 4');
    expect(r.status).toBe(0);
    const rows = await history(db.conn, db.name);
    expect([rows[1].state, rows[1].statements_applied, rows[1].statements_total]).toEqual(['applied', 4, 4]);
    expect(rows[1].checksum).toBe(fileHash(readFileSync(join(dir, 'generated/app/migrations/0002_unique.up.sql'), 'utf8')));
  });

  it('refuses out-of-order history, applies it with --allow-out-of-order', async () => {
    const dir = makeProject('order', {
      '0001_init': [INIT_UP, INIT_DOWN],
      '0003_c': ['-- step 1: c\nCREATE TABLE c (id INT);\n', '-- undo step 1: c\nDROP TABLE c;\n'],
    });
    expect(cli(dir, env, 'up').status).toBe(0);
    writeMigration(dir, '0002_b', '-- step 1: b\nCREATE TABLE b (id INT);\n', '-- undo step 1: b\nDROP TABLE b;\n');
    resum(dir);
    const refused = cli(dir, env, 'up');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('error E_OUT_OF_ORDER: database app: 0002_b is not applied, but 0003_c (a later number) is');
    expect(refused.stderr).toContain('rebuild with `schemac build`');
    expect(cli(dir, env, 'up', '--allow-out-of-order').status).toBe(0);
    expect((await history(db.conn, db.name)).map((r) => r.name)).toEqual(['0001_init', '0002_b', '0003_c']);
  });
});

describe('a connection lost in the middle of a migration', () => {
  let db: Scratch;
  let admin: Conn;
  let env: Record<string, string>;
  beforeEach(async () => {
    db = await scratchDatabase('rt_kill');
    admin = await connect();
    env = { APP_DATABASE_URL: urlFor(db.name) };
  });
  afterEach(async () => {
    await admin.end();
    await db.drop();
  });

  const LOG_UP = '-- step 1: log\nCREATE TABLE log (n INT NOT NULL);\n';
  const LOG_DOWN = '-- undo step 1: log\nDROP TABLE log;\n';
  const WORK_UP = `-- step 1: first
INSERT INTO log VALUES (1);

-- step 2: table t2
CREATE TABLE t2 (id INT);

-- step 3: second
INSERT INTO log VALUES (2);
`;
  const WORK_DOWN = '-- undo step 3: second\nDELETE FROM log WHERE n = 2;\n-- undo step 2: table t2\nDROP TABLE t2;\n-- undo step 1: first\nDELETE FROM log WHERE n = 1;\n';

  it('KILL during a statement: recorded, and the next up finishes without running anything twice', async () => {
    const dir = makeProject('kill', { '0001_log': [LOG_UP, LOG_DOWN], '0002_work': [WORK_UP, WORK_DOWN] });
    // A slow statement added by hand, then re-summed.
    const file = join(dir, 'generated/app/migrations/0002_work.up.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\n-- step 2:', 'SELECT SLEEP(3);\n\n-- step 2:'));
    expect(cli(dir, env, 'sum').status).toBe(0);

    const running = cliAsync(dir, env, 'up');
    const id = await waitFor(() => connectionRunning(admin, 'SELECT SLEEP(3)'), 10_000, 'the SLEEP statement');
    await admin.query(`KILL ${id}`);
    const killed = await running;
    expect(killed.status).toBe(1);
    expect(killed.stderr).toContain('E_CONNECTION_LOST');
    expect(killed.stderr).toContain('statement 2 of 4');
    expect((await history(db.conn, db.name)).map((r) => [r.name, r.state, r.statements_applied])).toEqual([['0001_log', 'applied', 1], ['0002_work', 'partial', 1]]);

    const resumed = cli(dir, env, 'up');
    expect(resumed.status).toBe(0);
    const [log] = await db.conn.query('SELECT n FROM log ORDER BY n');
    expect(log).toEqual([{ n: 1 }, { n: 2 }]);
    expect((await history(db.conn, db.name)).map((r) => [r.state, r.statements_applied])).toEqual([['applied', 1], ['applied', 4]]);
  });

  it('KILL during a data statement: it rolls back with its record, and runs exactly once on resume', async () => {
    const dir = makeProject('killdml', {
      '0001_log': [LOG_UP, LOG_DOWN],
      '0002_slow': ['-- step 1: slow insert\nINSERT INTO log VALUES (1);\nINSERT INTO log SELECT 100 + SLEEP(3);\n', '-- undo step 1: slow insert\nDELETE FROM log;\n'],
    });
    const running = cliAsync(dir, env, 'up');
    const id = await waitFor(() => connectionRunning(admin, 'INSERT INTO log SELECT 100'), 10_000, 'the slow INSERT');
    await admin.query(`KILL ${id}`);
    const killed = await running;
    expect(killed.status).toBe(1);
    expect(killed.stderr).toContain('this one did not commit (it ran in a transaction with its record)');
    const [before] = await db.conn.query('SELECT n FROM log ORDER BY n');
    expect(before).toEqual([{ n: 1 }]);
    expect(cli(dir, env, 'up').status).toBe(0);
    const [after] = await db.conn.query('SELECT n FROM log ORDER BY n');
    expect(after).toEqual([{ n: 1 }, { n: 100 }]);
  });

  it('KILL of a DDL statement waiting for a metadata lock: it did not take effect, so the next up runs it once', async () => {
    const dir = makeProject('mdl', {
      '0001_log': [LOG_UP, LOG_DOWN],
      '0002_col': ['-- step 1: fill\nINSERT INTO log VALUES (7);\n-- step 2: column\nALTER TABLE log ADD COLUMN c INT NULL;\n-- step 3: more\nINSERT INTO log VALUES (8, 8);\n',
        '-- undo step 3: more\nDELETE FROM log WHERE n = 8;\n-- undo step 2: column\nALTER TABLE log DROP COLUMN c;\n-- undo step 1: fill\nDELETE FROM log WHERE n = 7;\n'],
    });
    expect(cli(dir, env, 'up', '--to', '1').status).toBe(0);
    // An open transaction that read the table holds a metadata lock: the ALTER waits for it.
    const reader = await connect(db.name);
    await reader.query('START TRANSACTION');
    await reader.query('SELECT * FROM log');
    try {
      const running = cliAsync(dir, env, 'up', '--lock-wait-timeout', '30');
      const id = await waitFor(() => connectionRunning(admin, 'ALTER TABLE log'), 10_000, 'the ALTER');
      await admin.query(`KILL ${id}`);
      const killed = await running;
      expect(killed.status).toBe(1);
      expect(killed.stderr).toContain('whether this one committed is decided by the next run');
      const [row] = (await history(db.conn, db.name)).slice(1);
      expect([row.statements_applied, row.running, row.running_statement]).toEqual([1, 'up', 2]);
      expect(row.running_fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.parse(cli(dir, env, 'status', '--json').stdout).databases[0].migrations[1]).toMatchObject({ state: 'partial', interrupted: 2 });
    } finally {
      await reader.query('COMMIT');
      await reader.end();
    }
    const resumed = cli(dir, env, 'up');
    expect(resumed.stderr).toContain('statement 2 of 3 (line 4: ALTER TABLE log ADD COLUMN c INT NULL) was interrupted in an earlier run');
    expect(resumed.stderr).toContain('did not take effect: it runs again');
    expect(resumed.status).toBe(0);
    const [log] = await db.conn.query('SELECT n, c FROM log ORDER BY n');
    expect(log).toEqual([{ n: 7, c: null }, { n: 8, c: 8 }]);
  });

  it('a DDL statement that committed but was not recorded is detected and not run again', async () => {
    const up = '-- step 1: column\nALTER TABLE log ADD COLUMN c INT NULL;\n-- step 2: fill\nINSERT INTO log VALUES (1, 1);\n';
    const dir = makeProject('gap', {
      '0001_log': [LOG_UP, LOG_DOWN],
      '0002_col': [up, '-- undo step 2: fill\nDELETE FROM log;\n-- undo step 1: column\nALTER TABLE log DROP COLUMN c;\n'],
    });
    expect(cli(dir, env, 'up', '--to', '1').status).toBe(0);
    // Recreate what a runner leaves when it dies right after the ALTER committed: the row says
    // "statement 1 started" with the fingerprint taken before it, and the ALTER is done.
    const statements = splitStatements(up);
    const session = await openSession(parseDatabaseUrl(urlFor(db.name), 'test'), { lockWaitTimeout: 10 }, 'test');
    const before = await fingerprint(session, classifyStatement(statements[0].sql).targets);
    await session.close();
    const mark = async (fp: string | null) => {
      await db.conn.query(`INSERT INTO schemac_migrations (version, name, checksum, statements_applied, statements_total, state, applied_hash, running, running_statement, running_fingerprint)
        VALUES (2, '0002_col', ?, 0, 2, 'partial', ?, 'up', 1, ?)`, [fileHash(up), statementChain([])[0], fp]);
      await relinkHistory(db.conn, db.name);
    };
    await db.conn.query(statements[0].sql);

    // Without a fingerprint schemac cannot tell, and asks.
    await mark(null);
    const asks = cli(dir, env, 'up');
    expect(asks.status).toBe(1);
    expect(asks.stderr).toContain('E_INTERRUPTED');
    expect(asks.stderr).toContain('--resolve-interrupted skip');

    // With the fingerprint it knows the ALTER committed, and does not run it again.
    await db.conn.query('DELETE FROM schemac_migrations WHERE version = 2');
    await mark(before);
    const r = cli(dir, env, 'up');
    expect(r.stderr).toContain('so it committed: counted as done, not run again');
    expect(r.status).toBe(0);
    const [log] = await db.conn.query('SELECT n, c FROM log');
    expect(log).toEqual([{ n: 1, c: 1 }]);
    expect((await history(db.conn, db.name))[1]).toMatchObject({ state: 'applied', statements_applied: 2, running: null });

    // And the same decision by hand: --resolve-interrupted skip.
    expect(cli(dir, env, 'down').status).toBe(0);
    await db.conn.query(statements[0].sql);
    await mark(null);
    expect(cli(dir, env, 'up', '--resolve-interrupted', 'skip').status).toBe(0);
    const [log2] = await db.conn.query('SELECT n, c FROM log');
    expect(log2).toEqual([{ n: 1, c: 1 }]);
  });
});
