import { splitStatements } from '../../runtime/statements.js';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { configProfile, liveProfile, type ServerProfile } from '../../compiler/dialect/mysql/server.js';

/** The test server (SPEC §8): SCHEMAC_TEST_URL or MariaDB on 127.0.0.1:3306 as root. */
export const TEST_URL = process.env.SCHEMAC_TEST_URL ?? 'mysql://root@127.0.0.1:3306';

export type Conn = mysql.Connection;

/**
 * The profile SQL is written for when a test applies it to the test server: MariaDB 10.11 here
 * (SCHEMAC_TEST_FLAVOR=mysql for a MySQL 8 server). Only a few spellings differ (the SRID of a
 * spatial column).
 */
export const TEST_SERVER: ServerProfile = configProfile(process.env.SCHEMAC_TEST_FLAVOR === 'mysql' ? 'mysql' : 'mariadb');

/** A connection to the server (no database selected), allowed to run whole SQL files. */
export async function connect(database?: string): Promise<Conn> {
  const conn = await mysql.createConnection({ uri: TEST_URL, multipleStatements: true, ...(database ? { database } : {}) });
  return conn;
}

/** Creates a scratch database with a unique name and returns it with a connection to it. */
export async function scratchDatabase(prefix: string): Promise<{ name: string; conn: Conn; drop: () => Promise<void> }> {
  const name = `sct_${prefix.replace(/[^a-z0-9_]/gi, '_').slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await admin.end();
  const conn = await connect(name);
  await conn.query("SET SESSION sql_mode = 'TRADITIONAL'");
  return {
    name, conn,
    drop: async () => {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/**
 * The database's shape from information_schema, without its name: tables with options,
 * columns in order, indexes, foreign keys, checks, views, triggers, routines with their parameters, and events. Two databases with the same shape
 * compare equal with toEqual.
 */
export async function shape(conn: Conn, db: string): Promise<unknown> {
  const q = async (sql: string) => (await conn.query(sql, [db]))[0] as any[];
  // CREATE_OPTIONS holds the storage options declared (ROW_FORMAT, KEY_BLOCK_SIZE, STATS_*, ...);
  // AUTO_INCREMENT, the counter, is left out: rows move it.
  const tables = await q(`SELECT TABLE_NAME AS t, ENGINE AS engine, TABLE_COLLATION AS collation, TABLE_COMMENT AS comment,
    ROW_FORMAT AS rowFormat, CREATE_OPTIONS AS createOptions
    FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`);
  const columns = await q(`SELECT TABLE_NAME AS t, COLUMN_NAME AS name, ORDINAL_POSITION AS pos, COLUMN_TYPE AS type,
    IS_NULLABLE AS nullable, COLUMN_DEFAULT AS def, EXTRA AS extra, CHARACTER_SET_NAME AS charset,
    COLLATION_NAME AS collation, COLUMN_COMMENT AS comment, GENERATION_EXPRESSION AS gen
    FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`);
  const [[{ v }]] = (await conn.query('SELECT VERSION() AS v')) as any;
  const hidden = /mariadb/i.test(String(v)) ? 'IGNORED' : 'IS_VISIBLE';
  const indexes = await q(`SELECT TABLE_NAME AS t, INDEX_NAME AS name, NON_UNIQUE AS nonUnique, SEQ_IN_INDEX AS seq,
    COLUMN_NAME AS col, SUB_PART AS sub, COLLATION AS ord, INDEX_TYPE AS type, INDEX_COMMENT AS comment, ${hidden} AS hidden
    FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`);
  const fks = await q(`SELECT k.TABLE_NAME AS t, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS col, k.ORDINAL_POSITION AS seq,
    k.REFERENCED_TABLE_NAME AS refTable, k.REFERENCED_COLUMN_NAME AS refCol, r.UPDATE_RULE AS onUpdate, r.DELETE_RULE AS onDelete
    FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r
      ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
    WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`);
  const checks = await q(`SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause
    FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME`);
  // MariaDB keeps a spatial column's SRID (REF_SYSTEM_ID) only here.
  const srids = await q(`SELECT G_TABLE_NAME AS t, G_GEOMETRY_COLUMN AS col, SRID AS srid, GEOMETRY_TYPE AS type
    FROM information_schema.GEOMETRY_COLUMNS WHERE G_TABLE_SCHEMA = ? ORDER BY G_TABLE_NAME, G_GEOMETRY_COLUMN`);
  const partitions = await q(`SELECT TABLE_NAME AS t, PARTITION_NAME AS name, SUBPARTITION_NAME AS sub, PARTITION_ORDINAL_POSITION AS pos,
    SUBPARTITION_ORDINAL_POSITION AS subPos, PARTITION_METHOD AS method, SUBPARTITION_METHOD AS subMethod,
    PARTITION_EXPRESSION AS expr, SUBPARTITION_EXPRESSION AS subExpr, PARTITION_DESCRIPTION AS description, PARTITION_COMMENT AS comment
    FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL
    ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION`);
  // The server writes every name a view reads qualified by its database: without it, two
  // databases holding the same view compare equal.
  const views = (await q(`SELECT TABLE_NAME AS t, VIEW_DEFINITION AS def, CHECK_OPTION AS checkOption, SECURITY_TYPE AS security,
    ALGORITHM AS algorithm FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`))
    .map((v) => ({ ...v, def: String(v.def).split('`' + db.replace(/`/g, '``') + '`.').join('') }));
  const triggers = await q(`SELECT TRIGGER_NAME AS t, EVENT_OBJECT_TABLE AS tableName, ACTION_TIMING AS timing,
    EVENT_MANIPULATION AS event, ACTION_STATEMENT AS body, ACTION_ORDER AS actionOrder, SQL_MODE AS sqlMode
    FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME`);
  const routines = await q(`SELECT ROUTINE_NAME AS t, ROUTINE_TYPE AS type, ROUTINE_DEFINITION AS body, DTD_IDENTIFIER AS returnType,
    IS_DETERMINISTIC AS isDeterministic, SQL_DATA_ACCESS AS dataAccess, SECURITY_TYPE AS security, ROUTINE_COMMENT AS comment,
    SQL_MODE AS sqlMode FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_TYPE, ROUTINE_NAME`);
  const parameters = await q(`SELECT SPECIFIC_NAME AS t, ROUTINE_TYPE AS type, ORDINAL_POSITION AS pos, PARAMETER_MODE AS mode,
    PARAMETER_NAME AS name, DTD_IDENTIFIER AS dataType FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ?
    ORDER BY ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION`);
  // STARTS is the time of creation when a schedule does not say it: left out.
  const events = await q(`SELECT EVENT_NAME AS t, EVENT_DEFINITION AS body, EVENT_TYPE AS type, EXECUTE_AT AS executeAt,
    INTERVAL_VALUE AS intervalValue, INTERVAL_FIELD AS intervalField, ENDS AS ends, STATUS AS status, ON_COMPLETION AS onCompletion,
    EVENT_COMMENT AS comment, SQL_MODE AS sqlMode FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME`);
  return { tables, columns, indexes, fks, checks, partitions, views, triggers, routines, parameters, events, ...(srids.length ? { srids } : {}) };
}

/**
 * Runs a whole SQL file (comments and several statements) on the connection; a file with
 * DELIMITER lines (a trigger's BEGIN ... END) is split as the mysql client splits it.
 */
export async function runSql(conn: Conn, sql: string): Promise<void> {
  if (sql.replace(/--[^\n]*\n?/g, '').trim() === '') return;
  if (!/^DELIMITER /m.test(sql)) {
    await conn.query(sql);
    return;
  }
  for (const s of splitStatements(sql)) await conn.query(s.sql);
}

/** Whether the test server answers (tests that need it fail loudly when it does not). */
export async function serverVersion(): Promise<string> {
  const c = await connect();
  const [rows] = await c.query('SELECT VERSION() AS v');
  await c.end();
  return (rows as any[])[0].v;
}

/** The profile of the test server (what a schema applied there is printed for). */
export async function testServerProfile(): Promise<ServerProfile> {
  const c = await connect();
  try {
    const [rows] = await c.query('SELECT VERSION() AS v, @@default_storage_engine AS e');
    const r = (rows as any[])[0];
    return liveProfile(String(r.v), String(r.e), new Map());
  } finally {
    await c.end();
  }
}
