import { columnTypeSql } from '../dialect/mysql/sql.js';
import { isLob, isTextual } from '../dialect/mysql/types.js';
import { identifierWords } from '../dialect/mysql/expr-columns.js';
import type { Change } from '../diff/changes.js';
import { sameData } from '../diff/diff.js';
import type { Column, Index, TableOptions } from '../ir/types.js';
import { lossyDown, narrows } from './lossy.js';
import type { Risk } from './types.js';
import { isWidening } from './widening.js';

/**
 * What a reviewer must know before a change runs, as small analyzers over the changes: each
 * looks at one change (and, where it must, the migration's other changes) and says what the
 * change can do to existing rows. The planner asks them, never the SQL text; a risk goes to the
 * first step that carries its change out.
 */

/** Every risk the planner can report. `R_` codes are stable: tests, `--json` and docs name them. */
export type RiskCode =
  | 'R_DROP_TABLE' | 'R_DROP_COLUMN' | 'R_NOT_NULL_NO_FILL' | 'R_BACKFILL_NEW_COLUMN'
  | 'R_NARROW_TYPE' | 'R_NARROW_CHARSET' | 'R_SET_NOT_NULL' | 'R_TO_GENERATED' | 'R_LOSSY_DOWN'
  | 'R_PRIMARY_KEY' | 'R_ADD_UNIQUE' | 'R_ADD_CHECK' | 'R_CONVERT_TABLE' | 'R_DEFAULT_CHARSET' | 'R_BLOCKING_INDEX' | 'R_TABLE_OPTION'
  | 'R_DROP_PARTITION' | 'R_REPARTITION' | 'R_VIEW_INVALID' | 'R_TRIGGER_INVALID';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

/**
 * A backfilled column's shape while it is filled: nullable and without its default (which ADD
 * COLUMN would copy into every row), in its new type when the type changes. Null when the change
 * is not filled by an UPDATE (or, for a kept column of the same type, when nothing is re-typed first).
 */
export function preparedColumn(change: Of<'addColumn'> | Of<'modifyColumn'>): Column | null {
  if (!change.backfill) return null;
  if (change.kind === 'addColumn') {
    return change.column.generated ? null : { ...change.column, nullable: true, default: null, autoIncrement: false };
  }
  return sameData(change.from.type, change.to.type) ? change.from : { ...change.to, nullable: true, default: null, autoIncrement: false };
}

/**
 * An added column whose backfill is a constant (a literal, or CURRENT_TIMESTAMP on a datetime or
 * timestamp column) needs no UPDATE: added with the backfill as its default, the server fills
 * every existing row itself, INSTANT on MySQL 8.0.29+ and MariaDB 10.4+ (../ONLINE-DDL.md: "ADD
 * COLUMN NOT NULL DEFAULT constant"), instead of an ADD, an UPDATE of every row in one
 * transaction and a MODIFY that rebuilds the table. Returns the column as added (its real default
 * follows in the table's ALTER when it differs), or null when the backfill must be an UPDATE: an
 * expression (it may read other columns, or differ per row), a TEXT/BLOB/JSON column (MySQL
 * takes only expression defaults there), a generated or AUTO_INCREMENT column.
 */
export function filledByDefault(change: Of<'addColumn'>): Column | null {
  const { backfill: v, column: c } = change;
  if (!v || c.generated || c.autoIncrement) return null;
  if ((v.kind === 'string' || v.kind === 'number') && !isLob(c.type) && c.type.kind !== 'json') return { ...c, default: v };
  if (v.kind === 'now' && (c.type.kind === 'datetime' || c.type.kind === 'timestamp')) return { ...c, default: { kind: 'now', fsp: c.type.fsp } };
  return null;
}

export function dropTableRisks(c: Of<'dropTable'>): Risk[] {
  const t = c.table.name;
  return [{ level: 'destructive', code: 'R_DROP_TABLE', table: t,
    message: `drops table ${t} and all its rows (the down script recreates it empty)`,
    hint: 'if the table was renamed, declare .renamedFrom(\'' + t + '\') on the new table' }];
}

export function dropColumnRisks(c: Of<'dropColumn'>): Risk[] {
  return [{ level: 'destructive', code: 'R_DROP_COLUMN', table: c.table, column: c.column.name,
    message: `drops column ${c.table}.${c.column.name} and its values (the down script re-adds it empty)`,
    hint: `if the column was renamed, declare .renamedFrom('${c.column.name}') on the new column` }];
}

export function addColumnRisks(c: Of<'addColumn'>): Risk[] {
  const col = c.column;
  if (preparedColumn(c) || col.nullable || col.default || col.autoIncrement || col.generated) return [];
  return [{ level: 'blocked', code: 'R_NOT_NULL_NO_FILL', table: c.table,
    message: `adds NOT NULL column ${c.table}.${col.name} with no default and no backfill: existing rows would get an implicit value or the ALTER fails under strict sql_mode`,
    hint: `declare .backfill(value) (fills existing rows, then sets NOT NULL) or .default(value) on ${c.table}.${col.name}` }];
}

function narrowRisk(table: string, from: Column, to: Column): Risk {
  return { level: 'destructive', code: 'R_NARROW_TYPE', table, column: to.name,
    message: `changes ${table}.${to.name} from ${columnTypeSql(from)} to ${columnTypeSql(to)}, which can truncate or reject existing values` };
}

/**
 * A kept column's new definition. Filled by a backfill, the column is re-typed while nullable and
 * the down that narrows it back runs there; otherwise one MODIFY does it all.
 */
export function modifyColumnRisks(c: Of<'modifyColumn'>): Risk[] {
  const { table, from, to } = c;
  const prepared = preparedColumn(c);
  if (prepared) {
    const lossy = prepared !== from && narrows(prepared, from) ? [lossyDown({ table, current: prepared, target: from, key: c.key }).risk] : [];
    return [...(isWidening(from.type, to.type) ? [] : [narrowRisk(table, from, to)]), ...lossy];
  }
  const risks: Risk[] = [];
  if (narrows(to, from)) risks.push(lossyDown({ table, current: to, target: from, key: c.key }).risk);
  if (!isWidening(from.type, to.type)) risks.push(narrowRisk(table, from, to));
  // A declared character set other than utf8mb4 can lack characters the column holds.
  if (isTextual(to.type) && to.charset !== null && to.charset !== from.charset && !to.charset.startsWith('utf8mb4')) {
    risks.push({ level: 'destructive', code: 'R_NARROW_CHARSET', table, column: to.name,
      message: `converts ${table}.${to.name} to ${to.charset}: characters it lacks are lost or rejected` });
  }
  if (from.nullable && !to.nullable) {
    risks.push({ level: 'warning', code: 'R_SET_NOT_NULL', table,
      message: `makes ${table}.${to.name} NOT NULL: the ALTER fails if existing rows hold NULL`,
      hint: `declare .backfill(value) on ${table}.${to.name} to fill them first` });
  }
  if (!from.generated && to.generated) {
    risks.push({ level: 'destructive', code: 'R_TO_GENERATED', table, column: to.name,
      message: `turns ${table}.${to.name} into a generated column: its stored values are replaced by the expression` });
  }
  return risks;
}

export function primaryKeyRisks(c: Of<'setPrimaryKey'>): Risk[] {
  return c.to ? [{ level: 'warning', code: 'R_PRIMARY_KEY', table: c.table,
    message: `the new primary key of ${c.table} fails if existing rows have duplicate or NULL values in ${c.to.columns.join(', ')}` }] : [];
}

/**
 * What building an index can do: a new unique key fails on duplicates (not when it replaces a
 * unique key over the same parts: only its options change); a FULLTEXT or SPATIAL index is built
 * (added, or dropped and added for any change but its visibility) with writes to the table blocked (InnoDB: no concurrent DML, the first FULLTEXT index also
 * rebuilds the table; MySQL manual "Online DDL Operations", ../shared/ONLINE-DDL.md).
 */
export function uniqueRisks(table: string, index: Index, replaced?: Index): Risk[] {
  const risks: Risk[] = [];
  const sameKey = replaced !== undefined && replaced.unique && sameData(replaced.parts, index.parts);
  if (index.unique && !sameKey) {
    const parts = index.parts.map((p) => (p.expr !== undefined ? `(${p.expr})` : p.column)).join(', ');
    risks.push({ level: 'warning', code: 'R_ADD_UNIQUE', table, message: `unique key ${index.name} fails if existing rows of ${table} have duplicates in ${parts}` });
  }
  if (index.type !== undefined && !(replaced !== undefined && onlyVisibilityDiffers(replaced, index))) {
    risks.push({ level: 'warning', code: 'R_BLOCKING_INDEX', table,
      message: `building ${index.type === 'fulltext' ? 'FULLTEXT' : 'SPATIAL'} index ${index.name} blocks writes to ${table} until it is done` });
  }
  return risks;
}

/** The two differ in visibility only (changed in place, nothing built). */
function onlyVisibilityDiffers(a: Index, b: Index): boolean {
  const { hidden: _a, pos: _p, autoNamed: _n, ...x } = a;
  const { hidden: _b, pos: _q, autoNamed: _m, ...y } = b;
  return sameData(x, y);
}

export function addCheckRisks(c: Of<'addCheck'>): Risk[] {
  return [{ level: 'warning', code: 'R_ADD_CHECK', table: c.table,
    message: `check ${c.check.name} fails if existing rows of ${c.table} violate it` }];
}

/** A new default character set converts the columns that inherit it. */
export function charsetRisks(c: Of<'alterOptions'>, inheriting: readonly Column[]): Risk[] {
  const { table, from, to } = c;
  const target = to.collate ?? to.charset ?? 'the database default';
  const risks: Risk[] = [];
  if (inheriting.length) {
    risks.push({ level: (to.charset ?? '').startsWith('utf8mb4') ? 'warning' : 'destructive', code: 'R_CONVERT_TABLE', table,
      message: `converts ${inheriting.map((x) => x.name).join(', ')} of ${table} to ${target}: characters the new set lacks are lost or rejected` });
  }
  if ((to.charset === null && to.collate === null) || (from.charset === null && from.collate === null)) {
    risks.push({ level: 'warning', code: 'R_DEFAULT_CHARSET', table,
      message: `DEFAULT CHARSET = DEFAULT gives ${table} the database's character set with that set's default collation, which can differ from the database's collation`,
      hint: `declare .charset() and .collate() on ${table} to be exact` });
  }
  return risks;
}

/** A backfill runs before the table's ALTER: it cannot read a column that ALTER adds without a fill of its own. */
export function backfillReadsNewColumn(c: Of<'addColumn'> | Of<'modifyColumn'>, all: readonly Change[]): Risk[] {
  const fill = c.backfill;
  if (fill?.kind !== 'expr') return [];
  const words = identifierWords(fill.sql);
  const column = c.kind === 'addColumn' ? c.column.name : c.to.name;
  return all.filter((a): a is Of<'addColumn'> => a.kind === 'addColumn' && a.table === c.table && !a.backfill
    && words.has(a.column.name.toLowerCase()))
    .map((a) => ({ level: 'blocked', code: 'R_BACKFILL_NEW_COLUMN', table: c.table,
      message: `the backfill of ${c.table}.${column} reads ${a.column.name}, which this migration adds later`,
      hint: `add ${c.table}.${a.column.name} in a migration of its own first, or give it a .backfill() too` }));
}

/**
 * Table options schemac does not model (`CHECKSUM = 1`), set or reset by a step: written as
 * declared and compared as written, never refused, but what they do is the server's and the
 * engine's alone, and a reset writes the option's documented default (or `DEFAULT`).
 */
export function otherOptionRisks(table: string, names: readonly string[], to: TableOptions): Risk[] {
  return names.map((name) => {
    const x = (to.other ?? []).find((y) => y.name === name);
    return { level: 'warning', code: 'R_TABLE_OPTION', table,
      message: x ? `sets table option ${name} = ${x.value} on ${table}, which schemac carries as written without knowing what it does`
        : `resets table option ${name} on ${table} to its default, which schemac writes without knowing what it does`,
      hint: 'look the option up in the manual of the server and its engine; schemac compares it as written' };
  });
}

/** DROP PARTITION deletes the partition's rows with it: data loss, gated as a dropped column is. */
export function dropPartitionRisk(table: string, partition: string): Risk {
  return { level: 'destructive', code: 'R_DROP_PARTITION', table,
    message: `drops partition ${partition} of ${table} and every row in it (the down script recreates it empty)`,
    hint: 'to keep the rows, merge the partition into its neighbour instead (change their bounds in one step: REORGANIZE PARTITION)' };
}

/** PARTITION BY / REORGANIZE PARTITION move every row: the server refuses a row that no new partition takes. */
export function repartitionRisk(table: string): Risk {
  return { level: 'warning', code: 'R_REPARTITION', table,
    message: `moves the rows of ${table} into new partitions: the ALTER copies them, and fails on a row no partition takes`,
    hint: 'check that the new bounds or values cover every row (a MAXVALUE or catch-all partition)' };
}
