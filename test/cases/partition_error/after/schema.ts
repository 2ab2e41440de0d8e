import { table, id, int, varchar, text, date, primaryKey, unique, foreignKey, partitionByRange, partitionByRangeColumns, partitionByList, partitionByListColumns, partitionByHash, partitionByKey, lessThan, valuesIn, partition, maxValue, sql } from 'schemac';

export const parent = table('parent', {
  id: id(),
});

export const child = table('child', {
  id: id(),
  happened: date().notNull(),
  code: varchar(4).notNull().unique(),
  parent_id: int().references(() => parent.id),
}, (t) => [
  partitionByRange(sql`year(happened)`, [lessThan('p0', 2000), lessThan('p0', maxValue)]),
]);

export const odd = table('odd', {
  id: id(),
}, () => [partitionByList(sql`id`, [])]);

export const target = table('target', {
  id: id(),
}, (t) => [partitionByKey([t.id], { partitions: 2 })]);

export const referrer = table('referrer', {
  id: id(),
  target_id: int().references(() => target.id),
});

export const nokey = table('nokey', {
  n: int(),
  body: text(),
}, (t) => [partitionByKey([], { partitions: 2 }), unique(t.n)]);

export const blobby = table('blobby', {
  body: text(),
}, (t) => [partitionByKey([t.body], { partitions: 2 })]);

export const isam = table('isam', {
  id: id(),
}, () => [partitionByHash(sql`id`, { partitions: 2 })]).engine('MyISAM');
