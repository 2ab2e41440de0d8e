import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { writeDslFile } from '../../compiler/emit/dsl.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { writeSnapshot } from '../../compiler/ir/snapshot.js';
import type { Partitioning, SchemaIR } from '../../compiler/ir/types.js';
import { DEFAULT_NAMING } from '../../compiler/ir/types.js';
import { databaseDefaults, introspectWithNotes } from '../../runtime/introspect.js';
import { mapPartitioning, type PartitionRow } from '../../runtime/introspect-map.js';
import { caseNames, caseServer, loadCase } from '../golden/cases.js';
import { compileFolder } from '../helpers/compile.js';
import { runSql, scratchDatabase } from '../helpers/server.js';

/**
 * Partitioning (issue 9, point 7) read from .sql files, from information_schema.PARTITIONS
 * (MariaDB 10.11 on the server; MySQL 8 rows from its manual), and written back as the schema
 * language by `schemac import`.
 */

const mariadb = configProfile('mariadb');

function read(sql: string): SchemaIR {
  const r = importSql(sql, 'test.sql', { server: mariadb });
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  return normalizeSchema(r.ir);
}

const parts = (ir: SchemaIR, name: string): Partitioning | undefined => ir.tables.find((t) => t.name === name)!.partitioning;

const FILE = `CREATE TABLE ev (id INT NOT NULL, d DATE NOT NULL, PRIMARY KEY (id, d))
  PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2
  (PARTITION p2020 VALUES LESS THAN (2021) COMMENT 'old', PARTITION pmax VALUES LESS THAN MAXVALUE);
CREATE TABLE rc (a INT NOT NULL, b VARCHAR(5) NOT NULL)
  PARTITION BY RANGE COLUMNS (a, b) (PARTITION p0 VALUES LESS THAN (10, 'm'), PARTITION p1 VALUES LESS THAN (MAXVALUE, MAXVALUE));
CREATE TABLE li (id INT NOT NULL) PARTITION BY LIST (id) (PARTITION a VALUES IN (1, 2, 3), PARTITION b VALUES IN (4, NULL));
CREATE TABLE lc (c VARCHAR(5), n INT) PARTITION BY LIST COLUMNS (c, n) (PARTITION a VALUES IN (('x', 1), ('y', 2)), PARTITION b VALUES IN (('z', 3)));
CREATE TABLE lh (id INT NOT NULL PRIMARY KEY) PARTITION BY LINEAR HASH (id) PARTITIONS 3;
CREATE TABLE k0 (id INT NOT NULL PRIMARY KEY) PARTITION BY KEY () PARTITIONS 2;
CREATE TABLE k2 (id INT NOT NULL, x INT) PARTITION BY LINEAR KEY ALGORITHM=2 (id, x) PARTITIONS 2;
CREATE TABLE hn (id INT NOT NULL) PARTITION BY HASH (id) (PARTITION one, PARTITION two);`;

describe('partitioning in .sql files', () => {
  it('reads every method, counts, subpartitions, bounds, values and comments', () => {
    const ir = read(FILE);
    expect(parts(ir, 'ev')).toEqual({ by: { method: 'RANGE', expr: 'YEAR(d)' }, subBy: { method: 'HASH', expr: 'id', count: 2 },
      partitions: [{ name: 'p2020', lessThan: ['2021'], comment: 'old' }, { name: 'pmax', lessThan: ['MAXVALUE'] }], pos: expect.anything() });
    expect(parts(ir, 'rc')?.partitions.map((d) => d.lessThan)).toEqual([['10', "'m'"], ['MAXVALUE', 'MAXVALUE']]);
    // LIST values in canonical order (the server lists NULL first).
    expect(parts(ir, 'li')?.partitions.map((d) => d.values)).toEqual([['1', '2', '3'], ['4', 'NULL']]);
    expect(parts(ir, 'lc')?.partitions.map((d) => d.values)).toEqual([["('x', 1)", "('y', 2)"], ["('z', 3)"]]);
    expect(parts(ir, 'lh')?.by).toEqual({ method: 'HASH', linear: true, expr: 'id', count: 3 });
    expect(parts(ir, 'k0')?.by).toEqual({ method: 'KEY', columns: [], count: 2 });
    expect(parts(ir, 'k2')?.by).toEqual({ method: 'KEY', linear: true, columns: ['id', 'x'], count: 2 });
    expect(parts(ir, 'hn')?.partitions).toEqual([{ name: 'one' }, { name: 'two' }]);
  });

  it('replays ALTER TABLE partition operations as the server does', () => {
    const ir = read(`CREATE TABLE r (id INT NOT NULL) PARTITION BY RANGE (id) (PARTITION a VALUES LESS THAN (10), PARTITION b VALUES LESS THAN (20), PARTITION c VALUES LESS THAN (30));
ALTER TABLE r DROP PARTITION b;
ALTER TABLE r REORGANIZE PARTITION c INTO (PARTITION b VALUES LESS THAN (20), PARTITION c VALUES LESS THAN (30));
ALTER TABLE r ADD PARTITION (PARTITION d VALUES LESS THAN MAXVALUE);
ALTER TABLE r TRUNCATE PARTITION a;
CREATE TABLE h (id INT NOT NULL) PARTITION BY HASH (id) PARTITIONS 2;
ALTER TABLE h ADD PARTITION PARTITIONS 3;
ALTER TABLE h COALESCE PARTITION 1;
CREATE TABLE g (id INT NOT NULL);
ALTER TABLE g ENGINE = InnoDB PARTITION BY KEY (id) PARTITIONS 2;
CREATE TABLE x (id INT NOT NULL) PARTITION BY HASH (id);
ALTER TABLE x REMOVE PARTITIONING;`);
    expect(parts(ir, 'r')?.partitions.map((d) => `${d.name}<${d.lessThan}`)).toEqual(['a<10', 'b<20', 'c<30', 'd<MAXVALUE']);
    expect(parts(ir, 'h')?.by.count).toBe(4);
    expect(parts(ir, 'g')?.by).toEqual({ method: 'KEY', columns: ['id'], count: 2 });
    expect(parts(ir, 'x')).toBeUndefined();
  });

  it('reads the partitioning mysqldump writes in an executable comment after the options', () => {
    const ir = read('CREATE TABLE `t` (\n  `id` int NOT NULL,\n  `d` date NOT NULL,\n  PRIMARY KEY (`id`,`d`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4\n'
      + '/*!50100 PARTITION BY RANGE (year(`d`))\n(PARTITION p0 VALUES LESS THAN (2020) ENGINE = InnoDB,\n PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */;\n'
      + 'CREATE TABLE `u` (`id` int NOT NULL) /*!50100 PARTITION BY KEY (id) PARTITIONS 4 */;');
    expect(parts(ir, 't')).toEqual({ by: { method: 'RANGE', expr: 'year(`d`)' },
      partitions: [{ name: 'p0', lessThan: ['2020'] }, { name: 'p1', lessThan: ['MAXVALUE'] }], pos: { file: 'test.sql', line: 6, column: 10 } });
    expect(parts(ir, 'u')?.by).toEqual({ method: 'KEY', columns: ['id'], count: 4 });
  });

  it('refuses what it cannot hold, at its line', () => {
    const problems = (sql: string) => importSql(sql, 'test.sql', { server: mariadb }).diagnostics.map(formatDiagnostic);
    expect(problems("CREATE TABLE t (id int) PARTITION BY HASH (id) (PARTITION p0 DATA DIRECTORY = '/x');"))
      .toEqual(['test.sql:1:62: error E_IMPORT_UNSUPPORTED: DATA of partition p0 is not in the schema IR']);
    expect(problems('CREATE TABLE t (id int);\nALTER TABLE t DROP PARTITION p0;'))
      .toEqual(['test.sql:2:15: error E_IMPORT_REFERENCE: DROP PARTITION on table t, which is not partitioned']);
    expect(problems('CREATE TABLE t (id int) PARTITION BY RANGE (id; DROP TABLE x) (PARTITION p VALUES LESS THAN (1));')[0])
      .toMatch(/^test\.sql:1:\d+: error E_IMPORT_(EXPR|SYNTAX)/);
  });
});

describe('a file, the server\'s SHOW CREATE TABLE and information_schema agree', () => {
  it('on MariaDB 10.11', async () => {
    const db = await scratchDatabase('import_parts');
    try {
      await runSql(db.conn, FILE);
      const shown: string[] = [];
      for (const t of ['ev', 'rc', 'li', 'lc', 'lh', 'k0', 'k2', 'hn']) {
        shown.push(((await db.conn.query(`SHOW CREATE TABLE ${t}`)) as any)[0][0]['Create Table'] + ';');
      }
      const { ir: live, server } = await introspectWithNotes(db.conn, db.name);
      const database = databaseDefaults(server);
      const on = { server, databases: { from: database, to: database } };
      const readFor = (sql: string) => {
        const r = importSql(sql, 'test.sql', { server, database: { ...database, engine: server.defaultEngine } });
        expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
        return normalizeSchema(r.ir);
      };
      for (const ir of [readFor(FILE), readFor(shown.join('\n'))]) {
        expect(diffSchemas(ir, live, on)).toEqual([]);
        expect(diffSchemas(live, ir, on)).toEqual([]);
        // The same partitions, counted alike (expressions as each side spells them).
        expect(ir.tables.map((t) => [t.name, t.partitioning?.by.count, t.partitioning?.subBy?.count, t.partitioning?.partitions.map((d) => d.name)]))
          .toEqual(live.tables.map((t) => [t.name, t.partitioning?.by.count, t.partitioning?.subBy?.count, t.partitioning?.partitions.map((d) => d.name)]));
      }
    } finally {
      await db.drop();
    }
  });
});

describe('information_schema.PARTITIONS rows → Partitioning', () => {
  const row = (r: Partial<PartitionRow>): PartitionRow => ({ tableName: 't', name: 'p0', subName: null, position: 1, subPosition: null,
    method: 'RANGE', subMethod: null, expression: null, subExpression: null, description: null, comment: '', ...r });
  it('reads MySQL 8\'s rows (its manual: PARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_DESCRIPTION)', () => {
    expect(normalizeSchemaPartitioning(mapPartitioning([
      row({ name: 'p0', method: 'RANGE COLUMNS', expression: '`a`,`b`', description: "10,'m'" }),
      row({ name: 'p1', position: 2, method: 'RANGE COLUMNS', expression: '`a`,`b`', description: 'MAXVALUE,MAXVALUE' }),
    ]))).toEqual({ by: { method: 'RANGE', columns: ['a', 'b'] },
      partitions: [{ name: 'p0', lessThan: ['10', "'m'"] }, { name: 'p1', lessThan: ['MAXVALUE', 'MAXVALUE'] }] });
    expect(normalizeSchemaPartitioning(mapPartitioning([0, 1, 2, 3].map((i) => row({ name: `p${i}`, position: i + 1, method: 'LINEAR KEY', expression: '`id`' })))))
      .toEqual({ by: { method: 'KEY', linear: true, columns: ['id'], count: 4 }, partitions: [] });
    expect(normalizeSchemaPartitioning(mapPartitioning(['p0sp0', 'p0sp1'].map((s, i) => row({ subName: s, subPosition: i + 1, method: 'LIST',
      subMethod: 'HASH', expression: '`region`', subExpression: '`id`', description: '1,2' })))))
      .toEqual({ by: { method: 'LIST', expr: '`region`' }, subBy: { method: 'HASH', expr: '`id`', count: 2 }, partitions: [{ name: 'p0', values: ['1', '2'] }] });
  });
  it('notes a method it cannot read', () => {
    const notes: string[] = [];
    expect(mapPartitioning([row({ method: 'SYSTEM_TIME' })], (m) => notes.push(m))).toBeNull();
    expect(notes).toEqual(['partitioning by SYSTEM_TIME left out: schemac reads RANGE, LIST, HASH and KEY']);
  });
});

function normalizeSchemaPartitioning(p: Partitioning | null): Partitioning | undefined {
  const ir = normalizeSchema({ kind: 'schema', tables: [{ kind: 'table', name: 't', columns: [], primaryKey: null, indexes: [], foreignKeys: [],
    checks: [], options: { engine: null, charset: null, collate: null, comment: null }, ...(p ? { partitioning: p } : {}) }] });
  return ir.tables[0].partitioning;
}

describe('the schema language writer (schemac import) keeps partitioning and table options', () => {
  const names = caseNames().filter((n) => /^(partition|options)_/.test(n));
  it.each(names)('%s: the written schema file compiles to the same snapshot', (name) => {
    const c = loadCase(name);
    if (!c.after || c.diagnostics !== null) return;
    const dir = mkdtempSync(join(tmpdir(), 'schemac-dsl-'));
    try {
      for (const [side, ir] of [['before', c.before], ['after', c.after]] as const) {
        if (ir.tables.length === 0) continue;
        const folder = join(dir, side);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'schema.ts'), writeDslFile(ir, DEFAULT_NAMING));
        const back = compileFolder(dir, folder, caseServer(name));
        expect(back.diagnostics.map(formatDiagnostic)).toEqual([]);
        expect(writeSnapshot(back.ir)).toBe(writeSnapshot(ir));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
