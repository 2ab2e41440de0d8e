import { table, id, varchar, decimal, view, procedure, storedFunction, sql } from 'schemac';

export const item = table('item', {
  id: id(),
  name: varchar(64).notNull(),
  price: decimal(10, 2).notNull(),
});
