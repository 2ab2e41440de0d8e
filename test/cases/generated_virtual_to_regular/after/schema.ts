import { table, id, int, index, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  a: int(),
  g: int(),
}, (t) => [index(t.g), index(t.a, t.g)]);
