import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const t = table('t', {
  id: id(),
  other: int().autoIncrement(),
});
export const u = table('u', {
  id: int().primaryKey(),
  seq: int().autoIncrement(),
});
