import { table, id, int, index, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  a: int(),
  g: int().notNull().default(0),
}, (t) => [index(t.g)]);
