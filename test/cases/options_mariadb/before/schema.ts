import { table, id, int, varchar } from 'schemac';

export const t = table('t', {
  id: id(),
  a: varchar(100),
});
