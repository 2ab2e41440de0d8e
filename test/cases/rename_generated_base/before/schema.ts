import { table, id, int, varchar, index, sql } from 'schemac';

export const t = table('t', {
  id: id(),
  a: int(),
  c: int(),
  g: int().generatedAs(sql`a * 2 + c`),
  s: int().generatedAs(sql`a + 1`, { stored: true }),
  label: varchar(20),
}, (t) => [index(t.s)]);
