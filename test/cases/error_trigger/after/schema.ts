import { table, id, varchar, trigger, sql } from 'schemac';

export const member = table('member', {
  id: id(),
  name: varchar(64).notNull(),
});

export const first = trigger('member_trim', { table: member, timing: 'before', event: 'insert' }, sql`SET NEW.name = TRIM(NEW.name)`);

export const second = trigger('member_upper', { table: member, timing: 'before', event: 'insert' }, sql`SET NEW.name = UPPER(NEW.name)`);

export const again = trigger('MEMBER_TRIM', { table: member, timing: 'after', event: 'delete' }, sql`SET @n = OLD.id`);

export const elsewhere = trigger('audit_log', { table: 'audit', timing: 'after', event: 'insert' }, sql`SET @n = NEW.id`);

export const open = trigger('member_open', { table: member, timing: 'after', event: 'update' }, sql`SET @n = 'unclosed`);

export const when = trigger('member_when', { table: member, timing: 'instead of' as any, event: 'update' }, sql`SET @n = 1`);
