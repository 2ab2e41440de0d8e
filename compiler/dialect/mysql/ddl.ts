import { assertNever } from '../../ir/types.js';
import type {
  Check, Column, DefaultValue, ForeignKey, Index, PartitionDefinition, Partitioning, PrimaryKey, Table, TableOptions,
  Routine, SchemaEvent, Trigger, View,
} from '../../ir/types.js';
import { partitionClauseSql, partitionDefinitionSql, partitioningHasUserSql } from './partition.js';
import {
  addIndexClause, alterTable, baseOptionsSql, checkClause, primaryKeyClause, columnHasUserSql, columnSql, columnSql as printColumn, createTableSql,
  foreignKeyClause, hiddenKeyword, ident, literal, valueSql, visibleKeyword, word,
} from './sql.js';
import { optionSettingsSql, type OptionSettingKey } from './table-options.js';
import { hiddenIndexKeyword, type ServerProfile, setStatementFor } from './server.js';
import { SqlScanner } from './lexer.js';

/**
 * The DDL the compiler writes, as data: the planner builds statements of these types, the down of
 * a step is `invertDdl` of its up (last statement first), and `printDdl` is the one place that
 * turns them into MySQL text. Every switch here ends in assertNever, so a new clause cannot be
 * planned without being printed and inverted.
 */

/** One SQL statement of a migration. `format` asks the emitter to lay it out with sql-formatter. */
export interface Statement {
  readonly sql: string;
  /** True when the statement embeds SQL written by the user (expressions), which only sql-formatter can lay out. */
  readonly format: boolean;
  /** A line comment written above the statement (the step it belongs to). */
  readonly comment?: string;
  /** A second comment line: what the statement costs the server (see cost.ts). */
  readonly note?: string;
  /**
   * The delimiter the statement is written with, between `DELIMITER` lines, when it holds `;`
   * itself (a trigger's or stored program's BEGIN ... END): so the mysql client, and the runtime,
   * which reads files as the client does, send it whole.
   */
  readonly delimiter?: string;
  /** Written as it is, never laid out (a stored program's body is the user's text, kept as written). */
  readonly verbatim?: boolean;
}

/** One clause of an ALTER TABLE. Columns are carried whole so that the inverse can be written. */
export type Clause =
  | { readonly kind: 'addColumn'; readonly column: Column; readonly after: string | null }
  | { readonly kind: 'dropColumn'; readonly column: Column; readonly after: string | null }
  /** A column's new definition, in place. */
  | { readonly kind: 'modifyColumn'; readonly from: Column; readonly to: Column }
  /** A column (perhaps with a new definition) placed after another: `MODIFY COLUMN ... AFTER`. */
  | { readonly kind: 'moveColumn'; readonly from: Column; readonly to: Column; readonly after: string | null; readonly fromAfter: string | null }
  /** Dropped and added again (a generated column changing storage, which the server cannot do in place: MariaDB 1907). */
  | { readonly kind: 'rebuildColumn'; readonly from: Column; readonly to: Column; readonly after: string | null; readonly fromAfter: string | null }
  | { readonly kind: 'renameColumn'; readonly from: string; readonly to: string }
  | { readonly kind: 'addIndex'; readonly index: Index }
  | { readonly kind: 'dropIndex'; readonly index: Index }
  /** Dropped and added again under the same name with a new definition. */
  | { readonly kind: 'replaceIndex'; readonly from: Index; readonly to: Index }
  | { readonly kind: 'renameIndex'; readonly from: string; readonly to: string }
  /**
   * `RENAME INDEX x TO x`, written only in a statement that adds a key: it makes an index the
   * server made for a foreign key the table's own, so the new key neither renames nor drops it
   * (MySQL and MariaDB clear the generated flag of a renamed index; tested on MariaDB 10.11; see
   * `Pinned` in diff/changes.ts). Metadata only, and a no-op on an index declared by hand.
   */
  | { readonly kind: 'keepIndex'; readonly name: string }
  | { readonly kind: 'setPrimaryKey'; readonly from: PrimaryKey | null; readonly to: PrimaryKey | null }
  | { readonly kind: 'addForeignKey'; readonly foreignKey: ForeignKey }
  | { readonly kind: 'dropForeignKey'; readonly foreignKey: ForeignKey }
  | { readonly kind: 'addCheck'; readonly check: Check }
  | { readonly kind: 'dropCheck'; readonly check: Check };

export type ClauseKind = Clause['kind'];

/** A statement of a migration. */
export type Ddl =
  | { readonly kind: 'createTable'; readonly table: Table; readonly foreignKeys: readonly ForeignKey[] }
  /** `table` is what the inverse creates again (without the foreign keys other steps drop). */
  | { readonly kind: 'dropTable'; readonly table: Table }
  | { readonly kind: 'renameTable'; readonly from: string; readonly to: string }
  | {
    readonly kind: 'alterTable'; readonly table: string; readonly clauses: readonly Clause[];
    /** The column order of the table the statement builds and of the one it starts from, when columns move. */
    readonly order?: { readonly to: readonly string[]; readonly from: readonly string[] };
  }
  /**
   * ENGINE and COMMENT: the options that are set in `to` (the inverse sets `from`'s); and the
   * storage options named in `settings`, each set to `to`'s value or reset where `to` has none.
   */
  | {
    readonly kind: 'tableOptions'; readonly table: string; readonly from: TableOptions; readonly to: TableOptions;
    readonly settings?: readonly OptionSettingKey[];
  }
  /**
   * A new default character set or collation, with a MODIFY of every column that inherits it (a
   * MODIFY without CHARACTER SET takes the table's new default). Unset is `DEFAULT CHARSET = DEFAULT`,
   * the database's character set.
   */
  | { readonly kind: 'convertCharset'; readonly table: string; readonly from: TableOptions; readonly to: TableOptions; readonly columns: readonly Column[] }
  /**
   * The table's partitioning replaced as a whole: `PARTITION BY ...` (the server copies the rows
   * into the new partitions), or `REMOVE PARTITIONING` when `to` is null.
   */
  | { readonly kind: 'partitionBy'; readonly table: string; readonly from: Partitioning | null; readonly to: Partitioning | null }
  /**
   * `ADD PARTITION (...)`: new partitions after the last (RANGE) or beside the others (LIST).
   * `partitioning` is the table's, for the spelling of the definitions.
   */
  | { readonly kind: 'addPartitions'; readonly table: string; readonly partitioning: Partitioning; readonly partitions: readonly PartitionDefinition[] }
  /**
   * `DROP PARTITION a, b`, the rows in them with them. `next` is the partition after them in the
   * old order (null when they were the last): its inverse reorganizes `next` into them and
   * itself again, which gives the rows' old ranges back (ADD PARTITION only appends).
   */
  | {
    readonly kind: 'dropPartitions'; readonly table: string; readonly partitioning: Partitioning; readonly partitions: readonly PartitionDefinition[];
    readonly next: PartitionDefinition | null;
  }
  /** `REORGANIZE PARTITION a, b INTO (...)`: the rows move into the new partitions (the server refuses a row that fits none). */
  | {
    readonly kind: 'reorganizePartitions'; readonly table: string; readonly partitioning: Partitioning;
    readonly from: readonly PartitionDefinition[]; readonly to: readonly PartitionDefinition[];
  }
  /**
   * The UPDATE that fills a column where it is NULL. `keep` are ON UPDATE CURRENT_TIMESTAMP
   * columns: set to themselves, they keep their values instead of taking the time of the
   * migration. Data only: its inverse is nothing (the down drops or narrows the column).
   */
  | { readonly kind: 'backfill'; readonly table: string; readonly column: string; readonly value: DefaultValue; readonly keep: readonly string[] }
  /**
   * Not DDL: a SELECT of the rows a down cannot keep (see plan/lossy.ts), with CHECK_COLUMN first.
   * It guards a down and has no inverse.
   */
  | {
    readonly kind: 'refuseRows'; readonly table: string; readonly label: string; readonly columns: readonly string[];
    readonly where: string; readonly limit: number; readonly alias: string;
  }
  /** CREATE VIEW (no DEFINER: the view belongs to whoever runs the migration). */
  | { readonly kind: 'createView'; readonly view: View }
  | { readonly kind: 'dropView'; readonly view: View }
  /** CREATE OR REPLACE VIEW: `to` in place of `from`. */
  | { readonly kind: 'replaceView'; readonly from: View; readonly to: View }
  /** CREATE TRIGGER (no DEFINER), under its sql_mode where the server can say it in the statement. */
  | { readonly kind: 'createTrigger'; readonly trigger: Trigger }
  | { readonly kind: 'dropTrigger'; readonly trigger: Trigger }
  /** CREATE PROCEDURE / FUNCTION (no DEFINER), under its sql_mode as a trigger. */
  | { readonly kind: 'createRoutine'; readonly routine: Routine }
  | { readonly kind: 'dropRoutine'; readonly routine: Routine }
  /** CREATE EVENT (no DEFINER), under its sql_mode as a trigger. */
  | { readonly kind: 'createEvent'; readonly event: SchemaEvent }
  | { readonly kind: 'dropEvent'; readonly event: SchemaEvent };

export type DdlKind = Ddl['kind'];

function invertClause(c: Clause): Clause {
  switch (c.kind) {
    case 'addColumn': return { kind: 'dropColumn', column: c.column, after: c.after };
    case 'dropColumn': return { kind: 'addColumn', column: c.column, after: c.after };
    case 'modifyColumn': return { kind: 'modifyColumn', from: c.to, to: c.from };
    case 'moveColumn': case 'rebuildColumn': return { kind: c.kind, from: c.to, to: c.from, after: c.fromAfter, fromAfter: c.after };
    case 'renameColumn': case 'renameIndex': return { kind: c.kind, from: c.to, to: c.from };
    case 'addIndex': return { kind: 'dropIndex', index: c.index };
    case 'dropIndex': return { kind: 'addIndex', index: c.index };
    case 'replaceIndex': return { kind: 'replaceIndex', from: c.to, to: c.from };
    case 'keepIndex': return c;
    case 'setPrimaryKey': return { kind: 'setPrimaryKey', from: c.to, to: c.from };
    case 'addForeignKey': return { kind: 'dropForeignKey', foreignKey: c.foreignKey };
    case 'dropForeignKey': return { kind: 'addForeignKey', foreignKey: c.foreignKey };
    case 'addCheck': return { kind: 'dropCheck', check: c.check };
    case 'dropCheck': return { kind: 'addCheck', check: c.check };
    default: return assertNever(c, 'clause');
  }
}

/** The statements that undo `ddl`: none for data statements and guards. */
export function invertDdl(ddl: Ddl): Ddl[] {
  switch (ddl.kind) {
    case 'createTable': return [{ kind: 'dropTable', table: { ...ddl.table, foreignKeys: [] } }];
    case 'dropTable': return [{ kind: 'createTable', table: ddl.table, foreignKeys: ddl.table.foreignKeys }];
    case 'renameTable': return [{ kind: 'renameTable', from: ddl.to, to: ddl.from }];
    case 'alterTable':
      return [{ kind: 'alterTable', table: ddl.table, clauses: ddl.clauses.map(invertClause),
        ...(ddl.order ? { order: { to: ddl.order.from, from: ddl.order.to } } : {}) }];
    case 'tableOptions': case 'convertCharset': return [{ ...ddl, from: ddl.to, to: ddl.from }];
    case 'partitionBy': return [{ ...ddl, from: ddl.to, to: ddl.from }];
    case 'reorganizePartitions': return [{ ...ddl, from: ddl.to, to: ddl.from }];
    case 'addPartitions': return [{ kind: 'dropPartitions', table: ddl.table, partitioning: ddl.partitioning, partitions: ddl.partitions, next: null }];
    case 'dropPartitions':
      return [ddl.next
        ? { kind: 'reorganizePartitions', table: ddl.table, partitioning: ddl.partitioning, from: [ddl.next], to: [...ddl.partitions, ddl.next] }
        : { kind: 'addPartitions', table: ddl.table, partitioning: ddl.partitioning, partitions: ddl.partitions }];
    case 'backfill': case 'refuseRows': return [];
    case 'createView': return [{ kind: 'dropView', view: ddl.view }];
    case 'dropView': return [{ kind: 'createView', view: ddl.view }];
    case 'replaceView': return [{ kind: 'replaceView', from: ddl.to, to: ddl.from }];
    case 'createTrigger': return [{ kind: 'dropTrigger', trigger: ddl.trigger }];
    case 'dropTrigger': return [{ kind: 'createTrigger', trigger: ddl.trigger }];
    case 'createRoutine': return [{ kind: 'dropRoutine', routine: ddl.routine }];
    case 'dropRoutine': return [{ kind: 'createRoutine', routine: ddl.routine }];
    case 'createEvent': return [{ kind: 'dropEvent', event: ddl.event }];
    case 'dropEvent': return [{ kind: 'createEvent', event: ddl.event }];
    default: return assertNever(ddl, 'statement');
  }
}

/** The down of a list of statements: each one's inverse, last statement first. */
export function invertAll(ddl: readonly Ddl[]): Ddl[] {
  return [...ddl].reverse().flatMap(invertDdl);
}

/** Whether a clause embeds SQL written by the user. */
function clauseHasUserSql(c: Clause): boolean {
  switch (c.kind) {
    case 'addColumn': return columnHasUserSql(c.column);
    case 'modifyColumn': case 'moveColumn': case 'rebuildColumn': return columnHasUserSql(c.to);
    case 'addCheck': return true;
    case 'addIndex': return indexHasUserSql(c.index);
    case 'replaceIndex': return indexHasUserSql(c.to);
    case 'dropColumn': case 'renameColumn': case 'dropIndex': case 'renameIndex':
    case 'keepIndex': case 'setPrimaryKey': case 'addForeignKey': case 'dropForeignKey': case 'dropCheck':
      return false;
    default: return assertNever(c, 'clause');
  }
}

function tableHasUserSql(t: Table): boolean {
  return t.checks.length > 0 || t.columns.some(columnHasUserSql) || t.indexes.some(indexHasUserSql)
    || (t.partitioning !== undefined && partitioningHasUserSql(t.partitioning));
}

/** An index with a functional key part embeds an expression written by the user. */
function indexHasUserSql(index: Index): boolean {
  return index.parts.some((p) => p.expr !== undefined);
}

/** Whether a statement embeds SQL written by the user (so sql-formatter must lay it out). */
export function ddlHasUserSql(ddl: Ddl): boolean {
  switch (ddl.kind) {
    case 'createTable': return tableHasUserSql(ddl.table);
    case 'dropTable': case 'renameTable': case 'tableOptions': return false;
    case 'alterTable': return ddl.clauses.some(clauseHasUserSql);
    case 'convertCharset': case 'refuseRows': return true;
    case 'partitionBy': return true;
    case 'addPartitions': case 'dropPartitions': case 'reorganizePartitions': return true;
    case 'backfill': return ddl.value.kind === 'expr';
    case 'createView': case 'replaceView': return true;
    case 'dropView': case 'createTrigger': case 'dropTrigger': case 'createRoutine': case 'dropRoutine': case 'createEvent': case 'dropEvent': return false;
    default: return assertNever(ddl, 'statement');
  }
}

/** The statement as MySQL text. */
export function printDdl(ddl: Ddl, server?: ServerProfile): Statement {
  const sql = ddlSql(ddl, server);
  const program = ddl.kind === 'createTrigger' || ddl.kind === 'createRoutine' || ddl.kind === 'createEvent';
  const delimiter = program ? delimiterFor(sql) : null;
  return { sql, format: ddlHasUserSql(ddl), ...(delimiter ? { delimiter } : {}), ...(program ? { verbatim: true } : {}) };
}

/**
 * The delimiter a compound statement is written with: none when it holds no `;` of its own (read
 * with the lexer: a `;` in a string or comment does not count), else the first of `;;` (what
 * mysqldump writes), `$$`, `//` that it does not spell anywhere.
 */
export function delimiterFor(sql: string): string | null {
  const scan = new SqlScanner(sql);
  let semicolon = false;
  while (scan.next()) if (scan.kind === 'op' && sql.charCodeAt(scan.start) === 59) semicolon = true;
  if (!semicolon) return null;
  return [';;', '$$', '//', '@@@'].find((d) => !sql.includes(d)) ?? '@@@@';
}

function ddlSql(ddl: Ddl, server?: ServerProfile): string {
  switch (ddl.kind) {
    case 'createTable': return createTableSql(ddl.table, ddl.foreignKeys, server);
    case 'dropTable': return `DROP TABLE ${ident(ddl.table.name)}`;
    case 'renameTable': return `RENAME TABLE ${ident(ddl.from)} TO ${ident(ddl.to)}`;
    case 'alterTable': return alterTable(ddl.table, alterClauses(ddl.clauses, ddl.order?.to ?? [], server));
    case 'tableOptions':
      return `ALTER TABLE ${ident(ddl.table)} ${[...baseOptionsSql(ddl.to), ...optionSettingsSql(ddl.to, ddl.settings ?? [])].join(',\n')}`;
    case 'convertCharset': {
      const o = ddl.to;
      const clauses = [o.charset || o.collate
        ? `DEFAULT CHARSET = ${word(o.charset ?? o.collate!.split('_')[0], 'character set')}${o.collate ? ` COLLATE = ${word(o.collate, 'collation')}` : ''}`
        : 'DEFAULT CHARSET = DEFAULT', ...ddl.columns.map((c) => `MODIFY COLUMN ${columnSql(c, {}, server)}`)];
      return `ALTER TABLE ${ident(ddl.table)} ${clauses.join(',\n')}`;
    }
    case 'partitionBy': return `ALTER TABLE ${ident(ddl.table)} ${ddl.to ? partitionClauseSql(ddl.to) : 'REMOVE PARTITIONING'}`;
    case 'addPartitions':
      return `ALTER TABLE ${ident(ddl.table)} ADD PARTITION (${ddl.partitions.map((d) => partitionDefinitionSql(d, ddl.partitioning)).join(', ')})`;
    case 'dropPartitions': return `ALTER TABLE ${ident(ddl.table)} DROP PARTITION ${ddl.partitions.map((d) => ident(d.name)).join(', ')}`;
    case 'reorganizePartitions':
      return `ALTER TABLE ${ident(ddl.table)} REORGANIZE PARTITION ${ddl.from.map((d) => ident(d.name)).join(', ')} INTO (`
        + `${ddl.to.map((d) => partitionDefinitionSql(d, ddl.partitioning)).join(', ')})`;
    case 'backfill': {
      const set = [`${ident(ddl.column)} = ${valueSql(ddl.value)}`, ...ddl.keep.map((k) => `${ident(k)} = ${ident(k)}`)];
      return `UPDATE ${ident(ddl.table)}\nSET\n  ${set.join(',\n  ')}\nWHERE\n  ${ident(ddl.column)} IS NULL`;
    }
    case 'refuseRows':
      return `SELECT ${literal(ddl.label)} AS ${ident(ddl.alias)}, ${ddl.columns.map(ident).join(', ')} FROM ${ident(ddl.table)}`
        + ` WHERE ${ddl.where} LIMIT ${ddl.limit}`;
    case 'createView': return viewSql(ddl.view, false);
    case 'replaceView': return viewSql(ddl.to, true);
    case 'dropView': return `DROP VIEW ${ident(ddl.view.name)}`;
    case 'createTrigger': {
      const t = ddl.trigger;
      const mode = t.sqlMode !== undefined && server && setStatementFor(server) ? `SET STATEMENT sql_mode = ${literal(t.sqlMode)} FOR ` : '';
      return `${mode}CREATE TRIGGER ${ident(t.name)} ${t.timing} ${t.event} ON ${ident(t.table)} FOR EACH ROW\n${t.body}`;
    }
    case 'dropTrigger': return `DROP TRIGGER ${ident(ddl.trigger.name)}`;
    case 'createRoutine': {
      const r = ddl.routine;
      const mode = r.sqlMode !== undefined && server && setStatementFor(server) ? `SET STATEMENT sql_mode = ${literal(r.sqlMode)} FOR ` : '';
      const lines = [`${mode}CREATE ${r.type} ${ident(r.name)}(${r.params})`,
        ...(r.returns !== null ? [`RETURNS ${r.returns}`] : []),
        ...(r.deterministic ? ['DETERMINISTIC'] : []),
        ...(r.dataAccess !== 'CONTAINS SQL' ? [r.dataAccess] : []),
        ...(r.security !== 'DEFINER' ? [`SQL SECURITY ${r.security}`] : []),
        ...(r.comment !== '' ? [`COMMENT ${literal(r.comment)}`] : []),
        r.body];
      return lines.join('\n');
    }
    case 'dropRoutine': return `DROP ${ddl.routine.type} ${ident(ddl.routine.name)}`;
    case 'createEvent': {
      const e = ddl.event;
      const mode = e.sqlMode !== undefined && server && setStatementFor(server) ? `SET STATEMENT sql_mode = ${literal(e.sqlMode)} FOR ` : '';
      return [`${mode}CREATE EVENT ${ident(e.name)}`, `ON SCHEDULE ${e.schedule}`,
        ...(e.preserve ? ['ON COMPLETION PRESERVE'] : []), ...(e.status !== 'ENABLE' ? [e.status] : []),
        ...(e.comment !== '' ? [`COMMENT ${literal(e.comment)}`] : []), `DO ${e.body}`].join('\n');
    }
    case 'dropEvent': return `DROP EVENT ${ident(ddl.event.name)}`;
    default: return assertNever(ddl, 'statement');
  }
}

/**
 * CREATE [OR REPLACE] VIEW with the options that are not the server's defaults (ALGORITHM=UNDEFINED,
 * SQL SECURITY DEFINER, no CHECK OPTION), as the manual orders them:
 * https://dev.mysql.com/doc/refman/8.0/en/create-view.html, https://mariadb.com/kb/en/create-view/.
 */
export function viewSql(v: View, replace: boolean, schema: string | null = null): string {
  const head = [replace ? 'CREATE OR REPLACE' : 'CREATE',
    ...(v.algorithm !== 'UNDEFINED' ? [`ALGORITHM = ${v.algorithm}`] : []),
    ...(v.security !== 'DEFINER' ? [`SQL SECURITY ${v.security}`] : []),
    'VIEW', (schema === null ? '' : `${ident(schema)}.`) + ident(v.name), 'AS'].join(' ');
  const check = v.checkOption === 'NONE' ? '' : `\nWITH ${v.checkOption} CHECK OPTION`;
  return `${head}\n${v.select}${check}`;
}

function position(after: string | null): string {
  return after === null ? 'FIRST' : `AFTER ${ident(after)}`;
}

/**
 * Whether a replaced index only changes its visibility, which the server changes in place
 * (`ALTER INDEX x INVISIBLE` on MySQL 8, `ALTER INDEX x IGNORED` on MariaDB 10.6+; metadata only)
 * where it has the keyword; any other change drops and adds the index in one statement.
 */
function visibilityOnly(c: { readonly from: Index; readonly to: Index }, server: ServerProfile | undefined): boolean {
  if (!!c.from.hidden === !!c.to.hidden || c.from.name !== c.to.name) return false;
  if (server !== undefined && hiddenIndexKeyword(server) === null) return false;
  const { hidden: _a, pos: _p, autoNamed: _n, ...a } = c.from;
  const { hidden: _b, pos: _q, autoNamed: _m, ...b } = c.to;
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
}

/**
 * The clauses of one ALTER TABLE in the order the server needs them; the server applies the
 * statement as one change, so the order is the printer's, not the planner's (a down's clauses are
 * the up's inverted, put in this order again). Foreign keys first, with the indexes kept for them
 * (only when the statement adds a key); indexes dropped before the columns they cover (MySQL drops
 * an index with its last column); renames; generated columns being rebuilt dropped; columns added
 * or moved, in the order of the table being built (`order`), each after the column it follows;
 * columns modified; the primary key; indexes added after the columns they cover; checks; columns
 * dropped last. Within a kind, clauses keep the planner's order.
 */
function alterClauses(clauses: readonly Clause[], order: readonly string[], server?: ServerProfile): string[] {
  const columnSql = (c: Column) => printColumn(c, {}, server);
  const of = <K extends ClauseKind>(kind: K) => clauses.filter((c): c is Extract<Clause, { kind: K }> => c.kind === kind);
  const rebuilt = of('replaceIndex').filter((c) => !visibilityOnly(c, server));
  const shown = of('replaceIndex').filter((c) => visibilityOnly(c, server));
  const addsKey = clauses.some((c) => c.kind === 'addIndex' || c.kind === 'replaceIndex' || c.kind === 'addForeignKey'
    || (c.kind === 'setPrimaryKey' && c.to !== null));
  const rank = new Map(order.map((name, i) => [name, i]));
  const placed = placeInOrder([
    ...of('addColumn').map((a) => ({ name: a.column.name, after: a.after, clause: `ADD COLUMN ${columnSql(a.column)} ${position(a.after)}` })),
    ...of('rebuildColumn').map((r) => ({ name: r.to.name, after: r.after, clause: `ADD COLUMN ${columnSql(r.to)} ${position(r.after)}` })),
    ...of('moveColumn').map((m) => ({ name: m.to.name, after: m.after, clause: `MODIFY COLUMN ${columnSql(m.to)} ${position(m.after)}` })),
  ], rank);
  const pk = of('setPrimaryKey');
  const out = [
    ...of('addForeignKey').map((c) => `ADD ${foreignKeyClause(c.foreignKey)}`),
    ...of('dropForeignKey').map((c) => `DROP FOREIGN KEY ${ident(c.foreignKey.name)}`),
    ...(addsKey ? of('keepIndex').map((c) => `RENAME INDEX ${ident(c.name)} TO ${ident(c.name)}`) : []),
    ...of('dropIndex').map((c) => `DROP INDEX ${ident(c.index.name)}`),
    ...rebuilt.map((c) => `DROP INDEX ${ident(c.from.name)}`),
    ...shown.map((c) => `ALTER INDEX ${ident(c.to.name)} ${c.to.hidden ? hiddenKeyword(server) : visibleKeyword(server)}`),
    ...of('renameIndex').map((c) => `RENAME INDEX ${ident(c.from)} TO ${ident(c.to)}`),
    ...of('renameColumn').map((c) => `RENAME COLUMN ${ident(c.from)} TO ${ident(c.to)}`),
    ...of('rebuildColumn').map((r) => `DROP COLUMN ${ident(r.from.name)}`),
    ...placed.map((x) => x.clause),
    ...of('modifyColumn').map((m) => `MODIFY COLUMN ${columnSql(m.to)}`),
    ...pk.flatMap((p) => [...(p.from ? ['DROP PRIMARY KEY'] : []), ...(p.to ? [`ADD ${primaryKeyClause(p.to)}`] : [])]),
    ...rebuilt.map((c) => addIndexClause(c.to, server)),
    ...of('addIndex').map((c) => addIndexClause(c.index, server)),
    ...of('addCheck').map((c) => `ADD ${checkClause(c.check)}`),
    ...of('dropCheck').map((c) => `DROP CONSTRAINT ${ident(c.check.name)}`),
    ...of('dropColumn').map((d) => `DROP COLUMN ${ident(d.column.name)}`),
  ];
  return out;
}

/**
 * Clauses that place columns, each after the column it names: in table order where it is
 * known, and always after the clause that places the column it follows.
 */
function placeInOrder<T extends { name: string; after: string | null }>(items: T[], rank: ReadonlyMap<string, number>): T[] {
  const pending = items.map((x, i) => ({ x, rank: rank.get(x.name) ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  const out: T[] = [];
  while (pending.length) {
    const names = new Set(pending.map((p) => p.x.name));
    const k = pending.findIndex((p) => p.x.after === null || !names.has(p.x.after));
    out.push(pending.splice(k < 0 ? 0 : k, 1)[0].x);
  }
  return out;
}
