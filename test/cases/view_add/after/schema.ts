import { table, id, varchar, boolean, view, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  name: varchar(64).notNull(),
  active: boolean().notNull().default(true),
});

export const activeMember = view('active_member', sql`SELECT id, name FROM member WHERE active`);

export const shortName = view('short_name', sql`SELECT id, name FROM member WHERE CHAR_LENGTH(name) < 10`, { algorithm: 'merge', security: 'invoker', checkOption: 'local' });
