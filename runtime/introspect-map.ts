import { isKnownTypeName, isLob, isNumeric, isTextual, readReportedType } from '../compiler/dialect/mysql/types.js';
import { VERSION_TABLE } from '../compiler/config.js';
import { lexSql, SqlScanner, type Token } from '../compiler/dialect/mysql/lexer.js';
import {
  defaultRowFormat, defaultsAreSql, escapesMetadataExpressions, jsonIsLongtext, metadataIsUtf8mb3, sridZeroIsNone,
  type ServerProfile, setStatementFor,
} from '../compiler/dialect/mysql/server.js';
import { OPTION_WORD } from '../compiler/dialect/mysql/quote.js';
import {
  INNODB_ROW_FORMATS, parseCreateOptions, readStorageValue, STORAGE_OPTION_BY_SQL,
} from '../compiler/dialect/mysql/table-options.js';
import { splitColumnList, splitValueList } from '../compiler/dialect/mysql/partition.js';
import {
  canonicalCharset, charsetOfCollation, compareNames, normalizeSchema, type CharsetSpelling, type Collation,
} from '../compiler/ir/normalize.js';
import { canonicalSql } from '../compiler/ir/sql-canonical.js';
import { validateText } from '../compiler/ir/validate.js';
import type {
  Check, Column, ColumnType, DefaultValue, ForeignKey, Index, IndexPart, OtherTableOption, PartitionDefinition, Partitioning,
  PartitionScheme, PrimaryKey, ReferentialAction, SchemaIR, Table, TableOptions, Routine, SchemaEvent, Trigger, TriggerEvent,
  TriggerTiming, View,
} from '../compiler/ir/types.js';
import { parseEvent, parseRoutine, scheduleWithoutStarts } from '../compiler/dialect/mysql/programs.js';
import { withoutDatabase } from '../compiler/dialect/mysql/views.js';

/**
 * information_schema rows → SchemaIR, as pure functions of the rows (no server needed, so the
 * MySQL 8 paths are tested with MySQL's values although only MariaDB runs in CI).
 * The server's spellings are turned into the compiler's (MYSQL-NOTES §7–§10, §13), then the
 * result goes through `normalizeSchema`, the normaliser every source shares.
 */

export type { Flavor } from '../compiler/dialect/mysql/server.js';

/**
 * The server (its profile: flavor, version, default engine, default collations) and the
 * database read: what decides what "default" means.
 */
export interface ServerInfo extends ServerProfile {
  /** The database introspected (a foreign key to another database is left out). */
  readonly database: string;
  /** SCHEMATA.DEFAULT_CHARACTER_SET_NAME / DEFAULT_COLLATION_NAME of the database. */
  readonly databaseCharset: string;
  readonly databaseCollation: string;
}

/** The database's default character set and collation: what its tables' unset ones mean when schemas are compared (`diffSchemas`). */
export function databaseDefaults(server: ServerInfo): Collation {
  return { charset: canonicalCharset(server.databaseCharset), collation: server.databaseCollation.toLowerCase() };
}

/** information_schema.TABLES (+ COLLATIONS for the character set), aliased. */
export interface TableRow {
  readonly name: string;
  readonly engine: string | null;
  readonly collation: string | null;
  readonly charset: string | null;
  readonly comment: string | null;
  /** ROW_FORMAT: the format the table has (`Dynamic`), declared or not. */
  readonly rowFormat?: string | null;
  /** CREATE_OPTIONS: the options declared (`row_format=COMPRESSED key_block_size=8`, see parseCreateOptions). */
  readonly createOptions?: string | null;
  /** AUTO_INCREMENT: the counter's next value (text: it may pass 2^53), NULL without an AUTO_INCREMENT column. */
  readonly autoIncrement?: string | null;
}

/** information_schema.COLUMNS, aliased; the values exactly as the server gives them. */
export interface ColumnRow {
  readonly tableName: string;
  readonly name: string;
  readonly position: number;
  readonly columnType: string;
  readonly nullable: string;
  /** SQL NULL → `null`; MariaDB's string `NULL` stays the string. */
  readonly columnDefault: string | null;
  readonly extra: string;
  readonly charset: string | null;
  readonly collation: string | null;
  readonly comment: string | null;
  readonly generationExpression: string | null;
  /** A spatial column's SRID: MySQL COLUMNS.SRS_ID (NULL: none), MariaDB GEOMETRY_COLUMNS.SRID (0: none). */
  readonly srid?: number | null;
}

/** information_schema.STATISTICS, one row per index part. */
export interface IndexRow {
  readonly tableName: string;
  readonly name: string;
  readonly nonUnique: number;
  readonly seq: number;
  /** NULL for a MySQL functional index part (then `expression` is set). */
  readonly columnName: string | null;
  readonly subPart: number | null;
  /** `A`, `D` or NULL. */
  readonly order: string | null;
  readonly indexType: string;
  readonly expression?: string | null;
  /** MySQL IS_VISIBLE = 'NO' or MariaDB IGNORED = 'YES'. */
  readonly hidden?: boolean;
  /** INDEX_COMMENT ('' when none). */
  readonly comment?: string | null;
}

/**
 * What information_schema does not say about an index, read from SHOW CREATE TABLE: the
 * FULLTEXT parser (`/*!50100 WITH PARSER \`ngram\` *\/` on MySQL) and KEY_BLOCK_SIZE.
 */
export interface IndexOptionRow {
  readonly tableName: string;
  readonly name: string;
  readonly parser?: string;
  readonly keyBlockSize?: number;
}

/** KEY_COLUMN_USAGE joined with REFERENTIAL_CONSTRAINTS, one row per column. */
export interface ForeignKeyRow {
  readonly tableName: string;
  readonly name: string;
  readonly seq: number;
  readonly columnName: string;
  readonly refSchema: string;
  readonly refTable: string;
  readonly refColumn: string;
  readonly onUpdate: string;
  readonly onDelete: string;
}

/** CHECK_CONSTRAINTS (MariaDB: with TABLE_NAME and LEVEL; MySQL: joined with TABLE_CONSTRAINTS). */
export interface CheckRow {
  readonly tableName: string;
  readonly name: string;
  readonly clause: string;
  /** MariaDB: `Column` or `Table`. */
  readonly level?: string | null;
  /** MySQL: TABLE_CONSTRAINTS.ENFORCED. */
  readonly enforced?: string | null;
}

/** information_schema.VIEWS (+ the ALGORITHM of SHOW CREATE VIEW on MySQL, whose VIEWS lacks it). */
export interface ViewRow {
  readonly name: string;
  readonly definition: string;
  readonly checkOption: string;
  readonly security: string;
  readonly algorithm: string;
}

/** information_schema.TRIGGERS (the same columns on MySQL 8 and MariaDB). */
export interface TriggerRow {
  readonly name: string;
  readonly tableName: string;
  readonly timing: string;
  readonly event: string;
  readonly body: string;
  readonly sqlMode: string;
  readonly actionOrder: number;
}

/** information_schema.ROUTINES with the routine's SHOW CREATE text (null when the server did not show it). */
export interface RoutineRow {
  readonly name: string;
  readonly type: string;
  readonly sqlMode: string;
  readonly create: string | null;
}

/** information_schema.EVENTS with the event's SHOW CREATE text (null when the server did not show it). */
export interface EventRow {
  readonly name: string;
  readonly sqlMode: string;
  readonly create: string | null;
  /** STARTS and CREATED as the server shows them: equal when STARTS was not given (the server takes the time of creation). */
  readonly starts?: string | null;
  readonly created?: string | null;
}

export interface IntrospectRows {
  readonly events?: readonly EventRow[];
  readonly routines?: readonly RoutineRow[];
  readonly views?: readonly ViewRow[];
  readonly triggers?: readonly TriggerRow[];
  readonly tables: readonly TableRow[];
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
  readonly checks: readonly CheckRow[];
  /** From SHOW CREATE TABLE of the tables `tablesNeedingCreate` names (absent: none read). */
  readonly indexOptions?: readonly IndexOptionRow[];
  /** information_schema.PARTITIONS of partitioned tables (optional: rows read before partitioning was held). */
  readonly partitions?: readonly PartitionRow[];
}

/**
 * The tables whose SHOW CREATE TABLE says more about their indexes than STATISTICS: those with
 * a FULLTEXT index (its parser) and those of an engine other than InnoDB with an index
 * (KEY_BLOCK_SIZE; InnoDB ignores it, normalize.ts). Sorted, once each.
 */
export function tablesNeedingCreate(tables: readonly TableRow[], indexes: readonly IndexRow[]): string[] {
  const engines = new Map(tables.map((t) => [t.name, (t.engine ?? '').toLowerCase()]));
  const out = new Set<string>();
  for (const r of indexes) {
    if (!engines.has(r.tableName) || r.name === 'PRIMARY') continue;
    if (r.indexType.toUpperCase() === 'FULLTEXT' || engines.get(r.tableName) !== 'innodb') out.add(r.tableName);
  }
  return [...out].sort(compareNames);
}

/**
 * The parser and KEY_BLOCK_SIZE of each index in a SHOW CREATE TABLE text, read with the
 * dialect's lexer (executable comments as the server reads them), so a name or comment that
 * holds these words is never mistaken for them. Only the options before COMMENT are looked at,
 * where SHOW CREATE TABLE prints them (MySQL and MariaDB: USING, KEY_BLOCK_SIZE, WITH PARSER,
 * COMMENT, visibility).
 */
export function indexOptionsOfCreateTable(tableName: string, createSql: string): IndexOptionRow[] {
  const tokens = lexSql(createSql, { executable: 'code' }).tokens.filter((t) => t.kind !== 'conditional' && t.kind !== 'conditionalEnd');
  const open = tokens.findIndex((t) => t.kind === 'op' && t.text === '(');
  if (open < 0) return [];
  const items: Token[][] = [];
  let depth = 0;
  let current: Token[] = [];
  for (const t of tokens.slice(open + 1)) {
    if (t.kind === 'op' && t.text === '(') depth++;
    if (t.kind === 'op' && t.text === ')' && depth-- === 0) break;
    if (depth === 0 && t.kind === 'op' && t.text === ',') {
      items.push(current);
      current = [];
    } else {
      current.push(t);
    }
  }
  items.push(current);
  const out: IndexOptionRow[] = [];
  for (const item of items) {
    let k = 0;
    const word = (w: string) => item[k]?.kind === 'word' && item[k].upper === w;
    if (word('UNIQUE') || word('FULLTEXT') || word('SPATIAL')) k++;
    if (!word('KEY') && !word('INDEX')) continue;
    k++;
    const nameToken = item[k];
    if (!nameToken || (nameToken.kind !== 'quoted' && nameToken.kind !== 'word')) continue;
    k++;
    let d = 0;
    for (; k < item.length; k++) {
      const t = item[k];
      if (t.kind === 'op' && t.text === '(') d++;
      if (t.kind === 'op' && t.text === ')' && --d === 0) { k++; break; }
    }
    const row: { tableName: string; name: string; parser?: string; keyBlockSize?: number } = { tableName, name: nameToken.value };
    for (; k < item.length && !word('COMMENT'); k++) {
      if (word('KEY_BLOCK_SIZE')) {
        const n = item[k + 1]?.kind === 'op' && item[k + 1].text === '=' ? item[k + 2] : item[k + 1];
        if (n?.kind === 'number' && /^\d+$/.test(n.text)) row.keyBlockSize = Number(n.text);
      } else if (word('WITH') && item[k + 1]?.kind === 'word' && item[k + 1].upper === 'PARSER') {
        const p = item[k + 2];
        if (p && (p.kind === 'quoted' || p.kind === 'word')) row.parser = p.value;
      }
    }
    if (row.parser !== undefined || row.keyBlockSize !== undefined) out.push(row);
  }
  return out;
}

/** information_schema.PARTITIONS, one row per partition or subpartition (MySQL 8 and MariaDB have the same columns). */
export interface PartitionRow {
  readonly tableName: string;
  readonly name: string;
  readonly subName: string | null;
  readonly position: number;
  readonly subPosition: number | null;
  /** `RANGE`, `RANGE COLUMNS`, `LIST`, `LIST COLUMNS`, `HASH`, `LINEAR HASH`, `KEY`, `LINEAR KEY`. */
  readonly method: string;
  readonly subMethod: string | null;
  /** The expression, or for KEY and COLUMNS the columns (`` `a`,`b` ``; empty for KEY ()). */
  readonly expression: string | null;
  readonly subExpression: string | null;
  /** RANGE: the bound(s), `MAXVALUE`; LIST: the values, `1,2,3`, `('x',1),('y',2)`. */
  readonly description: string | null;
  readonly comment: string | null;
}

/**
 * A table's PARTITIONS rows as its Partitioning (before normalisation, which makes the
 * partitions the server named itself a count); null, with a note, for a method it cannot read.
 */
export function mapPartitioning(rows: readonly PartitionRow[], note?: (message: string) => void): Partitioning | null {
  if (rows.length === 0) return null;
  const scheme = (method: string, expression: string | null): PartitionScheme | null => {
    const m = /^(LINEAR )?(RANGE|LIST|HASH|KEY)( COLUMNS)?$/.exec(method.trim().toUpperCase().replace(/\s+/g, ' '));
    if (!m) {
      note?.(`partitioning by ${method} left out: schemac reads RANGE, LIST, HASH and KEY`);
      return null;
    }
    const kind = m[2] as PartitionScheme['method'];
    const byColumns = kind === 'KEY' || m[3] !== undefined;
    return {
      method: kind, ...(m[1] ? { linear: true } : {}),
      ...(byColumns ? { columns: splitColumnList(expression ?? '') } : { expr: (expression ?? '').trim() }),
    };
  };
  const first = rows[0];
  const by = scheme(first.method, first.expression);
  const subBy = first.subMethod ? scheme(first.subMethod, first.subExpression) : undefined;
  if (by === null || subBy === null) return null;
  const partitions: PartitionDefinition[] = [];
  for (const r of [...rows].sort((a, b) => a.position - b.position || (a.subPosition ?? 0) - (b.subPosition ?? 0))) {
    let d = partitions.find((x) => x.name === r.name);
    if (!d) {
      const values = r.description === null ? null : splitValueList(r.description);
      d = {
        name: r.name,
        ...(values && by.method === 'RANGE' ? { lessThan: values } : {}),
        ...(values && by.method === 'LIST' ? { values } : {}),
        ...(r.comment ? { comment: r.comment } : {}),
        ...(r.subName !== null ? { subpartitions: [] as string[] } : {}),
      };
      partitions.push(d);
    }
    if (r.subName !== null) (d.subpartitions as string[]).push(r.subName);
  }
  return { by, ...(subBy ? { subBy } : {}), partitions };
}

/** Something the server has that the IR cannot hold, left out or approximated (never silently). */
export interface IntrospectNote {
  readonly table: string;
  /** The column, index or constraint, when the note is about one. */
  readonly object: string | null;
  readonly message: string;
}

/** What the server has that the IR cannot represent at all: introspection refuses it. */
export class IntrospectError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`cannot introspect: ${problems.join('; ')}`);
    this.name = 'IntrospectError';
  }
}

// ---------------------------------------------------------------------------------------------
// Literals

/**
 * The value of an SQL string literal as information_schema prints it: `'it''s \\ a\n'` →
 * `it's \ a` + newline. Returns null when the text is not exactly one quoted literal.
 */
export function parseStringLiteral(text: string): string | null {
  const list = parseQuotedList(text);
  return list !== null && list.length === 1 && list.end === text.length ? list[0] : null;
}

/**
 * The values of `'a','b''c'` (ENUM/SET bodies in COLUMN_TYPE), with `end` the index after the
 * last literal; null when the text does not start with a literal.
 */
function parseQuotedList(text: string): (string[] & { end: number }) | null {
  const out: string[] = [];
  const scan = new SqlScanner(text);
  for (let at = 0; ;) {
    // Each literal right where the one before and its `,` end: no blanks, no comments.
    if (!scan.next() || scan.start !== at || scan.kind !== 'string' || text[at] !== '\'' || scan.unterminated) return null;
    out.push(scan.value());
    const end = scan.end;
    if (text[end] !== ',') return Object.assign(out, { end });
    scan.next(); // the `,`
    at = end + 1;
  }
}

/** MySQL's information_schema backslash-escapes every `'` and `\` of an expression (`_utf8mb4\'a\'`). */
export function unescapeMysqlExpression(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

// ---------------------------------------------------------------------------------------------
// Types


/** MariaDB shows COMPRESSED inside COLUMN_TYPE: `text /*M!100301 COMPRESSED*\/` [T]. */
const COMPRESSED_RE = /\s*\/\*M!\d+ COMPRESSED\*\/\s*/i;

export function withoutCompressed(columnType: string): { text: string; compressed: boolean } {
  const compressed = COMPRESSED_RE.test(columnType);
  return { text: (compressed ? columnType.replace(COMPRESSED_RE, ' ') : columnType).trim(), compressed };
}

/** A parsed COLUMN_TYPE, or why the IR cannot hold it; `note` says what was approximated. */
export type ParsedType = { readonly type: ColumnType; readonly note?: string } | { readonly unsupported: string };

/**
 * COLUMN_TYPE → ColumnType. Integer display widths are dropped (MariaDB shows `int(11)`, MySQL
 * 8.0.19+ `int`) except `tinyint(1)`, which is the only trace of BOOLEAN (MYSQL-NOTES §9), and
 * with ZEROFILL, which both servers show with its width (`int(5) unsigned zerofill`) and which
 * implies UNSIGNED. MariaDB's JSON is LONGTEXT here; `buildSchema` recognises it.
 */
export function parseColumnType(columnType: string): ParsedType {
  const text = withoutCompressed(columnType).text;
  const lower = text.toLowerCase();
  const head = /^([a-z][a-z0-9_]*)(?:\(([^)]*)\))?((?:\s+(?:unsigned|signed|zerofill))*)\s*$/.exec(lower);
  if (lower.startsWith('enum(') || lower.startsWith('set(')) {
    const open = lower.indexOf('(');
    const body = text.slice(open + 1);
    const values = parseQuotedList(body);
    if (values === null || body.slice(values.end) !== ')') return { unsupported: `cannot read the values of ${text}` };
    return { type: readReportedType({ name: lower.startsWith('enum') ? 'enum' : 'set', numbers: [], values: [...values], unsigned: false })! };
  }
  if (!head) return { unsupported: `unknown type ${text}` };
  const [, name, args = '', flags] = head;
  const zerofill = /zerofill/.test(flags);
  const unsigned = /unsigned/.test(flags) || zerofill;
  const nums = args === '' ? [] : args.split(',').map((a) => Number(a.trim()));
  const zerofillNote = zerofill ? { note: `${text}: ZEROFILL is not in the schema language; read as UNSIGNED` } : {};
  const type = readReportedType({ name, numbers: nums, values: null, unsigned, zerofill });
  // bit, geometry types, MariaDB's inet4/inet6/uuid, ...: the schema language has no such type.
  if (type === null) return { unsupported: isKnownTypeName(name) ? `unknown type ${text}` : `type ${text} is not in the schema language` };
  if ((type.kind === 'float' || type.kind === 'double') && nums.length) {
    const kind = type.kind.toUpperCase();
    return { type, note: `${text}: the (M,D) of ${kind} is deprecated and not in the schema language; read as ${kind}` };
  }
  // An integer keeps ZEROFILL with its width; the other numeric types have none in the schema language.
  return { type, ...(type.kind === 'decimal' || type.kind === 'float' || type.kind === 'double' ? zerofillNote : {}) };
}

// ---------------------------------------------------------------------------------------------
// Defaults

const NOW_RE = /^current_timestamp(?:\(\s*(\d*)\s*\))?$/i;
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;


function nowOrExpr(sql: string, type: ColumnType): DefaultValue {
  const m = NOW_RE.exec(sql.trim());
  if (m && (type.kind === 'datetime' || type.kind === 'timestamp')) return { kind: 'now', fsp: m[1] ? Number(m[1]) : 0 };
  return { kind: 'expr', sql: sql.trim() };
}

/**
 * COLUMN_DEFAULT (+ EXTRA) → the IR's default (MYSQL-NOTES §8). `null` is "no default"; a
 * nullable column without one has DEFAULT NULL, which the normaliser writes as `null` too.
 *
 * MariaDB (10.2.7+) gives SQL: quoted literals, bare numbers, `current_timestamp(3)`, an
 * expression without its parentheses, and the string `NULL` for DEFAULT NULL.
 * MySQL gives literals bare (`abc`, `1.50`, `0x6162` for BINARY), SQL NULL for DEFAULT NULL,
 * and marks expressions with EXTRA `DEFAULT_GENERATED`, their quotes backslash-escaped.
 */
export function mapDefault(raw: string | null, extra: string, type: ColumnType, server: ServerProfile): DefaultValue | null {
  if (raw === null) return null;
  if (type.kind === 'bit') {
    // Both servers show a BIT default as a bit literal: `b'101'` (MariaDB [T]; MySQL 8.0
    // COLUMNS.COLUMN_DEFAULT, as reported in pingcap/tidb#32655 and jOOQ/jOOQ#12451); the IR holds its number.
    const bits = /^b'([01]*)'$/i.exec(raw.trim());
    if (bits) return { kind: 'number', value: BigInt('0b0' + bits[1]).toString() };
  }
  if (defaultsAreSql(server)) {
    if (raw === 'NULL') return { kind: 'null' };
    const text = parseStringLiteral(raw);
    if (text !== null) {
      // A literal on TEXT/BLOB/JSON can only have come from an expression such as ('{}').
      return isLob(type) ? { kind: 'expr', sql: raw } : { kind: 'string', value: text };
    }
    if (NUMBER_RE.test(raw)) return isNumeric(type) ? { kind: 'number', value: raw } : { kind: 'expr', sql: raw };
    return nowOrExpr(raw, type);
  }
  if (/\bDEFAULT_GENERATED\b/i.test(extra)) return nowOrExpr(unescapeMysqlExpression(raw), type);
  if ((type.kind === 'datetime' || type.kind === 'timestamp') && NOW_RE.test(raw.trim())) return nowOrExpr(raw, type);
  if (isNumeric(type) && NUMBER_RE.test(raw.trim())) return { kind: 'number', value: raw.trim() };
  if ((type.kind === 'binary' || type.kind === 'varbinary') && /^0x[0-9a-f]*$/i.test(raw)) {
    return { kind: 'string', value: Buffer.from(raw.slice(2), 'hex').toString('utf8') };
  }
  return { kind: 'string', value: raw };
}

// ---------------------------------------------------------------------------------------------
// Character sets

/**
 * The character set and collation to report for an object whose parent (the database for a
 * table, the table for a column) has `parent`: null for whatever is inherited, and the collation
 * null when it is its character set's default here (the normaliser fills it back for character
 * sets whose default does not depend on the server).
 *
 * This is the one spelling introspection reports, whatever schema the database is compared with
 * afterwards: the server stores `CHARSET utf8mb4` on a utf8mb4 database and no CHARSET at all
 * the same way, so no spelling could be told from the other; comparisons read both as what they
 * mean (`resolveCharset` in compiler/ir/normalize.ts, used by compiler/diff/diff.ts).
 */
export function ownCharset(
  charset: string | null, collation: string | null, parent: { charset: string; collation: string },
  charsetDefaults: ReadonlyMap<string, string>,
): CharsetSpelling {
  if (collation === null) return { charset: null, collate: null };
  const coll = collation.toLowerCase();
  if (coll === parent.collation.toLowerCase()) return { charset: null, collate: null };
  const cs = canonicalCharset(charset ?? charsetOfCollation(coll) ?? parent.charset);
  // The collation names its character set: a column in a utf8mb4 table says COLLATE utf8mb4_bin.
  if (cs === canonicalCharset(parent.charset)) return { charset: null, collate: coll };
  return { charset: cs, collate: charsetDefaults.get(cs)?.toLowerCase() === coll ? null : coll };
}

// ---------------------------------------------------------------------------------------------
// Columns, keys and tables

function isMariaDbJson(col: ColumnRow, checks: readonly CheckRow[]): CheckRow | undefined {
  if (withoutCompressed(col.columnType).text.toLowerCase() !== 'longtext' || col.collation?.toLowerCase() !== 'utf8mb4_bin') return undefined;
  const expected = canonicalSql('json_valid(`' + col.name.replace(/`/g, '``') + '`)');
  return checks.find((ck) => ck.name === col.name && (ck.level ?? 'Column').toLowerCase() === 'column'
    && canonicalSql(ck.clause) === expected);
}

/** One COLUMNS row → Column; `type` is the parsed COLUMN_TYPE (JSON already recognised). */
export function mapColumn(
  row: ColumnRow, type: ColumnType, table: { charset: string; collation: string }, server: ServerInfo, isJson = false,
): Column {
  const extra = row.extra ?? '';
  const generatedMatch = /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.exec(extra);
  const generated = generatedMatch
    ? {
      expr: (escapesMetadataExpressions(server) ? unescapeMysqlExpression(row.generationExpression ?? '') : row.generationExpression ?? '').trim(),
      stored: generatedMatch[1].toUpperCase() !== 'VIRTUAL',
    }
    : null;
  if (type.kind === 'geometry') {
    const srid = row.srid === undefined || row.srid === null || (row.srid === 0 && sridZeroIsNone(server)) ? null : Number(row.srid);
    type = { ...type, srid };
  }
  const cs = isTextual(type) && !isJson
    ? ownCharset(row.charset, row.collation, table, server.charsetDefaults)
    : { charset: null, collate: null };
  return {
    kind: 'column',
    name: row.name,
    type,
    nullable: row.nullable.toUpperCase() === 'YES',
    // A generated column has no default (MariaDB reports the string NULL for it).
    default: generated ? null : mapDefault(row.columnDefault, extra, type, server),
    autoIncrement: /\bauto_increment\b/i.test(extra),
    onUpdateNow: /\bon update current_timestamp\b/i.test(extra),
    comment: row.comment ? row.comment : null,
    charset: cs.charset,
    collate: cs.collate,
    generated,
    ...(/\bINVISIBLE\b/i.test(extra) ? { invisible: true as const } : {}),
    ...(withoutCompressed(row.columnType).compressed ? { compressed: true as const } : {}),
  };
}

/** Text as MariaDB's metadata shows it: utf8mb3, so each character above U+FFFF reads as `?` (tested on 10.11). */
function metadataText(text: string): string {
  return text.replace(/[\u{10000}-\u{10FFFF}]/gu, '?');
}

/** Whether a column read without an expected schema has a `?` that may stand for a character above U+FFFF. */
function hidesAstral(c: Column): boolean {
  return ((c.type.kind === 'enum' || c.type.kind === 'set') && c.type.values.some((v) => v.includes('?')))
    || (c.default?.kind === 'string' && c.default.value.includes('?'));
}

/**
 * ENUM/SET values and string defaults with characters above U+FFFF: the server stores them
 * whole, but information_schema (utf8mb3 on MariaDB 10.11) shows each such character as `?`.
 * Where the live text is the expected text as the metadata shows it, the expected text is what
 * the server has; introspection cannot tell it from a real `?`, so it takes the expected one.
 *
 * This is the only use of an expected schema, and it is not a choice between spellings of one
 * meaning (those are `ownCharset`'s and the comparison's): the metadata has lost the characters,
 * so the rows alone cannot say what the server stores, and the expected schema is the one place
 * that can. It cannot move into the comparison either: the introspected schema is also the side
 * SQL is planned from (verify's fix, `schemac diff --from URL`), and that SQL must carry the real
 * characters, not `?`. Without an expected schema such a `?` is read as it is, with a note.
 */
function withExpectedText(live: Column, expected: Column | null): Column {
  if (!expected) return live;
  const same = (a: string, b: string) => a === metadataText(b);
  let type = live.type;
  if ((type.kind === 'enum' || type.kind === 'set') && expected.type.kind === type.kind && type.values.length === expected.type.values.length
    && type.values.every((v, i) => same(v, (expected.type as { values: readonly string[] }).values[i]))) {
    type = expected.type;
  }
  let def = live.default;
  if (def?.kind === 'string' && expected.default?.kind === 'string' && same(def.value, expected.default.value)) def = expected.default;
  return type === live.type && def === live.default ? live : { ...live, type, default: def };
}

const ACTIONS: readonly ReferentialAction[] = ['RESTRICT', 'CASCADE', 'SET NULL', 'NO ACTION', 'SET DEFAULT'];

function action(rule: string, problems: string[], where: string): ReferentialAction {
  const a = rule.toUpperCase() as ReferentialAction;
  if (ACTIONS.includes(a)) return a;
  problems.push(`${where}: unknown referential action ${rule}`);
  return 'RESTRICT';
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Table options relative to the database: null for what is inherited or the server's default
 * (the default engine in any case is null, another engine as the normaliser spells it).
 */
export function mapTableOptions(row: TableRow, server: ServerInfo, notes?: (message: string) => void): TableOptions {
  const database = { charset: server.databaseCharset, collation: server.databaseCollation };
  const cs = ownCharset(row.charset, row.collation, database, server.charsetDefaults);
  // A table in the database's charset with another collation still names its charset, as the
  // schema language writes it (`.charset('utf8mb4').collate('utf8mb4_unicode_ci')`); the
  // normaliser derives it from the collation anyway.
  const charset = cs.collate !== null && cs.charset === null
    ? canonicalCharset(row.charset ?? charsetOfCollation(cs.collate) ?? server.databaseCharset) : cs.charset;
  const isDefaultEngine = row.engine === null || row.engine.toLowerCase() === server.defaultEngine.toLowerCase();
  return {
    engine: isDefaultEngine ? null : row.engine,
    charset,
    collate: cs.collate,
    comment: row.comment ? row.comment : null,
    ...mapStorageOptions(row, server, notes),
  };
}

/**
 * The storage options of a table from CREATE_OPTIONS, which lists what was declared (MariaDB
 * 10.11 and MySQL 8 alike: `min_rows=10 max_rows=1000 stats_persistent=1 row_format=COMPRESSED
 * key_block_size=8`, MariaDB's own options as `` `PAGE_COMPRESSED`='1' ``, MySQL's
 * `ENCRYPTION='Y'` and `partitioned`), and AUTO_INCREMENT, the counter's next value (the start a
 * new table would need; never compared). ROW_FORMAT, the format the table has, stands in for a
 * declared one only where CREATE_OPTIONS has none (nor KEY_BLOCK_SIZE, which makes an InnoDB
 * table COMPRESSED) and it is not the engine's default (a server whose default changed after the
 * table was made). Anything else CREATE_OPTIONS lists is carried
 * as written when it is option words, and noted when not.
 */
export function mapStorageOptions(row: TableRow, server: ServerProfile, notes?: (message: string) => void): Partial<TableOptions> {
  const out: Record<string, unknown> = {};
  const other: OtherTableOption[] = [];
  for (const { name, value } of parseCreateOptions(row.createOptions ?? '')) {
    if (name === 'PARTITIONED' && value === null) continue;
    const fact = STORAGE_OPTION_BY_SQL.get(name);
    if (fact && fact.key !== 'autoIncrement') {
      const v = readStorageValue(fact, value ?? '');
      if (v instanceof Error) notes?.(`${name}=${value ?? ''} left out: ${v.message}`);
      else if (v !== undefined) out[fact.key] = v;
    } else if (value !== null && OPTION_WORD.test(name) && OPTION_WORD.test(value)) {
      other.push({ name, value });
    } else {
      notes?.(`table option ${name}${value === null ? '' : `=${value}`} left out: it is not an option word schemac can carry`);
    }
  }
  // KEY_BLOCK_SIZE alone makes an InnoDB table COMPRESSED: that is what it declared, not a row format.
  if (out.rowFormat === undefined && out.keyBlockSize === undefined && row.rowFormat) {
    const effective = row.rowFormat.toUpperCase();
    const def = defaultRowFormat(server, row.engine ?? server.defaultEngine);
    if (def !== null && effective !== def && (INNODB_ROW_FORMATS as readonly string[]).includes(effective)) out.rowFormat = effective;
  }
  const counter = row.autoIncrement === null || row.autoIncrement === undefined ? NaN : Number(row.autoIncrement);
  if (Number.isSafeInteger(counter) && counter > 1) out.autoIncrement = counter;
  if (other.length) out.other = other;
  return out as Partial<TableOptions>;
}

/**
 * Every row → the normalised SchemaIR, plus notes on what the IR cannot hold. Throws
 * IntrospectError (listing every problem) for columns of a type the IR does not have.
 *
 * The result depends on the rows and the server only: engine, character sets and collations
 * are reported in one spelling (`ownCharset`, `mapTableOptions`) whatever `expected` says.
 * `expected` (optional, e.g. the snapshot) only restores text the metadata lost
 * (`withExpectedText`).
 */
export function buildSchema(
  rows: IntrospectRows, server: ServerInfo, expected: SchemaIR | null = null,
): { ir: SchemaIR; notes: IntrospectNote[] } {
  const expectedTables = new Map((expected?.tables ?? []).map((t) => [t.name, t]));
  const notes: IntrospectNote[] = [];
  const problems: string[] = [];
  const note = (table: string, object: string | null, message: string) => notes.push({ table, object, message });
  const columnsBy = groupBy(rows.columns, (r) => r.tableName);
  const indexesBy = groupBy(rows.indexes, (r) => r.tableName);
  const fksBy = groupBy(rows.foreignKeys, (r) => r.tableName);
  const checksBy = groupBy(rows.checks, (r) => r.tableName);
  const indexOptions = new Map((rows.indexOptions ?? []).map((r) => [`${r.tableName}\u0000${r.name}`, r]));
  const partitionsBy = groupBy(rows.partitions ?? [], (r) => r.tableName);

  const tables: Table[] = [];
  for (const t of rows.tables) {
    if (t.name === VERSION_TABLE) continue;
    const effective = {
      charset: t.charset ?? (t.collation ? charsetOfCollation(t.collation) : null) ?? server.databaseCharset,
      collation: t.collation ?? server.databaseCollation,
    };
    const expectedTable = expectedTables.get(t.name) ?? null;
    const expectedColumns = new Map((expectedTable?.columns ?? []).map((c) => [c.name, c]));
    const checkRows = checksBy.get(t.name) ?? [];
    const jsonChecks = new Set<CheckRow>();

    const columns: Column[] = [];
    for (const row of [...(columnsBy.get(t.name) ?? [])].sort((a, b) => a.position - b.position)) {
      const parsed = parseColumnType(row.columnType);
      if ('unsupported' in parsed) {
        problems.push(`${t.name}.${row.name}: ${parsed.unsupported}`);
        continue;
      }
      if (parsed.note) note(t.name, row.name, parsed.note);
      let type = parsed.type;
      let isJson = false;
      if (jsonIsLongtext(server)) {
        // MariaDB's JSON: LONGTEXT utf8mb4_bin with a column CHECK json_valid(col) named after it (MYSQL-NOTES §7).
        const ck = isMariaDbJson(row, checkRows);
        if (ck) {
          jsonChecks.add(ck);
          type = { kind: 'json' };
          isJson = true;
        }
      }
      if (type.kind === 'json') isJson = true;
      const column = withExpectedText(mapColumn(row, type, effective, server, isJson), expectedColumns.get(row.name) ?? null);
      if (metadataIsUtf8mb3(server) && !expectedColumns.has(row.name) && hidesAstral(column)) {
        note(t.name, row.name, 'MariaDB shows characters above U+FFFF (emoji) in ENUM/SET values and defaults as "?": if this "?" is one, write it in the schema file');
      }
      columns.push(column);
    }

    let primaryKey: PrimaryKey | null = null;
    const indexes: Index[] = [];
    for (const [name, parts] of groupBy(indexesBy.get(t.name) ?? [], (r) => r.name)) {
      parts.sort((a, b) => a.seq - b.seq);
      const first = parts[0];
      const kind = first.indexType.toUpperCase();
      // BTREE/HASH (ordinary), FULLTEXT, SPATIAL (RTREE on some engines): another kind (MariaDB
      // 11.7's VECTOR, a plugin's) is not in the schema language, and is left out with a note.
      if (!['BTREE', 'HASH', 'FULLTEXT', 'SPATIAL', 'RTREE'].includes(kind) && name !== 'PRIMARY') {
        note(t.name, name, `${kind} index left out: the schema language has no ${kind} indexes`);
        continue;
      }
      // MySQL 8.0.13+: a functional key part has COLUMN_NAME NULL and its EXPRESSION (escaped as
      // metadata expressions are, MYSQL-NOTES §13).
      if (parts.some((p) => p.columnName === null && !p.expression)) {
        problems.push(`${t.name}.${name}: an index part has neither a column nor an expression`);
        continue;
      }
      if (name === 'PRIMARY') {
        primaryKey = { kind: 'primaryKey', columns: parts.map((p) => p.columnName!), ...(first.comment ? { comment: first.comment } : {}) };
        continue;
      }
      // FULLTEXT and SPATIAL parts are whole columns: MariaDB reports SUB_PART 32 on a SPATIAL part [T].
      const type = kind === 'FULLTEXT' ? 'fulltext' as const : kind === 'SPATIAL' || kind === 'RTREE' ? 'spatial' as const : undefined;
      const extra = indexOptions.get(`${t.name}\u0000${name}`);
      indexes.push({
        kind: 'index', name, unique: Number(first.nonUnique) === 0,
        parts: parts.map((p): IndexPart => {
          const part: { column: string; length?: number; desc?: boolean; expr?: string } = { column: p.columnName ?? '' };
          if (p.columnName === null) {
            const expr = escapesMetadataExpressions(server) ? unescapeMysqlExpression(p.expression!) : p.expression!;
            part.expr = expr.trim();
          }
          if (type === undefined && p.subPart !== null && p.subPart !== undefined) part.length = Number(p.subPart);
          if (type === undefined && p.order?.toUpperCase() === 'D') part.desc = true;
          return part;
        }),
        ...(type ? { type } : {}),
        ...(kind === 'BTREE' || kind === 'HASH' ? { using: kind } : {}),
        ...(extra?.parser !== undefined ? { parser: extra.parser } : {}),
        ...(extra?.keyBlockSize !== undefined ? { keyBlockSize: extra.keyBlockSize } : {}),
        ...(first.comment ? { comment: first.comment } : {}),
        ...(first.hidden ? { hidden: true } : {}),
      });
    }

    const foreignKeys: ForeignKey[] = [];
    for (const [name, cols] of groupBy(fksBy.get(t.name) ?? [], (r) => r.name)) {
      cols.sort((a, b) => a.seq - b.seq);
      const first = cols[0];
      const where = `${t.name}.${name}`;
      if (first.refSchema !== server.database) {
        note(t.name, name, `foreign key to ${first.refSchema}.${first.refTable} left out: the schema language references tables of the same database`);
        continue;
      }
      foreignKeys.push({
        kind: 'foreignKey', name, columns: cols.map((c) => c.columnName), refTable: first.refTable,
        refColumns: cols.map((c) => c.refColumn), onDelete: action(first.onDelete, problems, where),
        onUpdate: action(first.onUpdate, problems, where),
      });
    }

    const checks: Check[] = [];
    for (const ck of checkRows) {
      if (jsonChecks.has(ck)) continue;
      const expr = escapesMetadataExpressions(server) ? unescapeMysqlExpression(ck.clause) : ck.clause;
      const notEnforced = ck.enforced !== null && ck.enforced !== undefined && ck.enforced.toUpperCase() === 'NO';
      checks.push({ kind: 'check', name: ck.name, expr: expr.trim(), ...(notEnforced ? { enforced: false as const } : {}) });
    }

    const partitioning = mapPartitioning(partitionsBy.get(t.name) ?? [], (message) => note(t.name, null, message));
    tables.push({
      kind: 'table', name: t.name, columns, primaryKey, indexes, foreignKeys, checks,
      options: mapTableOptions(t, server, (message) => note(t.name, null, message)),
      ...(partitioning ? { partitioning } : {}),
    });
  }
  // A name schemac could not write back into SQL (a line break in a table name, say) stops here:
  // verify's fix and diff's output are SQL someone runs.
  const views = (rows.views ?? []).map((r) => mapView(r, server, problems));
  const kept = new Set(tables.map((t) => t.name));
  const triggers = (rows.triggers ?? []).filter((r) => kept.has(r.tableName)).map((r) => mapTrigger(r, server, problems));
  const routines = (rows.routines ?? []).flatMap((r) => mapRoutine(r, server, problems) ?? []);
  const events = (rows.events ?? []).flatMap((r) => mapEvent(r, server, problems) ?? []);
  const ir: SchemaIR = { kind: 'schema', tables, ...(views.length ? { views } : {}), ...(triggers.length ? { triggers } : {}),
    ...(routines.length ? { routines } : {}), ...(events.length ? { events } : {}) };
  for (const d of validateText(ir)) problems.push(`${d.message} (${d.hint})`);
  if (problems.length) throw new IntrospectError(problems);
  notes.sort((a, b) => compareNames(a.table, b.table) || compareNames(a.object ?? '', b.object ?? ''));
  return { ir: normalizeSchema(ir), notes };
}

/**
 * A routine as the server has it: its SHOW CREATE text read by the dialect's reader (the one the
 * import uses), without the DEFINER; its sql_mode where the schema can say it (setStatementFor).
 */
export function mapRoutine(r: RoutineRow, server: ServerInfo, problems: string[]): Routine | null {
  const what = `${r.type.toLowerCase()} ${r.name}`;
  if (r.create === null) {
    problems.push(`${what}: the server does not show its definition (SHOW CREATE ${r.type} needs the routine's definer or SELECT on mysql.proc / SHOW_ROUTINE)`);
    return null;
  }
  const parsed = parseRoutine(r.create);
  if ('problem' in parsed) {
    problems.push(`${what}: ${parsed.problem.message} at character ${parsed.problem.offset + 1} of its SHOW CREATE ${r.type}`);
    return null;
  }
  return { ...parsed.routine, name: r.name, ...(setStatementFor(server) ? { sqlMode: r.sqlMode } : {}) };
}

/** An event as the server has it: its SHOW CREATE EVENT read by the dialect's reader, as a routine. */
export function mapEvent(r: EventRow, server: ServerInfo, problems: string[]): SchemaEvent | null {
  if (r.create === null) {
    problems.push(`event ${r.name}: the server does not show its definition (SHOW CREATE EVENT needs the EVENT privilege)`);
    return null;
  }
  const parsed = parseEvent(r.create);
  if ('problem' in parsed) {
    problems.push(`event ${r.name}: ${parsed.problem.message} at character ${parsed.problem.offset + 1} of its SHOW CREATE EVENT`);
    return null;
  }
  // STARTS equal to the time of creation is the server's, not the schema's: left out, so the
  // event reads as it was written (a schedule without STARTS matches any in a comparison anyway).
  const filled = r.starts && r.created && r.starts === r.created;
  const schedule = filled ? scheduleWithoutStarts(parsed.event.schedule) : parsed.event.schedule;
  return { ...parsed.event, name: r.name, schedule, ...(setStatementFor(server) ? { sqlMode: r.sqlMode } : {}) };
}

/**
 * A trigger as the server has it: the body as it was written (the servers keep it so), its
 * sql_mode where the schema can say it (setStatementFor). The DEFINER is not read.
 */
export function mapTrigger(r: TriggerRow, server: ServerInfo, problems: string[]): Trigger {
  const timing = r.timing.toUpperCase();
  const event = r.event.toUpperCase();
  if (timing !== 'BEFORE' && timing !== 'AFTER') problems.push(`trigger ${r.name}: ACTION_TIMING ${JSON.stringify(r.timing)} is not one schemac knows`);
  if (event !== 'INSERT' && event !== 'UPDATE' && event !== 'DELETE') problems.push(`trigger ${r.name}: EVENT_MANIPULATION ${JSON.stringify(r.event)} is not one schemac knows`);
  return {
    kind: 'trigger', name: r.name, table: r.tableName, timing: timing as TriggerTiming, event: event as TriggerEvent, body: r.body.trim(),
    ...(setStatementFor(server) ? { sqlMode: r.sqlMode } : {}),
  };
}

/**
 * A view as the server has it: its definition as the server rewrote it, without the database's
 * own qualifier (as SHOW CREATE VIEW prints it, and as it would be in a database of another name).
 * The DEFINER is not read: it is not part of the schema.
 */
export function mapView(r: ViewRow, server: ServerInfo, problems: string[]): View {
  const pick = <T extends string>(value: string, allowed: readonly T[], what: string, fallback: T): T => {
    const v = value.toUpperCase() as T;
    if (allowed.includes(v)) return v;
    problems.push(`view ${r.name}: ${what} ${JSON.stringify(value)} is not one schemac knows (${allowed.join(', ')})`);
    return fallback;
  };
  return {
    kind: 'view', name: r.name, select: withoutDatabase(r.definition, server.database).trim(),
    algorithm: pick(r.algorithm || 'UNDEFINED', ['UNDEFINED', 'MERGE', 'TEMPTABLE'], 'ALGORITHM', 'UNDEFINED'),
    security: pick(r.security || 'DEFINER', ['DEFINER', 'INVOKER'], 'SQL SECURITY', 'DEFINER'),
    checkOption: pick(r.checkOption || 'NONE', ['NONE', 'CASCADED', 'LOCAL'], 'CHECK_OPTION', 'NONE'),
  };
}
