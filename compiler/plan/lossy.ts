import { ident, literal, typeSql } from '../dialect/mysql/sql.js';
import { INT_LIMITS, LOB_BYTES } from '../dialect/mysql/types.js';
import { assertNever, type Column, type ColumnType } from '../ir/types.js';
import { CHECK_COLUMN, type Risk, type Statement } from './types.js';
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
export function lossyDown(n: Narrowing): { readonly risk: Risk; readonly check: Statement | null } {
  const where = misfit(ident(n.current.name), n.current, n.target);
  const target = `${typeSql(n.target.type)}${n.target.nullable ? '' : ' NOT NULL'}`;
  const label = `${n.table}.${n.current.name} holds values that ${target} cannot`;
  const risk: Risk = { level: 'warning', code: 'R_LOSSY_DOWN', table: n.table,
    message: `lossy down: the down script turns ${n.table}.${n.current.name} back into ${target}; `
      + (where ? 'it refuses to run while a row holds a value that does not fit (it names the rows)'
        : 'values that do not fit are lost or rejected, and cannot be checked first') };
  if (!where) return { risk, check: null };
  const columns = [...n.key.filter((k) => k !== n.current.name), n.current.name].map(ident);
  const sql = `SELECT ${literal(label)} AS ${ident(CHECK_COLUMN)}, ${columns.join(', ')} FROM ${ident(n.table)} WHERE ${where} LIMIT ${CHECK_LIMIT}`;
  return { risk, check: { sql, format: true } };
}

/** A condition true for the rows whose value of `c` (now `current`) the `target` column cannot hold, or null. */
function misfit(c: string, current: Column, target: Column): string | null {
  const parts: string[] = [];
  if (!isWidening(current.type, target.type)) {
    const type = typeMisfit(c, current.type, target.type);
    if (type === null) return null;
    parts.push(type);
  }
  if (current.nullable && !target.nullable) parts.push(`${c} IS NULL`);
  return parts.length ? parts.join(' OR ') : null;
}

/** The bytes a TEXT/BLOB of that size holds, or null for the largest (nothing is longer). */
const lobBytes = (size: keyof typeof LOB_BYTES): number | null => (LOB_BYTES[size] === LOB_BYTES.longtext ? null : LOB_BYTES[size]);

function typeMisfit(c: string, current: ColumnType, target: ColumnType): string | null {
  const fractional = current.kind === 'decimal' || current.kind === 'float' || current.kind === 'double';
  switch (target.kind) {
    case 'char': case 'varchar': return `CHAR_LENGTH(${c}) > ${target.length}`;
    case 'text': case 'blob': {
      const max = lobBytes(target.size);
      return max === null ? null : `LENGTH(${c}) > ${max}`;
    }
    case 'binary': case 'varbinary': return `LENGTH(${c}) > ${target.length}`;
    case 'boolean': return range(c, -128n, 127n, fractional ? 0 : null);
    case 'int': {
      const { min, max } = INT_LIMITS[target.size];
      return target.unsigned ? range(c, 0n, max * 2n + 1n, fractional ? 0 : null) : range(c, min, max, fractional ? 0 : null);
    }
    case 'decimal': {
      const digits = target.precision - target.scale;
      const max = digits > 0 ? `${'9'.repeat(digits)}${target.scale ? '.' + '9'.repeat(target.scale) : ''}` : `0.${'9'.repeat(target.scale)}`;
      const moreDecimals = current.kind === 'decimal' ? current.scale > target.scale : current.kind !== 'int' && current.kind !== 'boolean';
      const bounds = `${c} NOT BETWEEN ${target.unsigned ? '0' : '-' + max} AND ${max}`;
      return moreDecimals ? `${bounds} OR ${c} <> ROUND(${c}, ${target.scale})` : bounds;
    }
    case 'enum': return `${c} NOT IN (${target.values.map(literal).join(', ')})`;
    case 'time': case 'datetime': case 'timestamp':
      // Fractional digits beyond the target's are rounded away; other changes are not checked.
      if (current.kind === target.kind && current.fsp > target.fsp) return `MICROSECOND(${c}) % ${10 ** (6 - target.fsp)} <> 0`;
      return null;
    case 'date':
      return current.kind === 'datetime' || current.kind === 'timestamp' ? `TIME(${c}) <> '00:00:00'` : null;
    // Not told by a query yet: the down is still labelled lossy.
    case 'float': case 'double': case 'year': case 'json': case 'set':
      return null;
    default:
      return assertNever(target, 'column type');
  }
}

/** Outside [min, max], or (`scale` 0) with a fraction the integer type would round away. */
function range(c: string, min: bigint, max: bigint, scale: number | null): string {
  const bounds = `${c} NOT BETWEEN ${min} AND ${max}`;
  return scale === null ? bounds : `${bounds} OR ${c} <> ROUND(${c}, ${scale})`;
}
