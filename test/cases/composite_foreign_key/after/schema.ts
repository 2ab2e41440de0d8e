import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const pair = table('pair', {
  a: int().notNull(),
  b: int().notNull(),
}, (t) => [primaryKey(t.a, t.b)]);
export const ref = table('ref', {
  id: id(),
  pa: int().notNull(),
  pb: int().notNull(),
}, (t) => [foreignKey({ columns: [t.pa, t.pb], references: [pair.a, pair.b], onDelete: 'cascade' }).name('fk_ref_pair')]);
