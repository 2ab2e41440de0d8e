import { table, id, int, varchar, index, unique, keyExpr, sql } from 'schemac';

export const account = table('account', {
  id: id(),
  email: varchar(120).notNull(),
  deleted: int().notNull().default(0),
});
