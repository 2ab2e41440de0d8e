import { isTextual } from '../dialect/mysql/types.js';
import { VERSION_TABLE } from '../config.js';
import type { Diagnostic } from '../diagnostics.js';
import { enforcesForeignKeys, engineOf } from '../ir/normalize.js';
import { validateText } from '../ir/validate.js';
import type { BuildHints } from '../ir/hints.js';
import type { SchemaIR, Table } from '../ir/types.js';
import { alterTable } from './alter-table.js';
import { relativeCharsets, type DatabaseDefaults } from './charsets.js';
import { ReadContext } from './context.js';
import { configProfile, jsonIsLongtext, type ServerProfile } from '../dialect/mysql/server.js';
import { createTable } from './create-table.js';
import { createView, dropView } from './view.js';
import { createEvent, createRoutine, createTrigger, dropEvent, dropRoutine, dropTrigger, sqlModeOf } from './trigger.js';
import { Cursor, ImportError } from './cursor.js';
import { indexParts, parsedName } from './keys.js';
import { lexSql, type Token } from '../dialect/mysql/lexer.js';
import { foldMariadbJson } from './mariadb-json.js';
import { astify } from './node-sql-parser.js';
import { ImportState } from './state.js';
import { splitStatements } from './statements.js';

export interface ImportOptions {
  /**
   * Whose rules name what the DDL leaves unnamed and read what it abbreviates: MariaDB names an
   * unnamed CHECK after its column or `CONSTRAINT_<n>` and reads the long form of JSON as
   * `json`; MySQL names it `<table>_chk_<n>` (dialect/mysql/server.ts). Default: the config
   * profile of MySQL.
   */
  readonly server?: ServerProfile;
  /**
   * The database the file is read for. Table options that repeat its defaults (ENGINE,
   * CHARSET, COLLATE) are read as unset, as introspection reports them: needed to compare a
   * dump, which spells them out on every table, with a schema that does not.
   */
  readonly database?: DatabaseDefaults;
}

export type { DatabaseDefaults };

export interface ImportResult {
  /** Un-normalised: tables in file order; names as the server would give them. */
  readonly ir: SchemaIR;
  /** The file's `@renamed from=` hints. */
  readonly hints: BuildHints;
  /** Everything that was not imported, with its file position. Empty when the file was read whole. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads a .sql DDL file (a schema file, a mysqldump, sqldef's inputs) into the IR by replaying
 * its statements in order into a catalog: CREATE TABLE, ALTER TABLE, DROP TABLE, RENAME TABLE,
 * CREATE INDEX, DROP INDEX. SET statements, comments and executable comments are ignored; every
 * other statement, and everything the IR cannot represent, is a diagnostic at its line (the
 * rest of the file is still read). Column and table renames can be declared with sqldef's
 * `-- @renamed from=old` comments.
 */
export function importSql(text: string, file: string, options: ImportOptions = {}): ImportResult {
  const ctx = new ReadContext(text, file, options.server ?? configProfile('mysql'), options.database ?? null);
  const lexed = lexSql(text, { delimiters: true });
  const state = new ImportState(ctx, lexed.comments);
  // After a lexical error the statement it cut short is not read (it would only add noise).
  const lastDelimiter = lexed.tokens.map((t) => t.kind).lastIndexOf('delimiter');
  const tokens = lexed.error ? lexed.tokens.slice(0, lastDelimiter + 1) : lexed.tokens;
  for (const statement of splitStatements(tokens)) {
    state.attempt(statement.start, () => readStatement(state, statement.tokens));
  }
  if (lexed.error) state.report(new ImportError('E_IMPORT_SYNTAX', lexed.error.message, lexed.error.offset), lexed.error.offset);
  const { ir, hints } = state.catalog.toIR();
  // The runtime's version table is never part of a schema (a dump of a migrated database has it).
  const tables = foreignKeysByEngine(ir.tables.filter((t) => t.name !== VERSION_TABLE), state.diagnostics, ctx.server)
    .map((t) => canonicalTable(t, ctx.server, options.database ?? null));
  // Names and option words that could not be written back as SQL are refused at their object.
  const result = { ...ir, tables, ...(ir.views?.length ? { views: ir.views.filter((v) => v.name !== VERSION_TABLE) } : {}) };
  return { ir: result, hints, diagnostics: [...state.diagnostics, ...validateText(result)] };
}

/**
 * Foreign keys as the server keeps them: only InnoDB has them. On another engine (MyISAM, Aria,
 * MEMORY) the server parses a foreign key, keeps the index it adds for it and drops the key
 * (tested on MariaDB 10.11); a foreign key of an InnoDB table to a table of another engine is
 * refused (errno 150), so it is an error at its line.
 */
function foreignKeysByEngine(tables: readonly Table[], diagnostics: Diagnostic[], server: ServerProfile): Table[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  return tables.map((t) => {
    if (!enforcesForeignKeys(t.options, server)) return t.foreignKeys.length ? { ...t, foreignKeys: [] } : t;
    for (const fk of t.foreignKeys) {
      const ref = byName.get(fk.refTable);
      if (!ref || enforcesForeignKeys(ref.options, server)) continue;
      diagnostics.push({ code: 'E_IMPORT_FK_ENGINE', ...(fk.pos ? { pos: fk.pos } : {}),
        message: `foreign key ${fk.name} of table ${t.name} references ${fk.refTable}, which uses ENGINE=${engineOf(ref.options, server)}: `
          + 'the server refuses it (errno 150: only InnoDB tables can be referenced)' });
    }
    return t;
  });
}

/** Statement kinds that are not about tables: named in the diagnostic. */
const OTHER_OBJECTS = new Set(['VIEW', 'TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT', 'SEQUENCE', 'DATABASE', 'SCHEMA',
  'USER', 'ROLE', 'SERVER', 'TABLESPACE', 'LOGFILE', 'SPATIAL', 'FULLTEXT', 'VECTOR', 'AGGREGATE', 'PACKAGE', 'SYNONYM']);

function readStatement(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  const first = tokens[0];
  if (cur.atWord('SET')) {
    const mode = sqlModeOf(tokens);
    if (mode !== undefined) state.sqlMode = mode;
    return;
  }
  if (cur.atWord('CREATE')) {
    let k = 1;
    if (tokens[k]?.upper === 'OR' && tokens[k + 1]?.upper === 'REPLACE') k += 2;
    while (tokens[k]?.upper === 'DEFINER' || tokens[k]?.upper === 'ALGORITHM' || tokens[k]?.upper === 'SQL') k++;
    const what = tokens[k]?.upper;
    if (what === 'TABLE' || (what === 'TEMPORARY' && tokens[k + 1]?.upper === 'TABLE')) return createTable(state, tokens);
    if (what === 'INDEX' || (what === 'UNIQUE' && tokens[k + 1]?.upper === 'INDEX')) return createIndex(state, tokens);
    if (what === 'VIEW' || isViewHead(tokens)) return createView(state, tokens);
    if (what === 'TRIGGER' || isTriggerHead(tokens)) return createTrigger(state, tokens);
    if (what === 'PROCEDURE' || what === 'FUNCTION' || isRoutineHead(tokens)) return createRoutine(state, tokens);
    if (what === 'EVENT' || isEventHead(tokens)) return createEvent(state, tokens);
    if (what === 'FULLTEXT' || what === 'SPATIAL' || what === 'VECTOR') {
      throw new ImportError('E_IMPORT_UNSUPPORTED', `a ${what} index is not in the schema IR`, first.start);
    }
    const kind = tokens.slice(1, 12).find((t) => t.kind === 'word' && OTHER_OBJECTS.has(t.upper))?.upper ?? what ?? '';
    throw new ImportError('E_IMPORT_STATEMENT', `CREATE ${kind} is not supported: the schema IR holds tables, views, triggers, procedures, functions and events`, first.start);
  }
  if (cur.atWord('ALTER', 'TABLE') || cur.atWord('ALTER', 'ONLINE') || cur.atWord('ALTER', 'IGNORE')) return alterTable(state, tokens);
  if (cur.atWord('ALTER') && isViewHead(tokens)) return createView(state, tokens);
  if (cur.atWord('DROP', 'VIEW')) return dropView(state, tokens);
  if (cur.atWord('DROP', 'TRIGGER')) return dropTrigger(state, tokens);
  if (cur.atWord('DROP', 'PROCEDURE') || cur.atWord('DROP', 'FUNCTION')) return dropRoutine(state, tokens);
  if (cur.atWord('DROP', 'EVENT')) return dropEvent(state, tokens);
  if (cur.atWord('DROP', 'TABLE') || cur.atWord('DROP', 'TABLES')) return dropTable(state, tokens);
  if (cur.atWord('DROP', 'INDEX')) return dropIndex(state, tokens);
  if (cur.atWord('RENAME', 'TABLE') || cur.atWord('RENAME', 'TABLES')) return renameTable(state, tokens);
  const words = tokens.slice(0, 2).filter((t) => t.kind === 'word').map((t) => t.upper).join(' ');
  const data = /^(INSERT|REPLACE|LOCK|UNLOCK|START|COMMIT|BEGIN)\b/.test(words) ? ' (a dump with data: make it with mysqldump/mariadb-dump --no-data)' : '';
  throw new ImportError('E_IMPORT_STATEMENT', `${words || first.text} is not a table definition statement; the import reads CREATE/ALTER/DROP/RENAME TABLE and CREATE/DROP INDEX${data}`, first.start);
}

/**
 * Whether a CREATE or ALTER statement is about a view: VIEW comes after the clauses only a view
 * takes (OR REPLACE, ALGORITHM = x, DEFINER = user, SQL SECURITY x).
 */
function isViewHead(tokens: readonly Token[]): boolean {
  for (let k = 1; k < tokens.length && k < 40; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && t.upper === 'VIEW') return true;
    if (t.kind === 'word' && ['TABLE', 'INDEX', 'TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT', 'AS', 'SEQUENCE', 'DATABASE', 'SCHEMA', 'USER'].includes(t.upper)) return false;
  }
  return false;
}

/** Whether a CREATE statement is about an event: EVENT after [OR REPLACE] and DEFINER = user. */
function isEventHead(tokens: readonly Token[]): boolean {
  for (let k = 1; k < tokens.length && k < 20; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && t.upper === 'EVENT') return true;
    if (t.kind === 'word' && ['TABLE', 'VIEW', 'TRIGGER', 'PROCEDURE', 'FUNCTION', 'INDEX', 'ON'].includes(t.upper)) return false;
  }
  return false;
}

/** Whether a CREATE statement is about a procedure or a function: PROCEDURE / FUNCTION after [OR REPLACE] and DEFINER = user. */
function isRoutineHead(tokens: readonly Token[]): boolean {
  for (let k = 1; k < tokens.length && k < 20; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && (t.upper === 'PROCEDURE' || t.upper === 'FUNCTION')) return true;
    if (t.kind === 'word' && ['TABLE', 'VIEW', 'TRIGGER', 'EVENT', 'INDEX', 'ON', 'AGGREGATE'].includes(t.upper)) return false;
  }
  return false;
}

/** Whether a CREATE statement is about a trigger: TRIGGER after [OR REPLACE] and DEFINER = user. */
function isTriggerHead(tokens: readonly Token[]): boolean {
  for (let k = 1; k < tokens.length && k < 20; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && t.upper === 'TRIGGER') return true;
    if (t.kind === 'word' && ['TABLE', 'VIEW', 'PROCEDURE', 'FUNCTION', 'EVENT', 'INDEX', 'ON'].includes(t.upper)) return false;
  }
  return false;
}

/** DROP TABLE [IF EXISTS] a, b [RESTRICT | CASCADE]. */
function dropTable(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('DROP');
  if (!cur.acceptWord('TABLE')) cur.expectWord('TABLES');
  const ifExists = cur.acceptWord('IF', 'EXISTS');
  for (;;) {
    const { name, token } = cur.qualifiedName('a table name');
    if (!ifExists || state.catalog.find(name)) state.attempt(token.start, () => state.catalog.dropTable(name));
    if (!cur.acceptOp(',')) break;
  }
  if (!cur.acceptWord('RESTRICT')) cur.acceptWord('CASCADE');
  cur.expectEnd();
}

/** RENAME TABLE a TO b [, c TO d]: applied one pair after another, as the server does. */
function renameTable(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('RENAME');
  if (!cur.acceptWord('TABLE')) cur.expectWord('TABLES');
  for (;;) {
    const { name: from, token } = cur.qualifiedName('a table name');
    cur.expectWord('TO');
    const { name: to } = cur.qualifiedName('a table name');
    state.attempt(token.start, () => state.catalog.renameTable(from, to));
    if (!cur.acceptOp(',')) break;
  }
  cur.expectEnd();
}

/** CREATE [UNIQUE] INDEX name ON t (parts), read by node-sql-parser. */
function createIndex(state: ImportState, tokens: readonly Token[]): void {
  const { ctx, catalog } = state;
  const first = tokens[0];
  for (const t of tokens) {
    if (t.kind === 'word' && (t.upper === 'COMMENT' || t.upper === 'INVISIBLE' || t.upper === 'IGNORED')) {
      throw new ImportError('E_IMPORT_UNSUPPORTED', `an index ${t.upper === 'COMMENT' ? 'COMMENT' : t.upper + ' flag'} is not in the schema IR`, t.start);
    }
  }
  const source = ctx.source(tokens);
  const parsed = astify(source);
  if ('refusal' in parsed) {
    throw new ImportError('E_IMPORT_SYNTAX', `node-sql-parser cannot read this CREATE INDEX: ${parsed.refusal.message}`,
      first.start + Math.min(parsed.refusal.offset, source.length));
  }
  const ast = parsed.ast;
  const tableName = parsedName(ast?.table?.table);
  const indexName = parsedName(ast?.index);
  if (ast?.type !== 'create' || tableName === null || indexName === null) {
    throw new ImportError('E_IMPORT_SYNTAX', 'expected CREATE [UNIQUE] INDEX name ON table (columns)', first.start);
  }
  const kind = String(ast.index_type ?? '').toLowerCase();
  if (kind && kind !== 'unique') throw new ImportError('E_IMPORT_UNSUPPORTED', `a ${kind.toUpperCase()} index is not in the schema IR`, first.start);
  const table = catalog.get(tableName);
  catalog.addIndex(table, indexName, kind === 'unique', indexParts(ast.index_columns, first), ctx.pos(first.start));
}

/** DROP INDEX [IF EXISTS] name ON t [ALGORITHM ...] [LOCK ...]. */
function dropIndex(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('DROP', 'INDEX');
  const ifExists = cur.acceptWord('IF', 'EXISTS');
  const name = cur.identifier('an index name');
  cur.expectWord('ON');
  const table = state.catalog.get(cur.qualifiedName('a table name').name);
  if (ifExists && !table.indexes.some((ix) => ix.name.toLowerCase() === name.toLowerCase()) && name.toUpperCase() !== 'PRIMARY') return;
  state.catalog.dropIndex(table, name);
}

/** The server's reading of what was written: JSON on MariaDB, character sets relative to what they inherit. */
function canonicalTable(table: Table, server: ServerProfile, database: DatabaseDefaults | null): Table {
  const t = jsonIsLongtext(server) ? foldMariadbJson(table) : table;
  return { ...t, ...relativeCharsets(t.options, t.columns, (c) => isTextual(c.type), database, server) };
}
