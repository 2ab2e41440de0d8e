import type { Diagnostic } from '../../compiler/diagnostics.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import {
  boolean, check, datetime, decimal, enumOf, fulltext, id, index, int, json, sql, table, varbinary, varchar, binary, bigint, char,
} from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { stripTransient } from '../../compiler/ir/snapshot.js';
import type { ColumnType, DefaultValue, SchemaIR } from '../../compiler/ir/types.js';
import {
  buildSchema, indexOptionsOfCreateTable, IntrospectError, mapDefault, tablesNeedingCreate, mapTableOptions, ownCharset, parseColumnType, parseStringLiteral,
  unescapeMysqlExpression, type CheckRow, type ColumnRow, type ForeignKeyRow, type IndexRow, type IntrospectRows,
  type ServerInfo,
} from '../../runtime/introspect-map.js';
import { parseServerVersion } from '../../compiler/dialect/mysql/server.js';
import { introspectWithNotes, type Queryable } from '../../runtime/introspect.js';

/**
 * The row → IR mapping without a server: MySQL 8 values from MYSQL-NOTES §6–§9 and §13 (no
 * MySQL server runs in CI; re-check them on a real MySQL 8.0/8.4), and MariaDB 10.11 values
 * measured on the test server.
 */

const MYSQL: ServerInfo = {
  flavor: 'mysql', version: [8, 0, 36], database: 'app', defaultEngine: 'InnoDB', databaseCharset: 'utf8mb4', databaseCollation: 'utf8mb4_0900_ai_ci',
  charsetDefaults: new Map([['utf8mb4', 'utf8mb4_0900_ai_ci'], ['latin1', 'latin1_swedish_ci'], ['utf8mb3', 'utf8mb3_general_ci']]),
};
const MARIADB: ServerInfo = {
  flavor: 'mariadb', version: [10, 11, 19], database: 'app', defaultEngine: 'InnoDB', databaseCharset: 'utf8mb4', databaseCollation: 'utf8mb4_general_ci',
  charsetDefaults: new Map([['utf8mb4', 'utf8mb4_general_ci'], ['latin1', 'latin1_swedish_ci'], ['utf8mb3', 'utf8mb3_general_ci']]),
};

describe('COLUMN_TYPE → ColumnType', () => {
  it.each<[string, ColumnType]>([
    // MySQL 8.0.19+ drops integer display widths (MYSQL-NOTES §9); MariaDB keeps them.
    ['int', { kind: 'int', size: 'int', unsigned: false }],
    ['int(11)', { kind: 'int', size: 'int', unsigned: false }],
    ['bigint unsigned', { kind: 'int', size: 'bigint', unsigned: true }],
    ['bigint(20) unsigned', { kind: 'int', size: 'bigint', unsigned: true }],
    // ZEROFILL is shown with its width by both (MySQL 8.0.19+ drops other widths but keeps these).
    ['int(5) unsigned zerofill', { kind: 'int', size: 'int', unsigned: true, zerofill: 5 }],
    ['int zerofill', { kind: 'int', size: 'int', unsigned: true, zerofill: 10 }],
    ['tinyint(1) unsigned zerofill', { kind: 'int', size: 'tinyint', unsigned: true, zerofill: 1 }],
    ['tinyint', { kind: 'int', size: 'tinyint', unsigned: false }],
    ['tinyint(4)', { kind: 'int', size: 'tinyint', unsigned: false }],
    ['tinyint(1)', { kind: 'boolean' }],
    ['tinyint(1) unsigned', { kind: 'int', size: 'tinyint', unsigned: true }],
    ['smallint(6)', { kind: 'int', size: 'smallint', unsigned: false }],
    ['mediumint unsigned', { kind: 'int', size: 'mediumint', unsigned: true }],
    ['decimal(10,2)', { kind: 'decimal', precision: 10, scale: 2, unsigned: false }],
    ['decimal(8,0) unsigned', { kind: 'decimal', precision: 8, scale: 0, unsigned: true }],
    ['float', { kind: 'float', unsigned: false }],
    ['float unsigned', { kind: 'float', unsigned: true }],
    ['double', { kind: 'double', unsigned: false }],
    ['char(3)', { kind: 'char', length: 3 }],
    ['varchar(255)', { kind: 'varchar', length: 255 }],
    ['binary(16)', { kind: 'binary', length: 16 }],
    ['varbinary(64)', { kind: 'varbinary', length: 64 }],
    ['tinytext', { kind: 'text', size: 'tinytext' }],
    ['mediumtext', { kind: 'text', size: 'mediumtext' }],
    ['longtext', { kind: 'text', size: 'longtext' }],
    ['blob', { kind: 'blob', size: 'blob' }],
    ['longblob', { kind: 'blob', size: 'longblob' }],
    ['date', { kind: 'date' }],
    ['time', { kind: 'time', fsp: 0 }],
    ['time(3)', { kind: 'time', fsp: 3 }],
    ['datetime(6)', { kind: 'datetime', fsp: 6 }],
    ['timestamp', { kind: 'timestamp', fsp: 0 }],
    ['year', { kind: 'year' }],
    ['year(4)', { kind: 'year' }],
    ['json', { kind: 'json' }],
    ['enum(\'happy\',\'sad\')', { kind: 'enum', values: ['happy', 'sad'] }],
    ['enum(\'a\'\'b\',\'c\\\\d\',\'e\\nf\',\'x,y\')', { kind: 'enum', values: ['a\'b', 'c\\d', 'e\nf', 'x,y'] }],
    ['set(\'a\',\'b\',\'c\')', { kind: 'set', values: ['a', 'b', 'c'] }],
  ])('%s', (columnType, expected) => {
    const parsed = parseColumnType(columnType);
    expect('type' in parsed ? parsed.type : parsed).toEqual(expected);
  });

  it('notes what it approximates: ZEROFILL on DECIMAL and FLOAT(M,D)', () => {
    expect(parseColumnType('decimal(5,2) unsigned zerofill')).toMatchObject({ note: expect.stringContaining('ZEROFILL') });
    expect(parseColumnType('int(5) unsigned zerofill')).not.toHaveProperty('note');
    expect(parseColumnType('float(7,3)')).toEqual({ type: { kind: 'float', unsigned: false }, note: expect.stringContaining('deprecated') });
  });

  it.each(['bit(0)', 'bit(65)', 'point(1)', 'uuid(1)', 'vector(3)', 'xmltype', 'enum(broken'])('refuses %s', (columnType) => {
    expect(parseColumnType(columnType)).toEqual({ unsupported: expect.any(String) });
  });
});

describe('string literals as information_schema prints them', () => {
  it.each<[string, string | null]>([
    ['\'abc\'', 'abc'],
    ['\'it\'\'s\'', 'it\'s'],
    ['\'\'', ''],
    ['\'a\\\\b\'', 'a\\b'],
    ['\'line\\nbreak\\0nul\\Zsub\\rcr\'', 'line\nbreak\0nul\x1asub\rcr'],
    ['\'it\\\'s\'', 'it\'s'],
    ['\'\\\\%\'', '\\%'],
    ['\'a\',\'b\'', null],
    ['\'a\' + 1', null],
    ['abc', null],
  ])('%s', (text, expected) => {
    expect(parseStringLiteral(text)).toBe(expected);
  });

  it('MySQL backslash-escapes the quotes and backslashes of stored expressions', () => {
    expect(unescapeMysqlExpression('concat(_utf8mb4\\\'a\\\',_utf8mb4\\\'b\\\')')).toBe('concat(_utf8mb4\'a\',_utf8mb4\'b\')');
    expect(unescapeMysqlExpression('_utf8mb4\\\'it\\\\\\\'s\\\'')).toBe('_utf8mb4\'it\\\'s\'');
    expect(unescapeMysqlExpression('(`a` > 0)')).toBe('(`a` > 0)');
  });
});

describe('COLUMN_DEFAULT → default (MYSQL-NOTES §8)', () => {
  const vc: ColumnType = { kind: 'varchar', length: 20 };
  const int_: ColumnType = { kind: 'int', size: 'int', unsigned: false };
  const dec: ColumnType = { kind: 'decimal', precision: 10, scale: 2, unsigned: false };
  const dt3: ColumnType = { kind: 'datetime', fsp: 3 };
  const ts: ColumnType = { kind: 'timestamp', fsp: 0 };
  const js: ColumnType = { kind: 'json' };
  const txt: ColumnType = { kind: 'text', size: 'text' };
  const bin: ColumnType = { kind: 'binary', length: 4 };
  const bool: ColumnType = { kind: 'boolean' };

  it.each<[string, string | null, string, ColumnType, DefaultValue | null]>([
    ['no default', null, '', vc, null],
    ['DEFAULT NULL (the string NULL)', 'NULL', '', vc, { kind: 'null' }],
    ['quoted literal', '\'abc\'', '', vc, { kind: 'string', value: 'abc' }],
    ['doubled quote', '\'it\'\'s\'', '', vc, { kind: 'string', value: 'it\'s' }],
    ['backslash escapes', '\'a\\\\b\\n\'', '', vc, { kind: 'string', value: 'a\\b\n' }],
    ['empty string', '\'\'', '', vc, { kind: 'string', value: '' }],
    ['the string NULL', '\'NULL\'', '', vc, { kind: 'string', value: 'NULL' }],
    ['number', '7', '', int_, { kind: 'number', value: '7' }],
    ['decimal with scale', '1.50', '', dec, { kind: 'number', value: '1.50' }],
    ['boolean true', '1', '', bool, { kind: 'number', value: '1' }],
    ['current_timestamp()', 'current_timestamp()', '', ts, { kind: 'now', fsp: 0 }],
    ['current_timestamp(3)', 'current_timestamp(3)', 'on update current_timestamp(3)', dt3, { kind: 'now', fsp: 3 }],
    ['expression without parentheses', 'uuid()', '', { kind: 'char', length: 36 }, { kind: 'expr', sql: 'uuid()' }],
    ['expression with parentheses', '(1 + 1)', '', int_, { kind: 'expr', sql: '(1 + 1)' }],
    ['literal on JSON is an expression', '\'{}\'', '', js, { kind: 'expr', sql: '\'{}\'' }],
    ['literal on TEXT is an expression', '\'x\'', '', txt, { kind: 'expr', sql: '\'x\'' }],
    ['bare number on a string column is an expression', '5', '', vc, { kind: 'expr', sql: '5' }],
    ['padded BINARY', '\'ab\\0\\0\'', '', bin, { kind: 'string', value: 'ab\0\0' }],
  ])('MariaDB: %s', (_label, raw, extra, type, expected) => {
    expect(mapDefault(raw, extra, type, MARIADB)).toEqual(expected);
  });

  it.each<[string, string | null, string, ColumnType, DefaultValue | null]>([
    ['no default / DEFAULT NULL', null, '', vc, null],
    ['literal, unquoted', 'abc', '', vc, { kind: 'string', value: 'abc' }],
    ['quote inside, unescaped', 'it\'s', '', vc, { kind: 'string', value: 'it\'s' }],
    ['empty string', '', '', vc, { kind: 'string', value: '' }],
    ['the string NULL', 'NULL', '', vc, { kind: 'string', value: 'NULL' }],
    ['number', '0', '', int_, { kind: 'number', value: '0' }],
    ['decimal with scale', '1.50', '', dec, { kind: 'number', value: '1.50' }],
    ['boolean true', '1', '', bool, { kind: 'number', value: '1' }],
    ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP', 'DEFAULT_GENERATED', ts, { kind: 'now', fsp: 0 }],
    ['CURRENT_TIMESTAMP(3) on update', 'CURRENT_TIMESTAMP(3)', 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)', dt3, { kind: 'now', fsp: 3 }],
    ['uuid()', 'uuid()', 'DEFAULT_GENERATED', { kind: 'char', length: 36 }, { kind: 'expr', sql: 'uuid()' }],
    ['(1 + 1)', '(1 + 1)', 'DEFAULT_GENERATED', int_, { kind: 'expr', sql: '(1 + 1)' }],
    ['JSON expression, escaped', '_utf8mb4\\\'{}\\\'', 'DEFAULT_GENERATED', js, { kind: 'expr', sql: '_utf8mb4\'{}\'' }],
    ['BINARY as hex', '0x61620000', '', bin, { kind: 'string', value: 'ab\0\0' }],
  ])('MySQL: %s', (_label, raw, extra, type, expected) => {
    expect(mapDefault(raw, extra, type, MYSQL)).toEqual(expected);
  });
});

describe('character sets and collations', () => {
  const utf8Table = { charset: 'utf8mb4', collation: 'utf8mb4_general_ci' };
  it.each<[string, string | null, string | null, { charset: string | null; collate: string | null }]>([
    ['same as the table', 'utf8mb4', 'utf8mb4_general_ci', { charset: null, collate: null }],
    ['another collation of the table charset', 'utf8mb4', 'utf8mb4_bin', { charset: null, collate: 'utf8mb4_bin' }],
    ['another charset at its default collation', 'latin1', 'latin1_swedish_ci', { charset: 'latin1', collate: null }],
    ['another charset and collation', 'latin1', 'latin1_general_ci', { charset: 'latin1', collate: 'latin1_general_ci' }],
    ['no collation (not a string column)', null, null, { charset: null, collate: null }],
  ])('%s', (_label, charset, collation, expected) => {
    expect(ownCharset(charset, collation, utf8Table, MARIADB.charsetDefaults)).toEqual(expected);
  });

  it('table options are null where they are the database\'s or the server\'s default', () => {
    const row = { name: 't', engine: 'InnoDB', collation: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4', comment: '' };
    expect(mapTableOptions(row, MYSQL)).toEqual({ engine: null, charset: null, collate: null, comment: null });
    expect(mapTableOptions({ ...row, engine: 'MyISAM', collation: 'utf8mb4_unicode_ci', comment: 'hi' }, MYSQL))
      .toEqual({ engine: 'MyISAM', charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci', comment: 'hi' });
    expect(mapTableOptions({ ...row, collation: 'latin1_swedish_ci', charset: 'latin1' }, MYSQL))
      .toEqual({ engine: null, charset: 'latin1', collate: null, comment: null });
  });

  it('storage options from CREATE_OPTIONS: MariaDB 10.11 (measured) and MySQL 8 (its manual) spellings', () => {
    const row = { name: 't', engine: 'InnoDB', collation: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4', comment: '' };
    const base = { engine: null, charset: null, collate: null, comment: null };
    // MariaDB 10.11, SHOW TABLE STATUS / information_schema.TABLES of a table with all of them.
    expect(mapTableOptions({ ...row, collation: 'utf8mb4_general_ci', rowFormat: 'Compressed', autoIncrement: '100',
      createOptions: 'min_rows=10 max_rows=1000 pack_keys=1 stats_persistent=1 stats_auto_recalc=0 stats_sample_pages=5 checksum=1 '
        + 'delay_key_write=1 row_format=COMPRESSED key_block_size=8' }, MARIADB))
      .toEqual({ ...base, rowFormat: 'COMPRESSED', keyBlockSize: 8, statsPersistent: true, statsAutoRecalc: false, statsSamplePages: 5,
        autoIncrement: 100, maxRows: 1000, minRows: 10,
        other: [{ name: 'PACK_KEYS', value: '1' }, { name: 'CHECKSUM', value: '1' }, { name: 'DELAY_KEY_WRITE', value: '1' }] });
    expect(mapTableOptions({ ...row, collation: 'utf8mb4_general_ci', rowFormat: 'Dynamic',
      createOptions: "`PAGE_COMPRESSED`='1' `PAGE_COMPRESSION_LEVEL`='3' `ENCRYPTED`='NO'" }, MARIADB))
      .toEqual({ ...base, pageCompressed: true, pageCompressionLevel: 3, encrypted: false });
    // MySQL 8.0 (INFORMATION_SCHEMA TABLES, innodb-page-compression, innodb-data-encryption):
    // `partitioned` is a flag; COMPRESSION and ENCRYPTION are carried as written.
    expect(mapTableOptions({ ...row, rowFormat: 'Compressed', autoIncrement: null,
      createOptions: 'row_format=COMPRESSED key_block_size=8 stats_persistent=0 partitioned' }, MYSQL))
      .toEqual({ ...base, rowFormat: 'COMPRESSED', keyBlockSize: 8, statsPersistent: false });
    expect(mapTableOptions({ ...row, rowFormat: 'Dynamic', createOptions: 'COMPRESSION="zlib" ENCRYPTION=\'Y\'' }, MYSQL))
      .toEqual({ ...base, other: [{ name: 'COMPRESSION', value: 'zlib' }, { name: 'ENCRYPTION', value: 'Y' }] });
    // Nothing declared: ROW_FORMAT shows the default (Dynamic), which is no option; KEY_BLOCK_SIZE alone is COMPRESSED by itself.
    expect(mapTableOptions({ ...row, rowFormat: 'Dynamic', createOptions: '', autoIncrement: '1' }, MYSQL)).toEqual(base);
    expect(mapTableOptions({ ...row, rowFormat: 'Compressed', createOptions: 'key_block_size=4' }, MYSQL)).toEqual({ ...base, keyBlockSize: 4 });
    // A server whose default changed after the table was made: the format it has is reported.
    expect(mapTableOptions({ ...row, rowFormat: 'Compact', createOptions: '' }, MYSQL)).toEqual({ ...base, rowFormat: 'COMPACT' });
    expect(mapTableOptions({ ...row, rowFormat: 'Compact', createOptions: '' }, { ...MYSQL, innodbDefaultRowFormat: 'COMPACT' })).toEqual(base);
    // MyISAM's format follows its columns: never read from ROW_FORMAT.
    expect(mapTableOptions({ ...row, engine: 'MyISAM', rowFormat: 'Fixed', createOptions: '' }, MYSQL)).toEqual({ ...base, engine: 'MyISAM' });
    // An Aria table that declares nothing: MariaDB 10.11 shows transactional=1, its default.
    const aria = { ...row, engine: 'Aria', collation: 'utf8mb4_general_ci', rowFormat: 'Page' };
    expect(normalizeSchema({ kind: 'schema', tables: [{ kind: 'table', name: 't', columns: [], primaryKey: null, indexes: [], foreignKeys: [], checks: [],
      options: mapTableOptions({ ...aria, createOptions: 'transactional=1' }, MARIADB) }] }).tables[0].options).toEqual({ ...base, engine: 'Aria' });
    expect(mapTableOptions({ ...aria, createOptions: 'transactional=0' }, MARIADB)).toEqual({ ...base, engine: 'Aria', other: [{ name: 'TRANSACTIONAL', value: '0' }] });
    // What is not an option word is left out, with a note.
    const notes: string[] = [];
    expect(mapTableOptions({ ...row, createOptions: "CONNECTION='a b' stats_persistent=7" }, MYSQL, (m) => notes.push(m))).toEqual(base);
    expect(notes).toEqual(["table option CONNECTION=a b left out: it is not an option word schemac can carry",
      'STATS_PERSISTENT=7 left out: STATS_PERSISTENT takes 0 or 1 (or DEFAULT), not 7']);
  });

  it('the same rows give the same schema whatever schema is expected, and compare equal to every spelling of it', () => {
    const row = { name: 't', engine: 'InnoDB', collation: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4', comment: '' };
    const rows: IntrospectRows = {
      tables: [row],
      columns: columns('t', [
        { name: 'id', columnType: 'int', nullable: 'NO' },
        { name: 'a', columnType: 'varchar(5)', charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' },
        { name: 'b', columnType: 'varchar(5)', charset: 'latin1', collation: 'latin1_swedish_ci' },
      ]),
      indexes: [indexRow('t', 'PRIMARY', 'id', { nonUnique: 0 })], foreignKeys: [], checks: [],
    };
    const bare = buildSchema(rows, MYSQL).ir;
    const o = (engine: string | null, charset: string | null, collate: string | null) => ({ engine, charset, collate, comment: null });
    expect(bare.tables[0].options).toEqual(o(null, null, null));
    const spelled = (options: ReturnType<typeof o>, a: object, b: object): SchemaIR => normalizeSchema({
      ...bare, tables: [{ ...bare.tables[0], options,
        columns: bare.tables[0].columns.map((c) => (c.name === 'a' ? { ...c, ...a } : c.name === 'b' ? { ...c, ...b } : c)) }] });
    // The server's defaults spelled out (MySQL: utf8mb4 is utf8mb4_0900_ai_ci), in several ways.
    const same = [
      spelled(o('InnoDB', 'utf8mb4', null), { charset: 'utf8mb4' }, { charset: 'latin1', collate: 'latin1_swedish_ci' }),
      spelled(o('innodb', 'utf8mb4', 'utf8mb4_0900_ai_ci'), { collate: 'utf8mb4_0900_ai_ci' }, { charset: 'latin1' }),
      spelled(o(null, null, 'utf8mb4_0900_ai_ci'), { charset: 'utf8mb4', collate: 'utf8mb4_0900_ai_ci' }, { collate: 'latin1_swedish_ci' }),
    ];
    const database = { from: { charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' }, to: { charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' } };
    for (const expected of same) {
      expect(buildSchema(rows, MYSQL, expected).ir).toEqual(bare);
      expect(mapTableOptions(row, MYSQL)).toEqual(o(null, null, null));
      expect(diffSchemas(expected, bare, { server: MYSQL, databases: database })).toEqual([]);
      expect(diffSchemas(bare, expected, { server: MYSQL, databases: database })).toEqual([]);
    }
    // utf8mb4's default is utf8mb4_general_ci on MariaDB: on MySQL that spelling is a real difference.
    const other = spelled(o('MyISAM', 'utf8mb4', 'utf8mb4_general_ci'), {}, { collate: 'latin1_bin' });
    expect(buildSchema(rows, MYSQL, other).ir).toEqual(bare);
    const changes = diffSchemas(other, bare, { server: MYSQL, databases: database });
    expect(changes.map((c) => c.kind)).toEqual(['modifyColumn', 'alterOptions']);
    expect(changes[1]).toMatchObject({ kind: 'alterOptions', convert: true });
  });
});

// ---------------------------------------------------------------------------------------------
// Whole tables: rows as MySQL 8 and MariaDB report them, against the IR the compiler builds.

const position = table('position', {
  id: id(),
  name: varchar(64).notNull().unique(),
});

const task = table('task', {
  id: id({ type: 'bigint' }).unsigned(),
  title: varchar(128).notNull().default('it\'s new'),
  priority: int().notNull().default(1),
  price: decimal(10, 2).notNull().default(1.5),
  done: boolean().notNull().default(false),
  kind: enumOf(['once', 'weekly']).notNull().default('once'),
  doc: json(),
  meta: json().notNull().default(sql`'{}'`),
  token: char(36).notNull().default(sql`uuid()`),
  hash: binary(4).default('ab'),
  raw: varbinary(8),
  code: varchar(20).collate('utf8mb4_bin'),
  double_priority: int().generatedAs(sql`priority * 2`),
  position_id: int().references(() => position.id, { onDelete: 'set null' }),
  big: bigint(),
  created_at: datetime().notNull().defaultNow(),
  updated_at: datetime(3).notNull().defaultNow().onUpdateNow(),
}, (t) => [index(t.priority), fulltext(t.title).name('ft_title').parser('ngram').comment('search'),
  // As MySQL's EXPRESSION spells it, so the IRs are equal without canonical comparison.
  index(sql`(\`priority\` + 1)`).name('ix_functional'),
  check('priority_range', sql`priority between 1 and 10`),
  check('title_set', sql`title <> '' and kind in ('once', 'weekly')`)]).comment('things to do');

function compiled(): SchemaIR {
  const diagnostics: Diagnostic[] = [];
  const ir = normalizeSchema(tablesToIR([position, task], diagnostics).ir);
  expect(diagnostics).toEqual([]);
  return ir;
}

type Col = Partial<ColumnRow> & Pick<ColumnRow, 'name' | 'columnType'>;

function columns(tableName: string, cols: Col[]): ColumnRow[] {
  return cols.map((c, i) => ({
    tableName, position: i + 1, nullable: 'YES', columnDefault: null, extra: '', charset: null, collation: null, comment: '',
    generationExpression: null, ...c,
  }));
}

function indexRow(tableName: string, name: string, column: string, extra: Partial<IndexRow> = {}): IndexRow {
  return { tableName, name, nonUnique: 1, seq: 1, columnName: column, subPart: null, order: 'A', indexType: 'BTREE', ...extra };
}

/**
 * MySQL 8's SHOW CREATE TABLE of a FULLTEXT index with a parser: the parser in a versioned
 * comment (https://dev.mysql.com/doc/refman/8.0/en/fulltext-search-ngram.html shows
 * `FULLTEXT KEY \`title\` (\`title\`,\`body\`) /*!50100 WITH PARSER \`ngram\` *\/`), and an invisible
 * index as `/*!80000 INVISIBLE *\/`.
 */
const MYSQL_TASK_CREATE = `CREATE TABLE \`task\` (
  \`id\` bigint unsigned NOT NULL AUTO_INCREMENT,
  \`title\` varchar(128) NOT NULL DEFAULT 'it''s new',
  \`priority\` int NOT NULL DEFAULT '1',
  PRIMARY KEY (\`id\`),
  KEY \`ix_task_priority\` (\`priority\`) /*!80000 INVISIBLE */,
  FULLTEXT KEY \`ft_title\` (\`title\`) /*!50100 WITH PARSER \`ngram\` */ COMMENT 'search'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='things to do'`;

function mysqlRows(): IntrospectRows {
  const utf = { charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' };
  return {
    tables: [
      { name: 'position', engine: 'InnoDB', collation: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4', comment: '' },
      { name: 'task', engine: 'InnoDB', collation: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4', comment: 'things to do' },
      { name: 'schemac_migrations', engine: 'InnoDB', collation: 'utf8mb4_0900_ai_ci', charset: 'utf8mb4', comment: '' },
    ],
    columns: [
      ...columns('position', [
        { name: 'id', columnType: 'int', nullable: 'NO', extra: 'auto_increment', generationExpression: '' },
        { name: 'name', columnType: 'varchar(64)', nullable: 'NO', ...utf, generationExpression: '' },
      ]),
      ...columns('task', [
        { name: 'id', columnType: 'bigint unsigned', nullable: 'NO', extra: 'auto_increment' },
        { name: 'title', columnType: 'varchar(128)', nullable: 'NO', columnDefault: 'it\'s new', ...utf },
        { name: 'priority', columnType: 'int', nullable: 'NO', columnDefault: '1' },
        { name: 'price', columnType: 'decimal(10,2)', nullable: 'NO', columnDefault: '1.50' },
        { name: 'done', columnType: 'tinyint(1)', nullable: 'NO', columnDefault: '0' },
        { name: 'kind', columnType: 'enum(\'once\',\'weekly\')', nullable: 'NO', columnDefault: 'once', ...utf },
        { name: 'doc', columnType: 'json' },
        { name: 'meta', columnType: 'json', nullable: 'NO', columnDefault: '_utf8mb4\\\'{}\\\'', extra: 'DEFAULT_GENERATED' },
        { name: 'token', columnType: 'char(36)', nullable: 'NO', columnDefault: 'uuid()', extra: 'DEFAULT_GENERATED', ...utf },
        { name: 'hash', columnType: 'binary(4)', columnDefault: '0x61620000' },
        { name: 'raw', columnType: 'varbinary(8)' },
        { name: 'code', columnType: 'varchar(20)', charset: 'utf8mb4', collation: 'utf8mb4_bin' },
        { name: 'double_priority', columnType: 'int', extra: 'VIRTUAL GENERATED', generationExpression: '(`priority` * 2)' },
        { name: 'position_id', columnType: 'int' },
        { name: 'big', columnType: 'bigint' },
        { name: 'created_at', columnType: 'datetime', nullable: 'NO', columnDefault: 'CURRENT_TIMESTAMP', extra: 'DEFAULT_GENERATED' },
        { name: 'updated_at', columnType: 'datetime(3)', nullable: 'NO', columnDefault: 'CURRENT_TIMESTAMP(3)',
          extra: 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)' },
      ]),
      ...columns('schemac_migrations', [{ name: 'version', columnType: 'varchar(255)', nullable: 'NO' }]),
    ],
    indexes: [
      indexRow('position', 'PRIMARY', 'id', { nonUnique: 0 }),
      indexRow('position', 'uq_position_name', 'name', { nonUnique: 0 }),
      indexRow('task', 'PRIMARY', 'id', { nonUnique: 0 }),
      indexRow('task', 'ix_task_priority', 'priority'),
      indexRow('task', 'fk_task_position_id_position', 'position_id'),
      // MySQL 8 reports a FULLTEXT part with SUB_PART and COLLATION NULL; its parser is only in SHOW CREATE TABLE.
      indexRow('task', 'ft_title', 'title', { indexType: 'FULLTEXT', order: null, comment: 'search' }),
      // A functional key part: COLUMN_NAME NULL, the expression in EXPRESSION (MySQL 8.0.13+).
      indexRow('task', 'ix_functional', '', { columnName: null, expression: '(`priority` + 1)' }),
    ],
    indexOptions: indexOptionsOfCreateTable('task', MYSQL_TASK_CREATE),
    foreignKeys: [{
      tableName: 'task', name: 'fk_task_position_id_position', seq: 1, columnName: 'position_id', refSchema: 'app',
      refTable: 'position', refColumn: 'id', onUpdate: 'NO ACTION', onDelete: 'SET NULL',
    }] satisfies ForeignKeyRow[],
    checks: [
      { tableName: 'task', name: 'ck_task_priority_range', clause: '(`priority` between 1 and 10)', enforced: 'YES' },
      { tableName: 'task', name: 'ck_task_title_set',
        clause: '((`title` <> _utf8mb4\\\'\\\') and (`kind` in (_utf8mb4\\\'once\\\',_utf8mb4\\\'weekly\\\')))', enforced: 'YES' },
    ] satisfies CheckRow[],
  };
}

describe('buildSchema on MySQL 8 rows', () => {
  it('gives the IR the compiler builds (the diff is empty)', () => {
    const { ir, notes } = buildSchema(mysqlRows(), MYSQL);
    expect(ir.tables.map((t) => t.name)).toEqual(['position', 'task']);
    expect(diffSchemas(compiled(), ir)).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('matches the compiled IR exactly apart from the server\'s spelling of expressions', () => {
    const { ir } = buildSchema(mysqlRows(), MYSQL);
    const live = stripTransient(ir).tables.find((t) => t.name === 'task')!;
    const want = stripTransient(compiled()).tables.find((t) => t.name === 'task')!;
    const byName = (cols: typeof live.columns) => Object.fromEntries(cols.map((c) => [c.name, c]));
    const liveCols = byName(live.columns);
    for (const c of want.columns) {
      if (c.default?.kind === 'expr' || c.generated) continue;
      expect([c.name, liveCols[c.name]]).toEqual([c.name, c]);
    }
    expect(liveCols.meta.default).toEqual({ kind: 'expr', sql: '_utf8mb4\'{}\'' });
    expect(liveCols.double_priority.generated).toEqual({ expr: '(`priority` * 2)', stored: false });
    expect(live.checks.map((c) => c.expr)).toEqual([
      '(`priority` between 1 and 10)', '((`title` <> _utf8mb4\'\') and (`kind` in (_utf8mb4\'once\',_utf8mb4\'weekly\')))']);
    expect(live.indexes).toEqual(want.indexes);
    expect(live.foreignKeys).toEqual(want.foreignKeys);
    expect(live.primaryKey).toEqual(want.primaryKey);
    expect(live.options).toEqual(want.options);
  });

  it('reads NOT ENFORCED checks (TABLE_CONSTRAINTS.ENFORCED = NO) and invisible indexes (IS_VISIBLE = NO), and refuses types the IR lacks', () => {
    const rows = mysqlRows();
    const { ir, notes } = buildSchema({
      ...rows,
      checks: rows.checks.map((c) => (c.name === 'ck_task_priority_range' ? { ...c, enforced: 'NO' } : c)),
      indexes: rows.indexes.map((r) => (r.name === 'ix_task_priority' ? { ...r, hidden: true } : r)),
    }, MYSQL);
    expect(ir.tables.find((t) => t.name === 'task')!.checks.map((c) => [c.name, c.enforced ?? true]))
      .toEqual([['ck_task_priority_range', false], ['ck_task_title_set', true]]);
    expect(notes.map((n) => n.object)).not.toContain('ck_task_priority_range');
    expect(notes.map((n) => n.object)).not.toContain('ix_task_priority');
    expect(ir.tables[1].indexes.find((i) => i.name === 'ix_task_priority')?.hidden).toBe(true);
    expect(() => buildSchema({ ...rows, columns: [...rows.columns, ...columns('task', [{ name: 'v', columnType: 'vector(3)' }])] }, MYSQL))
      .toThrow(IntrospectError);
  });

  it('leaves out a foreign key to another database, with a note', () => {
    const rows = mysqlRows();
    const { ir, notes } = buildSchema({ ...rows, foreignKeys: rows.foreignKeys.map((f) => ({ ...f, refSchema: 'other' })) }, MYSQL);
    expect(ir.tables.find((t) => t.name === 'task')!.foreignKeys).toEqual([]);
    expect(notes.some((n) => n.object === 'fk_task_position_id_position')).toBe(true);
  });
});

describe('buildSchema on MariaDB rows', () => {
  function mariaRows(userCheckOnJson: boolean): IntrospectRows {
    return {
      tables: [{ name: 't', engine: 'InnoDB', collation: 'utf8mb4_general_ci', charset: 'utf8mb4', comment: '' }],
      columns: columns('t', [
        { name: 'id', columnType: 'int(11)', nullable: 'NO', extra: 'auto_increment' },
        { name: 'j', columnType: 'longtext', columnDefault: 'NULL', charset: 'utf8mb4', collation: 'utf8mb4_bin' },
        // LONGTEXT utf8mb4_bin without the json_valid check is a LONGTEXT.
        { name: 'lt', columnType: 'longtext', columnDefault: 'NULL', charset: 'utf8mb4', collation: 'utf8mb4_bin' },
      ]),
      indexes: [indexRow('t', 'PRIMARY', 'id', { nonUnique: 0 })],
      foreignKeys: [],
      checks: [
        { tableName: 't', name: 'j', clause: userCheckOnJson ? 'json_valid(`j`) and json_length(`j`) > 0' : 'json_valid(`j`)', level: 'Column' },
        { tableName: 't', name: 'lt_ok', clause: 'json_valid(`lt`)', level: 'Table' },
      ],
    };
  }

  it('reads LONGTEXT utf8mb4_bin + CHECK json_valid(col) as JSON and hides that check', () => {
    const t = buildSchema(mariaRows(false), MARIADB).ir.tables[0];
    expect(t.columns.map((c) => [c.name, c.type.kind, c.charset, c.collate])).toEqual([
      ['id', 'int', null, null], ['j', 'json', null, null], ['lt', 'text', null, 'utf8mb4_bin']]);
    expect(t.checks.map((c) => c.name)).toEqual(['lt_ok']);
  });

  it('keeps a merged column check (json_valid and more) as a check on a LONGTEXT', () => {
    const t = buildSchema(mariaRows(true), MARIADB).ir.tables[0];
    expect(t.columns[1].type.kind).toBe('text');
    expect(t.checks.map((c) => c.name)).toEqual(['j', 'lt_ok']);
  });
});

describe('queries', () => {
  /** A fake server: answers every query with canned rows and records the SQL. */
  function fake(version: string, tableCount: number): { conn: Queryable; sql: string[] } {
    const sql: string[] = [];
    const names = Array.from({ length: tableCount }, (_, i) => `t${i}`);
    const conn: Queryable = {
      async query(text: string) {
        sql.push(text);
        if (text.includes('VERSION()')) {
          return [[{ version, defaultEngine: 'InnoDB', charset: 'utf8mb4', collation: 'utf8mb4_general_ci' }], []];
        }
        if (text.includes('CHARACTER_SETS')) return [[{ charset: 'utf8mb4', collation: 'utf8mb4_general_ci' }], []];
        if (text.includes('information_schema.TABLES')) {
          return [names.map((name) => ({ name, engine: 'InnoDB', collation: 'utf8mb4_general_ci', charset: 'utf8mb4', comment: '' })), []];
        }
        if (text.includes('information_schema.COLUMNS')) {
          return [names.map((tableName) => ({ tableName, name: 'id', position: 1, columnType: 'int(11)', nullable: 'NO',
            columnDefault: null, extra: '', charset: null, collation: null, comment: '', generationExpression: null })), []];
        }
        return [[], []];
      },
    };
    return { conn, sql };
  }

  it('makes the same number of queries for 1 and 300 tables', async () => {
    const one = fake('10.11.19-MariaDB', 1);
    const many = fake('10.11.19-MariaDB', 300);
    await introspectWithNotes(one.conn, 'app');
    const { ir } = await introspectWithNotes(many.conn, 'app');
    expect(ir.tables).toHaveLength(300);
    expect(many.sql.length).toBe(one.sql.length);
    expect(one.sql.length).toBe(13); // server, character sets, tables, columns, statistics, foreign keys, checks, partitions, views, triggers, routines, events, unheld objects
  });

  it('uses TABLE_CONSTRAINTS and STATISTICS.EXPRESSION on MySQL, LEVEL and IGNORED on MariaDB', async () => {
    const my = fake('8.0.36', 1);
    await introspectWithNotes(my.conn, 'app');
    expect(my.sql.some((s) => s.includes('TABLE_CONSTRAINTS') && s.includes('CHECK_CONSTRAINTS'))).toBe(true);
    expect(my.sql.some((s) => s.includes('EXPRESSION AS expression'))).toBe(true);
    const maria = fake('10.11.19-MariaDB-0+deb12u1', 1);
    await introspectWithNotes(maria.conn, 'app');
    expect(maria.sql.some((s) => s.includes('LEVEL AS level'))).toBe(true);
    expect(maria.sql.some((s) => s.includes('IGNORED'))).toBe(true);
    // A spatial column's SRID: COLUMNS.SRS_ID on MySQL, GEOMETRY_COLUMNS.SRID on MariaDB.
    expect(my.sql.some((s) => s.includes('SRS_ID AS srid'))).toBe(true);
    expect(maria.sql.some((s) => s.includes('GEOMETRY_COLUMNS') && s.includes('SRID AS srid'))).toBe(true);
    // An explicit flavor wins over VERSION().
    const forced = fake('10.11.19-MariaDB', 1);
    await introspectWithNotes(forced.conn, 'app', { flavor: 'mysql' });
    expect(forced.sql.some((s) => s.includes('TABLE_CONSTRAINTS'))).toBe(true);
  });

  it('aliases every information_schema column (MySQL 8 upper-cases unaliased names)', async () => {
    const my = fake('8.4.0', 1);
    await introspectWithNotes(my.conn, 'app');
    for (const text of my.sql) {
      const select = text.slice(text.indexOf('SELECT') + 6, text.indexOf('FROM'));
      for (const item of select.split(/,(?![^(]*\))/)) expect(item).toMatch(/\sAS\s/i);
    }
  });

  it('tells MariaDB from MySQL, and the version, by VERSION()', () => {
    expect(parseServerVersion('10.11.19-MariaDB-0+deb12u1')).toEqual({ flavor: 'mariadb', version: [10, 11, 19] });
    expect(parseServerVersion('8.0.36')).toEqual({ flavor: 'mysql', version: [8, 0, 36] });
    expect(parseServerVersion('8.4.2-commercial')).toEqual({ flavor: 'mysql', version: [8, 4, 2] });
  });

  it('fails clearly for a database that does not exist', async () => {
    const conn: Queryable = { query: async () => [[], []] };
    await expect(introspectWithNotes(conn, 'nope')).rejects.toThrow('database nope does not exist');
  });
});

describe('index options information_schema does not hold', () => {
  it('reads the parser and KEY_BLOCK_SIZE from SHOW CREATE TABLE, never from a name or a comment', () => {
    const text = `CREATE TABLE \`t\` (
  \`a\` varchar(10) DEFAULT NULL,
  \`WITH PARSER x\` text,
  KEY \`k1\` (\`a\`) KEY_BLOCK_SIZE=8,
  KEY \`KEY_BLOCK_SIZE=4\` (\`a\`(3)) USING BTREE COMMENT 'KEY_BLOCK_SIZE=2 WITH PARSER ngram',
  FULLTEXT KEY \`ft\` (\`a\`,\`WITH PARSER x\`) /*!50100 WITH PARSER \`ngram\` */ ,
  FULLTEXT KEY \`ft2\` (\`a\`)
) ENGINE=MyISAM`;
    expect(indexOptionsOfCreateTable('t', text)).toEqual([
      { tableName: 't', name: 'k1', keyBlockSize: 8 },
      { tableName: 't', name: 'ft', parser: 'ngram' },
    ]);
  });

  it('asks SHOW CREATE TABLE only of tables with a FULLTEXT index or of an engine other than InnoDB', () => {
    const tables = [
      { name: 'a', engine: 'InnoDB', collation: null, charset: null, comment: '' },
      { name: 'b', engine: 'MyISAM', collation: null, charset: null, comment: '' },
      { name: 'c', engine: 'InnoDB', collation: null, charset: null, comment: '' },
      { name: 'd', engine: 'Aria', collation: null, charset: null, comment: '' },
    ];
    expect(tablesNeedingCreate(tables, [
      indexRow('a', 'PRIMARY', 'id'), indexRow('a', 'ix', 'x'), indexRow('b', 'ix', 'x'), indexRow('b', 'ix2', 'y'),
      indexRow('c', 'ft', 'x', { indexType: 'FULLTEXT' }), indexRow('d', 'PRIMARY', 'id'),
    ])).toEqual(['b', 'c']);
  });

  it('maps INDEX_TYPE, INDEX_COMMENT and IGNORED (MariaDB), and drops what the engine ignores', () => {
    const rows: IntrospectRows = {
      tables: [
        { name: 'm', engine: 'MEMORY', collation: 'utf8mb4_general_ci', charset: 'utf8mb4', comment: '' },
        { name: 'i', engine: 'InnoDB', collation: 'utf8mb4_general_ci', charset: 'utf8mb4', comment: '' },
      ],
      columns: [...columns('m', [{ name: 'a', columnType: 'int(11)' }, { name: 'b', columnType: 'int(11)' }]),
        ...columns('i', [{ name: 'a', columnType: 'int(11)' }, { name: 'g', columnType: 'varchar(10)' }])],
      indexes: [
        indexRow('m', 'ha', 'a', { indexType: 'HASH', order: null }),
        indexRow('m', 'bb', 'b', { indexType: 'BTREE', comment: 'ordered' }),
        indexRow('i', 'ia', 'a', { indexType: 'BTREE', hidden: true }),
        indexRow('i', 'ua', 'a', { indexType: 'HASH', nonUnique: 0, order: null }),
        indexRow('i', 'sp', 'g', { indexType: 'SPATIAL', subPart: 32 }),
      ],
      foreignKeys: [],
      checks: [],
      indexOptions: [{ tableName: 'm', name: 'bb', keyBlockSize: 1024 }],
    };
    const { ir, notes } = buildSchema({ ...rows, indexes: [...rows.indexes, indexRow('i', 'vx', 'g', { indexType: 'VECTOR' })] }, MARIADB);
    expect(notes).toEqual([{ table: 'i', object: 'vx', message: 'VECTOR index left out: the schema language has no VECTOR indexes' }]);
    const strip = (t: SchemaIR['tables'][number]) => t.indexes.map(({ kind: _k, ...rest }) => rest);
    expect(strip(ir.tables.find((t) => t.name === 'm')!)).toEqual([
      { name: 'bb', unique: false, parts: [{ column: 'b' }], using: 'BTREE', keyBlockSize: 1024, comment: 'ordered' },
      { name: 'ha', unique: false, parts: [{ column: 'a' }] },
    ]);
    expect(strip(ir.tables.find((t) => t.name === 'i')!)).toEqual([
      { name: 'ia', unique: false, parts: [{ column: 'a' }], hidden: true },
      { name: 'sp', unique: false, parts: [{ column: 'g' }], type: 'spatial' },
      { name: 'ua', unique: true, parts: [{ column: 'a' }], using: 'HASH' },
    ]);
  });
});

describe('issue 9.2: BIT and spatial columns from information_schema', () => {
  it.each<[string, ColumnType]>([
    ['bit(1)', { kind: 'bit', length: 1 }],
    ['bit(64)', { kind: 'bit', length: 64 }],
    ['point', { kind: 'geometry', shape: 'point', srid: null }],
    ['geometry', { kind: 'geometry', shape: 'geometry', srid: null }],
    ['multipolygon', { kind: 'geometry', shape: 'multipolygon', srid: null }],
    // MySQL 8 reports GEOMETRYCOLLECTION as geomcollection (information_schema.COLUMNS.COLUMN_TYPE); MariaDB as geometrycollection.
    ['geomcollection', { kind: 'geometry', shape: 'geometrycollection', srid: null }],
    ['geometrycollection', { kind: 'geometry', shape: 'geometrycollection', srid: null }],
  ])('%s', (columnType, type) => {
    expect(parseColumnType(columnType)).toEqual({ type });
  });

  it.each<[ServerInfo, string]>([[MARIADB, 'mariadb'], [MYSQL, 'mysql']])('reads a BIT default b\'...\' as its number (%#)', (server) => {
    const bit: ColumnType = { kind: 'bit', length: 8 };
    expect(mapDefault("b'101'", '', bit, server)).toEqual({ kind: 'number', value: '5' });
    expect(mapDefault("b'0'", '', bit, server)).toEqual({ kind: 'number', value: '0' });
  });

  const spatial = (server: ServerInfo, srids: ReadonlyArray<number | null>) => buildSchema({
    tables: [{ name: 'g', engine: 'InnoDB', collation: server.databaseCollation, charset: 'utf8mb4', comment: '' }],
    columns: columns('g', srids.map((srid, i) => ({ name: `c${i}`, columnType: i === 0 ? 'point' : 'geometry', nullable: 'NO', srid }))),
    indexes: [], foreignKeys: [], checks: [],
  }, server).ir.tables[0].columns.map((c) => c.type);

  it('MySQL: COLUMNS.SRS_ID is the SRID, NULL none, and SRID 0 a real restriction', () => {
    expect(spatial(MYSQL, [4326, null, 0])).toEqual([
      { kind: 'geometry', shape: 'point', srid: 4326 }, { kind: 'geometry', shape: 'geometry', srid: null },
      { kind: 'geometry', shape: 'geometry', srid: 0 }]);
  });

  it('MariaDB: GEOMETRY_COLUMNS.SRID is the SRID, 0 none', () => {
    expect(spatial(MARIADB, [3857, 0])).toEqual([
      { kind: 'geometry', shape: 'point', srid: 3857 }, { kind: 'geometry', shape: 'geometry', srid: null }]);
  });
});

describe('issue 9.2: INVISIBLE columns from information_schema', () => {
  // EXTRA holds INVISIBLE on both (MySQL 8.0.23+: https://dev.mysql.com/doc/refman/8.0/en/invisible-columns.html; MariaDB 10.11 [T]).
  it.each<[ServerInfo, string]>([[MYSQL, 'INVISIBLE'], [MARIADB, 'INVISIBLE'], [MYSQL, 'DEFAULT_GENERATED INVISIBLE']])('EXTRA %#', (server, extra) => {
    const ir = buildSchema({
      tables: [{ name: 't', engine: 'InnoDB', collation: server.databaseCollation, charset: 'utf8mb4', comment: '' }],
      columns: columns('t', [{ name: 'a', columnType: 'int' }, { name: 'b', columnType: 'int', extra }]),
      indexes: [], foreignKeys: [], checks: [],
    }, server).ir;
    expect(ir.tables[0].columns.map((c) => c.invisible === true)).toEqual([false, true]);
    expect('invisible' in ir.tables[0].columns[0]).toBe(false);
  });
});

describe('issue 9.2: MariaDB COMPRESSED columns from information_schema', () => {
  it('reads COMPRESSED out of COLUMN_TYPE (`text /*M!100301 COMPRESSED*/` [T]), JSON included', () => {
    expect(parseColumnType('varchar(100) /*M!100301 COMPRESSED*/')).toEqual({ type: { kind: 'varchar', length: 100 } });
    const t = buildSchema({
      tables: [{ name: 't', engine: 'InnoDB', collation: 'utf8mb4_general_ci', charset: 'utf8mb4', comment: '' }],
      columns: columns('t', [
        { name: 'a', columnType: 'text /*M!100301 COMPRESSED*/', charset: 'utf8mb4', collation: 'utf8mb4_general_ci' },
        { name: 'j', columnType: 'longtext /*M!100301 COMPRESSED*/', charset: 'utf8mb4', collation: 'utf8mb4_bin' },
        { name: 'b', columnType: 'blob' },
      ]),
      indexes: [], foreignKeys: [], checks: [{ tableName: 't', name: 'j', clause: 'json_valid(`j`)', level: 'Column' }],
    }, MARIADB).ir.tables[0];
    expect(t.columns.map((c) => [c.name, c.type.kind, c.compressed === true])).toEqual([['a', 'text', true], ['j', 'json', true], ['b', 'blob', false]]);
    expect(t.checks).toEqual([]);
  });
});
