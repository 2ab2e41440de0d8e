import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDatabase, type Conn } from '../helpers/server.js';
import { cli, history, schemaProject, urlFor } from './helpers.js';

/*
 * The down of a widening narrows (issue 15): it is labelled lossy in the plan, it checks the
 * values it would cut before its first statement and refuses, naming the rows; and a down that
 * stopped half-way can be finished or taken back with `up`.
 */

const V1 = "import { table, id, varchar } from 'schemac';\n\n"
  + "export const item = table('item', { id: id(), sku: varchar(32).notNull().unique() });\n"
  + "export const line = table('line', { id: id(), sku: varchar(32).notNull().references(() => item.sku) });\n";
const V2 = V1.replace(/varchar\(32\)/g, 'varchar(64)');
const LONG = 'x'.repeat(40);

function project(db: string): { dir: string; env: Record<string, string> } {
  const dir = schemaProject('lossy-down', V1);
  const env = { APP_DATABASE_URL: urlFor(db) };
  expect(cli(dir, env, 'build').status).toBe(0);
  writeFileSync(join(dir, 'schema/app.ts'), V2);
  return { dir, env };
}

async function foreignKeys(conn: Conn, db: string): Promise<string[]> {
  const [rows] = await conn.query('SELECT CONSTRAINT_NAME AS name FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?', [db]);
  return (rows as { name: string }[]).map((r) => r.name);
}

async function skuLength(conn: Conn, db: string): Promise<number> {
  const [rows] = await conn.query("SELECT CHARACTER_MAXIMUM_LENGTH AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'item' AND COLUMN_NAME = 'sku'", [db]);
  return Number((rows as { n: number }[])[0].n);
}

describe('a down that narrows', () => {
  it('is labelled lossy in the plan, and refuses before its first statement, naming the rows that would not fit', async () => {
    const db = await scratchDatabase('lossy_down_check');
    try {
      const { dir, env } = project(db.name);
      const plan = cli(dir, env, 'plan');
      expect(plan.stdout).toContain('warning: lossy down: the down script turns item.sku back into VARCHAR(32) NOT NULL; '
        + 'it refuses to run while a row holds a value that does not fit (it names the rows)');
      expect(cli(dir, env, 'build').status).toBe(0);
      expect(cli(dir, env, 'up').status).toBe(0);
      await db.conn.query('INSERT INTO item (sku) VALUES (?), (?)', ['short', LONG]);
      await db.conn.query('INSERT INTO line (sku) VALUES (?)', [LONG]);

      const r = cli(dir, env, 'down');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/generated\/app\/migrations\/0002_[a-z0-9_]+\.down\.sql:\d+:1: error E_CHECK_FAILED: database app: reverting 0002_\w+ refused before its first statement: /);
      expect(r.stderr).toContain(`item.sku holds values that VARCHAR(32) NOT NULL cannot: 1 row: id=2 sku='${LONG}'`);
      expect(r.stderr).toContain(`line.sku holds values that VARCHAR(32) NOT NULL cannot: 1 row: id=1 sku='${LONG}'`);
      expect(r.stderr).toContain('hint: nothing of it ran; change or remove those values');
      // Nothing ran: the foreign key is there, the column wide, the migration applied as before.
      expect(await foreignKeys(db.conn, db.name)).toEqual(['fk_line_sku_item']);
      expect(await skuLength(db.conn, db.name)).toBe(64);
      expect((await history(db.conn, db.name)).map((h) => [h.version, h.state, h.reverted, h.down_checksum])).toEqual([[1, 'applied', 0, null], [2, 'applied', 0, null]]);
      expect(cli(dir, env, 'up').stdout).not.toContain('applying');
      expect(cli(dir, env, 'verify').status).toBe(0);

      await db.conn.query("UPDATE line SET sku = 'short'");
      await db.conn.query("DELETE FROM item WHERE sku <> 'short'");
      expect(cli(dir, env, 'down').status).toBe(0);
      expect(await skuLength(db.conn, db.name)).toBe(32);
    } finally {
      await db.drop();
    }
  });

  it('stopped half-way (a down without the check), it can be taken back with up, or finished with down', async () => {
    const db = await scratchDatabase('lossy_down_half');
    try {
      const { dir, env } = project(db.name);
      expect(cli(dir, env, 'build').status).toBe(0);
      // A down written before the checks existed.
      const name = readFileSync(join(dir, 'generated/app/schemac.sum'), 'utf8').match(/0002_\w+\.down\.sql/)![0];
      const file = join(dir, 'generated/app/migrations', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/SELECT\n {2}'[^;]*;\n\n/g, ''));
      expect(readFileSync(file, 'utf8')).not.toContain('schemac_check');
      expect(cli(dir, env, 'sum').status).toBe(0);
      expect(cli(dir, env, 'up').status).toBe(0);
      await db.conn.query('INSERT INTO item (sku) VALUES (?)', [LONG]);
      await db.conn.query('INSERT INTO line (sku) VALUES (?)', [LONG]);

      const failed = cli(dir, env, 'down');
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain('error E_STATEMENT_FAILED');
      expect(failed.stderr).toContain('or `schemac up` applies again what it undid (when it stopped between steps)');
      expect(cli(dir, env, 'status').stdout).toContain('run it again to finish, or `schemac up` to apply again what it undid');
      expect(await foreignKeys(db.conn, db.name)).toEqual([]); // dropped by the statements that ran
      const row = (await history(db.conn, db.name))[1];
      expect(row.reverted).toBeGreaterThan(0);

      // Either way: up takes the revert back (the foreign key comes back, the schema is the snapshot's)...
      const up = cli(dir, env, 'up');
      expect(up.stderr).toContain('a revert stopped after undoing statements');
      expect(up.status).toBe(0);
      expect(await foreignKeys(db.conn, db.name)).toEqual(['fk_line_sku_item']);
      expect((await history(db.conn, db.name)).map((h) => [h.version, h.state, h.reverted, h.down_checksum])).toEqual([[1, 'applied', 0, null], [2, 'applied', 0, null]]);
      expect(cli(dir, env, 'verify').status).toBe(0);

      // ... or, once the values fit, down finishes it.
      expect(cli(dir, env, 'down').status).toBe(1);
      await db.conn.query("UPDATE item SET sku = 'short'");
      await db.conn.query("UPDATE line SET sku = 'short'");
      const down = cli(dir, env, 'down');
      expect(down.stderr).toContain('resuming the revert');
      expect(down.status).toBe(0);
      expect(await skuLength(db.conn, db.name)).toBe(32);
      expect(await foreignKeys(db.conn, db.name)).toEqual(['fk_line_sku_item']);
      expect((await history(db.conn, db.name)).map((h) => h.version)).toEqual([1]);
    } finally {
      await db.drop();
    }
  });
});
