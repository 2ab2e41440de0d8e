import { table, id, char, varchar, text } from 'schemac';

export const login = table('login', {
  id: id(),
  token: char(36).notNull(),
  ip: varchar(39),
  ip4: text(),
});
