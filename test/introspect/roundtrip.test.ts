import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Change } from '../../compiler/diff/changes.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { readSnapshot, stripTransient } from '../../compiler/ir/snapshot.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { databaseDefaults, introspect, introspectWithNotes, type Queryable } from '../../runtime/introspect.js';
import { compileFolder, ROOT } from '../helpers/compile.js';
import { connect, runSql, scratchDatabase, testServerProfile } from '../helpers/server.js';
import { CASES_DIR, caseNames, caseOptions, caseProfile } from '../golden/cases.js';
import { roundTripFixture } from './fixture.js';

/**
 * The introspection contract (ARCHITECTURE §7): apply a schema to an empty database, introspect
 * it, and the diff from the schema to what the server has is empty. Over every golden case
 * (before and after), the demo's snapshots and a fixture of every type, default, index kind,
 * action, check, generated column and table option.
 */

const server = await testServerProfile();

function schemaSql(ir: SchemaIR): string {
  return renderSqlFile(['schema'], schemaStatements(ir, server));
}

/**
 * Applies the schema to a fresh database and introspects it, with the schema as `expected` and
 * without; each compared with the schema on the server, in the database.
 */
async function roundTrip(label: string, ir: SchemaIR): Promise<{ live: SchemaIR; bare: SchemaIR; changes: Change[]; unhinted: Change[] }> {
  const db = await scratchDatabase(`it_${label}`);
  try {
    await runSql(db.conn, schemaSql(ir));
    const { ir: live, server } = await introspectWithNotes(db.conn, db.name, { expected: ir });
    const bare = await introspect(db.conn, db.name);
    const database = databaseDefaults(server);
    const on = { from: database, to: database };
    return { live, bare, changes: diffSchemas(ir, live, { server, databases: on }), unhinted: diffSchemas(ir, bare, { server, databases: on }) };
  } finally {
    await db.drop();
  }
}

/** Characters above U+FFFF, which MariaDB's metadata shows as `?` and only `expected` restores. */
const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;

const schemas: Array<[string, SchemaIR]> = [];
for (const name of caseNames()) {
  for (const side of ['before', 'after'] as const) {
    const dir = join(CASES_DIR, name, side);
    if (!existsSync(dir)) continue;
    const options = caseOptions(name);
    if (options.dialect !== undefined && options.dialect !== server.flavor) continue;
    const { ir, diagnostics } = compileFolder(join(CASES_DIR, name), dir, caseProfile(options));
    if (diagnostics.length === 0 && ir.tables.length > 0) schemas.push([`${name}/${side}`, ir]);
  }
}
for (const db of ['members', 'users']) {
  schemas.push([`demo ${db}`, normalizeSchema(readSnapshot(readFileSync(join(ROOT, 'generated', db, 'snapshot.json'), 'utf8')))]);
}

describe('apply → introspect → diff is empty', () => {
  it.each(schemas)('%s', async (label, ir) => {
    const { live, bare, changes, unhinted } = await roundTrip(label, ir);
    expect(changes).toEqual([]);
    if (ir.views?.length) {
      // Without `expected`, views are the server's rewrite of their SELECT: the same views, options
      // and all; only the SELECT's text differs (compared through the server when expected).
      const shapeOf = (s: SchemaIR) => (s.views ?? []).map((v) => ({ ...stripTransient(v), select: '<select>' }));
      expect(shapeOf(bare)).toEqual(shapeOf(ir));
      expect(stripTransient(bare.tables)).toEqual(stripTransient(live.tables));
      expect(unhinted.every((c) => c.kind === 'alterView')).toBe(true);
    } else if (!ASTRAL.test(JSON.stringify(ir))) {
      // The schema as expected changes nothing but text the metadata lost.
      expect(unhinted).toEqual([]);
      expect(stripTransient(live)).toEqual(stripTransient(bare));
    }
  });

  it('the round-trip fixture, also without `expected`', async () => {
    const ir = roundTripFixture();
    const { live, changes, unhinted } = await roundTrip('fixture', ir);
    expect(changes).toEqual([]);
    expect(unhinted).toEqual([]);
    expect(live.tables.map((t) => t.name)).toEqual(ir.tables.map((t) => t.name));
    // Exactly the compiled IR, apart from how the server spells expressions.
    const plain = (s: SchemaIR) => JSON.parse(JSON.stringify(stripTransient(s), (key, v) =>
      (key === 'expr' || key === 'sql' ? '<expr>' : v)));
    expect(plain(live)).toEqual(plain(ir));
  });

  it('introspection reports one spelling whatever is expected; every spelling of the same meaning compares equal', async () => {
    const db = await scratchDatabase('it_expected');
    try {
      await runSql(db.conn, `CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a VARCHAR(5) NULL, b VARCHAR(5) CHARACTER SET latin1 NULL)
        DEFAULT CHARSET = utf8mb4 ENGINE = InnoDB`);
      const options = (charset: string | null, collate: string | null, engine: string | null = null) =>
        ({ engine, charset, collate, comment: null });
      const { ir: base, server } = await introspectWithNotes(db.conn, db.name);
      expect(base.tables[0].options).toEqual(options(null, null));
      expect(base.tables[0].columns.map((c) => [c.name, c.charset, c.collate]))
        .toEqual([['id', null, null], ['a', null, null], ['b', 'latin1', 'latin1_swedish_ci']]);
      const spelled = (o: ReturnType<typeof options>, a: object, b: object): SchemaIR => normalizeSchema({
        ...base, tables: [{ ...base.tables[0], options: o,
          columns: base.tables[0].columns.map((c) => (c.name === 'a' ? { ...c, ...a } : c.name === 'b' ? { ...c, ...b } : c)) }] });
      const database = databaseDefaults(server);
      const on = { from: database, to: database };
      // The database's utf8mb4_general_ci, the server's InnoDB and latin1's default collation, spelled out or not.
      const same = [
        spelled(options('utf8mb4', 'utf8mb4_general_ci', 'InnoDB'), { charset: 'utf8mb4' }, { charset: 'latin1', collate: 'latin1_swedish_ci' }),
        spelled(options('utf8mb4', null, 'innodb'), { collate: 'utf8mb4_general_ci' }, { charset: 'latin1' }),
        spelled(options(null, 'utf8mb4_general_ci'), { charset: 'utf8mb4', collate: 'utf8mb4_general_ci' }, { collate: 'latin1_swedish_ci' }),
      ];
      for (const expected of same) {
        expect(await introspect(db.conn, db.name, { expected })).toEqual(base);
        expect(diffSchemas(expected, base, { server, databases: on })).toEqual([]);
        expect(diffSchemas(base, expected, { server, databases: on })).toEqual([]);
      }
      // A real difference is reported as the server has it.
      const other = spelled(options('utf8mb4', 'utf8mb4_bin', 'MyISAM'), {}, { charset: 'latin1', collate: 'latin1_bin' });
      expect(await introspect(db.conn, db.name, { expected: other })).toEqual(base);
      expect(diffSchemas(other, base, { server, databases: on }).map((c) => c.kind).sort()).toEqual(['alterOptions', 'modifyColumn']);
    } finally {
      await db.drop();
    }
  });
});

describe('what introspection leaves out', () => {
  it('reads views (not as tables) and FULLTEXT indexes; skips the version table and foreign keys to other databases, with notes', async () => {
    const db = await scratchDatabase('it_extras');
    const other = await scratchDatabase('it_other');
    try {
      await other.conn.query('CREATE TABLE ref (id INT NOT NULL PRIMARY KEY)');
      await runSql(db.conn, `
        CREATE TABLE schemac_migrations (version VARCHAR(255) NOT NULL PRIMARY KEY);
        CREATE TABLE doc (
          id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
          body TEXT NOT NULL,
          ref_id INT NULL,
          FULLTEXT KEY ft_body (body),
          CONSTRAINT fk_doc_ref FOREIGN KEY (ref_id) REFERENCES \`${other.name}\`.ref (id)
        );
        CREATE VIEW v_doc AS SELECT id FROM doc;`);
      let queries = 0;
      const counting: Queryable = { query: (sql: string, params?: unknown[]) => { queries++; return db.conn.query(sql, params); } };
      const { ir, notes } = await introspectWithNotes(counting, db.name);
      // 13 (PARTITIONS, VIEWS, TRIGGERS, ROUTINES, EVENTS, the objects not held among them), and SHOW CREATE TABLE of the one table with a FULLTEXT index (its parser).
      expect(queries).toBe(14);
      expect(ir.tables.map((t) => t.name)).toEqual(['doc']);
      // As SHOW CREATE VIEW prints it: the server's rewrite, without the database's own name.
      expect(ir.views).toEqual([{ kind: 'view', name: 'v_doc', select: 'select `doc`.`id` AS `id` from `doc`',
        algorithm: 'UNDEFINED', security: 'DEFINER', checkOption: 'NONE' }]);
      const doc = ir.tables[0];
      expect(doc.foreignKeys).toEqual([]);
      // The index InnoDB made for the foreign key stays: it is a real index of the table.
      expect(doc.indexes.map((i) => [i.name, i.type ?? 'btree'])).toEqual([['fk_doc_ref', 'btree'], ['ft_body', 'fulltext']]);
      expect(notes.map((n) => [n.table, n.object])).toEqual([['doc', 'fk_doc_ref']]);
    } finally {
      await db.drop();
      await other.drop();
    }
  });

  it('reads MariaDB\'s own types, BIT and spatial columns (none is refused on MariaDB 10.11 any more)', async () => {
    const db = await scratchDatabase('it_types');
    try {
      await db.conn.query("CREATE TABLE t (id INT PRIMARY KEY, u UUID DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', addr INET6, a4 INET4,"
        + " f BIT(3) DEFAULT b'11', p POINT REF_SYSTEM_ID=4326 NOT NULL)");
      const t = (await introspect(db.conn, db.name)).tables[0];
      expect(t.columns.map((c) => [c.name, c.type, c.default])).toEqual([
        ['id', { kind: 'int', size: 'int', unsigned: false }, null],
        ['u', { kind: 'uuid' }, { kind: 'string', value: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' }],
        ['addr', { kind: 'inet6' }, null], ['a4', { kind: 'inet4' }, null],
        ['f', { kind: 'bit', length: 3 }, { kind: 'number', value: '3' }],
        ['p', { kind: 'geometry', shape: 'point', srid: 4326 }, null]]);
    } finally {
      await db.drop();
    }
  });

  it('fails clearly for a missing database', async () => {
    const conn = await connect();
    try {
      await expect(introspect(conn, 'sct_no_such_database_x')).rejects.toThrow('database sct_no_such_database_x does not exist');
    } finally {
      await conn.end();
    }
  });
});
