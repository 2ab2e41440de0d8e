import { isTextual, keyBytes, TYPE_FACTS, typeSql, typeText } from '../../compiler/dialect/mysql/types.js';
import { isWidening } from '../../compiler/plan/widening.js';
import type { Column, ColumnType, ColumnTypeKind } from '../../compiler/ir/types.js';
import { columnSql } from '../../compiler/dialect/mysql/sql.js';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { parseColumnType } from '../../runtime/introspect-map.js';
import { scratchDatabase } from '../helpers/server.js';

/*
 * Issue 8, point 3: the type facts table holds every kind. An example of each kind (a mapped
 * type: a new kind does not compile here until it has one) goes to the server as the dialect
 * writes it, and comes back through information_schema as the introspection reads it.
 */

type Of<K extends ColumnTypeKind> = Extract<ColumnType, { readonly kind: K }>;

const EXAMPLES: { readonly [K in ColumnTypeKind]: Of<K> } = {
  int: { kind: 'int', size: 'mediumint', unsigned: true },
  decimal: { kind: 'decimal', precision: 12, scale: 3, unsigned: false },
  float: { kind: 'float', unsigned: false },
  double: { kind: 'double', unsigned: true },
  boolean: { kind: 'boolean' },
  char: { kind: 'char', length: 3 },
  varchar: { kind: 'varchar', length: 40 },
  text: { kind: 'text', size: 'mediumtext' },
  binary: { kind: 'binary', length: 16 },
  varbinary: { kind: 'varbinary', length: 200 },
  blob: { kind: 'blob', size: 'tinyblob' },
  date: { kind: 'date' },
  time: { kind: 'time', fsp: 3 },
  datetime: { kind: 'datetime', fsp: 6 },
  timestamp: { kind: 'timestamp', fsp: 0 },
  year: { kind: 'year' },
  json: { kind: 'json' },
  enum: { kind: 'enum', values: ["a'b", 'c'] },
  set: { kind: 'set', values: ['x', 'y', 'z'] },
  bit: { kind: 'bit', length: 12 },
  geometry: { kind: 'geometry', shape: 'multipolygon', srid: null },
  uuid: { kind: 'uuid' },
  inet6: { kind: 'inet6' },
  inet4: { kind: 'inet4' },
};

const kinds = Object.keys(EXAMPLES) as ColumnTypeKind[];

describe('the column type facts (issue 8.3)', () => {
  it('has an entry for every kind, and only those', () => {
    expect(Object.keys(TYPE_FACTS).sort()).toEqual([...kinds].sort());
  });

  it('writes each kind as the server reads it back (MariaDB: JSON is LONGTEXT)', async () => {
    const db = await scratchDatabase('type_facts');
    try {
      const columns = kinds.map((k, i) => `c${i} ${typeSql(EXAMPLES[k])} NULL`).join(', ');
      await db.conn.query(`CREATE TABLE t (${columns})`);
      const [rows] = await db.conn.query('SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [db.name, 't']);
      const back = (rows as { name: string; type: string }[]).map((r) => parseColumnType(r.type));
      kinds.forEach((k, i) => {
        const expected = k === 'json' ? { kind: 'text', size: 'longtext' } : EXAMPLES[k];
        expect([k, back[i]]).toEqual([k, { type: expected }]);
      });
    } finally {
      await db.drop();
    }
  });

  it('states for every kind what a message shows, whether it has a character set, and its key bytes', () => {
    const shown = Object.fromEntries(kinds.map((k) => [k, typeText(EXAMPLES[k])]));
    expect(shown).toEqual({
      int: 'mediumint unsigned', decimal: 'decimal(12,3)', float: 'float', double: 'double unsigned', boolean: 'boolean',
      char: 'char(3)', varchar: 'varchar(40)', text: 'mediumtext', binary: 'binary(16)', varbinary: 'varbinary(200)',
      blob: 'tinyblob', date: 'date', time: 'time(3)', datetime: 'datetime(6)', timestamp: 'timestamp', year: 'year',
      json: 'json', enum: "enum('a'b','c')", set: "set('x','y','z')", bit: 'bit(12)', geometry: 'multipolygon',
      uuid: 'uuid', inet6: 'inet6', inet4: 'inet4',
    });
    expect(kinds.filter((k) => isTextual(EXAMPLES[k]))).toEqual(['char', 'varchar', 'text', 'enum', 'set']);
    expect(Object.fromEntries(kinds.map((k) => [k, keyBytes(EXAMPLES[k], 4, undefined)]))).toEqual({
      int: 3, decimal: 7, float: 4, double: 8, boolean: 1, char: 12, varchar: 160, text: 0, binary: 16, varbinary: 200,
      blob: 0, date: 3, time: 5, datetime: 8, timestamp: 4, year: 1, json: 0, enum: 1, set: 1, bit: 2, geometry: 0, uuid: 16, inet6: 16, inet4: 4,
    });
    // What widens: a sample across the kinds (the golden cases cover the rest on the server).
    const w = (a: ColumnType, b: ColumnType) => isWidening(a, b);
    expect([w(EXAMPLES.int, { kind: 'int', size: 'bigint', unsigned: false }), w(EXAMPLES.int, { kind: 'int', size: 'int', unsigned: true }),
      w(EXAMPLES.int, { kind: 'decimal', precision: 8, scale: 0, unsigned: true }), w(EXAMPLES.varchar, { kind: 'text', size: 'text' }),
      w(EXAMPLES.date, EXAMPLES.datetime), w(EXAMPLES.enum, { kind: 'enum', values: ["a'b", 'c', 'd'] })]).toEqual([true, true, true, true, true, true]);
    expect([w(EXAMPLES.int, { kind: 'int', size: 'int', unsigned: false }), w(EXAMPLES.varchar, { kind: 'varchar', length: 39 }),
      w(EXAMPLES.enum, { kind: 'enum', values: ['c', "a'b"] }), w(EXAMPLES.json, EXAMPLES.text)]).toEqual([true, false, false, false]);
    // BIT widens to more bits; a shape widens to GEOMETRY, and an SRID only to the same SRID or none.
    const point = (srid: number | null): ColumnType => ({ kind: 'geometry', shape: 'point', srid });
    const any = (srid: number | null): ColumnType => ({ kind: 'geometry', shape: 'geometry', srid });
    expect([w(EXAMPLES.bit, { kind: 'bit', length: 64 }), w(EXAMPLES.bit, { kind: 'bit', length: 11 }), w(point(null), any(null)),
      w(point(4326), any(null)), w(point(4326), any(4326)), w(point(null), any(4326)), w(point(4326), point(3857)), w(any(null), point(null)),
      w(EXAMPLES.geometry, any(null))]).toEqual([true, false, true, true, true, false, false, false, true]);
    // MariaDB's types widen to a string column long enough for their text, never to one another.
    expect([w(EXAMPLES.uuid, { kind: 'char', length: 36 }), w(EXAMPLES.uuid, { kind: 'varchar', length: 35 }), w(EXAMPLES.inet6, { kind: 'varchar', length: 39 }),
      w(EXAMPLES.inet4, { kind: 'text', size: 'tinytext' }), w(EXAMPLES.inet4, EXAMPLES.inet6), w({ kind: 'char', length: 36 }, EXAMPLES.uuid)])
      .toEqual([true, false, true, true, false, false]);
  });
});

describe('issue 9.2: attributes spelled per server', () => {
  const col = (type: ColumnType, extra: Partial<Column> = {}): Column => ({
    kind: 'column', name: 'c', type, nullable: false, default: null, autoIncrement: false, onUpdateNow: false, comment: null,
    charset: null, collate: null, generated: null, ...extra,
  });

  it('an SRID: MySQL `SRID n` (8.0.3+), MariaDB `REF_SYSTEM_ID = n`, both right after the type', () => {
    const p = col({ kind: 'geometry', shape: 'point', srid: 4326 });
    expect(columnSql(p, {}, configProfile('mysql'))).toBe('`c` POINT SRID 4326 NOT NULL');
    expect(columnSql(p, {}, configProfile('mariadb'))).toBe('`c` POINT REF_SYSTEM_ID = 4326 NOT NULL');
    expect(columnSql(col({ kind: 'geometry', shape: 'geometry', srid: null }), {}, configProfile('mysql'))).toBe('`c` GEOMETRY NOT NULL');
  });

  it('INVISIBLE after NULL/NOT NULL, COMPRESSED after the type, ZEROFILL with its width', () => {
    expect(columnSql(col({ kind: 'varchar', length: 5 }, { invisible: true, compressed: true, charset: 'latin1', default: { kind: 'string', value: 'a' } })))
      .toBe("`c` VARCHAR(5) COMPRESSED CHARACTER SET latin1 NOT NULL INVISIBLE DEFAULT 'a'");
    expect(typeSql({ kind: 'int', size: 'smallint', unsigned: true, zerofill: 5 })).toBe('SMALLINT(5) UNSIGNED ZEROFILL');
  });
});
