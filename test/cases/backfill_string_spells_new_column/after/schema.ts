import { table, id, int, varchar, sql } from 'schemac';

export const t = table('t', {
  id: id(),
  price: int(),
  currency: varchar(3).notNull().default('EUR'),
  label: varchar(20).notNull().backfill(sql`CONCAT(price, ' currency')`),
});
