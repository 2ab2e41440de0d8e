import { columnTypeSql } from '../dialect/mysql/sql.js';
import { isTextual } from '../dialect/mysql/types.js';
import { identifierWords } from '../dialect/mysql/expr-columns.js';
import type { Change } from '../diff/changes.js';
import { sameData } from '../diff/diff.js';
import type { Column, Index } from '../ir/types.js';
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
  | 'R_PRIMARY_KEY' | 'R_ADD_UNIQUE' | 'R_ADD_CHECK' | 'R_CONVERT_TABLE' | 'R_DEFAULT_CHARSET' | 'R_VIEW_INVALID' | 'R_TRIGGER_INVALID';

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

export function dropTableRisks(c: Of<'dropTable'>): Risk[] {
  const t = c.table.name;
  return [{ level: 'destructive', code: 'R_DROP_TABLE', table: t,
    message: `drops table ${t} and all its rows (the down script recreates it empty)`,
    hint: 'if the table was renamed, declare .renamedFrom(\'' + t + '\') on the new table' }];
}

export function dropColumnRisks(c: Of<'dropColumn'>): Risk[] {
  return [{ level: 'destructive', code: 'R_DROP_COLUMN', table: c.table,
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
  return { level: 'destructive', code: 'R_NARROW_TYPE', table,
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
    risks.push({ level: 'destructive', code: 'R_NARROW_CHARSET', table,
      message: `converts ${table}.${to.name} to ${to.charset}: characters it lacks are lost or rejected` });
  }
  if (from.nullable && !to.nullable) {
    risks.push({ level: 'warning', code: 'R_SET_NOT_NULL', table,
      message: `makes ${table}.${to.name} NOT NULL: the ALTER fails if existing rows hold NULL`,
      hint: `declare .backfill(value) on ${table}.${to.name} to fill them first` });
  }
  if (!from.generated && to.generated) {
    risks.push({ level: 'destructive', code: 'R_TO_GENERATED', table,
      message: `turns ${table}.${to.name} into a generated column: its stored values are replaced by the expression` });
  }
  return risks;
}

export function primaryKeyRisks(c: Of<'setPrimaryKey'>): Risk[] {
  return c.to ? [{ level: 'warning', code: 'R_PRIMARY_KEY', table: c.table,
    message: `the new primary key of ${c.table} fails if existing rows have duplicate or NULL values in ${c.to.columns.join(', ')}` }] : [];
}

export function uniqueRisks(table: string, index: Index): Risk[] {
  return index.unique ? [{ level: 'warning', code: 'R_ADD_UNIQUE', table,
    message: `unique key ${index.name} fails if existing rows of ${table} have duplicates in ${index.parts.map((p) => p.column).join(', ')}` }] : [];
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
