import { table, id, int, varchar } from 'schemac';

export const t = table('t', {
  id: id(),
  a: int(),
}).rowFormat('COMPACT').statsPersistent(true).maxRows(100).autoIncrement(100).option('CHECKSUM', 1);
