import { table, id, int } from 'schemac';
import { archive } from '../elsewhere/archive.js';

export const task = table('task', {
  id: id(),
  archive_id: int().references(() => archive.id),
});
