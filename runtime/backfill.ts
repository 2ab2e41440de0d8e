import { SqlScanner, type Quoting } from '../compiler/dialect/mysql/lexer.js';
import { quoteIdent, type BatchPart, type Session } from './session.js';

/**
 * The backfill UPDATE schemac writes (`UPDATE t SET c = v[, k = k] WHERE c IS NULL`, see the
 * dialect's `backfill` statement), run in primary-key chunks: each chunk is its own transaction,
 * so a table of millions of rows is not one transaction that holds every row lock and an undo
 * log of the whole table. The file keeps the one plain UPDATE (the mysql client still runs it);
 * the runtime reads its shape and runs it as `... WHERE c IS NULL AND <pk range>`.
 *
 * Exactly once without bookkeeping: a chunk commits or rolls back whole, and a row it filled no
 * longer matches `c IS NULL`, so running the statement again after a kill (of the process or
 * the connection) fills only the rows still empty; the chunks already done cost one index range
 * read each. The backfill value is never NULL (validation refuses it), so a filled row stays out.
 */
export interface BackfillShape {
  readonly table: string;
  readonly column: string;
  /** The assignments as written (`\`c\` = 1, \`k\` = \`k\``). */
  readonly set: string;
}

/** The shape of a schemac backfill UPDATE, or null for any other statement. */
export function backfillShape(sql: string, quoting?: Quoting): BackfillShape | null {
  const scan = new SqlScanner(sql, quoting ? { quoting } : {});
  const tokens: Array<{ kind: string; upper: string; value: string; start: number; end: number; depth: number }> = [];
  let depth = 0;
  while (scan.next()) {
    if (scan.unterminated) return null;
    if (scan.kind === 'comment') continue;
    const text = scan.tokenText;
    if (scan.kind === 'op' && text === ')') depth--;
    tokens.push({ kind: scan.kind, upper: scan.kind === 'word' ? text.toUpperCase() : text, value: scan.value(), start: scan.start, end: scan.end, depth });
    if (scan.kind === 'op' && text === '(') depth++;
  }
  const n = tokens.length;
  if (n < 8 || tokens[0].upper !== 'UPDATE' || tokens[1].kind !== 'quoted' || tokens[2].upper !== 'SET') return null;
  const [where, col, is, nul] = tokens.slice(n - 4);
  if (where.upper !== 'WHERE' || where.depth !== 0 || col.kind !== 'quoted' || is.upper !== 'IS' || nul.upper !== 'NULL') return null;
  // The WHERE is the statement's own: no other top-level WHERE, ORDER BY or LIMIT before it.
  if (tokens.slice(3, n - 4).some((t) => t.depth === 0 && t.kind === 'word' && (t.upper === 'WHERE' || t.upper === 'LIMIT' || t.upper === 'ORDER'))) return null;
  return { table: tokens[1].value, column: col.value, set: sql.slice(tokens[2].end, where.start).trim() };
}

export interface ChunkProgress {
  readonly done: number;
  readonly total: number;
  readonly ms: number;
}

/**
 * Runs a backfill in chunks of `size` rows of the primary key (keyset: each chunk starts after the
 * last key of the one before), each chunk in its own transaction; `last` runs with the final
 * chunk, inside its transaction (the caller's record of the statement). Returns the rows filled.
 */
/**
 * The queries that decide whether a backfill is chunked: the rows it fills and the table's
 * primary key. Sent by the caller with the history writes it has pending (no round trip of
 * their own); `probeResult` reads their answers.
 */
export function backfillProbe(shape: BackfillShape): BatchPart[] {
  return [
    { sql: `SELECT COUNT(*) AS n FROM ${quoteIdent(shape.table)} WHERE ${quoteIdent(shape.column)} IS NULL` },
    { sql: `SELECT COLUMN_NAME AS name FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX`, params: [shape.table] },
  ];
}

export interface Probe {
  readonly total: number;
  readonly keys: readonly string[];
}

export function probeResult(results: ReadonlyArray<{ readonly rows: readonly unknown[] }>): Probe {
  const [count, keys] = results;
  return { total: Number((count.rows[0] as Record<string, unknown>).n), keys: keys.rows.map((r) => String((r as Record<string, unknown>).name)) };
}

/** Whether a probed backfill is worth chunking: a primary key to range over, and more rows than one chunk. */
export function chunks(probe: Probe, size: number): boolean {
  return size > 0 && probe.keys.length > 0 && probe.total > size;
}

export async function runChunked(
  session: Pick<Session, 'query' | 'batch'>, shape: BackfillShape, size: number, last: readonly BatchPart[],
  progress: (p: ChunkProgress) => void, probe: Probe, now: () => number = Date.now,
): Promise<number> {
  const { keys, total } = probe;
  const t = quoteIdent(shape.table);
  const c = quoteIdent(shape.column);
  const pk = keys.map(quoteIdent);
  const tuple = (cols: readonly string[]) => (cols.length === 1 ? cols[0] : `(${cols.join(', ')})`);
  const params = (n: number) => (n === 1 ? '?' : `(${Array.from({ length: n }, () => '?').join(', ')})`);
  const started = now();
  let done = 0;
  let after: unknown[] | null = null;
  for (;;) {
    // The key that ends this chunk: `size` keys on from where the last one ended.
    const from: string = after === null ? '' : `WHERE ${tuple(pk)} > ${params(pk.length)} `;
    const bound: Record<string, unknown> | undefined = (await session.query(`SELECT ${pk.join(', ')} FROM ${t} ${from}ORDER BY ${pk.join(', ')} LIMIT 1 OFFSET ${size - 1}`,
      after ?? [])).rows[0] as Record<string, unknown> | undefined;
    const upTo: unknown[] | null = bound === undefined ? null : keys.map((k) => bound[k]);
    const range = [
      ...(after === null ? [] : [`${tuple(pk)} > ${params(pk.length)}`]),
      ...(upTo === null ? [] : [`${tuple(pk)} <= ${params(pk.length)}`]),
    ];
    const sql = `UPDATE ${t} SET ${shape.set} WHERE ${c} IS NULL${range.map((r) => ` AND ${r}`).join('')}`;
    const values = [...(after ?? []), ...(upTo ?? [])];
    try {
      // One round trip per chunk: the range's UPDATE and, with the last, the caller's record, committed together.
      const results = await session.batch([{ sql: 'START TRANSACTION' }, { sql, params: values }, ...(upTo === null ? last : []), { sql: 'COMMIT' }]);
      done += results[1].affectedRows;
    } catch (e) {
      await session.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    progress({ done, total, ms: now() - started });
    if (upTo === null) return done;
    after = upTo;
  }
}

/** `backfill t.c: 45,000 of 200,000 rows (22%), 15,000 rows/s, about 10 s left`. */
export function progressLine(shape: BackfillShape, p: ChunkProgress): string {
  const pct = p.total ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 100;
  const rate = p.ms > 0 ? Math.round((p.done * 1000) / p.ms) : 0;
  const left = rate > 0 ? Math.max(0, Math.round((p.total - p.done) / rate)) : null;
  const n = (x: number) => x.toLocaleString('en-US');
  return `backfill ${shape.table}.${shape.column}: ${n(p.done)} of ${n(p.total)} rows (${pct}%), ${n(rate)} rows/s${left === null ? '' : `, about ${left} s left`}`;
}
