import type { Diagnostic } from '../../compiler/diagnostics.js';
import {
  bigint, binary, blob, boolean, char, check, date, datetime, lessThan, maxValue, partitionByKey, partitionByListColumns,
  partitionByRange, valuesIn, decimal, double, enumOf, float, foreignKey, id, index, int,
  json, longblob, longtext, mediumblob, mediumint, mediumtext, primaryKey, setOf, smallint, sql, table, text, time, timestamp,
  tinyblob, tinyint, tinytext, unique, varbinary, varchar, year, fulltext, bit, geometry, point, linestring, polygon, multipoint,
  multilinestring, multipolygon, geometrycollection, uuid, inet6, inet4,
} from '../../compiler/dsl/index.js';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { tablesToIR } from '../../compiler/dsl/table.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { SchemaIR, Table } from '../../compiler/ir/types.js';
import { validateSchema } from '../../compiler/ir/validate.js';

/**
 * The introspection round-trip fixture: every column type, every default form, every index
 * kind the IR has, every referential action, checks, generated columns, table options and
 * character sets, built with the schema language (plus the index options only the IR has:
 * prefix lengths and DESC parts).
 */

const parent = table('rt_parent', {
  id: id({ type: 'bigint' }).unsigned(),
  code: varchar(20).notNull().unique(),
  a: int().notNull(),
  b: int().notNull(),
}, (t) => [unique(t.a, t.b)]);

const kitchen = table('rt_kitchen', {
  id: id(),
  ti: tinyint(),
  tiu: tinyint().unsigned().notNull().default(255),
  si: smallint().notNull().default(-5),
  mi: mediumint().unsigned(),
  i: int().notNull().default(7),
  bi: bigint().notNull().default('-9223372036854775808'),
  amount: decimal(10, 2).notNull().default(1.5),
  dec0: decimal(5, 0).default(3),
  decu: decimal(8, 3).unsigned().default('-0'),
  f: float().default(1.5),
  fu: float().unsigned(),
  d: double().notNull().default(2000.25),
  flag: boolean().notNull().default(true),
  flag2: boolean().default(false),
  ch: char(3).notNull().default('abc'),
  vc: varchar(200).notNull().default('it\'s a \\ "quoted"\nline\twith\rcontrols \x1a and \\% _'),
  empty: varchar(10).notNull().default(''),
  null_word: varchar(10).default('NULL'),
  explicit_null: varchar(10).default(null),
  tt: tinytext(),
  tx: text(),
  mt: mediumtext(),
  lt: longtext(),
  tx_expr: text().notNull().default(sql`'x'`),
  bn: binary(4).default('ab'),
  vb: varbinary(16).notNull().default('x\'y'),
  tb: tinyblob(),
  bl: blob(),
  mb: mediumblob(),
  lb: longblob(),
  day: date().notNull().default('2020-01-31'),
  tm: time(),
  tm2: time(2).notNull().default('10:00:00'),
  created: datetime().notNull().defaultNow(),
  changed: datetime(3).notNull().defaultNow().onUpdateNow(),
  at: datetime().default('2020-01-01 10:00:00'),
  ts: timestamp().notNull().defaultNow().onUpdateNow(),
  ts6: timestamp(6).default(sql`CURRENT_TIMESTAMP(6)`),
  ts_plain: timestamp().nullable().onUpdateNow(),
  yr: year().default(2024),
  doc: json(),
  doc2: json().notNull().default(sql`'{}'`),
  doc3: json().default(sql`JSON_ARRAY()`),
  mood: enumOf(['happy', 'it\'s', 'back\\slash', 'comma,x', 'ünï']).notNull().default('it\'s'),
  tags: setOf(['a', 'b', 'c']).notNull().default('c,a'),
  uid: char(36).notNull().default(sql`UUID()`),
  sum: int().default(sql`1+1`),
  lowered: varchar(20).default(sql`lower('ABC')`),
  gen: int().generatedAs(sql`i * 2`),
  gen_stored: int().generatedAs(sql`(i + si)`, { stored: true }),
  gen_str: varchar(250).generatedAs(sql`CONCAT(ch, '-', "x")`),
  latin: varchar(10).charset('latin1'),
  latin_ci: varchar(10).charset('latin1').collate('latin1_general_ci'),
  latin_default: varchar(10).charset('latin1').collate('latin1_swedish_ci'),
  bin_coll: varchar(10).collate('utf8mb4_bin'),
  commented: int().comment('it\'s a \\ comment'),
  parent_id: bigint().unsigned().references(() => parent.id, { onDelete: 'cascade', onUpdate: 'set null' }),
  parent_code: varchar(20).references(() => parent.code, { onUpdate: 'cascade', onDelete: 'restrict' }),
  pa: int(),
  pb: int(),
}, (t) => [
  index(t.i, t.si),
  unique(t.ch),
  index(t.day).name('ix_custom_day'),
  check('positive', sql`i > 0 AND amount >= 0`),
  check('in_list', sql`mood IN ('happy', 'it''s') OR (i BETWEEN 1 AND 10)`),
  check('negated', sql`NOT (si = 3)`),
  check('funcs', sql`CHAR_LENGTH(TRIM(vc)) >= 0 and upper(ch) <> "ZZZ"`),
  foreignKey({ columns: [t.pa, t.pb], references: [parent.a, parent.b], onDelete: 'set null', onUpdate: 'no action' }),
]).comment('the kitchen\'s sink');

const latinTable = table('rt_latin', {
  id: id(),
  name: varchar(20).notNull(),
  utf: varchar(20).charset('utf8mb4'),
}).charset('latin1');

const unicodeTable = table('rt_unicode', {
  id: id(),
  name: varchar(20).notNull(),
  bin: varchar(20).collate('utf8mb4_bin'),
}).charset('utf8mb4').collate('utf8mb4_unicode_ci');

const collateOnly = table('rt_collate_only', {
  id: id(),
  name: varchar(20),
}).collate('utf8mb4_bin');

const myisam = table('rt_myisam', {
  id: id(),
  note: varchar(20).notNull().default('n'),
  words: text(),
}, (t) => [index(t.note).keyBlockSize(2048), fulltext(t.words)]).engine('MyISAM').comment('not InnoDB');

/** Index kinds and options (issue 9): FULLTEXT, COMMENT, hidden, prefix and DESC parts from the DSL, USING on MEMORY. */
const search = table('rt_search', {
  id: id(),
  title: varchar(200).notNull(),
  body: text(),
  n: int(),
}, (t) => [
  fulltext(t.title, t.body).comment('search'),
  fulltext(t.body).name('ft_body'),
  index(t.title.prefix(20).desc(), t.n).invisible().comment('it\'s hidden'),
  index(t.n.desc()).name('ix_n_desc'),
  unique(t.title.prefix(50)).comment('first 50'),
]);

const memory = table('rt_memory', {
  id: id(),
  a: int(),
}, (t) => [index(t.a).using('btree'), index(t.id, t.a).using('hash').name('ix_hash_is_default')]).engine('MEMORY');

const composite = table('rt_composite', {
  a: int().notNull(),
  b: varchar(10).notNull(),
  c: int(),
}, (t) => [primaryKey(t.a, t.b).comment('the pair'), index(t.c, t.a)]).comment('composite primary key');

/** Issue 9.2's types and attributes (MariaDB's own among them: the fixture is applied to MariaDB). */
const types = table('rt_types', {
  id: id(),
  b1: bit(),
  b8: bit(8).notNull().default(255),
  b64: bit(64).default('18446744073709551615'),
  g: geometry(),
  p: point().notNull().srid(4326),
  l: linestring().srid(3857),
  a: polygon(),
  mp: multipoint(),
  ml: multilinestring(),
  ma: multipolygon(),
  gc: geometrycollection(),
  u: uuid().notNull().default('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'),
  i6: inet6().default('::FFFF:1.2.3.4'),
  i4: inet4(),
  hidden: int().notNull().default(1).invisible(),
  hidden_gen: int().generatedAs(sql`id + 1`).invisible(),
  packed: text().compressed(),
  packed_json: json().compressed(),
  padded: int().zerofill(6).default(42),
  padded_default: bigint().zerofill(),
  nat: char(3).charset('utf8mb3'),
  bin_attr: varchar(10).collate('utf8mb4_bin'),
}, (t) => [unique(t.u), index(t.i6)]);

const storage = table('rt_storage', {
  id: id(),
  body: varchar(200),
}).rowFormat('COMPRESSED').keyBlockSize(4).statsPersistent(false).statsAutoRecalc(true).statsSamplePages(9)
  .autoIncrement(5000).maxRows(9999).minRows(3).option('CHECKSUM', 1);

const myisamStorage = table('rt_myisam_storage', {
  id: id(),
  code: char(4),
}).engine('MyISAM').rowFormat('FIXED').option('PACK_KEYS', 1).option('DELAY_KEY_WRITE', 1);

const ranged = table('rt_ranged', {
  id: int().notNull(),
  happened: date().notNull(),
}, (t) => [
  primaryKey(t.id, t.happened),
  partitionByRange(sql`year(happened)`, [lessThan('p2020', 2021).comment('old rows'), lessThan('pmax', maxValue)],
    { subpartitionByHash: sql`id`, subpartitions: 2 }),
]);

const listed = table('rt_listed', {
  country: varchar(2),
  zone: int(),
}, (t) => [partitionByListColumns([t.country, t.zone], [valuesIn('eu', ['de', 1], ['fr', 2]), valuesIn('rest', ['us', 3], [null, null])])]);

const keyed = table('rt_keyed', {
  id: id(),
}, (t) => [partitionByKey([t.id], { partitions: 3, linear: true })]);

/** The fixture as the compiler builds it (normalised), with prefix and DESC index parts added. */
export function roundTripFixture(): SchemaIR {
  const diagnostics: Diagnostic[] = [];
  const defs = [parent, kitchen, latinTable, unicodeTable, collateOnly, myisam, composite, search, memory, types, storage, myisamStorage, ranged, listed, keyed];
  const raw = tablesToIR(defs, diagnostics);
  const tables = raw.ir.tables.map((t): Table => {
    if (t.name !== 'rt_kitchen') return t;
    return {
      ...t,
      indexes: [...t.indexes,
        { kind: 'index', name: 'ix_prefix_desc', unique: false, parts: [{ column: 'vc', length: 10 }, { column: 'i', desc: true }] },
        { kind: 'index', name: 'uq_text_prefix', unique: true, parts: [{ column: 'tx', length: 20 }] },
        { kind: 'index', name: 'ix_desc_only', unique: false, parts: [{ column: 'created', desc: true }] }],
    };
  });
  const ir = normalizeSchema({ kind: 'schema', tables });
  diagnostics.push(...validateSchema(ir, configProfile('mariadb')));
  if (diagnostics.length) {
    throw new Error('fixture does not validate:\n' + diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  }
  return ir;
}
