import { table, id, int, varchar, text, boolean, index, unique } from 'schemac';
import { timestamps } from './common.js';

/** A volunteer position in the club (the members app of the seed notes). */
export const position = table('position', {
  id: id(),
  name: varchar(64).notNull().unique(),
  description: text(),
  // Added by 0002: existing positions get true, as the seed notes' hand-written UPDATE did.
  has_status_report: boolean().notNull().default(true).backfill(true),
  ...timestamps,
});

export const taskgroup = table('taskgroup', {
  id: id(),
  name: varchar(64).notNull().unique(),
  description: varchar(512),
});

/** Which users hold which position (user ids live in the users database: no foreign key). */
export const userposition = table('userposition', {
  id: id(),
  position_id: int().notNull().references(() => position.id, { onDelete: 'cascade' }),
  user_id: int().notNull(),
}, (t) => [unique(t.position_id, t.user_id), index(t.user_id)]);
