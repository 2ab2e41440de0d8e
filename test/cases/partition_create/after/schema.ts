import { table, id, int, varchar, date, primaryKey, unique, partitionByRange, partitionByRangeColumns, partitionByList, partitionByListColumns, partitionByHash, partitionByKey, lessThan, valuesIn, partition, maxValue, sql } from 'schemac';

export const event = table('event', {
  id: int().notNull().autoIncrement(),
  happened: date().notNull(),
  kind: varchar(10),
}, (t) => [
  primaryKey(t.id, t.happened),
  partitionByRange(sql`year(happened)`, [
    lessThan('p2023', 2024).comment('before 2024'),
    lessThan('p2024', 2025),
    lessThan('pmax', maxValue),
  ], { subpartitionByHash: sql`id`, subpartitions: 2 }),
]);

export const reading = table('reading', {
  sensor: varchar(8).notNull(),
  seq: int().notNull(),
}, (t) => [
  primaryKey(t.sensor, t.seq),
  partitionByRangeColumns([t.sensor, t.seq], [lessThan('a', 'm', 100), lessThan('b', maxValue, maxValue)]),
]);

export const region = table('region', {
  id: int().notNull(),
  code: int().notNull(),
}, (t) => [
  primaryKey(t.id, t.code),
  partitionByList(sql`code`, [valuesIn('low', 1, 2, 3), valuesIn('high', 4, 5, null)]),
]);

export const place = table('place', {
  country: varchar(2),
  zone: int(),
}, (t) => [
  partitionByListColumns([t.country, t.zone], [valuesIn('eu', ['de', 1], ['fr', 2]), valuesIn('us', ['us', 3])]),
]);

export const bucket = table('bucket', {
  id: id(),
}, () => [partitionByHash(sql`id`, { partitions: 3, linear: true })]);

export const keyed = table('keyed', {
  id: id(),
  u: int().notNull(),
}, (t) => [unique(t.id, t.u), partitionByKey([], { partitions: ['one', 'two'] })]);
