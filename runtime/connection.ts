import mysql from 'mysql2';
import type { DatabaseConfig } from '../compiler/config.js';
import { SchemacError } from '../compiler/diagnostics.js';
import { scrub } from './redact.js';
import { ServerError, type BatchPart, type QueryResult, type Row, type Session } from './session.js';

export { redactUrl, scrub } from './redact.js';

/*
 * The only file that imports mysql2. It turns a config URL into a Session and keeps the
 * password out of every message: URLs are shown as mysql://user:***@host:port/db, and any
 * error text that passes through here is scrubbed of the password.
 */

/** A parsed `mysql://user:pass@host:port/db` URL. */
export interface DatabaseUrl {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly ssl: boolean;
  /** The URL with the password replaced by `***`, for messages. */
  readonly display: string;
}

/** Session settings the migrator needs (SPEC §7, MYSQL-NOTES §11). */
export interface SessionOptions {
  /** `SET SESSION lock_wait_timeout`: how long a DDL statement waits for a metadata lock, in seconds. */
  readonly lockWaitTimeout: number;
  /** `SET SESSION sql_mode`; the server's mode is kept when absent. */
  readonly sqlMode?: string;
  /**
   * Multi-statement queries (Session.batch in one round trip), for the migrator, which checks
   * what it sends (runtime/statements.ts oneStatement); off by default, so that the server takes
   * each query as one statement.
   */
  readonly multipleStatements?: boolean;
}

/**
 * The error with the URL's password taken out of every message, hint and stack (defence in
 * depth: connection errors already leave it out), ready to rethrow.
 */
export function scrubError(e: unknown, url: DatabaseUrl | null | undefined): unknown {
  const secrets = url?.password ? [url.password] : [];
  if (e instanceof SchemacError) {
    return new SchemacError(e.diagnostics.map((d) => ({ ...d, message: scrub(d.message, secrets),
      ...(d.hint ? { hint: scrub(d.hint, secrets, false) } : {}) })), e.exitCode);
  }
  if (e instanceof Error) {
    e.message = scrub(e.message, secrets);
    if (e.stack) e.stack = scrub(e.stack, secrets);
  }
  return e;
}

/**
 * The URL a database's config names: the literal `mysql://...`, or the value of `env:VAR`
 * looked up in `env` (bin/ passes process.env; only bin/ reads the environment).
 */
export function resolveDatabaseUrl(db: DatabaseConfig, env: Readonly<Record<string, string | undefined>>): DatabaseUrl {
  if (db.url === null || db.url.trim() === '') {
    throw new SchemacError({ code: 'E_NO_URL', message: `database "${db.name}" has no url in the config`,
      hint: `add "url": "env:${envName(db.name)}" (or a mysql://user:pass@host:port/db URL) to databases.${db.name}` });
  }
  const m = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(db.url.trim());
  if (db.url.startsWith('env:') && !m) {
    throw new SchemacError({ code: 'E_URL', message: `database "${db.name}": "${db.url}" is not a valid env:VAR reference`,
      hint: 'name an environment variable made of letters, digits and _, as env:MEMBERS_DATABASE_URL' });
  }
  if (m) {
    const value = env[m[1]];
    if (value === undefined || value.trim() === '') {
      throw new SchemacError({ code: 'E_ENV', message: `database "${db.name}": environment variable ${m[1]} is not set`,
        hint: `set ${m[1]} to mysql://user:password@host:port/database` });
    }
    return parseDatabaseUrl(value.trim(), `database "${db.name}" (from ${m[1]})`);
  }
  return parseDatabaseUrl(db.url.trim(), `database "${db.name}"`);
}

function envName(name: string): string {
  return `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_DATABASE_URL`;
}

/** Parses a `mysql://` (or `mariadb://`) URL; `what` names it in errors. The password never appears in them. */
export function parseDatabaseUrl(text: string, what: string): DatabaseUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not echoed: an unparsable URL may hold its password where no pattern finds it.
    throw new SchemacError({ code: 'E_URL', message: `${what}: the URL is not valid`,
      hint: 'write it as mysql://user:password@host:port/database (percent-encode special characters in the password)' });
  }
  const slashes = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (!slashes || !url.host) {
    // Not echoed either: without `//` a URL parser reads the user and password as the path.
    throw new SchemacError({ code: 'E_URL', message: `${what}: the URL is not of the form mysql://user@host/database (${slashes ? 'it names no host' : `there is no // after "${url.protocol}"`})`,
      hint: 'write it as mysql://user:password@host:port/database' });
  }
  const display = `${url.protocol}//${url.username ? url.username + (url.password ? ':***' : '') + '@' : ''}${url.host}${url.pathname}`;
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new SchemacError({ code: 'E_URL', message: `${what}: ${display} is not a mysql:// URL`,
      hint: 'write it as mysql://user:password@host:port/database' });
  }
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new SchemacError({ code: 'E_URL', message: `${what}: ${display} has a malformed %-escape`,
        hint: 'percent-encode special characters in the user and password (% is %25)' });
    }
  };
  const database = decode(url.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) {
    throw new SchemacError({ code: 'E_URL', message: `${what}: ${display} does not name a database`,
      hint: 'the path of the URL is the database: mysql://user:password@host:port/database' });
  }
  let ssl = false;
  for (const [key, value] of url.searchParams) {
    if (key === 'ssl' && ['true', '1', 'false', '0'].includes(value)) ssl = value === 'true' || value === '1';
    else throw new SchemacError({ code: 'E_URL', message: `${what}: unsupported URL parameter "${key}"`, hint: 'the only parameter is ssl=true' });
  }
  const user = decode(url.username);
  const password = decode(url.password);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost';
  const port = url.port ? Number(url.port) : 3306;
  return { host, port, user, password, database, ssl, display };
}

/** Error numbers of connection failures, mapped to what to do. */
function connectHint(e: ServerError, url: DatabaseUrl): string {
  if (e.errno === 1045) return 'check the user and password in the URL';
  if (e.errno === 1049) return `create the database first (CREATE DATABASE \`${url.database}\`) or fix the URL's path`;
  if (e.errno === 1044) return `grant the user access to \`${url.database}\``;
  return 'check that the server is running and that the URL is right';
}

/**
 * Opens one connection to the URL's database and prepares the session: a short
 * `lock_wait_timeout` so a DDL statement blocked by a metadata lock fails instead of queueing
 * every reader behind it for a day (MYSQL-NOTES §11), and `sql_mode` when asked.
 */
export async function openSession(url: DatabaseUrl, options: SessionOptions, what: string): Promise<Session> {
  const multipleStatements = options.multipleStatements === true;
  let conn: mysql.Connection;
  try {
    conn = await new Promise<mysql.Connection>((resolve, reject) => {
      const c = mysql.createConnection({
        host: url.host, port: url.port, user: url.user, password: url.password, database: url.database,
        ...(url.ssl ? { ssl: {} } : {}),
        multipleStatements, dateStrings: true, supportBigNumbers: true, bigNumberStrings: false,
        connectTimeout: 10_000, charset: 'utf8mb4_general_ci',
        // As the mysql client connects: no IGNORE_SPACE in the session's sql_mode (stored programs
        // keep their sql_mode), affected rows not found rows (ROW_COUNT() in stored programs), and
        // no LOAD DATA LOCAL (a server cannot ask for this machine's files).
        flags: ['-IGNORE_SPACE', '-FOUND_ROWS', '-LOCAL_FILES'],
      });
      c.connect((e) => (e ? reject(e) : resolve(c)));
    });
  } catch (e) {
    const se = toServerError(e, [url.password]);
    throw new SchemacError({ code: 'E_CONNECT', message: `${what}: cannot connect to ${url.display}: ${se.describe()}`,
      hint: connectHint(se, url) });
  }
  const session = new Mysql2Session(conn, url, multipleStatements, () => openSession(url, { ...options, multipleStatements: false }, what));
  try {
    // autocommit and completion_type as schemac relies on them, whatever the server's init_connect says.
    await session.query(`SET SESSION lock_wait_timeout = ?, autocommit = 1, completion_type = 'NO_CHAIN'${options.sqlMode !== undefined ? ', sql_mode = ?' : ''}`,
      [options.lockWaitTimeout, ...(options.sqlMode !== undefined ? [options.sqlMode] : [])]);
  } catch (e) {
    await session.close();
    throw new SchemacError({ code: 'E_CONNECT', message: `${what}: cannot prepare the session on ${url.display}: ${(e as ServerError).describe?.() ?? String(e)}`,
      hint: options.sqlMode !== undefined ? 'check the --sql-mode and --lock-wait-timeout values' : 'check the --lock-wait-timeout value' });
  }
  return session;
}

class Mysql2Session implements Session {
  readonly connectionId: number;
  readonly database: string;
  private lost: ServerError | null = null;
  private sibling: Promise<Session> | null = null;

  constructor(private readonly conn: mysql.Connection, private readonly url: DatabaseUrl, private readonly multi: boolean,
    private readonly openSingle: () => Promise<Session>) {
    this.connectionId = conn.threadId;
    this.database = url.database;
    // A fatal error (KILL, server gone) arrives as an event when no query is pending; without a
    // listener it would crash the process instead of failing the next query.
    conn.on('error', (e: unknown) => { this.lost = toServerError(e, [url.password]); });
  }

  async query(sql: string, params?: readonly unknown[]): Promise<QueryResult> {
    const result = await this.send(params ? this.conn.format(sql, params as unknown[]) : sql);
    // A CALL returns several result sets; the rows are the first one.
    return toResult(Array.isArray(result) && result.length > 0 && isResultSet(result[0]) ? result[0] : result);
  }

  async batch(parts: readonly BatchPart[]): Promise<QueryResult[]> {
    if (parts.length === 0) return [];
    if (!this.multi) {
      const out: QueryResult[] = [];
      for (const [i, p] of parts.entries()) {
        try {
          out.push(await this.query(p.sql, p.params));
        } catch (e) {
          if (e instanceof ServerError) e.part = i;
          throw e;
        }
      }
      return out;
    }
    // Placeholders are filled part by part: a migration's statement is sent exactly as written
    // (a `?` in its text is not a placeholder). "\n;\n" ends a statement whose last line is a comment.
    const sql = parts.map((p) => (p.params ? this.conn.format(p.sql, p.params as unknown[]) : p.sql)).join('\n;\n');
    const result = await this.send(sql);
    return parts.length === 1 ? [toResult(result)] : (result as unknown[]).map(toResult);
  }

  single(): Promise<Session> {
    this.sibling ??= this.openSingle();
    return this.sibling;
  }

  /**
   * Sends one query (already formatted). A failure carries the index of the statement that
   * failed: the server answers the statements of a multi-statement query in turn, and mysql2's
   * query counts the answers it completed (`_resultIndex`; not in its typings, and pinned by the
   * lock file: test/runtime/batch.test.ts fails if it changes). A result set whose statement
   * fails after its columns were sent (INSERT ... RETURNING) is not counted, as it should not be.
   */
  private send(sql: string): Promise<unknown> {
    if (this.lost) return Promise.reject(this.lost);
    return new Promise((resolve, reject) => {
      const cmd = this.conn.query(sql, (e: unknown, result: unknown) => {
        if (!e) { resolve(result); return; }
        const se = toServerError(e, [this.url.password]);
        if (se.fatal) this.lost = se;
        else {
          const index = (cmd as unknown as { _resultIndex?: unknown })._resultIndex;
          se.part = typeof index === 'number' ? index : null;
        }
        reject(se);
      });
    });
  }

  async close(): Promise<void> {
    const sibling = this.sibling;
    this.sibling = null;
    if (sibling) await sibling.then((s) => s.close(), () => undefined);
    if (this.lost) {
      this.conn.destroy();
      return;
    }
    await new Promise<void>((resolve) => this.conn.end((e) => {
      if (e) this.conn.destroy();
      resolve();
    }));
  }
}

/** Whether a result is a result set (rows) rather than an OK packet. */
function isResultSet(result: unknown): result is Row[] {
  return Array.isArray(result);
}

function toResult(result: unknown): QueryResult {
  if (isResultSet(result)) return { rows: result, affectedRows: 0 };
  return { rows: [], affectedRows: (result as { affectedRows?: number } | undefined)?.affectedRows ?? 0 };
}

/** Any mysql2 or network error as a ServerError, its text scrubbed of the secrets. */
function toServerError(e: unknown, secrets: readonly string[]): ServerError {
  const x = (e ?? {}) as { message?: string; sqlMessage?: string; errno?: number; code?: string; fatal?: boolean };
  const message = scrub(x.sqlMessage ?? x.message ?? String(e), secrets);
  const errno = typeof x.errno === 'number' && x.errno > 0 && x.errno < 10000 ? x.errno : 0;
  const fatal = x.fatal === true || /closed state|connection lost/i.test(message);
  return new ServerError(message, errno, x.code ?? 'ERROR', fatal);
}
