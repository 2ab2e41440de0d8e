import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { insertRows } from '../helpers/rows.js';
import { runSql, scratchDatabase, shape, TEST_SERVER } from '../helpers/server.js';
import { caseNames, loadCase } from './cases.js';

const schemaSql = (ir: SchemaIR) => renderSqlFile(['schema'], schemaStatements(ir, TEST_SERVER));

/**
 * On the real server, under sql_mode=TRADITIONAL, for every golden case with SQL:
 * apply `before`, insert rows, run up → the shape equals `after` applied directly;
 * run down → the shape equals `before`; run up again → `after` again.
 */
describe('golden cases on the server', () => {
  for (const name of caseNames()) {
    const c = loadCase(name);
    if (!c.result?.migration || c.diagnostics !== null) continue;
    const { up, down } = c.result.migration;
    it(name, async () => {
      const target = await scratchDatabase(`${name}_after`);
      const db = await scratchDatabase(name);
      try {
        await runSql(target.conn, schemaSql(c.after!));
        const afterShape = await shape(target.conn, target.name);

        await runSql(db.conn, schemaSql(c.before));
        const beforeShape = await shape(db.conn, db.name);
        await insertRows(db.conn, c.before);

        await runSql(db.conn, up.text);
        expect(await shape(db.conn, db.name)).toEqual(afterShape);
        for (const q of c.options.afterUp ?? []) expect((await db.conn.query(q.sql))[0]).toEqual(q.rows);
        await runSql(db.conn, down.text);
        expect(await shape(db.conn, db.name)).toEqual(beforeShape);
        await runSql(db.conn, up.text);
        expect(await shape(db.conn, db.name)).toEqual(afterShape);
      } finally {
        await db.drop();
        await target.drop();
      }
    });
  }
});
