import { table, id, varchar, int, trigger, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  name: varchar(64).notNull(),
  logins: int().notNull().default(0),
});

export const audit = table('audit', {
  id: id(),
  note: varchar(255).notNull(),
});
