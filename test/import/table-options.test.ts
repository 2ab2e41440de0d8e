import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { SchemaIR, TableOptions } from '../../compiler/ir/types.js';
import { databaseDefaults, introspectWithNotes } from '../../runtime/introspect.js';
import { runSql, scratchDatabase } from '../helpers/server.js';

/**
 * Table options in .sql files (issue 9, point 3): the storage options as written in a schema
 * file and as MariaDB's SHOW CREATE TABLE prints them (engine-defined options quoted, as
 * `` `PAGE_COMPRESSED`='1' ``), DEFAULT unsetting them, AUTO_INCREMENT kept as the counter's start,
 * options the IR does not model carried as written, and values that are not option words refused.
 */

const mariadb = configProfile('mariadb');

function read(sql: string): SchemaIR {
  const r = importSql(sql, 'test.sql', { server: mariadb });
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  return normalizeSchema(r.ir);
}

const options = (ir: SchemaIR, name: string): TableOptions => ir.tables.find((t) => t.name === name)!.options;
const base = { engine: null, charset: null, collate: null, comment: null };

describe('table options in CREATE TABLE', () => {
  it('reads every storage option, in any case, with or without = and commas', () => {
    const ir = read(`CREATE TABLE t (id int PRIMARY KEY AUTO_INCREMENT) row_format=compressed, KEY_BLOCK_SIZE 8 STATS_PERSISTENT=1
      STATS_AUTO_RECALC=0 STATS_SAMPLE_PAGES=12 AUTO_INCREMENT=1000 MAX_ROWS=100000 MIN_ROWS=10 CHECKSUM=1 pack_keys=0;`);
    expect(options(ir, 't')).toEqual({ ...base, rowFormat: 'COMPRESSED', keyBlockSize: 8, statsPersistent: true, statsAutoRecalc: false,
      statsSamplePages: 12, autoIncrement: 1000, maxRows: 100000, minRows: 10,
      other: [{ name: 'CHECKSUM', value: '1' }, { name: 'PACK_KEYS', value: '0' }] });
  });

  it('reads MariaDB\'s SHOW CREATE TABLE spelling of its own options', () => {
    const ir = read("CREATE TABLE `b` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
      + "COLLATE=utf8mb4_general_ci `PAGE_COMPRESSED`='1' `PAGE_COMPRESSION_LEVEL`='3' `ENCRYPTED`='NO';");
    expect(options(ir, 'b')).toMatchObject({ pageCompressed: true, pageCompressionLevel: 3, encrypted: false });
  });

  it('DEFAULT, 0 and AUTO_INCREMENT=1 are the defaults: unset', () => {
    const ir = read('CREATE TABLE t (id int) ROW_FORMAT=DEFAULT STATS_PERSISTENT=DEFAULT KEY_BLOCK_SIZE=0 MAX_ROWS=0 AUTO_INCREMENT=1 CHECKSUM=0 PACK_KEYS=DEFAULT;');
    expect(options(ir, 't')).toEqual(base);
  });

  it('refuses what the server refuses to read, and what is not an option word', () => {
    const problems = (sql: string) => importSql(sql, 'test.sql', { server: mariadb }).diagnostics.map(formatDiagnostic);
    expect(problems('CREATE TABLE t (id int) STATS_PERSISTENT=2;'))
      .toEqual(['test.sql:1:42: error E_IMPORT_SYNTAX: STATS_PERSISTENT takes 0 or 1 (or DEFAULT), not 2']);
    expect(problems('CREATE TABLE t (id int) PAGE_COMPRESSION_LEVEL=10;'))
      .toEqual(['test.sql:1:48: error E_IMPORT_SYNTAX: PAGE_COMPRESSION_LEVEL takes a whole number from 1 to 9, not 10']);
    expect(problems("CREATE TABLE t (id int) CONNECTION='mysql://x@h/db/t';"))
      .toEqual(['test.sql:1:25: error E_IMPORT_UNSUPPORTED: table option CONNECTION is not in the schema IR (its value is not an option word schemac can carry)']);
    expect(problems("CREATE TABLE t (id int) INSERT_METHOD='a; DROP TABLE x';"))
      .toEqual(['test.sql:1:39: error E_OPTION_INVALID: the value of table option INSERT_METHOD is not one word of letters, digits and _']);
  });
});

describe('table options in ALTER TABLE', () => {
  it('sets and resets them in order, as the server does', () => {
    const ir = read(`CREATE TABLE t (id int) ROW_FORMAT=COMPACT CHECKSUM=1 MAX_ROWS=5;
ALTER TABLE t ROW_FORMAT=REDUNDANT, CHECKSUM=0, MAX_ROWS=0, STATS_SAMPLE_PAGES=7, DELAY_KEY_WRITE=1;
ALTER TABLE t STATS_SAMPLE_PAGES=DEFAULT;`);
    expect(options(ir, 't')).toEqual({ ...base, rowFormat: 'REDUNDANT', other: [{ name: 'DELAY_KEY_WRITE', value: '1' }] });
  });
});

describe('a file and the live database read the same options', () => {
  it('the schema file, the server\'s SHOW CREATE TABLE and information_schema agree', async () => {
    const file = `CREATE TABLE a (id int PRIMARY KEY AUTO_INCREMENT) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=4 STATS_PERSISTENT=0
  STATS_AUTO_RECALC=1 STATS_SAMPLE_PAGES=9 AUTO_INCREMENT=77 MAX_ROWS=99 MIN_ROWS=3 CHECKSUM=1 DELAY_KEY_WRITE=1;
CREATE TABLE b (id int PRIMARY KEY) PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=2 ENCRYPTED=NO;
CREATE TABLE c (id int PRIMARY KEY) ENGINE=MyISAM ROW_FORMAT=FIXED PACK_KEYS=1;
CREATE TABLE d (id int PRIMARY KEY) ROW_FORMAT=DYNAMIC;
CREATE TABLE e (id int PRIMARY KEY) ENGINE=Aria;
CREATE TABLE f (id int PRIMARY KEY) ENGINE=Aria TRANSACTIONAL=0 PAGE_CHECKSUM=0;`;
    const db = await scratchDatabase('import_opts');
    try {
      await runSql(db.conn, file);
      const [rows] = await db.conn.query('SHOW CREATE TABLE a') as any;
      const shown = [];
      for (const t of ['a', 'b', 'c', 'd', 'e', 'f']) shown.push(((await db.conn.query(`SHOW CREATE TABLE ${t}`)) as any)[0][0]['Create Table'] + ';');
      expect(rows[0]['Create Table']).toContain('AUTO_INCREMENT=77');
      const { ir: live, server } = await introspectWithNotes(db.conn, db.name);
      const database = databaseDefaults(server);
      const readFor = (sql: string) => {
        const r = importSql(sql, 'test.sql', { server, database: { ...database, engine: server.defaultEngine } });
        expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
        return normalizeSchema(r.ir);
      };
      const on = { server, databases: { from: database, to: database } };
      for (const ir of [readFor(file), readFor(shown.join('\n'))]) {
        expect(diffSchemas(ir, live, on)).toEqual([]);
        expect(diffSchemas(live, ir, on)).toEqual([]);
        expect(ir.tables.map((t) => t.options)).toEqual(live.tables.map((t) => t.options));
      }
      // ROW_FORMAT=DYNAMIC is InnoDB's default: the same table as one without it.
      expect(diffSchemas(read('CREATE TABLE d (id int PRIMARY KEY);'), live, on).filter((c) => c.kind === 'alterOptions')).toEqual([]);
      expect(options(live, 'a').autoIncrement).toBe(77);
      // Aria's defaults (TRANSACTIONAL=1, PAGE_CHECKSUM=1) are no options; other values are carried.
      expect(options(live, 'e').other).toBeUndefined();
      expect(options(live, 'f').other).toEqual([{ name: 'PAGE_CHECKSUM', value: '0' }, { name: 'TRANSACTIONAL', value: '0' }]);
    } finally {
      await db.drop();
    }
  });
});
