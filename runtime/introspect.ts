import { liveProfile, mysqlInformationSchema, sridInColumns, viewsReportAlgorithm } from '../compiler/dialect/mysql/server.js';
import { showCreateTableSql } from '../compiler/dialect/mysql/sql.js';
import type { SchemaIR, View } from '../compiler/ir/types.js';
import {
  IntrospectError, buildSchema, indexOptionsOfCreateTable, tablesNeedingCreate, type CheckRow, type ColumnRow, type Flavor,
  type ForeignKeyRow, type IndexRow, type IntrospectNote, type PartitionRow, type ServerInfo, type TableRow,
  type EventRow, type RoutineRow, type TriggerRow, type ViewRow,
} from './introspect-map.js';
import { randomBytes } from 'node:crypto';
import { algorithmOfCreateView, viewProbeSql, withoutDatabase } from '../compiler/dialect/mysql/views.js';
import { showCreateEventSql, showCreateRoutineSql } from '../compiler/dialect/mysql/programs.js';
import { sameView } from '../compiler/diff/diff.js';
import { sameSqlExpression } from '../compiler/ir/sql-canonical.js';

export { databaseDefaults, IntrospectError, type Flavor, type IntrospectNote, type ServerInfo } from './introspect-map.js';

/**
 * Live database → SchemaIR (ARCHITECTURE "The flow"): the same IR the compiler builds for the
 * same schema, so `diffSchemas(snapshot, await introspect(...))` is empty when nothing drifted.
 *
 * A fixed number of queries whatever the number of tables (MYSQL-NOTES §13): server facts,
 * character sets, TABLES, COLUMNS, STATISTICS, KEY_COLUMN_USAGE + REFERENTIAL_CONSTRAINTS,
 * CHECK_CONSTRAINTS (+ TABLE_CONSTRAINTS on MySQL), PARTITIONS, VIEWS, TRIGGERS, ROUTINES and
 * EVENTS; then SHOW CREATE TABLE of the tables whose indexes say more there, one SHOW CREATE per
 * routine and event (their text as written is only there) and, on MySQL, per view (its ALGORITHM). Every column is aliased: MySQL 8 returns
 * information_schema column names in upper case whatever the query says. The row → IR mapping
 * is pure and lives in introspect-map.ts.
 *
 * Where the server stores two schemas the same way, introspection reports one spelling, the same
 * whatever `options.expected` is, and comparisons read every spelling as what it means on the
 * server and in the database (`diffSchemas` with `databaseDefaults(server)`):
 * - ENGINE, table CHARSET/COLLATE: null when they are the server's / database's defaults (an
 *   option left null in the target of a diff keeps what the server has);
 * - a column's charset/collation: null when inherited from the table; the charset null when the
 *   collation names the table's charset; the collation null when it is its charset's default
 *   (the normaliser fills it back for charsets whose default is the same on every server);
 * - expressions (checks, generated columns, expression defaults) as the server rewrote them;
 *   the differ compares them in canonical form (compiler/ir/sql-canonical.ts);
 * - a view's SELECT as the server rewrote it, without the database's own qualifier; with
 *   `expected`, in the expected spelling where the server reads both the same (alignViews);
 * - triggers, routines and events as written, without DEFINER; their sql_mode where the schema
 *   can write it back (MariaDB); an event's STARTS left out when it is the time of creation.
 */

/** What a mysql2/promise Connection provides; this file does not import mysql2. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>;
}

export interface IntrospectOptions {
  /** The server family; read from `SELECT VERSION()` when not given. */
  readonly flavor?: Flavor;
  /**
   * The schema the database should have (the snapshot, for `verify`). It never changes how
   * engines, character sets or collations are reported; it only restores the characters above
   * U+FFFF that MariaDB's utf8mb3 metadata shows as `?` in ENUM/SET values and string defaults,
   * where the live text is the expected text as the metadata shows it (see `withExpectedText`).
   */
  readonly expected?: SchemaIR;
}

/**
 * The schema of `database` on the server, normalised; see `introspectWithNotes` for what was
 * left out, and for the server and database defaults a comparison with it needs.
 */
export async function introspect(conn: Queryable, database: string, options: IntrospectOptions = {}): Promise<SchemaIR> {
  return (await introspectWithNotes(conn, database, options)).ir;
}

/**
 * Like `introspect`, with notes on what the IR cannot hold and was left out or approximated
 * (FULLTEXT/SPATIAL and functional indexes, foreign keys to other databases, ZEROFILL,
 * FLOAT(M,D), invisible columns, NOT ENFORCED checks). Throws IntrospectError for a column
 * whose type the schema language does not have (BIT, geometry, INET6, ...). `server` is what the
 * schema means there: compare it on that profile, with `databaseDefaults(server)` for its side.
 */
export async function introspectWithNotes(
  conn: Queryable, database: string, options: IntrospectOptions = {},
): Promise<{ ir: SchemaIR; notes: IntrospectNote[]; server: ServerInfo }> {
  const server = await serverInfo(conn, database, options.flavor);
  const [tables, columns, indexes, foreignKeys, checks, partitions, views, triggers, routines, events, unheld] = await Promise.all([
    rows(conn, TABLES_SQL, [database], toTableRow),
    rows(conn, sridInColumns(server) ? COLUMNS_SQL_MYSQL : COLUMNS_SQL_MARIADB, [database], toColumnRow),
    rows(conn, mysqlInformationSchema(server) ? STATISTICS_SQL_MYSQL : STATISTICS_SQL_MARIADB, [database], toIndexRow),
    rows(conn, FOREIGN_KEYS_SQL, [database], toForeignKeyRow),
    rows(conn, mysqlInformationSchema(server) ? CHECKS_SQL_MYSQL : CHECKS_SQL_MARIADB, [database], toCheckRow),
    rows(conn, PARTITIONS_SQL, [database], toPartitionRow),
    viewRows(conn, database, server),
    rows(conn, TRIGGERS_SQL, [database], toTriggerRow),
    routineRows(conn, database),
    eventRows(conn, database),
    rows(conn, UNHELD_SQL, [database], (r) => ({ name: text(r.name), type: text(r.type) })),
  ]);
  // (The query lists only other types; a row without one is not such an object.)
  const notHeld = unheld.filter((u) => u.type !== '' && u.type !== 'BASE TABLE' && u.type !== 'VIEW');
  if (notHeld.length) {
    throw new IntrospectError(notHeld.map((u) => `${u.type === 'SEQUENCE' ? 'sequence' : u.type === 'SYSTEM VERSIONED' ? 'system-versioned table' : `${u.type.toLowerCase()}`} ${u.name}`
      + ' is not held by the schema language yet (drop it, or convert it to a table, before schemac describes this database)'));
  }
  // The few tables whose indexes say more in SHOW CREATE TABLE (a FULLTEXT parser, KEY_BLOCK_SIZE).
  const indexOptions = (await Promise.all(tablesNeedingCreate(tables, indexes).map(async (name) => {
    const [result] = await conn.query(showCreateTableSql(database, name));
    const row = Array.isArray(result) ? (result[0] as RawRow | undefined) : undefined;
    const createSql = row ? Object.values(row).map((v) => String(v)).find((v) => /^\s*CREATE\b/i.test(v)) : undefined;
    return createSql ? indexOptionsOfCreateTable(name, createSql) : [];
  }))).flat();
  const built = buildSchema({ tables, columns, indexes, foreignKeys, checks, indexOptions, partitions, views, triggers, routines, events }, server, options.expected ?? null);
  const expectedViews = options.expected?.views ?? [];
  if (!built.ir.views?.length || expectedViews.length === 0) return { ...built, server };
  return { ...built, ir: { ...built.ir, views: await alignViews(conn, database, built.ir.views, expectedViews) }, server };
}

/** The same columns on MySQL 8 and MariaDB; each routine's text is its SHOW CREATE (one query per routine). */
const ROUTINES_SQL = `SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS type, SQL_MODE AS sqlMode
FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
ORDER BY ROUTINE_TYPE, ROUTINE_NAME`;

async function routineRows(conn: Queryable, database: string): Promise<RoutineRow[]> {
  const list = await rows(conn, ROUTINES_SQL, [database], (r) => ({ name: text(r.name), type: text(r.type).toUpperCase(), sqlMode: text(r.sqlMode) }));
  const out: RoutineRow[] = [];
  for (const r of list) {
    if (r.type !== 'PROCEDURE' && r.type !== 'FUNCTION') continue; // MariaDB's PACKAGE / PACKAGE BODY (Oracle mode): not held, not read
    const shown = await rows(conn, showCreateRoutineSql(database, r.type, r.name), [],
      (row) => textOrNull(row[r.type === 'FUNCTION' ? 'Create Function' : 'Create Procedure']));
    out.push({ ...r, create: shown[0] ?? null });
  }
  return out;
}

/** The same columns on MySQL 8 and MariaDB; each event's text is its SHOW CREATE EVENT (one query per event). */
const EVENTS_SQL = `SELECT EVENT_NAME AS name, SQL_MODE AS sqlMode, CAST(STARTS AS CHAR) AS starts, CAST(CREATED AS CHAR) AS created
FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
ORDER BY EVENT_NAME`;

async function eventRows(conn: Queryable, database: string): Promise<EventRow[]> {
  const list = await rows(conn, EVENTS_SQL, [database], (r) => ({ name: text(r.name), sqlMode: text(r.sqlMode),
    starts: textOrNull(r.starts), created: textOrNull(r.created) }));
  const out: EventRow[] = [];
  for (const e of list) {
    const shown = await rows(conn, showCreateEventSql(database, e.name), [], (row) => textOrNull(row['Create Event']));
    out.push({ ...e, create: shown[0] ?? null });
  }
  return out;
}

/** The same columns on MySQL 8 and MariaDB; ACTION_ORDER orders triggers of one table, timing and event. */
const TRIGGERS_SQL = `SELECT TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS tableName, ACTION_TIMING AS timing,
  EVENT_MANIPULATION AS event, ACTION_STATEMENT AS body, SQL_MODE AS sqlMode, ACTION_ORDER AS actionOrder
FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
ORDER BY TRIGGER_NAME`;

function toTriggerRow(r: RawRow): TriggerRow {
  return {
    name: text(r.name), tableName: text(r.tableName), timing: text(r.timing), event: text(r.event), body: text(r.body),
    sqlMode: text(r.sqlMode), actionOrder: num(r.actionOrder ?? 1),
  };
}

const VIEWS_SQL_MARIADB = `SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition, CHECK_OPTION AS checkOption,
  SECURITY_TYPE AS security, ALGORITHM AS algorithm
FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME`;

/** MySQL 8: no ALGORITHM column (see viewsReportAlgorithm); SHOW CREATE VIEW says it, one query per view. */
const VIEWS_SQL_MYSQL = `SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition, CHECK_OPTION AS checkOption,
  SECURITY_TYPE AS security
FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME`;

async function viewRows(conn: Queryable, database: string, server: ServerInfo): Promise<ViewRow[]> {
  const list = await rows(conn, viewsReportAlgorithm(server) ? VIEWS_SQL_MARIADB : VIEWS_SQL_MYSQL, [database], toViewRow);
  if (viewsReportAlgorithm(server)) return list;
  const out: ViewRow[] = [];
  for (const v of list) {
    const shown = await rows(conn, viewProbeSql(database, []).show(v.name), [], (r) => text(r['Create View'] ?? r['CREATE VIEW']));
    out.push({ ...v, algorithm: algorithmOfCreateView(shown[0] ?? '') });
  }
  return out;
}

function toViewRow(r: RawRow): ViewRow {
  return {
    name: text(r.name), definition: text(r.definition), checkOption: text(r.checkOption), security: text(r.security),
    algorithm: text(r.algorithm ?? 'UNDEFINED'),
  };
}

/**
 * The live views, each one that means what the expected view of its name means reported in the
 * expected spelling (so a comparison finds no difference). The server rewrites a SELECT when it
 * stores it (see compiler/dialect/mysql/views.ts), so the two texts are compared as the server
 * rewrites them: each expected SELECT is created as a view in a scratch database, read back, and
 * compared with the live definition. Read-only on the live database; when the scratch database
 * cannot be made (no CREATE privilege), or the connection's default database is another one, the
 * live views are reported as they are, and a comparison with a differently spelled SELECT shows it.
 */
async function alignViews(conn: Queryable, database: string, live: readonly View[], expected: readonly View[]): Promise<View[]> {
  const byName = new Map(expected.map((v) => [v.name, v]));
  const candidates = live.filter((v) => {
    const e = byName.get(v.name);
    return e && !sameView(v, e) && sameView(v, { ...e, select: v.select });
  });
  if (candidates.length === 0) return [...live];
  const current = await rows(conn, 'SELECT DATABASE() AS db', [], (r) => text(r.db));
  if (current[0] !== database) return [...live];
  const probe = `schemac_probe_${randomBytes(6).toString('hex')}`;
  const sql = viewProbeSql(probe, candidates.map((v) => byName.get(v.name)!));
  const aligned = new Set<string>();
  try {
    await conn.query(sql.create);
  } catch {
    return [...live];
  }
  try {
    for (let i = 0; i < candidates.length; i++) {
      try {
        await conn.query(sql.views[i]);
      } catch {
        continue; // the expected SELECT does not work on this database: it differs
      }
    }
    const rewritten = await rows(conn, VIEWS_SQL_MYSQL, [probe], toViewRow);
    const byProbe = new Map(rewritten.map((r) => [r.name, withoutDatabase(r.definition, database).trim()]));
    for (const v of candidates) {
      const form = byProbe.get(v.name);
      if (form !== undefined && sameSqlExpression(form, v.select)) aligned.add(v.name);
    }
  } finally {
    await conn.query(sql.drop).catch(() => undefined);
  }
  return live.map((v) => (aligned.has(v.name) ? { ...v, select: byName.get(v.name)!.select } : v));
}

/** `mariadb` when VERSION() says so (`10.11.19-MariaDB-0+deb12u1`), else `mysql`. */

const SERVER_SQL = `SELECT VERSION() AS version, @@default_storage_engine AS defaultEngine, @@innodb_default_row_format AS rowFormat,
  s.DEFAULT_CHARACTER_SET_NAME AS charset, s.DEFAULT_COLLATION_NAME AS collation
FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME = ?`;

const CHARSETS_SQL = `SELECT CHARACTER_SET_NAME AS charset, DEFAULT_COLLATE_NAME AS collation
FROM information_schema.CHARACTER_SETS`;

const TABLES_SQL = `SELECT t.TABLE_NAME AS name, t.ENGINE AS engine, t.TABLE_COLLATION AS collation,
  c.CHARACTER_SET_NAME AS charset, t.TABLE_COMMENT AS comment, t.ROW_FORMAT AS rowFormat, t.CREATE_OPTIONS AS createOptions,
  t.AUTO_INCREMENT AS autoIncrement
FROM information_schema.TABLES t
LEFT JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = t.TABLE_COLLATION
WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY t.TABLE_NAME`;

/**
 * Objects in information_schema.TABLES the schema language does not hold yet: MariaDB's
 * SEQUENCE and system-versioned tables (TABLE_TYPE 'SEQUENCE', 'SYSTEM VERSIONED'), and any
 * other type but tables and views. Reported, never skipped: a database holding one cannot be
 * described whole.
 */
const UNHELD_SQL = `SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE NOT IN ('BASE TABLE', 'VIEW') ORDER BY TABLE_NAME`;

const COLUMNS_FIELDS = `c.TABLE_NAME AS tableName, c.COLUMN_NAME AS name, c.ORDINAL_POSITION AS position,
  c.COLUMN_TYPE AS columnType, c.IS_NULLABLE AS nullable, c.COLUMN_DEFAULT AS columnDefault, c.EXTRA AS extra,
  c.CHARACTER_SET_NAME AS charset, c.COLLATION_NAME AS collation, c.COLUMN_COMMENT AS comment,
  c.GENERATION_EXPRESSION AS generationExpression`;

/** MySQL 8.0.3+: a spatial column's SRID is COLUMNS.SRS_ID (NULL: none). */
const COLUMNS_SQL_MYSQL = `SELECT ${COLUMNS_FIELDS}, c.SRS_ID AS srid
FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = ?
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`;

/** MariaDB: a spatial column's SRID is in GEOMETRY_COLUMNS (0: none). */
const COLUMNS_SQL_MARIADB = `SELECT ${COLUMNS_FIELDS}, g.SRID AS srid
FROM information_schema.COLUMNS c
LEFT JOIN information_schema.GEOMETRY_COLUMNS g
  ON g.G_TABLE_SCHEMA = c.TABLE_SCHEMA AND g.G_TABLE_NAME = c.TABLE_NAME AND g.G_GEOMETRY_COLUMN = c.COLUMN_NAME
WHERE c.TABLE_SCHEMA = ?
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`;

const STATISTICS_COLUMNS = `TABLE_NAME AS tableName, INDEX_NAME AS name, NON_UNIQUE AS nonUnique,
  SEQ_IN_INDEX AS seq, COLUMN_NAME AS columnName, SUB_PART AS subPart, COLLATION AS \`order\`, INDEX_TYPE AS indexType,
  INDEX_COMMENT AS indexComment`;

/** MySQL 8.0.13+: EXPRESSION (functional key parts) and IS_VISIBLE. */
const STATISTICS_SQL_MYSQL = `SELECT ${STATISTICS_COLUMNS}, EXPRESSION AS expression, (IS_VISIBLE = 'NO') AS hidden
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`;

/** MariaDB 10.6+: IGNORED; no functional key parts. */
const STATISTICS_SQL_MARIADB = `SELECT ${STATISTICS_COLUMNS}, (IGNORED = 'YES') AS hidden
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`;

/** FK names are unique per database (MYSQL-NOTES §2), so (schema, name) joins the two views. */
const FOREIGN_KEYS_SQL = `SELECT k.TABLE_NAME AS tableName, k.CONSTRAINT_NAME AS name, k.ORDINAL_POSITION AS seq,
  k.COLUMN_NAME AS columnName, k.REFERENCED_TABLE_SCHEMA AS refSchema, k.REFERENCED_TABLE_NAME AS refTable,
  k.REFERENCED_COLUMN_NAME AS refColumn, r.UPDATE_RULE AS onUpdate, r.DELETE_RULE AS onDelete
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

/** MariaDB: CHECK names are per table, so the table comes from CHECK_CONSTRAINTS itself. */
const CHECKS_SQL_MARIADB = `SELECT TABLE_NAME AS tableName, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause, LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?
ORDER BY TABLE_NAME, CONSTRAINT_NAME`;

/** MySQL 8.0.16+: CHECK_CONSTRAINTS has no TABLE_NAME; CHECK names are per database. */
const CHECKS_SQL_MYSQL = `SELECT tc.TABLE_NAME AS tableName, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause,
  tc.ENFORCED AS enforced
FROM information_schema.CHECK_CONSTRAINTS cc
JOIN information_schema.TABLE_CONSTRAINTS tc
  ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'
WHERE cc.CONSTRAINT_SCHEMA = ?
ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME`;

/** One row per partition (per subpartition of a subpartitioned table); a table without partitions has one row with NULLs, left out. Same columns on MySQL 8 and MariaDB. */
const PARTITIONS_SQL = `SELECT TABLE_NAME AS tableName, PARTITION_NAME AS name, SUBPARTITION_NAME AS subName,
  PARTITION_ORDINAL_POSITION AS position, SUBPARTITION_ORDINAL_POSITION AS subPosition, PARTITION_METHOD AS method,
  SUBPARTITION_METHOD AS subMethod, PARTITION_EXPRESSION AS expression, SUBPARTITION_EXPRESSION AS subExpression,
  PARTITION_DESCRIPTION AS description, PARTITION_COMMENT AS comment
FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL
ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION`;

async function serverInfo(conn: Queryable, database: string, flavor: Flavor | undefined): Promise<ServerInfo> {
  const [facts, charsets] = await Promise.all([
    rows(conn, SERVER_SQL, [database], (r) => r),
    rows(conn, CHARSETS_SQL, [], (r) => [text(r.charset).toLowerCase(), text(r.collation).toLowerCase()] as const),
  ]);
  if (facts.length === 0) throw new Error(`database ${database} does not exist on the server`);
  const f = facts[0];
  return {
    ...liveProfile(text(f.version), text(f.defaultEngine), new Map(charsets), flavor),
    ...(textOrNull(f.rowFormat) ? { innodbDefaultRowFormat: text(f.rowFormat).toUpperCase() } : {}),
    database,
    databaseCharset: text(f.charset).toLowerCase(),
    databaseCollation: text(f.collation).toLowerCase(),
  };
}

type RawRow = Record<string, unknown>;

async function rows<T>(conn: Queryable, sql: string, params: unknown[], map: (r: RawRow) => T): Promise<T[]> {
  const [result] = await conn.query(sql, params);
  if (!Array.isArray(result)) throw new Error('introspection query returned no rows array');
  return (result as RawRow[]).map(map);
}

/** Driver values → text: some servers return information_schema text as binary (Buffer). */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
}

function textOrNull(v: unknown): string | null {
  return v === null || v === undefined ? null : text(v);
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(text(v));
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : num(v);
}

function toTableRow(r: RawRow): TableRow {
  return {
    name: text(r.name), engine: textOrNull(r.engine), collation: textOrNull(r.collation),
    charset: textOrNull(r.charset), comment: textOrNull(r.comment),
    rowFormat: textOrNull(r.rowFormat), createOptions: textOrNull(r.createOptions), autoIncrement: textOrNull(r.autoIncrement),
  };
}

function toColumnRow(r: RawRow): ColumnRow {
  return {
    tableName: text(r.tableName), name: text(r.name), position: num(r.position), columnType: text(r.columnType),
    nullable: text(r.nullable), columnDefault: textOrNull(r.columnDefault), extra: text(r.extra),
    charset: textOrNull(r.charset), collation: textOrNull(r.collation), comment: textOrNull(r.comment),
    generationExpression: textOrNull(r.generationExpression), srid: numOrNull(r.srid),
  };
}

function toIndexRow(r: RawRow): IndexRow {
  return {
    tableName: text(r.tableName), name: text(r.name), nonUnique: num(r.nonUnique), seq: num(r.seq),
    columnName: textOrNull(r.columnName), subPart: numOrNull(r.subPart), order: textOrNull(r.order),
    indexType: text(r.indexType), expression: textOrNull(r.expression), hidden: num(r.hidden ?? 0) === 1,
    comment: textOrNull(r.indexComment),
  };
}

function toForeignKeyRow(r: RawRow): ForeignKeyRow {
  return {
    tableName: text(r.tableName), name: text(r.name), seq: num(r.seq), columnName: text(r.columnName),
    refSchema: text(r.refSchema), refTable: text(r.refTable), refColumn: text(r.refColumn),
    onUpdate: text(r.onUpdate), onDelete: text(r.onDelete),
  };
}

function toPartitionRow(r: RawRow): PartitionRow {
  return {
    tableName: text(r.tableName), name: text(r.name), subName: textOrNull(r.subName), position: num(r.position),
    subPosition: numOrNull(r.subPosition), method: text(r.method), subMethod: textOrNull(r.subMethod),
    expression: textOrNull(r.expression), subExpression: textOrNull(r.subExpression), description: textOrNull(r.description),
    comment: textOrNull(r.comment),
  };
}

function toCheckRow(r: RawRow): CheckRow {
  return {
    tableName: text(r.tableName), name: text(r.name), clause: text(r.clause),
    level: textOrNull(r.level), enforced: textOrNull(r.enforced),
  };
}
