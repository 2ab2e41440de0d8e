import { assertNever } from '../../ir/types.js';
import type {
  Check, Column, DefaultValue, ForeignKey, Index, PrimaryKey, ReferentialAction, Table, TableOptions,
} from '../../ir/types.js';

/**
 * SQL text for MySQL 8 and MariaDB 10.11 objects. The layout is sql-formatter's (language
 * `mysql`, keywords preserved, two-space indent) so formatting a generated file changes nothing;
 * statements that embed user SQL are passed through sql-formatter by the emitter.
 */

export { codePoint, forbiddenNameChar, ident, literal, OPTION_WORD, quoted, sqlComment, unsafeNameError, word } from './quote.js';
import { ident, literal, word } from './quote.js';
import { typeSql } from './types.js';
import { configProfile, hiddenIndexKeyword, sridAttribute, type ServerProfile } from './server.js';

/** The server SQL is written for when none is given: the config's default dialect. */
const MYSQL: ServerProfile = configProfile('mysql');
import { storageOptionsSql } from './table-options.js';
import { partitionClauseSql } from './partition.js';
export { typeSql } from './types.js';

export function identList(names: readonly string[]): string {
  return '(' + names.map(ident).join(', ') + ')';
}

export function nowSql(fsp: number): string {
  return fsp ? `CURRENT_TIMESTAMP(${fsp})` : 'CURRENT_TIMESTAMP';
}

/** A default or backfill value as SQL. */
export function valueSql(value: DefaultValue): string {
  switch (value.kind) {
    case 'null': return 'NULL';
    case 'string': return literal(value.value);
    case 'number': return value.value;
    case 'now': return nowSql(value.fsp);
    case 'expr': return `(${value.sql})`;
    default: return assertNever(value, 'default');
  }
}

/** True when the SQL embeds an expression written by the user (so sql-formatter must lay it out). */
export function columnHasUserSql(col: Column): boolean {
  return col.default?.kind === 'expr' || col.generated !== null;
}

/**
 * A column's type with its attributes: `VARCHAR(10) CHARACTER SET latin1`, `POINT SRID 4326`
 * (the SRID's spelling is the server's).
 */
export function columnTypeSql(col: Column, server: ServerProfile = MYSQL): string {
  return [typeSql(col.type), ...(col.type.kind === 'geometry' && col.type.srid !== null ? [sridAttribute(server, col.type.srid)] : []),
    ...(col.compressed ? ['COMPRESSED'] : []),
    ...(col.charset ? [`CHARACTER SET ${word(col.charset, 'character set')}`] : []),
    ...(col.collate ? [`COLLATE ${word(col.collate, 'collation')}`] : [])].join(' ');
}

/** `` `name` TYPE ... `` as in CREATE TABLE, ADD COLUMN and MODIFY COLUMN. */
export function columnSql(col: Column, override: { nullable?: boolean; withoutDefault?: boolean } = {}, server: ServerProfile = MYSQL): string {
  const nullable = override.nullable ?? col.nullable;
  const parts = [ident(col.name), columnTypeSql(col, server)];
  if (col.generated) {
    parts.push(`GENERATED ALWAYS AS (${col.generated.expr}) ${col.generated.stored ? 'STORED' : 'VIRTUAL'}`);
    if (!nullable) parts.push('NOT NULL');
  } else {
    parts.push(nullable ? 'NULL' : 'NOT NULL');
  }
  if (col.invisible) parts.push('INVISIBLE');
  if (col.default && !override.withoutDefault) parts.push(`DEFAULT ${valueSql(col.default)}`);
  if (col.onUpdateNow) parts.push(`ON UPDATE ${nowSql(col.type.kind === 'datetime' || col.type.kind === 'timestamp' ? col.type.fsp : 0)}`);
  if (col.autoIncrement) parts.push('AUTO_INCREMENT');
  if (col.comment !== null) parts.push(`COMMENT ${literal(col.comment)}`);
  return parts.join(' ');
}

export function indexPartsSql(index: Index): string {
  // `\`c\` (10)`: a prefix length as sql-formatter lays it out (the server reads it either way).
  // A functional key part is its expression in parentheses.
  return '(' + index.parts.map((p) => (p.expr !== undefined ? `(${p.expr})` : ident(p.column) + (p.length ? ` (${p.length})` : ''))
    + (p.desc ? ' DESC' : '')).join(', ') + ')';
}

/** The profile a statement printed without one is written for: the config's default dialect. */
const PRINT_DEFAULT: ServerProfile = configProfile('mysql');

/** The keyword that hides an index on `server` (INVISIBLE / IGNORED); validation refuses a hidden index where there is none. */
export function hiddenKeyword(server: ServerProfile = PRINT_DEFAULT): 'INVISIBLE' | 'IGNORED' {
  const keyword = hiddenIndexKeyword(server);
  if (keyword === null) throw new Error('this server cannot hide an index (validation refuses it)');
  return keyword;
}

/** The keyword that makes an index visible again: VISIBLE / NOT IGNORED. */
export function visibleKeyword(server: ServerProfile = PRINT_DEFAULT): 'VISIBLE' | 'NOT IGNORED' {
  return hiddenKeyword(server) === 'INVISIBLE' ? 'VISIBLE' : 'NOT IGNORED';
}

/** `UNIQUE`, `FULLTEXT`, `SPATIAL` or nothing: the word before KEY / INDEX. */
function indexKindWord(index: Index): string {
  if (index.type !== undefined) {
    switch (index.type) {
      case 'fulltext': return 'FULLTEXT ';
      case 'spatial': return 'SPATIAL ';
      default: return assertNever(index.type, 'index type');
    }
  }
  return index.unique ? 'UNIQUE ' : '';
}

/**
 * The index options after the key parts, in SHOW CREATE TABLE's order: `USING`, `KEY_BLOCK_SIZE`,
 * `WITH PARSER`, `COMMENT`, and the keyword that hides it on `server`.
 */
export function indexOptionsSql(index: Index, server?: ServerProfile): string {
  const out: string[] = [];
  if (index.using) out.push(`USING ${index.using}`);
  if (index.keyBlockSize !== undefined) out.push(`KEY_BLOCK_SIZE = ${index.keyBlockSize}`);
  // In the versioned comment MySQL's SHOW CREATE TABLE prints: the server runs it, and
  // sql-formatter leaves it as it is (it reads a bare WITH as a common table expression).
  if (index.parser !== undefined) out.push(`/*!50100 WITH PARSER ${ident(index.parser)} */`);
  if (index.comment !== undefined) out.push(`COMMENT ${literal(index.comment)}`);
  if (index.hidden) out.push(hiddenKeyword(server));
  return out.map((o) => ' ' + o).join('');
}

/** `UNIQUE KEY \`n\` (...)` / `FULLTEXT KEY \`n\` (...) WITH PARSER ...` / `KEY \`n\` (...)` inside CREATE TABLE. */
export function indexClause(index: Index, server?: ServerProfile): string {
  return `${indexKindWord(index)}KEY ${ident(index.name)} ${indexPartsSql(index)}${indexOptionsSql(index, server)}`;
}

/** `ADD [UNIQUE | FULLTEXT | SPATIAL] INDEX \`n\` (...) options` in ALTER TABLE. */
export function addIndexClause(index: Index, server?: ServerProfile): string {
  return `ADD ${indexKindWord(index)}INDEX ${ident(index.name)} ${indexPartsSql(index)}${indexOptionsSql(index, server)}`;
}

export function primaryKeyClause(pk: PrimaryKey): string {
  return `PRIMARY KEY ${identList(pk.columns)}${pk.comment !== undefined ? ` COMMENT ${literal(pk.comment)}` : ''}`;
}

function actionSql(kind: 'DELETE' | 'UPDATE', action: ReferentialAction): string {
  return action === 'RESTRICT' ? '' : ` ON ${kind} ${action}`;
}

export function foreignKeyClause(fk: ForeignKey): string {
  return `CONSTRAINT ${ident(fk.name)} FOREIGN KEY ${identList(fk.columns)} REFERENCES ${ident(fk.refTable)} ${identList(fk.refColumns)}`
    + actionSql('DELETE', fk.onDelete) + actionSql('UPDATE', fk.onUpdate);
}

export function checkClause(check: Check): string {
  return `CONSTRAINT ${ident(check.name)} CHECK (${check.expr})${check.enforced === false ? ' NOT ENFORCED' : ''}`;
}

/**
 * `ENGINE = InnoDB DEFAULT CHARSET = ... COMMENT = '...' ROW_FORMAT = ...`, the options that are
 * set (the storage options after the four first, see table-options.ts).
 */
export function tableOptionsSql(o: TableOptions, separator = ' '): string {
  return [...baseOptionsSql(o), ...storageOptionsSql(o)].join(separator);
}

/** ENGINE, DEFAULT CHARSET, COLLATE and COMMENT, those that are set. */
export function baseOptionsSql(o: TableOptions): string[] {
  const parts: string[] = [];
  if (o.engine) parts.push(`ENGINE = ${word(o.engine, 'engine')}`);
  if (o.charset) parts.push(`DEFAULT CHARSET = ${word(o.charset, 'character set')}`);
  if (o.collate) parts.push(`COLLATE = ${word(o.collate, 'collation')}`);
  if (o.comment !== null) parts.push(`COMMENT = ${literal(o.comment)}`);
  return parts;
}

/** CREATE TABLE with columns, keys and the given foreign keys (others are added later). */
export function createTableSql(table: Table, foreignKeys: readonly ForeignKey[] = table.foreignKeys, server: ServerProfile = MYSQL): string {
  const lines = table.columns.map((c) => columnSql(c, {}, server));
  if (table.primaryKey) lines.push(primaryKeyClause(table.primaryKey));
  for (const ix of table.indexes) lines.push(indexClause(ix, server));
  for (const fk of foreignKeys) lines.push(foreignKeyClause(fk));
  for (const ck of table.checks) lines.push(checkClause(ck));
  const options = tableOptionsSql(table.options);
  const partitioning = table.partitioning ? ` ${partitionClauseSql(table.partitioning)}` : '';
  return `CREATE TABLE ${ident(table.name)} (\n${lines.map((l) => '  ' + l).join(',\n')}\n)${options ? ' ' + options : ''}${partitioning}`;
}

/** SHOW CREATE TABLE of `database`.`table` (introspection reads what information_schema lacks from it). */
export function showCreateTableSql(database: string, table: string): string {
  return `SHOW CREATE TABLE ${ident(database)}.${ident(table)}`;
}

/** `ALTER TABLE \`t\`` followed by one clause a line, as sql-formatter lays it out. */
export function alterTable(table: string, clauses: readonly string[]): string {
  return `ALTER TABLE ${ident(table)}\n${clauses.join(',\n')}`;
}
