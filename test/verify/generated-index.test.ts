import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../cli/run.js';
import { runSql, scratchDatabase, type Conn } from '../helpers/server.js';
import { cli, urlFor } from '../runtime/helpers.js';

/*
 * The index the server makes for an unnamed foreign key is its own (generated): re-adding a
 * foreign key over it renames it after the key, and another index that can serve the key drops
 * it. On an imported database such an index looks like any other, so migrations keep it as it is,
 * and test-migrations starts from a baseline where the server made it too (issue 15).
 */

const SCHEMA = 'CREATE TABLE p (id INT NOT NULL PRIMARY KEY);\n'
  + 'CREATE TABLE c (id INT NOT NULL PRIMARY KEY, pid INT NOT NULL, FOREIGN KEY (pid) REFERENCES p (id));\n';

async function keys(conn: Conn, db: string): Promise<string[]> {
  const [rows] = await conn.query("SELECT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'c'", [db]);
  return [...new Set((rows as { name: string }[]).map((r) => r.name))].sort();
}

/** An imported copy of the database `db`, in a new folder; env points at it. */
function imported(db: string): { dir: string; env: Record<string, string>; schema: string } {
  const dir = tempDir('generated-index');
  const env = { MAIN_DATABASE_URL: urlFor(db) };
  const r = cli(dir, env, 'import', 'env:MAIN_DATABASE_URL');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return { dir, env, schema: join(dir, 'schema/main/main.ts') };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('the index the server made for a foreign key', () => {
  it('keeps its name when the foreign key changes, up and down, and test-migrations starts from a server-made index', async () => {
    const db = await scratchDatabase('gen_index_fk');
    try {
      await runSql(db.conn, SCHEMA);
      const { dir, env, schema } = imported(db.name);
      // The baseline leaves the index to the server, as the live database has it.
      const baseline = readFileSync(join(dir, 'generated/main/baseline.sql'), 'utf8');
      expect(baseline).toContain('  FOREIGN KEY (`pid`) REFERENCES `p` (`id`)\n');
      expect(baseline).not.toContain('KEY `pid`');

      edit(schema, "{ name: 'c_ibfk_1' }", "{ name: 'c_ibfk_1', onDelete: 'cascade' }");
      expect(cli(dir, env, 'build').status).toBe(0);
      const up = readFileSync(join(dir, 'generated/main/migrations/0001_change_fk_pid.up.sql'), 'utf8');
      expect(up).toContain('ADD CONSTRAINT `c_ibfk_1` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE,\nRENAME INDEX `pid` TO `pid`;');
      const t = cli(dir, env, 'test-migrations');
      expect(t.stdout).toContain('main: ok, 1 migration up and down');
      expect(t.status).toBe(0);

      expect(cli(dir, env, 'up').status).toBe(0);
      expect(await keys(db.conn, db.name)).toEqual(['PRIMARY', 'pid']);
      expect(cli(dir, env, 'verify').status).toBe(0);
      expect(cli(dir, env, 'down').status).toBe(0);
      expect(await keys(db.conn, db.name)).toEqual(['PRIMARY', 'pid']);
      const after = cli(dir, env, 'verify');
      expect(after.stdout).not.toContain('rename index');
      expect(cli(dir, env, 'up').status).toBe(0);
      expect(cli(dir, env, 'verify').status).toBe(0);

      // Without the rename, the migration drifts; test-migrations, from the server-made index, sees it.
      const file = join(dir, 'generated/main/migrations/0001_change_fk_pid.up.sql');
      writeFileSync(file, readFileSync(file, 'utf8').replace(' ON DELETE CASCADE,\nRENAME INDEX `pid` TO `pid`;', ' ON DELETE CASCADE;'));
      expect(cli(dir, env, 'sum').status).toBe(0);
      const broken = cli(dir, env, 'test-migrations');
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain('main: FAIL at 0001_change_fk_pid up: after its up script the database differs from the snapshot');
      expect(broken.stdout).toContain('    rename index c.pid to c_ibfk_1\n');
    } finally {
      await db.drop();
    }
  });

  it('keeps its name when the column is retyped, and when an index that could serve the key is added', async () => {
    const db = await scratchDatabase('gen_index_retype');
    try {
      await runSql(db.conn, SCHEMA);
      const { dir, env, schema } = imported(db.name);
      edit(schema, "import { index, int, table } from 'schemac';", "import { bigint, index, int, table } from 'schemac';");
      edit(schema, "  pid: int().notNull()", "  pid: bigint().notNull()");
      edit(schema, "export const p = table('p', {\n  id: int().primaryKey(),", "export const p = table('p', {\n  id: bigint().primaryKey(),");
      expect(cli(dir, env, 'build').status).toBe(0);
      expect(cli(dir, env, 'test-migrations').status).toBe(0);
      expect(cli(dir, env, 'up').status).toBe(0);
      expect(await keys(db.conn, db.name)).toEqual(['PRIMARY', 'pid']);
      expect(cli(dir, env, 'verify').status).toBe(0);
      expect(cli(dir, env, 'down').status).toBe(0);
      expect(await keys(db.conn, db.name)).toEqual(['PRIMARY', 'pid']);
      expect(cli(dir, env, 'up').status).toBe(0);

      edit(schema, "  index(t.pid).name('pid'),\n", "  index(t.pid).name('pid'),\n  index(t.pid, t.id).name('by_parent'),\n");
      expect(cli(dir, env, 'build').status).toBe(0);
      expect(cli(dir, env, 'test-migrations').status).toBe(0);
      expect(cli(dir, env, 'up').status).toBe(0);
      expect(await keys(db.conn, db.name)).toEqual(['PRIMARY', 'by_parent', 'pid']);
      expect(cli(dir, env, 'verify').status).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
