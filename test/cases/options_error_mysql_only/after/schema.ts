import { table, id, int, varchar } from 'schemac';

export const a = table('a', {
  id: id(),
}).pageCompressed(true).encrypted(true);
