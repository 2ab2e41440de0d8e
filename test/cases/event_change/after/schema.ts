import { table, id, varchar, datetime, event, sql } from 'schemac';

export const session = table('session', {
  id: id(),
  token: varchar(64).notNull(),
  expires: datetime().notNull(),
});

export const purge = event('purge_sessions', { schedule: sql`EVERY 30 MINUTE`, comment: 'drops expired sessions' },
  sql`DELETE FROM session WHERE expires < NOW()`);

export const report = event('weekly_report', { schedule: sql`EVERY 1 WEEK STARTS '2030-01-07 03:00:00'`, preserve: true, status: 'disable' }, sql`
BEGIN
  DELETE FROM session WHERE expires < NOW() - INTERVAL 7 DAY;
  DELETE FROM session WHERE token = '';
END`);
