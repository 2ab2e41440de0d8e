import { table, id, int, varchar } from 'schemac';

export const t = table('t', {
  id: id(),
  a: int(),
}).rowFormat('REDUNDANT').statsPersistent(false).minRows(5).autoIncrement(500).option('PACK_KEYS', 0);
