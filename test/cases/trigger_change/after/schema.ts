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

export const memberTrim = trigger('member_trim', { table: member, timing: 'before', event: 'insert' }, sql`SET NEW.name = UPPER(TRIM(NEW.name))`);

export const memberAudit = trigger('member_audit', { table: member, timing: 'after', event: 'update' }, sql`
BEGIN
  IF NEW.logins <> OLD.logins THEN
    INSERT INTO audit (note) VALUES (CONCAT('logins of ', NEW.id, ': ', NEW.logins));
  END IF;
END`);
