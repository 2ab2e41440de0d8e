import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/compile.js';
import { runSql, scratchDatabase, shape } from '../helpers/server.js';

const members = (file: string) => readFileSync(join(ROOT, 'generated', 'members', file), 'utf8');

/**
 * The demo's committed history on the server, with rows, under sql_mode=TRADITIONAL: 0002 fills
 * the new NOT NULL columns of existing rows (the seed notes' hand-written UPDATEs), and
 * up/down/up ends in the shape of schema.sql.
 */
describe('demo migrations on the server', () => {
  it('0001 then 0002 with rows present, down and up again', async () => {
    const target = await scratchDatabase('demo_target');
    const db = await scratchDatabase('demo');
    try {
      await runSql(target.conn, members('schema.sql'));
      const expected = await shape(target.conn, target.name);

      await runSql(db.conn, members('migrations/0001_init.up.sql'));
      const afterInit = await shape(db.conn, db.name);
      await db.conn.query(`INSERT INTO position (name) VALUES ('president'), ('treasurer');
        INSERT INTO task (task, position_id) VALUES ('annual report', 1);
        INSERT INTO taskcompletion (task_id, position_id, user_id, completion) VALUES (1, 1, 7, '2026-01-31')`);

      await runSql(db.conn, members('migrations/0002_status_report.up.sql'));
      expect(await shape(db.conn, db.name)).toEqual(expected);
      const [positions] = await db.conn.query('SELECT name, has_status_report FROM position ORDER BY id');
      expect(positions).toEqual([{ name: 'president', has_status_report: 1 }, { name: 'treasurer', has_status_report: 1 }]);
      const [stamped] = await db.conn.query('SELECT COUNT(*) AS n FROM taskcompletion WHERE update_time IS NOT NULL');
      expect(stamped).toEqual([{ n: 1 }]);

      await runSql(db.conn, members('migrations/0002_status_report.down.sql'));
      expect(await shape(db.conn, db.name)).toEqual(afterInit);
      await runSql(db.conn, members('migrations/0002_status_report.up.sql'));
      expect(await shape(db.conn, db.name)).toEqual(expected);
    } finally {
      await db.drop();
      await target.drop();
    }
  });
});
