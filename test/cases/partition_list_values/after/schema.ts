import { table, id, int, varchar, date, primaryKey, unique, foreignKey, partitionByRange, partitionByRangeColumns, partitionByList, partitionByListColumns, partitionByHash, partitionByKey, lessThan, valuesIn, partition, maxValue, sql } from 'schemac';

export const shop = table('shop', {
  id: int().notNull(),
  region: int().notNull(),
}, (t) => [
  primaryKey(t.id, t.region),
  partitionByList(sql`region`, [valuesIn('north', 1, 2, 5), valuesIn('south', 3, 4), valuesIn('west', 6, 7)]),
]);
