import { literal } from '../dialect/mysql/quote.js';
import type { PartitionDefinition, PartitionMethod, SourcePos } from '../ir/types.js';
import { isColumnRef, type ColumnRef } from './columns.js';
import { DslError } from './errors.js';
import { site } from './site.js';
import { isSqlFragment, type SqlFragment } from './sql.js';

/**
 * Partitioning in the schema language, an item of `table()`'s third argument:
 * `(t) => [partitionByRange(sql\`year(created)\`, [lessThan('p2020', 2021), lessThan('pmax', maxValue)])]`,
 * `partitionByKey([t.id], { partitions: 4 })`, `partitionByListColumns([t.region], [valuesIn('eu', 'de', 'fr')])`.
 */

/** A partition's bound or value: a number, a string (written as a string literal), NULL, or SQL (sql`'2024-01-01'`, maxValue). */
export type PartitionValue = number | string | null | SqlFragment;

/** `MAXVALUE`, the bound of a RANGE partition that takes every value above the others. */
export const maxValue: SqlFragment = Object.freeze({ kind: 'sql', text: 'MAXVALUE' });

function valueSql(v: unknown, what: string): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new DslError('E_DSL_ARGUMENT', `${what}: ${v} is not a value`);
    return String(v);
  }
  if (typeof v === 'string') return literal(v);
  if (isSqlFragment(v)) return v.text.trim();
  throw new DslError('E_DSL_ARGUMENT', `${what} takes numbers, strings, null, sql\`...\` or maxValue`);
}

/** One partition of a RANGE or LIST partitioning (or a HASH/KEY one named). */
export class PartitionItem {
  readonly kind = 'partitionItem';
  constructor(readonly definition: PartitionDefinition, readonly pos: SourcePos | undefined) {}
  /** COMMENT = 'text' */
  comment(text: string): PartitionItem {
    if (typeof text !== 'string') throw new DslError('E_DSL_ARGUMENT', '.comment() takes a string');
    return new PartitionItem({ ...this.definition, comment: text }, this.pos);
  }
  /** The partition's subpartitions by name (SUBPARTITION s0, ...), instead of a count. */
  subpartitions(...names: string[]): PartitionItem {
    if (names.length === 0 || names.some((n) => typeof n !== 'string' || n === '')) {
      throw new DslError('E_DSL_ARGUMENT', '.subpartitions() takes one or more names');
    }
    return new PartitionItem({ ...this.definition, subpartitions: names }, this.pos);
  }
}

function partitionName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name === '') throw new DslError('E_DSL_ARGUMENT', `${what} takes the partition's name first`);
  return name;
}

/** PARTITION name VALUES LESS THAN (bound, ...): one bound, or one per column of RANGE COLUMNS. */
export function lessThan(name: string, ...bounds: PartitionValue[]): PartitionItem {
  const n = partitionName(name, 'lessThan()');
  if (bounds.length === 0) throw new DslError('E_DSL_ARGUMENT', `lessThan('${n}') needs its bound`);
  return new PartitionItem({ name: n, lessThan: bounds.map((b) => valueSql(b, `lessThan('${n}')`)) }, site());
}

/** PARTITION name VALUES IN (value, ...); for LIST COLUMNS of several columns each value is an array, one per column. */
export function valuesIn(name: string, ...values: Array<PartitionValue | readonly PartitionValue[]>): PartitionItem {
  const n = partitionName(name, 'valuesIn()');
  if (values.length === 0) throw new DslError('E_DSL_ARGUMENT', `valuesIn('${n}') needs at least one value`);
  const what = `valuesIn('${n}')`;
  return new PartitionItem({ name: n, values: values.map((v) => (Array.isArray(v)
    ? `(${v.map((x) => valueSql(x, what)).join(', ')})` : valueSql(v, what))) }, site());
}

/** A HASH or KEY partition given by name (instead of a count). */
export function partition(name: string): PartitionItem {
  return new PartitionItem({ name: partitionName(name, 'partition()') }, site());
}

/** SUBPARTITION BY of a RANGE or LIST partitioning. */
export interface SubpartitionOptions {
  /** SUBPARTITION BY HASH (expr) */
  readonly subpartitionByHash?: SqlFragment;
  /** SUBPARTITION BY KEY (columns) */
  readonly subpartitionByKey?: readonly ColumnRef[];
  /** SUBPARTITIONS n (default 1, unless each partition names its own) */
  readonly subpartitions?: number;
  /** LINEAR HASH / LINEAR KEY subpartitioning */
  readonly linearSubpartitions?: boolean;
}

/** Options of HASH and KEY partitioning. */
export interface HashOptions {
  /** PARTITIONS n, or the partitions by name (default 1). */
  readonly partitions?: number | readonly string[];
  /** LINEAR HASH / LINEAR KEY */
  readonly linear?: boolean;
}

/** The scheme of a partitioning as the DSL collects it (its columns still references). */
export interface SchemeSpec {
  readonly method: PartitionMethod;
  readonly linear: boolean;
  readonly expr: string | null;
  readonly columns: readonly ColumnRef[] | null;
  readonly count: number | null;
}

/** PARTITION BY ..., as the third argument of `table()` returns it. */
export class PartitioningItem {
  readonly kind = 'partitioningItem';
  readonly explicitName = null;
  constructor(readonly by: SchemeSpec, readonly subBy: SchemeSpec | null, readonly partitions: readonly PartitionDefinition[],
    readonly pos: SourcePos | undefined) {}
}

function expr(value: unknown, what: string): string {
  if (!isSqlFragment(value)) throw new DslError('E_DSL_ARGUMENT', `${what} takes sql\`...\` as its expression`);
  return value.text.trim();
}

function columnList(value: unknown, what: string): ColumnRef[] {
  if (!Array.isArray(value) || value.some((c) => !isColumnRef(c))) {
    throw new DslError('E_DSL_ARGUMENT', `${what} takes an array of columns of the table, as [t.id]`);
  }
  return value as ColumnRef[];
}

function partitionList(value: unknown, what: string): PartitionDefinition[] {
  if (!Array.isArray(value) || value.some((p) => !(p instanceof PartitionItem))) {
    throw new DslError('E_DSL_ARGUMENT', `${what} takes an array of partitions, as [lessThan('p0', 100), ...]`);
  }
  return (value as PartitionItem[]).map((p) => p.definition);
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 8192) {
    throw new DslError('E_DSL_ARGUMENT', `${what}: the number of partitions is a whole number from 1 to 8192`);
  }
  return value;
}

function subScheme(options: unknown, what: string): SchemeSpec | null {
  if (options === undefined) return null;
  if (typeof options !== 'object' || options === null) throw new DslError('E_DSL_ARGUMENT', `${what} takes { subpartitionByHash | subpartitionByKey, subpartitions? } third`);
  const o = options as SubpartitionOptions;
  const known = new Set(['subpartitionByHash', 'subpartitionByKey', 'subpartitions', 'linearSubpartitions']);
  const extra = Object.keys(o).find((k) => !known.has(k));
  if (extra) throw new DslError('E_DSL_ARGUMENT', `${what} has no option "${extra}": it takes ${[...known].join(', ')}`);
  if ((o.subpartitionByHash === undefined) === (o.subpartitionByKey === undefined)) {
    throw new DslError('E_DSL_ARGUMENT', `${what} takes one of subpartitionByHash and subpartitionByKey`);
  }
  return {
    method: o.subpartitionByHash !== undefined ? 'HASH' : 'KEY', linear: o.linearSubpartitions === true,
    expr: o.subpartitionByHash !== undefined ? expr(o.subpartitionByHash, `${what} subpartitionByHash`) : null,
    columns: o.subpartitionByKey !== undefined ? columnList(o.subpartitionByKey, `${what} subpartitionByKey`) : null,
    count: o.subpartitions !== undefined ? count(o.subpartitions, `${what} subpartitions`) : null,
  };
}

/** PARTITION BY RANGE (expr) (partitions) [SUBPARTITION BY ...]. */
export function partitionByRange(expression: SqlFragment, partitions: readonly PartitionItem[], options?: SubpartitionOptions): PartitioningItem {
  return new PartitioningItem({ method: 'RANGE', linear: false, expr: expr(expression, 'partitionByRange()'), columns: null, count: null },
    subScheme(options, 'partitionByRange()'), partitionList(partitions, 'partitionByRange()'), site());
}

/** PARTITION BY RANGE COLUMNS (columns) (partitions), each bound one value per column. */
export function partitionByRangeColumns(columns: readonly ColumnRef[], partitions: readonly PartitionItem[], options?: SubpartitionOptions): PartitioningItem {
  return new PartitioningItem({ method: 'RANGE', linear: false, expr: null, columns: columnList(columns, 'partitionByRangeColumns()'), count: null },
    subScheme(options, 'partitionByRangeColumns()'), partitionList(partitions, 'partitionByRangeColumns()'), site());
}

/** PARTITION BY LIST (expr) (partitions). */
export function partitionByList(expression: SqlFragment, partitions: readonly PartitionItem[], options?: SubpartitionOptions): PartitioningItem {
  return new PartitioningItem({ method: 'LIST', linear: false, expr: expr(expression, 'partitionByList()'), columns: null, count: null },
    subScheme(options, 'partitionByList()'), partitionList(partitions, 'partitionByList()'), site());
}

/** PARTITION BY LIST COLUMNS (columns) (partitions). */
export function partitionByListColumns(columns: readonly ColumnRef[], partitions: readonly PartitionItem[], options?: SubpartitionOptions): PartitioningItem {
  return new PartitioningItem({ method: 'LIST', linear: false, expr: null, columns: columnList(columns, 'partitionByListColumns()'), count: null },
    subScheme(options, 'partitionByListColumns()'), partitionList(partitions, 'partitionByListColumns()'), site());
}

function hashOptions(options: unknown, what: string): { linear: boolean; count: number | null; partitions: PartitionDefinition[] } {
  if (options === undefined) return { linear: false, count: null, partitions: [] };
  if (typeof options !== 'object' || options === null) throw new DslError('E_DSL_ARGUMENT', `${what} takes { partitions?, linear? } second`);
  const o = options as HashOptions;
  const extra = Object.keys(o).find((k) => k !== 'partitions' && k !== 'linear');
  if (extra) throw new DslError('E_DSL_ARGUMENT', `${what} has no option "${extra}": it takes partitions, linear`);
  const p = o.partitions;
  if (Array.isArray(p)) {
    if (p.length === 0 || p.some((n) => typeof n !== 'string' || n === '')) throw new DslError('E_DSL_ARGUMENT', `${what}: partitions are names`);
    return { linear: o.linear === true, count: null, partitions: p.map((name: string) => ({ name })) };
  }
  return { linear: o.linear === true, count: p === undefined ? null : count(p, what), partitions: [] };
}

/** PARTITION BY [LINEAR] HASH (expr) [PARTITIONS n]. */
export function partitionByHash(expression: SqlFragment, options?: HashOptions): PartitioningItem {
  const h = hashOptions(options, 'partitionByHash()');
  return new PartitioningItem({ method: 'HASH', linear: h.linear, expr: expr(expression, 'partitionByHash()'), columns: null, count: h.count },
    null, h.partitions, site());
}

/** PARTITION BY [LINEAR] KEY (columns) [PARTITIONS n]; no columns: the primary key. */
export function partitionByKey(columns: readonly ColumnRef[], options?: HashOptions): PartitioningItem {
  const h = hashOptions(options, 'partitionByKey()');
  return new PartitioningItem({ method: 'KEY', linear: h.linear, expr: null, columns: columnList(columns, 'partitionByKey()'), count: h.count },
    null, h.partitions, site());
}
