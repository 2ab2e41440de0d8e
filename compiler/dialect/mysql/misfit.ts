import { assertNever, type Column, type ColumnType } from '../../ir/types.js';
import { literal } from './quote.js';
import { INT_LIMITS, LOB_BYTES } from './types.js';
import type { GeometryShape } from '../../ir/types.js';

/** What ST_GeometryType() returns for a value of each shape (MySQL 8 names a collection GEOMCOLLECTION). */
const GEOMETRY_TYPE_NAMES: Readonly<Record<GeometryShape, readonly string[]>> = {
  geometry: [], point: ['POINT'], linestring: ['LINESTRING'], polygon: ['POLYGON'], multipoint: ['MULTIPOINT'],
  multilinestring: ['MULTILINESTRING'], multipolygon: ['MULTIPOLYGON'], geometrycollection: ['GEOMETRYCOLLECTION', 'GEOMCOLLECTION'],
};

/**
 * SQL conditions for the rows whose value a narrower column cannot hold: what the check before a
 * lossy down selects (see plan/lossy.ts). `widens` says whether the type change loses nothing
 * (plan/widening.ts decides it).
 */

/** A condition true for the rows whose value of `c` (now `current`) the `target` column cannot hold, or null. */
export function misfit(c: string, current: Column, target: Column, widens: boolean): string | null {
  const parts: string[] = [];
  if (!widens) {
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
    // A value with more bits than the target holds.
    // Between these and other types nothing widens; no value of one fits another.
    case 'uuid': case 'inet6': case 'inet4': return null;
    case 'bit': return `${c} >= ${1n << BigInt(target.length)}`;
    // Values of another shape, or of another SRID where the target has one.
    case 'geometry': {
      const shape = target.shape === 'geometry' ? null : `ST_GeometryType(${c}) NOT IN (${GEOMETRY_TYPE_NAMES[target.shape].map(literal).join(', ')})`;
      const srid = target.srid === null ? null : `ST_SRID(${c}) <> ${target.srid}`;
      return [shape, srid].filter(Boolean).join(' OR ') || null;
    }
    default:
      return assertNever(target, 'column type');
  }
}

/** Outside [min, max], or (`scale` 0) with a fraction the integer type would round away. */
function range(c: string, min: bigint, max: bigint, scale: number | null): string {
  const bounds = `${c} NOT BETWEEN ${min} AND ${max}`;
  return scale === null ? bounds : `${bounds} OR ${c} <> ROUND(${c}, ${scale})`;
}
