import { SchemacError } from '../compiler/diagnostics.js';
import { classifyStatement } from './classify.js';
import { fingerprint } from './fingerprint.js';
import {
  deleteHistory, ensureHistoryTable, insertHistory, readHistory, statementChain, updateHistory,
  type HistoryPatch, type HistoryRow,
} from './history.js';
import { acquireLock, releaseLock } from './lock.js';
import { checkIntegrity, statementsOf, type MigrationSet, type MigrationText } from './migrations.js';
import { downItem, planDown, planUp, type DownItem, type UpItem } from './plan.js';
import { describeError, isConnectionLost, ServerError, type Session } from './session.js';
import { firstLine, type Statement } from './statements.js';

/*
 * up / down / status on one database, over one Session that holds the migration lock and runs
 * every statement and history write.
 *
 * Exactly-once, statement by statement:
 * - A data statement (INSERT/UPDATE/DELETE) runs in a transaction with the UPDATE of its history
 *   row: both commit or neither does, whatever happens to the connection.
 * - A DDL statement commits on its own (implicit commit). Before it runs, the row records
 *   "statement k started" with a fingerprint of the objects it changes (SHOW CREATE). After it,
 *   the row records k as applied. If the connection is lost in between, the next run finds the
 *   mark and compares fingerprints: unchanged → the statement did not take effect and runs
 *   again; changed → it committed and is counted, not re-run. A statement whose objects cannot be
 *   told (CALL, GRANT, ...) is not guessed: the run stops and asks (--resolve-interrupted).
 * - Reads and session statements (SELECT, SET) are harmless to repeat; SETs that ran before the
 *   resume point are replayed on the new connection.
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
}

export interface UpOptions extends RunOptions {
  readonly to?: number;
  readonly allowOutOfOrder?: boolean;
}

export interface DownOptions extends RunOptions {
  readonly to?: number;
  readonly steps?: number;
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

function integrity(set: MigrationSet): void {
  const problems = checkIntegrity(set);
  if (problems.length) throw new SchemacError(problems);
}

/** Holds the lock around `body`; the history table exists inside. */
async function locked<T>(ctx: RunContext, options: RunOptions, body: (rows: HistoryRow[]) => Promise<T>): Promise<T> {
  const name = await acquireLock(ctx.session, options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT, ctx.log, ctx.set.database);
  try {
    await ensureHistoryTable(ctx.session);
    // Read under the lock: a runner that waited sees what the other one applied.
    let rows = await readHistory(ctx.session);
    if (rows.some((r) => r.running !== null)) {
      for (const row of rows.filter((r) => r.running !== null)) await resolveInterrupted(ctx, row, options.resolveInterrupted);
      rows = await readHistory(ctx.session);
    }
    return await body(rows);
  } finally {
    await releaseLock(ctx.session, name);
  }
}

function current(rows: readonly HistoryRow[]): string | null {
  const applied = rows.filter((r) => r.state === 'applied');
  return applied.length ? applied[applied.length - 1].name : null;
}

/** `schemac up`: applies pending migrations in order, resuming a partial one where it stopped. */
export async function up(ctx: RunContext, options: UpOptions = {}): Promise<RunReport> {
  integrity(ctx.set);
  const planOptions = { ...(options.to !== undefined ? { to: options.to } : {}), ...(options.allowOutOfOrder ? { allowOutOfOrder: true } : {}) };
  if (options.dryRun) {
    const rows = await readHistory(ctx.session);
    const plan = planUp(ctx.set, rows, planOptions);
    const runs = plan.items.map((item) => ({ ...describeUp(item), ms: 0 }));
    for (const row of rows.filter((r) => r.running !== null)) {
      ctx.log(`${ctx.set.database}: ${row.name}: statement ${row.runningStatement} was interrupted; \`schemac up\` checks whether it committed before resuming`);
    }
    return { database: ctx.set.database, dryRun: true, migrations: runs, current: current(rows), warnings: plan.warnings };
  }
  return locked(ctx, options, async (rows) => {
    const plan = planUp(ctx.set, rows, planOptions);
    for (const w of plan.warnings) ctx.log(`warning: ${w}`);
    const runs: MigrationRun[] = [];
    for (const item of plan.items) runs.push(await applyMigration(ctx, item, options));
    return { database: ctx.set.database, dryRun: false, migrations: runs, current: current(await readHistory(ctx.session)), warnings: plan.warnings };
  });
}

/** `schemac down`: reverts the newest migrations (default one) with their down files. */
export async function down(ctx: RunContext, options: DownOptions = {}): Promise<RunReport> {
  integrity(ctx.set);
  const planOptions = { ...(options.to !== undefined ? { to: options.to } : {}), ...(options.steps !== undefined ? { steps: options.steps } : {}) };
  if (options.dryRun) {
    const rows = await readHistory(ctx.session);
    const items = planDown(ctx.set, rows, planOptions);
    return { database: ctx.set.database, dryRun: true, migrations: items.map((i) => ({ ...describeDown(i), ms: 0 })), current: current(rows), warnings: [] };
  }
  return locked(ctx, options, async (rows) => {
    const items = planDown(ctx.set, rows, planOptions);
    const runs: MigrationRun[] = [];
    for (const item of items) runs.push(await revertMigration(ctx, item, options));
    return { database: ctx.set.database, dryRun: false, migrations: runs, current: current(await readHistory(ctx.session)), warnings: [] };
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

/** One list of statements run with a history record after each. */
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
  /** The history patch that records statement j (1-based) of the list as done. */
  readonly record: (j: number) => HistoryPatch;
}

function upJob(item: UpItem): Job {
  const chain = statementChain(item.statements.map((s) => s.sql));
  const n = item.statements.length;
  return {
    direction: 'up', version: item.migration.version, name: item.migration.name, file: item.file, statements: item.statements,
    fileNumber: (j) => j, fileTotal: n, from: item.from,
    record: (k) => ({ statementsApplied: k, appliedHash: chain[k], state: k === n ? 'applied' : 'partial', touch: k === n }),
  };
}

function downJob(item: DownItem): Job {
  return {
    direction: 'down', version: item.row.version, name: item.row.name, file: item.file, statements: item.statements,
    fileNumber: (j) => item.fileNumbers[j - 1], fileTotal: statementsOf(item.file).length, from: item.from,
    record: (j) => ({ reverted: j }),
  };
}

async function applyMigration(ctx: RunContext, item: UpItem, options: RunOptions): Promise<MigrationRun> {
  const { session } = ctx;
  const job = upJob(item);
  const n = item.statements.length;
  const chain = statementChain(item.statements.map((s) => s.sql));
  if (!item.row) {
    await insertHistory(session, { version: item.migration.version, name: item.migration.name, checksum: item.file.hash, statementsTotal: n, appliedHash: chain[0] });
  } else if (item.edited) {
    await updateHistory(session, item.migration.version, { checksum: item.file.hash, statementsTotal: n, name: item.migration.name });
  }
  ctx.log(`${ctx.set.database}: ${item.from > 1 ? `resuming ${item.migration.name} at statement ${item.from} of ${n}` : `applying ${item.migration.name} (${n} statement${n === 1 ? '' : 's'})`}`);
  const ms = await runJob(ctx, job, options);
  if (n === 0) await updateHistory(session, item.migration.version, { state: 'applied', touch: true });
  ctx.log(`${ctx.set.database}: applied ${item.migration.name} in ${ms} ms`);
  return { ...describeUp(item), ms };
}

async function revertMigration(ctx: RunContext, item: DownItem, options: RunOptions): Promise<MigrationRun> {
  const { session } = ctx;
  const total = item.statements.length;
  if (item.row.downChecksum === null) await updateHistory(session, item.row.version, { downChecksum: item.file.hash });
  const upFile = ctx.set.migrations.find((m) => m.version === item.row.version)?.up;
  if (upFile && upFile.hash !== item.row.checksum && item.row.state === 'applied') {
    ctx.log(`warning: ${ctx.set.database}: ${upFile.file} was edited after it ran here; reverting with the down file as it is now`);
  }
  const what = item.steps ? ` (partly applied: undoing step${item.steps.length === 1 ? '' : 's'} ${item.steps.join(', ')})` : '';
  ctx.log(`${ctx.set.database}: ${item.from > 1 ? `resuming the revert of ${item.row.name} at statement ${item.from} of ${total}` : `reverting ${item.row.name}${what}`}`);
  const ms = await runJob(ctx, downJob(item), options);
  await deleteHistory(session, item.row.version);
  ctx.log(`${ctx.set.database}: reverted ${item.row.name} in ${ms} ms`);
  return { ...describeDown(item), ms };
}

/** Runs statements `from`..end of a job, recording each; returns the time spent. */
async function runJob(ctx: RunContext, job: Job, options: RunOptions): Promise<number> {
  const now = ctx.now ?? Date.now;
  const started = now();
  // Session statements (SET ...) that ran before the resume point apply to the connection, which is new.
  for (const s of job.statements.slice(0, job.from - 1)) {
    if (classifyStatement(s.sql).kind === 'session') {
      ctx.log(`${ctx.set.database}: replaying for this connection: ${firstLine(s.sql)}`);
      await ctx.session.query(s.sql);
    }
  }
  for (let j = job.from; j <= job.statements.length; j++) await runStatement(ctx, job, j, options);
  return Math.round(now() - started);
}

async function runStatement(ctx: RunContext, job: Job, j: number, options: RunOptions): Promise<void> {
  const { session } = ctx;
  const s = job.statements[j - 1];
  const cls = classifyStatement(s.sql);
  const now = ctx.now ?? Date.now;
  const started = now();
  const where = () => `${job.file.file}, statement ${job.fileNumber(j)} of ${job.fileTotal} (line ${s.line})`;
  const tickMs = options.tickMs ?? 5000;
  const ticker = setInterval(() => {
    ctx.log(`${ctx.set.database}: ${job.name}: statement ${job.fileNumber(j)} of ${job.fileTotal} still running after ${Math.round((now() - started) / 1000)} s: ${firstLine(s.sql, 60)}`);
  }, tickMs);
  ticker.unref();
  const retries = options.lockRetries ?? DEFAULT_RETRIES;
  let phase: Phase = 'statement';
  try {
    for (let attempt = 1; ; attempt++) {
      phase = 'statement';
      try {
        const done = () => ({ ...job.record(j), addMs: job.direction === 'up' ? now() - started : 0, running: null, runningStatement: null, runningFingerprint: null });
        if (cls.kind === 'dml') {
          await session.query('START TRANSACTION');
          try {
            await session.query(s.sql);
            phase = 'record';
            await updateHistory(session, job.version, done());
            await session.query('COMMIT');
          } catch (e) {
            await session.query('ROLLBACK').catch(() => undefined);
            throw e;
          }
        } else if (cls.kind === 'read' || cls.kind === 'session') {
          await session.query(s.sql);
          phase = 'record';
          await updateHistory(session, job.version, done());
        } else {
          phase = 'mark';
          const fp = cls.kind === 'ddl' ? await fingerprint(session, cls.targets) : null;
          await updateHistory(session, job.version, { running: job.direction, runningStatement: j, runningFingerprint: fp });
          phase = 'statement';
          await session.query(s.sql);
          phase = 'record';
          await updateHistory(session, job.version, done());
        }
        return;
      } catch (e) {
        if (phase === 'statement' && e instanceof ServerError && e.errno === 1205 && !isConnectionLost(e) && attempt <= retries) {
          ctx.log(`${ctx.set.database}: ${where()}: lock wait timeout (another session holds a lock on the table); trying again (${attempt} of ${retries})`);
          await new Promise((r) => setTimeout(r, 500 * attempt));
          continue;
        }
        throw e;
      }
    }
  } catch (e) {
    throw await failure(ctx, job, j, s, cls.kind, phase, e);
  } finally {
    clearInterval(ticker);
  }
}

/** Where a statement's run failed: writing "statement k started", the statement, or its record. */
type Phase = 'mark' | 'statement' | 'record';

/** The error for a statement that failed (or whose outcome could not be recorded), after recording what is known. */
async function failure(ctx: RunContext, job: Job, j: number, s: Statement, kind: string, phase: Phase, e: unknown): Promise<Error> {
  const db = ctx.set.database;
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
  // The connection is alive: the statement failed (DDL is atomic per statement; DML was rolled back).
  try {
    await updateHistory(ctx.session, job.version, { running: null, runningStatement: null, runningFingerprint: null });
  } catch (e2) {
    return new SchemacError({ code: 'E_CONNECTION_LOST', pos, message: `${head}: ${e.describe()}; then the history could not be updated: ${describeError(e2)}`,
      hint: `\`schemac ${job.direction}\` checks what ran and resumes` });
  }
  if (phase !== 'statement') {
    const what = phase === 'mark' ? 'the statement did not run: recording that it starts failed'
      : kind === 'dml' ? 'recording it failed, so it was rolled back with its record' : 'the statement ran, but recording it failed';
    return new SchemacError({ code: 'E_HISTORY', pos, message: `${head}: ${what}: ${e.describe()}`,
      hint: 'did the migration change schemac_migrations? Fix the table, then run again' });
  }
  const hint = job.direction === 'up'
    ? `${j === 1 ? 'nothing of it ran' : `statements 1..${j - 1} ran and are recorded (state partial)`}. Fix the cause, then \`schemac up\` resumes at statement ${k}; or \`schemac down\` reverts what ran`
    : `${ran} ran and are recorded. Fix the cause, then \`schemac down\` resumes at statement ${k}`;
  return new SchemacError({ code: 'E_STATEMENT_FAILED', pos, message: `${head}: ${e.describe()}`, hint });
}

/**
 * Settles a statement that was started and whose outcome was not recorded (the connection was
 * lost, e.g. KILL, between running it and recording it). See the file comment.
 */
async function resolveInterrupted(ctx: RunContext, row: HistoryRow, choice: InterruptedChoice | undefined): Promise<void> {
  const { session, set } = ctx;
  const db = set.database;
  const m = set.migrations.find((x) => x.version === row.version);
  const k = row.runningStatement ?? 0;
  let statement: Statement | undefined;
  let fileNumber = k;
  let total = 0;
  let fileName = '';
  let record: HistoryPatch;
  let finished = false;
  if (row.running === 'up') {
    if (!m?.up || m.up.hash !== row.checksum) {
      throw new SchemacError({ code: 'E_INTERRUPTED_EDITED', message: `database ${db}: ${row.name} was interrupted during statement ${k}, and its up file is ${m?.up ? 'changed' : 'gone'}`,
        hint: 'restore the up file as it was (git), so schemac can tell whether that statement committed' });
    }
    const list = statementsOf(m.up);
    statement = list[k - 1];
    total = list.length;
    fileName = m.up.file;
    const chain = statementChain(list.map((s) => s.sql));
    record = { statementsApplied: k, appliedHash: chain[k], state: k === total ? 'applied' : 'partial', touch: k === total };
  } else {
    const item = downItem(set, { ...row, running: null, runningStatement: null });
    statement = item.statements[k - 1];
    fileNumber = item.fileNumbers[k - 1] ?? k;
    total = statementsOf(item.file).length;
    fileName = item.file.file;
    record = { reverted: k };
    finished = k === item.statements.length;
  }
  if (!statement) {
    throw new SchemacError({ code: 'E_HISTORY', message: `database ${db}: the history of ${row.name} says statement ${k} was running, but ${fileName} has no statement ${k}`,
      hint: 'restore the file as it was when it ran (git)' });
  }
  const cls = classifyStatement(statement.sql);
  const label = `${fileName}, statement ${fileNumber} of ${total} (line ${statement.line}: ${firstLine(statement.sql)})`;
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
      message: `database ${db}: the connection was lost while ${label} was running, and schemac cannot tell whether it committed`,
      hint: `check the database: if the statement took effect, run \`schemac ${row.running} --resolve-interrupted skip\`; if it did not, \`schemac ${row.running} --resolve-interrupted rerun\`` });
  }
  ctx.log(`${db}: ${label} was interrupted in an earlier run (connection lost); ${how}`);
  if (committed) {
    if (finished) await deleteHistory(session, row.version);
    else await updateHistory(session, row.version, { ...record, running: null, runningStatement: null, runningFingerprint: null });
  } else {
    await updateHistory(session, row.version, { running: null, runningStatement: null, runningFingerprint: null });
  }
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
  const rows = await readHistory(ctx.session);
  const set = ctx.set;
  const problems = checkIntegrity(set);
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
        edited: false, sumMismatch, interrupted: null, reverting: null });
      continue;
    }
    const edited = !!m?.up && m.up.hash !== row.checksum;
    const partial = row.state === 'partial' || row.running !== null || row.downChecksum !== null;
    const state: MigrationState = !m?.up ? 'missing-file' : partial ? 'partial' : edited ? 'edited' : 'applied';
    entries.push({ version, name: row.name, state, statementsApplied: row.statementsApplied, statementsTotal: row.statementsTotal,
      appliedAt: row.appliedAt, executionMs: row.executionMs, edited, sumMismatch,
      interrupted: row.running !== null ? row.runningStatement : null, reverting: row.downChecksum !== null ? row.reverted : null });
  }
  return { database: set.database, migrations: entries, problems: problems.map((p) => `${p.message}${p.hint ? ` (${p.hint})` : ''}`) };
}
