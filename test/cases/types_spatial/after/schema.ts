import {
  table, id, point, linestring, polygon, geometry, multipoint, multilinestring, multipolygon, geometrycollection,
} from 'schemac';

export const place = table('place', {
  id: id(),
  location: point().notNull().srid(3857),
  route: geometry(),
  area: polygon(),
  shape: geometry().srid(4326),
});

export const shapes = table('shapes', {
  id: id(),
  g: geometry().notNull(),
  p: point(),
  l: linestring(),
  a: polygon(),
  mp: multipoint(),
  ml: multilinestring(),
  ma: multipolygon(),
  gc: geometrycollection().srid(4326),
});
