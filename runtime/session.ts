/*
 * What the runtime needs from a database connection. Only runtime/connection.ts implements it
 * with mysql2; everything else (lock, history, migrator) is written against this interface.
 */

/** A result row, by (aliased) column name. */
export type Row = Readonly<Record<string, unknown>>;

/** What a query returned: rows for a SELECT, the affected row count for anything else. */
export interface QueryResult {
  readonly rows: readonly Row[];
  readonly affectedRows: number;
}

/** One statement of a batch; `params` fill its `?` placeholders (never given for a migration's own SQL). */
export interface BatchPart {
  readonly sql: string;
  readonly params?: readonly unknown[];
}

/** One connection to one database, used for the lock, the history and every statement. */
export interface Session {
  /** The server's id for this connection (`CONNECTION_ID()`), as `KILL` and `IS_USED_LOCK` name it. */
  readonly connectionId: number;
  /** The database the URL names (the connection's default database). */
  readonly database: string;
  /** Sends one statement; `?` placeholders are filled with escaped `params` by the client. */
  query(sql: string, params?: readonly unknown[]): Promise<QueryResult>;
  /**
   * Sends statements in one round trip (a multi-statement query): the server runs them in
   * order, each committing on its own under autocommit, and stops at the first error, which is
   * thrown with the index of the part that failed (`ServerError.part`). Returns the results in
   * order, one per part (a CALL adds result sets of its own after its part).
   */
  batch(parts: readonly BatchPart[]): Promise<QueryResult[]>;
  /**
   * A second connection to the same database with the same settings, on which the server takes
   * each query as exactly one statement (no multi-statement queries): for a statement whose end
   * only the server's parser can tell (a stored program's body). Closed with this one.
   */
  single(): Promise<Session>;
  /** Closes the connection (never throws). */
  close(): Promise<void>;
}

/** An error from the server or the client library, reduced to what the runtime decides on. */
export class ServerError extends Error {
  /** MySQL error number (1062, 1205, ...), or 0 for client-side failures. */
  readonly errno: number;
  /** Symbolic code: `ER_DUP_ENTRY`, `PROTOCOL_CONNECTION_LOST`, `ECONNREFUSED`, ... */
  readonly code: string;
  /** True when the connection cannot be used any more. */
  readonly fatal: boolean;
  /** In a batch: the index of the part that failed (the parts before it ran); else null. */
  part: number | null = null;
  constructor(message: string, errno: number, code: string, fatal: boolean) {
    super(message);
    this.name = 'ServerError';
    this.errno = errno;
    this.code = code;
    this.fatal = fatal;
  }

  /** `ER_DUP_ENTRY (1062): Duplicate entry ...` */
  describe(): string {
    return this.errno ? `${this.code} (${this.errno}): ${this.message}` : `${this.code}: ${this.message}`;
  }
}

/** Error numbers and codes that mean the connection is gone (killed, server restarted, network). */
const LOST_ERRNOS = new Set([1053, 1927, 2006, 2013]);
const LOST_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN', 'CR_SERVER_LOST', 'CR_SERVER_GONE_ERROR', 'CONNECTION_CLOSED']);

/** Whether an error means the connection was lost (so nothing more can be recorded on it). */
export function isConnectionLost(e: unknown): boolean {
  if (!(e instanceof ServerError)) return false;
  return e.fatal || LOST_ERRNOS.has(e.errno) || LOST_CODES.has(e.code);
}

/** The error's one-line description, whatever it is. */
export function describeError(e: unknown): string {
  if (e instanceof ServerError) return e.describe();
  return e instanceof Error ? e.message : String(e);
}

/** A quoted identifier: `name`, with backticks doubled (the dialect's quoting). */
export { quoted as quoteIdent } from '../compiler/dialect/mysql/sql.js';
