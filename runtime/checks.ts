import { SchemacError } from '../compiler/diagnostics.js';
import { CHECK_COLUMN } from '../compiler/plan/types.js';
import type { Row } from './session.js';
import type { Statement } from './statements.js';

/*
 * Checks in migration files: a SELECT whose first column is a string literal named
 * `schemac_check` returns the rows a step cannot handle (`schemac build` writes one before a down
 * narrows a column: the values that would not fit). The migrator runs every check of a migration
 * before its first statement and refuses while one returns rows, naming them; met in its place,
 * a check that returns rows stops the migration there, as a failing statement would.
 */

const CHECK_RE = new RegExp(`^SELECT\\s+'(?:[^'\\\\]|''|\\\\[\\s\\S])*'\\s+AS\\s+\`${CHECK_COLUMN}\``, 'i');

/** Whether a statement is a check. */
export function isCheck(s: Statement): boolean {
  return CHECK_RE.test(s.sql);
}

/** Where a check is, and what the migration run is, for the refusal. */
export interface CheckSite {
  readonly database: string;
  readonly direction: 'up' | 'down';
  readonly migration: string;
  readonly file: string;
  /** The check's number in its file. */
  readonly number: number;
  readonly statement: Statement;
  /** True when it was run before the migration's first statement (nothing of it ran). */
  readonly first: boolean;
  /** What ran before it, when not first (`statements 1..4 ran and are recorded`). */
  readonly ran?: string;
}

/** The refusal for a check that returned rows. */
export function checkRefusal(site: CheckSite, rows: readonly Row[]): SchemacError {
  const what = String(rows[0][CHECK_COLUMN]);
  const shown = rows.map((r) => Object.entries(r).filter(([k]) => k !== CHECK_COLUMN).map(([k, v]) => `${k}=${value(v)}`).join(' ')).join('; ');
  const count = `${rows.length} row${rows.length === 1 ? '' : 's'}${rows.length >= 10 ? ' (at least)' : ''}`;
  const doing = site.direction === 'down' ? `reverting ${site.migration}` : `migration ${site.migration}`;
  return new SchemacError({
    code: 'E_CHECK_FAILED', pos: { file: site.file, line: site.statement.line, column: 1 },
    message: `database ${site.database}: ${doing} refused ${site.first ? 'before its first statement' : `at statement ${site.number}`}: `
      + `${what}: ${count}: ${shown}`,
    hint: `${site.first ? 'nothing of it ran' : site.ran ?? ''}; change or remove those values (or keep the migration), then run \`schemac ${site.direction}\` again`
      + ` (the check is statement ${site.number} of ${site.file})`,
  });
}

/** A value as a reader would write it: strings quoted and cut at 40 characters, NULL as NULL. */
function value(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Buffer.isBuffer(v)) return `0x${v.subarray(0, 20).toString('hex')}${v.length > 20 ? '…' : ''}`;
  if (typeof v === 'string') return `'${(v.length > 40 ? v.slice(0, 40) + '…' : v).replace(/'/g, "''")}'`;
  return String(v);
}
