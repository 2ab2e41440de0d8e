import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const x = table("x", { id: id() });
export const y = table("y", { id: id() });
export const t = table("t", {
  id: id(),
  ref_id: int().references(() => x.id, { name: "fk_t_ref" }),
});
