import { table, id } from 'schemac';

// A table of another database: importable, but not part of this one.
export const archive = table('archive', {
  id: id(),
});
