import { table, int, serial, varchar } from 'schemac';

export const ticket = table('ticket', {
  id: serial(),
  title: varchar(100),
});

export const ticket_line = table('ticket_line', {
  line: int().primaryKey(),
  ticket_id: serial().references(() => ticket.id, { onDelete: 'cascade' }),
});
