import { table, id, int, varchar } from 'schemac';

export const account = table('account', {
  id: id(),
  name: varchar(64).notNull(),
  secret: varchar(64),
  legacy: int().notNull().default(0).invisible(),
});
