import { setStatementFor, type ServerProfile } from '../dialect/mysql/server.js';
import type { Diagnostic } from '../diagnostics.js';
import { codePoint, forbiddenNameChar, OPTION_WORD } from '../dialect/mysql/sql.js';
import { identifierWords } from '../dialect/mysql/expr-columns.js';
import { INT_LIMITS, isLob, isTextual, keyBytes, keyFamily, LOB_BYTES, prefixLimit, typeText } from '../dialect/mysql/types.js';
import { checkSqlExpression, expressionEmbeddingProblem, programBodyProblem, type ExprContext } from './sql-expr.js';
import { DEFAULT_SERVER, enforcesForeignKeys, engineOf } from './normalize.js';
import { backfillOf, NO_HINTS, type BuildHints } from './hints.js';
import { assertNever } from './types.js';
import type {
  Check, Column, ColumnType, DefaultValue, ForeignKey, Index, Routine, SchemaEvent, SchemaIR, SourcePos, Table, Trigger, View,
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
const MAX_INDEXES = 64;
const MAX_KEY_BYTES = 3072;
const MAX_COLUMN_COMMENT = 1024;
const MAX_TABLE_COMMENT = 2048;


const lower = (s: string) => s.toLowerCase();
const q = (s: string) => `"${s}"`;

/** Bytes per character of a character set (unknown → 4, the utf8mb4 worst case MySQL 8 defaults to). */
function mbMaxLen(charset: string | null): number {
  if (charset === null) return 4;
  const c = lower(charset);
  if (c === 'utf8mb4' || c === 'utf16' || c === 'utf16le' || c === 'utf32' || c === 'gb18030') return 4;
  if (c === 'utf8mb3' || c === 'utf8' || c === 'eucjpms' || c === 'ujis') return 3;
  if (c === 'ucs2' || c === 'big5' || c === 'sjis' || c === 'cp932' || c === 'gbk' || c === 'gb2312' || c === 'euckr') return 2;
  return 1;
}


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
  what: string, pos: SourcePos | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = pos ? { pos } : {};
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
      `${where}table ${q(String(t.name))}`, t.pos));
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
  }
  for (const v of Array.isArray(ir?.views) ? ir.views : []) if (v) name(v.name, 'view', v.pos);
  for (const t of Array.isArray(ir?.triggers) ? ir.triggers : []) if (t) name(t.name, 'trigger', t.pos);
  for (const r of Array.isArray(ir?.routines) ? ir.routines : []) if (r) name(r.name, r.type === 'FUNCTION' ? 'function' : 'procedure', r.pos);
  for (const e of Array.isArray(ir?.events) ? ir.events : []) if (e) name(e.name, 'event', e.pos);
  return out;
}

/** Objects in declaration order (file, line, column), so that a second declaration is the one reported. */
function inDeclarationOrder<T extends { readonly pos?: SourcePos }>(list: readonly T[]): T[] {
  const at = (x: T) => (x.pos ? `${x.pos.file}\0${String(x.pos.line).padStart(9, '0')}\0${String(x.pos.column).padStart(9, '0')}` : '');
  return [...list].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}

/** The types whose literal defaults are numbers (TYPE_FACTS numeric). */
type NumericType = Extract<ColumnType, { readonly kind: 'int' | 'decimal' | 'float' | 'double' | 'boolean' | 'year' }>;

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
    }
    if (table.options?.comment && [...table.options.comment].length > MAX_TABLE_COMMENT) {
      this.report('E_COMMENT_TOO_LONG', `the comment of table ${q(t)} is longer than ${MAX_TABLE_COMMENT} characters`,
        table.pos, 'shorten the comment');
    }
    this.collation(table.options?.charset ?? null, table.options?.collate ?? null, `table ${q(t)}`, table.pos);
    for (const d of optionProblems(table.options?.engine ?? null, table.options?.charset ?? null, table.options?.collate ?? null,
      table.options?.comment ?? null, `table ${q(t)}`, table.pos)) this.out.push(d);

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
      case 'int': case 'decimal': case 'float': case 'double': case 'boolean': case 'year': {
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
      default:
        assertNever(type, 'column type');
    }
  }

  private number(d: Digits, text: string, type: NumericType, what: string, shown: string, fix: string, pos: SourcePos | undefined): void {
    const intValue = (): bigint => BigInt((d.neg ? '-' : '') + (d.int || '0'));
    switch (type.kind) {
      case 'int': case 'boolean': case 'year': {
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
      const what = `${ix.unique ? 'unique key' : 'index'} ${q(ix.name)} on table ${q(t)}`;
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
      const def = `${ix.unique ? 'u' : 'i'}:${ix.parts.map((p) => `${lower(p.column)}/${p.length ?? ''}/${p.desc ? 'd' : ''}`).join(',')}`;
      const same = defs.get(def);
      if (same) {
        this.report('E_DUPLICATE_INDEX_DEF', `${what} repeats ${q(same.name)} (same columns)`, pos,
          'remove one of them (a column\'s .unique() already creates a unique key)');
      } else {
        defs.set(def, ix);
      }
      if (!supporting.has(ix)) this.keyParts(info, ix.parts, what, pos, true);
    }
  }

  private keyParts(info: TableInfo, parts: readonly { column: string; length?: number }[], what: string,
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
      if (ix.unique && ix.parts.every((p) => p.length === undefined)) keys.push(ix.parts.map((p) => p.column));
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
  return ix.parts.length === columns.length && ix.parts.every((p, i) => p.column === columns[i] && p.length === undefined);
}

/** Types an index on which compares by collation (the textual ones, LOBs aside). */
function isTextualKey(t: ColumnType): boolean {
  return isTextual(t) && !isLob(t);
}
