import { table, id, text, varchar } from 'schemac';

export const doc = table('doc', {
  id: id(),
  body: text(),
  title: varchar(200).notNull().default('untitled').compressed(),
});
