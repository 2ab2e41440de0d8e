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
import {
  configProfile, defaultCollationOf, jsonIsLongtext, parseServerVersion, runsExecutableComment, type ServerProfile,
} from '../dialect/mysql/server.js';
import { createTable } from './create-table.js';
import { createView, dropView } from './view.js';
import { createEvent, createRoutine, createTrigger, dropEvent, dropRoutine, dropTrigger, sqlModeOf } from './trigger.js';
import { Cursor, ImportError } from './cursor.js';
import { readIndexClause } from './keys.js';
import { lexSql, type Token } from '../dialect/mysql/lexer.js';
import { foldMariadbJson } from './mariadb-json.js';
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
  /**
   * Statements that are not schema (a dump's SET, USE, LOCK TABLES, INSERT, ...), read past
   * without a diagnostic: how many of each kind, most frequent first.
   */
  readonly skipped: ReadonlyArray<{ readonly statement: string; readonly count: number }>;
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
  // Executable comments are code where the server runs them (a dump's `/*!40101 SET ... */`,
  // `/*!50001 CREATE VIEW ... */`), and comments where it does not.
  const lexed = lexSql(text, { delimiters: true, executable: 'code' });
  const state = new ImportState(ctx, lexed.comments);
  // After a lexical error the statement it cut short is not read (it would only add noise).
  const lastDelimiter = lexed.tokens.map((t) => t.kind).lastIndexOf('delimiter');
  const read = lexed.error ? lexed.tokens.slice(0, lastDelimiter + 1) : lexed.tokens;
  ctx.markers = read.filter((t) => t.kind === 'conditional' || t.kind === 'conditionalEnd').map((t) => [t.start, t.end] as const);
  const tokens = executedTokens(read, ctx.server);
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
  return { ir: result, hints, diagnostics: [...state.diagnostics, ...validateText(result)], skipped: state.skippedCounts() };
}

/**
 * The defaults of the database a dump creates (`CREATE DATABASE ... DEFAULT CHARACTER SET x
 * COLLATE y`, mysqldump's form), with the server's default engine: what the dump's tables,
 * which spell out ENGINE, CHARSET and COLLATE on every table, leave unset in the schema
 * (as introspection of that database reports them). Null when the file creates no database.
 */
export function dumpDatabaseDefaults(text: string, server: ServerProfile): DatabaseDefaults | null {
  const m = /CREATE\s+(?:DATABASE|SCHEMA)\s+(?:\/\*!\d*\s*)?(?:IF\s+NOT\s+EXISTS\s*)?(?:\*\/\s*)?\S+\s*(?:\/\*!\d*\s*)?DEFAULT\s+(?:CHARACTER\s+SET|CHARSET)\s*=?\s*(\w+)(?:\s+COLLATE\s*=?\s*(\w+))?/i.exec(text);
  if (!m) return null;
  const charset = m[1].toLowerCase() === 'utf8' ? 'utf8mb3' : m[1].toLowerCase();
  const collation = m[2]?.toLowerCase() ?? defaultCollationOf(server, charset);
  return collation ? { charset, collation, engine: server.defaultEngine } : null;
}

/**
 * The flavor of the server that wrote a dump or export, from its header (`-- MariaDB dump ...`,
 * `-- Server version	10.11.19-MariaDB`, phpMyAdmin's `-- Server version: 8.0.36`) or from a
 * MariaDB-only executable comment; null when the text does not say.
 */
export function dumpFlavor(text: string): 'mysql' | 'mariadb' | null {
  const head = text.slice(0, 4000);
  const version = /^--\s*Server version:?\s*(\S+)/im.exec(head);
  if (version) return parseServerVersion(version[1]).flavor;
  if (/^--\s*MariaDB dump/im.test(head)) return 'mariadb';
  if (/^--\s*MySQL dump/im.test(head)) return 'mysql';
  return /\/\*M!/.test(text) ? 'mariadb' : null;
}

/**
 * The tokens the server would read: the markers of executable comments dropped, and the inside
 * of those it does not run (another flavor's `/*M!...*\/`, a newer version's) dropped too.
 */
function executedTokens(tokens: readonly Token[], server: ServerProfile): Token[] {
  const out: Token[] = [];
  let skipping = false;
  for (const t of tokens) {
    if (t.kind === 'conditional') {
      skipping = !runsExecutableComment(server, t.text);
    } else if (t.kind === 'conditionalEnd') {
      skipping = false;
    } else if (!skipping || t.kind === 'delimiter') {
      out.push(t);
    }
  }
  return out;
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
  const other = notSchema(tokens);
  if (other !== null) {
    if (other === 'SET') {
      const mode = sqlModeOf(tokens);
      if (mode !== undefined) state.sqlMode = mode;
    }
    if (other === 'USE' || other === 'CREATE DATABASE') state.useDatabase(databaseNamed(tokens, other), first.start);
    state.skip(other);
    return;
  }
  if (cur.atWord('CREATE')) {
    let k = 1;
    if (tokens[k]?.upper === 'OR' && tokens[k + 1]?.upper === 'REPLACE') k += 2;
    while (tokens[k]?.upper === 'DEFINER' || tokens[k]?.upper === 'ALGORITHM' || tokens[k]?.upper === 'SQL') k++;
    const what = tokens[k]?.upper;
    if (what === 'TABLE' || (what === 'TEMPORARY' && tokens[k + 1]?.upper === 'TABLE')) return createTable(state, tokens);
    if (what === 'ONLINE' || what === 'OFFLINE') k++;
    const kindWord = tokens[k]?.upper;
    if (kindWord === 'INDEX' || ((kindWord === 'UNIQUE' || kindWord === 'FULLTEXT' || kindWord === 'SPATIAL') && tokens[k + 1]?.upper === 'INDEX')) {
      return createIndex(state, tokens, k);
    }
    if (what === 'VIEW' || isViewHead(tokens)) return createView(state, tokens);
    if (what === 'TRIGGER' || isTriggerHead(tokens)) return createTrigger(state, tokens);
    if (what === 'PROCEDURE' || what === 'FUNCTION' || isRoutineHead(tokens)) return createRoutine(state, tokens);
    if (what === 'EVENT' || isEventHead(tokens)) return createEvent(state, tokens);
    if (what === 'VECTOR') {
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
 * Statements a dump or an install script holds that do not define the schema: session settings,
 * the database it goes into, data, locks and transactions, maintenance. Returns the kind to
 * count, or null for a statement to read. (A data statement is no schema even when it is wrong.)
 */
function notSchema(tokens: readonly Token[]): string | null {
  const w = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i].upper : '');
  const first = w(0);
  switch (first) {
    case 'SET': case 'USE': case 'INSERT': case 'REPLACE': case 'SELECT': case 'FLUSH': case 'COMMIT': case 'ROLLBACK':
    case 'UPDATE': case 'DELETE': case 'TRUNCATE': case 'DO': case 'SAVEPOINT': case 'ANALYZE': case 'OPTIMIZE':
    case 'CHECK': case 'REPAIR': case 'CHECKSUM': case 'SHOW': case 'LOAD':
      return first === 'LOAD' ? 'LOAD DATA' : first;
    case 'LOCK': case 'UNLOCK':
      return w(1) === 'TABLES' || w(1) === 'TABLE' ? `${first} TABLES` : null;
    case 'START':
      return w(1) === 'TRANSACTION' ? 'START TRANSACTION' : null;
    case 'BEGIN':
      return tokens.length === 1 || w(1) === 'WORK' ? 'BEGIN' : null;
    case 'RELEASE':
      return w(1) === 'SAVEPOINT' ? 'RELEASE SAVEPOINT' : null;
    case 'CREATE': case 'DROP': case 'ALTER':
      if (w(1) === 'DATABASE' || w(1) === 'SCHEMA') return `${first} DATABASE`;
      // mysqldump's `/*!40000 ALTER TABLE t DISABLE KEYS */`: MyISAM index maintenance, no schema.
      if (first === 'ALTER' && w(1) === 'TABLE' && tokens.length <= 7) {
        const [verb, keys] = tokens.slice(-2).map((t) => t.upper);
        if ((verb === 'DISABLE' || verb === 'ENABLE') && keys === 'KEYS') return `${first} ${w(1)} ... ${verb} ${keys}`;
      }
      return null;
    default:
      return null;
  }
}

/** The database a USE or CREATE DATABASE statement names (null when it cannot be read). */
function databaseNamed(tokens: readonly Token[], kind: 'USE' | 'CREATE DATABASE'): string | null {
  let i = kind === 'USE' ? 1 : 2;
  if (kind === 'CREATE DATABASE' && tokens[i]?.upper === 'IF' && tokens[i + 1]?.upper === 'NOT' && tokens[i + 2]?.upper === 'EXISTS') i += 3;
  const t = tokens[i];
  return t && (t.kind === 'word' || t.kind === 'quoted') ? String(t.value) : null;
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

/**
 * CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX [IF NOT EXISTS] name [USING type] ON t (parts)
 * [index options] [ALGORITHM [=] x] [LOCK [=] x]: the index clause of CREATE TABLE with the
 * table between its name and its parts (readIndexClause reads both).
 */
function createIndex(state: ImportState, tokens: readonly Token[], kindAt: number): void {
  const { ctx, catalog } = state;
  const first = tokens[0];
  const cur = new Cursor(tokens, kindAt);
  const head: Token[] = [];
  if (!cur.atWord('INDEX')) head.push(cur.next());
  head.push(cur.next());
  cur.acceptWord('IF', 'NOT', 'EXISTS');
  const nameToken = cur.peek();
  const indexName = cur.identifier('an index name');
  head.push(nameToken!);
  if (cur.atWord('USING')) head.push(cur.next(), cur.next('BTREE or HASH'));
  cur.expectWord('ON');
  const tableName = cur.qualifiedName('a table name').name;
  const body: Token[] = [];
  while (!cur.atEnd()) {
    if (cur.atWord('ALGORITHM') || cur.atWord('LOCK')) {
      cur.next();
      cur.acceptOp('=');
      cur.next('an ALGORITHM or LOCK value');
      continue;
    }
    body.push(cur.next());
  }
  const spec = readIndexClause(ctx, new Cursor([...head, ...body]), null, ctx.pos(first.start));
  if (spec.kind !== 'index') throw new ImportError('E_IMPORT_SYNTAX', 'expected CREATE INDEX name ON table (columns)', first.start);
  const table = catalog.get(tableName);
  catalog.addIndex(table, indexName, spec.unique, spec.parts, spec.pos, spec.options);
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
