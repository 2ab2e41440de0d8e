import { table, id, varchar } from 'schemac';

export const position = table('position', {
  id: id(),
  name: varchar(64).notNull(),
});

// Forgotten `export`: reported, never silently left out of the database.
const task = table('task', {
  id: id(),
});
