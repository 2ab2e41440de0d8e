import { invertAll, printDdl, type Clause, type Ddl } from '../../compiler/dialect/mysql/ddl.js';
import { formatStatement } from '../../compiler/emit/render.js';
import { scratchDatabase, type Conn } from '../helpers/server.js';
import { ck, col, fk, idCol, ix, T, tbl, uq } from '../validate/helpers.js';

/*
 * The dialect's inverse, on the server: every clause kind applied and then undone (the inverted
 * statements, last first) leaves each table as SHOW CREATE TABLE showed it before.
 */

const parent = tbl('parent', [idCol()]);
const child = tbl('child', [
  idCol(),
  col('a', T.varchar(10)),
  col('b', T.int),
  col('parent_id', T.int),
  col('g', T.int, { generated: { expr: '`b` + 1', stored: false } }),
], {
  indexes: [ix(['b'], { name: 'ix_b' }), ix(['parent_id'], { name: 'ix_parent' })],
  fks: [fk(['parent_id'], 'parent', ['id'], { name: 'fk_child_parent' })],
  checks: [ck('b is positive', '`b` > 0', { name: 'ck_child_b' })],
});
const c = child.columns;

/** One ALTER TABLE of the child per case, each a clause kind (or a few that go together). */
const CASES: Record<string, Clause[]> = {
  addColumn: [{ kind: 'addColumn', column: col('z', T.int), after: 'a' }],
  dropColumn: [{ kind: 'dropColumn', column: c[1], after: 'id' }],
  modifyColumn: [{ kind: 'modifyColumn', from: c[1], to: col('a', T.varchar(40), { nullable: false, default: { kind: 'string', value: '' } }) }],
  moveColumn: [{ kind: 'moveColumn', from: c[1], to: c[1], after: 'b', fromAfter: 'id' }],
  rebuildColumn: [{ kind: 'rebuildColumn', from: c[4], to: col('g', T.int, { generated: { expr: '`b` + 1', stored: true } }), after: 'parent_id', fromAfter: 'parent_id' }],
  renameColumn: [{ kind: 'renameColumn', from: 'a', to: 'a2' }],
  addIndex: [{ kind: 'addIndex', index: uq(['a'], { name: 'uq_a' }) }],
  dropIndex: [{ kind: 'dropIndex', index: child.indexes[0] }],
  replaceIndex: [{ kind: 'replaceIndex', from: child.indexes[0], to: ix(['b', 'a'], { name: 'ix_b' }) }],
  renameIndex: [{ kind: 'renameIndex', from: 'ix_b', to: 'ix_b2' }],
  setPrimaryKey: [{ kind: 'setPrimaryKey', from: child.primaryKey, to: { kind: 'primaryKey', columns: ['id', 'b'], pos: child.pos } },
    { kind: 'modifyColumn', from: c[2], to: col('b', T.int, { nullable: false }) }],
  addForeignKey: [{ kind: 'addForeignKey', foreignKey: fk(['b'], 'parent', ['id'], { name: 'fk_child_b' }) }],
  dropForeignKey: [{ kind: 'dropForeignKey', foreignKey: child.foreignKeys[0] }],
  addCheck: [{ kind: 'addCheck', check: ck('a is short', 'char_length(`a`) < 5', { name: 'ck_child_a' }) }],
  dropCheck: [{ kind: 'dropCheck', check: child.checks[0] }],
};

/** SHOW CREATE TABLE, keys in name order (a key added again is listed last; the order means nothing). */
async function showCreate(conn: Conn, table: string): Promise<string> {
  const [rows] = await conn.query(`SHOW CREATE TABLE \`${table}\``);
  const lines = (rows as Record<string, string>[])[0]['Create Table'].split('\n').map((l) => l.replace(/,$/, ''));
  const isKey = (l: string) => /^\s+(?:UNIQUE )?KEY /.test(l);
  return [...lines.filter((l) => !isKey(l)), ...lines.filter(isKey).sort()].join('\n');
}

async function run(conn: Conn, ddl: readonly Ddl[]): Promise<void> {
  for (const d of ddl) await conn.query(formatStatement(printDdl(d)));
}

describe('invertAll undoes what the printer writes', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => { db = await scratchDatabase('ddl_invert'); });
  afterAll(async () => { await db.drop(); });
  beforeEach(async () => {
    await db.conn.query('DROP TABLE IF EXISTS child_renamed, child, parent');
    await run(db.conn, [{ kind: 'createTable', table: parent, foreignKeys: [] }, { kind: 'createTable', table: child, foreignKeys: child.foreignKeys }]);
  });

  it.each(Object.entries(CASES))('%s', async (_kind, clauses) => {
    const before = await showCreate(db.conn, 'child');
    const up: Ddl[] = [{ kind: 'alterTable', table: 'child', clauses }];
    await run(db.conn, up);
    expect(await showCreate(db.conn, 'child')).not.toBe(before);
    await run(db.conn, invertAll(up));
    expect(await showCreate(db.conn, 'child')).toBe(before);
  });

  it('statements: rename, drop and create tables, undone last first', async () => {
    const before = [await showCreate(db.conn, 'parent'), await showCreate(db.conn, 'child')];
    const up: Ddl[] = [
      { kind: 'alterTable', table: 'child', clauses: [{ kind: 'dropForeignKey', foreignKey: child.foreignKeys[0] }] },
      { kind: 'renameTable', from: 'child', to: 'child_renamed' },
      { kind: 'dropTable', table: parent },
      { kind: 'createTable', table: tbl('extra', [idCol()]), foreignKeys: [] },
    ];
    await run(db.conn, up);
    await run(db.conn, invertAll(up));
    expect([await showCreate(db.conn, 'parent'), await showCreate(db.conn, 'child')]).toEqual(before);
    const [rows] = await db.conn.query("SHOW TABLES LIKE 'extra'");
    expect(rows).toEqual([]);
  });
});
