import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const position = table('position', {
  id: id(),
  name: varchar(64).notNull().unique(),
});
export const a = table('a', {
  id: id(),
  p: int().references(() => position.id, { name: 'fk_shared' }),
}, (t) => [check('x', sql`p > 0`).name('fk_shared')]);
export const b = table('b', {
  id: id(),
  p: int().references(() => position.id, { name: 'fk_shared' }),
  q: int(),
}, (t) => [index(t.q).name('ck_b')]);
