import { createHash } from 'node:crypto';
import { SchemacError } from '../compiler/diagnostics.js';
import type { BatchPart, QueryResult, Session } from './session.js';

/*
 * The migration lock: GET_LOCK on the one connection that also runs every statement and writes
 * the history (a pool could run them on another connection, outside the lock). The lock is
 * server-wide, per connection, survives COMMIT and DDL, and is freed when the connection closes,
 * so a crashed runner never leaves it held (MYSQL-NOTES §12).
 * https://dev.mysql.com/doc/refman/8.0/en/locking-functions.html
 */

/** `schemac:<database>`, cut to the 64 characters MySQL allows, with a hash when cut. */
export function lockName(database: string): string {
  const name = `schemac:${database}`;
  if (name.length <= 64) return name;
  const hash = createHash('sha256').update(database).digest('hex').slice(0, 8);
  return `${name.slice(0, 64 - 9)}_${hash}`;
}

/** Who holds a lock: the connection id and, when visible, what it is doing. */
async function holder(session: Session, name: string): Promise<string> {
  const { rows } = await session.query('SELECT IS_USED_LOCK(?) AS id', [name]);
  const id = rows[0]?.id;
  if (id === null || id === undefined) return 'nobody now (it was just released)';
  try {
    const info = await session.query(
      'SELECT USER AS user, HOST AS host FROM information_schema.PROCESSLIST WHERE ID = ?', [id]);
    const p = info.rows[0];
    if (p) return `connection ${id} (${String(p.user)}@${String(p.host)})`;
  } catch {
    // PROCESSLIST needs the PROCESS privilege to show other users' connections; the id is enough.
  }
  return `connection ${id}`;
}

/**
 * Takes the lock, waiting up to `timeoutSeconds` (progress on `log`); fails with who holds it.
 * GET_LOCK returns 1 (acquired), 0 (timed out) or NULL (error). `reads` (read-only statements)
 * travel with the first attempt, and their results count only when it got the lock; after a
 * wait they run again.
 */
export async function acquireLock(session: Session, timeoutSeconds: number, log: (line: string) => void, label = session.database,
  reads: readonly BatchPart[] = []): Promise<{ readonly name: string; readonly results: readonly QueryResult[] }> {
  const name = lockName(session.database);
  const [first, ...results] = await session.batch([{ sql: 'SELECT GET_LOCK(?, 0) AS got', params: [name] }, ...reads]);
  if (Number(first.rows[0]?.got) === 1) return { name, results };
  if (timeoutSeconds > 0) {
    log(`${label}: waiting up to ${timeoutSeconds} s for the migration lock "${name}", held by ${await holder(session, name)}`);
    const second = await session.query('SELECT GET_LOCK(?, ?) AS got', [name, timeoutSeconds]);
    if (Number(second.rows[0]?.got) === 1) return { name, results: reads.length ? await session.batch(reads) : [] };
  }
  throw new SchemacError({
    code: 'E_LOCKED',
    message: `database ${label}: another runner holds the migration lock "${name}" (${await holder(session, name)}); gave up after ${timeoutSeconds} s`,
    hint: 'another `schemac up`/`down` is migrating this database: wait for it and run again, or raise --lock-timeout; '
      + 'if that connection is stuck, find it with SHOW PROCESSLIST and end it with KILL <id> (its migration state is kept)',
  });
}

/** The statement that releases the lock, to send with the last history writes. */
export function releasePart(name: string): BatchPart {
  return { sql: 'DO RELEASE_LOCK(?)', params: [name] };
}

/** Releases the lock (errors are ignored: a lost connection has released it already). */
export async function releaseLock(session: Session, name: string): Promise<void> {
  try {
    const part = releasePart(name);
    await session.query(part.sql, part.params);
  } catch {
    // the connection is gone, and the server freed the lock with it
  }
}
