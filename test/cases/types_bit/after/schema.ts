import { table, id, bit } from 'schemac';

export const flags = table('flags', {
  id: id(),
  mask: bit(8).notNull().default(5),
  one: bit().default(1),
  wide: bit(64).notNull().default('18446744073709551615'),
});
