import { table, id, bit } from 'schemac';

export const flags = table('flags', {
  id: id(),
  mask: bit(4).notNull().default(5),
});
