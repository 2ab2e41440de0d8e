import { table, id, int, varchar, boolean, datetime, primaryKey, index } from 'schemac';

/** Accounts that sign in to the members app (Flask-Security's user/role model). */
export const user = table('user', {
  id: id(),
  email: varchar(255).notNull().unique(),
  password: varchar(255).notNull(),
  name: varchar(128),
  active: boolean().notNull().default(true),
  confirmed_at: datetime(),
  last_login_at: datetime(),
  login_count: int().notNull().default(0),
});

export const role = table('role', {
  id: id(),
  name: varchar(80).notNull().unique(),
  description: varchar(255),
});

export const roles_users = table('roles_users', {
  user_id: int().notNull().references(() => user.id, { onDelete: 'cascade' }),
  role_id: int().notNull().references(() => role.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey(t.user_id, t.role_id), index(t.role_id)]);
