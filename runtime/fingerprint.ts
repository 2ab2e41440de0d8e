import { createHash } from 'node:crypto';
import type { ObjectRef } from './classify.js';
import { quoteIdent, ServerError, type Session } from './session.js';

/*
 * The definition of the objects a DDL statement changes, hashed. Taken before the statement
 * runs and stored in the history row; if the connection is lost before the statement's outcome
 * is recorded, the next run compares it with the definition now: unchanged means the statement
 * did not take effect (running it again is right), changed means it committed.
 *
 * `SHOW CREATE` reads the data dictionary directly (no information_schema statistics cache);
 * `AUTO_INCREMENT=n` is left out because inserts by the application change it.
 */

/** "Does not exist" errors of SHOW CREATE TABLE / PROCEDURE / FUNCTION / TRIGGER / EVENT, and unknown database. */
const ABSENT = new Set([1146, 1305, 1360, 1539, 1049]);

/**
 * The hash of the targets' definitions (an absent object hashes as absent), or null when one
 * cannot be read. `knownAbsent` names objects the caller knows do not exist (not read again).
 */
export async function fingerprint(session: Session, targets: readonly ObjectRef[], knownAbsent: (t: ObjectRef) => boolean = () => false): Promise<string | null> {
  if (targets.length === 0) return null;
  const parts: unknown[] = [];
  for (const t of targets) {
    if (knownAbsent(t)) {
      parts.push(null);
      continue;
    }
    const name = (t.schema !== null ? quoteIdent(t.schema) + '.' : '') + quoteIdent(t.name);
    try {
      const { rows } = await session.query(`SHOW CREATE ${t.kind.toUpperCase()} ${name}`);
      const row = rows[0] ?? {};
      // The definition columns only ('Create Table', 'Create View', 'SQL Original Statement', ...);
      // 'Created' timestamps and charset columns are kept: they change only when the object does.
      parts.push(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/ AUTO_INCREMENT=\d+/g, '') : v]));
    } catch (e) {
      if (e instanceof ServerError && ABSENT.has(e.errno)) parts.push(null);
      else if (e instanceof ServerError && e.fatal) throw e;
      else return null;
    }
  }
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
