import { SchemacError, type Diagnostic } from '../compiler/diagnostics.js';
import { VERSION_TABLE } from '../compiler/config.js';
import { checkRefusal, isCheck, type CheckSite } from './checks.js';
import { classifyStatement, type Classified, type ObjectRef } from './classify.js';
import { fingerprint } from './fingerprint.js';
import {
  chainOf, deleteHistory, HistoryWriteError, HistoryWriter, readHistoryTable, statementChain, updateHistory, upgradeParts,
  type HistoryPatch, type HistoryRow,
} from './history.js';
import { acquireLock, releaseLock, releasePart } from './lock.js';
import { checkIntegrity, statementsOf, type MigrationSet, type MigrationText } from './migrations.js';
import { downItem, historyProblems, planDown, planUp, type DownItem, type UpItem } from './plan.js';
import { describeError, isConnectionLost, quoteIdent, ServerError, type BatchPart, type QueryResult, type Session } from './session.js';
import { backslashInString, firstLine, oneStatement, quotingOf, type Quoting, type Statement } from './statements.js';
import { backfillProbe, backfillShape, chunks, probeResult, progressLine, runChunked } from './backfill.js';

/*
 * up / down / status on one database, over one Session that holds the migration lock and runs
 * every statement and history write.
 *
 * Exactly-once, statement by statement:
 * - A data statement (INSERT/UPDATE/DELETE) runs in a transaction with the UPDATE of its history
 *   row: both commit or neither does, whatever happens to the connection.
 * - A DDL statement commits on its own (implicit commit). Before it runs, the row records
 *   "statement k started" with a fingerprint of the objects it changes (SHOW CREATE). If the
 *   connection is lost before the row records k as applied, the next run finds the mark and
 *   compares fingerprints: unchanged → the statement did not take effect and runs again;
 *   changed → it committed and is counted, not re-run. A statement whose objects cannot be told
 *   (CALL, GRANT, ...) is not guessed: its record is written as soon as it returns, and if the
 *   connection is lost while it runs, the next run stops and asks (--resolve-interrupted).
 * - Reads and session statements (SELECT, SET) are harmless to repeat; SETs that ran before the
 *   resume point are replayed on the new connection.
 *
 * Round trips: the history writes travel with the statements (HistoryWriter). "k is applied"
 * and "k+1 is starting" are one UPDATE, sent in the same multi-statement query as statement
 * k+1 and committed before it starts; the last record goes with RELEASE_LOCK. A DDL statement
 * therefore costs one round trip, plus a SHOW CREATE of the objects it changes, which is skipped
 * for a table known to be absent (see KnownTables); consecutive CREATEs of such tables share one
 * round trip (runGroup). This keeps `up` within a few percent of piping the files into the
 * mysql client (bench/up.ts).
 *
 * What the batching must not change:
 * - One statement is one statement: a text that goes on after a `;` (oneStatement) is refused
 *   if it is a data statement, read or SET, and prepared if it is a stored program (runProgram),
 *   so that the server's parser ends it. Each statement is the last of its round trip, so any
 *   failure in that round trip is its own (a CALL may answer with several result sets first).
 * - The session stays as exactly-once needs it: after a SET or an unclassified statement the
 *   sql_mode (how quotes are read), the database, autocommit and the character set are read
 *   again (readSession).
 */

/** What the migrator needs: the connection, the files, and where to report progress. */
export interface RunContext {
  readonly session: Session;
  readonly set: MigrationSet;
  /** Progress and warnings (stderr). */
  readonly log: (line: string) => void;
  /** Milliseconds clock (injected for tests). */
  readonly now?: () => number;
}

export type InterruptedChoice = 'rerun' | 'skip';

/** Options shared by up and down. */
export interface RunOptions {
  readonly dryRun?: boolean;
  /** Seconds to wait for another runner's lock (GET_LOCK timeout). */
  readonly lockTimeout?: number;
  /** How often a statement that hit a lock wait timeout (1205) is tried again. */
  readonly lockRetries?: number;
  /** How to settle a statement interrupted by a lost connection whose outcome cannot be told. */
  readonly resolveInterrupted?: InterruptedChoice;
  /** Print "still running" every this many ms (default 5000). */
  readonly tickMs?: number;
  /**
   * Take the history as it is after a human checked it (rows edited by hand, a row deleted as a
   * hint said): its chain is written anew instead of refusing a broken one (historyProblems).
   */
  readonly acceptHistory?: boolean;
  /**
   * Rows per chunk of a backfill UPDATE (runtime/backfill.ts): each chunk of the primary key is
   * its own transaction. 0: the UPDATE runs whole. Default 5000.
   */
  readonly chunkSize?: number;
}

export interface UpOptions extends RunOptions {
  readonly to?: number;
  readonly allowOutOfOrder?: boolean;
}

export interface DownOptions extends RunOptions {
  readonly to?: number;
  readonly steps?: number;
  /** Run a down file edited after its migration was applied (see DownPlanOptions). */
  readonly allowEditedDown?: boolean;
}

/** A statement as reported by --dry-run. */
export interface PlannedStatement {
  readonly number: number;
  readonly line: number;
  readonly sql: string;
}

/** One migration that ran (or would run, with --dry-run). */
export interface MigrationRun {
  readonly version: number;
  readonly name: string;
  readonly file: string;
  /** Statements that ran in this run (or would), with their numbers in the file. */
  readonly statements: readonly PlannedStatement[];
  /** The first statement that runs (its number in `statements`' list, 1-based) and the file's statement count. */
  readonly from: number;
  readonly total: number;
  readonly ms: number;
}

export interface RunReport {
  readonly database: string;
  readonly dryRun: boolean;
  readonly migrations: readonly MigrationRun[];
  /** The newest applied migration afterwards (null: none). */
  readonly current: string | null;
  readonly warnings: readonly string[];
}

const DEFAULT_LOCK_TIMEOUT = 60;
const DEFAULT_RETRIES = 2;
/** Rows per chunk of a backfill UPDATE. */
const DEFAULT_CHUNK = 5000;

function integrity(set: MigrationSet): void {
  const problems = checkIntegrity(set);
  if (problems.length) throw new SchemacError(problems);
}

/**
 * What the run knows about the tables of its database, to skip the SHOW CREATE of a table a
 * CREATE statement is about to make: the tables that existed when the run took the lock (read
 * under the lock, in the same round trip as GET_LOCK), as long as every statement since was a
 * CREATE (which makes only its own targets exist), a data statement or a read, and the table is
 * not a target of any of them. Anything else (ALTER ... RENAME, DROP, CALL, USE, ...) ends the
 * shortcut: from then on every fingerprint reads the server.
 */
class KnownTables {
  private readonly present: Set<string>;
  private readonly touched = new Set<string>();
  private valid = true;

  constructor(private readonly database: string, names: readonly string[]) {
    this.present = new Set(names.map((n) => n.toLowerCase()));
  }

  /** Whether `t` is a table of this database known not to exist. */
  readonly absent = (t: ObjectRef): boolean => {
    if (!this.valid || t.kind !== 'table' || (t.schema !== null && t.schema.toLowerCase() !== this.database.toLowerCase())) return false;
    const key = t.name.toLowerCase();
    return !this.present.has(key) && !this.touched.has(key);
  };

  /** Records a statement that is about to run (whatever its outcome). */
  saw(cls: Classified): void {
    for (const t of cls.targets) this.touched.add(t.name.toLowerCase());
    if (!(cls.kind === 'dml' || cls.kind === 'read' || (cls.kind === 'ddl' && cls.creates))) this.valid = false;
  }
}

/** A locked run on one database: its context, the pending history writes and what it knows of the tables. */
interface Run {
  readonly ctx: RunContext;
  readonly writer: HistoryWriter;
  readonly tables: KnownTables;
  /** How the server reads quotes under the session's sql_mode now (a migration's SET may change it). */
  quoting: Quoting;
  /** The connection's character set and collation when the session started (statements are sent in it). */
  readonly charset: { readonly client: string; readonly connection: string; readonly collation: string };
  /** Statements sent in this run. */
  sent: number;
  /** Session statements (SET, USE) run so far, in order: the single-statement connection replays them. */
  readonly sessionTexts: string[];
  /** The connection for statements only the server can tell the end of (see single()). */
  single: Session | null;
  /** The history rows as the writes queued so far leave them (for the chain: relink). */
  rows: HistoryRow[];
}

/**
 * Queues the chain of every row whose link changed after the run changed the rows (`rows`: the
 * rows as they are now): the link of a row covers the rows before it, so inserting, removing or
 * re-identifying a row relinks it and every row after it (by version).
 */
function relink(run: Run, rows: readonly HistoryRow[]): void {
  const chain = chainOf(rows);
  run.rows = rows.map((r) => {
    const link = chain.get(r.version)!;
    if (r.chain === link) return r;
    run.writer.update(r.version, { chain: link });
    return { ...r, chain: link };
  });
}

/** Refuses to run on a history schemac did not write (historyProblems), unless it is accepted. */
function checkHistory(ctx: RunContext, rows: readonly HistoryRow[], legacy: boolean, options: RunOptions): void {
  const problems = historyProblems(ctx.set, rows, legacy || options.acceptHistory === true);
  if (problems.length) throw new SchemacError(problems);
}

/**
 * The connection that takes each query as one statement, for a stored program where the server
 * cannot prepare it (runProgram), opened on first use with the session statements of the run
 * replayed, so that it has the same sql_mode and character set.
 */
async function single(run: Run): Promise<Session> {
  if (!run.single) {
    const what = 'this server cannot prepare a stored program, so schemac runs it on a second connection';
    let session: Session;
    try {
      session = await run.ctx.session.single();
    } catch (e) {
      throw new SchemacError({ code: 'E_CONNECT', message: `database ${run.ctx.set.database}: ${what}, which could not be opened: ${describeError(e)}`,
        hint: 'allow the migration user a second connection (MAX_USER_CONNECTIONS), then run again' });
    }
    for (const text of run.sessionTexts) {
      try {
        await session.query(text);
      } catch (e) {
        await session.close();
        throw new SchemacError({ code: 'E_STATEMENT_FAILED', message: `database ${run.ctx.set.database}: ${what}; replaying \`${firstLine(text)}\` there failed: ${describeError(e)}`,
          hint: 'the stored program needs the SET statements before it on its connection: make them work on a fresh connection (no temporary tables), or run it by hand' });
      }
    }
    run.single = session;
  }
  return run.single;
}

/**
 * Reads the session after a statement that may have changed it (a SET, EXECUTE IMMEDIATE, a
 * CALL, ...). The quoting follows the sql_mode (Run.quoting). What the runtime's exactly-once
 * rests on may not change: autocommit (the history commits statement by statement), the
 * default database (names are read in the URL's), the client character set (statements are sent
 * as UTF-8). Forms the classifier sees are refused before anything runs (E_TX_CONTROL, E_USE);
 * one that got past it (`EXECUTE IMMEDIATE 'SET autocommit = 0'`) is found here: the session
 * is set back, the statement is recorded (it ran), and the run stops.
 */
const SESSION_READ: BatchPart = {
  // LIMIT: a migration's SET sql_select_limit = 0 must not hide the row.
  sql: 'SELECT @@SESSION.sql_mode AS mode, DATABASE() AS db, @@SESSION.autocommit AS autocommit, @@SESSION.completion_type AS completion, '
    + '@@SESSION.character_set_client AS client, @@SESSION.character_set_connection AS connection, @@SESSION.collation_connection AS collation LIMIT 1',
};

/**
 * `replay`: the statement is replayed on a new connection (it ran and was recorded in an earlier
 * run); what it changes is set back with a warning instead of stopping the run again.
 */
async function readSession(run: Run, job: Job, s: Statement, result: QueryResult, replay = false): Promise<void> {
  const row = result.rows[0] ?? {};
  run.quoting = quotingOf(String(row.mode ?? ''));
  const database = run.ctx.session.database;
  const changed: [string, string][] = [];
  if (Number(row.autocommit) !== 1 || !['0', 'NO_CHAIN'].includes(String(row.completion))) {
    changed.push(['E_TX_CONTROL', 'turned off autocommit (or made COMMIT chain or release)']);
  }
  // Names compare without case: with lower_case_table_names, DATABASE() is the lower-case name.
  if (String(row.db).toLowerCase() !== database.toLowerCase()) changed.push(['E_USE', `changed the default database to ${String(row.db)}`]);
  const { client, connection, collation } = run.charset;
  if (String(row.client) !== client || String(row.connection) !== connection || String(row.collation) !== collation) {
    changed.push(['E_CHARSET', `changed the connection's character set to ${String(row.client)}/${String(row.connection)} (${String(row.collation)})`]);
  }
  if (changed.length === 0) return;
  // Set back what the run rests on; the record of the statement (queued) commits with it.
  const restore: BatchPart[] = [
    { sql: "SET SESSION autocommit = 1, completion_type = 'NO_CHAIN'" },
    { sql: `SET NAMES ${/^\w+$/.test(client) ? client : 'utf8mb4'}` },
    { sql: 'SET SESSION character_set_connection = ?, collation_connection = ?', params: [connection, collation] },
    { sql: `USE ${quoteIdent(database)}` },
  ];
  await run.writer.send([{ sql: 'COMMIT' }, ...restore]);
  if (run.single) await run.single.batch(restore);
  const label = `statement ${job.fileNumber(job.statements.indexOf(s) + 1)} (line ${s.line}: ${firstLine(s.sql)})`;
  if (replay) {
    for (const [, what] of changed) run.ctx.log(`warning: ${run.ctx.set.database}: ${label} ${what} when it was replayed; set back, as for the run that recorded it`);
    return;
  }
  throw new SchemacError(changed.map(([code, what]) => ({
    code, pos: { file: job.file.file, line: s.line, column: 1 },
    message: `database ${run.ctx.set.database}: ${label} ran and is recorded, but it ${what}; migration files may not`,
    hint: `schemac runs each statement on the database of the URL, with autocommit and the character set it connected with; remove what changes that (qualify names of another database instead of USE). `
      + `The statements after it did not run; \`schemac ${job.direction}\` runs them as they are, without that change`,
  })));
}

/**
 * A session statement: run on the connection (and its single-statement sibling); `record` queues
 * its history record, then the session is read again (see readSession).
 */
async function runSession(run: Run, job: Job, s: Statement, text: string, record: () => void = () => undefined, replay = false): Promise<void> {
  const results = await run.writer.send([{ sql: text }, SESSION_READ]);
  run.sessionTexts.push(text);
  if (run.single) await run.single.query(text);
  record();
  await readSession(run, job, s, results[1], replay);
}

/**
 * A statement only the server's parser can find the end of (a stored program's body: see
 * oneStatement), run so that the server runs exactly one statement or refuses the text: prepared
 * on this connection (the text is passed as a hex literal, whatever the sql_mode), or, where the
 * server cannot prepare it (MySQL: ER_UNSUPPORTED_PS), on the single-statement connection. It is
 * the last of its round trip (it may answer with several result sets), so any failure is its own.
 */
async function runProgram(run: Run, text: string): Promise<void> {
  const hex = Buffer.from(text, 'utf8').toString('hex');
  try {
    await run.writer.send([
      { sql: `SET @schemac_statement = CONVERT(X'${hex}' USING utf8mb4)` },
      { sql: 'PREPARE schemac_statement FROM @schemac_statement' },
      { sql: 'EXECUTE schemac_statement' },
    ]);
  } catch (e) {
    if (!(e instanceof ServerError) || e.part !== 1 || e.errno !== 1295) throw e;
    await (await single(run)).query(text);
  }
}

/** Read with GET_LOCK: the tables of the database, and the sql_mode the statements run under. */
const LOCK_READS = [
  { sql: 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()' },
  { sql: 'SELECT @@SESSION.sql_mode AS mode, @@SESSION.character_set_client AS client, @@SESSION.character_set_connection AS connection, '
    + '@@SESSION.collation_connection AS collation LIMIT 1' },
];

/**
 * Holds the lock around `body`; the history table exists inside; the last history writes go
 * with the lock's release. `finished` lists the migrations whose revert an interrupted `down`
 * had finished (settled before `body`).
 */
async function locked<T>(ctx: RunContext, options: RunOptions, body: (run: Run, rows: HistoryRow[], finished: readonly number[]) => Promise<T>): Promise<T> {
  const { session } = ctx;
  const { name, results: [listed, mode] } = await acquireLock(session, options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT, ctx.log, ctx.set.database, LOCK_READS);
  const tables = listed.rows.map((r) => String(r.name));
  let released = false;
  const run: Run = {
    ctx, writer: new HistoryWriter(session), tables: new KnownTables(session.database, tables), sent: 0,
    quoting: quotingOf(String(mode.rows[0]?.mode ?? '')), sessionTexts: [], single: null, rows: [],
    charset: { client: String(mode.rows[0]?.client), connection: String(mode.rows[0]?.connection), collation: String(mode.rows[0]?.collation) },
  };
  try {
    let rows: HistoryRow[] = [];
    const finished: number[] = [];
    if (tables.some((t) => t.toLowerCase() === VERSION_TABLE)) {
      // Read under the lock: a runner that waited sees what the other one applied.
      let legacy: boolean;
      ({ rows, legacy } = await readHistoryTable(session));
      // Checked before anything is settled or run: a history edited by hand is not acted on.
      checkHistory(ctx, rows, legacy, options);
      if (legacy) {
        const upgrade = upgradeParts(session, rows, (v) => ctx.set.migrations.find((m) => m.version === v)?.down?.hash ?? null);
        await session.batch(upgrade.parts);
        rows = upgrade.rows;
        ctx.log(`${ctx.set.database}: ${VERSION_TABLE} is from an older schemac: added its integrity columns (down checksums and the chain of ${rows.length} row${rows.length === 1 ? '' : 's'}, taken as they are)`);
      }
      if (rows.some((r) => r.running !== null)) {
        for (const row of rows.filter((r) => r.running !== null)) {
          if (await resolveInterrupted(ctx, row, options.resolveInterrupted)) finished.push(row.version);
        }
        rows = (await readHistoryTable(session)).rows;
      }
      run.rows = rows;
      // A settled revert removed a row; an accepted history is linked anew.
      relink(run, rows);
      if (options.acceptHistory) ctx.log(`${ctx.set.database}: the history is taken as it is (--accept-history): ${rows.length} row${rows.length === 1 ? '' : 's'} linked anew`);
      rows = run.rows;
    } else {
      // A database schemac never ran on: the table is created in front of the first statement
      // (no other runner can create it meanwhile: they wait for the lock first).
      run.writer.createTable();
    }
    const result = await body(run, rows, finished);
    try {
      await run.writer.send([releasePart(name)]);
      released = true;
    } catch (e) {
      throw finalRecordFailure(run, e);
    }
    return result;
  } finally {
    if (!released) await releaseLock(session, name);
  }
}

/** The error for a failure to write the last history records (after every statement ran, if any did). */
function finalRecordFailure(run: Run, e: unknown): Error {
  if (!(e instanceof ServerError)) return e as Error;
  return new SchemacError({
    code: isConnectionLost(e) ? 'E_CONNECTION_LOST' : 'E_HISTORY',
    message: `database ${run.ctx.set.database}: ${run.sent > 0 ? 'every statement ran, but writing the last record to' : 'writing'} ${VERSION_TABLE} failed: ${e.describe()}`,
    hint: isConnectionLost(e) ? 'run the same command again: it checks whether the last statement committed and records it without running it twice'
      : `did the migration change ${VERSION_TABLE}? Fix the table, then run the same command again`,
  });
}

/**
 * A statement that goes on after a `;` (see oneStatement) and is not one that may: only DDL
 * (a stored program's body) and unclassified statements go to the single-statement connection;
 * a data statement, a read or a SET that goes on is a missing `DELIMITER ;` or the like.
 */
function multipleStatements(run: Run, file: string, s: Statement, number: number): Diagnostic | null {
  const at = oneStatement(s.sql, run.quoting).extra;
  if (at === null) return null;
  const kind = classifyStatement(s.sql).kind;
  if (kind === 'ddl' || kind === 'other') return null;
  const line = s.line + (s.sql.slice(0, at).match(/\n/g)?.length ?? 0);
  return { code: 'E_MULTIPLE_STATEMENTS', pos: { file, line, column: 1 },
    message: `database ${run.ctx.set.database}: statement ${number} (line ${s.line}: ${firstLine(s.sql)}) goes on after a \`;\` at line ${line}: the server would run it as more than one statement`,
    hint: 'end a DELIMITER block with `DELIMITER ;` before the statements after it' };
}

/**
 * A string literal with a backslash, under NO_BACKSLASH_ESCAPES (see backslashInString): the
 * server would store the backslash, not what it escapes.
 */
function backslashLiteral(run: Run, file: string, s: Statement, number: number): Diagnostic | null {
  if (run.quoting.backslashEscapes) return null;
  const at = backslashInString(s.sql, run.quoting);
  if (at === null) return null;
  const line = s.line + (s.sql.slice(0, at).match(/\n/g)?.length ?? 0);
  return { code: 'E_NO_BACKSLASH_ESCAPES', pos: { file, line, column: 1 },
    message: `database ${run.ctx.set.database}: statement ${number} (line ${s.line}: ${firstLine(s.sql)}) has a backslash in a string, and the session's sql_mode has NO_BACKSLASH_ESCAPES: the server would store the backslash instead of what it escapes`,
    hint: 'schemac writes string literals for the default sql_mode: run without NO_BACKSLASH_ESCAPES (--sql-mode with the server\'s mode minus it), or write the value without a backslash' };
}

/** What refuses a statement before it is sent: more than one statement in its text, or a backslash the mode would misread. */
function refusedStatement(run: Run, file: string, s: Statement, number: number): Diagnostic | null {
  return multipleStatements(run, file, s, number) ?? backslashLiteral(run, file, s, number);
}

/** Refuses, before anything runs, the statements to run that refusedStatement finds. */
function checkStatements(run: Run, jobs: readonly { readonly file: string; readonly statements: readonly Statement[]; readonly from: number; readonly fileNumber: (j: number) => number }[]): void {
  const problems = jobs.flatMap((job) => job.statements.map((s, k) => (k + 1 < job.from ? null : refusedStatement(run, job.file, s, job.fileNumber(k + 1)))))
    .filter((d): d is Diagnostic => d !== null);
  if (problems.length) throw new SchemacError(problems);
}

/** The newest applied migration's name. */
function current(rows: readonly { readonly version: number; readonly name: string }[]): string | null {
  const newest = [...rows].sort((a, b) => a.version - b.version).pop();
  return newest ? newest.name : null;
}

/** For --dry-run: the statements an earlier run was cut off in, which the real run settles first (so it may do less). */
function logInterrupted(ctx: RunContext, rows: readonly HistoryRow[]): void {
  for (const row of rows.filter((r) => r.running !== null)) {
    const first = (row.running === 'up' ? row.statementsApplied : row.reverted) + 1;
    ctx.log(`${ctx.set.database}: ${row.name}: ${(row.runningStatement ?? 0) > first ? `statements ${first}..${row.runningStatement} were` : `statement ${row.runningStatement} was`}`
      + ` interrupted; \`schemac ${row.running}\` checks what committed before going on`);
  }
}

/** `schemac up`: applies pending migrations in order, resuming a partial one where it stopped. */
export async function up(ctx: RunContext, options: UpOptions = {}): Promise<RunReport> {
  integrity(ctx.set);
  const planOptions = { ...(options.to !== undefined ? { to: options.to } : {}), ...(options.allowOutOfOrder ? { allowOutOfOrder: true } : {}) };
  if (options.dryRun) {
    const { rows, legacy } = await readHistoryTable(ctx.session);
    checkHistory(ctx, rows, legacy, options);
    const plan = planUp(ctx.set, rows, planOptions);
    const runs = plan.items.map((item) => ({ ...describeUp(item), ms: 0 }));
    logInterrupted(ctx, rows);
    return { database: ctx.set.database, dryRun: true, migrations: runs, current: current(rows.filter((r) => r.state === 'applied')), warnings: plan.warnings };
  }
  return locked(ctx, options, async (run, rows) => {
    const plan = planUp(ctx.set, rows, planOptions);
    checkStatements(run, plan.items.map((i) => ({ file: i.file.file, statements: i.statements, from: i.from, fileNumber: (j: number) => j })));
    for (const w of plan.warnings) ctx.log(`warning: ${w}`);
    const runs: MigrationRun[] = [];
    for (const item of plan.items) runs.push(await applyMigration(run, item, options));
    const applied = [...rows.filter((r) => r.state === 'applied'), ...plan.items.map((i) => i.migration)];
    return { database: ctx.set.database, dryRun: false, migrations: runs, current: current(applied), warnings: plan.warnings };
  });
}

/** `schemac down`: reverts the newest migrations (default one) with their down files. */
export async function down(ctx: RunContext, options: DownOptions = {}): Promise<RunReport> {
  integrity(ctx.set);
  const planOptions = { ...(options.to !== undefined ? { to: options.to } : {}), ...(options.steps !== undefined ? { steps: options.steps } : {}),
    ...(options.allowEditedDown ? { allowEditedDown: true } : {}) };
  if (options.dryRun) {
    const { rows, legacy } = await readHistoryTable(ctx.session);
    checkHistory(ctx, rows, legacy, options);
    const items = planDown(ctx.set, rows, planOptions);
    logInterrupted(ctx, rows);
    return { database: ctx.set.database, dryRun: true, migrations: items.map((i) => ({ ...describeDown(i), ms: 0 })),
      current: current(rows.filter((r) => r.state === 'applied')), warnings: [] };
  }
  return locked(ctx, options, async (run, rows, finished) => {
    // A revert the last run left unfinished and that was just settled counts as one of the --steps.
    const steps = options.to === undefined ? (options.steps ?? 1) - finished.length : undefined;
    const items = steps !== undefined && steps <= 0 ? [] : planDown(ctx.set, rows, { ...planOptions, ...(steps !== undefined ? { steps } : {}) });
    checkStatements(run, items.map((i) => ({ file: i.file.file, statements: i.statements, from: i.from, fileNumber: (j: number) => i.fileNumbers[j - 1] })));
    const runs: MigrationRun[] = [];
    for (const item of items) runs.push(await revertMigration(run, item, options));
    const reverted = new Set(items.map((i) => i.row.version));
    return { database: ctx.set.database, dryRun: false, migrations: runs, current: current(rows.filter((r) => r.state === 'applied' && !reverted.has(r.version))), warnings: [] };
  });
}

function describeUp(item: UpItem): Omit<MigrationRun, 'ms'> {
  return {
    version: item.migration.version, name: item.migration.name, file: item.file.file, from: item.from, total: item.statements.length,
    statements: item.statements.slice(item.from - 1).map((s, i) => ({ number: item.from + i, line: s.line, sql: s.sql })),
  };
}

function describeDown(item: DownItem): Omit<MigrationRun, 'ms'> {
  return {
    version: item.row.version, name: item.row.name, file: item.file.file, from: item.from, total: statementsOf(item.file).length,
    statements: item.statements.slice(item.from - 1).map((s, i) => ({ number: item.fileNumbers[item.from - 1 + i], line: s.line, sql: s.sql })),
  };
}

/** The fields of a row being inserted that the chain does not cover (relink needs whole rows). */
const NEW_ROW: HistoryRow = {
  version: 0, name: '', checksum: '', appliedAt: '', executionMs: 0, statementsApplied: 0, statementsTotal: 0, state: 'partial',
  appliedHash: '', reverted: 0, downChecksum: null, running: null, runningStatement: null, runningFingerprint: null,
  appliedDownChecksum: null, chain: null,
};

/** One list of statements run with a history record for each. */
interface Job {
  readonly direction: 'up' | 'down';
  readonly version: number;
  readonly name: string;
  readonly file: MigrationText;
  readonly statements: readonly Statement[];
  /** Number in the file of statement j of the list (for messages). */
  readonly fileNumber: (j: number) => number;
  readonly fileTotal: number;
  readonly from: number;
  /** The history patch that records statement j (1-based) of the list as done, `ms` into the run. */
  readonly record: (j: number, ms: number) => HistoryPatch;
}

function upJob(item: UpItem): Job {
  const chain = statementChain(item.statements.map((s) => s.sql));
  const n = item.statements.length;
  const before = item.row?.executionMs ?? 0;
  return {
    direction: 'up', version: item.migration.version, name: item.migration.name, file: item.file, statements: item.statements,
    fileNumber: (j) => j, fileTotal: n, from: item.from,
    record: (k, ms) => ({ statementsApplied: k, appliedHash: chain[k], state: k === n ? 'applied' : 'partial', touch: k === n, executionMs: before + ms }),
  };
}

function downJob(item: DownItem): Job {
  return {
    direction: 'down', version: item.row.version, name: item.row.name, file: item.file, statements: item.statements,
    fileNumber: (j) => item.fileNumbers[j - 1], fileTotal: statementsOf(item.file).length, from: item.from,
    record: (j) => ({ reverted: j }),
  };
}

async function applyMigration(run: Run, item: UpItem, options: RunOptions): Promise<MigrationRun> {
  const { ctx, writer } = run;
  const n = item.statements.length;
  const version = item.migration.version;
  const job = upJob(item);
  await runChecks(run, job);
  const appliedDownChecksum = item.migration.down?.hash ?? null;
  if (!item.row) {
    const identity = { version, name: item.migration.name, checksum: item.file.hash, appliedDownChecksum };
    const rows = [...run.rows.filter((r) => r.version !== version), { ...NEW_ROW, ...identity, statementsTotal: n }];
    const chain = chainOf(rows).get(version)!;
    writer.insert({ ...identity, statementsTotal: n, appliedHash: statementChain([])[0], chain });
    relink(run, rows.map((r) => (r.version === version ? { ...r, chain } : r)));
  } else if (item.edited) {
    writer.update(version, { checksum: item.file.hash, statementsTotal: n, name: item.migration.name, appliedDownChecksum });
    relink(run, run.rows.map((r) => (r.version === version ? { ...r, checksum: item.file.hash, name: item.migration.name, appliedDownChecksum } : r)));
  } else if (item.unreverted !== null) {
    // A revert that stopped between steps: the row says what is still there, as a partial up.
    const k = item.unreverted;
    writer.update(version, { reverted: 0, downChecksum: null, statementsApplied: k, appliedHash: statementChain(item.statements.slice(0, k).map((s) => s.sql))[k],
      state: k === n ? 'applied' : 'partial', touch: k === n });
    ctx.log(`${ctx.set.database}: ${item.migration.name}: a revert stopped ${k === n ? 'before it undid anything; it stays applied'
      : `after undoing statements ${k + 1}..${n} of its up file; applying them again`}`);
  }
  ctx.log(`${ctx.set.database}: ${item.from > 1 ? `resuming ${item.migration.name} at statement ${item.from} of ${n}` : `applying ${item.migration.name} (${n} statement${n === 1 ? '' : 's'})`}`);
  const ms = await runJob(run, job, options);
  if (n === 0) writer.update(version, { state: 'applied', touch: true });
  ctx.log(`${ctx.set.database}: applied ${item.migration.name} in ${ms} ms`);
  return { ...describeUp(item), ms };
}

async function revertMigration(run: Run, item: DownItem, options: RunOptions): Promise<MigrationRun> {
  const { ctx, writer } = run;
  const job = downJob(item);
  // Before the revert is recorded as started: a refusal leaves the migration as applied as it was.
  await runChecks(run, job);
  if (item.row.downChecksum === null) writer.update(item.row.version, { downChecksum: item.file.hash });
  const upFile = ctx.set.migrations.find((m) => m.version === item.row.version)?.up;
  if (upFile && upFile.hash !== item.row.checksum && item.row.state === 'applied') {
    ctx.log(`warning: ${ctx.set.database}: ${upFile.file} was edited after it ran here; reverting with the down file as it is now`);
  }
  const total = item.statements.length;
  const what = item.steps ? ` (partly applied: undoing step${item.steps.length === 1 ? '' : 's'} ${item.steps.join(', ')})` : '';
  ctx.log(`${ctx.set.database}: ${item.from > 1 ? `resuming the revert of ${item.row.name} at statement ${item.from} of ${total}` : `reverting ${item.row.name}${what}`}`);
  const ms = await runJob(run, job, options);
  writer.delete(item.row.version);
  relink(run, run.rows.filter((r) => r.version !== item.row.version));
  ctx.log(`${ctx.set.database}: reverted ${item.row.name} in ${ms} ms`);
  return { ...describeDown(item), ms };
}

/**
 * Runs every check among the statements still to run (see checks.ts), before the first of them:
 * one that returns rows refuses the migration with nothing of it run. The history writes pending
 * from the migrations before (their last records) are sent first.
 */
async function runChecks(run: Run, job: Job): Promise<void> {
  const refusals: Diagnostic[] = [];
  for (let j = job.from; j <= job.statements.length; j++) {
    const s = job.statements[j - 1];
    if (!isCheck(s)) continue;
    const [result] = await run.writer.send([{ sql: oneStatement(s.sql, run.quoting).sql }]);
    if (result.rows.length) refusals.push(...checkRefusal(checkSite(run, job, j, true), result.rows).diagnostics);
  }
  if (refusals.length) throw new SchemacError(refusals);
}

function checkSite(run: Run, job: Job, j: number, first: boolean): CheckSite {
  return {
    database: run.ctx.set.database, direction: job.direction, migration: job.name, file: job.file.file, number: job.fileNumber(j),
    statement: job.statements[j - 1], first,
    ran: `${job.direction === 'up' ? `statements 1..${job.fileNumber(j) - 1}` : `${j - 1} of its down statements`} ran and are recorded, and \`schemac ${job.direction}\` resumes at this one`,
  };
}

/** Runs statements `from`..end of a job, recording each; returns the time spent. */
async function runJob(run: Run, job: Job, options: RunOptions): Promise<number> {
  const { ctx } = run;
  const now = ctx.now ?? Date.now;
  const started = now();
  // Session statements (SET ...) that ran before the resume point apply to the connection, which is new.
  for (const s of job.statements.slice(0, job.from - 1)) {
    const cls = classifyStatement(s.sql);
    if (cls.kind === 'session') {
      ctx.log(`${ctx.set.database}: replaying for this connection: ${firstLine(s.sql)}`);
      run.tables.saw(cls);
      try {
        await runSession(run, job, s, oneStatement(s.sql, run.quoting).sql, undefined, true);
      } catch (e) {
        if (e instanceof SchemacError) throw e;
        throw new SchemacError({ code: isConnectionLost(e) ? 'E_CONNECTION_LOST' : 'E_STATEMENT_FAILED', pos: { file: job.file.file, line: s.line, column: 1 },
          message: `database ${ctx.set.database}: ${job.name}: replaying statement ${job.fileNumber(job.statements.indexOf(s) + 1)} (line ${s.line}: ${firstLine(s.sql)}) for the new connection failed: ${describeError(e)}`,
          hint: `it ran in an earlier run, and the statements after it need it; fix the cause, then \`schemac ${job.direction}\` resumes at statement ${job.fileNumber(job.from)}` });
      }
    }
  }
  const elapsed = () => now() - started;
  for (let j = job.from; j <= job.statements.length;) {
    const k = groupEnd(run, job, j);
    if (k > j) {
      j += await runGroup(run, job, j, k, options, elapsed);
      if (j > k) continue;
      // A statement of the group hit a lock wait timeout: it is tried again alone, with its retries.
    }
    await runStatement(run, job, j, options, elapsed);
    j++;
  }
  return Math.round(elapsed());
}

/** Most SQL sent in one group (well under every server's max_allowed_packet). */
const GROUP_BYTES = 512 * 1024;

/**
 * The last statement of the group that starts at j: consecutive CREATE statements of tables
 * known not to exist, each making a different one. j itself when there is no such group.
 */
function groupEnd(run: Run, job: Job, j: number): number {
  const names = new Set<string>();
  let bytes = 0;
  let k = j - 1;
  for (let i = j - 1; i < job.statements.length; i++) {
    const s = job.statements[i];
    const cls = classifyStatement(s.sql);
    // A statement refusedStatement would refuse runs alone, so that runStatement refuses it.
    const fresh = cls.kind === 'ddl' && cls.creates === true && cls.targets.length > 0 && oneStatement(s.sql, run.quoting).extra === null
      && backslashLiteral(run, job.file.file, s, job.fileNumber(i + 1)) === null
      && cls.targets.every((t) => run.tables.absent(t) && !names.has(t.name.toLowerCase()));
    bytes += Buffer.byteLength(s.sql);
    if (!fresh || (k >= j && bytes > GROUP_BYTES)) break;
    for (const t of cls.targets) names.add(t.name.toLowerCase());
    k++;
  }
  return Math.max(k, j);
}

/**
 * Runs statements j..k, CREATE statements of tables that do not exist, in one round trip after
 * one history mark "j..k running". On an error the server says which failed (the ones before it
 * ran); on a lost connection, the next run tells which committed by the tables that exist
 * (createdPrefix). Returns how many ran when a lock wait timeout stopped one (the caller tries
 * it again alone); any other failure is thrown.
 */
async function runGroup(run: Run, job: Job, j: number, k: number, options: RunOptions, elapsed: () => number): Promise<number> {
  const { ctx, writer, tables } = run;
  const group = job.statements.slice(j - 1, k);
  const classes = group.map((s) => classifyStatement(s.sql));
  const fp = await fingerprint(ctx.session, classes.flatMap((c) => c.targets), tables.absent);
  for (const cls of classes) tables.saw(cls);
  writer.update(job.version, { running: job.direction, runningStatement: k, runningFingerprint: fp });
  const ticker = tick(ctx, options, `statements ${job.fileNumber(j)}..${job.fileNumber(k)} of ${job.fileTotal}`, job, group[0]);
  try {
    run.sent += group.length;
    await writer.send(group.map((s) => ({ sql: oneStatement(s.sql, run.quoting).sql })));
    writer.update(job.version, { ...job.record(k, elapsed()), ...NOT_RUNNING });
    return group.length;
  } catch (e) {
    if (isConnectionLost(e) || !(e instanceof ServerError || e instanceof HistoryWriteError)) {
      if (!(e instanceof ServerError)) throw e;
      throw new SchemacError({ code: 'E_CONNECTION_LOST', pos: { file: job.file.file, line: group[0].line, column: 1 },
        message: `database ${ctx.set.database}: ${job.direction === 'up' ? 'migration' : 'reverting'} ${job.name}: the connection was lost while statements `
          + `${job.fileNumber(j)}..${job.fileNumber(k)} of ${job.fileTotal} ran (line ${group[0].line}: ${firstLine(group[0].sql)}, ...): ${e.describe()}`,
        hint: `statements before them are recorded; which of them committed is decided by the next run: \`schemac ${job.direction}\` checks and resumes without running anything twice` });
    }
    if (e instanceof HistoryWriteError) throw await failure(run, job, j, group[0], 'ddl', 'mark', e.error);
    const ran = e.part ?? 0;
    writer.update(job.version, ran > 0 ? { ...job.record(j - 1 + ran, elapsed()), ...NOT_RUNNING } : NOT_RUNNING);
    // A lock wait timeout is tried again (the statement alone, with its retries); any other error
    // is the failing statement's, reported as it is (never run again behind the user's back:
    // it may have been a KILL QUERY).
    if (e.errno === 1205) return ran;
    throw await failure(run, job, j + ran, group[ran], 'ddl', 'statement', e);
  } finally {
    clearInterval(ticker);
  }
}

const NOT_RUNNING = { running: null, runningStatement: null, runningFingerprint: null } as const;

/** Says every few seconds (--tick) that `what` is still running; clear it when done. */
function tick(ctx: RunContext, options: RunOptions, what: string, job: Job, s: Statement): ReturnType<typeof setInterval> {
  const now = ctx.now ?? Date.now;
  const started = now();
  const ticker = setInterval(() => {
    ctx.log(`${ctx.set.database}: ${job.name}: ${what} still running after ${Math.round((now() - started) / 1000)} s: ${firstLine(s.sql, 60)}`);
  }, options.tickMs ?? 5000);
  ticker.unref();
  return ticker;
}

/**
 * Runs statement j of a job with its history writes (see the file comment): each kind's
 * record is written where a lost connection leaves it decidable.
 */
async function runStatement(run: Run, job: Job, j: number, options: RunOptions, elapsed: () => number): Promise<void> {
  const { ctx, writer, tables } = run;
  const s = job.statements[j - 1];
  const cls = classifyStatement(s.sql);
  const where = () => `${job.file.file}, statement ${job.fileNumber(j)} of ${job.fileTotal} (line ${s.line})`;
  const retries = options.lockRetries ?? DEFAULT_RETRIES;
  const done = (): HistoryPatch => ({ ...job.record(j, elapsed()), ...NOT_RUNNING });
  // Checked again with the quoting of now: a SET sql_mode earlier in the run may have changed it.
  const refused = refusedStatement(run, job.file.file, s, job.fileNumber(j));
  if (refused) {
    await writer.send();
    throw new SchemacError(refused);
  }
  const one = oneStatement(s.sql, run.quoting);
  const now = ctx.now ?? Date.now;
  const ticker = tick(ctx, options, `statement ${job.fileNumber(j)} of ${job.fileTotal}`, job, s);
  let phase: Phase = 'statement';
  try {
    for (let attempt = 1; ; attempt++) {
      phase = 'statement';
      try {
        if (cls.kind === 'dml') {
          // The statement and its record commit together, or neither does.
          tables.saw(cls);
          run.sent++;
          const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
          const shape = chunkSize > 0 && one.extra === null ? backfillShape(one.sql, run.quoting) : null;
          // A backfill runs in chunks of the primary key; its record commits with the last chunk.
          // Asked with the pending history writes: a backfill of one chunk or less runs whole, as any UPDATE.
          const probe = shape ? probeResult(await writer.send(backfillProbe(shape))) : null;
          if (shape && probe && chunks(probe, chunkSize)) {
            let logged = now();
            await runChunked(ctx.session, shape, chunkSize, [writer.updatePart(job.version, done())], (p) => {
              if (p.done < p.total && now() - logged < 1000) return;
              logged = now();
              ctx.log(`${ctx.set.database}: ${job.name}: statement ${job.fileNumber(j)} of ${job.fileTotal}: ${progressLine(shape, p)}`);
            }, probe, now);
          } else {
            try {
              await writer.send([{ sql: 'START TRANSACTION' }, { sql: one.sql }, writer.updatePart(job.version, done()), { sql: 'COMMIT' }]);
            } catch (e) {
              if (e instanceof ServerError && e.part !== null && e.part >= 2) phase = 'record';
              throw e;
            }
          }
          // The time it took, written with the next statement.
          if (job.direction === 'up') writer.update(job.version, { executionMs: job.record(j, elapsed()).executionMs });
        } else if (cls.kind === 'session') {
          tables.saw(cls);
          run.sent++;
          await runSession(run, job, s, one.sql, () => writer.update(job.version, done()));
        } else if (cls.kind === 'read') {
          // Harmless to run again: its record waits for the next statement.
          tables.saw(cls);
          run.sent++;
          const [result] = await writer.send([{ sql: one.sql }]);
          // A check that finds rows now (statements before it changed them) stops the run here.
          if (isCheck(s) && result.rows.length) throw checkRefusal(checkSite(run, job, j, false), result.rows);
          writer.update(job.version, done());
        } else {
          const fp = cls.kind === 'ddl' ? await fingerprint(ctx.session, cls.targets, tables.absent) : null;
          tables.saw(cls);
          writer.update(job.version, { running: job.direction, runningStatement: j, runningFingerprint: fp });
          run.sent++;
          // The statement is the last of its round trip: a CALL or a block may answer with several
          // result sets, and whatever fails in that round trip is then the statement.
          if (one.extra === null) await writer.send([{ sql: one.sql }]);
          else await runProgram(run, s.sql.trim());
          writer.update(job.version, done());
          // With a fingerprint, the next run can tell whether it committed: its record waits for the
          // next statement. Without one, it is written now, so that only the statement itself is
          // undecidable; an unclassified statement (CALL, EXECUTE ...) may also have changed the
          // sql_mode or the database: read again with its record.
          if (fp === null || cls.kind === 'other') {
            phase = 'record';
            // COMMIT: a transaction it left open (autocommit off) must not hold the record back.
            if (cls.kind === 'other') await readSession(run, job, s, (await writer.send([{ sql: 'COMMIT' }, SESSION_READ]))[1]);
            else await writer.send();
          }
        }
        return;
      } catch (e) {
        if (cls.kind === 'dml' && !isConnectionLost(e)) await ctx.session.query('ROLLBACK').catch(() => undefined);
        if (e instanceof HistoryWriteError) {
          phase = phase === 'record' ? 'record' : 'mark';
          throw e.error;
        }
        // Only a statement that took no effect is tried again: DDL (atomic) and DML (rolled back);
        // a CALL may have done part of its work before it waited.
        if (phase === 'statement' && (cls.kind === 'ddl' || cls.kind === 'dml') && e instanceof ServerError && e.errno === 1205 && !isConnectionLost(e) && attempt <= retries) {
          ctx.log(`${ctx.set.database}: ${where()}: lock wait timeout (another session holds a lock on the table); trying again (${attempt} of ${retries})`);
          await new Promise((r) => setTimeout(r, 500 * attempt));
          continue;
        }
        throw e;
      }
    }
  } catch (e) {
    throw await failure(run, job, j, s, cls.kind, phase, e);
  } finally {
    clearInterval(ticker);
  }
}

/**
 * Where a statement's run failed: writing the history in front of it (so it did not run), the
 * statement, or its own record.
 */
type Phase = 'mark' | 'statement' | 'record';

/** The error for a statement that failed (or whose outcome could not be recorded), after recording what is known. */
async function failure(run: Run, job: Job, j: number, s: Statement, kind: string, phase: Phase, e: unknown): Promise<Error> {
  const db = run.ctx.set.database;
  const k = job.fileNumber(j);
  const ran = job.direction === 'up' ? `${j - 1} statement${j === 2 ? '' : 's'}` : `${j - 1} of its ${job.statements.length} down statement${job.statements.length === 1 ? '' : 's'}`;
  const pos = { file: job.file.file, line: s.line, column: 1 };
  const head = `database ${db}: ${job.direction === 'up' ? 'migration' : 'reverting'} ${job.name} ${phase === 'record' ? 'lost track of' : 'failed at'} statement ${k} of ${job.fileTotal} (line ${s.line}: ${firstLine(s.sql)})`;
  if (isConnectionLost(e) || !(e instanceof ServerError)) {
    if (!(e instanceof ServerError)) return e as Error;
    const hint = kind === 'ddl' || kind === 'other'
      ? `statements before it are recorded; whether this one committed is decided by the next run: \`schemac ${job.direction}\` checks and resumes without running anything twice`
      : kind === 'dml'
        ? `statements before it are recorded and this one did not commit (it ran in a transaction with its record); \`schemac ${job.direction}\` resumes at statement ${k}`
        : `statements before it are recorded; this one changes no data, and \`schemac ${job.direction}\` resumes with it (statement ${k})`;
    return new SchemacError({ code: 'E_CONNECTION_LOST', pos, message: `${head}: the connection was lost: ${e.describe()}`, hint });
  }
  // The connection is alive: the statement failed (DDL is atomic per statement; DML was rolled
  // back). The history writes sent with it are sent again (they are idempotent) with "not running".
  try {
    // A statement that failed inside a transaction it opened (a CALL) leaves it open: roll it
    // back, and commit the record even if the session no longer commits on its own.
    if (kind !== 'dml') await run.ctx.session.query('ROLLBACK').catch(() => undefined);
    run.writer.update(job.version, NOT_RUNNING);
    await run.writer.send([{ sql: 'COMMIT' }]);
  } catch (e2) {
    return new SchemacError({ code: isConnectionLost(e2) ? 'E_CONNECTION_LOST' : 'E_HISTORY', pos,
      message: `${head}: ${e.describe()}; then writing ${VERSION_TABLE} failed: ${describeError(e2)}`,
      hint: `did the migration change ${VERSION_TABLE}? Fix the table, then \`schemac ${job.direction}\` checks what ran and resumes` });
  }
  if (phase !== 'statement') {
    const what = phase === 'mark' ? 'it did not run: writing the history in front of it failed'
      : kind === 'dml' ? 'recording it failed, so it was rolled back with its record' : 'the statement ran, but recording it failed';
    return new SchemacError({ code: 'E_HISTORY', pos, message: `${head}: ${what}: ${e.describe()}`,
      hint: `did the migration change ${VERSION_TABLE}? Fix the table, then run again` });
  }
  const hint = job.direction === 'up'
    ? `${j === 1 ? 'nothing of it ran' : `statements 1..${j - 1} ran and are recorded (state partial)`}. Fix the cause, then \`schemac up\` resumes at statement ${k}; or \`schemac down\` reverts what ran`
    : `${ran} ran and are recorded. Fix the cause, then \`schemac down\` resumes at statement ${k}; `
      + 'or `schemac up` applies again what it undid (when it stopped between steps)';
  return new SchemacError({ code: 'E_STATEMENT_FAILED', pos, message: `${head}: ${e.describe()}`, hint });
}

/**
 * Settles a statement that was started and whose outcome was not recorded (the connection was
 * lost, e.g. KILL, between running it and recording it). See the file comment. True when that
 * finished the revert of the migration.
 */
async function resolveInterrupted(ctx: RunContext, row: HistoryRow, choice: InterruptedChoice | undefined): Promise<boolean> {
  const { session, set } = ctx;
  const db = set.database;
  const m = set.migrations.find((x) => x.version === row.version);
  const k = row.runningStatement ?? 0;
  let list: readonly Statement[];
  let fileNumber: (i: number) => number = (i) => i;
  let total: number;
  let fileName: string;
  let record: (i: number) => HistoryPatch;
  let finished: (i: number) => boolean = () => false;
  if (row.running === 'up') {
    if (!m?.up || m.up.hash !== row.checksum) {
      throw new SchemacError({ code: 'E_INTERRUPTED_EDITED', message: `database ${db}: ${row.name} was interrupted during statement ${k}, and its up file is ${m?.up ? 'changed' : 'gone'}`,
        hint: 'restore the up file as it was (git), so schemac can tell whether that statement committed' });
    }
    list = statementsOf(m.up);
    total = list.length;
    fileName = m.up.file;
    const chain = statementChain(list.map((s) => s.sql));
    record = (i) => ({ statementsApplied: i, appliedHash: chain[i], state: i === total ? 'applied' : 'partial', touch: i === total });
  } else {
    const item = downItem(set, { ...row, running: null, runningStatement: null });
    list = item.statements;
    fileNumber = (i) => item.fileNumbers[i - 1] ?? i;
    total = statementsOf(item.file).length;
    fileName = item.file.file;
    record = (i) => ({ reverted: i });
    finished = (i) => i === item.statements.length;
  }
  const done = row.running === 'up' ? row.statementsApplied : row.reverted;
  const statement = list[k - 1];
  if (!statement || k <= done) {
    throw new SchemacError({ code: 'E_HISTORY', message: `database ${db}: the history of ${row.name} says statement ${k} was running, but ${fileName} has no statement ${k} after the ${done} done`,
      hint: 'restore the file as it was when it ran (git)' });
  }
  /** Records `count` statements as done; true when that finishes a revert (the row goes). */
  const settle = async (count: number): Promise<boolean> => {
    if (count === done) await updateHistory(session, row.version, NOT_RUNNING);
    else if (finished(count)) await deleteHistory(session, row.version);
    else await updateHistory(session, row.version, { ...record(count), ...NOT_RUNNING });
    return count !== done && finished(count);
  };
  const label = (i: number) => `${fileName}, statement ${fileNumber(i)} of ${total} (line ${list[i - 1].line}: ${firstLine(list[i - 1].sql)})`;
  if (k > done + 1) {
    // A group of CREATE statements of tables that did not exist (runGroup): those that committed
    // are the ones whose tables exist now, and they ran in order.
    const first = done + 1;
    const created = await createdPrefix(session, list.slice(first - 1, k));
    if (created === null) {
      throw new SchemacError({ code: 'E_INTERRUPTED', pos: { file: fileName, line: list[first - 1].line, column: 1 },
        message: `database ${db}: the connection was lost while statements ${fileNumber(first)}..${fileNumber(k)} of ${fileName} were running, and the tables they create are not a prefix of them`,
        hint: 'another session changed these tables: check the database, make it match the statements that ran, and record them in schemac_migrations (statements_applied / reverted), then clear running' });
    }
    ctx.log(`${db}: statements ${fileNumber(first)}..${fileNumber(k)} of ${fileName} were interrupted in an earlier run (connection lost); `
      + `${created === 0 ? 'none of them committed: they run again' : `the tables of ${created} of them exist, so those committed: counted as done, not run again`}`);
    return settle(done + created);
  }
  const cls = classifyStatement(statement.sql);
  let committed: boolean;
  let how: string;
  const now = cls.kind === 'ddl' && row.runningFingerprint !== null ? await fingerprint(session, cls.targets) : null;
  if (now !== null) {
    committed = now !== row.runningFingerprint;
    how = committed ? 'the objects it changes differ from before it ran, so it committed: counted as done, not run again'
      : 'the objects it changes are as before it ran, so it did not take effect: it runs again';
  } else if (choice) {
    committed = choice === 'skip';
    how = committed ? 'counted as done (--resolve-interrupted skip)' : 'it runs again (--resolve-interrupted rerun)';
  } else {
    throw new SchemacError({ code: 'E_INTERRUPTED', pos: { file: fileName, line: statement.line, column: 1 },
      message: `database ${db}: the connection was lost while ${label(k)} was running, and schemac cannot tell whether it committed`,
      hint: `check the database: if the statement took effect, run \`schemac ${row.running} --resolve-interrupted skip\`; if it did not, \`schemac ${row.running} --resolve-interrupted rerun\`` });
  }
  ctx.log(`${db}: ${label(k)} was interrupted in an earlier run (connection lost); ${how}`);
  return settle(committed ? k : done);
}

/**
 * How many of a group of CREATE statements (of tables that did not exist) committed: the length
 * of the prefix whose tables exist now. Null when that is not a prefix (someone else changed
 * them) or a table cannot be read.
 */
async function createdPrefix(session: Session, group: readonly Statement[]): Promise<number | null> {
  let count = 0;
  let gap = false;
  for (const s of group) {
    const targets = classifyStatement(s.sql).targets;
    const now = await fingerprint(session, targets);
    if (now === null) return null;
    const exists = now !== await fingerprint(session, targets, () => true);
    if (exists && gap) return null;
    if (exists) count++;
    else gap = true;
  }
  return count;
}

/** A migration's state as `schemac status` reports it. */
export type MigrationState = 'applied' | 'pending' | 'partial' | 'edited' | 'missing-file';

export interface StatusEntry {
  readonly version: number;
  readonly name: string;
  readonly state: MigrationState;
  readonly statementsApplied: number;
  readonly statementsTotal: number;
  readonly appliedAt: string | null;
  readonly executionMs: number | null;
  /** Partial and the file changed since (re-summed). */
  readonly edited: boolean;
  /** The down file differs from the one recorded when the migration was applied here: `down` refuses it. */
  readonly downEdited: boolean;
  /** The file's hash differs from schemac.sum (or is not in it): `up` refuses until `schemac sum`. */
  readonly sumMismatch: boolean;
  /** A statement whose outcome the next run checks (the connection was lost). */
  readonly interrupted: number | null;
  /** An unfinished `down`: statements of the down file done so far. */
  readonly reverting: number | null;
}

export interface StatusReport {
  readonly database: string;
  readonly migrations: readonly StatusEntry[];
  /** Integrity problems `up` would refuse (sum mismatches and the like). */
  readonly problems: readonly string[];
}

/** `schemac status`: each migration's state; reads only (no lock, no table created). */
export async function status(ctx: RunContext): Promise<StatusReport> {
  const { rows, legacy } = await readHistoryTable(ctx.session);
  const set = ctx.set;
  const problems = [...checkIntegrity(set), ...historyProblems(set, rows, legacy)];
  const badFiles = new Set(problems.map((p) => p.pos?.file).filter((f): f is string => !!f));
  const versions = [...new Set([...set.migrations.map((m) => m.version), ...rows.map((r) => r.version)])].sort((a, b) => a - b);
  const entries: StatusEntry[] = [];
  for (const version of versions) {
    const m = set.migrations.find((x) => x.version === version);
    const row = rows.find((r) => r.version === version);
    const total = m?.up ? statementsOf(m.up).length : row?.statementsTotal ?? 0;
    const sumMismatch = !!m && [m.up?.file, m.down?.file].some((f) => f !== undefined && badFiles.has(f));
    if (!row) {
      entries.push({ version, name: m!.name, state: 'pending', statementsApplied: 0, statementsTotal: total, appliedAt: null, executionMs: null,
        edited: false, downEdited: false, sumMismatch, interrupted: null, reverting: null });
      continue;
    }
    const edited = !!m?.up && m.up.hash !== row.checksum;
    const downEdited = !!m?.down && row.appliedDownChecksum !== null && row.downChecksum === null && m.down.hash !== row.appliedDownChecksum;
    const partial = row.state === 'partial' || row.running !== null || row.downChecksum !== null;
    const state: MigrationState = !m?.up ? 'missing-file' : partial ? 'partial' : edited || downEdited ? 'edited' : 'applied';
    entries.push({ version, name: row.name, state, statementsApplied: row.statementsApplied, statementsTotal: row.statementsTotal,
      appliedAt: row.appliedAt, executionMs: row.executionMs, edited, downEdited, sumMismatch,
      interrupted: row.running !== null ? row.runningStatement : null, reverting: row.downChecksum !== null ? row.reverted : null });
  }
  return { database: set.database, migrations: entries, problems: problems.map((p) => `${p.message}${p.hint ? ` (${p.hint})` : ''}`) };
}
