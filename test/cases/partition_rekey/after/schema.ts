import { table, int, primaryKey, partitionByHash, partitionByKey, sql } from 'schemac';

export const t = table('t', {
  a: int().notNull(),
  b: int().notNull(),
}, (t) => [primaryKey(t.b), partitionByKey([t.b], { partitions: 3 })]);
