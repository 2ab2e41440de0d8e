import { table, id, int, varchar, index, sql } from 'schemac';

export const t = table('t', {
  id: id(),
  b: int().renamedFrom('a'),
  d: int().renamedFrom('c'),
  g: int().generatedAs(sql`b * 2 + d`),
  s: int().generatedAs(sql`b + 1`, { stored: true }),
  title: varchar(20).renamedFrom('label'),
}, (t) => [index(t.s)]);
