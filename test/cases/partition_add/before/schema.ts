import { table, id, int, varchar, date, primaryKey, unique, foreignKey, partitionByRange, partitionByRangeColumns, partitionByList, partitionByListColumns, partitionByHash, partitionByKey, lessThan, valuesIn, partition, maxValue, sql } from 'schemac';

export const event = table('event', {
  id: int().notNull().autoIncrement(),
  happened: date().notNull(),
  note: varchar(20),
}, (t) => [primaryKey(t.id)]);
