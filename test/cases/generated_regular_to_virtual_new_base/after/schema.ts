import { table, id, int, index, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  b: int().notNull().default(5),
  g: int().generatedAs(sql`b + 1`),
}, (t) => [index(t.g)]);
