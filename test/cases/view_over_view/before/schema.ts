import { table, id, varchar, boolean, view, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  name: varchar(64).notNull(),
  active: boolean().notNull().default(true),
});
