import { oneLine, SchemacError } from '../../diagnostics.js';
import { assertNever } from '../../ir/types.js';
import type {
  Check, Column, ColumnType, DefaultValue, ForeignKey, Index, PrimaryKey, ReferentialAction, Table, TableOptions,
} from '../../ir/types.js';

/**
 * SQL text for MySQL 8 and MariaDB 10.11 objects. The layout is sql-formatter's (language
 * `mysql`, keywords preserved, two-space indent) so formatting a generated file changes nothing;
 * statements that embed user SQL are passed through sql-formatter by the emitter.
 */

/*
 * The one way names and values enter SQL text. Identifiers are backtick-quoted and refused when
 * they hold a character that could end a line (of a comment, of a reviewer's reading, of a line
 * based tool); option words (engine, character set, collation) are checked against the grammar
 * of a word; string values are escaped literals. Validation reports the same problems earlier,
 * with the position of their source; these checks are the last line, so that no path (a live
 * database, a .sql file, an edited snapshot) can put text into a statement unchecked.
 */

/**
 * The first character schemac refuses in a name, or null. MySQL accepts any character of the
 * Basic Multilingual Plane but NUL in a quoted identifier
 * (https://dev.mysql.com/doc/refman/8.0/en/identifiers.html); schemac also refuses control
 * characters (C0, DEL, C1) and the Unicode line and paragraph separators, which end a line in
 * a comment, a terminal or an editor, so a name can never add a line to a generated file.
 */
export function forbiddenNameChar(name: string): { readonly char: string; readonly what: string } | null {
  for (const ch of name) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0) return { char: ch, what: 'NUL' };
    if (cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029) return { char: ch, what: 'a line break' };
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return { char: ch, what: 'a control character' };
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) return { char: ch, what: 'a character above U+FFFF' };
  }
  return null;
}

/** `U+000A` */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `-- text` on one line (oneLine): every comment schemac writes into SQL goes through here. */
export function sqlComment(text: string): string {
  return `-- ${oneLine(text)}`.trimEnd();
}

/** The error for a name that cannot be written into SQL text (`what` says whose name it is). */
export function unsafeNameError(name: string, what: string): SchemacError {
  const bad = forbiddenNameChar(name);
  return new SchemacError({ code: 'E_NAME_INVALID_CHAR',
    message: `${what} "${oneLine(name)}" contains ${bad ? `${codePoint(bad.char)} (${bad.what})` : 'a character'}, which schemac never writes into SQL`,
    hint: 'rename it: names may not hold control characters, line breaks or characters above U+FFFF' });
}

/**
 * `name` → `` `name` `` with backticks doubled: the quoting the server reads, whatever the name
 * holds. For names the runtime meets in hand-written statements (which it must quote as written);
 * names schemac writes into generated SQL go through `ident`.
 */
export function quoted(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/** A name as schemac writes it into SQL: quoted; a forbidden character (forbiddenNameChar) throws. */
export function ident(name: string): string {
  if (forbiddenNameChar(name)) throw unsafeNameError(name, 'the name');
  return quoted(name);
}

/**
 * Engine, character set and collation names: one word of letters, digits and `_`, as every
 * name the server has is (`InnoDB`, `utf8mb4`, `utf8mb4_0900_ai_ci`).
 */
export const OPTION_WORD = /^[A-Za-z0-9_]{1,64}$/;

/** An option word as written into SQL; anything that is not a word throws. */
export function word(value: string, what: string): string {
  if (!OPTION_WORD.test(value)) {
    throw new SchemacError({ code: 'E_OPTION_INVALID',
      message: `${what} "${oneLine(value)}" is not a name: it must be one word of letters, digits and _`,
      hint: `use the server's name, as SHOW ${what === 'engine' ? 'ENGINES' : what === 'collation' ? 'COLLATION' : 'CHARACTER SET'} lists it` });
  }
  return value;
}

/**
 * A string literal for the default sql_mode: backslash and quote escaped, control characters
 * written as escapes so the literal stays on one line. Under NO_BACKSLASH_ESCAPES the server
 * reads backslashes literally, so a literal with a backslash in it means something else there:
 * the runtime refuses such statements in that mode (runtime/statements.ts backslashLiteral).
 */
export function literal(value: string): string {
  return "'" + value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "''")
    .replace(/\0/g, '\\0')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\x1a/g, '\\Z') + "'";
}

export function identList(names: readonly string[]): string {
  return '(' + names.map(ident).join(', ') + ')';
}

/** The column type as written in DDL. */
export function typeSql(type: ColumnType): string {
  switch (type.kind) {
    case 'int': return type.size.toUpperCase() + (type.unsigned ? ' UNSIGNED' : '');
    case 'decimal': return `DECIMAL(${type.precision}, ${type.scale})` + (type.unsigned ? ' UNSIGNED' : '');
    case 'float': return 'FLOAT' + (type.unsigned ? ' UNSIGNED' : '');
    case 'double': return 'DOUBLE' + (type.unsigned ? ' UNSIGNED' : '');
    case 'boolean': return 'TINYINT(1)';
    case 'char': return `CHAR(${type.length})`;
    case 'varchar': return `VARCHAR(${type.length})`;
    case 'text': return type.size.toUpperCase();
    case 'binary': return `BINARY(${type.length})`;
    case 'varbinary': return `VARBINARY(${type.length})`;
    case 'blob': return type.size.toUpperCase();
    case 'date': return 'DATE';
    case 'time': return type.fsp ? `TIME(${type.fsp})` : 'TIME';
    case 'datetime': return type.fsp ? `DATETIME(${type.fsp})` : 'DATETIME';
    case 'timestamp': return type.fsp ? `TIMESTAMP(${type.fsp})` : 'TIMESTAMP';
    case 'year': return 'YEAR';
    case 'json': return 'JSON';
    case 'enum': return `ENUM(${type.values.map(literal).join(', ')})`;
    case 'set': return `SET(${type.values.map(literal).join(', ')})`;
    default: return assertNever(type, 'column type');
  }
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

/** `` `name` TYPE ... `` as in CREATE TABLE, ADD COLUMN and MODIFY COLUMN. */
export function columnSql(col: Column, override: { nullable?: boolean; withoutDefault?: boolean } = {}): string {
  const nullable = override.nullable ?? col.nullable;
  const parts = [ident(col.name), typeSql(col.type)];
  if (col.charset) parts.push(`CHARACTER SET ${word(col.charset, 'character set')}`);
  if (col.collate) parts.push(`COLLATE ${word(col.collate, 'collation')}`);
  if (col.generated) {
    parts.push(`GENERATED ALWAYS AS (${col.generated.expr}) ${col.generated.stored ? 'STORED' : 'VIRTUAL'}`);
    if (!nullable) parts.push('NOT NULL');
  } else {
    parts.push(nullable ? 'NULL' : 'NOT NULL');
  }
  if (col.default && !override.withoutDefault) parts.push(`DEFAULT ${valueSql(col.default)}`);
  if (col.onUpdateNow) parts.push(`ON UPDATE ${nowSql(col.type.kind === 'datetime' || col.type.kind === 'timestamp' ? col.type.fsp : 0)}`);
  if (col.autoIncrement) parts.push('AUTO_INCREMENT');
  if (col.comment !== null) parts.push(`COMMENT ${literal(col.comment)}`);
  return parts.join(' ');
}

export function indexPartsSql(index: Index): string {
  return '(' + index.parts.map((p) => ident(p.column) + (p.length ? `(${p.length})` : '') + (p.desc ? ' DESC' : '')).join(', ') + ')';
}

/** `UNIQUE KEY \`n\` (...)` / `KEY \`n\` (...)` inside CREATE TABLE. */
export function indexClause(index: Index): string {
  return `${index.unique ? 'UNIQUE KEY' : 'KEY'} ${ident(index.name)} ${indexPartsSql(index)}`;
}

export function primaryKeyClause(pk: PrimaryKey): string {
  return `PRIMARY KEY ${identList(pk.columns)}`;
}

function actionSql(kind: 'DELETE' | 'UPDATE', action: ReferentialAction): string {
  return action === 'RESTRICT' ? '' : ` ON ${kind} ${action}`;
}

export function foreignKeyClause(fk: ForeignKey): string {
  return `CONSTRAINT ${ident(fk.name)} FOREIGN KEY ${identList(fk.columns)} REFERENCES ${ident(fk.refTable)} ${identList(fk.refColumns)}`
    + actionSql('DELETE', fk.onDelete) + actionSql('UPDATE', fk.onUpdate);
}

export function checkClause(check: Check): string {
  return `CONSTRAINT ${ident(check.name)} CHECK (${check.expr})`;
}

/** `ENGINE = InnoDB DEFAULT CHARSET = ... COMMENT = '...'`, the options that are set. */
export function tableOptionsSql(o: TableOptions, separator = ' '): string {
  const parts: string[] = [];
  if (o.engine) parts.push(`ENGINE = ${word(o.engine, 'engine')}`);
  if (o.charset) parts.push(`DEFAULT CHARSET = ${word(o.charset, 'character set')}`);
  if (o.collate) parts.push(`COLLATE = ${word(o.collate, 'collation')}`);
  if (o.comment !== null) parts.push(`COMMENT = ${literal(o.comment)}`);
  return parts.join(separator);
}

/** CREATE TABLE with columns, keys and the given foreign keys (others are added later). */
export function createTableSql(table: Table, foreignKeys: readonly ForeignKey[] = table.foreignKeys): string {
  const lines = table.columns.map((c) => columnSql(c));
  if (table.primaryKey) lines.push(primaryKeyClause(table.primaryKey));
  for (const ix of table.indexes) lines.push(indexClause(ix));
  for (const fk of foreignKeys) lines.push(foreignKeyClause(fk));
  for (const ck of table.checks) lines.push(checkClause(ck));
  const options = tableOptionsSql(table.options);
  return `CREATE TABLE ${ident(table.name)} (\n${lines.map((l) => '  ' + l).join(',\n')}\n)${options ? ' ' + options : ''}`;
}

/** `ALTER TABLE \`t\`` followed by one clause a line, as sql-formatter lays it out. */
export function alterTable(table: string, clauses: readonly string[]): string {
  return `ALTER TABLE ${ident(table)}\n${clauses.join(',\n')}`;
}
