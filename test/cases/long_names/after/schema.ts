import { table, id, int, bigint, tinyint, smallint, decimal, float, double, boolean, char, varchar, text, mediumtext, binary, varbinary, blob, date, time, datetime, timestamp, year, json, enumOf, setOf, index, unique, primaryKey, foreignKey, check, sql } from 'schemac';

export const a_table_with_a_rather_long_name_that_goes_on_and_on = table('a_table_with_a_rather_long_name_that_goes_on_and_on', {
  id: id(),
  another_quite_long_column_name_for_the_reference: int().notNull()
    .references(() => a_table_with_a_rather_long_name_that_goes_on_and_on.id),
  yet_another_long_column_name_to_overflow_the_limit: varchar(20).notNull().unique(),
}, (t) => [check('a_check_label_that_is_also_rather_long_indeed_yes', sql`yet_another_long_column_name_to_overflow_the_limit <> ''`)]);
