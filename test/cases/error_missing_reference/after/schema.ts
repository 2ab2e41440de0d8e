import { table, id, int } from 'schemac';

// Declared but not exported: not part of the database.
const archive = table('archive', {
  id: id(),
});

export const task = table('task', {
  id: id(),
  archive_id: int().references(() => archive.id),
});
