import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const author = table('author', {
  id: id(),
  favorite_book_id: int().references(() => book.id, { onDelete: 'set null' }),
});
export const book = table('book', {
  id: id(),
  author_id: int().notNull().references(() => author.id),
});
