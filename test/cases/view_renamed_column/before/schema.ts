import { table, id, varchar, boolean, view, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  name: varchar(64).notNull(),
  active: boolean().notNull().default(true),
});

export const activeMember = view('active_member', sql`SELECT id, name FROM member WHERE active`);

export const activeCount = view('active_count', sql`SELECT COUNT(*) AS n FROM member WHERE active`);
