import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const position = table('position', {
  id: id(),
  name: varchar(64).notNull().unique(),
});
export const task = table('task', {
  id: id(),
  position_id: bigint().references(() => position.id),
  position_name: int().references(() => position.name),
});
