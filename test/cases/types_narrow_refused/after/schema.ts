import { table, id, bit, point, geometry } from 'schemac';

export const flags = table('flags', {
  id: id(),
  mask: bit(4).notNull().default(5),
});

export const place = table('place', {
  id: id(),
  location: point().notNull(),
  area: geometry().srid(4326),
});
