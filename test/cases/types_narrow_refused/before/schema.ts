import { table, id, bit, geometry } from 'schemac';

export const flags = table('flags', {
  id: id(),
  mask: bit(16).notNull().default(300),
});

export const place = table('place', {
  id: id(),
  location: geometry().notNull(),
  area: geometry(),
});
