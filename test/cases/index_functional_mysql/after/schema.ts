import { table, id, int, varchar, index, unique, keyExpr, sql } from 'schemac';

export const account = table('account', {
  id: id(),
  email: varchar(120).notNull(),
  deleted: int().notNull().default(0),
}, (t) => [
  unique(sql`lower(email)`).name('uq_account_email_ci'),
  index(t.deleted, keyExpr(sql`length(email)`).desc()),
]);
