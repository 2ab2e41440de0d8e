import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { Column, ColumnType, DefaultValue } from '../../compiler/ir/types.js';
import { column, plain, problems, read, table } from './helpers.js';

/** DDL column types → IR types, mapped as the DSL maps them (SPEC §2). */
describe('column types', () => {
  const cases: Array<[string, ColumnType, Partial<Column>?]> = [
    ['int', { kind: 'int', size: 'int', unsigned: false }],
    ['int(11)', { kind: 'int', size: 'int', unsigned: false }],
    ['INTEGER UNSIGNED', { kind: 'int', size: 'int', unsigned: true }],
    ['int(10) unsigned', { kind: 'int', size: 'int', unsigned: true }],
    ['bigint(20) signed', { kind: 'int', size: 'bigint', unsigned: false }],
    ['tinyint', { kind: 'int', size: 'tinyint', unsigned: false }],
    ['tinyint(4)', { kind: 'int', size: 'tinyint', unsigned: false }],
    ['tinyint(1)', { kind: 'boolean' }],
    ['tinyint(1) unsigned', { kind: 'int', size: 'tinyint', unsigned: true }],
    ['bool', { kind: 'boolean' }],
    ['BOOLEAN', { kind: 'boolean' }],
    ['smallint', { kind: 'int', size: 'smallint', unsigned: false }],
    ['mediumint unsigned', { kind: 'int', size: 'mediumint', unsigned: true }],
    ['int8', { kind: 'int', size: 'bigint', unsigned: false }],
    ['serial', { kind: 'int', size: 'bigint', unsigned: true }, { nullable: false, autoIncrement: true }],
    ['decimal', { kind: 'decimal', precision: 10, scale: 0, unsigned: false }],
    ['decimal(10,2)', { kind: 'decimal', precision: 10, scale: 2, unsigned: false }],
    ['numeric(5)', { kind: 'decimal', precision: 5, scale: 0, unsigned: false }],
    ['dec(5, 1) unsigned', { kind: 'decimal', precision: 5, scale: 1, unsigned: true }],
    ['fixed(4,2)', { kind: 'decimal', precision: 4, scale: 2, unsigned: false }],
    ['float', { kind: 'float', unsigned: false }],
    ['float(24)', { kind: 'float', unsigned: false }],
    ['float(25)', { kind: 'double', unsigned: false }],
    ['float unsigned', { kind: 'float', unsigned: true }],
    ['double', { kind: 'double', unsigned: false }],
    ['double precision', { kind: 'double', unsigned: false }],
    ['real', { kind: 'double', unsigned: false }],
    ['char', { kind: 'char', length: 1 }],
    ['char(3)', { kind: 'char', length: 3 }],
    ['character(40)', { kind: 'char', length: 40 }],
    ['character varying(40)', { kind: 'varchar', length: 40 }],
    ['varchar(255)', { kind: 'varchar', length: 255 }],
    ['nchar(4)', { kind: 'char', length: 4 }, { charset: 'utf8mb3' }],
    ['nvarchar(5)', { kind: 'varchar', length: 5 }, { charset: 'utf8mb3' }],
    ['national varchar(3)', { kind: 'varchar', length: 3 }, { charset: 'utf8mb3' }],
    ['national character varying(3)', { kind: 'varchar', length: 3 }, { charset: 'utf8mb3' }],
    ['binary', { kind: 'binary', length: 1 }],
    ['binary(16)', { kind: 'binary', length: 16 }],
    ['varbinary(10)', { kind: 'varbinary', length: 10 }],
    ['tinytext', { kind: 'text', size: 'tinytext' }],
    ['text', { kind: 'text', size: 'text' }],
    ['mediumtext', { kind: 'text', size: 'mediumtext' }],
    ['longtext', { kind: 'text', size: 'longtext' }],
    ['long', { kind: 'text', size: 'mediumtext' }],
    ['long varchar', { kind: 'text', size: 'mediumtext' }],
    ['long varbinary', { kind: 'blob', size: 'mediumblob' }],
    ['tinyblob', { kind: 'blob', size: 'tinyblob' }],
    ['longblob', { kind: 'blob', size: 'longblob' }],
    ['date', { kind: 'date' }],
    ['time', { kind: 'time', fsp: 0 }],
    ['time(6)', { kind: 'time', fsp: 6 }],
    ['datetime(3)', { kind: 'datetime', fsp: 3 }],
    ['timestamp', { kind: 'timestamp', fsp: 0 }],
    ['year', { kind: 'year' }],
    ['year(4)', { kind: 'year' }],
    // ZEROFILL keeps its display width (the server's default when none is given); other widths are dropped.
    ['int zerofill', { kind: 'int', size: 'int', unsigned: true, zerofill: 10 }],
    ['int(5) unsigned zerofill', { kind: 'int', size: 'int', unsigned: true, zerofill: 5 }],
    ['tinyint(1) zerofill', { kind: 'int', size: 'tinyint', unsigned: true, zerofill: 1 }],
    ['bigint zerofill', { kind: 'int', size: 'bigint', unsigned: true, zerofill: 20 }],
    ['smallint(3) unsigned', { kind: 'int', size: 'smallint', unsigned: true }],
    ['json', { kind: 'json' }],
    ["enum('a', 'b''c', \"d\")", { kind: 'enum', values: ['a', "b'c", 'd'] }],
    ["set('x','y')", { kind: 'set', values: ['x', 'y'] }],
  ];
  // Every row gets three values: jest reads a callback with more parameters than values as `done`.
  it.each(cases.map(([ddl, type, extra]) => [ddl, type, extra ?? {}] as const))('%s', (ddl, type, extra) => {
    const c = column(`c ${ddl}`);
    expect(c.type).toEqual(type);
    for (const [k, v] of Object.entries(extra)) expect(c[k as keyof Column]).toEqual(v);
  });

  it('SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE', () => {
    expect(problems('CREATE TABLE t (id serial);')).toEqual([]);
  });
});

describe('column types the IR has no kind for', () => {
  it.each([
    ['vector(3)', 'type VECTOR has no schemac column type'],
    ['float(10,2)', 'FLOAT(M, D) has no schemac column type'],
    ['double(10,2)', 'DOUBLE(M, D) has no schemac column type'],
    ['decimal(5,2) zerofill', 'DECIMAL ZEROFILL has no schemac column type'],
    ['year(2)', 'YEAR(2) has no schemac column type'],
    ['text(100)', 'TEXT(M) has no schemac column type'],
  ])('%s', (ddl, message) => {
    const [first] = problems(`CREATE TABLE t (\n  id int,\n  c ${ddl}\n);`);
    expect(first).toMatch(/^test\.sql:3:5: error E_IMPORT_UNSUPPORTED: /);
    expect(first).toContain(message);
  });
});

describe('column attributes', () => {
  it.each<[string, Partial<Column>]>([
    ['int NOT NULL', { nullable: false }],
    ['int NULL', { nullable: true }],
    ['int PRIMARY KEY', { nullable: false }],
    ['int NOT NULL AUTO_INCREMENT', { nullable: false, autoIncrement: true }],
    ["int COMMENT 'it''s \\\\ \\n'", { comment: "it's \\ \n" }],
    ["varchar(3) COMMENT 'a' 'b'", { comment: 'ab' }],
    ['varchar(3) CHARACTER SET latin1', { charset: 'latin1' }],
    ['varchar(3) CHARSET utf8', { charset: 'utf8mb3' }],
    ['varchar(3) COLLATE utf8mb4_bin', { charset: null, collate: 'utf8mb4_bin' }],
    ['varchar(3) COLLATE utf8_bin', { charset: null, collate: 'utf8mb3_bin' }],
    ['varchar(3) COLLATE UTF8MB4_BIN CHARACTER SET UTF8MB4', { charset: 'utf8mb4', collate: 'utf8mb4_bin' }],
    ['datetime DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP', { default: { kind: 'expr', sql: 'CURRENT_TIMESTAMP' }, onUpdateNow: true }],
    ['datetime(3) ON UPDATE now(3)', { onUpdateNow: true }],
    ['timestamp ON UPDATE current_timestamp()', { onUpdateNow: true }],
    ['int GENERATED ALWAYS AS (a * 2) STORED', { generated: { expr: 'a * 2', stored: true } }],
    ['int AS ( a+1 ) VIRTUAL NOT NULL', { generated: { expr: 'a+1', stored: false }, nullable: false }],
    ['int AS (a) PERSISTENT', { generated: { expr: 'a', stored: true } }],
    ['int AS (a)', { generated: { expr: 'a', stored: false } }],
    ['int VISIBLE', {}],
    ['int INVISIBLE', { invisible: true }],
    ['int NOT NULL INVISIBLE DEFAULT 3', { invisible: true, nullable: false, default: { kind: 'number', value: '3' } }],
    ['int AS (1) VIRTUAL INVISIBLE', { invisible: true }],
    ['text COMPRESSED', { compressed: true }],
    ["varchar(10) COMPRESSED=zlib CHARACTER SET latin1 NOT NULL DEFAULT 'a'", { compressed: true, charset: 'latin1', nullable: false }],
  ])('%s', (ddl, expected) => {
    const c = column(`c ${ddl}`);
    for (const [k, v] of Object.entries(expected)) expect(c[k as keyof Column]).toEqual(v);
  });

  it('refuses a compression method other than zlib', () => {
    expect(problems('CREATE TABLE t (c text COMPRESSED=lz4);')).toEqual(['test.sql:1:35: error E_IMPORT_SYNTAX: expected zlib after COMPRESSED= but found "lz4"']);
  });

  it('keeps everything else at its plain value', () => {
    expect(column('c int')).toEqual(plain('c', { kind: 'int', size: 'int', unsigned: false }));
    expect(column('c int INVISIBLE VISIBLE')).toEqual(plain('c', { kind: 'int', size: 'int', unsigned: false }));
  });

  it.each([
    ['int AUTO_RANDOM', 'column attribute AUTO_RANDOM is not in the schema IR (column c)'],
    ['int CHECK (c > 0) NOT ENFORCED', 'CHECK ... NOT ENFORCED is MySQL 8.0.16+ syntax: MariaDB refuses it (the check on column c: enforce the check, or drop it)'],
    ['datetime ON UPDATE something_else', 'ON UPDATE something_else is not in the schema IR (column c)'],
  ])('refuses %s', (ddl, message) => {
    expect(problems(`CREATE TABLE t (c ${ddl});`)).toEqual([expect.stringContaining(`error E_IMPORT_UNSUPPORTED: ${message}`)]);
  });
});

describe('defaults', () => {
  const cases: Array<[string, DefaultValue]> = [
    ["varchar(9) DEFAULT 'x'", { kind: 'string', value: 'x' }],
    ["varchar(9) DEFAULT ''", { kind: 'string', value: '' }],
    ["varchar(9) DEFAULT 'it''s'", { kind: 'string', value: "it's" }],
    ["varchar(9) DEFAULT 'it\\'s'", { kind: 'string', value: "it's" }],
    ['varchar(9) DEFAULT "dq"', { kind: 'string', value: 'dq' }],
    ["varchar(9) DEFAULT 'a' 'b'", { kind: 'string', value: 'ab' }],
    ["varchar(9) DEFAULT _utf8mb4'x'", { kind: 'string', value: 'x' }],
    ["varchar(9) DEFAULT N'x'", { kind: 'string', value: 'x' }],
    ["varchar(9) DEFAULT 'NULL'", { kind: 'string', value: 'NULL' }],
    ['varchar(9) DEFAULT NULL', { kind: 'null' }],
    ['int DEFAULT 0', { kind: 'number', value: '0' }],
    ['int DEFAULT -1', { kind: 'number', value: '-1' }],
    ['float DEFAULT - 20', { kind: 'number', value: '-20' }],
    ['float DEFAULT +2.5', { kind: 'number', value: '2.5' }],
    ["int DEFAULT '5'", { kind: 'string', value: '5' }],
    ['decimal(35,30) DEFAULT 1.00000000001234567891234', { kind: 'number', value: '1.00000000001234567891234' }],
    ['double DEFAULT 1e3', { kind: 'number', value: '1e3' }],
    ['bool DEFAULT true', { kind: 'number', value: '1' }],
    ['bool DEFAULT False', { kind: 'number', value: '0' }],
    ["date DEFAULT DATE '2024-12-31'", { kind: 'string', value: '2024-12-31' }],
    ["timestamp DEFAULT TIMESTAMP '2024-12-31 23:59:59'", { kind: 'string', value: '2024-12-31 23:59:59' }],
    ['datetime DEFAULT CURRENT_TIMESTAMP', { kind: 'expr', sql: 'CURRENT_TIMESTAMP' }],
    ['datetime(6) DEFAULT current_timestamp(6)', { kind: 'expr', sql: 'current_timestamp(6)' }],
    ['datetime DEFAULT now()', { kind: 'expr', sql: 'now()' }],
    ['date DEFAULT CURRENT_DATE', { kind: 'expr', sql: 'CURRENT_DATE' }],
    ['varchar(36) DEFAULT uuid()', { kind: 'expr', sql: 'uuid()' }],
    ['varchar(36) DEFAULT (uuid())', { kind: 'expr', sql: 'uuid()' }],
    ['json DEFAULT(JSON_ARRAY())', { kind: 'expr', sql: 'JSON_ARRAY()' }],
    ['int DEFAULT (1 + 1)', { kind: 'expr', sql: '1 + 1' }],
    ["json DEFAULT ('[]')", { kind: 'string', value: '[]' }],
    ['int DEFAULT (-5)', { kind: 'number', value: '-5' }],
  ];
  it.each(cases)('%s', (ddl, expected) => {
    expect(column(`c ${ddl}`).default).toEqual(expected);
  });

  it('keeps a parenthesised literal as an expression on MySQL, which stores it as one', () => {
    expect(column("c json DEFAULT ('[]')", 'mysql').default).toEqual({ kind: 'expr', sql: "'[]'" });
  });

  it.each([
    ['int DEFAULT 0x10', 'a hexadecimal literal default is not in the schema IR (column c)'],
    ["varbinary(4) DEFAULT X'0A'", 'a hexadecimal literal default is not in the schema IR (column c)'],
    ["int DEFAULT b'1'", 'a bit literal default is not in the schema IR (column c)'],
  ])('refuses %s', (ddl, message) => {
    const at = `CREATE TABLE t (c ${ddl.replace(/DEFAULT.*/, 'DEFAULT ')}`.length + 1;
    expect(problems(`CREATE TABLE t (c ${ddl});`)).toEqual([`test.sql:1:${at}: error E_IMPORT_UNSUPPORTED: ${message}`]);
  });

  it('checks expressions with node-sql-parser and reports where they fail', () => {
    expect(problems('CREATE TABLE t (\n  c int DEFAULT (1 +),\n  d int\n);')).toEqual([
      expect.stringMatching(/^test\.sql:2:18: error E_IMPORT_EXPR: default of column c: does not parse/),
    ]);
    expect(problems('CREATE TABLE t (c int GENERATED ALWAYS AS (rand()) VIRTUAL);')).toEqual([
      expect.stringMatching(/^test\.sql:1:44: error E_IMPORT_EXPR: generated column c: RAND\(\) is not deterministic/),
    ]);
  });
});

describe('character sets relative to the table', () => {
  it.each<[string, string, string | null, string | null]>([
    ['c varchar(3)', 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci', null, null],
    ['c varchar(3) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin', 'DEFAULT CHARSET=utf8mb4', null, 'utf8mb4_bin'],
    ['c varchar(3) COLLATE utf8mb4_general_ci', 'CHARSET=utf8mb4', null, null],
    ['c varchar(3) CHARACTER SET latin1', 'CHARSET=utf8mb4', 'latin1', null],
    ['c varchar(3) CHARACTER SET latin1 COLLATE latin1_swedish_ci', 'CHARSET=utf8mb4', 'latin1', null],
    ['c varchar(3) CHARACTER SET latin1 COLLATE latin1_bin', 'CHARSET=utf8mb4', 'latin1', 'latin1_bin'],
    ['c varchar(3) CHARSET utf8mb4', 'COLLATE=utf8mb4_unicode_ci', null, 'utf8mb4_general_ci'],
  ])('%s in a table with %s', (definition, options, charset, collate) => {
    const c = table(read(`CREATE TABLE t (${definition}) ${options};`), 't').columns[0];
    expect([c.charset, c.collate]).toEqual([charset, collate]);
  });
});

describe('issue 9.2: BIT, spatial types, BINARY, national spellings, SERIAL', () => {
  it.each<[string, ColumnType]>([
    ['bit', { kind: 'bit', length: 1 }],
    ['BIT(1)', { kind: 'bit', length: 1 }],
    ['bit(64)', { kind: 'bit', length: 64 }],
    ['geometry', { kind: 'geometry', shape: 'geometry', srid: null }],
    ['POINT', { kind: 'geometry', shape: 'point', srid: null }],
    ['linestring', { kind: 'geometry', shape: 'linestring', srid: null }],
    ['polygon', { kind: 'geometry', shape: 'polygon', srid: null }],
    ['multipoint', { kind: 'geometry', shape: 'multipoint', srid: null }],
    ['multilinestring', { kind: 'geometry', shape: 'multilinestring', srid: null }],
    ['multipolygon', { kind: 'geometry', shape: 'multipolygon', srid: null }],
    ['geometrycollection', { kind: 'geometry', shape: 'geometrycollection', srid: null }],
    ['geomcollection', { kind: 'geometry', shape: 'geometrycollection', srid: null }],
    ['point SRID 4326', { kind: 'geometry', shape: 'point', srid: 4326 }],
    ['point NOT NULL SRID 0', { kind: 'geometry', shape: 'point', srid: 0 }],
    ['polygon REF_SYSTEM_ID=3857', { kind: 'geometry', shape: 'polygon', srid: 3857 }],
    ['geometry REF_SYSTEM_ID = 4326 NOT NULL', { kind: 'geometry', shape: 'geometry', srid: 4326 }],
  ])('type %s (MySQL rules)', (ddl, type) => {
    expect(column(`c ${ddl}`, 'mysql').type).toEqual(type);
  });

  it('reads SRID 0 as no SRID on MariaDB, which records no SRID as 0', () => {
    expect(column('c point REF_SYSTEM_ID=0').type).toEqual({ kind: 'geometry', shape: 'point', srid: null });
    expect(column('c point SRID 0', 'mysql').type).toEqual({ kind: 'geometry', shape: 'point', srid: 0 });
  });

  it.each([
    ['bit(0)', 'E_IMPORT_SYNTAX: BIT(0): a BIT column has 1 to 64 bits'],
    ['bit(65)', 'E_IMPORT_SYNTAX: BIT(65): a BIT column has 1 to 64 bits'],
    ['int SRID 4326', 'E_IMPORT_UNSUPPORTED: SRID on a int column (it applies to spatial columns)'],
    ['point(1)', 'E_IMPORT_SYNTAX'],
    ['point SRID x', 'E_IMPORT_SYNTAX: expected an SRID (a whole number)'],
    ['varchar(3) SERIAL DEFAULT VALUE', 'E_IMPORT_UNSUPPORTED: SERIAL DEFAULT VALUE on a varchar column'],
  ])('refuses %s with its position', (ddl, message) => {
    expect(problems(`CREATE TABLE t (\n  c ${ddl}\n);`)).toEqual([expect.stringMatching(new RegExp(`^test\\.sql:2:\\d+: error ${message.replace(/[()]/g, '\\$&')}`))]);
  });

  it.each<[string, string]>([
    ["bit(4) DEFAULT b'101'", '5'],
    ["bit(4) DEFAULT B'0'", '0'],
    ['bit(8) DEFAULT 0b11', '3'],
    ["bit(8) DEFAULT x'ff'", '255'],
    ['bit(8) DEFAULT 0x0F', '15'],
    ['bit(8) DEFAULT 7', '7'],
    ["bit(64) DEFAULT b'1111111111111111111111111111111111111111111111111111111111111111'", '18446744073709551615'],
  ])('BIT default %s', (ddl, value) => {
    expect(column(`c ${ddl}`).default).toEqual({ kind: 'number', value });
  });

  it.each<[string, string, Partial<Column>]>([
    ['', 'c varchar(10) BINARY', { charset: null, collate: 'utf8mb4_bin' }],
    [' DEFAULT CHARSET=latin1', 'c char(3) BINARY NOT NULL', { charset: null, collate: 'latin1_bin', nullable: false }],
    [' CHARSET utf8mb4', 'c text BINARY', { charset: null, collate: 'utf8mb4_bin' }],
    [' DEFAULT CHARSET=utf8mb4', 'c varchar(5) CHARACTER SET latin1 BINARY', { charset: 'latin1', collate: 'latin1_bin' }],
    [' DEFAULT CHARSET=utf8mb4', 'c varchar(5) BINARY CHARACTER SET latin1', { charset: 'latin1', collate: 'latin1_bin' }],
    [' DEFAULT CHARSET=utf8mb4', 'c varchar(5) BINARY COLLATE utf8mb4_unicode_ci', { collate: 'utf8mb4_unicode_ci' }],
    [' DEFAULT CHARSET=utf8mb4', 'c nchar(2) BINARY', { charset: 'utf8mb3', collate: 'utf8mb3_bin' }],
  ])('BINARY attribute: CREATE TABLE t (%s) → the _bin collation', (options, definition, expected) => {
    const c = table(read(`CREATE TABLE t (${definition})${options};`), 't').columns[0];
    for (const [k, v] of Object.entries(expected)) expect([k, c[k as keyof Column]]).toEqual([k, v]);
  });

  it('BINARY in ALTER TABLE takes the table\'s character set then', () => {
    const t = table(read('CREATE TABLE t (id int) DEFAULT CHARSET=latin1;\nALTER TABLE t ADD COLUMN c varchar(4) BINARY, MODIFY id char(2) BINARY;'), 't');
    expect(t.columns.map((c) => [c.name, c.charset, c.collate])).toEqual([['id', null, 'latin1_bin'], ['c', null, 'latin1_bin']]);
  });

  it.each<[string, ColumnType]>([
    ['national char(2)', { kind: 'char', length: 2 }],
    ['national character(2)', { kind: 'char', length: 2 }],
    ['nchar varchar(7)', { kind: 'varchar', length: 7 }],
    ['nchar varying(7)', { kind: 'varchar', length: 7 }],
    ['national char varying(7)', { kind: 'varchar', length: 7 }],
    ['NVARCHAR(7)', { kind: 'varchar', length: 7 }],
  ])('national spelling %s is utf8mb3', (ddl, type) => {
    const c = column(`c ${ddl}`);
    expect([c.type, c.charset]).toEqual([type, 'utf8mb3']);
  });

  it.each<[string, ColumnType, string]>([
    ["uuid DEFAULT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", { kind: 'uuid' }, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
    ["INET6 DEFAULT '::FFFF:1.2.3.4'", { kind: 'inet6' }, '::ffff:1.2.3.4'],
    ["inet4 DEFAULT '010.0.0.1'", { kind: 'inet4' }, '10.0.0.1'],
  ])('MariaDB type %s, its default in the server\'s spelling', (ddl, type, value) => {
    const c = normalizeSchema(read(`CREATE TABLE t (c ${ddl});`)).tables[0].columns[0];
    expect([c.type, c.default]).toEqual([type, { kind: 'string', value }]);
  });

  it.each<[string, ColumnType, string | null, string | null]>([
    ['char(3) ASCII', { kind: 'char', length: 3 }, 'latin1', null],
    ['text ascii', { kind: 'text', size: 'text' }, 'latin1', null],
    ['varchar(4) UNICODE', { kind: 'varchar', length: 4 }, 'ucs2', null],
    ['char(2) BYTE', { kind: 'binary', length: 2 }, null, null],
    ['varchar(5) byte', { kind: 'varbinary', length: 5 }, null, null],
    ['char(3) ASCII BINARY', { kind: 'char', length: 3 }, 'latin1', 'latin1_bin'],
  ])('%s as the server reads it (MariaDB 10.11 [T])', (ddl, type, charset, collate) => {
    const c = column(`c ${ddl}`);
    expect([c.type, c.charset, c.collate]).toEqual([type, charset, collate]);
  });

  it('SERIAL DEFAULT VALUE on an integer column is NOT NULL AUTO_INCREMENT UNIQUE', () => {
    const t = table(read('CREATE TABLE t (c int unsigned SERIAL DEFAULT VALUE, d int);'), 't');
    expect([t.columns[0].nullable, t.columns[0].autoIncrement]).toEqual([false, true]);
    expect(t.indexes.map((i) => [i.unique, i.parts.map((p) => p.column)])).toEqual([[true, ['c']]]);
  });

  it('SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT with a unique key', () => {
    const t = table(read('CREATE TABLE t (id serial, v int);'), 't');
    expect(t.columns[0]).toMatchObject({ type: { kind: 'int', size: 'bigint', unsigned: true }, nullable: false, autoIncrement: true });
    expect(t.indexes.map((i) => [i.unique, i.parts.map((p) => p.column)])).toEqual([[true, ['id']]]);
  });
});
