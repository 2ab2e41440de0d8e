import { table, id, int, check, sql } from 'schemac';

// Column names are case-insensitive: the expressions spell the column in other cases.
export const t = table('t', {
  id: id(),
  price: int().notNull(),
  twice: int().generatedAs(sql`PRICE * 2`),
}, (t) => [check('positive', sql`Price > 0`)]);
