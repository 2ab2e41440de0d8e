import { table, id, int, varchar, date, primaryKey, unique, foreignKey, partitionByRange, partitionByRangeColumns, partitionByList, partitionByListColumns, partitionByHash, partitionByKey, lessThan, valuesIn, partition, maxValue, sql } from 'schemac';

export const bucket = table('bucket', {
  id: id(),
  n: int(),
}, (t) => [partitionByKey([t.id], { partitions: 4, linear: true })]);
