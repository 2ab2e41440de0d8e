import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const t = table('t', {
  id: id(),
  a: int().default('lots'),
  b: varchar(3).default('toolong'),
  c: enumOf(['x', 'y']).default('z'),
  d: boolean().default(2),
  e: text().default('literal'),
  f: datetime().default(sql`CURRENT_TIMESTAMP(3)`),
  g: int().notNull().default(null),
});
