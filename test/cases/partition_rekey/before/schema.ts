import { table, int, primaryKey, partitionByHash, partitionByKey, sql } from 'schemac';

export const t = table('t', {
  a: int().notNull(),
  b: int().notNull(),
}, (t) => [primaryKey(t.a), partitionByHash(sql`a`, { partitions: 2 })]);
