import type { Ddl } from '../dialect/mysql/ddl.js';
import { misfit } from '../dialect/mysql/misfit.js';
import { ident } from '../dialect/mysql/sql.js';
import { typeLabel } from '../dialect/mysql/types.js';
import type { Column } from '../ir/types.js';
import { CHECK_COLUMN, type Risk } from './types.js';
import { isWidening } from './widening.js';

/*
 * The down of a widening narrows: VARCHAR(64) back to VARCHAR(32) fails on a 40-character value
 * under strict sql_mode (or cuts it without), half-way through a down that has already dropped
 * foreign keys. Such a down is labelled lossy in the plan, and it starts with a check: a SELECT of
 * the rows whose values the narrower column cannot hold, which the runtime runs before the first
 * statement of the migration and which refuses the run, naming the rows, when it finds any.
 */

/** Most rows a check names. */
export const CHECK_LIMIT = 10;

/** A column change undone by a down, seen from the down: `current` is what the up made, `target` what the down restores. */
export interface Narrowing {
  readonly table: string;
  readonly current: Column;
  readonly target: Column;
  /** The table's primary key columns when the down starts: they name the rows. */
  readonly key: readonly string[];
}

/** True when turning `current` back into `target` can lose or reject values. */
export function narrows(current: Column, target: Column): boolean {
  return !isWidening(current.type, target.type) || (current.nullable && !target.nullable);
}

/** The risk that labels a lossy down, and the check that goes first in it (null when the loss cannot be told by a query). */
export function lossyDown(n: Narrowing): { readonly risk: Risk; readonly check: Ddl | null } {
  const where = misfit(ident(n.current.name), n.current, n.target, isWidening(n.current.type, n.target.type));
  const target = `${typeLabel(n.target.type)}${n.target.nullable ? '' : ' NOT NULL'}`;
  const label = `${n.table}.${n.current.name} holds values that ${target} cannot`;
  const risk: Risk = { level: 'warning', code: 'R_LOSSY_DOWN', table: n.table,
    message: `lossy down: the down script turns ${n.table}.${n.current.name} back into ${target}; `
      + (where ? 'it refuses to run while a row holds a value that does not fit (it names the rows)'
        : 'values that do not fit are lost or rejected, and cannot be checked first') };
  if (!where) return { risk, check: null };
  const columns = [...n.key.filter((k) => k !== n.current.name), n.current.name];
  return { risk, check: { kind: 'refuseRows', table: n.table, label, columns, where, limit: CHECK_LIMIT, alias: CHECK_COLUMN } };
}
