import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const t = table('t', {
  id: id(),
  a: int().default(sql`1 +`),
  b: int().generatedAs(sql`a * * 2`),
}, (t) => [check('a_positive', sql`a >> > 0`)]);
