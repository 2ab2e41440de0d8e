import { table, id, varchar, datetime, event, sql } from 'schemac';

export const session = table('session', {
  id: id(),
  token: varchar(64).notNull(),
  expires: datetime().notNull(),
});
