import type { Diagnostic } from '../../compiler/diagnostics.js';
import { id, table, varchar } from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { openSession, parseDatabaseUrl } from '../../runtime/connection.js';
import { verifyDatabase, type SnapshotTarget } from '../../runtime/verify.js';
import { runSql, scratchDatabase } from '../helpers/server.js';
import { urlFor } from '../runtime/helpers.js';

/*
 * The drift check compares what schemas mean on the server, in the database: a snapshot that
 * spells out the defaults (ENGINE InnoDB, the database's CHARSET, a charset's default COLLATE)
 * has no drift from a live table the server reports without them.
 */

function schema(...tables: Parameters<typeof tablesToIR>[0]): SchemaIR {
  const diagnostics: Diagnostic[] = [];
  const ir = normalizeSchema(tablesToIR(tables, diagnostics).ir);
  expect(diagnostics).toEqual([]);
  return ir;
}

function target(snapshot: SchemaIR): SnapshotTarget {
  return {
    config: { name: 'app' } as SnapshotTarget['config'],
    set: { database: 'app', dir: 'generated/app', migrations: [], files: [], sum: null },
    snapshot, snapshotFile: 'generated/app/snapshot.json', built: true, baseline: null,
  };
}

describe('verify compares meanings, not spellings', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  beforeAll(async () => {
    // scratchDatabase: utf8mb4 / utf8mb4_general_ci, the server's default engine InnoDB.
    db = await scratchDatabase('vf_spelling');
    await runSql(db.conn, 'CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, a VARCHAR(5) NULL, b VARCHAR(5) CHARACTER SET latin1 NULL)');
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function verify(snapshot: SchemaIR) {
    const session = await openSession(parseDatabaseUrl(urlFor(db.name), 'test'), { lockWaitTimeout: 10 }, 'test');
    try {
      return await verifyDatabase(session, target(snapshot));
    } finally {
      await session.close();
    }
  }

  it.each([
    ['nothing spelled out', table('t', { id: id(), a: varchar(5), b: varchar(5).charset('latin1') })],
    ['the database charset, engine and column charsets spelled out',
      table('t', { id: id(), a: varchar(5).charset('utf8mb4'), b: varchar(5).charset('latin1').collate('latin1_swedish_ci') })
        .charset('utf8mb4').engine('InnoDB')],
    ['the database collation spelled out, in another case',
      table('t', { id: id(), a: varchar(5).collate('utf8mb4_general_ci'), b: varchar(5).collate('latin1_swedish_ci') })
        .collate('utf8mb4_general_ci').engine('innodb')],
  ])('no drift: %s', async (_label, t) => {
    const report = await verify(schema(t));
    expect(report.differences).toEqual([]);
    expect(report.drift).toBe(false);
  });

  it('a real difference of collation is drift, and the fix converts the table', async () => {
    const report = await verify(schema(table('t', { id: id(), a: varchar(5), b: varchar(5).charset('latin1') }).collate('utf8mb4_bin')));
    expect(report.drift).toBe(true);
    expect(report.differences).toHaveLength(1);
    expect(report.differences[0]).toMatch(/^change options of t: /);
    expect(report.fix.map((s) => s.sql).join('\n')).toContain('utf8mb4_bin');
  });
});
