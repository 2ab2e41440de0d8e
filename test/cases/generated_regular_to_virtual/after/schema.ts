import { table, id, int, index, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  a: int(),
  g: int().generatedAs(sql`a * 2`),
}, (t) => [index(t.g), index(t.a, t.g)]);
