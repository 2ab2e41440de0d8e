import type { Diagnostic } from '../../compiler/diagnostics.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import {
  boolean, check, datetime, decimal, enumOf, id, index, int, json, sql, table, varbinary, varchar, binary, bigint, char,
} from '../../compiler/dsl/index.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { stripTransient } from '../../compiler/ir/snapshot.js';
import type { ColumnType, DefaultValue, SchemaIR } from '../../compiler/ir/types.js';
import {
  buildSchema, IntrospectError, mapDefault, mapTableOptions, ownCharset, parseColumnType, parseStringLiteral,
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
    ['int(5) unsigned zerofill', { kind: 'int', size: 'int', unsigned: true }],
    ['int zerofill', { kind: 'int', size: 'int', unsigned: true }],
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

  it('notes what it approximates: ZEROFILL and FLOAT(M,D)', () => {
    expect(parseColumnType('int(5) unsigned zerofill')).toMatchObject({ note: expect.stringContaining('ZEROFILL') });
    expect(parseColumnType('float(7,3)')).toEqual({ type: { kind: 'float', unsigned: false }, note: expect.stringContaining('deprecated') });
  });

  it.each(['bit(1)', 'geometry', 'point', 'inet6', 'uuid', 'enum(broken'])('refuses %s', (columnType) => {
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
}, (t) => [index(t.priority), check('priority_range', sql`priority between 1 and 10`),
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
      // What the IR cannot hold: left out with a note.
      indexRow('task', 'ft_title', 'title', { indexType: 'FULLTEXT', order: null }),
      indexRow('task', 'ix_functional', '', { columnName: null, expression: '(`priority` + 1)' }),
    ],
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
    expect(notes.map((n) => `${n.table}.${n.object}`)).toEqual(['task.ft_title', 'task.ix_functional']);
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

  it('notes NOT ENFORCED checks and invisible indexes, and refuses types the IR lacks', () => {
    const rows = mysqlRows();
    const { notes } = buildSchema({
      ...rows,
      checks: rows.checks.map((c) => ({ ...c, enforced: 'NO' })),
      indexes: rows.indexes.map((r) => (r.name === 'ix_task_priority' ? { ...r, hidden: true } : r)),
    }, MYSQL);
    expect(notes.map((n) => n.object)).toEqual(expect.arrayContaining(['ck_task_priority_range', 'ix_task_priority']));
    expect(() => buildSchema({ ...rows, columns: [...rows.columns, ...columns('task', [{ name: 'flags', columnType: 'bit(8)' }])] }, MYSQL))
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
    expect(one.sql.length).toBe(11); // server, character sets, tables, columns, statistics, foreign keys, checks, views, triggers, routines, events
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
