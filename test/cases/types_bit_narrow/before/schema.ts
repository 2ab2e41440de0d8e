import { table, id, bit } from 'schemac';

export const flags = table('flags', {
  id: id(),
  mask: bit(16).notNull().default(300),
});
