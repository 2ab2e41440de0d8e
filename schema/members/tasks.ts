import { table, id, int, varchar, text, date, datetime, enumOf, index, check, sql } from 'schemac';
import { timestamps } from './common.js';
import { position, taskgroup } from './positions.js';

export const task = table('task', {
  id: id(),
  task: varchar(64).notNull().unique(),
  description: varchar(512),
  priority: int().notNull().default(1),
  period: enumOf(['once', 'weekly', 'monthly', 'yearly']).notNull().default('yearly'),
  expirysoon: int().notNull().default(30),
  taskgroup_id: int().references(() => taskgroup.id, { onDelete: 'set null' }),
  position_id: int().references(() => position.id),
  ...timestamps,
}, (t) => [index(t.priority), check('priority_range', sql`priority between 1 and 10`)]);

export const taskcompletion = table('taskcompletion', {
  id: id(),
  task_id: int().notNull().references(() => task.id, { onDelete: 'cascade' }),
  position_id: int().references(() => position.id),
  user_id: int().notNull(),
  completion: date().notNull(),
  // Added by 0002: existing completions are stamped with the time of the migration.
  update_time: datetime().notNull().defaultNow().backfill(sql`NOW()`),
  notes: text(),
}, (t) => [index(t.user_id, t.completion)]);

export const statusreport = table('statusreport', {
  id: id(),
  position_id: int().notNull().references(() => position.id),
  title: varchar(128).notNull(),
  content: text(),
  update_time: datetime().notNull().defaultNow(),
}).comment('Status reports each position files before a meeting');
