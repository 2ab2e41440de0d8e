import { table, id, geometry } from 'schemac';

export const place = table('place', {
  id: id(),
  location: geometry().notNull(),
});
