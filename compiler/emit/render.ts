import type { ServerProfile } from '../dialect/mysql/server.js';
import { createRequire } from 'node:module';
import { SchemacError } from '../diagnostics.js';
import { MAX_STATEMENT_NESTING, nestingPast } from '../ir/sql-nesting.js';
import { SqlScanner } from '../dialect/mysql/lexer.js';
import { sqlComment } from '../dialect/mysql/sql.js';
import { printDdl } from '../dialect/mysql/ddl.js';
import { orderCreatedTables, orderViews } from '../plan/plan.js';
import type { Statement } from '../plan/types.js';
import type { SchemaIR } from '../ir/types.js';

/**
 * sql-formatter options, pinned: changing any of them changes every generated file.
 * Statements the generator writes itself already have this layout (a test formats every
 * generated file and expects no change); only statements that embed user SQL are formatted here.
 */
export const FORMAT_OPTIONS = Object.freeze({
  language: 'mysql',
  keywordCase: 'preserve',
  tabWidth: 2,
  useTabs: false,
  linesBetweenQueries: 1,
} as const);

type Format = (sql: string, options: typeof FORMAT_OPTIONS) => string;
let formatter: Format | undefined;

/**
 * sql-formatter, loaded on first use: most builds format nothing. It recurses once per level
 * of nesting, so a statement past MAX_STATEMENT_NESTING is refused instead (expressions of a
 * schema are refused long before; an expression read from a live database may not be).
 */
function format(sql: string): string {
  const deep = nestingPast(sql, MAX_STATEMENT_NESTING);
  if (deep >= 0) {
    const line = sql.split('\n', 1)[0].slice(0, 80);
    throw new SchemacError({ code: 'E_SQL_TOO_DEEP',
      message: `a statement nests more than ${MAX_STATEMENT_NESTING} levels deep at character ${deep + 1}, too deep to lay out: ${line}`,
      hint: 'an expression in it is nested too deeply: simplify it where it is defined (the schema, or the live database)' });
  }
  formatter ??= (createRequire(import.meta.url)('sql-formatter') as { format: Format }).format;
  return formatter(sql, FORMAT_OPTIONS);
}

/** Lays out one statement (without its `;`). */
export function formatStatement(s: Statement): string {
  if (s.verbatim) return s.sql;
  return s.format || !plainLayout(s.sql) ? format(s.sql) : s.sql;
}

/**
 * sql-formatter keeps a parenthesised group on one line up to 50 characters (`expressionWidth`)
 * and breaks longer ones. The generator writes short groups inline and CREATE TABLE bodies one
 * item a line; a statement near those limits (a short table, a long key or ENUM list) is left
 * to sql-formatter. The margin errs towards formatting: that is only slower, never different.
 */
function plainLayout(sql: string): boolean {
  if (sql.startsWith('CREATE TABLE')) {
    const body = sql.slice(sql.indexOf('(\n') + 2, sql.lastIndexOf('\n)'));
    if (body.split(',\n').map((l) => l.trim()).join(', ').length <= 60) return false;
  }
  for (const line of sql.split('\n')) {
    if (line.length > 40 && longGroup(line)) return false;
  }
  return true;
}

/** Whether a line holds a parenthesised group longer than 40 characters (read with the dialect's lexer: quotes and comments respected). */
function longGroup(line: string): boolean {
  const open: number[] = [];
  const scan = new SqlScanner(line);
  while (scan.next()) {
    if (scan.kind !== 'op') continue;
    const c = line.charCodeAt(scan.start);
    if (c === 40) open.push(scan.start); // (
    else if (c === 41 && open.length && scan.start - open.pop()! > 40) return true; // )
  }
  return false;
}

/**
 * A statement and its terminator: `;`, or, for a statement that holds `;` itself, its delimiter
 * between DELIMITER lines, as mysqldump writes a trigger (the mysql client and the runtime's
 * splitter read them alike: runtime/statements.ts).
 */
export function terminated(s: Statement): string {
  const sql = formatStatement(s);
  // After a line comment the delimiter goes on a line of its own (it would be part of the comment).
  const end = /(--\s|#)[^\n]*$/.test(sql) ? '\n' : '';
  return s.delimiter ? `DELIMITER ${s.delimiter}\n${sql}${end}${s.delimiter}\nDELIMITER ;` : sql + end + ';';
}

/**
 * A whole SQL file: a comment header, then each statement ended by `;`, a blank line between.
 * Comments hold names (`-- step 1: create table x`): they are written on one line whatever the
 * names hold (sqlComment), so user text can never start a line of SQL.
 */
export function renderSqlFile(header: readonly string[], statements: readonly Statement[]): string {
  const head = header.map(sqlComment).join('\n');
  const body = statements.map((s) => (s.comment ? `${sqlComment(s.comment)}\n` : '') + (s.note ? `${sqlComment(s.note)}\n` : '')
    + terminated(s)).join('\n\n');
  return head + '\n\n' + (body ? body + '\n' : '-- (no statements)\n');
}

/**
 * Every table as CREATE TABLE, referenced tables first; foreign keys that close a cycle
 * are added at the end with ALTER TABLE; then every view, after the views it reads.
 */
export function schemaStatements(ir: SchemaIR, server?: ServerProfile): Statement[] {
  const { order, deferred } = orderCreatedTables(ir.tables);
  const byName = new Map(ir.tables.map((t) => [t.name, t]));
  const out: Statement[] = [];
  for (const name of order) {
    const t = byName.get(name)!;
    out.push(printDdl({ kind: 'createTable', table: t, foreignKeys: t.foreignKeys.filter((fk) => !deferred.has(fk)) }, server));
  }
  for (const name of order) {
    for (const fk of byName.get(name)!.foreignKeys.filter((f) => deferred.has(f))) {
      out.push(printDdl({ kind: 'alterTable', table: name, clauses: [{ kind: 'addForeignKey', foreignKey: fk }] }, server));
    }
  }
  // Views last, each after the views it reads.
  const views = orderViews(ir.views ?? []);
  for (const v of [...views.keys()].sort((a, b) => views.get(a)! - views.get(b)!)) out.push(printDdl({ kind: 'createView', view: v }));
  // Routines before the views and triggers that may call them; triggers after every table and view, by name.
  const routines = (ir.routines ?? []).map((r) => printDdl({ kind: 'createRoutine', routine: r }, server));
  out.splice(out.length - views.size, 0, ...routines);
  for (const t of ir.triggers ?? []) out.push(printDdl({ kind: 'createTrigger', trigger: t }, server));
  for (const e of ir.events ?? []) out.push(printDdl({ kind: 'createEvent', event: e }, server));
  return out;
}
