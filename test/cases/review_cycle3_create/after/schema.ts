import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const a = table("a", { id: id(), b_id: int().references(() => b.id) });
export const b = table("b", { id: id(), c_id: int().references(() => c.id) });
export const c = table("c", { id: id(), a_id: int().references(() => a.id) });
