/**
 * The schema language: `import { table, id, varchar, ... } from 'schemac'`.
 * Every function builds plain data; `schemac build` reads schema files statically and
 * never executes them, but the same functions run in TypeScript so editors type-check them.
 */
export {
  id, tinyint, smallint, mediumint, int, bigint, decimal, float, double, boolean,
  char, varchar, tinytext, text, mediumtext, longtext, binary, varbinary, tinyblob, blob, mediumblob, longblob,
  date, time, datetime, timestamp, year, json, enumOf, setOf, bit, geometry, point, linestring, polygon, multipoint,
  multilinestring, multipolygon, geometrycollection, uuid, inet6, inet4, serial, ColumnBuilder, KeyPart, keyExpr,
} from './columns.js';
export type { ColumnRef, ReferenceOptions, DefaultInput, IdOptions, ReferentialActionInput } from './columns.js';
export { table, index, unique, fulltext, spatial, primaryKey, foreignKey, check } from './table.js';
export type { TableDef, TableItem, TableSpec, ForeignKeySpec, IndexItemOptions, KeyPartInput, RowFormatInput } from './table.js';
export {
  partitionByRange, partitionByRangeColumns, partitionByList, partitionByListColumns, partitionByHash, partitionByKey,
  lessThan, valuesIn, partition, maxValue, PartitionItem, PartitioningItem,
} from './partition.js';
export type { PartitionValue, SubpartitionOptions, HashOptions } from './partition.js';
export { view } from './view.js';
export { trigger } from './trigger.js';
export { procedure, storedFunction } from './routine.js';
export { event } from './event.js';
export type { EventDef, EventOptions } from './event.js';
export type { RoutineDef, RoutineOptions, FunctionOptions } from './routine.js';
export type { TriggerDef, TriggerSpec } from './trigger.js';
export type { ViewDef, ViewOptions } from './view.js';
export { sql } from './sql.js';
export type { SqlFragment } from './sql.js';
