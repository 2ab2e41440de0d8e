import { table, id, int, varchar } from 'schemac';

export const t = table('t', {
  id: id(),
  a: varchar(100),
}).pageCompressed(true).pageCompressionLevel(3).encrypted(false);

export const u = table('u', {
  id: id(),
}).pageCompressed(true).encrypted(false);
