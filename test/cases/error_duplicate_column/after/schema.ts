import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const t = table('t', {
  id: id(),
  name: varchar(10),
  Name: varchar(10),
});
