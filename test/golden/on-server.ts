import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import type { ServerProfile } from '../../compiler/dialect/mysql/server.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { insertRows } from '../helpers/rows.js';
import { runSql, scratchDatabase, shape } from '../helpers/server.js';
import type { LoadedCase } from './cases.js';

/**
 * A golden case's migration on the real server: `after` applied directly gives the target shape;
 * then `before`, rows, up → that shape (then `afterUp`'s queries, when asked); down → the shape of
 * `before`; up again → the target again. `up` and `down` are the migration's file texts.
 */
export async function upDownUp(c: LoadedCase, up: string, down: string, server: ServerProfile, options: { prefix: string; afterUp?: boolean }): Promise<void> {
  const schemaSql = (ir: SchemaIR) => renderSqlFile(['schema'], schemaStatements(ir, server));
  const target = await scratchDatabase(`${options.prefix}_after`);
  const db = await scratchDatabase(options.prefix);
  try {
    await runSql(target.conn, schemaSql(c.after!));
    const afterShape = await shape(target.conn, target.name);

    await runSql(db.conn, schemaSql(c.before));
    const beforeShape = await shape(db.conn, db.name);
    await insertRows(db.conn, c.before);

    await runSql(db.conn, up);
    expect(await shape(db.conn, db.name)).toEqual(afterShape);
    if (options.afterUp) for (const q of c.options.afterUp ?? []) expect((await db.conn.query(q.sql))[0]).toEqual(q.rows);
    await runSql(db.conn, down);
    expect(await shape(db.conn, db.name)).toEqual(beforeShape);
    await runSql(db.conn, up);
    expect(await shape(db.conn, db.name)).toEqual(afterShape);
  } finally {
    await db.drop();
    await target.drop();
  }
}
