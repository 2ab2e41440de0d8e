import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const membership = table('membership', {
  user_id: int().notNull(),
  group_id: int().notNull(),
  since: date(),
}, (t) => [primaryKey(t.user_id, t.group_id)]);
