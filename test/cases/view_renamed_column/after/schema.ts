import { table, id, varchar, boolean, view, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  full_name: varchar(64).notNull().renamedFrom('name'),
  active: boolean().notNull().default(true),
});

// The view reads the renamed column: it changes with it (dropped before the rename, created after).
export const activeMember = view('active_member', sql`SELECT id, full_name FROM member WHERE active`);

export const activeCount = view('active_count', sql`SELECT COUNT(*) AS n FROM member WHERE active`);
