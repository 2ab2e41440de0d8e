import {
  compressedColumns, fulltextParserAvailable, functionalIndexes, hasMariadbType, hiddenIndexKeyword, invisibleColumns,
  invisibleNotNullNeedsDefault, mariadbTableOptions, mariadbTypeRelease, notEnforcedChecks, partitionsEngine,
  sridZeroIsNone, usingHashUniqueKept, type ServerProfile, setStatementFor,
} from '../dialect/mysql/server.js';
import {
  INNODB_KEY_BLOCK_SIZES, INNODB_ROW_FORMATS, NOT_OTHER_OPTIONS, ROW_FORMATS, STORAGE_OPTION_BY_SQL, STORAGE_OPTIONS,
} from '../dialect/mysql/table-options.js';
import type { Diagnostic } from '../diagnostics.js';
import { codePoint, forbiddenNameChar, OPTION_WORD } from '../dialect/mysql/sql.js';
import { identifierWords, referencedColumns } from '../dialect/mysql/expr-columns.js';
import {
  canonicalAddress, charsetMaxBytes, INT_LIMITS, isLob, isTextual, keyBytes, keyFamily, LOB_BYTES, prefixLimit, typeText,
} from '../dialect/mysql/types.js';
import { checkSqlExpression, expressionEmbeddingProblem, type ExprContext, programBodyProblem } from './sql-expr.js';
import { DEFAULT_SERVER, enforcesForeignKeys, engineOf } from './normalize.js';
import { backfillOf, NO_HINTS, type BuildHints } from './hints.js';
import { assertNever } from './types.js';
import type {
  Check, Column, ColumnType, DefaultValue, ForeignKey, Index, IndexType, Partitioning, PartitionScheme, SchemaIR, SourcePos,
  Table, TableOptions, Routine, SchemaEvent, Trigger, View,
} from './types.js';

/**
 * Validation of a normalised schema (SPEC §2.5): everything MySQL 8 or MariaDB 10.11 would
 * refuse at apply time, and what the rest of the compiler relies on, reported all at once.
 * Never throws. Each problem has a stable `E_...` code, a one-line message naming the object,
 * the object's position (falling back to its table's) and a hint.
 *
 * Codes:
 * - names: E_NAME_EMPTY, E_NAME_TOO_LONG, E_NAME_TRAILING_SPACE, E_NAME_INVALID_CHAR
 * - duplicates: E_DUPLICATE_TABLE, E_DUPLICATE_COLUMN, E_DUPLICATE_INDEX, E_DUPLICATE_INDEX_DEF,
 *   E_INDEX_NAME_PRIMARY
 * - name scopes: E_FK_NAME_DUPLICATE, E_CHECK_NAME_DUPLICATE, E_CONSTRAINT_NAME_CLASH,
 *   E_CONSTRAINT_NAME_INDEX, E_CHECK_NAME_COLUMN
 * - tables and keys: E_TABLE_NO_COLUMNS, E_UNKNOWN_COLUMN, E_KEY_NO_COLUMNS, E_KEY_DUPLICATE_COLUMN,
 *   E_KEY_TOO_MANY_COLUMNS, E_TOO_MANY_INDEXES, E_INDEX_NEEDS_LENGTH, E_INDEX_JSON, E_INDEX_PREFIX,
 *   E_INDEX_TOO_LONG
 * - foreign keys: E_FK_UNKNOWN_TABLE, E_FK_UNKNOWN_COLUMN, E_FK_COLUMN_COUNT, E_FK_TYPE_MISMATCH,
 *   E_FK_COLUMN_TYPE, E_FK_NOT_KEY, E_FK_SET_NULL_NOT_NULL, E_FK_SET_DEFAULT, E_FK_GENERATED, E_FK_ENGINE
 * - SQL: E_SQL_SYNTAX, E_SQL_DISALLOWED, E_SQL_TOO_DEEP
 * - defaults: E_DEFAULT_NOT_NUMBER, E_DEFAULT_NOT_INTEGER, E_DEFAULT_OUT_OF_RANGE, E_DEFAULT_TOO_LONG,
 *   E_DEFAULT_NOT_IN_VALUES, E_DEFAULT_BOOLEAN, E_DEFAULT_NOW_TYPE, E_DEFAULT_NOW_FSP,
 *   E_DEFAULT_LITERAL_ON_BLOB, E_DEFAULT_NULL_NOT_NULL, E_DEFAULT_DATE_FORMAT, E_DEFAULT_JSON,
 *   E_GENERATED_DEFAULT, E_GENERATED_NOT_NULL, E_BACKFILL_GENERATED, E_ON_UPDATE_TYPE
 * - columns: E_AUTO_INCREMENT_MULTIPLE, E_AUTO_INCREMENT_TYPE, E_AUTO_INCREMENT_NOT_KEY,
 *   E_AUTO_INCREMENT_DEFAULT, E_ENUM_DUPLICATE_VALUE, E_SET_VALUES, E_COLUMN_TOO_LONG,
 *   E_COLLATION_CHARSET, E_COMMENT_TOO_LONG
 * - table options: E_OPTION_INVALID, E_TABLE_OPTION_VALUE, E_TABLE_OPTION_CONFLICT, E_TABLE_OPTION_SERVER,
 *   E_TABLE_OPTION_MODELLED
 * - partitioning: E_PARTITION_SCHEME, E_PARTITION_COLUMN, E_PARTITION_KEY, E_PARTITION_FK, E_PARTITION_NAME,
 *   E_PARTITION_ENGINE
 */
export function validateSchema(ir: SchemaIR, server: ServerProfile = DEFAULT_SERVER, hints: BuildHints = NO_HINTS): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    new Validator(ir, out, server, hints).run();
  } catch (e) {
    // A bug here must not hide the problems already found, nor crash the build with a stack.
    out.push({ code: 'E_VALIDATE_INTERNAL', message: `schema validation stopped early: ${(e as Error)?.message ?? e}`,
      hint: 'this is a bug in schemac; please report it with the schema that triggers it' });
  }
  return out;
}

const MAX_NAME = 64;
/** Printable BMP characters only (see forbiddenNameChar): the fast path of a name check. */
const PLAIN_NAME = /^[\u0020-\u007e\u00a0-\u2027\u202a-\ud7ff\ue000-\uffff]*$/;
const MAX_KEY_PARTS = 16;
/** Index comments: up to 1024 characters (MySQL manual, CREATE INDEX; MariaDB the same). */
const MAX_INDEX_COMMENT = 1024;
/** The engines with FULLTEXT and SPATIAL indexes (MEMORY has neither). */
const INDEXED_TEXT_ENGINES: ReadonlySet<string> = new Set(['innodb', 'myisam', 'aria']);
/** Column type kinds a SPATIAL index takes (the geometry types). */
const SPATIAL_TYPES: ReadonlySet<string> = new Set(['geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring',
  'multipolygon', 'geometrycollection']);
const MAX_INDEXES = 64;
const MAX_KEY_BYTES = 3072;
const MAX_COLUMN_COMMENT = 1024;
const MAX_TABLE_COMMENT = 2048;


const lower = (s: string) => s.toLowerCase();
const q = (s: string) => `"${s}"`;

const mbMaxLen = charsetMaxBytes;

interface TableInfo {
  readonly table: Table;
  readonly columns: Map<string, Column>;
  readonly columnsCi: Map<string, Column>;
}

/** A decimal number split into exact digits: `-12.5e1` → { neg: true, int: '125', frac: '' }. */
interface Digits {
  readonly neg: boolean;
  readonly int: string;
  readonly frac: string;
}

export function decomposeNumber(text: string): Digits | null {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  let int = m[2];
  let frac = m[3] ?? '';
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return null;
  if (exp > 0) {
    const moved = frac.padEnd(exp, '0');
    int += moved.slice(0, exp);
    frac = moved.slice(exp);
  } else if (exp < 0) {
    const padded = int.padStart(-exp, '0');
    frac = padded.slice(padded.length + exp) + frac;
    int = padded.slice(0, padded.length + exp);
  }
  int = int.replace(/^0+/, '');
  frac = frac.replace(/0+$/, '');
  return { neg: m[1] === '-' && (int !== '' || frac !== ''), int, frac };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Zero dates and zero parts are refused by the default sql_mode (NO_ZERO_DATE, NO_ZERO_IN_DATE).
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

function validClock(text: string, maxHours: number, fsp: number): boolean {
  const m = /^(-?)(\d{2,3}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text);
  if (!m) return false;
  if (m[1] === '-' && maxHours < 800) return false;
  if (Number(m[2]) > maxHours || Number(m[3]) > 59 || Number(m[4]) > 59) return false;
  return (m[5] ?? '').length <= Math.max(fsp, 0) || /^0*$/.test((m[5] ?? '').slice(fsp));
}

/**
 * Option words and comments of a table or column: engine, character set and collation must be
 * one word (the dialect writes them unquoted: OPTION_WORD); a comment may not hold characters
 * above U+FFFF, which MariaDB 10.11 stores as `?` without a warning (its metadata is utf8mb3;
 * tested), nor NUL (a table comment loses what follows it), so the schema would never read back
 * as written.
 */
function optionProblems(engine: string | null, charset: string | null, collate: string | null, comment: string | null,
  what: string, pos: SourcePos | undefined, storage?: TableOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = pos ? { pos } : {};
  // Written into statements as they are: ROW_FORMAT and every unmodelled option's name and value.
  const words: Array<[unknown, string]> = [];
  if (storage?.rowFormat !== undefined) words.push([storage.rowFormat, 'ROW_FORMAT']);
  for (const x of Array.isArray(storage?.other) ? storage!.other : []) {
    words.push([x?.name, 'table option name']);
    words.push([x?.value, `value of table option ${oneLineName(x?.name)}`]);
  }
  for (const [value, kind] of words) {
    if (typeof value !== 'string' || !OPTION_WORD.test(value)) {
      out.push({ code: 'E_OPTION_INVALID', message: `${what}: ${kind} ${q(String(value))} is not one word of letters, digits and _`, ...at,
        hint: 'table options are written into SQL as they are: give the option and its value as the server names them' });
    }
  }
  for (const [value, kind, spelled] of [[engine, 'engine', 'SHOW ENGINES'], [charset, 'character set', 'SHOW CHARACTER SET'],
    [collate, 'collation', 'SHOW COLLATION']] as const) {
    if (typeof value === 'string' && !OPTION_WORD.test(value)) {
      out.push({ code: 'E_OPTION_INVALID', message: `${what}: ${kind} ${q(value)} is not a name (one word of letters, digits and _)`, ...at,
        hint: `use a name the server lists in ${spelled}` });
    }
  }
  if (typeof comment === 'string' && /[\ud800-\udfff]/.test(comment)) {
    out.push({ code: 'E_COMMENT_CHAR', message: `the comment of ${what} holds a character above U+FFFF (an emoji?), which MariaDB stores as "?"`, ...at,
      hint: 'use characters of the Basic Multilingual Plane in comments' });
  }
  if (typeof comment === 'string' && comment.includes('\0')) {
    // Tested on MariaDB 10.11: COMMENT='t\0u' reads back as t, NUL, NUL.
    out.push({ code: 'E_COMMENT_CHAR', message: `the comment of ${what} holds NUL, which MariaDB does not keep in comments`, ...at,
      hint: 'remove the NUL character from the comment' });
  }
  return out;
}

/**
 * The checks that make a schema safe to write as SQL, for schemas that are not validated in
 * full (a .sql file given to import or diff, a live database): every name free of the
 * characters schemac refuses (forbiddenNameChar), option words and comments as optionProblems
 * says. `where` names the source in messages without a position (a database).
 */
export function validateText(ir: SchemaIR, where = ''): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = (value: unknown, what: string, pos: SourcePos | undefined) => {
    if (typeof value !== 'string') return;
    const bad = forbiddenNameChar(value);
    if (bad) {
      out.push({ code: 'E_NAME_INVALID_CHAR', message: `${where}${what} ${q(value)} contains ${codePoint(bad.char)} (${bad.what}), which schemac does not allow in names`,
        ...(pos ? { pos } : {}), hint: 'rename it (RENAME TABLE, RENAME COLUMN, RENAME INDEX) to a name without control characters, line breaks or emoji' });
    }
  };
  for (const t of Array.isArray(ir?.tables) ? ir.tables : []) {
    if (!t) continue;
    name(t.name, 'table', t.pos);
    const of = ` of table ${q(String(t.name))}`;
    out.push(...optionProblems(t.options?.engine ?? null, t.options?.charset ?? null, t.options?.collate ?? null, t.options?.comment ?? null,
      `${where}table ${q(String(t.name))}`, t.pos, t.options));
    for (const c of t.columns ?? []) {
      name(c.name, `column`, c.pos ?? t.pos);
      out.push(...optionProblems(null, c.charset, c.collate, c.comment, `${where}column ${q(`${t.name}.${c.name}`)}`, c.pos ?? t.pos));
    }
    for (const ix of t.indexes ?? []) name(ix.name, `index${of}:`, ix.pos ?? t.pos);
    for (const fk of t.foreignKeys ?? []) {
      name(fk.name, `foreign key${of}:`, fk.pos ?? t.pos);
      name(fk.refTable, `table referenced by foreign key ${q(String(fk.name))}${of}:`, fk.pos ?? t.pos);
    }
    for (const ck of t.checks ?? []) name(ck.name, `check${of}:`, ck.pos ?? t.pos);
    const p = t.partitioning;
    if (p) {
      // Written into statements as they are: the expressions and values must embed.
      const embeds = (text: unknown, what: string) => {
        const problem = typeof text !== 'string' ? { message: 'is not text' }
          : text.toUpperCase() === 'MAXVALUE' ? null : expressionEmbeddingProblem(text);
        if (problem) {
          out.push({ code: 'E_SQL_SYNTAX', message: `${where}${what}${of} cannot be written into SQL: ${problem.message}`, ...(p.pos ?? t.pos ? { pos: p.pos ?? t.pos } : {}),
            hint: 'give the partitioning an expression and values that are SQL' });
        }
      };
      for (const scheme of [p.by, p.subBy]) {
        if (scheme?.expr !== undefined) embeds(scheme.expr, 'the partitioning expression');
        for (const c of scheme?.columns ?? []) name(c, `partitioning column${of}:`, p.pos ?? t.pos);
      }
      for (const d of p.partitions ?? []) {
        name(d.name, `partition${of}:`, p.pos ?? t.pos);
        for (const sp of d.subpartitions ?? []) name(sp, `subpartition${of}:`, p.pos ?? t.pos);
        for (const v of [...(d.lessThan ?? []), ...(d.values ?? [])]) embeds(v, `a value of partition ${q(String(d.name))}`);
      }
    }
  }
  for (const v of Array.isArray(ir?.views) ? ir.views : []) if (v) name(v.name, 'view', v.pos);
  for (const t of Array.isArray(ir?.triggers) ? ir.triggers : []) if (t) name(t.name, 'trigger', t.pos);
  for (const r of Array.isArray(ir?.routines) ? ir.routines : []) if (r) name(r.name, r.type === 'FUNCTION' ? 'function' : 'procedure', r.pos);
  for (const e of Array.isArray(ir?.events) ? ir.events : []) if (e) name(e.name, 'event', e.pos);
  return out;
}

/** A name for a message, on one line and short. */
function oneLineName(value: unknown): string {
  const text = String(value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}

/** Objects in declaration order (file, line, column), so that a second declaration is the one reported. */
function inDeclarationOrder<T extends { readonly pos?: SourcePos }>(list: readonly T[]): T[] {
  const at = (x: T) => (x.pos ? `${x.pos.file}\0${String(x.pos.line).padStart(9, '0')}\0${String(x.pos.column).padStart(9, '0')}` : '');
  return [...list].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}

/** The types whose literal defaults are numbers (TYPE_FACTS numeric). */
type NumericType = Extract<ColumnType, { readonly kind: 'int' | 'decimal' | 'float' | 'double' | 'boolean' | 'year' | 'bit' }>;

class Validator {
  private readonly tables = new Map<string, TableInfo>();
  private readonly tablesCi = new Map<string, TableInfo>();

  constructor(private readonly ir: SchemaIR, private readonly out: Diagnostic[], private readonly server: ServerProfile,
    private readonly hints: BuildHints) {}

  private report(code: string, message: string, pos: SourcePos | undefined, hint: string): void {
    const d: { code: string; message: string; pos?: SourcePos; hint: string } = { code, message, hint };
    if (pos) d.pos = pos;
    this.out.push(d);
  }

  run(): void {
    const tables = Array.isArray(this.ir?.tables) ? this.ir.tables : [];
    const infos: TableInfo[] = [];
    for (const table of tables) {
      const columns = new Map<string, Column>();
      const columnsCi = new Map<string, Column>();
      for (const c of table.columns ?? []) {
        if (!columns.has(c.name)) columns.set(c.name, c);
        if (!columnsCi.has(lower(c.name))) columnsCi.set(lower(c.name), c);
      }
      const info: TableInfo = { table, columns, columnsCi };
      infos.push(info);
      const key = lower(table.name);
      const first = this.tablesCi.get(key);
      if (first) {
        const same = first.table.name === table.name;
        this.report('E_DUPLICATE_TABLE',
          `table ${q(table.name)} is declared twice${same ? '' : ` (as ${q(first.table.name)} too; table names are compared case-insensitively)`}`,
          table.pos, 'rename one of the tables, or remove the duplicate declaration');
      } else {
        this.tablesCi.set(key, info);
      }
      if (!this.tables.has(table.name)) this.tables.set(table.name, info);
    }
    for (const info of infos) this.table(info);
    this.constraintNames(tables);
    this.views(Array.isArray(this.ir?.views) ? this.ir.views : []);
    this.triggers(Array.isArray(this.ir?.triggers) ? this.ir.triggers : []);
    this.routines(Array.isArray(this.ir?.routines) ? this.ir.routines : []);
    this.events(Array.isArray(this.ir?.events) ? this.ir.events : []);
  }

  // ---------------------------------------------------------------- events

  private events(events: readonly SchemaEvent[]): void {
    const names = new Set<string>();
    for (const e of inDeclarationOrder(events)) {
      this.name(e.name, 'event', null, e.pos);
      if (names.has(lower(e.name))) {
        this.report('E_DUPLICATE_EVENT', `event ${q(e.name)} is declared twice (event names are compared case-insensitively)`, e.pos,
          'rename one of the events, or remove the duplicate declaration');
      }
      names.add(lower(e.name));
      for (const [what, text] of [['body', e.body], ['schedule', e.schedule]] as const) {
        const problem = programBodyProblem(String(text));
        if (problem) {
          this.report('E_EVENT_TEXT', `event ${q(e.name)}: the ${what} ${problem.message}`, e.pos,
            'write it as in CREATE EVENT (schedule: EVERY n unit [STARTS ...] [ENDS ...] or AT timestamp), with every quote closed');
        }
      }
      if (!/^\s*(EVERY|AT)\b/i.test(String(e.schedule))) {
        this.report('E_EVENT_TEXT', `event ${q(e.name)}: the schedule must start with EVERY or AT`, e.pos, 'write EVERY 1 DAY, or AT \'2030-01-01 00:00:00\'');
      }
      if (e.sqlMode !== undefined && !setStatementFor(this.server)) {
        this.report('E_EVENT_SQL_MODE', `event ${q(e.name)} declares its sql_mode, which only MariaDB's SET STATEMENT ... FOR can give it in one statement`,
          e.pos, 'leave sqlMode out (it takes the sql_mode of the session that runs the migration), or set the dialect to mariadb');
      }
    }
  }

  // ---------------------------------------------------------------- routines

  /** Names unique per kind (procedures and functions have a namespace each), texts that embed. */
  private routines(routines: readonly Routine[]): void {
    const names = new Set<string>();
    for (const r of inDeclarationOrder(routines)) {
      const kind = r.type === 'FUNCTION' ? 'function' : 'procedure';
      this.name(r.name, kind, null, r.pos);
      const key = `${r.type} ${lower(r.name)}`;
      if (names.has(key)) {
        this.report('E_DUPLICATE_ROUTINE', `${kind} ${q(r.name)} is declared twice (routine names are compared case-insensitively)`, r.pos,
          `rename one of the ${kind}s, or remove the duplicate declaration`);
      }
      names.add(key);
      for (const [what, text, required] of [['body', r.body, true], ['parameter list', r.params, false], ['RETURNS type', r.returns ?? '', r.type === 'FUNCTION']] as const) {
        if (!required && String(text).trim() === '') continue;
        const problem = programBodyProblem(String(text));
        if (problem) {
          this.report('E_ROUTINE_TEXT', `${kind} ${q(r.name)}: the ${what} ${problem.message}`, r.pos,
            'write it as in CREATE PROCEDURE / CREATE FUNCTION, with every quote and comment closed');
        }
      }
      if (r.sqlMode !== undefined && !setStatementFor(this.server)) {
        this.report('E_ROUTINE_SQL_MODE', `${kind} ${q(r.name)} declares its sql_mode, which only MariaDB's SET STATEMENT ... FOR can give it in one statement`,
          r.pos, 'leave sqlMode out (it takes the sql_mode of the session that runs the migration), or set the dialect to mariadb');
      }
    }
  }

  // ---------------------------------------------------------------- triggers

  /** Names unique, on a table of the schema, one per table, timing and event, a body that embeds. */
  private triggers(triggers: readonly Trigger[]): void {
    const names = new Map<string, Trigger>();
    const slots = new Map<string, Trigger>();
    for (const t of inDeclarationOrder(triggers)) {
      this.name(t.name, 'trigger', null, t.pos);
      const key = lower(t.name);
      if (names.has(key)) {
        this.report('E_DUPLICATE_TRIGGER', `trigger ${q(t.name)} is declared twice (trigger names are per database and compared case-insensitively)`,
          t.pos, 'rename one of the triggers, or remove the duplicate declaration');
      }
      names.set(key, t);
      if (!this.tablesCi.has(lower(t.table))) {
        this.report('E_TRIGGER_TABLE', `trigger ${q(t.name)} is on table ${q(t.table)}, which the schema does not declare`, t.pos,
          'declare the table, or put the trigger on a table of the schema');
        continue;
      }
      const slot = `${lower(t.table)} ${t.timing} ${t.event}`;
      const other = slots.get(slot);
      if (other) {
        this.report('E_TRIGGER_ORDER', `triggers ${q(other.name)} and ${q(t.name)} both run ${t.timing} ${t.event} on ${q(t.table)}: the server runs them in the order they were created, which a schema does not hold`,
          t.pos, 'merge their bodies into one trigger (BEGIN ... END)');
      }
      slots.set(slot, t);
      if (t.sqlMode !== undefined && !setStatementFor(this.server)) {
        this.report('E_TRIGGER_SQL_MODE', `trigger ${q(t.name)} declares its sql_mode, which only MariaDB's SET STATEMENT ... FOR can give a trigger in one statement`,
          t.pos, 'leave sqlMode out (the trigger takes the sql_mode of the session that runs the migration), or set the dialect to mariadb');
      }
      const problem = programBodyProblem(typeof t.body === 'string' ? t.body : '');
      if (problem) {
        this.report('E_TRIGGER_BODY', `trigger ${q(t.name)}: the body ${problem.message}`, t.pos,
          'write the body as one statement or BEGIN ... END, with every quote and comment closed');
      }
    }
  }

  // ---------------------------------------------------------------- views

  /** Names (free, not a table's), and a SELECT that can be written into CREATE VIEW. */
  private views(views: readonly View[]): void {
    const seen = new Map<string, View>();
    for (const v of inDeclarationOrder(views)) {
      this.name(v.name, 'view', null, v.pos);
      const key = lower(v.name);
      const table = this.tablesCi.get(key);
      if (table) {
        this.report('E_VIEW_NAME_TAKEN', `view ${q(v.name)} has the name of table ${q(table.table.name)}: tables and views share one namespace`, v.pos,
          'rename the view or the table');
      } else if (seen.has(key)) {
        this.report('E_DUPLICATE_VIEW', `view ${q(v.name)} is declared twice (view names are compared case-insensitively)`, v.pos,
          'rename one of the views, or remove the duplicate declaration');
      }
      seen.set(key, v);
      const select = typeof v.select === 'string' ? v.select.trim() : '';
      const problem = expressionEmbeddingProblem(select);
      const shown = select.length > 60 ? select.slice(0, 57).replace(/\s+/g, ' ') + '...' : select.replace(/\s+/g, ' ');
      if (problem) {
        this.report('E_VIEW_SELECT', `view ${q(v.name)}: sql\`${shown}\` ${problem.message}`, v.pos,
          'write one SELECT statement, without a `;` and with every quote closed');
      } else if (!/^(\(\s*)*(select|with|values|table)\b/i.test(select)) {
        this.report('E_VIEW_SELECT', `view ${q(v.name)}: sql\`${shown}\` is not a SELECT`, v.pos,
          'a view is defined by a query: SELECT ... (or WITH ..., VALUES ..., TABLE ...)');
      }
    }
  }

  // ---------------------------------------------------------------- table options

  /**
   * The storage options (dialect/mysql/table-options.ts) as the server takes them: each value in
   * its range, InnoDB's row formats and page sizes, KEY_BLOCK_SIZE only with ROW_FORMAT=COMPRESSED,
   * PAGE_COMPRESSED neither with it nor with KEY_BLOCK_SIZE, PAGE_COMPRESSION_LEVEL only with
   * PAGE_COMPRESSED (each refused by MariaDB 10.11 with errno 140 "Wrong create options";
   * MySQL's manual says the same of InnoDB), MariaDB's own options only on MariaDB, and an
   * unmodelled option neither one the IR models nor anything but option words.
   */
  private storageOptions(table: Table): void {
    const o = table.options;
    const t = table.name;
    const pos = table.pos;
    const bad = (code: string, message: string, hint: string) => this.report(code, `table ${q(t)}: ${message}`, pos, hint);
    const innodb = engineOf(o, this.server).toLowerCase() === 'innodb';
    for (const f of STORAGE_OPTIONS) {
      const v = o[f.key];
      if (v === undefined) continue;
      if (f.value === 'count' && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < (f.min ?? 0) || v > (f.max ?? Number.MAX_SAFE_INTEGER))) {
        bad('E_TABLE_OPTION_VALUE', `${f.sql} ${String(v)} is out of range`, `give a whole number from ${f.min ?? 0} to ${f.max ?? Number.MAX_SAFE_INTEGER}`);
      }
      if (f.value === 'flag' && typeof v !== 'boolean') bad('E_TABLE_OPTION_VALUE', `${f.sql} takes true or false`, 'give true or false');
      if (f.mariadbOnly && !mariadbTableOptions(this.server)) {
        bad('E_TABLE_OPTION_SERVER', `${f.sql} is a MariaDB table option; MySQL has no such option`,
          f.key === 'encrypted' ? 'on MySQL use .option(\'ENCRYPTION\', \'Y\'), or set "dialect": "mariadb" in the config'
            : 'on MySQL use .option(\'COMPRESSION\', \'zlib\'), or set "dialect": "mariadb" in the config');
      }
    }
    if (o.rowFormat !== undefined) {
      if (!ROW_FORMATS.includes(o.rowFormat)) {
        bad('E_TABLE_OPTION_VALUE', `ROW_FORMAT ${q(String(o.rowFormat))} is not a row format`, `use one of ${ROW_FORMATS.join(', ')}`);
      } else if (innodb && !INNODB_ROW_FORMATS.includes(o.rowFormat)) {
        bad('E_TABLE_OPTION_VALUE', `InnoDB has no ROW_FORMAT=${o.rowFormat}`, `use one of ${INNODB_ROW_FORMATS.join(', ')}, or another engine`);
      }
    }
    if (innodb && o.keyBlockSize !== undefined) {
      if (!INNODB_KEY_BLOCK_SIZES.includes(o.keyBlockSize)) {
        bad('E_TABLE_OPTION_VALUE', `InnoDB takes KEY_BLOCK_SIZE ${INNODB_KEY_BLOCK_SIZES.join(', ')}, not ${o.keyBlockSize}`, 'use one of those sizes (in KB)');
      } else if (o.rowFormat !== undefined && o.rowFormat !== 'COMPRESSED') {
        bad('E_TABLE_OPTION_CONFLICT', `KEY_BLOCK_SIZE needs ROW_FORMAT=COMPRESSED, not ${o.rowFormat}`, 'remove .keyBlockSize(), or use .rowFormat(\'COMPRESSED\')');
      }
    }
    if (o.pageCompressed === true && (o.rowFormat === 'COMPRESSED' || o.keyBlockSize !== undefined)) {
      bad('E_TABLE_OPTION_CONFLICT', 'PAGE_COMPRESSED cannot go with ROW_FORMAT=COMPRESSED or KEY_BLOCK_SIZE', 'use one kind of compression');
    }
    if (o.pageCompressionLevel !== undefined && o.pageCompressed !== true) {
      bad('E_TABLE_OPTION_CONFLICT', 'PAGE_COMPRESSION_LEVEL needs PAGE_COMPRESSED=1', 'add .pageCompressed(true), or remove .pageCompressionLevel()');
    }
    for (const x of o.other ?? []) {
      const name = String(x.name).toUpperCase();
      if (NOT_OTHER_OPTIONS.has(name)) {
        const fact = STORAGE_OPTION_BY_SQL.get(name);
        bad('E_TABLE_OPTION_MODELLED', `option ${name} is part of the schema language, not an option to carry as written`,
          fact ? `use .${fact.key}() instead of .option('${x.name}', ...)` : `give it with its own method (.engine(), .charset(), .collate(), .comment())`);
      }
    }
  }

  // ---------------------------------------------------------------- partitioning

  /**
   * PARTITION BY as the server takes it (https://dev.mysql.com/doc/refman/8.0/en/partitioning-limitations-partitioning-keys-unique-keys.html,
   * partitioning-limitations-storage-engines.html; MariaDB the same): a scheme of its kind
   * (RANGE and LIST list their partitions with bounds or values, HASH and KEY none; subpartitions
   * HASH or KEY of RANGE or LIST), its columns the table's, every primary and unique key holding
   * every column the partitioning uses, no foreign key on a partitioned table nor to one (InnoDB
   * refuses both), partition names unique.
   */
  private partitioning(info: TableInfo, p: Partitioning): void {
    const { table } = info;
    const t = table.name;
    const pos = p.pos ?? table.pos;
    const bad = (code: string, message: string, hint: string) => this.report(code, `table ${q(t)}: ${message}`, pos, hint);
    const used = new Set<string>();
    const scheme = (s: PartitionScheme, sub: boolean) => {
      const what = sub ? 'SUBPARTITION BY' : 'PARTITION BY';
      const columnsForm = (s.method === 'RANGE' || s.method === 'LIST') && s.expr === undefined;
      if (sub && s.method !== 'HASH' && s.method !== 'KEY') bad('E_PARTITION_SCHEME', `${what} ${s.method}: subpartitions are HASH or KEY`, 'use a HASH or KEY subpartitioning');
      if (s.linear && s.method !== 'HASH' && s.method !== 'KEY') bad('E_PARTITION_SCHEME', `LINEAR ${s.method} does not exist`, 'LINEAR goes with HASH and KEY only');
      if (s.method === 'KEY' && s.expr !== undefined) bad('E_PARTITION_SCHEME', `${what} KEY takes columns, not an expression`, 'list the columns');
      if (s.method === 'HASH' && s.expr === undefined) bad('E_PARTITION_SCHEME', `${what} HASH needs an expression`, 'give the expression, as sql`id`');
      if (columnsForm && !(s.columns?.length)) bad('E_PARTITION_SCHEME', `${what} ${s.method} COLUMNS needs at least one column`, 'list the columns');
      if (s.count !== undefined && (s.method === 'RANGE' || s.method === 'LIST')) {
        bad('E_PARTITION_SCHEME', `${what} ${s.method} lists its partitions: it takes no count`, 'list each partition with its bound or values');
      }
      if (s.expr !== undefined) {
        this.expression(s.expr, 'generated', `the partitioning expression of table ${q(t)}`, pos);
        for (const c of referencedColumns(s.expr, (table.columns ?? []).map((x) => x.name))) used.add(lower(c));
      }
      for (const c of s.columns ?? []) {
        const col = info.columnsCi.get(lower(c));
        if (!col) bad('E_PARTITION_COLUMN', `${what} names column ${q(c)}, which the table does not have`, 'name a column of the table');
        else {
          used.add(lower(c));
          // MariaDB 10.11: "A BLOB field is not allowed in partition function" (TEXT, BLOB and JSON alike).
          if (isLob(col.type) || col.type.kind === 'json') {
            bad('E_PARTITION_COLUMN', `${what} names ${typeText(col.type)} column ${q(c)}: a BLOB, TEXT or JSON column cannot be a partitioning column`, 'partition by another column');
          }
        }
      }
      if (s.method === 'KEY' && !(s.columns?.length)) {
        // KEY (): the primary key (MariaDB 10.11 without one: "Field in list of fields for partition function not found in table").
        if (!table.primaryKey) bad('E_PARTITION_SCHEME', `${what} KEY () partitions by the primary key, and the table has none`, 'name the columns, or declare a primary key');
        for (const c of table.primaryKey?.columns ?? []) used.add(lower(c));
      }
    };
    scheme(p.by, false);
    if (p.subBy) {
      if (p.by.method !== 'RANGE' && p.by.method !== 'LIST') bad('E_PARTITION_SCHEME', `only RANGE and LIST partitions have subpartitions, not ${p.by.method}`, 'remove the subpartitioning');
      scheme(p.subBy, true);
    }
    const columnsForm = p.by.expr === undefined && (p.by.method === 'RANGE' || p.by.method === 'LIST');
    const arity = columnsForm ? p.by.columns?.length ?? 1 : 1;
    if ((p.by.method === 'RANGE' || p.by.method === 'LIST') && p.partitions.length === 0) {
      bad('E_PARTITION_SCHEME', `PARTITION BY ${p.by.method} needs its partitions listed`, `list them, as ${p.by.method === 'RANGE' ? "lessThan('p0', 100)" : "valuesIn('p0', 1, 2)"}`);
    }
    const names = new Set<string>();
    for (const d of p.partitions) {
      this.name(d.name, 'partition', t, pos);
      if (names.has(lower(d.name))) bad('E_PARTITION_NAME', `two partitions are named ${q(d.name)}`, 'rename one of them');
      names.add(lower(d.name));
      for (const sp of d.subpartitions ?? []) {
        this.name(sp, 'subpartition', t, pos);
        if (names.has(lower(sp))) bad('E_PARTITION_NAME', `two partitions or subpartitions are named ${q(sp)}`, 'rename one of them');
        names.add(lower(sp));
      }
      const kind = p.by.method;
      if (kind === 'RANGE' && (!d.lessThan || d.values)) bad('E_PARTITION_SCHEME', `partition ${q(d.name)} of a RANGE partitioning needs VALUES LESS THAN`, "declare it with lessThan(name, bound)");
      if (kind === 'LIST' && (!d.values || d.lessThan)) bad('E_PARTITION_SCHEME', `partition ${q(d.name)} of a LIST partitioning needs VALUES IN`, "declare it with valuesIn(name, ...values)");
      if ((kind === 'HASH' || kind === 'KEY') && (d.values || d.lessThan)) bad('E_PARTITION_SCHEME', `partition ${q(d.name)} of a ${kind} partitioning takes no values`, 'give its name only');
      if (d.lessThan && d.lessThan.length !== arity) bad('E_PARTITION_SCHEME', `partition ${q(d.name)} has ${d.lessThan.length} bounds for ${arity} column${arity > 1 ? 's' : ''}`, 'give one bound per column');
      if (d.values && d.values.length === 0) bad('E_PARTITION_SCHEME', `partition ${q(d.name)} has no values`, 'give at least one value');
      if (d.subpartitions && !p.subBy) bad('E_PARTITION_SCHEME', `partition ${q(d.name)} lists subpartitions, but the table has no SUBPARTITION BY`, 'add the subpartitioning, or remove the subpartitions');
      for (const v of [...(d.lessThan ?? []), ...(d.values ?? [])]) {
        const problem = v.toUpperCase() === 'MAXVALUE' ? null : expressionEmbeddingProblem(v);
        if (problem) bad('E_SQL_SYNTAX', `a value of partition ${q(d.name)} cannot be written into SQL: ${problem.message}`, 'give a number, a string or an SQL literal');
      }
      if (d.comment !== undefined && /[\ud800-\udfff\0]/.test(d.comment)) bad('E_COMMENT_CHAR', `the comment of partition ${q(d.name)} holds NUL or a character above U+FFFF`, 'use characters of the Basic Multilingual Plane');
    }
    // The server's rule: every unique key holds every column of the partitioning.
    const keys: Array<[string, readonly string[]]> = [];
    if (table.primaryKey) keys.push(['the primary key', table.primaryKey.columns]);
    for (const ix of table.indexes ?? []) if (ix.unique) keys.push([`unique key ${q(ix.name)}`, ix.parts.map((x) => x.column)]);
    for (const [what, cols] of keys) {
      const have = new Set(cols.map(lower));
      const missing = [...used].filter((c) => !have.has(c));
      if (missing.length) {
        bad('E_PARTITION_KEY', `${what} (${cols.join(', ')}) does not include ${missing.join(', ')}, which the partitioning uses: `
          + 'the server requires every primary and unique key of a partitioned table to include every column of its partitioning',
        `add ${missing.join(', ')} to ${what}, or partition by columns every unique key has`);
      }
    }
    if (!partitionsEngine(this.server, engineOf(table.options, this.server))) {
      bad('E_PARTITION_ENGINE', `ENGINE=${engineOf(table.options, this.server)} cannot be partitioned on MySQL (only InnoDB and NDB can)`,
        'use InnoDB, or set "dialect": "mariadb" if the server is MariaDB');
    }
    if ((table.foreignKeys ?? []).length) {
      bad('E_PARTITION_FK', `a partitioned table cannot have foreign keys (${table.foreignKeys.map((f) => f.name).join(', ')}): InnoDB refuses them`,
        'remove the foreign keys, or the partitioning');
    }
    for (const other of this.ir.tables ?? []) {
      for (const fk of other.foreignKeys ?? []) {
        if (other !== table && lower(fk.refTable) === lower(t)) {
          bad('E_PARTITION_FK', `foreign key ${q(fk.name)} of table ${q(other.name)} references it, and a partitioned table cannot be referenced: InnoDB refuses it`,
            'remove the foreign key, or the partitioning');
        }
      }
    }
  }

  // ---------------------------------------------------------------- names

  /** `kind` is `table`, `column`, `index`, ...; `owner` the table the object belongs to. */
  private name(name: string, kind: string, owner: string | null, pos: SourcePos | undefined): void {
    const of = owner === null ? '' : ` of table ${q(owner)}`;
    if (typeof name !== 'string' || name.length === 0) {
      this.report('E_NAME_EMPTY', `a ${kind}${of} has an empty name`, pos, 'give it a name');
      return;
    }
    // Fast path: short, no trailing space, only printable BMP characters.
    if (name.length <= MAX_NAME && !name.endsWith(' ') && PLAIN_NAME.test(name)) return;
    const chars = [...name];
    const what = (shown: string) => `${kind} ${q(shown)}${of}`;
    if (chars.length > MAX_NAME) {
      this.report('E_NAME_TOO_LONG', `${what(chars.slice(0, 40).join('') + '…')} has a name of ${chars.length} characters; MySQL allows ${MAX_NAME}`,
        pos, `shorten the name to ${MAX_NAME} characters or fewer`);
    }
    if (name.endsWith(' ')) {
      this.report('E_NAME_TRAILING_SPACE', `${what(name)} ends with a space, which MySQL refuses in names`, pos,
        'remove the trailing space');
    }
    const bad = forbiddenNameChar(name);
    if (bad !== null) {
      this.report('E_NAME_INVALID_CHAR', `${what(name)} contains ${codePoint(bad.char)} (${bad.what}), which schemac does not allow in names`,
        pos, 'use printable characters of the Basic Multilingual Plane only: no control characters, line breaks, NUL or emoji');
    }
  }

  // ---------------------------------------------------------------- tables

  private table(info: TableInfo): void {
    const { table } = info;
    const t = table.name;
    this.name(t, 'table', null, table.pos);
    const columns = table.columns ?? [];
    if (columns.length === 0) {
      this.report('E_TABLE_NO_COLUMNS', `table ${q(t)} has no columns`, table.pos, 'declare at least one column');
    } else if (columns.every((c) => c.invisible)) {
      this.report('E_TABLE_NO_VISIBLE_COLUMN', `every column of table ${q(t)} is INVISIBLE; the server needs at least one visible column`, table.pos,
        'remove .invisible() from one column');
    }
    if (table.options?.comment && [...table.options.comment].length > MAX_TABLE_COMMENT) {
      this.report('E_COMMENT_TOO_LONG', `the comment of table ${q(t)} is longer than ${MAX_TABLE_COMMENT} characters`,
        table.pos, 'shorten the comment');
    }
    this.collation(table.options?.charset ?? null, table.options?.collate ?? null, `table ${q(t)}`, table.pos);
    for (const d of optionProblems(table.options?.engine ?? null, table.options?.charset ?? null, table.options?.collate ?? null,
      table.options?.comment ?? null, `table ${q(t)}`, table.pos, table.options)) this.out.push(d);
    if (table.options) this.storageOptions(table);
    if (table.partitioning) this.partitioning(info, table.partitioning);

    const seen = new Map<string, Column>();
    for (const col of columns) {
      const first = seen.get(lower(col.name));
      if (first) {
        this.report('E_DUPLICATE_COLUMN', `table ${q(t)} has two columns named ${q(col.name)}${first.name === col.name ? '' : ` (and ${q(first.name)}: column names are case-insensitive)`}`,
          col.pos ?? table.pos, 'rename or remove one of the columns');
      } else {
        seen.set(lower(col.name), col);
      }
      this.column(info, col);
    }
    this.autoIncrement(info);
    this.keys(info);
    for (const fk of table.foreignKeys ?? []) this.foreignKey(info, fk);
    for (const ck of table.checks ?? []) this.check(info, ck);
  }

  // ---------------------------------------------------------------- columns

  private column(info: TableInfo, col: Column): void {
    const t = info.table.name;
    const pos = col.pos ?? info.table.pos;
    const label = `${t}.${col.name}`;
    this.name(col.name, 'column', t, pos);
    const type = col.type;
    const backfill = backfillOf(this.hints, t, col.name);

    if (type.kind === 'enum' || type.kind === 'set') {
      const values = new Map<string, string>();
      for (const v of type.values) {
        const k = lower(v).replace(/ +$/, '');
        const prev = values.get(k);
        if (prev !== undefined) {
          this.report('E_ENUM_DUPLICATE_VALUE', `column ${q(label)}: ${type.kind} value '${v}' duplicates '${prev}' (values are compared case-insensitively, ignoring trailing spaces)`,
            pos, 'remove the duplicate value');
          break;
        }
        values.set(k, v);
      }
      if (type.kind === 'set') {
        const comma = type.values.find((v) => v.includes(','));
        if (comma !== undefined) {
          this.report('E_SET_VALUES', `column ${q(label)}: set value '${comma}' contains a comma`, pos,
            'set members are stored comma-separated; choose values without commas');
        }
        if (type.values.length > 64) {
          this.report('E_SET_VALUES', `column ${q(label)}: a set has at most 64 members, not ${type.values.length}`, pos,
            'use fewer members, or a separate table');
        }
      }
    }
    if (type.kind === 'varchar' || type.kind === 'char') {
      const cs = col.charset ?? info.table.options?.charset ?? null;
      const bytes = type.length * mbMaxLen(cs);
      if (type.kind === 'varchar' && bytes > 65535) {
        this.report('E_COLUMN_TOO_LONG', `column ${q(label)}: varchar(${type.length}) needs up to ${bytes} bytes in ${cs ?? 'utf8mb4'}; a row holds at most 65535`,
          pos, `use text or mediumtext, or a length of at most ${Math.floor(65532 / mbMaxLen(cs))}`);
      }
    }
    if ((type.kind === 'uuid' || type.kind === 'inet6' || type.kind === 'inet4') && !hasMariadbType(this.server, type.kind)) {
      const mysql = this.server.flavor === 'mysql';
      this.report('E_TYPE_UNSUPPORTED', `column ${q(label)} is ${typeText(type)}, a type of ${mariadbTypeRelease(type.kind)}+`
        + (mysql ? ' that MySQL does not have' : ' that this server does not have yet'), pos,
        type.kind === 'uuid' ? (mysql ? 'use char(36) (or binary(16) with UUID_TO_BIN) on MySQL' : 'use char(36), or a newer MariaDB')
          : (mysql ? 'use varbinary(16) with INET6_ATON() on MySQL' : 'use varbinary(16) with INET6_ATON(), or a newer MariaDB'));
    }
    if (col.compressed) {
      if (!compressedColumns(this.server)) {
        this.report('E_COMPRESSED_UNSUPPORTED', `column ${q(label)} is COMPRESSED, which only MariaDB (10.3.2+) has`, pos,
          this.server.flavor === 'mysql' ? 'remove .compressed() (MySQL compresses whole tables: ROW_FORMAT=COMPRESSED)' : 'remove .compressed()');
      } else if (!['varchar', 'varbinary', 'text', 'blob', 'json'].includes(type.kind)) {
        this.report('E_COMPRESSED_TYPE', `column ${q(label)} is ${typeText(type)}; COMPRESSED applies to varchar, varbinary, text, blob and json columns`,
          pos, 'remove .compressed()');
      }
    }
    if (col.invisible) {
      if (!invisibleColumns(this.server)) {
        this.report('E_INVISIBLE_UNSUPPORTED', `column ${q(label)} is INVISIBLE, which this server does not have (MySQL 8.0.23+, MariaDB 10.3.3+)`, pos,
          'remove .invisible()');
      } else if (!col.nullable && !col.default && !col.generated && !col.autoIncrement && invisibleNotNullNeedsDefault(this.server)) {
        this.report('E_INVISIBLE_DEFAULT', `column ${q(label)} is INVISIBLE and NOT NULL without a default, which MariaDB refuses (4108)`, pos,
          'give it a .default(), or make it nullable');
      }
    }
    if (type.kind === 'geometry' && type.srid === 0 && sridZeroIsNone(this.server)) {
      this.report('E_SRID_ZERO', `column ${q(label)}: MariaDB records no SRID as 0, so .srid(0) cannot be told from no SRID`, pos,
        'remove .srid(0): on MariaDB a spatial column without an SRID is SRID 0');
    }
    this.collation(col.charset, col.collate, `column ${q(label)}`, pos);
    for (const d of optionProblems(null, col.charset, col.collate, col.comment, `column ${q(label)}`, pos)) this.out.push(d);
    if (col.comment && [...col.comment].length > MAX_COLUMN_COMMENT) {
      this.report('E_COMMENT_TOO_LONG', `the comment of column ${q(label)} is longer than ${MAX_COLUMN_COMMENT} characters`, pos,
        'shorten the comment');
    }
    if (col.onUpdateNow && type.kind !== 'datetime' && type.kind !== 'timestamp') {
      this.report('E_ON_UPDATE_TYPE', `column ${q(label)}: ON UPDATE CURRENT_TIMESTAMP needs a datetime or timestamp column, not ${typeText(type)}`,
        pos, 'remove .onUpdateNow() or change the type');
    }

    if (col.generated) {
      this.expression(col.generated.expr, 'generated', `the generated expression of column ${q(label)}`, pos);
      if (col.default || col.onUpdateNow || col.autoIncrement) {
        const what = col.default ? 'a default' : col.onUpdateNow ? 'ON UPDATE CURRENT_TIMESTAMP' : 'AUTO_INCREMENT';
        this.report('E_GENERATED_DEFAULT', `column ${q(label)} is generated and cannot have ${what}`, pos,
          `remove ${col.default ? '.default()' : col.onUpdateNow ? '.onUpdateNow()' : '.autoIncrement()'}: the expression gives the value`);
      }
      if (!col.nullable) {
        // MariaDB refuses NULL/NOT NULL on a generated column (1064), and reports it nullable.
        this.report('E_GENERATED_NOT_NULL', `column ${q(label)} is generated and cannot be declared NOT NULL (MariaDB refuses it)`, pos,
          'remove .notNull() (and .primaryKey()): constrain the expression with a check instead');
      }
      if (backfill) {
        this.report('E_BACKFILL_GENERATED', `column ${q(label)} is generated and cannot have a backfill`, pos,
          'remove .backfill(): existing rows get the generated value');
      }
      return;
    }
    if (col.default) this.value(info, col, col.default, 'default', pos);
    if (backfill) this.value(info, col, backfill, 'backfill', pos);
  }

  private collation(charset: string | null, collate: string | null, what: string, pos: SourcePos | undefined): void {
    if (!charset || !collate) return;
    const cs = lower(charset);
    const co = lower(collate);
    const ok = co.startsWith(cs + '_') || (cs === 'binary' && co === 'binary')
      || ((cs === 'utf8mb3' || cs === 'utf8') && (co.startsWith('utf8_') || co.startsWith('utf8mb3_')));
    if (!ok) {
      this.report('E_COLLATION_CHARSET', `${what}: collation ${collate} does not belong to character set ${charset}`, pos,
        `use a ${charset}_... collation, or drop one of the two`);
    }
  }

  /** A default or backfill value against the column's type. */
  private value(info: TableInfo, col: Column, v: DefaultValue, role: 'default' | 'backfill', pos: SourcePos | undefined): void {
    const label = `${info.table.name}.${col.name}`;
    const type = col.type;
    const what = role === 'default' ? `the default of column ${q(label)}` : `the backfill of column ${q(label)}`;
    const fix = role === 'default' ? 'change .default()' : 'change .backfill()';
    switch (v.kind) {
      case 'null':
        if (!col.nullable) {
          this.report('E_DEFAULT_NULL_NOT_NULL', `${what} is NULL but the column is NOT NULL`, pos,
            role === 'default' ? 'remove .default(null) or make the column nullable' : 'give .backfill() a non-null value');
        }
        return;
      case 'expr':
        this.expression(v.sql, role, what, pos);
        return;
      case 'now':
        if (role === 'backfill') {
          if (!['date', 'time', 'datetime', 'timestamp'].includes(type.kind)) {
            this.report('E_DEFAULT_NOW_TYPE', `${what} is CURRENT_TIMESTAMP but the column is ${typeText(type)}`, pos,
              'backfill a value of the column\'s type');
          }
          return;
        }
        if (type.kind !== 'datetime' && type.kind !== 'timestamp') {
          this.report('E_DEFAULT_NOW_TYPE', `${what} is CURRENT_TIMESTAMP but the column is ${typeText(type)}; only datetime and timestamp take it`,
            pos, type.kind === 'date' ? 'use sql`(CURRENT_DATE)` for a date column' : 'use a datetime or timestamp column, or another default');
        } else if (v.fsp !== type.fsp) {
          this.report('E_DEFAULT_NOW_FSP', `${what} is CURRENT_TIMESTAMP(${v.fsp}) but the column is ${typeText(type)}; MySQL requires the same fractional-seconds precision`,
            pos, `use .defaultNow(), which gives CURRENT_TIMESTAMP(${type.fsp})`);
        }
        return;
      case 'string': case 'number':
        this.literal(info, col, v.kind, v.value, role, what, fix, pos);
        return;
      default:
        assertNever(v, 'default');
    }
  }

  private literal(info: TableInfo, col: Column, kind: 'string' | 'number', text: string, role: 'default' | 'backfill',
    what: string, fix: string, pos: SourcePos | undefined): void {
    const type = col.type;
    const shown = kind === 'string' ? `'${text.length > 40 ? text.slice(0, 40) + '…' : text}'` : text;
    switch (type.kind) {
      case 'int': case 'decimal': case 'float': case 'double': case 'boolean': case 'year': case 'bit': {
        const d = decomposeNumber(text);
        if (!d) {
          this.report('E_DEFAULT_NOT_NUMBER', `${what} is ${shown}, not a number, but the column is ${typeText(type)}`, pos,
            `${fix} to a number`);
          return;
        }
        this.number(d, text, type, what, shown, fix, pos);
        return;
      }
      case 'text': case 'blob': case 'json':
        if (role === 'default') {
          this.report('E_DEFAULT_LITERAL_ON_BLOB', `${what} is the literal ${shown}; MySQL refuses literal defaults on ${typeText(type)} columns`, pos,
            `use an expression default, e.g. sql\`(${type.kind === 'json' ? 'JSON_OBJECT()' : `'${text.replace(/'/g, "''").slice(0, 20)}'`})\``);
          return;
        }
        if (type.kind === 'json') {
          try {
            JSON.parse(text);
          } catch {
            this.report('E_DEFAULT_JSON', `${what} is ${shown}, which is not valid JSON`, pos, `${fix} to a JSON document, e.g. '{}'`);
          }
          return;
        }
        if (Buffer.byteLength(text, 'utf8') > LOB_BYTES[type.size]) {
          this.report('E_DEFAULT_TOO_LONG', `${what} is longer than a ${type.size} holds`, pos, `${fix} or use a larger type`);
        }
        return;
      case 'char': case 'varchar': {
        const n = [...text].length;
        if (n > type.length) {
          this.report('E_DEFAULT_TOO_LONG', `${what} is ${n} characters long but the column is ${typeText(type)}`, pos,
            `${fix} or widen the column`);
        }
        return;
      }
      case 'binary': case 'varbinary': {
        const n = Buffer.byteLength(text, 'utf8');
        if (n > type.length) {
          this.report('E_DEFAULT_TOO_LONG', `${what} is ${n} bytes long but the column is ${typeText(type)}`, pos, `${fix} or widen the column`);
        }
        return;
      }
      case 'enum': {
        if (!type.values.includes(text)) {
          const ci = type.values.find((x) => lower(x) === lower(text));
          this.report('E_DEFAULT_NOT_IN_VALUES', `${what} is ${shown}, which is not one of the enum values`, pos,
            ci !== undefined ? `write it exactly as declared: '${ci}'` : `use one of ${type.values.map((x) => `'${x}'`).join(', ')}`);
        }
        return;
      }
      case 'set': {
        if (text === '') return;
        const bad = text.split(',').find((m) => !type.values.includes(m));
        if (bad !== undefined) {
          this.report('E_DEFAULT_NOT_IN_VALUES', `${what} is ${shown}; '${bad}' is not a member of the set`, pos,
            `use a comma-separated list of ${type.values.map((x) => `'${x}'`).join(', ')} (no spaces)`);
        }
        return;
      }
      case 'date':
        if (!validDate(text)) {
          this.report('E_DEFAULT_DATE_FORMAT', `${what} is ${shown}, not a valid date (YYYY-MM-DD)`, pos, `${fix} to a real date as 'YYYY-MM-DD'`);
        }
        return;
      case 'datetime': case 'timestamp': {
        const m = /^(\S+) (\S+)$/.exec(text);
        const ok = m !== null && validDate(m[1]) && validClock(m[2], 23, type.fsp) && !m[2].startsWith('-') && m[2].indexOf(':') === 2;
        if (!ok) {
          this.report('E_DEFAULT_DATE_FORMAT', `${what} is ${shown}, not a valid ${type.kind} ('YYYY-MM-DD hh:mm:ss${type.fsp ? '.' + 'f'.repeat(type.fsp) : ''}')`,
            pos, `${fix} to a value like '2024-01-31 00:00:00'`);
        } else if (type.kind === 'timestamp' && (text < '1970-01-01 00:00:01' || text > '2038-01-19 03:14:07.999999')) {
          this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}, outside the timestamp range (1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC)`,
            pos, 'use a datetime column for dates outside that range');
        }
        return;
      }
      case 'time':
        if (!validClock(text, 838, type.fsp)) {
          this.report('E_DEFAULT_DATE_FORMAT', `${what} is ${shown}, not a valid time ('hh:mm:ss', -838:59:59 to 838:59:59)`, pos,
            `${fix} to a value like '12:30:00'`);
        }
        return;
      case 'uuid': case 'inet6': case 'inet4':
        if (canonicalAddress(type.kind, text) === null) {
          const example = { uuid: "'123e4567-e89b-12d3-a456-426614174000'", inet6: "'2001:db8::1'", inet4: "'192.0.2.1'" }[type.kind];
          this.report('E_DEFAULT_FORMAT', `${what} is ${shown}, not a valid ${typeText(type)} value`, pos, `${fix} to a value like ${example}`);
        }
        return;
      case 'geometry':
        this.report('E_DEFAULT_LITERAL_ON_GEOMETRY', `${what} is the literal ${shown}; a ${typeText(type)} column takes no literal value`, pos,
          role === 'default' ? 'use an expression default, e.g. sql`(ST_GeomFromText(\'POINT(0 0)\'))` (MySQL 8.0.13+, MariaDB)'
            : 'backfill an expression, e.g. sql`ST_GeomFromText(\'POINT(0 0)\')`');
        return;
      default:
        assertNever(type, 'column type');
    }
  }

  private number(d: Digits, text: string, type: NumericType, what: string, shown: string, fix: string, pos: SourcePos | undefined): void {
    const intValue = (): bigint => BigInt((d.neg ? '-' : '') + (d.int || '0'));
    switch (type.kind) {
      case 'int': case 'boolean': case 'year': case 'bit': {
        if (d.frac !== '') {
          this.report('E_DEFAULT_NOT_INTEGER', `${what} is ${shown}, not an integer, but the column is ${typeText(type)}`, pos, `${fix} to an integer`);
          return;
        }
        const n = intValue();
        if (type.kind === 'boolean') {
          if (n !== 0n && n !== 1n) {
            this.report('E_DEFAULT_BOOLEAN', `${what} is ${shown}; a boolean column takes 0/1 (false/true)`, pos, `${fix} to true or false`);
          }
          return;
        }
        if (type.kind === 'bit') {
          const max = (1n << BigInt(type.length)) - 1n;
          if (n < 0n || n > max) {
            this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}, outside the range of ${typeText(type)} (0 to ${max})`, pos,
              `${fix} or use more bits`);
          }
          return;
        }
        if (type.kind === 'year') {
          if (n !== 0n && (n < 1901n || n > 2155n)) {
            this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}; a year is 1901 to 2155 (or 0)`, pos, `${fix} to a 4-digit year`);
          }
          return;
        }
        const limits = INT_LIMITS[type.size];
        const min = type.unsigned ? 0n : limits.min;
        const max = type.unsigned ? limits.max * 2n + 1n : limits.max;
        if (n < min || n > max) {
          this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}, outside the range of ${typeText(type)} (${min} to ${max})`, pos,
            `${fix} or use a larger integer type`);
        }
        return;
      }
      case 'decimal': {
        const intDigits = type.precision - type.scale;
        if (d.int.length > intDigits) {
          this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}, which has ${d.int.length} integer digits; ${typeText(type)} allows ${intDigits}`,
            pos, `${fix} or raise the precision`);
        } else if (type.unsigned && d.neg) {
          this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}, negative, but the column is ${typeText(type)}`, pos, `${fix} or drop .unsigned()`);
        }
        return;
      }
      case 'float': case 'double': {
        const n = Number(text);
        const limit = type.kind === 'float' ? 3.4028234663852886e38 : Number.MAX_VALUE;
        if (!Number.isFinite(n) || Math.abs(n) > limit) {
          this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}, outside the range of ${typeText(type)}`, pos, `${fix} or use double`);
        } else if (type.unsigned && d.neg) {
          this.report('E_DEFAULT_OUT_OF_RANGE', `${what} is ${shown}, negative, but the column is ${typeText(type)}`, pos, `${fix} or drop .unsigned()`);
        }
        return;
      }
      default:
        assertNever(type, 'numeric type');
    }
  }

  private expression(raw: string, context: ExprContext, what: string, pos: SourcePos | undefined): void {
    const sql = typeof raw === 'string' ? raw : '';
    const problem = checkSqlExpression(sql, context);
    if (!problem) return;
    const shown = sql.length > 60 ? sql.slice(0, 57).replace(/\s+/g, ' ') + '...' : sql.replace(/\s+/g, ' ');
    if (problem.code === 'too-deep') {
      this.report('E_SQL_TOO_DEEP', `${what}: sql\`${shown}\` ${problem.message}`, pos,
        'remove redundant parentheses, or write the expression with fewer levels');
    } else if (problem.code === 'disallowed') {
      this.report('E_SQL_DISALLOWED', `${what}: ${problem.message} (sql\`${shown}\`)`, pos,
        context === 'check' || context === 'generated'
          ? 'CHECK and generated expressions must be deterministic and use only the row\'s own columns'
          : 'use a constant expression or built-in function');
    } else {
      this.report('E_SQL_SYNTAX', `${what} is not valid SQL: sql\`${shown}\` ${problem.message}`, pos,
        'fix the expression; it is emitted as-is inside parentheses');
    }
  }

  private autoIncrement(info: TableInfo): void {
    const { table } = info;
    const autos = (table.columns ?? []).filter((c) => c.autoIncrement);
    autos.forEach((col, i) => {
      const pos = col.pos ?? table.pos;
      const label = `${table.name}.${col.name}`;
      if (i > 0) {
        this.report('E_AUTO_INCREMENT_MULTIPLE', `table ${q(table.name)} has more than one AUTO_INCREMENT column (${autos.map((c) => c.name).join(', ')})`,
          pos, `keep .autoIncrement() on one column only (${autos[0].name})`);
      }
      if (col.type.kind !== 'int') {
        this.report('E_AUTO_INCREMENT_TYPE', `column ${q(label)} is AUTO_INCREMENT but its type is ${typeText(col.type)}`, pos,
          'use an integer type (int, bigint, ...) for an AUTO_INCREMENT column');
      }
      if (col.default) {
        this.report('E_AUTO_INCREMENT_DEFAULT', `column ${q(label)} is AUTO_INCREMENT and cannot have a default`, pos,
          'remove .default()');
      }
      const first = (cols: readonly string[]) => cols.length > 0 && cols[0] === col.name;
      const keyed = (table.primaryKey && first(table.primaryKey.columns))
        || (table.indexes ?? []).some((ix) => first(ix.parts.map((p) => p.column)));
      if (!keyed) {
        this.report('E_AUTO_INCREMENT_NOT_KEY', `column ${q(label)} is AUTO_INCREMENT but is not the first column of the primary key or of an index`,
          pos, 'make it the primary key (.primaryKey()), or add index(t.' + col.name + ')');
      }
    });
  }

  // ---------------------------------------------------------------- keys

  /** Indexes the normaliser added for a foreign key (named after it, exactly its columns). */
  private supportingIndexes(table: Table): Set<Index> {
    const set = new Set<Index>();
    for (const fk of table.foreignKeys ?? []) {
      const ix = (table.indexes ?? []).find((i) => i.name === fk.name);
      if (ix && sameColumns(ix, fk.columns)) set.add(ix);
    }
    return set;
  }

  private keys(info: TableInfo): void {
    const { table } = info;
    const t = table.name;
    const supporting = this.supportingIndexes(table);
    const pk = table.primaryKey;
    if (pk) {
      const pos = pk.pos ?? table.pos;
      this.keyParts(info, pk.columns.map((column) => ({ column })), `the primary key of table ${q(t)}`, pos, false);
    }
    const indexes = table.indexes ?? [];
    if (indexes.length > MAX_INDEXES) {
      this.report('E_TOO_MANY_INDEXES', `table ${q(t)} has ${indexes.length} indexes; MySQL allows ${MAX_INDEXES}`, table.pos,
        'remove indexes the queries do not need');
    }
    const names = new Map<string, Index>();
    const defs = new Map<string, Index>();
    for (const ix of indexes) {
      const pos = ix.pos ?? table.pos;
      const kind = ix.type === 'fulltext' ? 'FULLTEXT index' : ix.type === 'spatial' ? 'SPATIAL index' : ix.unique ? 'unique key' : 'index';
      const what = `${kind} ${q(ix.name)} on table ${q(t)}`;
      if (!ix.autoNamed) this.name(ix.name, ix.unique ? 'unique key' : 'index', t, pos);
      if (lower(ix.name) === 'primary') {
        this.report('E_INDEX_NAME_PRIMARY', `${what}: the name PRIMARY is reserved for the primary key`, pos,
          'choose another name, or declare a primary key');
      }
      const prev = names.get(lower(ix.name));
      if (prev) {
        this.report('E_DUPLICATE_INDEX', `table ${q(t)} has two indexes named ${q(ix.name)}`, pos,
          'give one of them another name with .name(...)');
      } else {
        names.set(lower(ix.name), ix);
      }
      const def = `${ix.type ?? (ix.unique ? 'u' : 'i')}:${ix.parts.map((p) => `${lower(p.column)}/${p.length ?? ''}/${p.desc ? 'd' : ''}/${p.expr ?? ''}`).join(',')}`;
      const same = defs.get(def);
      if (same) {
        this.report('E_DUPLICATE_INDEX_DEF', `${what} repeats ${q(same.name)} (same columns)`, pos,
          'remove one of them (a column\'s .unique() already creates a unique key)');
      } else {
        defs.set(def, ix);
      }
      if (ix.type !== undefined) this.textOrSpatialIndex(info, ix, ix.type, what, pos);
      else if (!supporting.has(ix)) this.keyParts(info, ix.parts, what, pos, true);
      this.indexOptions(info, ix, what, pos);
    }
  }

  /**
   * A functional key part: MySQL 8.0.13+ only (MariaDB has none: a generated column indexed does
   * the same there); the expression is checked as a generated column's, and takes no prefix.
   */
  private functionalPart(info: TableInfo, expr: string, length: number | undefined, what: string, pos: SourcePos | undefined): void {
    if (!functionalIndexes(this.server)) {
      const server = this.server.flavor === 'mariadb' ? 'MariaDB' : 'this MySQL version (functional key parts need 8.0.13)';
      this.report('E_INDEX_EXPRESSION', `${what} has a functional key part (${expr.length > 40 ? expr.slice(0, 37) + '...' : expr}), which ${server} cannot index`, pos,
        `index a generated column instead: add a column with .generatedAs(sql\`${expr.replace(/`/g, '\\`')}\`) to ${q(info.table.name)} and index that column`);
      return;
    }
    if (length !== undefined) {
      this.report('E_INDEX_PREFIX', `${what}: a functional key part takes no prefix length`, pos,
        'remove the length, or take the prefix in the expression (left(col, n))');
    }
    this.expression(expr, 'generated', `${what}: its functional key part`, pos);
  }

  /** FULLTEXT: string columns, whole (no prefix, no order). SPATIAL: one NOT NULL geometry column. */
  private textOrSpatialIndex(info: TableInfo, ix: Index, type: IndexType, what: string, pos: SourcePos | undefined): void {
    const kind = type === 'fulltext' ? 'FULLTEXT' : 'SPATIAL';
    if (ix.unique) {
      this.report('E_INDEX_KIND', `${what} is both UNIQUE and ${kind}`, pos, `declare it as ${type}(...) or unique(...), not both`);
    }
    const engine = engineOf(info.table.options, this.server);
    if (!INDEXED_TEXT_ENGINES.has(engine.toLowerCase())) {
      this.report('E_INDEX_ENGINE', `${what}: ENGINE=${engine} has no ${kind} indexes`, pos,
        `use InnoDB (or MyISAM/Aria) for table ${q(info.table.name)}, or an ordinary index(...)`);
    }
    if (type === 'spatial' && ix.parts.length !== 1) {
      this.report('E_INDEX_SPATIAL_COLUMNS', `${what} has ${ix.parts.length} columns; a SPATIAL index has exactly one`, pos,
        'index one geometry column per spatial(...)');
    }
    if (ix.parts.length > MAX_KEY_PARTS) {
      this.report('E_KEY_TOO_MANY_COLUMNS', `${what} has ${ix.parts.length} columns; MySQL allows ${MAX_KEY_PARTS}`, pos, 'use fewer columns');
    }
    const seen = new Set<string>();
    for (const part of ix.parts) {
      if (part.expr !== undefined) {
        this.report('E_INDEX_PART_OPTION', `${what} has a functional key part, which a ${kind} index does not take`, pos,
          `index columns in ${type}(...); an expression goes in an ordinary index(...)`);
        continue;
      }
      if (seen.has(lower(part.column))) this.report('E_KEY_DUPLICATE_COLUMN', `${what} lists column ${q(part.column)} twice`, pos, 'list each column once');
      seen.add(lower(part.column));
      const col = info.columns.get(part.column);
      if (!col) {
        this.unknownColumn(info, part.column, what, pos);
        continue;
      }
      const label = `${info.table.name}.${col.name}`;
      if (part.length !== undefined || part.desc) {
        this.report('E_INDEX_PART_OPTION', `${what}: column ${q(label)} has a ${part.length !== undefined ? 'prefix length' : 'DESC order'}, which a ${kind} index does not take`,
          pos, `index the whole column: t.${col.name} without .prefix() or .desc()`);
      }
      if (type === 'fulltext') {
        const textual = col.type.kind === 'char' || col.type.kind === 'varchar' || col.type.kind === 'text';
        if (!textual) {
          this.report('E_INDEX_FULLTEXT_TYPE', `${what} includes column ${q(label)} of type ${typeText(col.type)}; FULLTEXT indexes char, varchar and text columns`,
            pos, `remove ${col.name} from fulltext(...), or index it with index(...)`);
        }
      } else {
        if (!SPATIAL_TYPES.has(String(col.type.kind))) {
          this.report('E_INDEX_SPATIAL_TYPE', `${what} includes column ${q(label)} of type ${typeText(col.type)}; SPATIAL indexes a geometry column`,
            pos, `use a geometry column in spatial(...), or index ${col.name} with index(...)`);
        } else if (col.nullable) {
          this.report('E_INDEX_SPATIAL_NULL', `${what} includes nullable column ${q(label)}; a SPATIAL index needs NOT NULL`, pos,
            `declare ${col.name} with .notNull()`);
        }
      }
    }
  }

  /** The options of an index: parser, USING, COMMENT and visibility, each where the server has it. */
  private indexOptions(info: TableInfo, ix: Index, what: string, pos: SourcePos | undefined): void {
    if (ix.parser !== undefined) {
      if (ix.type !== 'fulltext') {
        this.report('E_INDEX_PARSER', `${what} has a parser (${ix.parser}), which only a FULLTEXT index takes`, pos,
          'remove .parser(), or declare the index with fulltext(...)');
      } else if (!fulltextParserAvailable(this.server, ix.parser)) {
        this.report('E_INDEX_PARSER', `${what} uses the full-text parser ${q(ix.parser)}, which ${this.server.flavor === 'mariadb' ? 'MariaDB' : 'this server'} does not have`,
          pos, this.server.flavor === 'mariadb'
            ? 'remove .parser(): MariaDB has no ngram or mecab parser (its built-in parser splits words on spaces and punctuation)'
            : 'remove .parser(), or install the parser plugin and name it as the server does');
      }
    }
    if (ix.using === 'HASH' && ix.unique && !usingHashUniqueKept(this.server) && engineOf(info.table.options, this.server).toLowerCase() !== 'memory') {
      this.report('E_INDEX_USING', `${what} asks for USING HASH, which InnoDB on MySQL ignores (it builds a B-tree)`, pos,
        "remove .using('hash')");
    }
    if (ix.comment !== undefined && [...ix.comment].length > MAX_INDEX_COMMENT) {
      this.report('E_INDEX_COMMENT_LENGTH', `${what} has a comment of ${[...ix.comment].length} characters; MySQL allows ${MAX_INDEX_COMMENT}`, pos,
        'shorten the comment');
    }
    if (ix.hidden) {
      const keyword = hiddenIndexKeyword(this.server);
      const table = info.table;
      if (keyword === null) {
        this.report('E_INDEX_HIDDEN', `${what} is invisible, which this server cannot do (IGNORED indexes need MariaDB 10.6)`, pos,
          'remove .invisible(), or compile for MariaDB 10.6+ or MySQL 8');
      } else if (!table.primaryKey && ix.unique && ix.parts.every((p) => info.columns.get(p.column)?.nullable === false)) {
        this.report('E_INDEX_HIDDEN', `${what} stands in for the primary key of table ${q(table.name)} (unique, NOT NULL, and the table has none), so it cannot be ${keyword}`,
          pos, 'declare a primary key, or remove .invisible()');
      }
    }
  }

  private keyParts(info: TableInfo, parts: readonly { column: string; length?: number; expr?: string }[], what: string,
    pos: SourcePos | undefined, prefixAllowed: boolean): void {
    const { table } = info;
    if (parts.length === 0) {
      this.report('E_KEY_NO_COLUMNS', `${what} has no columns`, pos, 'list at least one column');
      return;
    }
    if (parts.length > MAX_KEY_PARTS) {
      this.report('E_KEY_TOO_MANY_COLUMNS', `${what} has ${parts.length} columns; MySQL allows ${MAX_KEY_PARTS}`, pos,
        'use fewer columns');
    }
    const seen = new Set<string>();
    let bytes = 0;
    for (const part of parts) {
      if (part.expr !== undefined) {
        this.functionalPart(info, part.expr, part.length, what, pos);
        continue;
      }
      const col = info.columns.get(part.column);
      if (seen.has(lower(part.column))) {
        this.report('E_KEY_DUPLICATE_COLUMN', `${what} lists column ${q(part.column)} twice`, pos, 'list each column once');
      }
      seen.add(lower(part.column));
      if (!col) {
        this.unknownColumn(info, part.column, what, pos);
        continue;
      }
      const type = col.type;
      const label = `${table.name}.${col.name}`;
      if (col.compressed) {
        this.report('E_INDEX_COMPRESSED', `${what} includes COMPRESSED column ${q(label)}, which MariaDB refuses in a key (4097)`, pos,
          `remove ${col.name} from the key, or .compressed() from the column`);
        continue;
      }
      if (part.length !== undefined) {
        const max = prefixLimit(type);
        if (!prefixAllowed || max === null || !Number.isInteger(part.length) || part.length < 1 || part.length > max) {
          const why = max === null ? `${typeText(type)} is not a string type`
            : part.length > max ? `it is longer than the column (${typeText(type)})` : 'it must be a positive integer';
          this.report('E_INDEX_PREFIX', `${what}: prefix length ${part.length} on column ${q(label)} is invalid: ${why}`, pos,
            'remove the length, or give one between 1 and the column\'s length');
          continue;
        }
      } else if (type.kind === 'json') {
        this.report('E_INDEX_JSON', `${what} includes json column ${q(label)}; MySQL cannot index json directly`, pos,
          'index a generated column that extracts the value, e.g. generatedAs(sql`(j->>\'$.id\')`)');
        continue;
      } else if (type.kind === 'text' || type.kind === 'blob') {
        this.report('E_INDEX_NEEDS_LENGTH', `${what} includes ${type.size} column ${q(label)} without a prefix length`, pos,
          prefixAllowed ? `give a prefix length for ${col.name} (col(255)), or use varchar` : 'use a varchar column in the primary key');
        continue;
      }
      bytes += this.keyBytes(info, col, part.length);
    }
    if (bytes > MAX_KEY_BYTES) {
      this.report('E_INDEX_TOO_LONG', `${what} needs up to ${bytes} bytes; InnoDB keys hold at most ${MAX_KEY_BYTES}`, pos,
        'use prefix lengths, shorter columns, or a single-byte character set');
    }
  }

  private keyBytes(info: TableInfo, col: Column, length: number | undefined): number {
    return keyBytes(col.type, mbMaxLen(col.charset ?? info.table.options?.charset ?? null), length);
  }

  private unknownColumn(info: TableInfo, name: string, what: string, pos: SourcePos | undefined): void {
    const ci = info.columnsCi.get(lower(name));
    this.report('E_UNKNOWN_COLUMN', `${what} refers to column ${q(name)}, which table ${q(info.table.name)} does not have`, pos,
      ci ? `write the column name exactly as declared: ${q(ci.name)}` : `declare the column, or use one of: ${[...info.columns.keys()].slice(0, 8).join(', ')}`);
  }

  // ---------------------------------------------------------------- foreign keys

  private foreignKey(info: TableInfo, fk: ForeignKey): void {
    const { table } = info;
    const t = table.name;
    const pos = fk.pos ?? table.pos;
    const what = `foreign key ${q(fk.name)} on table ${q(t)}`;
    if (!fk.autoNamed) this.name(fk.name, 'foreign key', t, pos);

    // The supporting index is skipped in keys(); its column problems are the foreign key's.
    const local: (Column | undefined)[] = [];
    const seen = new Set<string>();
    for (const c of fk.columns) {
      if (seen.has(lower(c))) this.report('E_KEY_DUPLICATE_COLUMN', `${what} lists column ${q(c)} twice`, pos, 'list each column once');
      seen.add(lower(c));
      const col = info.columns.get(c);
      if (!col) this.unknownColumn(info, c, what, pos);
      local.push(col);
    }
    if (fk.columns.length === 0) this.report('E_KEY_NO_COLUMNS', `${what} has no columns`, pos, 'list at least one column');
    if (fk.columns.length > MAX_KEY_PARTS) {
      this.report('E_KEY_TOO_MANY_COLUMNS', `${what} has ${fk.columns.length} columns; MySQL allows ${MAX_KEY_PARTS}`, pos, 'use fewer columns');
    }

    for (const [action, label] of [[fk.onDelete, 'ON DELETE'], [fk.onUpdate, 'ON UPDATE']] as const) {
      if (action === 'SET DEFAULT') {
        this.report('E_FK_SET_DEFAULT', `${what}: ${label} SET DEFAULT is refused by InnoDB`, pos,
          'use RESTRICT, CASCADE, SET NULL or NO ACTION');
      }
      if (action === 'SET NULL') {
        const notNull = local.find((c) => c !== undefined && !c.nullable);
        if (notNull) {
          this.report('E_FK_SET_NULL_NOT_NULL', `${what}: ${label} SET NULL but column ${q(`${t}.${notNull.name}`)} is NOT NULL`, pos,
            'make the column nullable, or choose another action');
        }
      }
    }
    for (const c of local) {
      if (!c?.generated) continue;
      if (!c.generated.stored) {
        this.report('E_FK_GENERATED', `${what} uses virtual generated column ${q(`${t}.${c.name}`)}`, pos,
          'make the generated column stored ({ stored: true }), or use a plain column');
      } else if (fk.onUpdate === 'CASCADE' || fk.onUpdate === 'SET NULL' || fk.onDelete === 'SET NULL') {
        this.report('E_FK_GENERATED', `${what} uses stored generated column ${q(`${t}.${c.name}`)} with a SET NULL or ON UPDATE CASCADE action`, pos,
          'use RESTRICT or NO ACTION (ON DELETE CASCADE is allowed)');
      }
    }

    // Other engines parse a foreign key and drop it without a word (MariaDB, MySQL): nothing would enforce it.
    if (!enforcesForeignKeys(table.options, this.server)) {
      this.report('E_FK_ENGINE', `${what}: table ${q(t)} uses ENGINE=${engineOf(table.options, this.server)}, which ignores foreign keys (only InnoDB enforces them)`, pos,
        `remove .engine('${engineOf(table.options, this.server)}') from ${q(t)}, or drop the foreign key`);
    }
    const target = this.tables.get(fk.refTable);
    if (target && !enforcesForeignKeys(target.table.options, this.server)) {
      this.report('E_FK_ENGINE', `${what} references table ${q(fk.refTable)}, which uses ENGINE=${engineOf(target.table.options, this.server)}: only InnoDB tables can be referenced`, pos,
        `remove .engine('${engineOf(target.table.options, this.server)}') from ${q(fk.refTable)}, or drop the foreign key`);
    }
    if (!target) {
      const ci = this.tablesCi.get(lower(fk.refTable));
      this.report('E_FK_UNKNOWN_TABLE', `${what} references table ${q(fk.refTable)}, which is not declared`, pos,
        ci ? `table names are case-sensitive on Linux servers: write ${q(ci.table.name)}` : 'declare the table, or fix the reference');
      return;
    }
    const remote: (Column | undefined)[] = [];
    for (const c of fk.refColumns) {
      const col = target.columns.get(c);
      if (!col) {
        const ci = target.columnsCi.get(lower(c));
        this.report('E_FK_UNKNOWN_COLUMN', `${what} references column ${q(`${fk.refTable}.${c}`)}, which does not exist`, pos,
          ci ? `write the column name exactly as declared: ${q(ci.name)}` : `reference a column of ${q(fk.refTable)}`);
      }
      remote.push(col);
    }
    if (fk.columns.length !== fk.refColumns.length) {
      this.report('E_FK_COLUMN_COUNT', `${what} has ${fk.columns.length} column(s) but references ${fk.refColumns.length}`, pos,
        'list as many referenced columns as local columns, in matching order');
      return;
    }
    for (let i = 0; i < local.length; i++) {
      const a = local[i];
      const b = remote[i];
      if (!a || !b) continue;
      const aLabel = `${t}.${a.name}`;
      const bLabel = `${fk.refTable}.${b.name}`;
      const ka = keyFamily(a.type);
      const kb = keyFamily(b.type);
      if (ka === null || kb === null) {
        const bad = ka === null ? a : b;
        this.report('E_FK_COLUMN_TYPE', `${what}: column ${q(bad === a ? aLabel : bLabel)} is ${typeText(bad.type)}, which cannot be part of a foreign key`,
          pos, 'use varchar, binary or a numeric column for the key');
        continue;
      }
      if (ka !== kb) {
        this.report('E_FK_TYPE_MISMATCH', `${what}: column ${q(aLabel)} is ${typeText(a.type)} but ${q(bLabel)} is ${typeText(b.type)}`, pos,
          `declare ${a.name} as ${typeText(b.type)}${b.type.kind === 'int' && b.type.unsigned ? ' (with .unsigned())' : ''}`);
        continue;
      }
      if (isTextualKey(a.type)) {
        const csA = a.charset ?? table.options?.charset ?? null;
        const csB = b.charset ?? target.table.options?.charset ?? null;
        const coA = a.collate ?? (a.charset === null ? table.options?.collate ?? null : null);
        const coB = b.collate ?? (b.charset === null ? target.table.options?.collate ?? null : null);
        if ((csA && csB && csA !== csB) || (coA && coB && coA !== coB)) {
          this.report('E_FK_TYPE_MISMATCH', `${what}: column ${q(aLabel)} (${coA ?? csA}) and ${q(bLabel)} (${coB ?? csB}) differ in character set or collation`,
            pos, 'give both columns the same charset and collation');
        }
      }
      if (b.generated && !b.generated.stored) {
        this.report('E_FK_GENERATED', `${what} references virtual generated column ${q(bLabel)}`, pos,
          'reference a stored or plain column');
      }
    }
    if (remote.every((c) => c !== undefined) && !this.isWholeKey(target.table, fk.refColumns)) {
      const keys = this.keysOf(target.table);
      const sameSet = keys.find((k) => k.length === fk.refColumns.length && k.every((c) => fk.refColumns.includes(c)));
      this.report('E_FK_NOT_KEY', `${what} references (${fk.refColumns.join(', ')}) of ${q(fk.refTable)}, which is not its primary key or a unique key`,
        pos, sameSet ? `list the referenced columns in the key's order: (${sameSet.join(', ')})`
          : `reference the primary key of ${q(fk.refTable)}, or add unique(${fk.refColumns.join(', ')}) to it (MySQL 8.4 requires a whole key)`);
    }
  }

  private keysOf(table: Table): string[][] {
    const keys: string[][] = [];
    if (table.primaryKey) keys.push([...table.primaryKey.columns]);
    for (const ix of table.indexes ?? []) {
      if (ix.unique && ix.parts.every((p) => p.length === undefined && p.expr === undefined)) keys.push(ix.parts.map((p) => p.column));
    }
    return keys;
  }

  private isWholeKey(table: Table, cols: readonly string[]): boolean {
    return this.keysOf(table).some((k) => k.length === cols.length && k.every((c, i) => c === cols[i]));
  }

  // ---------------------------------------------------------------- checks

  private check(info: TableInfo, ck: Check): void {
    const t = info.table.name;
    const pos = ck.pos ?? info.table.pos;
    if (!ck.autoNamed) this.name(ck.name, 'check', t, pos);
    this.expression(ck.expr, 'check', `check ${q(ck.name)} on table ${q(t)}`, pos);
    const col = info.columnsCi.get(lower(ck.name));
    if (col) {
      this.report('E_CHECK_NAME_COLUMN', `check ${q(ck.name)} on table ${q(t)} has the name of column ${q(col.name)}; MariaDB names column checks after their column and refuses it`,
        pos, 'give the check another name');
    }
    if (ck.enforced === false && !notEnforcedChecks(this.server)) {
      this.report('E_CHECK_NOT_ENFORCED', `check ${q(ck.name)} on table ${q(t)} is NOT ENFORCED, which only MySQL 8.0.16+ has (MariaDB refuses the clause)`,
        pos, 'remove .notEnforced() to enforce the check, or drop the check');
    }
    // MySQL and MariaDB refuse a CHECK over an AUTO_INCREMENT column (MariaDB error 1901).
    const words = identifierWords(ck.expr);
    for (const c of info.table.columns) {
      if (c.autoIncrement && words.has(lower(c.name))) {
        this.report('E_CHECK_AUTO_INCREMENT', `check ${q(ck.name)} on table ${q(t)} uses AUTO_INCREMENT column ${q(c.name)}, which the server refuses`,
          pos, 'check another column, or drop the check');
      }
    }
  }

  // ---------------------------------------------------------------- name scopes

  private constraintNames(tables: readonly Table[]): void {
    interface Owner { readonly kind: 'foreign key' | 'check'; readonly table: string; readonly name: string }
    const owners = new Map<string, Owner>();
    for (const table of tables) {
      const indexNames = new Map<string, Index>();
      for (const ix of table.indexes ?? []) if (!indexNames.has(lower(ix.name))) indexNames.set(lower(ix.name), ix);
      const items: { kind: Owner['kind']; name: string; pos: SourcePos | undefined; fk?: ForeignKey }[] = [
        ...(table.foreignKeys ?? []).map((fk) => ({ kind: 'foreign key' as const, name: fk.name, pos: fk.pos, fk })),
        ...(table.checks ?? []).map((ck) => ({ kind: 'check' as const, name: ck.name, pos: ck.pos })),
      ];
      for (const item of items) {
        const pos = item.pos ?? table.pos;
        const key = lower(item.name);
        const what = `${item.kind} ${q(item.name)} on table ${q(table.name)}`;
        const prev = owners.get(key);
        if (prev) {
          const where = (prev.table === table.name ? 'in the same table' : `on table ${q(prev.table)}`)
            + (prev.name === item.name ? '' : ` (${q(prev.name)}: names are compared case-insensitively)`);
          if (prev.kind === item.kind) {
            this.report(item.kind === 'foreign key' ? 'E_FK_NAME_DUPLICATE' : 'E_CHECK_NAME_DUPLICATE',
              `${what}: another ${item.kind} has the same name ${where}; the name must be unique in the database`, pos,
              'give one of them another name with .name(...), or adjust the naming template');
          } else {
            this.report('E_CONSTRAINT_NAME_CLASH', `${what}: a ${prev.kind} has the same name ${where}; MariaDB keeps foreign keys and checks in one namespace`,
              pos, 'give one of them another name with .name(...)');
          }
        } else {
          owners.set(key, { kind: item.kind, table: table.name, name: item.name });
        }
        const ix = indexNames.get(key);
        const supports = (table.foreignKeys ?? []).some((fk) => ix !== undefined && fk.name === ix.name && sameColumns(ix, fk.columns));
        // An FK's own supporting index is fine; a check named like it already clashes with the FK.
        if (ix && !supports) {
          this.report('E_CONSTRAINT_NAME_INDEX', `${what} has the same name as index ${q(ix.name)} of the table`, pos,
            `rename the ${item.kind} or the index; MariaDB refuses the clash`);
        }
      }
    }
  }
}

function sameColumns(ix: Index, columns: readonly string[]): boolean {
  return ix.type === undefined && ix.parts.length === columns.length && ix.parts.every((p, i) => p.column === columns[i] && p.length === undefined);
}

/** Types an index on which compares by collation (the textual ones, LOBs aside). */
function isTextualKey(t: ColumnType): boolean {
  return isTextual(t) && !isLob(t);
}
