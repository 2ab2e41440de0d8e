import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backfillShape, progressLine } from '../../runtime/backfill.js';
import { BIN, tempDir } from '../cli/run.js';
import { connect, scratchDatabase } from '../helpers/server.js';
import { cli, urlFor } from './helpers.js';

/*
 * Issue 10, point 2: schemac's backfill UPDATE runs in primary-key chunks, each its own
 * transaction; killed (the process, or its connection) at random points, `up` resumes and every
 * row is filled exactly once. A trigger counts the fills: a chunk that rolled back took its
 * counts with it, a row filled twice would count twice.
 */
const ROWS = 200_000;

describe('chunked backfills', () => {
  it('reads the shape of the backfill schemac writes, and nothing else', () => {
    expect(backfillShape('UPDATE `t`\nSET\n  `c` = (CONCAT(\'x\', name)),\n  `u` = `u`\nWHERE\n  `c` IS NULL'))
      .toEqual({ table: 't', column: 'c', set: "`c` = (CONCAT('x', name)),\n  `u` = `u`" });
    expect(backfillShape("UPDATE `t` SET `c` = (SELECT 1 FROM u WHERE u.a IS NULL) WHERE `c` IS NULL")?.set).toBe('`c` = (SELECT 1 FROM u WHERE u.a IS NULL)');
    expect(backfillShape('UPDATE `t` SET `c` = 1 WHERE `d` > 1 AND `c` IS NULL')).toBeNull();
    expect(backfillShape('UPDATE `t` SET `c` = 1 WHERE `c` IS NULL LIMIT 5')).toBeNull();
    expect(backfillShape('DELETE FROM `t` WHERE `c` IS NULL')).toBeNull();
    expect(progressLine({ table: 't', column: 'c', set: '' }, { done: 45_000, total: 200_000, ms: 3_000 }))
      .toBe('backfill t.c: 45,000 of 200,000 rows (22%), 15,000 rows/s, about 10 s left');
  });

  it(`${ROWS.toLocaleString('en-US')} rows, the runner killed and its connection killed mid-way: every row filled exactly once`, async () => {
    const db = await scratchDatabase('chunked');
    const dir = tempDir('chunked');
    const env = { MAIN_DATABASE_URL: urlFor(db.name) };
    try {
      mkdirSync(join(dir, 'schema'));
      writeFileSync(join(dir, 'schemac.config.json'), JSON.stringify({
        dialect: 'mariadb', databases: { main: { schema: ['schema/*.ts'], out: 'generated/main', url: 'env:MAIN_DATABASE_URL' } } }));
      const schema = join(dir, 'schema', 't.ts');
      writeFileSync(schema, "import { table, id, varchar, sql } from 'schemac';\nexport const t = table('t', {\n  id: id(),\n  name: varchar(20).notNull(),\n});\n");
      expect(cli(dir, env, 'build').status).toBe(0);
      expect(cli(dir, env, 'up').status).toBe(0);
      await db.conn.query(`INSERT INTO t (name) SELECT CONCAT('n', seq) FROM seq_1_to_${ROWS}`);
      await db.conn.query('CREATE TABLE fills (id int NOT NULL)');
      // Every row an UPDATE of t touches is counted (ALTER TABLE fires no trigger).
      await db.conn.query('CREATE TRIGGER count_fills BEFORE UPDATE ON t FOR EACH ROW INSERT INTO fills VALUES (NEW.id)');

      // An expression backfill: ADD nullable, the UPDATE (chunked by the runtime), then NOT NULL.
      writeFileSync(schema, readFileSync(schema, 'utf8').replace("  name: varchar(20).notNull(),\n",
        "  name: varchar(20).notNull(),\n  label: varchar(40).notNull().backfill(sql`CONCAT('x', name)`),\n"));
      expect(cli(dir, env, 'build').status).toBe(0);
      const up = readFileSync(join(dir, 'generated/main/migrations/0002_add_label.up.sql'), 'utf8');
      expect(up).toContain('UPDATE `t`');
      const filled = async () => Number(((await db.conn.query('SELECT COUNT(*) AS n FROM fills'))[0] as any)[0].n);
      const afterFirst = 0;

      // Run 2: killed (SIGKILL) once some chunks committed.
      await runUntil(dir, env, ['up', '--chunk-size', '2000'], async () => (await filled()) > afterFirst + 10_000, 'kill');
      const afterKill = await filled();
      expect(afterKill).toBeLessThan(ROWS);
      // Run 3: its connection killed from another session, mid-chunk.
      const killer = await connect(db.name);
      try {
        const cut = await runUntil(dir, env, ['up', '--chunk-size', '2000'], async () => {
          if ((await filled()) <= afterKill + 10_000) return false;
          const [procs] = await killer.query("SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND INFO LIKE 'UPDATE `t`%'") as any;
          for (const p of procs) await killer.query(`KILL ${Number(p.id)}`).catch(() => undefined);
          return procs.length > 0;
        }, 'wait');
        expect(cut.status).toBe(1);
        expect(cut.stderr).toMatch(/E_CONNECTION_LOST|connection was lost/);
        expect(await filled()).toBeLessThan(ROWS);
      } finally {
        await killer.end();
      }
      // Run 4: to the end, with progress on stderr.
      const last = cli(dir, env, 'up', '--chunk-size', '2000');
      expect(last.status).toBe(0);
      expect(last.stderr).toMatch(/backfill t\.label: [\d,]+ of [\d,]+ rows \(100%\)/);

      const [[counts]] = await db.conn.query('SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids FROM fills') as any;
      const [[empty]] = await db.conn.query("SELECT COUNT(*) AS n FROM t WHERE label IS NULL OR label <> CONCAT('x', name)") as any;
      expect({ fills: Number(counts.n), ids: Number(counts.ids), wrong: Number(empty.n) }).toEqual({ fills: ROWS, ids: ROWS, wrong: 0 });
      expect(cli(dir, env, 'status').stdout).toMatch(/0002_add_label\s+applied/);
    } finally {
      await db.drop();
    }
  }, 240_000);
});

/**
 * Starts `schemac ...` and, once `until` holds (polled), kills the process (`kill`) or lets it
 * end on its own (`wait`, the connection having been killed): returns when it has exited.
 */
async function runUntil(cwd: string, env: Record<string, string>, args: string[], until: (stderr: string) => Promise<boolean>,
  how: 'kill' | 'wait'): Promise<{ stderr: string; status: number | null }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  let status: number | null = null;
  const exited = new Promise<void>((resolve) => child.on('close', (code) => { status = code; resolve(); }));
  let done = false;
  void exited.then(() => { done = true; });
  while (!done) {
    if (await until(stderr)) {
      if (how === 'kill') child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await exited;
  return { stderr, status };
}
