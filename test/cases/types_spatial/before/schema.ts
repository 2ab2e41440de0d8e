import { table, id, point, linestring, polygon } from 'schemac';

export const place = table('place', {
  id: id(),
  location: point().notNull().srid(4326),
  route: linestring(),
  area: polygon().srid(4326),
});
