import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const position = table('position', {
  id: id(),
  name: varchar(64).notNull().unique(),
}, (t) => [check('name_not_empty', sql`name <> ''`)]);
