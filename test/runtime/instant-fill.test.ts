import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { executionChanges } from '../../compiler/dialect/mysql/strategy.js';
import { boolean, datetime, id, sql, table, text, varchar } from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { formatStatement, renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import { normalizeDeclared } from '../../compiler/ir/normalize.js';
import { planChanges } from '../../compiler/plan/plan.js';
import { runSql, scratchDatabase } from '../helpers/server.js';

/*
 * Issue 10, point 1: an added column whose backfill is a constant is added with it as its default,
 * so the server fills the rows, with no UPDATE; MariaDB does that ALTER INSTANT, which the test
 * makes it prove by running the statement with ALGORITHM=INSTANT (the server refuses otherwise).
 */
const MARIADB = configProfile('mariadb');

describe('a constant backfill is a default, not an UPDATE', () => {
  it('rows get the backfill, the server does it INSTANT, and an expression backfill is still an UPDATE', async () => {
    const before = normalizeDeclared(tablesToIR([table('t', { id: id(), name: varchar(20) })], []));
    const after = normalizeDeclared(tablesToIR([table('t', {
      id: id(), name: varchar(20),
      flag: boolean().notNull().backfill(true),
      status: varchar(10).notNull().default('new').backfill('legacy'),
      seen: datetime().notNull().backfill('2020-01-02 03:04:05'),
      stamp: datetime().notNull().backfill(sql`CURRENT_TIMESTAMP`),
      note: text().notNull().backfill(''),
    })], []));
    const plan = planChanges(executionChanges(before.ir, after.ir, { hints: after.hints, server: MARIADB }), MARIADB);
    const fills = plan.steps.filter((s) => s.summary.includes('existing rows get its backfill as the default'));
    expect(fills.map((s) => s.summary.split(' ')[2])).toEqual(['t.flag', 't.status', 't.seen', 't.stamp']);
    const up = plan.steps.flatMap((s) => s.up.map(formatStatement)).join(';\n');
    // The TEXT column keeps the UPDATE (MySQL takes no literal default there).
    expect(up.match(/UPDATE `t`/g)).toHaveLength(1);
    expect(up).toMatch(/SET\s+`note` = ''/);

    const db = await scratchDatabase('instant_fill');
    try {
      await runSql(db.conn, renderSqlFile(['before'], schemaStatements(before.ir)));
      await db.conn.query("INSERT INTO t (name) VALUES ('a'), ('b')");
      for (const step of plan.steps) {
        for (const s of step.up) {
          const sql = formatStatement(s);
          await db.conn.query(fills.includes(step) ? `${sql}, ALGORITHM=INSTANT` : sql);
        }
      }
      const [rows] = await db.conn.query('SELECT flag, status, CAST(seen AS CHAR) AS seen, stamp IS NOT NULL AS stamped, note FROM t ORDER BY id');
      expect(rows).toEqual([
        { flag: 1, status: 'legacy', seen: '2020-01-02 03:04:05', stamped: 1, note: '' },
        { flag: 1, status: 'legacy', seen: '2020-01-02 03:04:05', stamped: 1, note: '' },
      ]);
      // The schema's own defaults afterwards: new rows do not get the backfill.
      await db.conn.query("INSERT INTO t (name, flag, seen, stamp, note) VALUES ('c', 0, '2021-01-01', NOW(), 'x')");
      const [[c]] = await db.conn.query("SELECT status FROM t WHERE name = 'c'") as any;
      expect(c.status).toBe('new');
      await expect(db.conn.query("INSERT INTO t (name) VALUES ('d')")).rejects.toThrow(/doesn't have a default value/);
    } finally {
      await db.drop();
    }
  });
});
