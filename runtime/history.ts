import { VERSION_TABLE as HISTORY_TABLE } from '../compiler/config.js';
import { createHash } from 'node:crypto';
import { SchemacError } from '../compiler/diagnostics.js';
import { describeError, quoteIdent, ServerError, type BatchPart, type QueryResult, type Row, type Session } from './session.js';

/*
 * The version table `schemac_migrations`, one per database (SPEC §7): one row per migration
 * that ran at least partly. It is written on the connection that runs the statements, with
 * every statement (see HistoryWriter), so a crash leaves an accurate count.
 */


/** One row of the version table. */
export interface HistoryRow {
  /** The NNNN number of the migration. */
  readonly version: number;
  /** The migration's base name, `0002_status_report`. */
  readonly name: string;
  /** `fileHash` of the up file the statements came from. */
  readonly checksum: string;
  /** When it finished (or, while partial, when it started), `YYYY-MM-DD hh:mm:ss.fff` server time. */
  readonly appliedAt: string;
  /** Time spent running its statements, summed over runs. */
  readonly executionMs: number;
  /** Statements of the up file that ran, in order: 1..statementsApplied. */
  readonly statementsApplied: number;
  readonly statementsTotal: number;
  readonly state: 'applied' | 'partial';
  /** Hash of the text of statements 1..statementsApplied, to check an edited file before resuming. */
  readonly appliedHash: string;
  /** While a `down` is unfinished: how many of its statements ran, and the down file's hash. */
  readonly reverted: number;
  readonly downChecksum: string | null;
  /**
   * A statement that was started and whose outcome is not recorded (the connection was lost):
   * which file, its number (the count it makes when it completes), and the fingerprint of the
   * objects it changes taken before it ran.
   */
  readonly running: 'up' | 'down' | null;
  readonly runningStatement: number | null;
  readonly runningFingerprint: string | null;
  /** `fileHash` of the down file when the migration was applied: `down` refuses a down file edited since. */
  readonly appliedDownChecksum: string | null;
  /**
   * The chained hash of this row's identity (version, name, checksums) and the chain of the row
   * before it (by version): an edited, swapped or removed row breaks the chain (brokenLink).
   */
  readonly chain: string | null;
}

/** Column definitions; the names are the history's public format. */
const COLUMNS: readonly (readonly [keyof HistoryRow, string, string])[] = [
  ['version', 'version', 'INT UNSIGNED NOT NULL'],
  ['name', 'name', 'VARCHAR(255) NOT NULL'],
  ['checksum', 'checksum', 'VARCHAR(64) NOT NULL'],
  ['appliedAt', 'applied_at', 'DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)'],
  ['executionMs', 'execution_ms', 'BIGINT UNSIGNED NOT NULL DEFAULT 0'],
  ['statementsApplied', 'statements_applied', 'INT UNSIGNED NOT NULL DEFAULT 0'],
  ['statementsTotal', 'statements_total', 'INT UNSIGNED NOT NULL'],
  ['state', 'state', "ENUM('applied', 'partial') NOT NULL"],
  ['appliedHash', 'applied_hash', 'VARCHAR(64) NOT NULL'],
  ['reverted', 'reverted', 'INT UNSIGNED NOT NULL DEFAULT 0'],
  ['downChecksum', 'down_checksum', 'VARCHAR(64) NULL'],
  ['running', 'running', "ENUM('up', 'down') NULL"],
  ['runningStatement', 'running_statement', 'INT UNSIGNED NULL'],
  ['runningFingerprint', 'running_fingerprint', 'CHAR(64) NULL'],
  ['appliedDownChecksum', 'applied_down_checksum', 'VARCHAR(64) NULL'],
  ['chain', 'chain', 'CHAR(64) NULL'],
];

/** Columns added after the first version of the table: an older table gets them on the next up or down (upgradeParts). */
const ADDED: ReadonlySet<keyof HistoryRow> = new Set(['appliedDownChecksum', 'chain']);

const columnOf = new Map(COLUMNS.map(([key, column]) => [key, column]));

function tableName(session: Session): string {
  return `${quoteIdent(session.database)}.${quoteIdent(HISTORY_TABLE)}`;
}

/** The chained hash of statement texts: `chain[k]` covers statements 1..k (`chain[0]` is the empty prefix). */
export function statementChain(sqls: readonly string[]): string[] {
  const chain = [createHash('sha256').update('').digest('hex')];
  for (const sql of sqls) chain.push(createHash('sha256').update(chain[chain.length - 1] + '\0' + sql).digest('hex'));
  return chain;
}

/** A row's link in the history chain: its identity and the link of the row before it. */
export function chainLink(prev: string, row: Pick<HistoryRow, 'version' | 'name' | 'checksum' | 'appliedDownChecksum'>): string {
  return createHash('sha256').update(['schemac-history-1', prev, String(row.version), row.name, row.checksum, row.appliedDownChecksum ?? ''].join('\0')).digest('hex');
}

/** The link each row should have, by version (rows in any order). */
export function chainOf(rows: readonly HistoryRow[]): Map<number, string> {
  const out = new Map<number, string>();
  let prev = '';
  for (const row of [...rows].sort((a, b) => a.version - b.version)) {
    prev = chainLink(prev, row);
    out.set(row.version, prev);
  }
  return out;
}

/**
 * The first row (by version) whose link is not what the rows before it make: its version, name
 * or checksums were edited, rows were swapped, a row before it was removed, or it was inserted
 * by hand. Null when the chain holds. (Removing the newest rows leaves a chain that holds: the
 * history then reads as if they never ran.)
 */
export function brokenLink(rows: readonly HistoryRow[]): HistoryRow | null {
  const expected = chainOf(rows);
  return [...rows].sort((a, b) => a.version - b.version).find((r) => r.chain !== expected.get(r.version)) ?? null;
}

/** Creates the version table when it is missing (InnoDB: data statements and their record commit together). */
function createPart(session: Session): BatchPart {
  return { sql: `CREATE TABLE IF NOT EXISTS ${tableName(session)} (
  ${COLUMNS.map(([, column, type]) => `${quoteIdent(column)} ${type}`).join(',\n  ')},
  PRIMARY KEY (\`version\`)
) ENGINE = InnoDB COMMENT = 'schemac: applied migrations (do not edit by hand unless schemac tells you to)'` };
}

/** Every row, by version; an absent table reads as no rows. */
export async function readHistory(session: Session): Promise<HistoryRow[]> {
  return (await readHistoryTable(session)).rows;
}

/**
 * The rows, and whether the table is of an older schemac (`legacy`: without the integrity
 * columns, read as null; the next up or down adds them, upgradeParts).
 */
export async function readHistoryTable(session: Session): Promise<{ rows: HistoryRow[]; legacy: boolean }> {
  const select = (columns: typeof COLUMNS) => session.query(
    `SELECT ${columns.map(([key, column]) => `${quoteIdent(column)} AS ${quoteIdent(key)}`).join(', ')} FROM ${tableName(session)} ORDER BY \`version\``);
  let rows: readonly Row[];
  let legacy = false;
  try {
    ({ rows } = await select(COLUMNS));
  } catch (e) {
    if (e instanceof ServerError && e.errno === 1146) return { rows: [], legacy: false };
    if (!(e instanceof ServerError) || e.errno !== 1054) throw e;
    try {
      ({ rows } = await select(COLUMNS.filter(([key]) => !ADDED.has(key))));
      legacy = true;
    } catch (e2) {
      if (!(e2 instanceof ServerError) || e2.errno !== 1054) throw e2;
      throw new SchemacError({ code: 'E_HISTORY_TABLE', message: `${session.database}.${HISTORY_TABLE} exists but does not have schemac's columns: ${describeError(e2)}`,
        hint: `it was created by another tool or an incompatible schemac version; rename it and run again` });
    }
  }
  return { legacy, rows: rows.map((r) => {
    if (r.state !== 'applied' && r.state !== 'partial') {
      throw new SchemacError({ code: 'E_HISTORY_STATE', message: `${session.database}.${HISTORY_TABLE}: the row of version ${String(r.version)} has state ${JSON.stringify(r.state)}, which schemac never writes`,
        hint: 'the table was edited by hand: set state to applied or partial as the database really is (see `schemac status`), then run `schemac up --accept-history`' });
    }
    return {
      version: Number(r.version), name: String(r.name), checksum: String(r.checksum), appliedAt: String(r.appliedAt),
      executionMs: Number(r.executionMs), statementsApplied: Number(r.statementsApplied), statementsTotal: Number(r.statementsTotal),
      state: r.state, appliedHash: String(r.appliedHash),
      reverted: Number(r.reverted), downChecksum: r.downChecksum === null ? null : String(r.downChecksum),
      running: r.running === 'up' || r.running === 'down' ? r.running : null,
      runningStatement: r.runningStatement === null ? null : Number(r.runningStatement),
      runningFingerprint: r.runningFingerprint === null ? null : String(r.runningFingerprint),
      appliedDownChecksum: r.appliedDownChecksum === null || r.appliedDownChecksum === undefined ? null : String(r.appliedDownChecksum),
      chain: r.chain === null || r.chain === undefined ? null : String(r.chain),
    };
  }) };
}

/**
 * Gives an older table the integrity columns and fills them for the rows it has, trusting them
 * as they are (there is nothing to check them against): the down checksum is the down file's
 * now (`downOf`), the chain is computed. Returns the parts to send (the ALTER commits at once).
 */
export function upgradeParts(session: Session, rows: readonly HistoryRow[], downOf: (version: number) => string | null): { parts: BatchPart[]; rows: HistoryRow[] } {
  const added = COLUMNS.filter(([key]) => ADDED.has(key));
  const parts: BatchPart[] = [{ sql: `ALTER TABLE ${tableName(session)} ${added.map(([, column, type]) => `ADD COLUMN ${quoteIdent(column)} ${type}`).join(', ')}` }];
  const filled = rows.map((r) => ({ ...r, appliedDownChecksum: downOf(r.version) }));
  const chain = chainOf(filled);
  const upgraded = filled.map((r) => ({ ...r, chain: chain.get(r.version)! }));
  for (const r of upgraded) parts.push(updatePart(session, r.version, { appliedDownChecksum: r.appliedDownChecksum, chain: r.chain })!);
  return { parts, rows: upgraded };
}

/** A migration's row as it starts: partial, nothing applied. */
export interface NewHistoryRow {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
  readonly statementsTotal: number;
  readonly appliedHash: string;
  readonly appliedDownChecksum: string | null;
  readonly chain: string;
}

/**
 * Changes to a row, as absolute values (so that writing a patch twice is the same as once);
 * `touch` sets applied_at to now.
 */
export type HistoryPatch = Partial<Omit<HistoryRow, 'version' | 'appliedAt'>> & { readonly touch?: boolean };

function insertPart(session: Session, row: NewHistoryRow): BatchPart {
  // ON DUPLICATE KEY: sent again after a batch whose outcome is unknown, it changes nothing.
  return {
    sql: `INSERT INTO ${tableName(session)} (\`version\`, \`name\`, \`checksum\`, \`applied_at\`, \`execution_ms\`, \`statements_applied\`,
    \`statements_total\`, \`state\`, \`applied_hash\`, \`applied_down_checksum\`, \`chain\`) VALUES (?, ?, ?, NOW(3), 0, 0, ?, 'partial', ?, ?, ?) ON DUPLICATE KEY UPDATE \`version\` = \`version\``,
    params: [row.version, row.name, row.checksum, row.statementsTotal, row.appliedHash, row.appliedDownChecksum, row.chain],
  };
}

function updatePart(session: Session, version: number, patch: HistoryPatch): BatchPart | null {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'touch') { if (value) sets.push('`applied_at` = NOW(3)'); continue; }
    const column = columnOf.get(key as keyof HistoryRow);
    if (!column) throw new Error(`unknown history column ${key}`);
    sets.push(`${quoteIdent(column)} = ?`);
    params.push(key === 'executionMs' ? Math.round(value as number) : value);
  }
  if (sets.length === 0) return null;
  params.push(version);
  return { sql: `UPDATE ${tableName(session)} SET ${sets.join(', ')} WHERE \`version\` = ?`, params };
}

function deletePart(session: Session, version: number): BatchPart {
  return { sql: `DELETE FROM ${tableName(session)} WHERE \`version\` = ?`, params: [version] };
}

/** Updates one row now. */
export async function updateHistory(session: Session, version: number, patch: HistoryPatch): Promise<void> {
  const part = updatePart(session, version, patch);
  if (part) await session.query(part.sql, part.params);
}

/** Removes a migration's row now (it was reverted). */
export async function deleteHistory(session: Session, version: number): Promise<void> {
  const part = deletePart(session, version);
  await session.query(part.sql, part.params);
}

type Write =
  | { readonly kind: 'create' }
  | { readonly kind: 'insert'; readonly row: NewHistoryRow }
  | { readonly kind: 'update'; readonly version: number; patch: HistoryPatch }
  | { readonly kind: 'delete'; readonly version: number };

/**
 * History writes that travel with the next statement instead of in round trips of their own:
 * `send` puts the pending writes in front of the statements it is given, in one multi-statement
 * query. Under autocommit each write commits before the statement after it starts, so "statement
 * k is starting" is on disk before statement k runs, exactly as if sent alone.
 *
 * Every write is idempotent (absolute values; the INSERT ignores an existing row). When a batch
 * fails, the server ran some prefix of it and nobody can say which; the writes stay pending and
 * sending them again is right whatever that prefix was.
 */
export class HistoryWriter {
  private writes: Write[] = [];

  constructor(private readonly session: Session) {}

  /** Creates the table (IF NOT EXISTS), in front of the writes that follow. */
  createTable(): void {
    this.writes.push({ kind: 'create' });
  }

  insert(row: NewHistoryRow): void {
    this.writes.push({ kind: 'insert', row });
  }

  /** Queues a patch; consecutive patches of one row become one UPDATE (later values win). */
  update(version: number, patch: HistoryPatch): void {
    const last = this.writes[this.writes.length - 1];
    if (last?.kind === 'update' && last.version === version) last.patch = { ...last.patch, ...patch };
    else this.writes.push({ kind: 'update', version, patch });
  }

  delete(version: number): void {
    this.writes.push({ kind: 'delete', version });
  }

  /** An UPDATE of one row to send inside a batch (a data statement's transaction), not queued. */
  updatePart(version: number, patch: HistoryPatch): BatchPart {
    return updatePart(this.session, version, patch) ?? { sql: 'DO 0' };
  }

  /**
   * Sends the pending writes followed by `parts` in one round trip; returns the results of
   * `parts`. When a part fails, the error's `part` is its index in `parts` (the writes committed
   * and are forgotten); when a write fails, a HistoryWriteError (nothing of `parts` ran); on a
   * lost connection, the error as it is (the writes stay pending).
   */
  async send(parts: readonly BatchPart[] = []): Promise<QueryResult[]> {
    const writes = this.writes.map((w) => w.kind === 'create' ? createPart(this.session) : w.kind === 'insert' ? insertPart(this.session, w.row)
      : w.kind === 'delete' ? deletePart(this.session, w.version) : updatePart(this.session, w.version, w.patch))
      .filter((p): p is BatchPart => p !== null);
    const all = [...writes, ...parts];
    if (all.length === 0) return [];
    let results: QueryResult[];
    try {
      results = await this.session.batch(all);
    } catch (e) {
      if (!(e instanceof ServerError) || e.part === null) throw e;
      if (e.part < writes.length) throw new HistoryWriteError(e);
      this.writes = [];
      e.part -= writes.length;
      throw e;
    }
    this.writes = [];
    return results.slice(writes.length);
  }
}

/** A write to the version table sent in front of statements failed (so none of them ran). */
export class HistoryWriteError extends Error {
  constructor(readonly error: ServerError) {
    super(error.message);
    this.name = 'HistoryWriteError';
  }
}
