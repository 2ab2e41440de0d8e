import type { Change } from '../diff/changes.js';
import {
  alterTable, checkClause, columnHasUserSql, columnSql, createTableSql, foreignKeyClause, ident, identList,
  indexPartsSql, tableOptionsSql, valueSql,
} from '../dialect/mysql/sql.js';
import { compareNames } from '../ir/normalize.js';
import { assertNever } from '../ir/types.js';
import type { Column, DefaultValue, ForeignKey, Index, Table, TableOptions } from '../ir/types.js';
import type { Plan, Risk, Statement, Step } from './types.js';
import { isWidening } from './widening.js';

/**
 * Statement order in the up script. Foreign keys go first and come back last, so every
 * column, index and table they depend on can change in between; indexes are added before
 * the ones they replace are dropped, so a foreign key always keeps a usable index.
 */
export const PHASE = {
  dropForeignKey: 1, dropCheck: 2, renameTable: 3, renameColumn: 4, renameIndex: 5, createTable: 6,
  addColumn: 7, modifyColumn: 8, setPrimaryKey: 9, addIndex: 10, dropIndex: 11, dropColumn: 12,
  dropTable: 13, addCheck: 14, addForeignKey: 15, alterOptions: 16,
} as const;

const stmt = (sql: string, format = false): Statement => ({ sql, format });

/** Turns changes into ordered steps, each with its up statements and their reverse. */
export function planChanges(changes: readonly Change[]): Plan {
  const steps: Step[] = [];
  const created = changes.filter((c): c is Extract<Change, { kind: 'createTable' }> => c.kind === 'createTable').map((c) => c.table);
  const { order, deferred } = orderCreatedTables(created);
  const createRank = new Map(order.map((name, i) => [name, i]));

  for (const change of changes) {
    switch (change.kind) {
      case 'createTable': {
        const t = change.table;
        const inline = t.foreignKeys.filter((fk) => !deferred.has(fk));
        steps.push({
          phase: PHASE.createTable, table: t.name, summary: `create table ${t.name}`,
          up: [stmt(createTableSql(t, inline), tableHasUserSql(t))],
          down: [stmt(`DROP TABLE ${ident(t.name)}`)],
          risks: [],
        });
        for (const fk of t.foreignKeys.filter((f) => deferred.has(f))) steps.push(addForeignKeyStep(t.name, fk));
        break;
      }
      case 'dropTable': {
        const t = change.table;
        steps.push({
          phase: PHASE.dropTable, table: t.name, summary: `drop table ${t.name}`,
          up: [stmt(`DROP TABLE ${ident(t.name)}`)],
          down: [stmt(createTableSql(t, []), tableHasUserSql(t))],
          risks: [{ level: 'destructive', code: 'R_DROP_TABLE', table: t.name,
            message: `drops table ${t.name} and all its rows (the down script recreates it empty)`,
            hint: 'if the table was renamed, declare .renamedFrom(\'' + t.name + '\') on the new table' }],
        });
        break;
      }
      case 'renameTable':
        steps.push({
          phase: PHASE.renameTable, table: change.to, summary: `rename table ${change.from} to ${change.to}`,
          up: [stmt(`RENAME TABLE ${ident(change.from)} TO ${ident(change.to)}`)],
          down: [stmt(`RENAME TABLE ${ident(change.to)} TO ${ident(change.from)}`)],
          risks: [],
        });
        break;
      case 'addColumn':
        steps.push(addColumnStep(change.table, change.column, change.after, change.backfill));
        break;
      case 'dropColumn': {
        const c = change.column;
        steps.push({
          phase: PHASE.dropColumn, table: change.table, summary: `drop column ${change.table}.${c.name}`,
          up: [stmt(alterTable(change.table, [`DROP COLUMN ${ident(c.name)}`]))],
          down: [stmt(alterTable(change.table, [`ADD COLUMN ${columnSql(c)} ${position(change.after)}`]), columnHasUserSql(c))],
          risks: [{ level: 'destructive', code: 'R_DROP_COLUMN', table: change.table,
            message: `drops column ${change.table}.${c.name} and its values (the down script re-adds it empty)`,
            hint: `if the column was renamed, declare .renamedFrom('${c.name}') on the new column` }],
        });
        break;
      }
      case 'renameColumn':
        steps.push({
          phase: PHASE.renameColumn, table: change.table, summary: `rename column ${change.table}.${change.from} to ${change.to}`,
          up: [stmt(alterTable(change.table, [`RENAME COLUMN ${ident(change.from)} TO ${ident(change.to)}`]))],
          down: [stmt(alterTable(change.table, [`RENAME COLUMN ${ident(change.to)} TO ${ident(change.from)}`]))],
          risks: [],
        });
        break;
      case 'modifyColumn':
        steps.push(modifyColumnStep(change.table, change.from, change.to, change.backfill));
        break;
      case 'addIndex':
        steps.push({
          phase: PHASE.addIndex, table: change.table, summary: `add ${indexKind(change.index)} ${change.index.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [addIndexClause(change.index)]))],
          down: [stmt(alterTable(change.table, [`DROP INDEX ${ident(change.index.name)}`]))],
          risks: change.index.unique ? [uniqueRisk(change.table, change.index)] : [],
        });
        break;
      case 'dropIndex':
        steps.push({
          phase: PHASE.dropIndex, table: change.table, summary: `drop ${indexKind(change.index)} ${change.index.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`DROP INDEX ${ident(change.index.name)}`]))],
          down: [stmt(alterTable(change.table, [addIndexClause(change.index)]))],
          risks: [],
        });
        break;
      case 'replaceIndex':
        steps.push({
          phase: PHASE.addIndex, table: change.table, summary: `change ${indexKind(change.to)} ${change.to.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`DROP INDEX ${ident(change.from.name)}`, addIndexClause(change.to)]))],
          down: [stmt(alterTable(change.table, [`DROP INDEX ${ident(change.to.name)}`, addIndexClause(change.from)]))],
          risks: change.to.unique ? [uniqueRisk(change.table, change.to)] : [],
        });
        break;
      case 'renameIndex':
        steps.push({
          phase: PHASE.renameIndex, table: change.table,
          summary: `rename ${indexKind(change.to)} ${change.from.name} to ${change.to.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`RENAME INDEX ${ident(change.from.name)} TO ${ident(change.to.name)}`]))],
          down: [stmt(alterTable(change.table, [`RENAME INDEX ${ident(change.to.name)} TO ${ident(change.from.name)}`]))],
          risks: [],
        });
        break;
      case 'addForeignKey':
        steps.push(addForeignKeyStep(change.table, change.foreignKey));
        break;
      case 'dropForeignKey':
        steps.push({
          phase: PHASE.dropForeignKey, table: change.table, summary: `drop foreign key ${change.foreignKey.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`DROP FOREIGN KEY ${ident(change.foreignKey.name)}`]))],
          down: [stmt(alterTable(change.table, [`ADD ${foreignKeyClause(change.foreignKey)}`]))],
          risks: [],
        });
        break;
      case 'addCheck':
        steps.push({
          phase: PHASE.addCheck, table: change.table, summary: `add check ${change.check.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`ADD ${checkClause(change.check)}`]), true)],
          down: [stmt(alterTable(change.table, [`DROP CONSTRAINT ${ident(change.check.name)}`]))],
          risks: [{ level: 'warning', code: 'R_ADD_CHECK', table: change.table,
            message: `check ${change.check.name} fails if existing rows of ${change.table} violate it` }],
        });
        break;
      case 'dropCheck':
        steps.push({
          phase: PHASE.dropCheck, table: change.table, summary: `drop check ${change.check.name} on ${change.table}`,
          up: [stmt(alterTable(change.table, [`DROP CONSTRAINT ${ident(change.check.name)}`]))],
          down: [stmt(alterTable(change.table, [`ADD ${checkClause(change.check)}`]), true)],
          risks: [],
        });
        break;
      case 'setPrimaryKey': {
        const { from, to } = change;
        const clauses = (a: typeof from, b: typeof to) => [
          ...(a ? ['DROP PRIMARY KEY'] : []),
          ...(b ? [`ADD PRIMARY KEY ${identList(b.columns)}`] : []),
        ];
        steps.push({
          phase: PHASE.setPrimaryKey, table: change.table, summary: `change primary key of ${change.table}`,
          up: [stmt(alterTable(change.table, clauses(from, to)))],
          down: [stmt(alterTable(change.table, clauses(to, from)))],
          risks: to ? [{ level: 'warning', code: 'R_PRIMARY_KEY', table: change.table,
            message: `the new primary key of ${change.table} fails if existing rows have duplicate or NULL values in ${to.columns.join(', ')}` }] : [],
        });
        break;
      }
      case 'alterOptions':
        steps.push(...alterOptionsSteps(change.table, change.from, change.to, change.columns));
        break;
      default:
        assertNever(change, 'change');
    }
  }
  const rankOf = (s: Step) => (s.phase === PHASE.createTable ? createRank.get(s.table) ?? 0 : 0);
  const indexed = steps.map((s, i) => ({ s, i }));
  indexed.sort((a, b) => a.s.phase - b.s.phase || rankOf(a.s) - rankOf(b.s)
    || (a.s.phase === PHASE.createTable ? 0 : compareNames(a.s.table, b.s.table)) || a.i - b.i);
  return { steps: indexed.map((x) => x.s), title: steps[0]?.summary ?? '' };
}

/**
 * Table options. ENGINE and COMMENT are one ALTER; a new default character set or collation
 * converts the table (`CONVERT TO`), as a table created with it would have, then restores
 * the columns that declare their own character set or collation, and JSON columns
 * (LONGTEXT utf8mb4_bin on MariaDB). `DEFAULT` is the database's character set.
 */
function alterOptionsSteps(table: string, from: TableOptions, to: TableOptions, columns: readonly Column[]): Step[] {
  const steps: Step[] = [];
  const changed = <K extends keyof TableOptions>(k: K) => to[k] !== null && to[k] !== from[k];
  const forward: TableOptions = { engine: changed('engine') ? to.engine : null, charset: null, collate: null,
    comment: (to.comment ?? '') !== (from.comment ?? '') ? to.comment ?? '' : null };
  const back: TableOptions = { engine: forward.engine && from.engine, charset: null, collate: null,
    comment: forward.comment !== null ? from.comment ?? '' : null };
  if (tableOptionsSql(forward)) {
    steps.push({
      phase: PHASE.alterOptions, table, summary: `change options of ${table}`,
      up: [stmt(`ALTER TABLE ${ident(table)} ${tableOptionsSql(forward, ',\n')}`)],
      down: tableOptionsSql(back) ? [stmt(`ALTER TABLE ${ident(table)} ${tableOptionsSql(back, ',\n')}`)] : [],
      risks: [],
    });
  }
  if (changed('charset') || changed('collate')) {
    const convert = (o: TableOptions) => {
      const charset = o.charset ?? (o.collate ? o.collate.split('_')[0] : 'DEFAULT');
      return stmt(`ALTER TABLE ${ident(table)} CONVERT TO CHARACTER SET ${charset}${o.collate ? ` COLLATE ${o.collate}` : ''}`);
    };
    const keep = columns.filter((c) => c.type.kind === 'json' || c.charset !== null || c.collate !== null)
      .map((c) => stmt(alterTable(table, [`MODIFY COLUMN ${columnSql(c)}`]), columnHasUserSql(c)));
    steps.push({
      phase: PHASE.alterOptions, table, summary: `convert ${table} to ${to.collate ?? to.charset}`,
      up: [convert(to), ...keep],
      down: [convert(from), ...keep],
      risks: [{ level: 'warning', code: 'R_CONVERT_TABLE', table,
        message: `converts every text column of ${table} to ${to.collate ?? to.charset} (rebuilds the table; characters the new set lacks are lost)` }],
    });
  }
  return steps;
}

function position(after: string | null): string {
  return after === null ? 'FIRST' : `AFTER ${ident(after)}`;
}

function indexKind(index: Index): string {
  return index.unique ? 'unique key' : 'index';
}

function addIndexClause(index: Index): string {
  return `ADD ${index.unique ? 'UNIQUE INDEX' : 'INDEX'} ${ident(index.name)} ${indexPartsSql(index)}`;
}

function uniqueRisk(table: string, index: Index): Risk {
  return { level: 'warning', code: 'R_ADD_UNIQUE', table,
    message: `unique key ${index.name} fails if existing rows of ${table} have duplicates in ${index.parts.map((p) => p.column).join(', ')}` };
}

function tableHasUserSql(t: Table): boolean {
  return t.checks.length > 0 || t.columns.some(columnHasUserSql);
}

function addForeignKeyStep(table: string, fk: ForeignKey): Step {
  return {
    phase: PHASE.addForeignKey, table, summary: `add foreign key ${fk.name} on ${table}`,
    up: [stmt(alterTable(table, [`ADD ${foreignKeyClause(fk)}`]))],
    down: [stmt(alterTable(table, [`DROP FOREIGN KEY ${ident(fk.name)}`]))],
    risks: [],
  };
}

function updateSql(table: string, column: string, value: DefaultValue): Statement {
  const sql = `UPDATE ${ident(table)}\nSET\n  ${ident(column)} = ${valueSql(value)}\nWHERE\n  ${ident(column)} IS NULL`;
  return stmt(sql, value.kind === 'expr');
}

function addColumnStep(table: string, col: Column, after: string | null, backfill: DefaultValue | undefined): Step {
  const add = (c: Column, override: { nullable?: boolean; withoutDefault?: boolean } = {}) =>
    stmt(alterTable(table, [`ADD COLUMN ${columnSql(c, override)} ${position(after)}`]),
      columnHasUserSql(c) && !override.withoutDefault);
  const down = [stmt(alterTable(table, [`DROP COLUMN ${ident(col.name)}`]))];
  const summary = `add column ${table}.${col.name}`;
  if (backfill && !col.generated) {
    // Added nullable and without its default (which ADD COLUMN would copy into every row),
    // filled, then given its real definition.
    const up = [add(col, { nullable: true, withoutDefault: true }), updateSql(table, col.name, backfill)];
    if (!col.nullable || col.default) up.push(stmt(alterTable(table, [`MODIFY COLUMN ${columnSql(col)}`]), columnHasUserSql(col)));
    return { phase: PHASE.addColumn, table, summary: summary + ' (backfilled)', up, down, risks: [] };
  }
  const risks: Risk[] = [];
  if (!col.nullable && !col.default && !col.autoIncrement && !col.generated) {
    risks.push({ level: 'blocked', code: 'R_NOT_NULL_NO_FILL', table,
      message: `adds NOT NULL column ${table}.${col.name} with no default and no backfill: existing rows would get an implicit value or the ALTER fails under strict sql_mode`,
      hint: `declare .backfill(value) (fills existing rows, then sets NOT NULL) or .default(value) on ${table}.${col.name}` });
  }
  return { phase: PHASE.addColumn, table, summary, up: [add(col)], down, risks };
}

function modifyColumnStep(table: string, from: Column, to: Column, backfill: DefaultValue | undefined): Step {
  const modify = (c: Column) => stmt(alterTable(table, [`MODIFY COLUMN ${columnSql(c)}`]), columnHasUserSql(c));
  const risks: Risk[] = [];
  if (!isWidening(from.type, to.type)) {
    risks.push({ level: 'destructive', code: 'R_NARROW_TYPE', table,
      message: `changes ${table}.${to.name} from ${describeType(from)} to ${describeType(to)}, which can truncate or reject existing values` });
  }
  const up: Statement[] = [];
  if (backfill) up.push(updateSql(table, to.name, backfill));
  else if (from.nullable && !to.nullable) {
    risks.push({ level: 'warning', code: 'R_SET_NOT_NULL', table,
      message: `makes ${table}.${to.name} NOT NULL: the ALTER fails if existing rows hold NULL`,
      hint: `declare .backfill(value) on ${table}.${to.name} to fill them first` });
  }
  up.push(modify(to));
  return {
    phase: PHASE.modifyColumn, table, summary: `modify column ${table}.${to.name}` + (backfill ? ' (backfilled)' : ''),
    up, down: [modify(from)], risks,
  };
}

function describeType(c: Column): string {
  return columnSql(c).slice(ident(c.name).length + 1).split(' NULL')[0].replace(/ NOT$/, '');
}

/**
 * Creation order for new tables: a table comes after the new tables it references.
 * Foreign keys that close a cycle are `deferred`: added by ALTER TABLE after all tables exist.
 */
export function orderCreatedTables(tables: readonly Table[]): { order: string[]; deferred: Set<ForeignKey> } {
  const names = new Set(tables.map((t) => t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const deferred = new Set<ForeignKey>();
  const order: string[] = [];
  const done = new Set<string>();
  const pending = [...names].sort(compareNames);
  const deps = (t: Table) => t.foreignKeys.filter((fk) => fk.refTable !== t.name && names.has(fk.refTable) && !deferred.has(fk));
  while (pending.length) {
    const i = pending.findIndex((n) => deps(byName.get(n)!).every((fk) => done.has(fk.refTable)));
    const pick = i >= 0 ? i : 0; // a cycle: create the first by name and add its foreign keys later
    const name = pending.splice(pick, 1)[0];
    if (i < 0) for (const fk of deps(byName.get(name)!)) if (!done.has(fk.refTable)) deferred.add(fk);
    order.push(name);
    done.add(name);
  }
  return { order, deferred };
}
