import { table, id, int, varchar, date, primaryKey, unique, foreignKey, partitionByRange, partitionByRangeColumns, partitionByList, partitionByListColumns, partitionByHash, partitionByKey, lessThan, valuesIn, partition, maxValue, sql } from 'schemac';

export const event = table('event', {
  id: int().notNull(),
  happened: date().notNull(),
}, (t) => [
  primaryKey(t.id, t.happened),
  partitionByRange(sql`year(happened)`, [lessThan('p2019', 2020), lessThan('p2021', 2022), lessThan('pmax', maxValue)]),
]);
