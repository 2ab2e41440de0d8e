import { table, id, int, bigint, varchar, text, json, datetime, enumOf, boolean, index, unique, foreignKey, check, sql } from 'schemac';

export const t = table('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', {
  id: id(),
  'bad name ': int(),
  ok: int().unique('uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu'),
});
