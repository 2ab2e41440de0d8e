import { table, id, int, varchar, datetime, sql } from 'schemac';

export const account = table('account', {
  id: id(),
  name: varchar(64).notNull(),
  secret: varchar(64).invisible(),
  legacy: int().notNull().default(0),
  touched: datetime().notNull().defaultNow().invisible(),
});

export const audit = table('audit', {
  id: id(),
  note: varchar(100),
  note_length: int().generatedAs(sql`char_length(note)`).invisible(),
});
