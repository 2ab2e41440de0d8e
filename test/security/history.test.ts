import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, history, makeProject, resum, urlFor, writeMigration } from '../runtime/helpers.js';
import { scratchDatabase } from '../helpers/server.js';

/*
 * Issue 16.7: the version table is tamper-evident. The down file is recorded when its migration
 * is applied and checked before `down`; the rows carry a chained hash, so an edited, swapped or
 * removed row is refused with what happened; counters no run leaves are refused.
 */

const M1: [string, string] = ['-- step 1: a\nCREATE TABLE a (id INT PRIMARY KEY);\n', '-- undo step 1: a\nDROP TABLE a;\n'];
const M2: [string, string] = ['-- step 1: b\nCREATE TABLE b (id INT PRIMARY KEY);\n', '-- undo step 1: b\nDROP TABLE b;\n'];
const M3: [string, string] = ['-- step 1: c\nCREATE TABLE c (id INT PRIMARY KEY);\n', '-- undo step 1: c\nDROP TABLE c;\n'];

describe('history integrity (issue 16.7)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let env: Record<string, string>;
  let dir: string;
  const tables = async () => ((await db.conn.query(`SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1`, [db.name]))[0] as any[]).map((r) => r.t);

  beforeEach(async () => {
    db = await scratchDatabase('history');
    env = { APP_DATABASE_URL: urlFor(db.name) };
    dir = makeProject('history', { '0001_a': M1, '0002_b': M2, '0003_c': M3 });
    const r = cli(dir, env, 'up');
    expect(r.status).toBe(0);
  });
  afterEach(async () => {
    await db.drop();
  });

  it('every row carries its down checksum and a chain link', async () => {
    const rows = await history(db.conn, db.name);
    expect(rows.map((r) => [r.version, r.applied_down_checksum?.length, r.chain?.length])).toEqual([[1, 47, 64], [2, 47, 64], [3, 47, 64]]);
    expect(new Set(rows.map((r) => r.chain)).size).toBe(3);
    expect(cli(dir, env, 'status').status).toBe(0);
  });

  it('a down file edited after it was applied (and re-summed) is shown by status and refused by down', async () => {
    writeMigration(dir, '0003_c', M3[0], '-- undo step 1: c\nDROP TABLE a;\n');
    resum(dir);
    const status = cli(dir, env, 'status');
    expect(status.stdout).toMatch(/0003_c +edited .*the down file changed after it was applied here/);
    expect(status.status).toBe(1);
    const down = cli(dir, env, 'down');
    expect(down.stderr).toContain('error E_DOWN_EDITED: database app: generated/app/migrations/0003_c.down.sql was edited after 0003_c was applied here');
    expect(down.status).toBe(1);
    expect(await tables()).toEqual(['a', 'b', 'c', 'schemac_migrations']);
    // A reviewed edit runs when asked for.
    const allowed = cli(dir, env, 'down', '--allow-edited-down');
    expect(allowed.status).toBe(0);
    expect(await tables()).toEqual(['b', 'c', 'schemac_migrations']);
  });

  it('swapped rows are refused by up, down and status, without the "re-summed" story', async () => {
    await db.conn.query("UPDATE schemac_migrations SET version = 99 WHERE version = 2");
    await db.conn.query("UPDATE schemac_migrations SET version = 2 WHERE version = 3");
    await db.conn.query("UPDATE schemac_migrations SET version = 3 WHERE version = 99");
    for (const args of [['up'], ['up', '--dry-run'], ['down'], ['status']]) {
      const r = cli(dir, env, ...args);
      expect(r.stdout + r.stderr).toContain('schemac_migrations was changed outside schemac at version 0002 (0003_c)');
      expect(r.stderr).not.toContain('re-summed');
      expect(r.status).toBe(1);
    }
    expect(await tables()).toEqual(['a', 'b', 'c', 'schemac_migrations']);
  });

  it('an edited checksum, an edited name and a removed row are each refused, naming the row', async () => {
    const cases: Array<[string, string, string]> = [
      ["UPDATE schemac_migrations SET checksum = 'sha256:0000' WHERE version = 2", 'at version 0002 (0002_b)', 'E_HISTORY_EDITED'],
      ["UPDATE schemac_migrations SET name = '0002_other' WHERE version = 2", 'at version 0002 (0002_other)', 'E_HISTORY_NAME'],
      ['DELETE FROM schemac_migrations WHERE version = 2', 'at version 0003 (0003_c)', 'E_HISTORY_EDITED'],
    ];
    const [saved] = await db.conn.query('SELECT * FROM schemac_migrations ORDER BY version');
    for (const [edit, where, code] of cases) {
      await db.conn.query(edit);
      const up = cli(dir, env, 'up');
      expect(up.stderr).toContain(`schemac_migrations was changed outside schemac ${where}`);
      expect(up.stderr).toContain(`error ${code}`);
      expect(up.status).toBe(1);
      expect(cli(dir, env, 'status').status).toBe(1);
      await db.conn.query('DELETE FROM schemac_migrations');
      for (const row of saved as any[]) await db.conn.query('INSERT INTO schemac_migrations SET ?', [row]);
      expect(cli(dir, env, 'status').status).toBe(0);
    }
  });

  it('impossible counters are refused instead of resuming at "statement 8 of 1"', async () => {
    await db.conn.query("UPDATE schemac_migrations SET statements_applied = 8, state = 'partial' WHERE version = 3");
    const up = cli(dir, env, 'up');
    expect(up.stderr).toContain('error E_HISTORY_COUNT: database app: the history of 0003_c says 8 of 1 statements applied, which no run leaves');
    expect(up.stderr).not.toContain('resum');
    expect(up.status).toBe(1);
    expect(cli(dir, env, 'down').status).toBe(1);
    await db.conn.query("UPDATE schemac_migrations SET statements_applied = 1, statements_total = 5, state = 'partial' WHERE version = 3");
    expect(cli(dir, env, 'up').stderr).toContain('5 statements recorded, but generated/app/migrations/0003_c.up.sql has 1');
  });

  it('--accept-history takes a checked history as it is and links it anew', async () => {
    // A row removed by hand, as a hint may tell someone to do; the table is dropped to match.
    await db.conn.query('DELETE FROM schemac_migrations WHERE version = 2');
    await db.conn.query('DROP TABLE b');
    expect(cli(dir, env, 'up').status).toBe(1);
    const accepted = cli(dir, env, 'up', '--accept-history', '--allow-out-of-order');
    expect(accepted.stderr).toContain('the history is taken as it is (--accept-history): 2 rows linked anew');
    expect(accepted.status).toBe(0);
    expect(await tables()).toEqual(['a', 'b', 'c', 'schemac_migrations']);
    expect(cli(dir, env, 'status').status).toBe(0);
    expect(cli(dir, env, 'down', '--to', '0').status).toBe(0);
    expect(await tables()).toEqual(['schemac_migrations']);
  });

  it('a version table of an older schemac (no integrity columns) is upgraded by the next up', async () => {
    await db.conn.query('ALTER TABLE schemac_migrations DROP COLUMN chain, DROP COLUMN applied_down_checksum');
    expect(cli(dir, env, 'status').status).toBe(0);
    writeMigration(dir, '0004_d', '-- step 1: d\nCREATE TABLE d (id INT PRIMARY KEY);\n', '-- undo step 1: d\nDROP TABLE d;\n');
    resum(dir);
    const up = cli(dir, env, 'up');
    expect(up.stderr).toContain('schemac_migrations is from an older schemac: added its integrity columns (down checksums and the chain of 3 rows, taken as they are)');
    expect(up.status).toBe(0);
    expect((await history(db.conn, db.name)).map((r) => r.chain?.length)).toEqual([64, 64, 64, 64]);
    await db.conn.query("UPDATE schemac_migrations SET checksum = 'sha256:0000' WHERE version = 1");
    expect(cli(dir, env, 'status').stdout).toContain('changed outside schemac at version 0001');
  });

  it('an edited up file of an applied migration is still a re-summed edit: a warning, not a refusal', async () => {
    writeMigration(dir, '0001_a', M1[0] + '-- a comment\n', M1[1]);
    resum(dir);
    writeFileSync(join(dir, 'generated/app/migrations/0004_d.up.sql'), '-- step 1: d\nCREATE TABLE d (id INT PRIMARY KEY);\n');
    writeFileSync(join(dir, 'generated/app/migrations/0004_d.down.sql'), '-- undo step 1: d\nDROP TABLE d;\n');
    resum(dir);
    const up = cli(dir, env, 'up');
    expect(up.stderr).toContain('0001_a.up.sql was edited after it was applied here');
    expect(up.status).toBe(0);
  });
});
