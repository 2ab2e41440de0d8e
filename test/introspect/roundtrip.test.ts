import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Change } from '../../compiler/diff/changes.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { readSnapshot, stripTransient } from '../../compiler/ir/snapshot.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { IntrospectError, introspect, introspectWithNotes, type Queryable } from '../../runtime/introspect.js';
import { resolveCharset } from '../../runtime/introspect-map.js';
import { compileFolder, ROOT } from '../helpers/compile.js';
import { connect, runSql, scratchDatabase } from '../helpers/server.js';
import { CASES_DIR, caseNames } from '../golden/cases.js';
import { roundTripFixture } from './fixture.js';

/**
 * The introspection contract (ARCHITECTURE §7): apply a schema to an empty database, introspect
 * it, and the diff from the schema to what the server has is empty. Over every golden case
 * (before and after), the demo's snapshots and a fixture of every type, default, index kind,
 * action, check, generated column and table option.
 */

function schemaSql(ir: SchemaIR): string {
  return renderSqlFile(['schema'], schemaStatements(ir));
}

/** Applies the schema to a fresh database and introspects it, without and with the schema as `expected`. */
async function roundTrip(label: string, ir: SchemaIR): Promise<{ live: SchemaIR; changes: Change[]; unhinted: Change[] }> {
  const db = await scratchDatabase(`it_${label}`);
  try {
    await runSql(db.conn, schemaSql(ir));
    const live = await introspect(db.conn, db.name, { expected: ir });
    const bare = await introspect(db.conn, db.name);
    return { live, changes: diffSchemas(ir, live), unhinted: diffSchemas(ir, bare) };
  } finally {
    await db.drop();
  }
}

/** The character sets' default collations on the test server. */
async function charsetDefaults(): Promise<Map<string, string>> {
  const conn = await connect();
  try {
    const [rows] = await conn.query('SELECT CHARACTER_SET_NAME AS cs, DEFAULT_COLLATE_NAME AS coll FROM information_schema.CHARACTER_SETS');
    return new Map((rows as Array<{ cs: string; coll: string }>).map((r) => [r.cs, r.coll]));
  } finally {
    await conn.end();
  }
}

/** scratchDatabase creates databases in utf8mb4 / utf8mb4_general_ci. */
const DATABASE = { charset: 'utf8mb4', collation: 'utf8mb4_general_ci' };

/**
 * Without `expected`, the only changes left may be table options spelled differently for the
 * same server state (`CHARSET utf8mb4` against nothing, on a utf8mb4 database).
 */
function onlySpelling(changes: readonly Change[], defaults: ReadonlyMap<string, string>): boolean {
  return changes.every((c) => c.kind === 'alterOptions' && (c.from.comment ?? '') === (c.to.comment ?? '')
    && (c.from.engine ?? 'InnoDB').toLowerCase() === (c.to.engine ?? 'InnoDB').toLowerCase()
    && JSON.stringify(resolveCharset(c.from, DATABASE, defaults)) === JSON.stringify(resolveCharset(c.to, DATABASE, defaults)));
}

const schemas: Array<[string, SchemaIR]> = [];
for (const name of caseNames()) {
  for (const side of ['before', 'after'] as const) {
    const dir = join(CASES_DIR, name, side);
    if (!existsSync(dir)) continue;
    const { ir, diagnostics } = compileFolder(join(CASES_DIR, name), dir);
    if (diagnostics.length === 0 && ir.tables.length > 0) schemas.push([`${name}/${side}`, ir]);
  }
}
for (const db of ['members', 'users']) {
  schemas.push([`demo ${db}`, normalizeSchema(readSnapshot(readFileSync(join(ROOT, 'generated', db, 'snapshot.json'), 'utf8')))]);
}

describe('apply → introspect → diff is empty', () => {
  let defaults: Map<string, string>;
  beforeAll(async () => {
    defaults = await charsetDefaults();
  });

  it.each(schemas)('%s', async (label, ir) => {
    const { changes, unhinted } = await roundTrip(label, ir);
    expect(changes).toEqual([]);
    if (!onlySpelling(unhinted, defaults)) expect(unhinted).toEqual([]);
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

  it('`expected` picks the spelling only where the server cannot tell them apart', async () => {
    const db = await scratchDatabase('it_expected');
    try {
      await runSql(db.conn, `CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a VARCHAR(5) NULL, b VARCHAR(5) CHARACTER SET latin1 NULL)
        DEFAULT CHARSET = utf8mb4 ENGINE = InnoDB`);
      const options = (charset: string | null, collate: string | null, engine: string | null = null) =>
        ({ engine, charset, collate, comment: null });
      const base = normalizeSchema(await introspect(db.conn, db.name));
      expect(base.tables[0].options).toEqual(options(null, null));
      const spelled = (o: ReturnType<typeof options>, b: { charset: string | null; collate: string | null }): SchemaIR => ({
        ...base, tables: [{ ...base.tables[0], options: o,
          columns: base.tables[0].columns.map((c) => (c.name === 'b' ? { ...c, ...b } : c)) }] });
      // Same server state: the expected spelling wins.
      const same = spelled(options('utf8mb4', 'utf8mb4_general_ci', 'InnoDB'), { charset: 'latin1', collate: 'latin1_swedish_ci' });
      const live = await introspect(db.conn, db.name, { expected: same });
      expect(stripTransient(live)).toEqual(stripTransient(normalizeSchema(same)));
      // A real difference is reported as the server has it.
      const other = spelled(options('utf8mb4', 'utf8mb4_bin', 'MyISAM'), { charset: 'latin1', collate: 'latin1_bin' });
      const drift = await introspect(db.conn, db.name, { expected: other });
      expect(drift.tables[0].options).toEqual(options(null, null));
      expect(drift.tables[0].columns[2]).toMatchObject({ charset: 'latin1', collate: 'latin1_swedish_ci' });
      expect(diffSchemas(other, drift).map((c) => c.kind).sort()).toEqual(['alterOptions', 'modifyColumn']);
    } finally {
      await db.drop();
    }
  });
});

describe('what introspection leaves out', () => {
  it('skips views, the version table, FULLTEXT indexes and foreign keys to other databases, with notes', async () => {
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
      expect(queries).toBe(7);
      expect(ir.tables.map((t) => t.name)).toEqual(['doc']);
      const doc = ir.tables[0];
      expect(doc.foreignKeys).toEqual([]);
      // The index InnoDB made for the foreign key stays: it is a real index of the table.
      expect(doc.indexes.map((i) => i.name)).toEqual(['fk_doc_ref']);
      expect(notes.map((n) => [n.table, n.object])).toEqual([['doc', 'fk_doc_ref'], ['doc', 'ft_body']]);
    } finally {
      await db.drop();
      await other.drop();
    }
  });

  it('refuses a column type the schema language does not have, naming every such column', async () => {
    const db = await scratchDatabase('it_refuse');
    try {
      await db.conn.query('CREATE TABLE t (id INT PRIMARY KEY, flags BIT(8), addr INET6)');
      const error = await introspect(db.conn, db.name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntrospectError);
      expect((error as IntrospectError).problems).toEqual([
        't.flags: type bit(8) is not in the schema language', 't.addr: type inet6 is not in the schema language']);
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
