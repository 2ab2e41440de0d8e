import { table, id, varchar, boolean, view, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  name: varchar(64).notNull(),
  active: boolean().notNull().default(true),
});

export const activeNames = view('active_names', sql`SELECT name FROM active_member WHERE id > 0`);

export const activeMember = view('active_member', sql`SELECT id, name FROM member WHERE active`);
