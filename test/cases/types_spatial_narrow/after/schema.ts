import { table, id, point } from 'schemac';

export const place = table('place', {
  id: id(),
  location: point().notNull().srid(4326),
});
