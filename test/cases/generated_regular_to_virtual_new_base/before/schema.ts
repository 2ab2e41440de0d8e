import { table, id, int, index, sql } from 'schemac';

export const t = table("t", {
  id: id(),
  g: int(),
});
