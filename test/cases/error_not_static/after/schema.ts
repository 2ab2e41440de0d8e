import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

const n = 64;
export const t = table('t', {
  id: id(),
  name: varchar(n * 2),
  ...Object.fromEntries([['x', int()]]),
});
