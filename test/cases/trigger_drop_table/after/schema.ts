import { table, id, varchar } from 'schemac';

// member goes, and its triggers with it (dropped first: the down creates them once the table is back).
export const audit = table('audit', {
  id: id(),
  note: varchar(255).notNull(),
});
